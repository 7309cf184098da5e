"""Authors and their parties → ``foaf:Person`` and ``sq:PoliticalParty`` triples."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from pyoxigraph import Literal, NamedNode, Triple

from ..iris import Minter, bilingual_slug, slugify
from ..records import Bilingual
from ..vocabulary import FOAF, ORG, RDF_TYPE, SKOS, SQ
from .literals import bilingual_literals


def person_iri(name: str, minter: Minter) -> NamedNode:
    return minter.person(slugify(name))


def party_iri(label: Bilingual, minter: Minter) -> NamedNode:
    return minter.party(bilingual_slug(label))


def person_triples(name: str, parties: Iterable[Bilingual], minter: Minter) -> Iterator[Triple]:
    """A person with ``org:memberOf`` each party printed beside their name."""
    person = person_iri(name, minter)
    yield Triple(person, RDF_TYPE, FOAF.Person)
    yield Triple(person, FOAF.name, Literal(name))
    for party in parties:
        yield Triple(person, ORG.memberOf, party_iri(party, minter))


def party_triples(label: Bilingual, minter: Minter) -> Iterator[Triple]:
    """A party's name is one label when both languages print it alike (``Open Vld``),
    else one per language (``Indépendant``@fr, ``Onafhankelijke``@nl)."""
    party = party_iri(label, minter)
    yield Triple(party, RDF_TYPE, SQ.PoliticalParty)
    if label.fr == label.nl or not (label.fr and label.nl):
        yield Triple(party, SKOS.prefLabel, Literal(label.fr or label.nl))
    else:
        yield from bilingual_literals(party, SKOS.prefLabel, label)
