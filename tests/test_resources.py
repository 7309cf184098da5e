"""Each resource's own description, at its IRI's path, in the three syntaxes."""

from __future__ import annotations

from pathlib import Path

import rdflib
from pyoxigraph import BlankNode, Literal, NamedNode, Triple

from converters.iris import Minter
from converters.publish.dumps import dump_syntaxes
from converters.publish.files import read_rdf
from converters.publish.resources import resource_descriptions, resource_files, write_resource
from converters.site.graph_view import GraphView

B = "http://localhost:8000/"
P = NamedNode("http://purl.org/dc/terms/title")


def test_resource_descriptions_group_by_subject_under_the_base() -> None:
    triples = [
        Triple(NamedNode(B + "a"), P, Literal("1")),
        Triple(NamedNode(B + "a"), P, Literal("2")),
        Triple(NamedNode(B + "a"), P, BlankNode()),
        Triple(BlankNode(), P, NamedNode(B + "a")),
        Triple(NamedNode("http://elsewhere/x"), P, Literal("3")),
        Triple(NamedNode(B + "b/c"), P, Literal("4")),
    ]
    described = GraphView(triples, B).descriptions()
    grouped = [(path, len(group)) for path, group in resource_descriptions(described, Minter(B))]
    assert grouped == [("a", 3), ("b/c", 1)]


def test_write_resource_writes_turtle_n_triples_and_json_ld(tmp_path: Path) -> None:
    triples = [Triple(NamedNode(B + "question/5-1"), P, Literal("t"))]
    write_resource("question/5-1", triples, tmp_path, dump_syntaxes(B))
    folder = tmp_path / "question" / "5-1"
    assert sorted(p.name for p in folder.iterdir()) == ["index.jsonld", "index.nt", "index.ttl"]
    assert sorted(resource_files("question/5-1")) == sorted(
        f"question/5-1/{p.name}" for p in folder.iterdir()
    )
    for name, rdf_format in [("index.ttl", "turtle"), ("index.nt", "nt")]:
        graph = rdflib.Graph().parse(folder / name, format=rdf_format)
        assert len(graph) == 1
    assert read_rdf([folder / "index.jsonld"]) == triples  # compacted: see test_jsonld.py
