"""Linking descriptors to EuroVoc by normalised FR or NL label."""

from __future__ import annotations

import pyoxigraph
import pytest
from pyoxigraph import NamedNode

from converters.convert.eurovoc import EurovocIndex, normalise_label
from converters.records import Bilingual, QuestionRecord

from .conftest import EUROVOC_EXCERPT


@pytest.fixture(scope="module")
def index() -> EurovocIndex:
    return EurovocIndex.from_triples(q.triple for q in pyoxigraph.parse(path=str(EUROVOC_EXCERPT)))


def test_all_five_descriptors_of_the_seed_link(index: EurovocIndex, seed: QuestionRecord) -> None:
    links = {d.fr: index.match(d) for d in seed.descriptors}
    assert links == {
        "ministère": NamedNode("http://eurovoc.europa.eu/5116"),
        "communauté virtuelle": NamedNode("http://eurovoc.europa.eu/443345"),
        "sensibilisation du public": NamedNode("http://eurovoc.europa.eu/5891"),
        "relation administration-administré": NamedNode("http://eurovoc.europa.eu/5852"),
        "médias sociaux": NamedNode("http://eurovoc.europa.eu/c_324b44f1"),
    }


def test_alt_label_and_case_and_spaces_match(index: EurovocIndex) -> None:
    assert index.match(Bilingual("Réseaux  Sociaux", "")) == NamedNode(
        "http://eurovoc.europa.eu/c_324b44f1"
    )


def test_dutch_label_alone_links(index: EurovocIndex) -> None:
    assert index.match(Bilingual("inconnu", "Verkeersveiligheid")) == NamedNode(
        "http://eurovoc.europa.eu/4047"
    )


def test_unknown_label_does_not_link(index: EurovocIndex) -> None:
    assert index.match(Bilingual("astrologie", "astrologie")) is None


def test_labels_naming_two_different_concepts_do_not_link(index: EurovocIndex) -> None:
    assert index.match(Bilingual("sécurité routière", "gevangeniswezen")) is None


def test_index_counts_concepts(index: EurovocIndex) -> None:
    assert len(index) == 9


def test_normalisation_folds_apostrophes_and_case() -> None:
    assert normalise_label("  L’Office  national ") == "l'office national"
