"""Authors and their parties → ``foaf:Person`` and ``sq:PoliticalParty`` triples."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from pyoxigraph import Literal, NamedNode, Triple

from .iris import Minter, slugify
from .vocabulary import FOAF, ORG, RDF_TYPE, SKOS, SQ


def person_iri(name: str, minter: Minter) -> NamedNode:
    return minter.person(slugify(name))


def party_iri(label: str, minter: Minter) -> NamedNode:
    return minter.party(slugify(label))


def person_triples(name: str, parties: Iterable[str], minter: Minter) -> Iterator[Triple]:
    """A person with ``org:memberOf`` each party printed beside their name."""
    person = person_iri(name, minter)
    yield Triple(person, RDF_TYPE, FOAF.Person)
    yield Triple(person, FOAF.name, Literal(name))
    for party in parties:
        yield Triple(person, ORG.memberOf, party_iri(party, minter))


def party_triples(label: str, minter: Minter) -> Iterator[Triple]:
    party = party_iri(label, minter)
    yield Triple(party, RDF_TYPE, SQ.PoliticalParty)
    yield Triple(party, SKOS.prefLabel, Literal(label))
