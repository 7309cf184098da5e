"""The ``senate-ld`` command line.

Exit status: 0 when all is well, 1 when any document or stage failed (the rest is
still built), 2 for usage errors.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from .build import BuildError, BuildOptions, BuildReport, build
from .dataset import PUBLIC_DOMAIN_MARK
from .iris import DEFAULT_BASE_URI, InvalidBaseURIError, normalise_base_uri

console = Console(highlight=False)
errors = Console(stderr=True, highlight=False)

_STAGES = {"parse": "Parsing documents", "write": "Writing resources"}


def _base_uri(_ctx: click.Context, _param: click.Parameter, value: str) -> str:
    try:
        return normalise_base_uri(value)
    except InvalidBaseURIError as error:
        raise click.BadParameter(str(error)) from None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="senate-ld")
def main() -> None:
    """Publish the Belgian Senate's written questions as Linked Data."""


@main.command("build")
@click.argument("sources", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("output"),
    show_default=True,
    help="Output folder (replaced as a whole when the build completes).",
)
@click.option(
    "--base-uri",
    default=DEFAULT_BASE_URI,
    show_default=True,
    callback=_base_uri,
    help="Base IRI under which resources are minted.",
)
@click.option(
    "--eurovoc",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="SKOS file (Turtle, N-Triples, RDF/XML) to link descriptors to EuroVoc.",
)
@click.option(
    "--jobs",
    type=click.IntRange(min=1),
    default=os.cpu_count() or 1,
    show_default=True,
    help="Worker processes.",
)
@click.option(
    "--license",
    "license_iri",
    default=PUBLIC_DOMAIN_MARK,
    show_default=True,
    help="Licence IRI stated in the dataset description.",
)
def build_command(
    sources: tuple[Path, ...],
    out: Path,
    base_uri: str,
    eurovoc: Path | None,
    jobs: int,
    license_iri: str,
) -> None:
    """Build RDF dumps and resource files from SOURCES (files or folders).

    With no SOURCES, builds the bundled sample corpus.
    """
    options = BuildOptions(sources, out, base_uri, eurovoc, jobs, license_iri)
    try:
        with _ProgressBar() as report_progress:
            report = build(options, report_progress)
    except BuildError as error:
        errors.print(f"[red]error:[/red] {escape(str(error))}", soft_wrap=True)
        sys.exit(2)
    for line in report.error_lines:
        errors.print(f"[red]error:[/red] {escape(line)}", soft_wrap=True)
    _print_summary(report)
    sys.exit(1 if report.failed else 0)


class _ProgressBar:
    """A rich progress bar on a terminal, nothing when output is piped."""

    def __enter__(self) -> _Reporter:
        self.progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=errors,
            transient=True,
            disable=not errors.is_terminal,
        )
        self.progress.__enter__()
        return _Reporter(self.progress)

    def __exit__(self, *exc: object) -> None:
        self.progress.__exit__(None, None, None)


class _Reporter:
    def __init__(self, progress: Progress) -> None:
        self.progress = progress
        self.tasks: dict[str, object] = {}

    def __call__(self, stage: str, done: int, total: int) -> None:
        if stage not in self.tasks:
            self.tasks[stage] = self.progress.add_task(_STAGES.get(stage, stage), total=total)
        self.progress.update(self.tasks[stage], completed=done)  # type: ignore[arg-type]


def _print_summary(report: BuildReport) -> None:
    conversion = report.conversion
    table = Table(title="senate-ld build", show_header=False, title_justify="left")
    table.add_column(style="bold")
    table.add_column()
    table.add_row("documents read", str(report.documents))
    table.add_row(
        "questions", f"{len(conversion.questions)} (+ {len(conversion.stubs)} sibling stubs)"
    )
    table.add_row("triples", str(len(conversion.triples)))
    if report.eurovoc_concepts:
        table.add_row("EuroVoc concepts", str(report.eurovoc_concepts))
    failed = len(report.error_lines)
    table.add_row("errors", f"[red]{failed}[/red]" if failed else "0")
    table.add_row("output", f"{report.out}/dataset.ttl, dataset.nt, dataset.jsonld")
    table.add_row("time", f"{report.seconds:.2f} s")
    console.print(table)
