"""The ontology declares every ``sq:`` term the data uses, documented in three languages."""

from __future__ import annotations

from pathlib import Path

import pytest
import rdflib
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from converters.build import build
from converters.pipeline import BuildOptions

ONTOLOGY = Path(__file__).parents[1] / "ontology" / "senate-ld.ttl"
SQ = rdflib.Namespace("https://w3id.org/senate-ld/def#")
STANDARD = (
    "http://purl.org/dc/terms/",
    "http://xmlns.com/foaf/0.1/",
    "http://www.w3.org/ns/org#",
    "http://www.w3.org/2004/02/skos/core#",
)


@pytest.fixture(scope="module")
def ontology() -> rdflib.Graph:
    return rdflib.Graph().parse(ONTOLOGY)


def sq_terms(ontology: rdflib.Graph) -> set[rdflib.URIRef]:
    """Every ``sq:`` class and property (the status concepts are not terms but values)."""
    return {
        s
        for s in ontology.subjects()
        if isinstance(s, rdflib.URIRef)
        and s.startswith(str(SQ))
        and (s, RDF.type, SKOS.Concept) not in ontology
        and (s, RDF.type, SKOS.ConceptScheme) not in ontology
    }


def status_concepts(ontology: rdflib.Graph) -> set[rdflib.URIRef]:
    return {
        s
        for s in ontology.subjects(SKOS.inScheme, SQ.QuestionStatus)
        if isinstance(s, rdflib.URIRef)
    }


def test_every_term_is_labelled_and_commented_in_en_fr_nl(ontology: rdflib.Graph) -> None:
    terms = sq_terms(ontology)
    assert len(terms) == 20
    for term in terms:
        for predicate in (RDFS.label, RDFS.comment):
            languages = {
                o.language
                for o in ontology.objects(term, predicate)
                if isinstance(o, rdflib.Literal)
            }
            assert languages == {"en", "fr", "nl"}, (term, predicate)


def test_every_term_has_a_standard_super_term(ontology: rdflib.Graph) -> None:
    for term in sq_terms(ontology):
        parents = set(ontology.objects(term, RDFS.subClassOf)) | set(
            ontology.objects(term, RDFS.subPropertyOf)
        )
        assert parents, term
        assert all(str(p).startswith(STANDARD) for p in parents), term


def test_properties_have_domain_and_range(ontology: rdflib.Graph) -> None:
    properties = set(ontology.subjects(RDF.type, OWL.ObjectProperty)) | set(
        ontology.subjects(RDF.type, OWL.DatatypeProperty)
    )
    assert len(properties) == 14
    for prop in properties:
        assert ontology.value(prop, RDFS.domain) is not None, prop
        assert ontology.value(prop, RDFS.range) is not None, prop


def test_also_asked_as_is_symmetric(ontology: rdflib.Graph) -> None:
    assert (SQ.alsoAskedAs, RDF.type, OWL.SymmetricProperty) in ontology


def test_reintroduction_is_declared_both_ways(ontology: rdflib.Graph) -> None:
    assert (SQ.reintroducedAs, OWL.inverseOf, SQ.reintroduces) in ontology
    assert (SQ.reintroduces, OWL.inverseOf, SQ.reintroducedAs) in ontology


def test_the_four_statuses_are_skos_concepts_named_in_three_languages(
    ontology: rdflib.Graph,
) -> None:
    assert status_concepts(ontology) == {
        SQ.Answered,
        SQ.AwaitingAnswer,
        SQ.ClosedWithoutAnswer,
        SQ.Lapsed,
    }
    for concept in status_concepts(ontology):
        assert (SQ.QuestionStatus, SKOS.hasTopConcept, concept) in ontology
        for predicate in (SKOS.prefLabel, SKOS.definition):
            languages = {
                o.language
                for o in ontology.objects(concept, predicate)
                if isinstance(o, rdflib.Literal)
            }
            assert languages == {"en", "fr", "nl"}, (concept, predicate)


def test_the_data_uses_only_declared_terms(ontology: rdflib.Graph, tmp_path: Path) -> None:
    build(BuildOptions(out=tmp_path / "out"))
    data = rdflib.Graph().parse(tmp_path / "out" / "dataset.nt", format="nt")
    used = {p for p in data.predicates() if str(p).startswith(str(SQ))} | {
        o for o in data.objects(None, RDF.type) if str(o).startswith(str(SQ))
    }
    statuses = set(data.objects(None, SQ.status))
    assert used and statuses
    assert used <= sq_terms(ontology)
    assert statuses <= status_concepts(ontology)
