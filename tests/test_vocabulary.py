"""The RDF terms senate-ld writes: every ``sq:`` term the converters use is defined by
the ontology, and every prefix names a namespace a compact IRI can use."""

from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph
from pyoxigraph import NamedNode

from converters.vocabulary import PREFIXES, SQ, SQ_NAMESPACE

ROOT = Path(__file__).parents[1]


def ontology_terms() -> set[str]:
    triples = pyoxigraph.parse(path=str(ROOT / "ontology" / "senate-ld.ttl"))
    return {
        quad.subject.value
        for quad in triples
        if isinstance(quad.subject, NamedNode) and quad.subject.value.startswith(SQ_NAMESPACE)
    }


def test_every_sq_term_the_code_writes_is_defined_by_the_ontology() -> None:
    used = {
        SQ_NAMESPACE + name
        for path in (ROOT / "converters").rglob("*.py")
        for name in re.findall(r"\bSQ\.([A-Za-z]\w*)", path.read_text(encoding="utf-8"))
    }
    assert len(used) > 20
    assert used - ontology_terms() == set()


def test_every_prefix_is_a_namespace_ending_in_a_delimiter() -> None:
    """JSON-LD 1.1 and Turtle both want that of a prefix's IRI."""
    assert all(iri.endswith(("/", "#")) for iri in PREFIXES.values())
    assert len(set(PREFIXES.values())) == len(PREFIXES)


def test_a_term_is_made_once_and_is_the_namespace_and_its_name() -> None:
    assert SQ.WrittenQuestion == NamedNode(SQ_NAMESPACE + "WrittenQuestion")
    assert SQ.WrittenQuestion is SQ.WrittenQuestion
