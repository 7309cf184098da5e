"""The build pipeline, from source files to a published output folder.

This is where the I/O is: finding and reading sources, loading EuroVoc, writing the
outputs. Parsing and converting are the pure functions of :mod:`converters.parse`
and :mod:`converters.convert.corpus`. Outputs are written into a fresh folder beside the
target and swapped in only when complete, so a failed or interrupted build never
leaves a half-written site behind, and a lock keeps two builds from interleaving.
"""

from __future__ import annotations

import ctypes
import fcntl
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import ExitStack, contextmanager, suppress
from dataclasses import dataclass, field, replace
from functools import partial
from importlib.resources import files
from pathlib import Path
from typing import NamedTuple

from pyoxigraph import RdfFormat, Triple, parse

from .convert.corpus import (
    Conversion,
    CorpusConverter,
    StaleGraphError,
    convert_corpus,
    patch_conversion,
)
from .convert.dataset import Publication
from .convert.eurovoc import EurovocIndex
from .incremental.cache import (
    BuildCache,
    OutputRecord,
    OutputReuse,
    SourceStamps,
    Stamp,
    WrittenFile,
    cache_folder,
    code_fingerprint,
    digest,
    is_status_of,
    stamp_of,
)
from .iris import DEFAULT_BASE_URI, Minter
from .parse import ParseError, parse_document
from .publish.files import (
    DUMP_NAME,
    DUMPS,
    EarlierDumps,
    RdfReadError,
    read_rdf,
    resource_descriptions,
    resource_files,
    write_dumps,
    write_resource,
    write_validation_report,
)
from .records import QuestionRecord
from .site.generator import SiteGenerator, write_site
from .site.graph_view import DerivedReads
from .site.templating import CompiledTemplates
from .validate.shacl import KnownResults, ShardReuse, ValidationReport, validate_incrementally
from .workers import (
    Background,
    WorkerError,
    die_with_parent,
    fewer_collections,
    in_background,
    run_in_workers,
    settled,
)

SOURCE_SUFFIXES = (".txt",)
PARALLEL_THRESHOLD = 200
"""Below this many documents, starting worker processes costs more than it saves."""

Progress = Callable[[str, int, int], None]
"""``progress(stage, done, total)``, called as work advances."""


class BuildError(Exception):
    """A build that cannot start: bad options, unreadable EuroVoc file, locked output."""


@dataclass(frozen=True)
class BuildOptions:
    sources: Sequence[Path] = ()
    out: Path = Path("output")
    base_uri: str = DEFAULT_BASE_URI
    eurovoc: Path | None = None
    jobs: int = field(default_factory=lambda: os.cpu_count() or 1)
    publication: Publication = field(default_factory=Publication)
    incremental: bool = True
    """Reuse what the previous build into ``out`` made from unchanged inputs."""


@dataclass(frozen=True)
class BuildReport:
    documents: int
    conversion: Conversion
    """What conversion made; without its triples when the build found its inputs and
    output as the previous build left them, and kept that build's output."""
    parse_errors: tuple[ParseError, ...]
    out: Path
    eurovoc_concepts: int
    validation: ValidationReport
    pages: int
    seconds: float
    timings: dict[str, float] = field(default_factory=dict)
    """Seconds spent in each stage: parse, convert, validate, serialize, render.
    Validation runs beside serialization and page planning, the dumps beside
    rendering; rendering counts the wait for both."""
    reused: dict[str, tuple[int, int]] = field(default_factory=dict)
    """(reused, of all) for ``sources`` parsed, ``shards`` validated and output ``files``
    made: how much came from the previous build into the same output folder."""
    triples: int = 0
    """How many triples the graph has."""

    @property
    def error_lines(self) -> list[str]:
        return [str(e) for e in self.parse_errors] + [str(e) for e in self.conversion.errors]

    @property
    def failed(self) -> bool:
        return bool(self.error_lines) or self.validation.has_violations


def sample_corpus() -> Path:
    """The bundled sample documents, built when no source is named."""
    return Path(str(files("converters") / "sample"))


def discover_sources(paths: Sequence[Path]) -> list[Path]:
    """Source files named or found (recursively, ``*.txt``) in folders, sorted per argument."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(_sources_below(path)))
        elif path.is_file():
            found.append(path)
        else:
            raise BuildError(f"no such file or folder: {path}")
    return list(dict.fromkeys(found))


def _sources_below(folder: Path) -> Iterator[Path]:
    """The source files below ``folder``, through links to files but not to folders.

    Each entry's kind comes with its name (``os.scandir``): asking for it file by
    file took a system call each, a tenth of a second for 10,000 sources."""
    pending = [folder]
    while pending:
        current = pending.pop()
        with os.scandir(current) as entries:
            for entry in entries:
                if entry.is_dir() and not entry.is_symlink():
                    pending.append(current / entry.name)
                elif entry.is_file() and (path := current / entry.name).suffix in SOURCE_SUFFIXES:
                    yield path


def display_name(path: Path, here: str | None = None) -> str:
    """How a source is named in errors and reports: relative to here when below it
    (``here``: :func:`working_folder`, when naming many).

    Paths are made absolute without resolving symbolic links: resolving costs a system
    call per path component, a second for 10,000 sources; and as strings, pathlib's
    own ``absolute`` and ``relative_to`` took a tenth of a second."""
    here = here or working_folder()
    absolute = str(path) if path.is_absolute() else here + str(path)
    return absolute.removeprefix(here) if absolute.startswith(here) else str(path)


def working_folder() -> str:
    """The working folder, ending with a separator (asking for it is a system call)."""
    return str(Path.cwd()).rstrip(os.sep) + os.sep


Parsed = QuestionRecord | ParseError
SourceKey = tuple[str, str]
"""A source as the parse cache knows it: its name, and a digest of its bytes."""


class ReadSource(NamedTuple):
    """A source as the parser read it: its key (None: unreadable), its record or error,
    and its stamp, taken from the open file just before its bytes were read."""

    key: SourceKey | None
    parsed: Parsed
    stamp: Stamp | None


def _read_and_parse_keyed(path: Path) -> ReadSource:
    name = display_name(path)
    try:
        with path.open("rb") as source:
            status = os.fstat(source.fileno())
            data = source.read()
    except OSError as error:
        return ReadSource(None, ParseError(name, 1, f"a readable file ({error.strerror})"), None)
    key = (name, digest(data))
    stamp = stamp_of(status, key[1])
    try:
        return ReadSource(key, parse_document(data, name), stamp)
    except ParseError as error:
        return ReadSource(key, error, stamp)


def parse_all(
    paths: Sequence[Path],
    jobs: int,
    progress: Progress | None = None,
    parallel_threshold: int = PARALLEL_THRESHOLD,
) -> list[Parsed]:
    """Parse in worker processes when it pays; results keep the order of ``paths``."""
    return [read.parsed for read in _parse_keyed(paths, jobs, progress, parallel_threshold)]


def _parse_keyed(
    paths: Sequence[Path],
    jobs: int,
    progress: Progress | None = None,
    parallel_threshold: int = PARALLEL_THRESHOLD,
    done_before: int = 0,
    total: int | None = None,
) -> Iterator[ReadSource]:
    """Each source as read and parsed, in the order of ``paths``, as soon as it is."""
    total = len(paths) if total is None else total
    if jobs <= 1 or len(paths) < parallel_threshold:
        for done, path in enumerate(paths, start=1):
            yield _read_and_parse_keyed(path)
            if progress:
                progress("parse", done_before + done, total)
        return
    chunk = max(1, min(256, len(paths) // (jobs * 8)))
    with ProcessPoolExecutor(
        max_workers=jobs, initializer=die_with_parent, initargs=(os.getpid(),)
    ) as pool:
        try:
            results = pool.map(_read_and_parse_keyed, paths, chunksize=chunk)
            for done, result in enumerate(results, start=1):
                yield result
                if progress:
                    progress("parse", done_before + done, total)
        finally:  # a build that fails while converting does not parse the rest first
            pool.shutdown(cancel_futures=True)


def source_keys(
    paths: Sequence[Path], stamps: SourceStamps | None = None
) -> tuple[list[SourceKey | None], SourceStamps]:
    """Each source's name and a digest of its bytes (None if it cannot be read), from
    its stamp when that can be trusted; and the sources' stamps for the next build."""
    seen = SourceStamps(taken_ns=time.time_ns())
    trusted = stamps or SourceStamps()
    here = working_folder()
    return [_source_key(path, trusted, seen.stamps, here) for path in paths], seen


def parse_incrementally(
    paths: Sequence[Path],
    keys: Sequence[SourceKey | None],
    jobs: int,
    known: dict[SourceKey, Parsed],
    progress: Progress | None = None,
) -> Iterator[ReadSource]:
    """Each source, in the order of ``paths``, as soon as it is there: the sources whose
    bytes were not parsed before are read and parsed, the others come from ``known``
    (with no stamp: they were not read).

    A known source is recognised by its :func:`source_keys`: its name and a digest of
    its bytes (reading and hashing a document is ~50 times faster than parsing it), or
    of the bytes its stamp vouches for. A key None (unreadable, or not read yet) is
    never known. The key of a fresh result has the digest of the bytes the parser read.
    """
    missing = [path for path, key in zip(paths, keys, strict=True) if key not in known]
    fresh = _parse_keyed(missing, jobs, progress, done_before=len(paths) - len(missing))
    for key in keys:
        if key is not None and key in known:
            yield ReadSource(key, known[key], None)
        else:
            yield next(fresh)
    for _ in fresh:  # none left: this ends the worker pool
        pass
    if progress:
        progress("parse", len(paths), len(paths))


def _source_key(
    path: Path, stamps: SourceStamps, seen: dict[str, Stamp], here: str
) -> SourceKey | None:
    """The source's name and digest, from its stamp when that can be trusted; notes in
    ``seen`` the stamp it has now."""
    name = display_name(path, here)
    try:
        status = path.stat()
        found = stamps.digest_of(name, status) or digest(path.read_bytes())
    except OSError:
        return None
    seen[name] = stamp_of(status, found)
    return name, found


def load_eurovoc(path: Path) -> EurovocIndex:
    """Index a SKOS file (Turtle, N-Triples or RDF/XML, told by its extension)."""
    try:
        return EurovocIndex.from_triples(read_rdf([path]))
    except RdfReadError as error:
        raise BuildError(f"cannot read the EuroVoc file {error}") from None


def build(options: BuildOptions, progress: Progress | None = None) -> BuildReport:
    """Build the dataset and publish it into ``options.out``."""
    started = time.perf_counter()
    clock = _StageClock()
    minter = Minter(options.base_uri)
    paths = discover_sources(options.sources or [sample_corpus()])
    cache = BuildCache(
        cache_folder(options.out),
        code_fingerprint(minter.base, *options.publication.settings()),
        enabled=options.incremental,
    )
    reused: dict[str, tuple[int, int]] = {}
    with build_lock(options.out), fewer_collections(), ExitStack() as before_unlocking:
        before_unlocking.callback(remove_set_aside, options.out)  # built or failed
        cleaning = _start_cleaning_spare(options, cache)
        if cleaning is not None:
            before_unlocking.callback(cleaning.stop)
        eurovoc_digest = _eurovoc_digest(options.eurovoc)
        previous = cache.load("built")
        previous = previous if isinstance(previous, _Built) else None
        if previous is not None or cache.holds_sharded("parsed"):
            stamps = cache.load("stamps")
            keys, seen = source_keys(paths, stamps if isinstance(stamps, SourceStamps) else None)
        else:  # nothing to compare the sources with: the parser reads each once
            keys, seen = [None] * len(paths), SourceStamps(taken_ns=time.time_ns())
        found = _Inputs(tuple(keys), eurovoc_digest)
        unchanged = _unchanged_output(options.out, cache, previous, found)
        if unchanged is not None:
            cache.save("stamps", seen)
            return replace(unchanged, seconds=time.perf_counter() - started, timings={})
        cache.forget("built")
        eurovoc = load_eurovoc(options.eurovoc) if options.eurovoc else None
        known_sources = cache.load_sharded("parsed")
        patching = _PreviousConversion.of(previous, found, known_sources, options.out)
        converter = CorpusConverter(minter, eurovoc, options.publication)
        remembered: dict[SourceKey, Parsed] = {}
        read_keys: list[SourceKey | None] = []
        records: list[QuestionRecord] = []
        errors_found: list[ParseError] = []
        for key, parsed, stamp in parse_incrementally(
            paths, keys, options.jobs, known_sources, progress
        ):
            read_keys.append(key)
            if key is not None:
                remembered[key] = parsed
                if stamp is not None:
                    seen.stamps[key[0]] = stamp
            if not isinstance(parsed, QuestionRecord):
                errors_found.append(parsed)
            elif patching is not None:
                records.append(parsed)
            else:
                converter.add(parsed)
        inputs = _Inputs(tuple(read_keys), eurovoc_digest)
        errors = tuple(errors_found)
        parsed_before = sum(1 for key in remembered if key in known_sources)
        reused["sources"] = (parsed_before, len(paths))
        if parsed_before != len(remembered) or len(known_sources) != len(remembered):
            before_unlocking.callback(
                _save_beside(partial(cache.save_sharded, "parsed", remembered, known_sources))
            )
        cache.save("stamps", seen)
        del known_sources, remembered
        clock.lap("parse")
        conversion = (
            patching.patched(records, minter, eurovoc, options.publication)
            if patching is not None
            else converter.finish()
        )
        del converter, records, patching  # their records: the texts live on in the triples
        settled()
        clock.lap("convert")
        checking = _Validation(
            conversion, minter.base, options, cache, progress, _shard_reuse(previous, conversion)
        )
        spare, kept, altered = _take_spare(options, cache, cleaning)
        has_live = options.incremental and cache.holds("outputs")
        first_rebuild = spare is None and has_live
        live = cache.load_record("outputs") if first_rebuild else None
        try:
            with staged_output(options.out, spare, has_live) as staging:
                reuse = OutputReuse(
                    staging,
                    live if first_rebuild and live else kept,
                    options.out if first_rebuild else None,
                    altered,
                )
                earlier = _earlier_dumps(previous, conversion, options.out)
                dumps = _start_dumps(conversion.triples, staging, earlier)
                site = SiteGenerator(conversion.triples, minter.base, conversion.sources)
                if previous is not None and (patch := conversion.patch) is not None:
                    site.view.reuse_digests(
                        previous.digests, patch.subject_iris, patch.linked, previous.derived
                    )
                settled()

                def before_report_pages() -> None:
                    site.validation = checking.finish(reused)

                try:
                    _write_resources(minter, site, staging, reuse, options.jobs, progress)
                    clock.lap("serialize")
                    pages = write_site(
                        site,
                        staging,
                        _stage(progress, "render"),
                        options.jobs,
                        reuse,
                        before_report_pages,
                        CompiledTemplates(cache.folder / "templates", cache.fingerprint)
                        if cache.enabled
                        else None,
                    )
                    written = _finish_dumps(dumps, conversion.triples, staging, earlier)
                    clock.lap("render")
                except (OSError, WorkerError) as error:
                    raise BuildError(f"cannot write the output: {_described(error)}") from None
                finally:
                    if dumps is not None:
                        dumps.stop()
                validation = checking.finish(reused)
                clock.laps["validate"] = checking.seconds
                report = write_validation_report(validation.triples(), staging)
                reuse.made_files([report.name, *written], None)
                reuse.remove_leftovers()
        finally:
            checking.stop()
        if has_live and spare_folder(options.out).is_dir():
            cache.rename("outputs", "spare")  # what the output just replaced holds
        cache.save("outputs", reuse.current)
        reused["files"] = (reuse.reused, reuse.reused + reuse.made)
        built = BuildReport(
            documents=len(paths),
            conversion=conversion,
            parse_errors=errors,
            out=options.out,
            eurovoc_concepts=len(eurovoc) if eurovoc else 0,
            validation=validation,
            pages=pages,
            seconds=time.perf_counter() - started,
            timings=clock.laps,
            reused=reused,
            triples=len(conversion.triples),
        )
        report_kept = replace(built, conversion=_without_triples(conversion))
        dumps_left = {n: f for n in _DUMP_FILES if (f := reuse.current.files.get(n)) is not None}
        digests = reuse.current.digests
        derived = site.view.derived_reads(digests)
        cache.save(
            "built",
            _Built(inputs, report_kept, dumps_left, digests, derived, checking.planned),
        )
    return built


@dataclass(frozen=True)
class _Inputs:
    """What a build reads besides its code and settings (which key the cache)."""

    sources: tuple[SourceKey | None, ...]
    eurovoc: str | None


@dataclass(frozen=True)
class _Built:
    """The inputs of the last complete build into an output folder, its report, how it
    left its dumps, and the dependency digests of its graph."""

    inputs: _Inputs
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


_DUMP_FILES = tuple(f"{DUMP_NAME}.{extension}" for extension, _ in DUMPS)
_GRAPH_DUMP = f"{DUMP_NAME}.nt"
PATCH_LIMIT = 100
"""A conversion is patched (:func:`~converters.convert.corpus.patch_conversion`) when at most
one source in this many was edited, added or removed. At 10,000 questions, patching
after 1 or 100 edits takes 0.6 s, after 500 as long as converting the whole corpus
(2.1 s), besides reading the last graph back (0.5 s)."""


class _PreviousConversion:
    """The graph and records of the last build into the output folder, read back to
    patch rather than convert the whole corpus again when few sources changed."""

    def __init__(self, dump: Path, records: list[QuestionRecord], conversion: Conversion) -> None:
        self.dump = dump
        self.records = records
        self.conversion = conversion

    @classmethod
    def of(
        cls,
        previous: _Built | None,
        inputs: _Inputs,
        known: dict[SourceKey, Parsed],
        out: Path,
    ) -> _PreviousConversion | None:
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


def _shard_reuse(previous: _Built | None, conversion: Conversion) -> ShardReuse | None:
    """What validating a patched graph can take over from the last build's shards."""
    if previous is None or conversion.patch is None:
        return None
    return ShardReuse(previous.shards, conversion.patch.changed)


def _changed_sources(before: _Inputs, now: _Inputs) -> int:
    """How many sources were edited, added or removed since ``before``, counting those
    that cannot be read now."""
    old = dict(key for key in before.sources if key is not None)
    new = dict(key for key in now.sources if key is not None)
    unreadable = len(now.sources) - len(new)
    return unreadable + sum(old.get(name) != new.get(name) for name in old.keys() | new.keys())


def _unchanged_output(
    out: Path, cache: BuildCache, built: _Built | None, inputs: _Inputs
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


def _without_triples(conversion: Conversion) -> Conversion:
    return replace(conversion, triples=[], patch=None)


def _eurovoc_digest(path: Path | None) -> str | None:
    if path is None:
        return None
    try:
        return digest(path.read_bytes())
    except OSError as error:
        raise BuildError(f"cannot read the EuroVoc file {path}: {error.strerror}") from None


def _save_beside(save: Callable[[], object]) -> Callable[[], None]:
    """Save to the cache in a forked process while the build goes on (pickling and
    writing the parsed corpus of a clean build takes ~0.6 s at 10,000 questions, and
    conversion leaves a core idle); returns what waits for it to end. At the lowest
    priority: nothing waits for it before the end, while in a rebuild the tidying of
    the spare runs at the same time and is awaited."""
    saving = in_background(save, niceness=19)
    if saving is None:
        save()
        return lambda: None

    def wait() -> None:
        with suppress(RuntimeError):  # a cache that cannot be written is no error
            saving.wait()

    return wait


def _described(error: Exception) -> str:
    """An error as a worker reports it (``OSError: …``), wherever it was raised."""
    return str(error) if isinstance(error, WorkerError) else f"{type(error).__name__}: {error}"


def _earlier_dumps(
    previous: _Built | None, conversion: Conversion, out: Path
) -> EarlierDumps | None:
    """The last build's dumps, to patch as its graph was patched into this one's."""
    if previous is None or conversion.patch is None:
        return None
    names = frozenset(name for name in _DUMP_FILES if previous.left_as_written(out, name))
    return EarlierDumps(out, names, conversion.patch)


def _start_dumps(
    triples: Sequence[Triple], staging: Path, earlier: EarlierDumps | None
) -> Background[list[Path]] | None:
    """Write the three dumps in a forked process while the pages are made. Serialized
    whole, at the lowest priority: they have until the end of the build, while the page
    view, the page plan and validation are each awaited by the next step. All three
    patched, at the build's: they take 0.15 s of CPU at 10,000 questions, and niced
    they were still waiting for a core when the pages were done."""
    patched = earlier is not None and len(earlier.names) == len(_DUMP_FILES)
    niceness = 0 if patched else 19
    return in_background(lambda: write_dumps(triples, staging, earlier), niceness=niceness)


def _finish_dumps(
    dumps: Background[list[Path]] | None,
    triples: Sequence[Triple],
    staging: Path,
    earlier: EarlierDumps | None,
) -> list[str]:
    try:
        if dumps is None:
            write_dumps(triples, staging, earlier)
        else:
            dumps.wait()
    except (OSError, WorkerError) as error:
        raise BuildError(f"cannot write the dumps: {_described(error)}") from None
    return list(_DUMP_FILES)


def spare_folder(out: Path) -> Path:
    """The output a build replaced, kept to be updated in place by the next one."""
    return out.parent / f".{out.name}.spare"


def _start_cleaning_spare(
    options: BuildOptions, cache: BuildCache
) -> Background[frozenset[str] | None] | None:
    """Start tidying the spare folder (:meth:`~converters.incremental.cache.OutputRecord.tidy`)
    in a forked process beside the build's first steps: it scans and checks the whole
    output (0.6 s at 10,000 questions). What it removes is what the spare's record
    does not hold, so the spare needs no more care if the build stops."""
    spare = spare_folder(options.out)
    if not options.incremental or not spare.is_dir():
        return None

    def clean() -> frozenset[str] | None:
        record = cache.load_record("spare")
        return record.tidy(spare) if record is not None else None

    return in_background(clean)


def _take_spare(
    options: BuildOptions,
    cache: BuildCache,
    cleaning: Background[frozenset[str] | None] | None,
) -> tuple[Path | None, OutputRecord, frozenset[str] | None]:
    """The spare folder to build into, what it holds and which of its files changed
    since; or (None, empty, None) for a fresh folder. The spare's record is deleted
    before the spare is changed: if this build is killed, the next finds a spare it
    knows nothing of, and removes it."""
    spare = spare_folder(options.out)
    record = cache.load_record("spare") if options.incremental else None
    cache.forget("spare")
    altered = None
    try:
        if cleaning is not None:
            altered = cleaning.wait()
        elif record is not None and spare.is_dir():
            altered = record.tidy(spare)
    except (OSError, WorkerError):
        record = None
    if record is None or altered is None or not spare.is_dir():
        set_aside(spare, options.out)
        return None, OutputRecord(), None
    return spare, record, altered


def set_aside(folder: Path, out: Path) -> None:
    """Move ``folder`` (an output no build can use) out of the way in one rename; the
    build removes it with :func:`remove_set_aside` once it ends, after its own output
    is in place if it succeeds.

    Removing it first would delay the build by the deletion and, on ext4 without a
    journal, slow every file it then creates: for some minutes the file system skips
    the inodes just freed, one lookup each (``recently_deleted``). A 10,000-question
    build took 59.5 s just after removing an earlier output, 44.1 s otherwise. But
    when the disk has less room left than ``folder`` takes, a new output (about as
    large) would not fit beside it: then it is removed at once."""
    if not folder.is_dir():
        return
    if not _fits_again(folder, shutil.disk_usage(out.parent).free):
        shutil.rmtree(folder, ignore_errors=True)
        return
    aside = Path(tempfile.mkdtemp(prefix=f".{out.name}.removing-", dir=out.parent))
    folder.replace(aside / folder.name)


def _fits_again(folder: Path, free: int) -> bool:
    """Whether ``free`` bytes hold as much as the files below ``folder`` take on disk
    (it stops counting once they do not): 0.7 s for an output of 10,000 questions, on
    the builds that cannot use the spare."""
    used = 0
    pending = [folder]
    while pending:
        with os.scandir(pending.pop()) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    pending.append(Path(entry.path))
                else:
                    used += entry.stat(follow_symlinks=False).st_blocks * 512
                    if used > free:
                        return False
    return True


def remove_set_aside(out: Path) -> None:
    for folder in out.parent.glob(f".{out.name}.removing-*"):
        shutil.rmtree(folder, ignore_errors=True)


PATCHED_VALIDATION_NICENESS = 10
"""Validating a patched graph plans its shards and validates one or two (0.7 s at 10,000
questions) while the build process makes the page view and the pages (1.2 s): at this
priority it does not take the build process's core from it when the dumps' process
wants the other."""


class _Validation:
    """Validates in shards, redoing only those not validated by a previous build, in a
    forked process: meanwhile the build makes the page view, the resource files and
    the page plan, which do not depend on the result (1.2 s of a rebuild at 10,000
    questions, 20 s of a clean build)."""

    def __init__(
        self,
        conversion: Conversion,
        base: str,
        options: BuildOptions,
        cache: BuildCache,
        progress: Progress | None,
        reuse: ShardReuse | None,
    ) -> None:
        self.cache = cache
        self.progress = progress
        self.known = cache.load_mapping("validated")
        self.seconds = 0.0
        self.report: ValidationReport | None = None
        self.planned: dict[str, str] = {}
        if progress:
            progress("validate", 0, 1)

        def validate() -> tuple[ValidationReport, KnownResults, dict[str, str], float]:
            started = time.perf_counter()
            report, validated, planned = validate_incrementally(
                conversion.triples,
                base,
                conversion.sources,
                options.jobs,
                self.known,
                reuse=reuse,
            )
            return report, validated, planned, time.perf_counter() - started

        self.task = validate
        niceness = PATCHED_VALIDATION_NICENESS if reuse is not None else 0
        self.running = in_background(validate, niceness)

    def finish(self, reused: dict[str, tuple[int, int]]) -> ValidationReport:
        """Wait for the report (once); keep the shards' results for the next build."""
        if self.report is not None:
            return self.report
        try:
            report, validated, self.planned, self.seconds = (
                self.running.wait() if self.running is not None else self.task()
            )
        except (OSError, WorkerError) as error:
            raise BuildError(f"cannot validate: {_described(error)}") from None
        reused["shards"] = (sum(1 for key in validated if key in self.known), len(validated))
        self.cache.save("validated", validated)
        if self.progress:
            self.progress("validate", 1, 1)
        self.report = report
        return report

    def stop(self) -> None:
        if self.running is not None:
            self.running.stop()


def _write_resources(
    minter: Minter,
    site: SiteGenerator,
    staging: Path,
    reuse: OutputReuse,
    jobs: int,
    progress: Progress | None,
) -> None:
    """Each resource's ``index.ttl`` and ``index.jsonld``, linked from the previous
    output when the resource's triples are the same."""
    to_write = []
    for path, triples in resource_descriptions(site.view.triples, minter):
        inputs = f"{site.view.dependency_digest('s ' + minter.base + path):032x}"
        files = resource_files(path)
        if not reuse.keep_all(files, inputs):
            to_write.append((path, triples, inputs))
    run_in_workers(
        lambda item: write_resource(item[0], item[1], staging),
        to_write,
        jobs,
        _stage(progress, "write"),
    )
    for path, _, inputs in to_write:
        reuse.made_files(resource_files(path), inputs)


class _StageClock:
    def __init__(self) -> None:
        self.laps: dict[str, float] = {}
        self.last = time.perf_counter()

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        self.laps[stage] = now - self.last
        self.last = now


def _stage(progress: Progress | None, stage: str) -> Callable[[int, int], None] | None:
    if progress is None:
        return None
    return lambda done, total: progress(stage, done, total)


@contextmanager
def build_lock(out: Path) -> Iterator[None]:
    """Hold an exclusive lock beside ``out`` for the whole build."""
    out.parent.mkdir(parents=True, exist_ok=True)
    lock_path = out.parent / f".{out.name}.lock"
    with open(lock_path, "w") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BuildError(f"another build is writing {out} (lock {lock_path} is held)") from None
        yield


@contextmanager
def staged_output(
    out: Path, spare: Path | None = None, keep_previous: bool = False
) -> Iterator[Path]:
    """A folder beside ``out`` to write the new output in, swapped in for ``out`` if the
    block completes: ``spare`` (an earlier output, to update in place) or a fresh one.

    The swap is one atomic ``renameat2(RENAME_EXCHANGE)`` on Linux, so ``out`` is at
    every instant either the complete old output or the complete new one, even if the
    build is killed. Elsewhere two renames leave a moment with the old output moved
    aside (still complete, under ``.NAME.previous-*``). The replaced output is then
    kept as the spare (``keep_previous``) or removed.
    """
    for stale in out.parent.glob(f".{out.name}.building-*"):
        set_aside(stale, out)
    staging = spare or Path(tempfile.mkdtemp(prefix=f".{out.name}.building-", dir=out.parent))
    try:
        yield staging
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    staging.chmod(0o755)
    if not out.exists():
        staging.replace(out)
        return
    if exchange_paths(staging, out):
        previous = staging
    else:
        aside = Path(tempfile.mkdtemp(prefix=f".{out.name}.previous-", dir=out.parent))
        previous = aside / out.name
        out.replace(previous)
        staging.replace(out)
    kept = spare_folder(out)
    if keep_previous:
        if previous != kept:
            shutil.rmtree(kept, ignore_errors=True)
            previous.replace(kept)
    else:
        shutil.rmtree(previous, ignore_errors=True)
        shutil.rmtree(kept, ignore_errors=True)
    if previous.parent != out.parent:
        shutil.rmtree(previous.parent, ignore_errors=True)


def exchange_paths(first: Path, second: Path) -> bool:
    """Atomically swap two paths (Linux ``renameat2``); False where that is not available."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    result = renameat2(at_fdcwd, os.fsencode(first), at_fdcwd, os.fsencode(second), rename_exchange)
    return bool(result == 0)
