"""The build pipeline: dumps, resource files, determinism, round trips, bad input."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pyoxigraph
import pytest
import rdflib
from rdflib.compare import isomorphic

import converters.site.generator
from converters.build import build
from converters.errors import BuildError
from converters.parse import ParseError
from converters.pipeline import BuildOptions
from converters.publish.output import build_lock, spare_folder
from converters.records import QuestionRecord
from converters.sources import discover_sources, display_name, parse_all, sample_corpus
from converters.synth.synthetic import synthetic_corpus
from converters.validate.rdflib_bridge import rdflib_triple

from .conftest import (
    BAD,
    EUROVOC_EXCERPT,
    GOLDEN,
    MADE_UP,
    SEED,
    SEED_CRLF_BOM,
    json_ld_graph,
    parse_file,
    reproducible,
)

B = "http://localhost:8000/"


def rdflib_graph(path: Path, format: str | None = None) -> rdflib.Graph:
    return rdflib.Graph().parse(path, format=format)


def build_into(out: Path, *sources: Path, **options: object) -> Path:
    build(BuildOptions(sources=sources, out=out, **options))  # type: ignore[arg-type]
    return out


def test_seed_graph_matches_the_golden_file(tmp_path: Path) -> None:
    out = build_into(tmp_path / "out", SEED)
    assert isomorphic(rdflib_graph(out / "dataset.ttl"), rdflib_graph(GOLDEN / "5-8904.ttl"))


def test_crlf_and_bom_build_the_same_graph(tmp_path: Path) -> None:
    plain = build_into(tmp_path / "plain", SEED)
    crlf = build_into(tmp_path / "crlf", SEED_CRLF_BOM)
    assert isomorphic(rdflib_graph(plain / "dataset.ttl"), rdflib_graph(crlf / "dataset.ttl"))


@pytest.mark.parametrize(
    ("name", "rdflib_format"), [("dataset.ttl", "turtle"), ("dataset.nt", "nt")]
)
def test_dumps_round_trip_through_pyoxigraph_and_rdflib(
    tmp_path: Path, name: str, rdflib_format: str
) -> None:
    out = build_into(tmp_path / "out", MADE_UP, SEED)
    by_rdflib = rdflib_graph(out / name, rdflib_format)
    by_oxigraph = rdflib.Graph()
    for quad in pyoxigraph.parse(path=str(out / name)):
        by_oxigraph.add(rdflib_triple(quad.triple))
    assert len(by_rdflib) > 200
    assert isomorphic(by_rdflib, by_oxigraph)
    rewritten = rdflib.Graph().parse(data=by_rdflib.serialize(format="turtle"), format="turtle")
    reread = pyoxigraph.parse(
        rewritten.serialize(format="turtle").encode(), pyoxigraph.RdfFormat.TURTLE
    )
    assert sum(1 for _ in reread) == len(by_rdflib)


def test_json_ld_dump_holds_the_same_graph(tmp_path: Path) -> None:
    out = build_into(tmp_path / "out", SEED)
    assert isomorphic(json_ld_graph(out / "dataset.jsonld"), rdflib_graph(out / "dataset.nt", "nt"))


def test_rebuilding_gives_byte_identical_files(tmp_path: Path) -> None:
    """All but Pagefind's filter files and the metadata naming them (see
    :func:`reproducible`)."""
    first = build_into(tmp_path / "a", MADE_UP, SEED)
    second = build_into(tmp_path / "b", MADE_UP, SEED)
    files = sorted(p.relative_to(first) for p in first.rglob("*") if reproducible(p))
    assert files == sorted(p.relative_to(second) for p in second.rglob("*") if reproducible(p))
    for name in files:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name
    assert len([p for p in files if p.parts[:2] == ("search", "index")]) > 10


def test_every_resource_under_the_base_has_its_own_files(tmp_path: Path) -> None:
    out = build_into(tmp_path / "out", SEED)
    subjects = {
        q.subject.value
        for q in pyoxigraph.parse(path=str(out / "dataset.nt"))
        if isinstance(q.subject, pyoxigraph.NamedNode) and q.subject.value.startswith(B)
    }
    assert len(subjects) > 30
    for iri in subjects:
        folder = out / iri[len(B) :]
        description = rdflib_graph(folder / "index.ttl")
        assert set(description.subjects()) == {rdflib.URIRef(iri)}
        assert isomorphic(description, json_ld_graph(folder / "index.jsonld"))


def test_eurovoc_links_all_five_seed_descriptors(tmp_path: Path) -> None:
    out = build_into(tmp_path / "out", SEED, eurovoc=EUROVOC_EXCERPT)
    graph = rdflib_graph(out / "dataset.ttl")
    matches = set(graph.objects(None, rdflib.SKOS.exactMatch))
    assert len(matches) == 5
    assert rdflib.URIRef("http://eurovoc.europa.eu/c_324b44f1") in matches


def test_bad_documents_are_reported_and_the_others_built(tmp_path: Path) -> None:
    sources = tmp_path / "sources"
    shutil.copytree(BAD, sources / "bad")
    shutil.copy(SEED, sources / "5-8904.txt")
    report = build(BuildOptions(sources=[sources], out=tmp_path / "out"))
    assert len(report.conversion.questions) == 1
    assert len(report.parse_errors) == len(list(BAD.iterdir()))
    assert report.failed
    assert (tmp_path / "out" / "question" / "5-8904" / "index.ttl").exists()


def test_unreadable_eurovoc_file_stops_the_build(tmp_path: Path) -> None:
    broken = tmp_path / "eurovoc.ttl"
    broken.write_text("this is not turtle <")
    with pytest.raises(BuildError, match="cannot read the EuroVoc file"):
        build(BuildOptions(sources=[SEED], out=tmp_path / "out", eurovoc=broken))


def _beside(folder: Path) -> list[str]:
    """What a build into ``folder / "out"`` keeps beside it."""
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".out."))


def test_output_is_replaced_as_a_whole(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "stale.txt").write_text("from an earlier build")
    build_into(out, SEED)
    assert not (out / "stale.txt").exists()
    assert (out / "dataset.ttl").exists()
    assert _beside(tmp_path) == [".out.cache", ".out.lock"]  # no staging folder left behind


def _with_unusable_spare(tmp_path: Path) -> Path:
    """An output built from SEED, with a spare the next ``incremental=False`` build
    cannot use."""
    out = tmp_path / "out"
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "6-1.txt").write_bytes(next(iter(synthetic_corpus(1, seed=3))).content)
    build_into(out, SEED)
    build_into(out, corpus)  # the first output becomes the spare
    assert spare_folder(out).is_dir()
    return out


def test_an_unusable_spare_is_removed_only_once_the_new_output_is_in_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Deleting comes last: the new output is published before the old trees go."""
    out = _with_unusable_spare(tmp_path)
    removed: list[tuple[list[str], bool]] = []
    remove = shutil.rmtree

    def recording_rmtree(path: Path, *args: Any, **kwargs: Any) -> None:
        if Path(path).name.startswith(".out.removing-"):
            published = (out / "question" / "5-8904" / "index.html").exists()
            removed.append((sorted(p.name for p in Path(path).iterdir()), published))
        remove(path, *args, **kwargs)

    monkeypatch.setattr(shutil, "rmtree", recording_rmtree)
    build_into(out, SEED, incremental=False)  # the cache is not read: the spare is unknown
    assert removed == [([".out.spare"], True)]
    assert _beside(tmp_path) == [".out.cache", ".out.lock"]


def test_a_failed_build_leaves_no_unusable_spare_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Left for later, it would take disk space from every build after, even the one
    that follows a build that ran out of it."""
    out = _with_unusable_spare(tmp_path)
    before = _digest(out)

    def full(*args: Any) -> str:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("converters.site.writer.render_page", full)
    with pytest.raises(BuildError, match="No space left on device"):
        build_into(out, SEED, incremental=False)
    assert _digest(out) == before
    assert _beside(tmp_path) == [".out.cache", ".out.lock"]


def test_an_unusable_spare_is_removed_first_when_the_disk_could_not_hold_another(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = _with_unusable_spare(tmp_path)
    files = [p for p in spare_folder(out).rglob("*") if not p.is_dir()]
    spare_size = sum(p.lstat().st_blocks * 512 for p in files)
    usage = shutil.disk_usage(tmp_path)
    removed: list[bool] = []
    remove = shutil.rmtree

    def recording_rmtree(path: Path, *args: Any, **kwargs: Any) -> None:
        if Path(path) == spare_folder(out) and Path(path).exists():
            removed.append((out / "question" / "5-8904" / "index.html").exists())
        remove(path, *args, **kwargs)

    almost_full = usage._replace(free=spare_size - 4096)
    monkeypatch.setattr(shutil, "disk_usage", lambda path: almost_full)
    monkeypatch.setattr(shutil, "rmtree", recording_rmtree)
    build_into(out, SEED, incremental=False)
    assert removed == [False], "the spare went after the new output was written"
    assert (out / "question" / "5-8904" / "index.html").exists()
    assert not any(p.name.startswith(".out.removing-") for p in tmp_path.iterdir())


def test_a_second_build_into_a_locked_folder_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "out"
    with build_lock(out), pytest.raises(BuildError, match="another build"):
        build_into(out, SEED)


def test_no_source_builds_the_bundled_sample(tmp_path: Path) -> None:
    report = build(BuildOptions(out=tmp_path / "out"))
    assert report.documents == len(list(sample_corpus().glob("*.txt"))) >= 4
    assert not report.failed


def test_parallel_parse_gives_the_same_results_in_order() -> None:
    paths = [SEED, *sorted(MADE_UP.glob("*.txt")), *sorted(BAD.iterdir())] * 3
    sequential = parse_all(paths, jobs=1)
    parallel = parse_all(paths, jobs=2, parallel_threshold=0)
    assert [_summary(r) for r in parallel] == [_summary(r) for r in sequential]


def _summary(result: QuestionRecord | ParseError) -> str:
    return str(result) if isinstance(result, ParseError) else f"{result.number} {result.source}"


# -- robustness: nothing lost, killed builds, hostile names ---------------------------------


def _corrupt(content: bytes, kind: int) -> bytes:
    text = content.decode("utf-8-sig")
    found = re.search(r"Question n°|Vraag nr\.", text)
    assert found is not None
    header, header_end = found.span()
    corruptions: list[Callable[[], bytes]] = [
        lambda: text[: header // 2].encode(),
        lambda: b"",
        lambda: content[:200] + b"\x00\x01\x02" + content[200:],
        lambda: (text[:header] + "É" + text[header:]).encode("latin-1", errors="replace"),
        lambda: (text[:header] + "Question number" + text[header_end:]).encode(),
    ]
    return corruptions[kind % len(corruptions)]()


def test_every_document_is_built_or_reported(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    corrupted = set()
    names = []
    for index, document in enumerate(synthetic_corpus(1000, seed=11)):
        names.append(document.name)
        content = document.content
        if index % 10 == 3:
            content = _corrupt(content, index // 10)
            corrupted.add(document.name)
        (corpus / document.name).write_bytes(content)
    result = subprocess.run(
        [sys.executable, "-m", "converters", "build", str(corpus), "--out", str(tmp_path / "out")],
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "COLUMNS": "200"},
    )
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    reported = {line.split(":")[1].strip().rsplit("/", 1)[-1] for line in errors}
    assert len(errors) == len(corrupted)
    assert reported == corrupted
    assert all(re.match(r"error: \S+:\d+: expected ", line) for line in errors)
    pairs = {n.rsplit("-", 1)[0] for n in names if n.endswith(("-fr.txt", "-nl.txt"))}
    joined = [p for p in pairs if not {f"{p}-fr.txt", f"{p}-nl.txt"} & corrupted]
    assert joined, "the corpus has questions published as their two unilingual pages"
    built = len(names) - len(corrupted) - len(joined)
    assert (
        f"{len(names)} = {built} built + {len(corrupted)} failed + {len(joined)} joined"
        in result.stdout
    )
    described = {
        q.subject
        for q in pyoxigraph.parse(path=str(tmp_path / "out" / "dataset.nt"))
        if q.predicate.value == "http://purl.org/dc/terms/dateSubmitted"
    }
    assert len(described) == built


def _digest(folder: Path, kept: Callable[[Path], bool] = Path.is_file) -> dict[str, str]:
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if kept(path)
    }


def _differences(one: dict[str, str], other: dict[str, str]) -> list[str]:
    """The files that differ between two digested folders, marked by where they are:
    ``<`` only in the first, ``>`` only in the other, ``≠`` in both but different."""
    return [
        f"{'<' if path not in other else '>' if path not in one else '≠'} {path}"
        for path in sorted(one.keys() | other.keys())
        if one.get(path) != other.get(path)
    ]


@pytest.mark.parametrize(
    ("stage", "step", "message"),
    [
        ("validation", "validate_incrementally", "cannot validate: OSError: disk gone"),
        ("dumps", "write_dumps", "cannot write the dumps: OSError: disk gone"),
        ("resource files", "write_resource", "cannot write the output: OSError: disk gone"),
    ],
)
def test_a_build_whose_forked_stage_fails_says_so_and_keeps_the_previous_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stage: str, step: str, message: str
) -> None:
    out = build_into(tmp_path / "out", SEED)
    before = _digest(out)

    def fail(*args: object, **keywords: object) -> None:
        raise OSError("disk gone")

    with monkeypatch.context() as patched:
        patched.setattr(f"converters.pipeline.{step}", fail)
        with pytest.raises(BuildError, match=re.escape(message)):
            build_into(out, MADE_UP, SEED)
    assert _digest(out) == before, f"the failed {stage} changed the output"
    build_into(out, MADE_UP, SEED)
    build_into(tmp_path / "clean", MADE_UP, SEED, incremental=False)
    clean = tmp_path / "clean"
    assert _differences(_digest(out, reproducible), _digest(clean, reproducible)) == []


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_page_that_cannot_be_written_fails_the_build_with_one_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: int
) -> None:
    """Whether the page was rendered in the build process or in a forked worker."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for document in synthetic_corpus(120, seed=9):
        (corpus / document.name).write_bytes(document.content)
    render = converters.site.writer.render_page

    def render_unless_full(*args: Any) -> str:
        if args[2].path.startswith("person/"):
            raise OSError(28, "No space left on device")
        return render(*args)

    monkeypatch.setattr("converters.site.writer.render_page", render_unless_full)
    expected = "cannot write the output: OSError: [Errno 28] No space left on device"
    with pytest.raises(BuildError, match=re.escape(expected)):
        build_into(tmp_path / "out", corpus, jobs=jobs)
    assert not (tmp_path / "out").exists()


def test_a_killed_build_leaves_the_whole_previous_output_or_the_whole_new_one(
    tmp_path: Path,
) -> None:
    """The new output replaces the old one in one atomic swap: a kill before it leaves
    the old output, a kill after it (while the cache is saved) the complete new one."""
    out = tmp_path / "out"
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    documents = list(synthetic_corpus(300, seed=5))
    (corpus / documents[0].name).write_bytes(documents[0].content)
    build_into(out, SEED)
    build_into(out, corpus)  # the next build updates the first output, kept as a spare
    before = _digest(out)
    for document in documents:
        (corpus / document.name).write_bytes(document.content)
    started = time.perf_counter()
    subprocess.run(
        [*BUILD, str(corpus), "--out", str(tmp_path / "clean"), "--no-cache"],
        check=True,
        capture_output=True,
    )
    whole = time.perf_counter() - started  # the kills below fall at fractions of it
    new = _digest(tmp_path / "clean", reproducible)
    kills = 0
    for fraction in (0.1, 0.25, 0.4, 0.55, 0.7, 0.85, 1.0):
        process = subprocess.Popen(
            [*BUILD, str(corpus), "--out", str(out)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(fraction * whole)
        process.send_signal(signal.SIGKILL)
        process.wait()
        now = _digest(out)
        if _digest(out, reproducible) == new:
            break  # swapped in before the signal: nothing left to interrupt
        kills += 1
        assert now == before, (
            f"after a kill at {fraction:.0%} of a build the output is neither the old nor "
            f"the new one: {_differences(now, before)[:20]}"
        )
    assert kills >= 3
    _wait_for_the_lock(out)  # the killed build's workers die with it
    build_into(out, corpus)  # whatever the killed builds left in the spare is not reused
    assert _differences(_digest(out, reproducible), new) == []


BUILD = [sys.executable, "-m", "converters", "build", "--jobs", "2"]


def _wait_for_the_lock(out: Path) -> None:
    for _ in range(50):
        try:
            with build_lock(out):
                return
        except BuildError:
            time.sleep(0.1)
    pytest.fail("the lock of a killed build is still held after 5 s")


def test_hostile_names_stay_inside_the_output(tmp_path: Path) -> None:
    from dataclasses import replace

    from converters.records import Author, Bilingual
    from converters.synth.source_writer import render_document

    template = parse_file(SEED)
    names = ["../../escape", "a/b", "%2F..%2Fetc", "x\x1by\x07z", 'q"}<>', "..", "/etc/passwd"]
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for index, name in enumerate(names):
        record = replace(
            template,
            number=replace(template.number, sequence=9000 + index),
            siblings=(),
            author=Author(f"Anne {name}", Bilingual(name, name)),
            addressee=Bilingual(f"ministre {name}", f"minister {name}"),
            descriptors=(Bilingual(f"descripteur {name}", f"descriptor {name}"),),
        )
        (corpus / f"{index}.txt").write_text(render_document(record), encoding="utf-8")
    out = tmp_path / "site" / "out"
    report = build(BuildOptions(sources=[corpus], out=out, jobs=1))
    assert len(report.conversion.questions) + len(report.error_lines) == len(names)
    allowed = (out.resolve(), (tmp_path / "site" / ".out.cache").resolve())
    for path in tmp_path.rglob("*"):
        if path.is_file() and "corpus" not in path.parts:
            assert any(path.resolve().is_relative_to(place) for place in allowed) or (
                path.name == ".out.lock"
            ), path
    graph = rdflib_graph(out / "dataset.nt", "nt")
    minted = {s for s in graph.subjects() if str(s).startswith("http://localhost:8000/")}
    assert len(minted) > len(names)
    for subject in minted:
        assert re.fullmatch(r"[A-Za-z0-9:/._~%-]+", str(subject)), subject
    rdflib_graph(out / "dataset.ttl")


def test_sources_are_found_below_folders_through_links_to_files_but_not_to_folders(
    tmp_path: Path,
) -> None:
    corpus = tmp_path / "corpus"
    (corpus / "b" / "deeper").mkdir(parents=True)
    for name in ("a.txt", "b/c.txt", "b/deeper/d.txt", ".hidden.txt", "notes.md", ".txt"):
        (corpus / name).write_text("", encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "e.txt").write_text("", encoding="utf-8")
    (corpus / "linked.txt").symlink_to(elsewhere / "e.txt")
    (corpus / "linked-folder").symlink_to(elsewhere)
    (corpus / "broken.txt").symlink_to(tmp_path / "missing.txt")
    (corpus / "folder.txt").mkdir()

    found = discover_sources([corpus, corpus / "a.txt"])

    assert [str(p.relative_to(corpus)) for p in found] == [
        ".hidden.txt",
        "a.txt",
        "b/c.txt",
        "b/deeper/d.txt",
        "linked.txt",
    ]


def test_a_source_is_named_relative_to_the_working_folder_when_below_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert display_name(Path("corpus/a.txt")) == "corpus/a.txt"
    assert display_name(tmp_path / "corpus" / "a.txt") == "corpus/a.txt"
    assert display_name(Path("/elsewhere/a.txt")) == "/elsewhere/a.txt"
    assert display_name(Path(f"{tmp_path}-other/a.txt")) == f"{tmp_path}-other/a.txt"
    assert display_name(Path("../up/a.txt")) == "../up/a.txt"
