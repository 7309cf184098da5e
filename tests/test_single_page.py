"""The unilingual French and Dutch pages, as the real senate.be pages print them."""

from __future__ import annotations

from datetime import date

import pytest

from converters.parse import ParseError, read_document
from converters.records import (
    Bilingual,
    EventKind,
    Language,
    Links,
    QuestionNumber,
    Session,
    Status,
)

from .conftest import REAL
from .test_print_page import kinds, real


def test_a_french_page_holds_its_one_language() -> None:
    record = real("4-1009-uni-fr.txt")
    assert record.page_language is Language.FR
    assert record.number == QuestionNumber(4, 1009)
    assert record.author.name == "Helga Stevens"
    assert record.author.party == Bilingual("CD&V N-VA", "")
    assert record.addressee == Bilingual(
        "secrétaire d'État aux Personnes handicapées, adjointe à la ministre des Affaires "
        "sociales et de la Santé publique",
        "",
    )
    assert record.title.nl == "" and record.title.fr.startswith("Conseil supérieur national")
    assert len(record.descriptors) == 5 and all(not d.nl for d in record.descriptors)
    assert record.answer_deadline == date(2008, 6, 26)
    assert record.siblings == (QuestionNumber(4, 1008),)
    assert record.question_text.nl == "" and record.question_text.fr.startswith("Je souhaiterais")


def test_the_session_is_the_one_the_date_sent_falls_in() -> None:
    assert real("4-4627-uni-nl.txt").session == Session(2008)  # 30 September 2009
    assert real("4-4807-uni-nl.txt").session == Session(2009)  # 22 October 2009


def test_a_dutch_page_with_the_deadline_on_the_events_line() -> None:
    record = real("4-4189-uni-nl.txt")
    assert record.page_language is Language.NL
    assert record.author.party == Bilingual("", "Open Vld")
    assert record.answer_deadline == date(2009, 9, 24)
    assert record.links == Links(reintroduced_as=(QuestionNumber(4, 5785),))
    assert record.status is Status.CLOSED_WITHOUT_ANSWER


def test_an_answer_whose_text_was_not_published() -> None:
    reading = read_document((REAL / "3-3970-uni-fr.txt").read_bytes(), "3-3970-uni-fr.txt")
    assert reading.cut is None
    record = reading.record
    assert kinds(record)[-1] == (date(2006, 1, 26), EventKind.NOT_PUBLISHED)
    assert record.answer is not None and record.answer.received == date(2006, 1, 26)
    assert record.answer.text.fr == "Texte pas encore disponible."


def test_requalified_as_a_request_for_explanations() -> None:
    record = real("5-8428-uni-fr.txt")
    assert record.links == Links(requalified_as=(QuestionNumber(5, 4585),))
    assert (record.status, record.date_closed) == (Status.CLOSED_WITHOUT_ANSWER, date(2013, 12, 17))


def test_the_provisional_answer_line_is_passed_over() -> None:
    record = real("5-9240-uni-fr.txt")
    assert record.links == Links(requalified_from=(QuestionNumber(5, 3573),))
    assert record.status is Status.LAPSED


def test_a_page_that_begins_at_its_title_is_refused() -> None:
    with pytest.raises(ParseError, match="question header"):
        read_document((REAL / "4-4627-uni-fr.txt").read_bytes(), "4-4627-uni-fr.txt")


def test_every_real_header_is_read_and_a_cut_body_is_refused_where_it_stops() -> None:
    """Every real excerpt's head is understood (the two exceptions say why), and a page
    cut off in its body is refused at a line of its body, never before."""
    headers_read = 0
    for path in sorted(REAL.glob("*.txt")):
        lines = path.read_text(encoding="utf-8").split("\n")
        body = next(
            (
                i + 1
                for i, line in enumerate(lines)
                if line.lstrip().startswith(("Question n°", "Vraag nr."))
            ),
            len(lines) + 1,
        )
        try:
            reading = read_document(path.read_bytes(), path.name)
        except ParseError as error:
            assert path.name in {"4-4627-uni-fr.txt", "5-8916-print-nl.txt"}, error
            continue
        headers_read += 1
        if reading.cut is not None:
            assert reading.cut.line > body, reading.cut
    assert headers_read == 92
