"""The previous build into the same output folder, as the cache remembers it: what it
read, what it reported, how it left its dumps, what its pages read; and what a new
build can take over from it (its whole output, its graph to patch, its shards)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from pyoxigraph import RdfFormat, parse

from ..convert.corpus import Conversion, convert_corpus
from ..convert.dataset import Publication
from ..convert.eurovoc import EurovocIndex
from ..iris import Minter
from ..pipeline import BuildReport
from ..publish.dumps import DUMP_FILES, DUMP_NAME
from ..records import QuestionRecord
from ..site.graph_view import DerivedReads
from ..sources import Parsed, SourceKey
from ..validate.shards import ShardReuse
from .cache import BuildCache, WrittenFile, is_status_of
from .dumps import EarlierDumps
from .graph_patch import StaleGraphError, patch_conversion


@dataclass(frozen=True)
class Inputs:
    """What a build reads besides its code and settings (which key the cache)."""

    sources: tuple[SourceKey | None, ...]
    eurovoc: str | None


@dataclass(frozen=True)
class Built:
    """The inputs of the last complete build into an output folder, its report, how it
    left its dumps, and the dependency digests of its graph."""

    inputs: Inputs
    report: BuildReport
    dumps: Mapping[str, WrittenFile] = field(default_factory=dict)
    digests: Mapping[str, int] = field(default_factory=dict)
    """The digest of each dependency key its pages read, on its graph."""
    derived: Mapping[str, DerivedReads] = field(default_factory=dict)
    """What each derived key among those was computed from (see
    :meth:`GraphView.reuse_digests`)."""
    shards: Mapping[str, str] = field(default_factory=dict)
    """The digest of each validation shard of its graph, by name (see
    :class:`~converters.validate.shacl.ShardReuse`)."""

    def left_as_written(self, out: Path, name: str) -> bool:
        """Whether the dump ``name`` in ``out`` is as this build wrote it (its size and
        modification time)."""
        written = self.dumps.get(name)
        try:
            return written is not None and is_status_of(written, (out / name).lstat())
        except OSError:
            return False


_GRAPH_DUMP = f"{DUMP_NAME}.nt"
PATCH_LIMIT = 100
"""A conversion is patched (:func:`.graph_patch.patch_conversion`) when at most one
source in this many was edited, added or removed; past that, patching costs about as
much as converting the whole corpus (measured in bench/RESULTS.md)."""


class PreviousConversion:
    """The graph and records of the last build into the output folder, read back to
    patch rather than convert the whole corpus again when few sources changed."""

    def __init__(self, dump: Path, records: list[QuestionRecord], conversion: Conversion) -> None:
        self.dump = dump
        self.records = records
        self.conversion = conversion

    @classmethod
    def of(
        cls,
        previous: Built | None,
        inputs: Inputs,
        known: dict[SourceKey, Parsed],
        out: Path,
    ) -> PreviousConversion | None:
        """What patching needs, if the previous build read the same EuroVoc file, every
        source it read is in the parse cache, few sources changed since, and its
        N-Triples dump is as it wrote it (its size and modification time); else None."""
        if previous is None or not previous.left_as_written(out, _GRAPH_DUMP):
            return None
        before = previous.inputs
        read_before = [key for key in before.sources if key is not None]
        if before.eurovoc != inputs.eurovoc:
            return None
        if _changed_sources(before, inputs) * PATCH_LIMIT > len(inputs.sources):
            return None
        if any(key not in known for key in read_before):
            return None
        records = [p for key in read_before if isinstance(p := known[key], QuestionRecord)]
        return cls(out / _GRAPH_DUMP, records, previous.report.conversion)

    def patched(
        self,
        records: list[QuestionRecord],
        minter: Minter,
        eurovoc: EurovocIndex | None,
        publication: Publication,
    ) -> Conversion:
        """The conversion of ``records``; converted whole if the dump cannot be read or
        is not the previous conversion's graph after all."""
        try:
            triples = [
                quad.triple for quad in parse(path=str(self.dump), format=RdfFormat.N_TRIPLES)
            ]
            previous = replace(self.conversion, triples=triples)
            return patch_conversion(previous, self.records, records, minter, eurovoc, publication)
        except (OSError, SyntaxError, StaleGraphError):
            return convert_corpus(records, minter, eurovoc, publication)


def shard_reuse(previous: Built | None, conversion: Conversion) -> ShardReuse | None:
    """What validating a patched graph can take over from the last build's shards."""
    if previous is None or conversion.patch is None:
        return None
    return ShardReuse(previous.shards, conversion.patch.changed)


def _changed_sources(before: Inputs, now: Inputs) -> int:
    """How many sources were edited, added or removed since ``before``, counting those
    that cannot be read now."""
    old = dict(key for key in before.sources if key is not None)
    new = dict(key for key in now.sources if key is not None)
    unreadable = len(now.sources) - len(new)
    return unreadable + sum(old.get(name) != new.get(name) for name in old.keys() | new.keys())


def unchanged_output(
    out: Path, cache: BuildCache, built: Built | None, inputs: Inputs
) -> BuildReport | None:
    """The report of the build that made ``out``, if it read these very inputs and
    ``out`` holds exactly what it wrote: then a new build would write the same output
    again, and there is nothing to do. None otherwise.

    Each source is known by its digest, read again unless its stamp vouches for it
    (see :class:`~converters.incremental.cache.SourceStamps`), and the output by the size and
    modification time of each of its files, with no file or folder added."""
    if built is None or built.inputs != inputs or None in inputs.sources:
        return None
    record = cache.load_record("outputs")
    if record is None or not record.describes(out):
        return None
    files = len(record.files)
    reused = {what: (total, total) for what, (_, total) in built.report.reused.items()}
    return replace(built.report, reused={**reused, "files": (files, files)})


def without_triples(conversion: Conversion) -> Conversion:
    return replace(conversion, triples=[], patch=None)


def earlier_dumps(previous: Built | None, conversion: Conversion, out: Path) -> EarlierDumps | None:
    """The last build's dumps, to patch as its graph was patched into this one's."""
    if previous is None or conversion.patch is None:
        return None
    names = frozenset(name for name in DUMP_FILES if previous.left_as_written(out, name))
    return EarlierDumps(out, names, conversion.patch)
