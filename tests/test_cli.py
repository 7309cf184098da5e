"""The ``senate-ld`` command as a user runs it: exit status, messages, summary."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from .conftest import BAD, FIXTURES, SEED

STUB = "http://localhost:8000/question/5-8900"
CONFLICT = FIXTURES / "conflict" / "5-8904-altered.txt"


def senate_ld(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "converters", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=120,
        env={**os.environ, "COLUMNS": "200"},
    )


def test_build_of_the_sample_succeeds_with_a_summary(tmp_path: Path) -> None:
    result = senate_ld("build", "--out", tmp_path / "out")
    assert result.returncode == 0, result.stderr
    assert "documents read" in result.stdout
    assert "errors" in result.stdout
    assert (tmp_path / "out" / "dataset.ttl").exists()


def test_bad_input_gives_one_line_per_document_and_exit_1(tmp_path: Path) -> None:
    sources = tmp_path / "corpus"
    shutil.copytree(BAD, sources)
    shutil.copy(SEED, sources / "good.txt")
    result = senate_ld("build", sources, "--out", tmp_path / "out", cwd=tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    error_lines = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(error_lines) == len(list(BAD.iterdir()))
    assert "error: corpus/empty.txt:1: expected " in result.stderr
    assert "error: corpus/truncated.txt:26: expected " in result.stderr
    assert (tmp_path / "out" / "question" / "5-8904" / "index.ttl").exists()


def test_conflicting_documents_name_both_files(tmp_path: Path) -> None:
    result = senate_ld("build", SEED, CONFLICT, "--out", tmp_path / "out")
    assert result.returncode == 1
    assert "5-8904-altered.txt" in result.stderr and "5-8904.txt" in result.stderr
    assert "different content" in result.stderr


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert senate_ld("build", tmp_path / "missing.txt").returncode == 2
    bad_base = senate_ld("build", SEED, "--base-uri", "not an iri", "--out", tmp_path / "o")
    assert bad_base.returncode == 2
    assert "base IRI" in bad_base.stderr
    assert senate_ld("frobnicate").returncode == 2


def test_eurovoc_option_reports_concepts(tmp_path: Path) -> None:
    result = senate_ld(
        "build",
        SEED,
        "--eurovoc",
        FIXTURES / "eurovoc" / "eurovoc-excerpt.ttl",
        "--out",
        tmp_path / "o",
    )
    assert result.returncode == 0, result.stderr
    assert "EuroVoc concepts" in result.stdout


def test_build_reports_validation_and_writes_the_report(tmp_path: Path) -> None:
    result = senate_ld("build", SEED, "--out", tmp_path / "out")
    assert "0 violations, 0 warnings" in result.stdout
    assert "sh:ValidationReport" in (tmp_path / "out" / "validation.ttl").read_text()


def test_validate_a_valid_file_exits_0(tmp_path: Path) -> None:
    senate_ld("build", SEED, "--out", tmp_path / "out")
    result = senate_ld("validate", tmp_path / "out" / "dataset.ttl")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 violations" in result.stdout


def test_validate_a_broken_file_exits_1_with_a_table(tmp_path: Path) -> None:
    senate_ld("build", SEED, "--out", tmp_path / "out")
    lines = (tmp_path / "out" / "dataset.nt").read_text(encoding="utf-8").splitlines()
    broken = [
        line.replace('"2013-04-30"^^<http://www.w3.org/2001/XMLSchema#date>', '"2013-04-30"')
        for line in lines
        if not (line.startswith(f"<{STUB}>") and "alsoAskedAs" in line)
    ]
    (tmp_path / "broken.nt").write_text("\n".join(broken) + "\n", encoding="utf-8")
    report = tmp_path / "report.ttl"
    result = senate_ld("validate", tmp_path / "broken.nt", "--report", report)
    assert result.returncode == 1
    assert "SHACL validation" in result.stdout
    assert "Violation" in result.stdout and "dcterms:dateSubmitted" in result.stdout
    assert "^sq:alsoAskedAs" in result.stdout
    assert "4 violations" in result.stdout
    assert "sh:ValidationResult" in report.read_text()


def test_validate_an_unparsable_file_exits_1(tmp_path: Path) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text("<a> <b> .\n")
    result = senate_ld("validate", bad)
    assert result.returncode == 1
    assert result.stderr.startswith("error: ")
    assert "Traceback" not in result.stderr
