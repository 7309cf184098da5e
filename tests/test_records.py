"""Records: the session a day falls in, and where a question stands."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from converters.records import Event, EventKind, QuestionRecord, Session, Status


@pytest.mark.parametrize(
    ("day", "legislature", "session"),
    [
        (date(2013, 10, 7), 5, 2012),  # the Monday before the second Tuesday of October
        (date(2013, 10, 8), 5, 2013),
        (date(2012, 10, 8), 5, 2011),  # 2012: October opens on a Monday, the 9th is the day
        (date(2010, 7, 15), 5, 2010),  # after the election of June 2010: the new legislature
        (date(2010, 5, 15), 4, 2009),  # before it: the last session of the old one
        (date(2010, 7, 15), None, 2009),  # the legislature unknown: October rules alone
    ],
)
def test_the_session_a_question_was_sent_in(
    day: date, legislature: int | None, session: int
) -> None:
    assert Session.containing(day, legislature) == Session(session)


def event(day: date, kind: EventKind) -> Event:
    return Event(day, kind, kind.value)


@pytest.mark.parametrize(
    ("kinds", "status", "closed"),
    [
        ([EventKind.SENT], Status.AWAITING_ANSWER, None),
        ([EventKind.SENT, EventKind.REMINDER], Status.AWAITING_ANSWER, None),
        ([EventKind.SENT, EventKind.CLOSED], Status.CLOSED_WITHOUT_ANSWER, date(2010, 1, 2)),
        ([EventKind.SENT, EventKind.REQUALIFIED], Status.CLOSED_WITHOUT_ANSWER, date(2010, 1, 2)),
        ([EventKind.SENT, EventKind.LAPSED], Status.LAPSED, date(2010, 1, 2)),
        ([EventKind.SENT, EventKind.REQUALIFIED, EventKind.ANSWERED], Status.ANSWERED, None),
    ],
)
def test_the_status_follows_the_events(
    seed: QuestionRecord, kinds: list[EventKind], status: Status, closed: date | None
) -> None:
    days = [date(2010, 1, 1 + i) for i in range(len(kinds))]
    record = replace(
        seed, answer=None, events=tuple(event(d, k) for d, k in zip(days, kinds, strict=True))
    )
    assert (record.status, record.date_closed) == (status, closed)


def test_a_question_with_an_answer_is_answered_whatever_its_events_say(
    seed: QuestionRecord,
) -> None:
    assert replace(seed, events=()).status is Status.ANSWERED
