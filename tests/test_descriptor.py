"""Descriptors → SKOS concepts in the dataset's scheme."""

from __future__ import annotations

from pyoxigraph import Literal, NamedNode, Triple

from converters.convert.descriptor import descriptor_triples, scheme_triples
from converters.iris import Minter
from converters.records import Bilingual

B = "http://localhost:8000/"
SKOS = "http://www.w3.org/2004/02/skos/core#"
SOCIAL_MEDIA = Bilingual("médias sociaux", "sociale media")
CONCEPT = NamedNode(B + "descriptor/medias-sociaux")


def test_concept_in_scheme_with_labels() -> None:
    triples = set(descriptor_triples(SOCIAL_MEDIA, Minter(B)))
    assert Triple(CONCEPT, NamedNode(SKOS + "inScheme"), NamedNode(B + "descriptors")) in triples
    assert (
        Triple(CONCEPT, NamedNode(SKOS + "prefLabel"), Literal("médias sociaux", language="fr"))
        in triples
    )
    assert (
        Triple(CONCEPT, NamedNode(SKOS + "prefLabel"), Literal("sociale media", language="nl"))
        in triples
    )
    assert not any(x.predicate == NamedNode(SKOS + "exactMatch") for x in triples)


def test_exact_match_when_linked() -> None:
    eurovoc = NamedNode("http://eurovoc.europa.eu/c_324b44f1")
    triples = set(descriptor_triples(SOCIAL_MEDIA, Minter(B), eurovoc))
    assert Triple(CONCEPT, NamedNode(SKOS + "exactMatch"), eurovoc) in triples


def test_scheme_is_labelled_in_three_languages() -> None:
    labels = [
        x.object for x in scheme_triples(Minter(B)) if x.predicate == NamedNode(SKOS + "prefLabel")
    ]
    assert sorted(x.language or "" for x in labels if isinstance(x, Literal)) == ["en", "fr", "nl"]
