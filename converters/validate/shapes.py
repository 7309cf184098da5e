"""The shapes (``shapes.ttl``), as published and as the engine is given them."""

from __future__ import annotations

import re
from functools import cache, partial
from importlib.resources import files

import rdflib
import rdflib.collection
from rdflib.namespace import PROV, SH

from ..iris import DEFAULT_BASE_URI, normalise_base_uri

SHAPES_BASE = DEFAULT_BASE_URI


def shapes_turtle() -> str:
    return (files("converters") / "resources" / "shapes.ttl").read_text(encoding="utf-8")


@cache
def load_shapes(base: str = SHAPES_BASE) -> rdflib.Graph:
    """The shapes, with every minted-IRI pattern rewritten for ``base``."""
    base = normalise_base_uri(base)
    text = shapes_turtle()
    if base != SHAPES_BASE:
        text = text.replace(f'"^{SHAPES_BASE}', f'"^{_turtle_regex_escape(base)}')
        text = text.replace(f"<{SHAPES_BASE}descriptors>", f"<{base}descriptors>")
    return rdflib.Graph().parse(data=text, format="turtle")


TARGET_PREDICATES = (SH.targetClass, SH.targetSubjectsOf, SH.targetObjectsOf, SH.targetNode)
"""SHACL Core's target declarations."""


@cache
def engine_shapes(base: str = SHAPES_BASE) -> rdflib.Graph:
    """The shapes as the shards give them to pyshacl: :func:`lift_property_shapes` of
    :func:`load_shapes`. The same checks and results; 28 % less time."""
    return lift_property_shapes(load_shapes(base))


def lift_property_shapes(shapes: rdflib.Graph) -> rdflib.Graph:
    """The shapes with each blank-node property shape of a targeting node shape made a
    top-level property shape with the node shape's targets (and a stable IRI).

    SHACL defines both to validate the same focus nodes the same way, but pyshacl runs a
    nested property shape once per focus node and a top-level one once for them all;
    per-call overhead was most of the validation time. The lifted shapes are numbered
    in the order of their content, so their IRIs are the same in every process and
    build (they are part of the shard digests, see :func:`_shard_digest`).
    """
    lifted = rdflib.Graph()
    for triple in shapes:
        lifted.add(triple)
    for shape in sorted(shapes.subjects(rdflib.RDF.type, SH.NodeShape), key=str):
        targets = [(p, o) for p in TARGET_PREDICATES for o in shapes.objects(shape, p)]
        if not isinstance(shape, rdflib.URIRef) or not targets:
            continue
        nested = [p for p in shapes.objects(shape, SH.property) if isinstance(p, rdflib.BNode)]
        for number, prop in enumerate(sorted(nested, key=partial(_content, shapes)), start=1):
            named = rdflib.URIRef(f"{shape}-property-{number}")
            lifted.remove((shape, SH.property, prop))
            for predicate, value in shapes.predicate_objects(prop):
                lifted.remove((prop, predicate, value))
                lifted.add((named, predicate, value))
            lifted.add((named, rdflib.RDF.type, SH.PropertyShape))
            lifted.add((named, PROV.wasDerivedFrom, shape))
            for predicate, value in targets:
                lifted.add((named, predicate, value))
    return lifted


def _content(graph: rdflib.Graph, node: rdflib.term.Node) -> str:
    """A blank node's description, nested blank nodes (paths, lists) spelt out in full."""
    if not isinstance(node, rdflib.BNode):
        return node.n3()
    statements = sorted(f"{p.n3()} {_content(graph, o)}" for p, o in graph.predicate_objects(node))
    return "[" + " ; ".join(statements) + "]"


def _turtle_regex_escape(base: str) -> str:
    return re.escape(base).replace("\\", "\\\\")
