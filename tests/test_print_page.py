"""The bilingual print page, as the real senate.be pages print it."""

from __future__ import annotations

from datetime import date

import pytest

from converters.parse import ParseError, parse_document, read_document
from converters.records import (
    Bilingual,
    EventKind,
    Language,
    Links,
    QuestionNumber,
    QuestionRecord,
    Session,
    Status,
)

from .conftest import REAL, SEED


def real(name: str) -> QuestionRecord:
    return read_document((REAL / name).read_bytes(), name).record


def kinds(record: QuestionRecord) -> list[tuple[date, EventKind]]:
    return [event.fact for event in record.events]


def test_a_closed_question_reintroduced_with_its_party_printed_per_language() -> None:
    record = real("4-2169-print-fr.txt")
    assert record.number == QuestionNumber(4, 2169)
    assert record.session == Session(2008)
    assert record.author.name == "Louis Ide"
    assert record.author.party == Bilingual("Indépendant", "Onafhankelijke")
    assert record.addressee == Bilingual(
        "vice-première ministre et ministre des Affaires sociales et de la Santé publique",
        "vice-eersteminister en minister van Sociale Zaken en Volksgezondheid",
    )
    assert record.title == Bilingual(
        "INAMI - Recettes résultant de conventions internationales - Pays d'origine des patients",
        "RIZIV - Inkomsten als gevolg van internationale verdragen - Herkomstlanden van de "
        "patiënten",
    )
    assert record.descriptors[0] == Bilingual(
        "Institut national d'assurance maladie-invalidité",
        "Rijksinstituut voor Ziekte- en Invaliditeitsverzekering",
    )
    assert len(record.descriptors) == 5
    assert kinds(record) == [
        (date(2008, 12, 16), EventKind.SENT),
        (date(2009, 1, 5), EventKind.CLOSED),
    ]
    assert record.answer_deadline == date(2009, 1, 19)
    assert record.links == Links(reintroduced_as=(QuestionNumber(4, 2379),))
    assert record.original_language is Language.NL
    assert (record.status, record.date_closed) == (Status.CLOSED_WITHOUT_ANSWER, date(2009, 1, 5))


def test_a_page_that_does_not_say_its_original_language_and_was_requalified() -> None:
    record = real("4-2970-print-nl.txt")
    assert record.original_language is None
    assert record.links == Links(requalified_from=(QuestionNumber(4, 697),))
    assert record.title.fr.endswith("(Création d'un établissement pénitentiaire bilingue à Eupen)")
    assert record.status is Status.ANSWERED


def test_august_misspelled_and_the_deadline_with_a_space_before_its_parenthesis() -> None:
    assert real("4-3898-print-fr.txt").date_sent == date(2009, 8, 4)
    record = real("4-4812-print-fr.txt")
    assert record.answer_deadline == date(2009, 11, 27)
    assert record.links.reintroduced_as == (QuestionNumber(4, 5815),)


def test_a_question_lapsed_at_the_end_of_the_legislature() -> None:
    record = real("4-5099-print-nl.txt")
    assert (record.status, record.date_closed) == (Status.LAPSED, date(2010, 5, 6))


def test_reminders_and_an_additional_answer() -> None:
    assert kinds(real("5-9834-print-fr.txt")) == [
        (date(2013, 9, 3), EventKind.SENT),
        (date(2013, 12, 3), EventKind.REMINDER),
        (date(2014, 4, 16), EventKind.ANSWERED),
    ]
    record = real("6-2256-print-nl.txt")
    assert EventKind.ADDITIONAL_ANSWER in {event.kind for event in record.events}
    assert record.links.reintroduces == (QuestionNumber(6, 1810),)


def test_the_table_extraction_reads_as_the_line_extraction() -> None:
    record = real("4-6186-print-fr.txt")
    assert record.author.party == Bilingual("Indépendant", "Onafhankelijke")
    assert record.title == Bilingual(
        "Personnes handicapées - Intervention - Révision d'office du taux d'invalidité",
        "Personen met een handicap - Tegemoetkoming - Ambtshalve herziening van de "
        "invaliditeitsgraad",
    )
    assert record.links.reintroduces == (QuestionNumber(4, 2763),)
    assert record.date_sent == date(2009, 12, 7)
    assert record.descriptors == ()  # joined by spaces on one line: their bounds are lost


def test_the_seed_still_reads_as_before(seed: QuestionRecord) -> None:
    assert kinds(seed) == [
        (date(2013, 4, 30), EventKind.SENT),
        (date(2013, 5, 8), EventKind.ANSWERED),
    ]
    assert seed.answer_deadline is None and seed.links == Links()


@pytest.mark.parametrize(
    "line",
    [
        "Session extraordinaire 2010 Buitengewone zitting 2010",
        "Session 2010 (SE) Zitting 2010 (BZ)",
    ],
)
def test_the_extraordinary_session_after_an_election_is_named_by_its_year(line: str) -> None:
    text = SEED.read_text(encoding="utf-8").replace("Session 2012-2013 Zitting 2012-2013", line)
    assert parse_document(text, "x").session == Session(2010)


def test_a_session_line_whose_languages_disagree_is_refused() -> None:
    text = SEED.read_text(encoding="utf-8").replace("Zitting 2012-2013", "Zitting 2011-2012")
    with pytest.raises(ParseError, match="one session"):
        parse_document(text, "x")
