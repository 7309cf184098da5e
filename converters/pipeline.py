"""The build: source files → records → graph → validation → dumps, resource files
and pages, published into an output folder in one swap.

:func:`build` is the whole pipeline on one screen. It asks a :class:`BuildHooks` at
each point where earlier work could be reused: the defaults build everything anew,
and the incremental layer (:mod:`converters.incremental.layer`) overrides them, the
way Pelican's cache wraps its readers and generators. Nothing here knows about it.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from pyoxigraph import Triple

from .convert.corpus import Conversion, convert_corpus
from .convert.dataset import Publication
from .convert.eurovoc import EurovocIndex
from .errors import BuildError
from .iris import DEFAULT_BASE_URI, Minter
from .parse import ParseError
from .publish.dumps import (
    DUMP_FILES,
    DumpPatcher,
    dump_syntaxes,
    write_dumps,
    write_validation_report,
)
from .publish.files import RdfReadError, read_rdf
from .publish.output import build_lock, remove_set_aside, staged_output
from .publish.policy import WriteEverything, WritePolicy
from .publish.resources import resource_descriptions, resource_files, write_resource
from .publish.tables import TABLE_FILES, write_tables
from .records import QuestionRecord
from .site.generator import SiteGenerator
from .site.graph_view import GraphView
from .site.search_index import SearchIndexError
from .site.templating import CompiledTemplates
from .site.writer import write_site
from .sources import Parsed, Progress, discover_sources, read_sources, sample_corpus
from .validate.report import ValidationReport
from .validate.shacl import KnownResults, validate_incrementally
from .validate.shards import ShardReuse
from .workers import (
    Background,
    WorkerError,
    fewer_collections,
    in_background,
    run_in_workers,
    settled,
)

__all__ = ["BuildError", "BuildHooks", "BuildOptions", "BuildReport", "build"]


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


def build(
    options: BuildOptions, progress: Progress | None = None, hooks: BuildHooks | None = None
) -> BuildReport:
    """Build the dataset and publish it into ``options.out``."""
    hooks = hooks or BuildHooks()
    clock = StageClock()
    minter = Minter(options.base_uri)
    paths = discover_sources(options.sources or [sample_corpus()])
    with build_lock(options.out), fewer_collections(), ExitStack() as before_unlocking:
        before_unlocking.callback(remove_set_aside, options.out)  # built or failed
        if (kept := hooks.start(options, paths, before_unlocking)) is not None:
            return kept
        eurovoc = load_eurovoc(options.eurovoc) if options.eurovoc else None
        records = Records(hooks.parse(paths, options.jobs, progress))
        conversion = hooks.convert(records, minter, eurovoc, options.publication)
        clock.lap("parse", until=records.exhausted)
        clock.lap("convert")
        settled()
        with (
            Validation(conversion, minter.base, options.jobs, hooks, progress) as validation,
            staged_output(options.out, *hooks.output_folder()) as staging,
            output_errors(),
            Dumps(conversion, staging, minter.base, hooks.dump_patcher(conversion)) as dumps,
        ):
            policy = hooks.write_policy(staging)
            site = SiteGenerator(hooks.graph_view(conversion, minter.base), conversion.sources)
            settled()
            write_resources(site.view, minter, staging, policy, options.jobs, progress)
            clock.lap("serialize")
            pages = write_site(
                site,
                staging,
                policy,
                stage_progress(progress, "render"),
                options.jobs,
                lambda: site.show(validation.report()),
                hooks.compiled_templates(),
            )
            dumps.finish()
            clock.lap("render")
            clock.laps["validate"] = validation.seconds
            report_file = write_validation_report(validation.report().triples(), staging)
            policy.made([report_file.name, *DUMP_FILES, *TABLE_FILES], None, None)
            policy.finish()
        report = BuildReport(
            documents=len(paths),
            conversion=conversion,
            parse_errors=records.errors,
            out=options.out,
            eurovoc_concepts=len(eurovoc) if eurovoc else 0,
            validation=validation.report(),
            pages=pages,
            seconds=clock.total(),
            timings=clock.laps,
            triples=len(conversion.triples),
        )
        return hooks.finish(report, site.view, policy, validation.planned)


class BuildHooks:
    """The points of a build where earlier work can stand in for new work. These
    defaults do all the work anew; the incremental layer overrides each."""

    def start(
        self, options: BuildOptions, paths: Sequence[Path], before_unlocking: ExitStack
    ) -> BuildReport | None:
        """Called once the output is locked: a report to end the build with at once
        (the output is already what it would make), or None to build."""
        return None

    def parse(
        self, paths: Sequence[Path], jobs: int, progress: Progress | None
    ) -> Iterable[Parsed]:
        """Each source's record or error, in the order of ``paths``: the parse cache."""
        return (read.parsed for read in read_sources(paths, jobs, progress))

    def convert(
        self,
        records: Iterable[QuestionRecord],
        minter: Minter,
        eurovoc: EurovocIndex | None,
        publication: Publication,
    ) -> Conversion:
        """The graph of ``records``, taken as they are parsed (in worker processes, so
        admitting each into the corpus overlaps the parsing of the next)."""
        return convert_corpus(records, minter, eurovoc, publication)

    def validation_memory(self, conversion: Conversion) -> tuple[KnownResults, ShardReuse | None]:
        """Shard results already known, and how the last graph was sharded."""
        return {}, None

    def validated(self, results: KnownResults) -> None:
        """The results of this graph's validation shards."""

    def output_folder(self) -> tuple[Path | None, bool]:
        """A folder holding an earlier output to update in place (None: a fresh one),
        and whether to keep the output it replaces for the next build."""
        return None, False

    def write_policy(self, staging: Path) -> WritePolicy:
        return WriteEverything()

    def dump_patcher(self, conversion: Conversion) -> DumpPatcher | None:
        return None

    def graph_view(self, conversion: Conversion, base: str) -> GraphView:
        return GraphView(conversion.triples, base)

    def compiled_templates(self) -> CompiledTemplates | None:
        return None

    def finish(
        self, report: BuildReport, view: GraphView, policy: WritePolicy, shards: Mapping[str, str]
    ) -> BuildReport:
        """The build is complete and published: what its report says."""
        return report


def load_eurovoc(path: Path) -> EurovocIndex:
    """Index a SKOS file (Turtle, N-Triples or RDF/XML, told by its extension)."""
    try:
        return EurovocIndex.from_triples(read_rdf([path]))
    except RdfReadError as error:
        raise BuildError(f"cannot read the EuroVoc file {error}") from None


class Records:
    """The records of a stream of parse results, as they come; the errors are kept
    aside, and the time the stream ran out noted (the end of parsing)."""

    def __init__(self, parsed: Iterable[Parsed]) -> None:
        self.parsed = parsed
        self.errors: tuple[ParseError, ...] = ()
        self.exhausted: float | None = None

    def __iter__(self) -> Iterator[QuestionRecord]:
        errors = []
        for item in self.parsed:
            if isinstance(item, QuestionRecord):
                yield item
            else:
                errors.append(item)
        self.errors = tuple(errors)
        self.exhausted = time.perf_counter()


def write_resources(
    view: GraphView,
    minter: Minter,
    staging: Path,
    policy: WritePolicy,
    jobs: int,
    progress: Progress | None,
) -> None:
    """Each resource's ``index.ttl``, ``index.nt`` and ``index.jsonld``, unless the policy keeps
    them (their inputs: the digest of the resource's triples)."""
    to_write = []
    for path, triples in resource_descriptions(view.descriptions(), minter):
        inputs = (
            f"{view.dependency_digest('s ' + minter.base + path):032x}"
            if policy.records_files
            else None
        )
        if not policy.keep(resource_files(path), inputs):
            to_write.append((path, triples, inputs))
    syntaxes = dump_syntaxes(minter.base)
    run_in_workers(
        lambda item: write_resource(item[0], item[1], staging, syntaxes),
        to_write,
        jobs,
        stage_progress(progress, "write"),
    )
    for path, _, inputs in to_write:
        policy.made(resource_files(path), inputs, None)


PATCHED_VALIDATION_NICENESS = 10
"""Validating a patched graph validates one or two shards while the build process
makes the page view and the pages: at this priority it does not take the build's
core from it when the dumps' process wants the other (bench/RESULTS.md)."""


class Validation:
    """Validates in a forked process, shard by shard, while the build writes resource
    files and plans pages, which do not depend on the result; the validation page is
    rendered last, once :meth:`report` has it."""

    def __init__(
        self,
        conversion: Conversion,
        base: str,
        jobs: int,
        hooks: BuildHooks,
        progress: Progress | None,
    ) -> None:
        self.hooks = hooks
        self.progress = progress
        known, reuse = hooks.validation_memory(conversion)
        self.seconds = 0.0
        self.planned: dict[str, str] = {}
        self._report: ValidationReport | None = None
        if progress:
            progress("validate", 0, 1)

        def validate() -> tuple[ValidationReport, KnownResults, dict[str, str], float]:
            started = time.perf_counter()
            report, results, planned = validate_incrementally(
                conversion.triples, base, conversion.sources, jobs, known, reuse=reuse
            )
            return report, results, planned, time.perf_counter() - started

        self.task = validate
        niceness = PATCHED_VALIDATION_NICENESS if reuse is not None else 0
        self.running = in_background(validate, niceness)

    def __enter__(self) -> Validation:
        return self

    def __exit__(self, *exception: object) -> None:
        if self.running is not None:
            self.running.stop()

    def report(self) -> ValidationReport:
        """Wait for the report (once)."""
        if self._report is not None:
            return self._report
        try:
            report, results, self.planned, self.seconds = (
                self.running.wait() if self.running is not None else self.task()
            )
        except (OSError, WorkerError) as error:
            raise BuildError(f"cannot validate: {described(error)}") from None
        self.hooks.validated(results)
        if self.progress:
            self.progress("validate", 1, 1)
        self._report = report
        return report


@contextmanager
def output_errors() -> Iterator[None]:
    """A file that cannot be written ends the build with one clear error."""
    try:
        yield
    except (OSError, WorkerError) as error:
        raise BuildError(f"cannot write the output: {described(error)}") from None
    except SearchIndexError as error:
        raise BuildError(f"cannot index the site for search: {error}") from None


class Dumps:
    """The three dumps and the CSV tables, written in a forked process while the pages
    are made.
    Serialized whole at the lowest priority: they have until the end of the build,
    while every other step is awaited by the next. Patched at the build's: it is
    quick, and niced it waited for a core until the pages were done."""

    def __init__(
        self, conversion: Conversion, staging: Path, base: str, patcher: DumpPatcher | None
    ) -> None:
        self.write = partial(_write_dumps_and_tables, conversion.triples, staging, base, patcher)
        niceness = 0 if patcher is not None and patcher.patches_all else 19
        self.running: Background[list[Path]] | None = in_background(self.write, niceness)

    def __enter__(self) -> Dumps:
        return self

    def __exit__(self, *exception: object) -> None:
        if self.running is not None:
            self.running.stop()

    def finish(self) -> None:
        try:
            if self.running is None:
                self.write()
            else:
                self.running.wait()
        except (OSError, WorkerError) as error:
            raise BuildError(f"cannot write the dumps: {described(error)}") from None


def _write_dumps_and_tables(
    triples: Sequence[Triple], staging: Path, base: str, patcher: DumpPatcher | None
) -> list[Path]:
    return [*write_dumps(triples, staging, base, patcher), *write_tables(triples, staging)]


def described(error: Exception) -> str:
    """An error as a worker reports it (``OSError: …``), wherever it was raised."""
    return str(error) if isinstance(error, WorkerError) else f"{type(error).__name__}: {error}"


class StageClock:
    def __init__(self) -> None:
        self.laps: dict[str, float] = {}
        self.started = self.last = time.perf_counter()

    def lap(self, stage: str, until: float | None = None) -> None:
        """The time since the last lap, until now or ``until``."""
        now = time.perf_counter() if until is None else until
        self.laps[stage] = now - self.last
        self.last = now

    def total(self) -> float:
        return time.perf_counter() - self.started


def stage_progress(progress: Progress | None, stage: str) -> Callable[[int, int], None] | None:
    if progress is None:
        return None
    return lambda done, total: progress(stage, done, total)
