"""Units of validation: a resource belongs to the question its IRI is below."""

from __future__ import annotations

import pytest
from pyoxigraph import BlankNode, Literal, NamedNode

from converters.validate.units import unit, unit_of

B = "http://localhost:8000/"


@pytest.mark.parametrize(
    ("iri", "question"),
    [
        (B + "question/5-8904", B + "question/5-8904"),
        (B + "question/5-8904/answer", B + "question/5-8904"),
        (B + "person/martine-taelman", None),
        (B + "question/", None),
    ],
)
def test_a_resource_belongs_to_the_question_above_it(iri: str, question: str | None) -> None:
    assert unit_of(iri) == question
    assert unit(NamedNode(iri)) == question


def test_only_iris_belong_to_a_question() -> None:
    assert unit(Literal(B + "question/5-8904")) is None
    assert unit(BlankNode()) is None
