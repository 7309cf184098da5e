"""Addressees → ``sq:Ministry`` triples: the ministerial office a question goes to."""

from __future__ import annotations

from collections.abc import Iterator

from pyoxigraph import NamedNode, Triple

from ..iris import Minter, bilingual_slug
from ..records import Bilingual
from ..vocabulary import RDF_TYPE, SKOS, SQ
from .literals import bilingual_literals


def ministry_iri(addressee: Bilingual, minter: Minter) -> NamedNode:
    """Keyed on the French label, the one printed first; the Dutch one must agree."""
    return minter.ministry(bilingual_slug(addressee))


def ministry_triples(addressee: Bilingual, minter: Minter) -> Iterator[Triple]:
    ministry = ministry_iri(addressee, minter)
    yield Triple(ministry, RDF_TYPE, SQ.Ministry)
    yield from bilingual_literals(ministry, SKOS.prefLabel, addressee)
