"""The ontology and the shapes as pages: every term of the ontology documented in the
reader's language, and every shape with its targets and constraints in readable
syntax."""

from __future__ import annotations

import pytest
import rdflib

from converters.site.documentation import OntologyDocument, ShapesDocument, curie
from converters.validate.shapes import shapes_turtle
from converters.vocabulary import SQ_NAMESPACE

OWL = rdflib.OWL


@pytest.fixture(scope="module")
def ontology() -> OntologyDocument:
    return OntologyDocument()


def test_every_class_and_property_of_the_ontology_is_documented(
    ontology: OntologyDocument,
) -> None:
    graph = ontology.graph
    declared = {
        str(term)[len(SQ_NAMESPACE) :]
        for kind in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
        for term in graph.subjects(rdflib.RDF.type, kind)
        if str(term).startswith(SQ_NAMESPACE)
    }
    documented = {
        term["name"] for group in ontology.context("en")["groups"] for term in group["terms"]
    }
    assert declared and declared <= documented


@pytest.mark.parametrize("language", ["fr", "nl"])
def test_terms_are_labelled_in_the_readers_language(
    ontology: OntologyDocument, language: str
) -> None:
    english = ontology.context("en")["groups"][0]["terms"][0]
    translated = ontology.context(language)["groups"][0]["terms"][0]
    assert translated["name"] == english["name"]
    assert translated["label"] and translated["label"] != english["label"]


def test_shapes_read_as_targets_and_paths() -> None:
    shapes = ShapesDocument(shapes_turtle()).shapes()
    assert shapes and all(shape["targets"] for shape in shapes)
    paths = {c["path"] for shape in shapes for c in shape["constraints"]}
    assert "dcterms:title" in paths
    assert any(path.startswith("^") for path in paths)  # an inverse path


def test_iris_are_shortened_with_the_sites_prefixes() -> None:
    assert curie(SQ_NAMESPACE + "WrittenQuestion") == "sq:WrittenQuestion"
    assert curie("http://example.org/x") == "http://example.org/x"
    assert curie(SQ_NAMESPACE) == SQ_NAMESPACE  # a namespace alone is not a term
