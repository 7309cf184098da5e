"""What the commands print: progress bars, the build's summary, the validation
and query results as tables (rich), and errors on stderr."""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

import click
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from .pipeline import BuildReport
from .publish.dumps import VALIDATION_REPORT
from .query.store import QueryResult, rows_as_json
from .validate.report import ValidationReport
from .vocabulary import PREFIXES

console = Console(highlight=False, emoji=False)


errors = Console(stderr=True, highlight=False, emoji=False)
"""No emoji codes: ``file.txt:100: expected`` must not print as a 💯."""


_STAGES = {
    "parse": "Parsing documents",
    "validate": "Validating (SHACL)",
    "write": "Writing resources",
    "render": "Rendering pages",
    "upload": "Uploading",
    "synth": "Writing documents",
}


TABLE_ROWS = 25
"""Validation results shown on screen; the full report is in the Turtle file."""


class ProgressBar:
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


def print_summary(report: BuildReport) -> None:
    conversion = report.conversion
    table = Table(title="senate-ld build", show_header=False, title_justify="left")
    table.add_column(style="bold")
    table.add_column()
    rejected = len(report.parse_errors) + len(conversion.errors)
    table.add_row(
        "documents read",
        f"{report.documents} = {len(conversion.questions)} built + {rejected} failed"
        + (
            f" + {len(conversion.merged)} joined to their other language's page"
            if conversion.merged
            else ""
        )
        + (f" + {len(conversion.duplicates)} exact duplicates" if conversion.duplicates else ""),
    )
    table.add_row(
        "questions",
        f"{len(conversion.questions)} (+ {len(conversion.stubs)} named but not read: "
        "siblings, reintroductions)",
    )
    table.add_row("triples", str(report.triples))
    if report.eurovoc_concepts:
        table.add_row("EuroVoc concepts", str(report.eurovoc_concepts))
    failed = len(report.error_lines)
    table.add_row("errors", f"[red]{failed}[/red]" if failed else "0")
    table.add_row("validation", validation_summary(report.validation))
    table.add_row(
        "output",
        f"{report.out}/dataset.ttl, dataset.nt, dataset.jsonld (context.jsonld), "
        f"{VALIDATION_REPORT}, tables/ (CSV, CSVW metadata), feed.atom, changes.jsonl",
    )
    table.add_row(
        "site",
        f"{report.pages} pages × 3 languages, searchable (search/); senate-ld serve {report.out}",
    )
    if any(done for done, _ in report.reused.values()):
        table.add_row(
            "reused",
            ", ".join(f"{done:,}/{total:,} {what}" for what, (done, total) in report.reused.items())
            + " from the previous build",
        )
    stages = ", ".join(f"{stage} {seconds:.1f}" for stage, seconds in report.timings.items())
    done = f"({stages})" if stages else "(sources and output as the last build left them)"
    table.add_row("time", f"{report.seconds:.2f} s {done}")
    console.print(table)


def print_validation_table(report: ValidationReport, full_report: Path | None) -> None:
    """The results a person reads first: violations, then warnings, then infos."""
    shown = report.results[:TABLE_ROWS]
    with_sources = any(result.source for result in shown)
    table = Table(title="SHACL validation", title_justify="left")
    for column in ("severity", "focus node", "path", "message", "source")[
        : 5 if with_sources else 4
    ]:
        table.add_column(column, overflow="fold")
    for result in shown:
        colour = "red" if result.severity == "Violation" else "yellow"
        cells = [
            f"[{colour}]{result.severity}[/{colour}]",
            escape(result.focus),
            escape(_short(result.path)),
            escape(result.message),
        ]
        table.add_row(*cells, *([escape(result.source)] if with_sources else []))
    console.print(table)
    hidden = len(report.results) - len(shown)
    if hidden:
        where = f" (all in {full_report})" if full_report else ""
        console.print(f"… and {hidden} more results{where}")


def _short(path: str) -> str:
    """``dcterms:title`` for an IRI; prefixed names inside a path written ``^<…>/<…>``."""
    if not path.startswith(("^", "<")):
        return _prefixed(path)
    return _BRACKETED_IRI.sub(lambda match: _prefixed(match.group(1)), path)


_BRACKETED_IRI = re.compile(r"<([^<>]+)>")


def _prefixed(iri: str) -> str:
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(namespace):
            return f"{prefix}:{iri[len(namespace) :]}"
    return iri


def validation_summary(report: ValidationReport) -> str:
    violations = _counted(report.violations, "violation")
    warnings = _counted(report.warnings, "warning")
    return (
        f"[red]{violations}[/red], {warnings}" if report.violations else f"{violations}, {warnings}"
    )


def _counted(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def print_result(result: QueryResult, output_format: str, title: str) -> None:
    if output_format == "json":
        click.echo(rows_as_json(result))
    elif output_format == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\r\n")
        writer.writerow(result.variables)
        writer.writerows([[_plain(term) for term in row] for row in result.rows])
    else:
        table = Table(title=title, title_justify="left", caption=f"{len(result.rows)} rows")
        for variable in result.variables:
            table.add_column(variable, overflow="fold")
        for row in result.rows:
            table.add_row(*(escape(_plain(term)) for term in row))
        console.print(table)


def _plain(term: object) -> str:
    if term is None:
        return ""
    value = getattr(term, "value", None)
    return str(value) if value is not None else str(term)
