"""pyoxigraph terms as rdflib terms, for the places that need rdflib (isomorphism,
the naive benchmark baseline) without a round trip through a serialization."""

from __future__ import annotations

import pyoxigraph
import rdflib

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def rdflib_term(node: object) -> rdflib.term.Node:
    if isinstance(node, pyoxigraph.NamedNode):
        return rdflib.URIRef(node.value)
    if isinstance(node, pyoxigraph.BlankNode):
        return rdflib.BNode(node.value)
    assert isinstance(node, pyoxigraph.Literal), node
    if node.language:
        return rdflib.Literal(node.value, lang=node.language)
    if node.datatype.value == _XSD_STRING:
        return rdflib.Literal(node.value)
    return rdflib.Literal(node.value, datatype=rdflib.URIRef(node.datatype.value))


def rdflib_triple(
    triple: pyoxigraph.Triple,
) -> tuple[rdflib.term.Node, rdflib.term.Node, rdflib.term.Node]:
    return rdflib_term(triple.subject), rdflib_term(triple.predicate), rdflib_term(triple.object)
