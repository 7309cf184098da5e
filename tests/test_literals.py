"""The literals the converters share: a bilingual text as one literal a language, and
dates typed ``xsd:date``."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st
from pyoxigraph import Literal, NamedNode

from converters.convert.literals import bilingual_literals, date_literal
from converters.records import Bilingual
from converters.vocabulary import DCTERMS, XSD

QUESTION = NamedNode("http://localhost:8000/question/5-1")


def test_a_bilingual_text_is_a_french_and_a_dutch_literal() -> None:
    triples = list(bilingual_literals(QUESTION, DCTERMS.title, Bilingual("Pensions", "Pensioenen")))
    assert [t.object for t in triples] == [
        Literal("Pensions", language="fr"),
        Literal("Pensioenen", language="nl"),
    ]
    assert {(t.subject, t.predicate) for t in triples} == {(QUESTION, DCTERMS.title)}


def test_an_empty_side_is_left_out() -> None:
    """A unilingual page knows one language: no empty literal stands for the other."""
    only_dutch = list(bilingual_literals(QUESTION, DCTERMS.title, Bilingual("", "Pensioenen")))
    assert [t.object for t in only_dutch] == [Literal("Pensioenen", language="nl")]
    assert list(bilingual_literals(QUESTION, DCTERMS.title, Bilingual("", ""))) == []


@given(st.dates())
def test_a_date_is_an_xsd_date_in_iso_form(day: date) -> None:
    literal = date_literal(day)
    assert literal.datatype == XSD.date
    assert date.fromisoformat(literal.value) == day
