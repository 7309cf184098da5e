"""The build pipeline: dumps, resource files, determinism, round trips, bad input."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyoxigraph
import pytest
import rdflib
from rdflib.compare import isomorphic

from converters.build import BuildError, BuildOptions, build, build_lock, parse_all, sample_corpus
from converters.records import QuestionRecord
from converters.sources import ParseError

from .conftest import BAD, EUROVOC_EXCERPT, GOLDEN, MADE_UP, SEED, SEED_CRLF_BOM

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
        by_oxigraph.add(_to_rdflib(quad.triple))
    assert len(by_rdflib) > 200
    assert isomorphic(by_rdflib, by_oxigraph)
    rewritten = rdflib.Graph().parse(data=by_rdflib.serialize(format="turtle"), format="turtle")
    reread = pyoxigraph.parse(
        rewritten.serialize(format="turtle").encode(), pyoxigraph.RdfFormat.TURTLE
    )
    assert sum(1 for _ in reread) == len(by_rdflib)


def test_json_ld_dump_holds_the_same_graph(tmp_path: Path) -> None:
    out = build_into(tmp_path / "out", SEED)
    assert isomorphic(
        rdflib_graph(out / "dataset.jsonld", "json-ld"), rdflib_graph(out / "dataset.nt", "nt")
    )


def test_rebuilding_gives_byte_identical_files(tmp_path: Path) -> None:
    first = build_into(tmp_path / "a", MADE_UP, SEED)
    second = build_into(tmp_path / "b", MADE_UP, SEED)
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    for name in files:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


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
        assert isomorphic(description, rdflib_graph(folder / "index.jsonld", "json-ld"))


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


def test_output_is_replaced_as_a_whole(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "stale.txt").write_text("from an earlier build")
    build_into(out, SEED)
    assert not (out / "stale.txt").exists()
    assert (out / "dataset.ttl").exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".out.")] == [".out.lock"]


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


def _to_rdflib(
    triple: pyoxigraph.Triple,
) -> tuple[rdflib.term.Node, rdflib.term.Node, rdflib.term.Node]:
    def term(node: object) -> rdflib.term.Node:
        if isinstance(node, pyoxigraph.NamedNode):
            return rdflib.URIRef(node.value)
        assert isinstance(node, pyoxigraph.Literal)
        if node.language:
            return rdflib.Literal(node.value, lang=node.language)
        if node.datatype.value == str(rdflib.XSD.string):
            return rdflib.Literal(node.value)
        return rdflib.Literal(node.value, datatype=rdflib.URIRef(node.datatype.value))

    return term(triple.subject), term(triple.predicate), term(triple.object)
