"""JSON-LD compacted with the published context: what a web developer reads, and the
same graph for any JSON-LD processor (pyld, the reference implementation in Python,
given the context as a server would give it)."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
import rdflib
from hypothesis import given, settings
from hypothesis import strategies as st
from pyld import jsonld
from pyoxigraph import BlankNode, Literal, NamedNode, RdfFormat, Triple, parse, serialize
from rdflib.compare import isomorphic

from converters.convert.corpus import convert_corpus, sort_triples
from converters.iris import Minter
from converters.publish.files import read_rdf
from converters.publish.jsonld import CONTEXT_FILE, Compactor, context_text, with_context_inlined
from converters.synth.synthetic import synthetic_corpus
from converters.vocabulary import PREFIXES

B = "http://localhost:8000/"
CONTEXT_URL = B + CONTEXT_FILE
XSD = PREFIXES["xsd"]


def served_context(url: str, options: object = None) -> dict[str, Any]:
    """pyld's document loader, as if the site served its context at its URL."""
    assert url == CONTEXT_URL, f"pyld asked for {url}"
    return {"contextUrl": None, "documentUrl": url, "document": json.loads(context_text())}


def graph_by_pyld(document: bytes) -> rdflib.Graph:
    quads = jsonld.to_rdf(
        json.loads(document), {"format": "application/n-quads", "documentLoader": served_context}
    )
    return rdflib.Graph().parse(data=quads, format="nt")


def graph_of(triples: list[Triple]) -> rdflib.Graph:
    text = (serialize(triples, None, RdfFormat.N_TRIPLES) or b"").decode()
    return rdflib.Graph().parse(data=text, format="nt")


def dump(triples: list[Triple]) -> bytes:
    out = io.BytesIO()
    Compactor(CONTEXT_URL).write(triples, out)
    return out.getvalue()


@pytest.fixture(scope="module")
def corpus() -> list[Triple]:
    records = [document.record for document in synthetic_corpus(25, seed=11)]
    return convert_corpus(records, Minter(B)).triples


def test_a_dump_is_the_same_graph_for_a_json_ld_processor(corpus: list[Triple]) -> None:
    assert isomorphic(graph_by_pyld(dump(corpus)), graph_of(corpus))


def test_every_property_and_class_of_the_model_has_a_term(corpus: list[Triple]) -> None:
    """No key or type in a dump is an IRI or a compact IRI: the context names them all."""
    data = json.loads(dump(corpus))
    keys = {key for node in data["@graph"] for key in node}
    types = {t for node in data["@graph"] for t in _as_list(node.get("type", []))}
    assert data["@context"] == CONTEXT_URL
    assert not {key for key in keys if ":" in key}
    assert {t for t in types if ":" in t} == {"void:Dataset"}  # "Dataset" is DCAT's


def test_a_question_reads_as_a_web_developer_expects(corpus: list[Triple]) -> None:
    data = json.loads(dump(corpus))
    question = next(node for node in data["@graph"] if node.get("type") == "WrittenQuestion")
    assert question["id"].startswith(B + "question/")
    assert set(question["title"]) <= {"fr", "nl"} and question["title"]
    assert isinstance(question["dateSubmitted"], str) and question["dateSubmitted"][4] == "-"
    assert question["creator"].startswith(B + "person/")
    assert question["addressedTo"].startswith(B + "ministry/")


def test_a_resource_file_is_one_node_object_with_the_context(corpus: list[Triple]) -> None:
    subject = corpus[-1].subject
    assert isinstance(subject, NamedNode)
    triples = [t for t in corpus if t.subject == subject]
    data = json.loads(Compactor(CONTEXT_URL).document(triples))
    assert data["@context"] == CONTEXT_URL and data["id"] == subject.value
    assert "@graph" not in data


def test_several_subjects_go_under_graph() -> None:
    triples = sort_triples(
        Triple(NamedNode(B + name), NamedNode(PREFIXES["foaf"] + "name"), Literal(name))
        for name in ("a", "b")
    )
    data = json.loads(Compactor(CONTEXT_URL).document(triples))
    assert [node["name"] for node in data["@graph"]] == ["a", "b"]


def test_values_a_term_cannot_hold_keep_their_predicate_and_their_type() -> None:
    subject = NamedNode(B + "x")
    title = NamedNode(PREFIXES["dcterms"] + "title")
    submitted = NamedNode(PREFIXES["dcterms"] + "dateSubmitted")
    triples = sort_triples(
        [
            Triple(subject, title, Literal("Titre", language="fr")),
            Triple(subject, title, Literal("untagged")),
            Triple(subject, title, Literal("7", datatype=NamedNode(XSD + "integer"))),
            Triple(subject, submitted, Literal("2013-04-30", datatype=NamedNode(XSD + "date"))),
            Triple(subject, submitted, Literal("someday")),
        ]
    )
    document = Compactor(CONTEXT_URL).document(triples)
    data = json.loads(document)
    assert data["title"] == {"fr": "Titre", "@none": "untagged"}
    assert data["dcterms:title"] == {"@value": "7", "@type": "xsd:integer"}
    assert data["dateSubmitted"] == ["2013-04-30", {"@value": "someday"}]
    assert isomorphic(graph_by_pyld(document), graph_of(triples))


SUBJECTS = [NamedNode(B + path) for path in ("a", "b/c", "d")] + [BlankNode("b1")]
PREDICATES = [
    NamedNode(PREFIXES[prefix] + local)
    for prefix, local in [
        ("dcterms", "title"),
        ("dcterms", "creator"),
        ("dcterms", "dateSubmitted"),
        ("dcterms", "identifier"),
        ("rdf", "type"),
        ("void", "triples"),
        ("sq", "notInTheContext"),
    ]
] + [NamedNode("http://example.org/elsewhere#p")]
TEXTS = st.text(st.characters(exclude_categories=["Cs"]), max_size=12)
objects = st.one_of(
    st.sampled_from(SUBJECTS),
    st.sampled_from([PREFIXES["sq"] + "WrittenQuestion", "http://example.org/C"]).map(NamedNode),
    st.builds(Literal, TEXTS),
    st.builds(Literal, TEXTS, language=st.sampled_from(["fr", "nl", "en-gb"])),
    st.builds(
        Literal,
        st.sampled_from(["2013-04-30", "12", "x"]),
        datatype=st.sampled_from(["date", "integer", "gYear"]).map(lambda t: NamedNode(XSD + t)),
    ),
)
graphs = st.sets(
    st.builds(Triple, st.sampled_from(SUBJECTS), st.sampled_from(PREDICATES), objects),
    min_size=1,
    max_size=25,
)


@settings(max_examples=150, deadline=None)
@given(graphs)
def test_any_graph_written_compacted_is_the_same_graph_expanded(graph: set[Triple]) -> None:
    triples = sort_triples(graph)
    assert isomorphic(graph_by_pyld(dump(triples)), graph_of(triples))


def test_a_reader_without_the_network_reads_a_dump_with_the_context_inlined(
    corpus: list[Triple], tmp_path: Path
) -> None:
    path = tmp_path / "dataset.jsonld"
    path.write_bytes(dump(corpus))
    assert isomorphic(graph_of(read_rdf([path])), graph_of(corpus))


def test_the_context_beside_a_dump_is_the_one_it_is_read_with(tmp_path: Path) -> None:
    """A dump written by another version is read with the context published with it."""
    (tmp_path / CONTEXT_FILE).write_text('{"@context": {"t": "http://example.org/t"}}')
    path = tmp_path / "dataset.jsonld"
    path.write_text(json.dumps({"@context": CONTEXT_URL, "@id": B + "a", "t": "x"}))
    [triple] = read_rdf([path])
    assert triple.predicate == NamedNode("http://example.org/t")


def test_documents_with_another_context_are_left_as_they_are() -> None:
    document = b'{"@context": "https://schema.org/", "name": "x"}'
    assert with_context_inlined(document) == document
    inline = b'{"@context": {"p": "http://example.org/p"}, "@id": "http://a", "p": "x"}'
    assert with_context_inlined(inline) == inline
    assert len(list(parse(inline, RdfFormat.JSON_LD))) == 1


def _as_list(value: object) -> list[Any]:
    return value if isinstance(value, list) else [value]
