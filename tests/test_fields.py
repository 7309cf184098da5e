"""Author and party, addressee, and the lines naming other documents."""

from __future__ import annotations

import pytest

from converters.parse import ParseError
from converters.parse.fields import (
    ADDRESSEE_FR,
    ADDRESSEE_NL,
    AUTHOR_FR,
    PrintedAuthor,
    read_addressee,
    read_author,
    read_links,
)
from converters.parse.lines import split_lines
from converters.records import Links, QuestionNumber

N = QuestionNumber


QUESTION = N(4, 2169)


def links(text: str, number: QuestionNumber = QUESTION) -> tuple[tuple[N, ...], Links]:
    return read_links([ln for ln in split_lines(text) if ln.text], number, "x")


def test_one_link_per_column_on_one_line_is_read_once() -> None:
    siblings, found = links(
        "Réintroduite comme : question écrite 4-2379 Réintroduite comme : question écrite 4-2379"
    )
    assert siblings == () and found == Links(reintroduced_as=(N(4, 2379),))


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Réintroduction de : question écrite 4-2763", Links(reintroduces=(N(4, 2763),))),
        ("Herindiening van : schriftelijke vraag 4-3708", Links(reintroduces=(N(4, 3708),))),
        ("Heringediend als : schriftelijke vraag 4-5785", Links(reintroduced_as=(N(4, 5785),))),
        ("Herkwalificatie van : vraag om uitleg 4-697", Links(requalified_from=(N(4, 697),))),
        (
            "Requalification de : demande d'explications 4-1257",
            Links(requalified_from=(N(4, 1257),)),
        ),
        (
            "Requalifiée en : demande d'explications 5-4585",
            Links(requalified_as=(N(5, 4585),)),
        ),
        (
            "Réintroduction de : question écrite 5-3820Requalifiée en :",
            Links(reintroduces=(N(5, 3820),)),
        ),
    ],
)
def test_reintroductions_and_requalifications_in_both_languages(line: str, expected: Links) -> None:
    assert links(line) == ((), expected)


def test_siblings_are_read_in_both_languages_sorted_without_the_question_itself() -> None:
    siblings, _ = links(
        "Ook gesteld aan : schriftelijke vraag 5-8905\n"
        "Aussi posée à\u00a0: question écrite 5-8900\n"
        "Aussi posée à : question écrite 5-8904\n",
        N(5, 8904),
    )
    assert siblings == (N(5, 8900), N(5, 8905))


def test_a_request_for_explanations_is_no_sibling() -> None:
    with pytest.raises(ParseError, match="a written question"):
        links("Aussi posée à : demande d'explications 5-3873")


def test_a_link_line_with_anything_else_on_it_is_refused() -> None:
    with pytest.raises(ParseError, match="Aussi posée à") as caught:
        links("Aussi posée à : question écrite 5-8900\nvoir aussi 5-8901\n")
    assert caught.value.line == 2


def test_the_provisional_answer_link_is_no_document() -> None:
    assert links("Réponse provisoire (pdf)\n") == ((), Links())


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("de Louis Ide (Indépendant)", PrintedAuthor("Louis Ide", "Indépendant")),
        ("d'Anne Exemple (MR)", PrintedAuthor("Anne Exemple", "MR")),
        ("de Helga Stevens (CD&V N-VA)", PrintedAuthor("Helga Stevens", "CD&V N-VA")),
        ("de Martine Taelman", PrintedAuthor("Martine Taelman", None)),
    ],
)
def test_authors_with_and_without_party(line: str, author: PrintedAuthor) -> None:
    assert read_author(line, AUTHOR_FR) == author


@pytest.mark.parametrize(
    ("line", "pattern", "office"),
    [
        ("à la ministre de la Justice", ADDRESSEE_FR, "ministre de la Justice"),
        ("au premier ministre", ADDRESSEE_FR, "premier ministre"),
        ("à l'Intérieur", ADDRESSEE_FR, "Intérieur"),
        ("aan de eerste minister", ADDRESSEE_NL, "eerste minister"),
        ("aan het college", ADDRESSEE_NL, "college"),
    ],
)
def test_the_addressee_loses_its_article(line: str, pattern: object, office: str) -> None:
    assert read_addressee(line, pattern) == office  # type: ignore[arg-type]
