"""pyoxigraph terms as rdflib terms: the same RDF term, whatever its kind."""

from __future__ import annotations

import pyoxigraph
import rdflib
from hypothesis import given
from hypothesis import strategies as st

from converters.validate.rdflib_bridge import rdflib_term, rdflib_triple

XSD = "http://www.w3.org/2001/XMLSchema#"
texts = st.text(st.characters(exclude_categories=["Cs"]), max_size=20)
literals = st.one_of(
    st.builds(pyoxigraph.Literal, texts),
    st.builds(pyoxigraph.Literal, texts, language=st.sampled_from(["fr", "nl", "en-gb"])),
    st.sampled_from([("2013-04-30", "date"), ("12", "integer"), ("true", "boolean")]).map(
        lambda typed: pyoxigraph.Literal(typed[0], datatype=pyoxigraph.NamedNode(XSD + typed[1]))
    ),
)


@given(literals)
def test_a_literal_keeps_its_text_language_and_datatype(literal: pyoxigraph.Literal) -> None:
    converted = rdflib_term(literal)
    assert isinstance(converted, rdflib.Literal)
    assert str(converted) == literal.value
    assert converted.language == (literal.language or None)
    if literal.language or literal.datatype.value == XSD + "string":
        assert converted.datatype is None
    else:
        assert converted.datatype == rdflib.URIRef(literal.datatype.value)


def test_iris_blank_nodes_and_triples() -> None:
    subject = pyoxigraph.NamedNode("http://localhost:8000/question/5-1")
    blank = pyoxigraph.BlankNode("b1")
    assert rdflib_term(subject) == rdflib.URIRef(subject.value)
    assert rdflib_term(blank) == rdflib.BNode("b1")
    triple = pyoxigraph.Triple(subject, pyoxigraph.NamedNode(XSD + "p"), blank)
    assert rdflib_triple(triple) == (
        rdflib.URIRef(subject.value),
        rdflib.URIRef(XSD + "p"),
        rdflib.BNode("b1"),
    )


def test_a_plain_string_has_no_datatype_in_rdflib() -> None:
    """rdflib tells ``"x"`` and ``"x"^^xsd:string`` apart; RDF 1.1 does not."""
    assert rdflib_term(pyoxigraph.Literal("x")) == rdflib.Literal("x")
