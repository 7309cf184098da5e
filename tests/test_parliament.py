"""Legislatures and sessions as resources: typed, numbered, labelled in French, Dutch
and English, at IRIs minted from their number or years."""

from __future__ import annotations

from pyoxigraph import Literal

from converters.convert.parliament import legislature_triples, session_triples
from converters.iris import Minter
from converters.records import Session
from converters.vocabulary import RDF_TYPE, RDFS, SKOS, SQ

B = "http://localhost:8000/"


def test_a_legislature_is_numbered_and_labelled_in_three_languages() -> None:
    triples = list(legislature_triples(5, Minter(B)))
    assert {str(t.subject) for t in triples} == {f"<{B}legislature/5>"}
    assert (RDF_TYPE, SQ.Legislature) in {(t.predicate, t.object) for t in triples}
    assert (SKOS.notation, Literal("5")) in {(t.predicate, t.object) for t in triples}
    labels = {t.object for t in triples if t.predicate == RDFS.label}
    assert labels == {
        Literal("5e législature", language="fr"),
        Literal("5de zittingsperiode", language="nl"),
        Literal("Legislature 5", language="en"),
    }


def test_a_session_is_named_by_its_two_years() -> None:
    triples = list(session_triples(Session(2012), Minter(B)))
    assert {str(t.subject) for t in triples} == {f"<{B}session/2012-2013>"}
    assert (RDF_TYPE, SQ.Session) in {(t.predicate, t.object) for t in triples}
    labels = {t.object for t in triples if t.predicate == RDFS.label}
    assert Literal("Zitting 2012-2013", language="nl") in labels
    assert {label.language for label in labels if isinstance(label, Literal)} == {"fr", "nl", "en"}
