"""Authors and parties → FOAF and ORG."""

from __future__ import annotations

from pyoxigraph import Literal, NamedNode, Triple

from converters.convert.person import party_triples, person_triples
from converters.iris import Minter
from converters.records import Bilingual

B = "http://localhost:8000/"
FOAF = "http://xmlns.com/foaf/0.1/"


def test_person_with_each_party() -> None:
    triples = set(
        person_triples(
            "Martine Taelman",
            [Bilingual("Open Vld", "Open Vld"), Bilingual("VLD", "VLD")],
            Minter(B),
        )
    )
    person = NamedNode(B + "person/martine-taelman")
    assert Triple(person, NamedNode(FOAF + "name"), Literal("Martine Taelman")) in triples
    members = {x.object for x in triples if x.predicate.value.endswith("memberOf")}
    assert members == {NamedNode(B + "party/open-vld"), NamedNode(B + "party/vld")}


def test_person_without_party_has_no_membership() -> None:
    triples = list(person_triples("Pieter Voorbeeld", [], Minter(B)))
    assert not [x for x in triples if x.predicate.value.endswith("memberOf")]


def test_party_is_a_political_party_with_its_label() -> None:
    triples = set(party_triples(Bilingual("CD&V", "CD&V"), Minter(B)))
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


SKOS_PREF_LABEL = NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel")


def test_a_party_printed_differently_in_each_language_has_a_label_in_each() -> None:
    triples = set(party_triples(Bilingual("Indépendant", "Onafhankelijke"), Minter(B)))
    labels = {t.object for t in triples if t.predicate == SKOS_PREF_LABEL}
    assert labels == {
        Literal("Indépendant", language="fr"),
        Literal("Onafhankelijke", language="nl"),
    }
    assert {t.subject for t in triples} == {NamedNode(B + "party/independant")}


def test_a_party_known_in_dutch_only_is_named_from_its_dutch_label() -> None:
    triples = set(party_triples(Bilingual("", "Onafhankelijke"), Minter(B)))
    assert {t.subject for t in triples} == {NamedNode(B + "party/onafhankelijke")}
    assert Literal("Onafhankelijke") in {t.object for t in triples}
