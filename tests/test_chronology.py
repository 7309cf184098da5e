"""The dates block: events in either language, the answer deadline, dates in words."""

from __future__ import annotations

from datetime import date

import pytest

from converters.parse import ParseError, parse_written_date
from converters.parse.chronology import DUTCH_MONTHS, FRENCH_MONTHS, Chronology, read_chronology
from converters.parse.lines import split_lines
from converters.records import Event, EventKind


def chronology(text: str) -> Chronology:
    return read_chronology([ln for ln in split_lines(text) if ln.text], "x")


def test_events_are_read_in_either_language_with_their_kind() -> None:
    read = chronology(
        "17/4/2013Envoi question\n23/9/2013Rappel\n21/11/2013Rappel\n"
        "28/4/2014Fin de la législature\n"
    )
    assert [(e.day, e.kind) for e in read.events] == [
        (date(2013, 4, 17), EventKind.SENT),
        (date(2013, 9, 23), EventKind.REMINDER),
        (date(2013, 11, 21), EventKind.REMINDER),
        (date(2014, 4, 28), EventKind.LAPSED),
    ]
    dutch = chronology("1/12/2009Verzending vraag\n6/5/2010Einde zittingsperiode\n")
    assert [e.kind for e in dutch.events] == [EventKind.SENT, EventKind.LAPSED]


@pytest.mark.parametrize(
    "block",
    [
        "16/12/2008Verzending vraag\n(Einde van de antwoordtermijn: 19/1/2009)\n",
        "16/12/2008Envoi question (Fin du délai de réponse: 19/1/2009)\n",
        "16/12/2008 Verzending vraag (Einde van de antwoordtermijn: 19/1/2009 )\n",
    ],
)
def test_the_deadline_is_read_on_its_own_line_or_the_events(block: str) -> None:
    read = chronology(block)
    assert read.deadline == date(2009, 1, 19)
    assert [e.kind for e in read.events] == [EventKind.SENT]


def test_closed_requalified_not_published_and_additional_answers_are_told_apart() -> None:
    read = chronology(
        "25/11/2009Dossier clôturé\n13/12/2013Requalification\n"
        "26/1/2006Décision de ne pas publier\n3/5/2019Aanvullend antwoord\n"
    )
    assert [e.kind for e in read.events] == [
        EventKind.CLOSED,
        EventKind.REQUALIFIED,
        EventKind.NOT_PUBLISHED,
        EventKind.ADDITIONAL_ANSWER,
    ]
    assert chronology("5/1/2009Dossier gesloten\n").events[0].kind is EventKind.CLOSED


def test_an_unknown_label_is_kept_as_an_event_of_another_kind() -> None:
    (event,) = chronology("3/5/2019Transmission au ministre compétent\n").events
    assert event == Event(date(2019, 5, 3), EventKind.OTHER, "Transmission au ministre compétent")


def test_an_event_printed_twice_is_read_once() -> None:
    read = chronology("30/4/2013Verzending vraag\n8/5/2013Antwoord\n30/4/2013Verzending vraag\n")
    assert len(read.events) == 2


def test_a_question_is_not_answered_on_two_days() -> None:
    with pytest.raises(ParseError, match="one date for 'Antwoord'") as caught:
        chronology("30/4/2013Verzending vraag\n8/5/2013Antwoord\n9/5/2013Antwoord\n")
    assert caught.value.line == 3


def test_a_line_that_is_no_event_is_refused_with_its_line() -> None:
    with pytest.raises(ParseError, match="dated event") as caught:
        chronology("30/4/2013Verzending vraag\nAntwoord\n")
    assert caught.value.line == 2


@pytest.mark.parametrize(
    ("written", "months", "day"),
    [
        ("4 aôut 2009", FRENCH_MONTHS, date(2009, 8, 4)),
        ("1er août 2011", FRENCH_MONTHS, date(2011, 8, 1)),
        ("16 décembre 2008", FRENCH_MONTHS, date(2008, 12, 16)),
        ("6 februari 2009", DUTCH_MONTHS, date(2009, 2, 6)),
        ("31 februari 2009", DUTCH_MONTHS, None),
        ("6 februari 2009", FRENCH_MONTHS, None),
    ],
)
def test_dates_in_words_with_the_sources_spellings(
    written: str, months: dict[str, int], day: date | None
) -> None:
    assert parse_written_date(written, months) == day
