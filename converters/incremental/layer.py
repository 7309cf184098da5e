"""The incremental build: the pipeline's hooks (:class:`~converters.pipeline.BuildHooks`)
answered from what the previous build into the same output folder left behind.

Each hook takes over one kind of earlier work: the whole output when nothing
changed; parsed sources (:mod:`.parse_cache`); the last graph, patched rather than
converted again when few sources changed (:mod:`.previous`); validation shards whose
triples are the same; the spare output, updated in place (:mod:`.spare`); files
whose inputs read the same (:mod:`.reuse`); dumps patched in place (:mod:`.dumps`);
compiled templates. What it saves for the next build is described in :mod:`.cache`.
The output is always the same as a clean build's.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import ExitStack, suppress
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import cast

from ..convert.corpus import Conversion, convert_corpus
from ..convert.dataset import Publication
from ..convert.eurovoc import EurovocIndex
from ..digests import digest
from ..errors import BuildError
from ..iris import Minter
from ..pipeline import BuildHooks, BuildOptions, BuildReport
from ..publish.dumps import DUMP_FILES, DumpPatcher
from ..publish.output import spare_folder
from ..publish.policy import WritePolicy
from ..records import QuestionRecord
from ..site.graph_view import GraphView
from ..site.templating import CompiledTemplates
from ..sources import Parsed, Progress, SourceKey
from ..validate.shacl import KnownResults
from ..validate.shards import ShardReuse
from ..workers import Background, in_background
from .cache import BuildCache, SourceStamps, cache_folder, code_fingerprint, stamp_of
from .parse_cache import parse_incrementally, source_keys
from .previous import (
    Built,
    Inputs,
    PreviousConversion,
    earlier_dumps,
    shard_reuse,
    unchanged_output,
    without_triples,
)
from .reuse import OutputReuse
from .spare import start_cleaning_spare, take_spare


class IncrementalBuild(BuildHooks):
    """Hooks that reuse the previous build's work; one instance per build."""

    def start(
        self, options: BuildOptions, paths: Sequence[Path], before_unlocking: ExitStack
    ) -> BuildReport | None:
        started = time.perf_counter()
        self.out = options.out
        self.before_unlocking = before_unlocking
        self.cache = BuildCache(
            cache_folder(options.out),
            code_fingerprint(Minter(options.base_uri).base, *options.publication.settings()),
        )
        self.reused: dict[str, tuple[int, int]] = {}
        self.cleaning = start_cleaning_spare(options.out, self.cache)
        if self.cleaning is not None:
            before_unlocking.callback(self.cleaning.stop)
        self.eurovoc = _eurovoc_digest(options.eurovoc)
        previous = self.cache.load("built")
        self.previous = previous if isinstance(previous, Built) else None
        if self.previous is not None or self.cache.holds_sharded("parsed"):
            stamps = self.cache.load("stamps")
            trusted = stamps if isinstance(stamps, SourceStamps) else None
            self.keys, self.seen = source_keys(paths, trusted)
        else:  # nothing to compare the sources with: the parser reads each once
            self.keys, self.seen = [None] * len(paths), SourceStamps(taken_ns=time.time_ns())
        found = Inputs(tuple(self.keys), self.eurovoc)
        unchanged = unchanged_output(options.out, self.cache, self.previous, found)
        if unchanged is not None:
            self.cache.save("stamps", self.seen)
            return replace(unchanged, seconds=time.perf_counter() - started, timings={})
        self.cache.forget("built")
        self.known_sources = self.cache.load_sharded("parsed")
        self.patching = PreviousConversion.of(self.previous, found, self.known_sources, self.out)
        return None

    def parse(
        self, paths: Sequence[Path], jobs: int, progress: Progress | None
    ) -> Iterator[Parsed]:
        remembered: dict[SourceKey, Parsed] = {}
        read_keys: list[SourceKey | None] = []
        known = self.known_sources
        for key, parsed, status in parse_incrementally(paths, self.keys, jobs, known, progress):
            read_keys.append(key)
            if key is not None:
                remembered[key] = parsed
                if status is not None:
                    self.seen.stamps[key[0]] = stamp_of(status, key[1])
            yield parsed
        self.inputs = Inputs(tuple(read_keys), self.eurovoc)
        parsed_before = sum(1 for key in remembered if key in known)
        self.reused["sources"] = (parsed_before, len(paths))
        if parsed_before != len(remembered) or len(known) != len(remembered):
            save = partial(self.cache.save_sharded, "parsed", remembered, known)
            self.before_unlocking.callback(_save_beside(save))
        self.cache.save("stamps", self.seen)
        del self.known_sources

    def convert(
        self,
        records: Iterable[QuestionRecord],
        minter: Minter,
        eurovoc: EurovocIndex | None,
        publication: Publication,
    ) -> Conversion:
        if self.patching is None:
            return convert_corpus(records, minter, eurovoc, publication)
        patched = self.patching.patched(list(records), minter, eurovoc, publication)
        self.patching = None  # its records: the texts live on in the triples
        return patched

    def validation_memory(self, conversion: Conversion) -> tuple[KnownResults, ShardReuse | None]:
        self.validated_before = self.cache.load_mapping("validated")
        return self.validated_before, shard_reuse(self.previous, conversion)

    def validated(self, results: KnownResults) -> None:
        before = self.validated_before
        self.reused["shards"] = (sum(1 for key in results if key in before), len(results))
        self.cache.save("validated", results)

    def output_folder(self) -> tuple[Path | None, bool]:
        spare, self.kept, self.altered = take_spare(self.out, self.cache, self.cleaning)
        self.has_live = self.cache.holds("outputs")
        self.first_rebuild = spare is None and self.has_live
        return spare, self.has_live

    def write_policy(self, staging: Path) -> WritePolicy:
        live = self.cache.load_record("outputs") if self.first_rebuild else None
        self.reuse = OutputReuse(
            staging,
            live if self.first_rebuild and live else self.kept,
            self.out if self.first_rebuild else None,
            self.altered,
        )
        return self.reuse

    def dump_patcher(self, conversion: Conversion) -> DumpPatcher | None:
        return earlier_dumps(self.previous, conversion, self.out)

    def graph_view(self, conversion: Conversion, base: str) -> GraphView:
        view = GraphView(conversion.triples, base)
        previous, patch = self.previous, conversion.patch
        if previous is not None and patch is not None:
            view.reuse_digests(previous.digests, patch.subject_iris, patch.linked, previous.derived)
        return view

    def compiled_templates(self) -> CompiledTemplates | None:
        return CompiledTemplates(self.cache.folder / "templates", self.cache.fingerprint)

    def finish(
        self, report: BuildReport, view: GraphView, policy: WritePolicy, shards: Mapping[str, str]
    ) -> BuildReport:
        reuse = cast(OutputReuse, policy)
        if self.has_live and spare_folder(self.out).is_dir():
            self.cache.rename("outputs", "spare")  # what the output just replaced holds
        self.cache.save("outputs", reuse.current)
        self.reused["files"] = (reuse.reused, reuse.reused + reuse.written)
        report = replace(report, reused=self.reused)
        kept = replace(report, conversion=without_triples(report.conversion))
        written = reuse.current.files
        dumps = {name: entry for name in DUMP_FILES if (entry := written.get(name)) is not None}
        digests = reuse.current.digests
        derived = view.derived_reads(digests)
        self.cache.save("built", Built(self.inputs, kept, dumps, digests, derived, dict(shards)))
        return report


def _eurovoc_digest(path: Path | None) -> str | None:
    if path is None:
        return None
    try:
        return digest(path.read_bytes())
    except OSError as error:
        raise BuildError(f"cannot read the EuroVoc file {path}: {error.strerror}") from None


def _save_beside(save: Callable[[], object]) -> Callable[[], None]:
    """Save to the cache in a forked process at the lowest priority while the build
    goes on (pickling the parsed corpus of a clean build takes a while, and conversion
    leaves a core idle); returns what waits for it to end, before the lock is let go."""
    saving: Background[object] | None = in_background(save, niceness=19)
    if saving is None:
        save()
        return lambda: None

    def wait() -> None:
        with suppress(RuntimeError):  # a cache that cannot be written is no error
            saving.wait()

    return wait
