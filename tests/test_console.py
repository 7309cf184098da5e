"""What the command line prints: query results as CSV, JSON or a table whose cells
show data as text, never as rich markup; validation in one line."""

from __future__ import annotations

import csv
import io
import json

import pytest
from pyoxigraph import Literal, NamedNode

from converters import console
from converters.query.store import QueryResult
from converters.validate.report import ValidationReport, ValidationResult

RESULT = QueryResult(
    ("minister", "days"),
    [
        (NamedNode("http://localhost:8000/ministry/pensions"), Literal("8")),
        (Literal('[bold]not markup[/bold], "quoted"'), None),
    ],
)


def test_csv_has_a_header_and_plain_values(capsys: pytest.CaptureFixture[str]) -> None:
    console.print_result(RESULT, "csv", "t")
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert rows == [
        ["minister", "days"],
        ["http://localhost:8000/ministry/pensions", "8"],
        ['[bold]not markup[/bold], "quoted"', ""],
    ]


def test_json_is_the_sparql_results_format(capsys: pytest.CaptureFixture[str]) -> None:
    console.print_result(RESULT, "json", "t")
    data = json.loads(capsys.readouterr().out)
    assert data["head"]["vars"] == ["minister", "days"]
    assert len(data["results"]["bindings"]) == 2


def test_a_table_shows_data_as_text(monkeypatch: pytest.MonkeyPatch) -> None:
    from rich.console import Console

    recording = Console(record=True, width=120, file=io.StringIO())
    monkeypatch.setattr(console, "console", recording)
    console.print_result(RESULT, "table", "Slowest ministries")
    text = recording.export_text()
    assert "[bold]not markup[/bold]" in text and "Slowest ministries" in text
    assert "2 rows" in text


def test_validation_in_one_line() -> None:
    clean = ValidationReport(())
    assert console.validation_summary(clean) == "0 violations, 0 warnings"
    broken = ValidationReport(
        (ValidationResult("Violation", "http://localhost:8000/question/5-1", "p", "m", "", "c"),)
    )
    assert console.validation_summary(broken) == "[red]1 violation[/red], 0 warnings"
