"""Authors and parties → FOAF and ORG."""

from __future__ import annotations

from pyoxigraph import Literal, NamedNode, Triple

from converters.iris import Minter
from converters.person import party_triples, person_triples

B = "http://localhost:8000/"
FOAF = "http://xmlns.com/foaf/0.1/"


def test_person_with_each_party() -> None:
    triples = set(person_triples("Martine Taelman", ["Open Vld", "VLD"], Minter(B)))
    person = NamedNode(B + "person/martine-taelman")
    assert Triple(person, NamedNode(FOAF + "name"), Literal("Martine Taelman")) in triples
    members = {x.object for x in triples if x.predicate.value.endswith("memberOf")}
    assert members == {NamedNode(B + "party/open-vld"), NamedNode(B + "party/vld")}


def test_person_without_party_has_no_membership() -> None:
    triples = list(person_triples("Pieter Voorbeeld", [], Minter(B)))
    assert not [x for x in triples if x.predicate.value.endswith("memberOf")]


def test_party_is_a_political_party_with_its_label() -> None:
    triples = set(party_triples("CD&V", Minter(B)))
    party = NamedNode(B + "party/cd-v")
    assert (
        Triple(
            party,
            NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
            NamedNode("https://w3id.org/senate-ld/def#PoliticalParty"),
        )
        in triples
    )
    assert (
        Triple(party, NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel"), Literal("CD&V"))
        in triples
    )
