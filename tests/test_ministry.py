"""Addressees → ``sq:Ministry`` with FR and NL labels, no article."""

from __future__ import annotations

from pyoxigraph import Literal, NamedNode

from converters.convert.ministry import ministry_iri, ministry_triples
from converters.iris import Minter
from converters.records import Bilingual

B = "http://localhost:8000/"
PENSIONS = Bilingual(
    "vice-premier ministre et ministre des Pensions",
    "vice-eersteminister en minister van Pensioenen",
)


def test_ministry_iri_from_the_french_label() -> None:
    assert ministry_iri(PENSIONS, Minter(B)) == NamedNode(
        B + "ministry/vice-premier-ministre-et-ministre-des-pensions"
    )


def test_ministry_labels() -> None:
    labels = {
        x.object
        for x in ministry_triples(PENSIONS, Minter(B))
        if x.predicate.value.endswith("prefLabel")
    }
    assert labels == {
        Literal(PENSIONS.fr, language="fr"),
        Literal(PENSIONS.nl, language="nl"),
    }


def test_ministry_is_an_office() -> None:
    types = {
        x.object
        for x in ministry_triples(PENSIONS, Minter(B))
        if x.predicate.value.endswith("#type")
    }
    assert types == {NamedNode("https://w3id.org/senate-ld/def#Ministry")}
