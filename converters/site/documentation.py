"""The ontology and the shapes, read for their pages on the site."""

from __future__ import annotations

from importlib.resources import files
from typing import Any

import rdflib
import rdflib.collection
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SH

from ..validate.shapes import TARGET_PREDICATES
from ..vocabulary import PREFIXES
from .interface import translate

_TERM_FACTS = (
    ("subclass_of", RDFS.subClassOf),
    ("subproperty_of", RDFS.subPropertyOf),
    ("domain", RDFS.domain),
    ("range", RDFS.range),
)
_RULES = (
    "minCount", "maxCount", "datatype", "class", "nodeKind", "pattern", "languageIn",
    "uniqueLang", "hasValue", "in", "equals", "lessThanOrEquals", "qualifiedMinCount",
    "minLength", "node",
)  # fmt: skip


def ontology_turtle() -> str:
    return (files("converters") / "resources" / "ontology.ttl").read_text(encoding="utf-8")


def curie(iri: str) -> str:
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(namespace) and len(iri) > len(namespace):
            return f"{prefix}:{iri[len(namespace) :]}"
    return iri


def _text(
    graph: rdflib.Graph, subject: rdflib.term.Node, predicate: rdflib.URIRef, language: str
) -> str:
    for value in graph.objects(subject, predicate):
        if isinstance(value, rdflib.Literal) and value.language == language:
            return str(value)
    return ""


def _sorted(nodes: Any) -> list[rdflib.term.Node]:
    return sorted(nodes, key=str)


class OntologyDocument:
    def __init__(self, turtle: str | None = None) -> None:
        self.graph = rdflib.Graph().parse(data=turtle or ontology_turtle(), format="turtle")
        self.namespace = PREFIXES["sq"]
        self.ontology = rdflib.URIRef(self.namespace.rstrip("#"))

    def context(self, language: str) -> dict[str, Any]:
        graph = self.graph
        properties = _sorted(
            set(graph.subjects(RDF.type, OWL.ObjectProperty))
            | set(graph.subjects(RDF.type, OWL.DatatypeProperty))
        )
        groups = [
            ("classes", _sorted(graph.subjects(RDF.type, OWL.Class))),
            ("object_properties", properties),
        ]
        return {
            "heading": _text(graph, self.ontology, DCTERMS.title, language),
            "description": _text(graph, self.ontology, DCTERMS.description, language),
            "namespace": self.namespace,
            "groups": [
                {
                    "anchor": key,
                    "title": translate(key, language),
                    "terms": [self._term(term, language) for term in terms],
                }
                for key, terms in groups
            ],
        }

    def _term(self, term: rdflib.term.Node, language: str) -> dict[str, Any]:
        graph = self.graph
        return {
            "name": str(term)[len(self.namespace) :],
            "label": _text(graph, term, RDFS.label, language),
            "comment": _text(graph, term, RDFS.comment, language),
            "facts": [
                {
                    "name": translate(fact, language),
                    "links": [
                        {"href": str(v), "text": curie(str(v))}
                        for v in _sorted(graph.objects(term, predicate))
                    ],
                }
                for fact, predicate in _TERM_FACTS
                if (term, predicate, None) in graph
            ],
        }


class ShapesDocument:
    def __init__(self, turtle: str) -> None:
        self.graph = rdflib.Graph().parse(data=turtle, format="turtle")

    def describe(self, node: rdflib.term.Node | None) -> str:
        """A shape's value in SPARQL-like syntax: ``sq:alsoAskedAs``, ``^sq:hasAnswer``…"""
        graph = self.graph
        if node is None:
            return "—"
        if isinstance(node, rdflib.URIRef):
            return curie(str(node))
        if isinstance(node, rdflib.Literal):
            return str(node)
        if (node, RDF.first, None) in graph:
            return (
                "("
                + " ".join(self.describe(i) for i in rdflib.collection.Collection(graph, node))
                + ")"
            )
        inverse = graph.value(node, SH.inversePath)
        if inverse is not None:
            return "^" + self.describe(inverse)
        return "[…]"

    def shapes(self) -> list[dict[str, Any]]:
        graph = self.graph
        found = []
        for shape in _sorted(self._targeting_shapes()):
            targets = [
                f"{str(predicate).rsplit('#', 1)[-1]} {self.describe(value)}"
                for predicate in TARGET_PREDICATES
                for value in _sorted(graph.objects(shape, predicate))
            ]
            constraints = [
                c
                for prop in [*graph.objects(shape, SH.property), shape]
                if (c := self._constraint(shape, prop))
            ]
            constraints.sort(key=lambda c: (c["path"], c["rules"]))
            name = str(shape).rsplit("#", 1)[-1]
            label = str(graph.value(shape, RDFS.label) or name)
            found.append(
                {"name": name, "label": label, "targets": targets, "constraints": constraints}
            )
        return found

    def _targeting_shapes(self) -> set[rdflib.term.Node]:
        """The node shapes, and the property shapes that have targets of their own."""
        graph = self.graph
        with_targets = {
            shape for predicate in TARGET_PREDICATES for shape in graph.subjects(predicate, None)
        }
        return set(graph.subjects(RDF.type, SH.NodeShape)) | (
            with_targets & set(graph.subjects(RDF.type, SH.PropertyShape))
        )

    def _constraint(self, shape: rdflib.term.Node, prop: rdflib.term.Node) -> dict[str, str] | None:
        graph = self.graph
        rules = sorted(
            f"{rule} {self.describe(value)}"
            for rule in _RULES
            for value in graph.objects(prop, SH[rule])
        )
        if not rules:
            return None
        severity = graph.value(prop, SH.severity) or graph.value(shape, SH.severity) or SH.Violation
        return {
            "path": self.describe(graph.value(prop, SH.path)),
            "rules": ", ".join(rules),
            "severity": str(severity).rsplit("#", 1)[-1],
            "message": str(graph.value(prop, SH.message) or ""),
        }
