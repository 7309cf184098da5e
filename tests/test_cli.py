"""The ``senate-ld`` command as a user runs it: exit status, messages, summary."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import BAD, FIXTURES, SEED
from .servers import fault_server, free_port, oxigraph_server

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


def test_validate_checks_a_dump_against_the_base_it_was_built_with(tmp_path: Path) -> None:
    senate_ld("build", SEED, "--out", tmp_path / "out", "--base-uri", "https://data.example.org/q/")
    dump = tmp_path / "out" / "dataset.ttl"
    own = senate_ld("validate", dump)
    assert own.returncode == 0, own.stdout + own.stderr
    assert "0 violations" in own.stdout
    other = senate_ld("validate", dump, "--base-uri", "http://localhost:8000/")
    assert other.returncode == 1 and "IRI must be" in other.stdout


def test_validate_asks_which_base_when_the_data_describes_two(tmp_path: Path) -> None:
    for base in ("https://one.example/", "https://two.example/"):
        senate_ld("build", SEED, "--out", tmp_path / base[8:11], "--base-uri", base)
    result = senate_ld("validate", tmp_path / "one" / "dataset.nt", tmp_path / "two" / "dataset.nt")
    assert result.returncode == 2
    assert "--base-uri" in result.stderr and "https://one.example/" in result.stderr


def test_validate_an_unparsable_file_exits_1(tmp_path: Path) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text("<a> <b> .\n")
    result = senate_ld("validate", bad)
    assert result.returncode == 1
    assert result.stderr.startswith("error: ")
    assert "Traceback" not in result.stderr


# -- query and load ------------------------------------------------------------------


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("cli") / "out"
    result = senate_ld("build", "--out", out)
    assert result.returncode == 0, result.stderr
    return out


def query(*args: str | Path, cache: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "converters", "query", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "COLUMNS": "200", "SENATE_LD_CACHE": str(cache)},
    )


def test_query_prints_a_table_csv_or_json(built: Path, tmp_path: Path) -> None:
    data = built / "dataset.nt"
    table = query("answer-delay-by-ministry", "--data", data, cache=tmp_path)
    assert table.returncode == 0, table.stderr
    assert "Answer delay by ministry" in table.stdout and "5 rows" in table.stdout
    as_csv = query("joint-questions", "--data", data, "--format", "csv", cache=tmp_path)
    assert as_csv.stdout.splitlines()[0] == "group,groupSize,question,identifier,ministryFr"
    assert (
        len(as_csv.stdout.splitlines()) == 1 + 23
    )  # 5-8900…5-8918, 5-1201 and 5-1202, 3-3970 and 3-3971
    as_json = json.loads(
        query("top-descriptors", "--data", data, "--format", "json", cache=tmp_path).stdout
    )
    assert as_json["head"]["vars"][0] == "descriptor"


def test_queries_tell_closed_and_lapsed_questions_from_those_awaiting_an_answer(
    built: Path, tmp_path: Path
) -> None:
    data = built / "dataset.nt"
    statuses = query("questions-by-status", "--data", data, "--format", "csv", cache=tmp_path)
    assert statuses.stdout.splitlines() == [
        "legislature,status,questions",
        "3,Answered,1",
        "4,ClosedWithoutAnswer,1",
        "4,Lapsed,1",
        "5,Answered,3",
        "5,AwaitingAnswer,1",
        "5,ClosedWithoutAnswer,1",
        "6,Answered,1",
    ]
    waiting = query(
        "unanswered-questions",
        "--param",
        "asOf=2026-01-01",
        "--data",
        data,
        "--format",
        "csv",
        cache=tmp_path,
    )
    rows = waiting.stdout.splitlines()
    assert len(rows) == 2 and rows[1].startswith("http://localhost:8000/question/5-1202,")


def test_query_parameters(built: Path, tmp_path: Path) -> None:
    data = built / "dataset.nt"
    author = "author=http://localhost:8000/person/martine-taelman"
    result = query(
        "questions-by-author", "--param", author, "--data", data, "--format", "csv", cache=tmp_path
    )
    assert len(result.stdout.splitlines()) == 2
    injected = query(
        "search-titles",
        "--param",
        'text=x")) } ?s ?p ?o {',
        "--data",
        data,
        "--format",
        "csv",
        cache=tmp_path,
    )
    assert injected.returncode == 0 and len(injected.stdout.splitlines()) == 1
    bad_iri = query(
        "questions-by-author",
        "--param",
        "author=http://x/> ?s ?p ?o . <y",
        "--data",
        data,
        cache=tmp_path,
    )
    assert bad_iri.returncode == 1
    assert bad_iri.stderr.startswith("error: parameter author")


def test_query_errors_are_one_line_and_exit_1(built: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken.rq"
    broken.write_text("SELECT WHERE {")
    for args in (
        (broken, "--data", built / "dataset.nt"),
        ("no-such-query", "--data", built / "dataset.nt"),
        ("top-descriptors", "--endpoint", f"http://127.0.0.1:{free_port()}/query"),
    ):
        result = query(*args, cache=tmp_path)
        assert result.returncode == 1, args
        assert result.stderr.startswith("error: ") and result.stderr.count("\n") == 1, result.stderr
    with fault_server(401) as url:
        unauthorized = query(
            "top-descriptors", "--endpoint", url + "/query", "--user", "me", cache=tmp_path
        )
        assert unauthorized.returncode == 1 and "401" in unauthorized.stderr
    with fault_server(500) as url:
        failing = query(
            "top-descriptors", "--endpoint", f"http://me:s3cret@{url[7:]}/query", cache=tmp_path
        )
        assert failing.returncode == 1 and "500" in failing.stderr
        assert "s3cret" not in failing.stderr + failing.stdout


def test_load_then_query_the_server(built: Path, tmp_path: Path) -> None:
    with oxigraph_server(tmp_path / "db") as url:
        for _ in range(2):
            loaded = senate_ld("load", "--endpoint", url + "/store", "--data", built / "dataset.nt")
            assert loaded.returncode == 0, loaded.stderr
            assert "into <http://localhost:8000/dataset>" in loaded.stdout
            assert "loaded 582 triples" in loaded.stdout and "the store holds 582" in loaded.stdout
        remote = query(
            "joint-questions", "--endpoint", url + "/query", "--format", "csv", cache=tmp_path
        )
        local = query(
            "joint-questions", "--data", built / "dataset.nt", "--format", "csv", cache=tmp_path
        )
        assert remote.stdout == local.stdout


def test_a_query_finds_the_graph_load_put_the_dataset_in(built: Path, tmp_path: Path) -> None:
    """A plain Oxigraph server queries its own default graph, not the named graph that
    ``load`` fills: the query goes to the dataset's graph rather than an empty one."""
    local = query(
        "joint-questions", "--data", built / "dataset.nt", "--format", "csv", cache=tmp_path
    )
    with oxigraph_server(tmp_path / "db", union_default_graph=False) as url:
        senate_ld("load", "--endpoint", url + "/store", "--data", built / "dataset.nt")
        found = query(
            "joint-questions", "--endpoint", url + "/query", "--format", "csv", cache=tmp_path
        )
        named = query(
            "joint-questions",
            "--endpoint",
            url + "/query",
            "--graph",
            "http://localhost:8000/dataset",
            "--format",
            "csv",
            cache=tmp_path,
        )
        other = query(
            "joint-questions",
            "--endpoint",
            url + "/query",
            "--graph",
            "http://x.example/",
            cache=tmp_path,
        )
    assert found.returncode == 0, found.stderr
    assert found.stdout == named.stdout == local.stdout
    assert "<http://localhost:8000/dataset>" in found.stderr
    assert "0 rows" in other.stdout


def test_load_failure_exits_1(built: Path) -> None:
    with fault_server(500) as url:
        result = senate_ld("load", "--endpoint", url + "/store", "--data", built / "dataset.nt")
    assert result.returncode == 1
    assert result.stderr.startswith("error: endpoint") and "HTTP 500" in result.stderr


def test_credentials_never_appear_in_load_output(built: Path) -> None:
    with fault_server(401) as url:
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "converters",
                "load",
                "--endpoint",
                url + "/store",
                "--user",
                "loader",
                "--data",
                str(built / "dataset.nt"),
            ],
            capture_output=True,
            text=True,
            timeout=60,
            env={**os.environ, "SENATE_LD_PASSWORD": "t0p-s3cret"},
        )
    assert result.returncode == 1
    assert "HTTP 401" in result.stderr
    assert "t0p-s3cret" not in result.stdout + result.stderr


def test_error_lines_are_printed_verbatim(tmp_path: Path) -> None:
    source = tmp_path / "x:100:.txt"
    source.write_text("[red]not markup[/red] :100:")
    result = senate_ld("build", source, "--out", tmp_path / "out", cwd=tmp_path)
    assert "error: x:100:.txt:2: expected " in result.stderr
