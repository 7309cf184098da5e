"""The ``senate-ld`` command as a user runs it: exit status, messages, summary."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from .conftest import BAD, FIXTURES, SEED

CONFLICT = FIXTURES / "conflict" / "5-8904-altered.txt"


def senate_ld(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "converters", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=120,
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
