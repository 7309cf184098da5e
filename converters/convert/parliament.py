"""Legislatures and sessions → ``sq:Legislature`` and ``sq:Session`` triples."""

from __future__ import annotations

from collections.abc import Iterator

from pyoxigraph import Literal, Triple

from ..iris import Minter
from ..records import Session
from ..vocabulary import RDF_TYPE, RDFS, SKOS, SQ


def legislature_triples(legislature: int, minter: Minter) -> Iterator[Triple]:
    iri = minter.legislature(legislature)
    yield Triple(iri, RDF_TYPE, SQ.Legislature)
    yield Triple(iri, SKOS.notation, Literal(str(legislature)))
    for text, language in (
        (f"{legislature}e législature", "fr"),
        (f"{legislature}de zittingsperiode", "nl"),
        (f"Legislature {legislature}", "en"),
    ):
        yield Triple(iri, RDFS.label, Literal(text, language=language))


def session_triples(session: Session, minter: Minter) -> Iterator[Triple]:
    iri = minter.session(session)
    yield Triple(iri, RDF_TYPE, SQ.Session)
    for text, language in (
        (f"Session {session.label}", "fr"),
        (f"Zitting {session.label}", "nl"),
        (f"Session {session.label}", "en"),
    ):
        yield Triple(iri, RDFS.label, Literal(text, language=language))
