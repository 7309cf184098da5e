"""Immutable records: what the parser reads from one Senate document.

Records hold facts as printed, already cleaned (articles stripped, FR and NL split,
dates as :class:`datetime.date`), and nothing derived from other documents. The
converters turn them into RDF; nothing downstream needs the source text again.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from datetime import date

_NUMBER = re.compile(r"([0-9]{1,3})-([0-9]{1,6})")


class Language(enum.Enum):
    """The two languages of a Senate document, with their EU authority codes."""

    FR = "fr"
    NL = "nl"

    @property
    def authority_code(self) -> str:
        return {"fr": "FRA", "nl": "NLD"}[self.value]


class _Record:
    """Pickles as a call of its constructor: the parse cache loads such records five
    times faster than the field-by-field state slotted dataclasses pickle by default."""

    __slots__ = ()
    __match_args__: tuple[str, ...] = ()
    """Set by ``@dataclass`` on each record: its fields, in constructor order."""

    def __reduce__(self) -> tuple[type, tuple[object, ...]]:
        return type(self), tuple(getattr(self, name) for name in type(self).__match_args__)


@dataclass(frozen=True, slots=True, order=True)
class QuestionNumber(_Record):
    """A written-question number such as ``5-8904``: legislature 5, question 8904."""

    legislature: int
    sequence: int

    @classmethod
    def parse(cls, text: str) -> QuestionNumber:
        match = _NUMBER.fullmatch(text.strip())
        if match is None:
            raise ValueError(f"not a question number: {text!r}")
        return cls(int(match.group(1)), int(match.group(2)))

    def __str__(self) -> str:
        return f"{self.legislature}-{self.sequence}"


@dataclass(frozen=True, slots=True)
class Bilingual(_Record):
    """The same thing said in French and in Dutch. Either side may be empty."""

    fr: str
    nl: str

    @classmethod
    def only(cls, language: Language, text: str) -> Bilingual:
        """``text`` in ``language`` and nothing in the other, as a unilingual page says it."""
        return cls(text, "") if language is Language.FR else cls("", text)

    def side(self, language: Language) -> str:
        return self.fr if language is Language.FR else self.nl


ELECTIONS = {
    1: date(1995, 5, 21),
    2: date(1999, 6, 13),
    3: date(2003, 5, 18),
    4: date(2007, 6, 10),
    5: date(2010, 6, 13),
    6: date(2014, 5, 25),
    7: date(2019, 5, 26),
    8: date(2024, 6, 9),
}
"""The federal election that opened each legislature of the Senate (the part of a
question number before the dash)."""


@dataclass(frozen=True, slots=True)
class Session(_Record):
    """A parliamentary session such as 2012-2013 (it spans two calendar years)."""

    first_year: int

    @property
    def label(self) -> str:
        return f"{self.first_year}-{self.first_year + 1}"

    @classmethod
    def containing(cls, day: date, legislature: int | None = None) -> Session:
        """The session a question of ``legislature`` sent on ``day`` belongs to.

        Sessions open on the second Tuesday of October (Constitution, art. 44). After
        an election the new Senate sits in an extraordinary session until then; like
        a print page that names that session by its one year, it is counted with the
        ordinary session that follows it (a question of the new legislature sent in
        July 2010 is of session 2010-2011, not of the last legislature's 2009-2010)."""
        first_of_october = date(day.year, 10, 1)
        second_tuesday = date(day.year, 10, 8 + (1 - first_of_october.weekday()) % 7)
        elected = ELECTIONS.get(legislature) if legislature is not None else None
        after_election = elected is not None and elected.year == day.year and day >= elected
        return cls(day.year if day >= second_tuesday or after_election else day.year - 1)


@dataclass(frozen=True, slots=True)
class Author(_Record):
    """A senator, and their party as printed beside the name in each language
    (``Indépendant`` / ``Onafhankelijke``; the same label twice for most parties)."""

    name: str
    party: Bilingual | None


@dataclass(frozen=True, slots=True)
class Answer(_Record):
    received: date
    text: Bilingual


class EventKind(enum.Enum):
    """What a dated line of a question's dates block (its chronology) records."""

    SENT = "sent"
    ANSWERED = "answered"
    ADDITIONAL_ANSWER = "additional-answer"
    REMINDER = "reminder"
    CLOSED = "closed"
    LAPSED = "lapsed"
    REQUALIFIED = "requalified"
    NOT_PUBLISHED = "not-published"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class Event(_Record):
    """One dated event, with its label as printed (in the page's language)."""

    day: date
    kind: EventKind
    label: str

    @property
    def fact(self) -> tuple[date, EventKind]:
        """The event whatever the language it is printed in."""
        return self.day, self.kind


class Status(enum.Enum):
    """Where a question stands, as its events say (``sq:QuestionStatus``)."""

    ANSWERED = "Answered"
    AWAITING_ANSWER = "AwaitingAnswer"
    CLOSED_WITHOUT_ANSWER = "ClosedWithoutAnswer"
    LAPSED = "Lapsed"


@dataclass(frozen=True, slots=True)
class Links(_Record):
    """The documents a question names besides its siblings, each a sorted tuple."""

    reintroduces: tuple[QuestionNumber, ...] = ()
    """"Réintroduction de": an earlier written question submitted again as this one."""
    reintroduced_as: tuple[QuestionNumber, ...] = ()
    """"Réintroduite comme": the later number this question was submitted again under."""
    requalified_from: tuple[QuestionNumber, ...] = ()
    """"Requalification de": a request for explanations turned into this question."""
    requalified_as: tuple[QuestionNumber, ...] = ()
    """"Requalifiée en": the request for explanations this question was turned into."""

    def questions(self) -> tuple[QuestionNumber, ...]:
        """The written questions named (requests for explanations are another series)."""
        return (*self.reintroduces, *self.reintroduced_as)


@dataclass(frozen=True, slots=True)
class QuestionRecord(_Record):
    """One written question with its answer, as read from one document."""

    source: str
    number: QuestionNumber
    session: Session
    author: Author
    addressee: Bilingual
    title: Bilingual
    descriptors: tuple[Bilingual, ...]
    date_sent: date
    siblings: tuple[QuestionNumber, ...]
    original_language: Language | None
    """None when the page does not say (``(Question posée en …)`` is missing)."""
    question_text: Bilingual
    answer: Answer | None
    events: tuple[Event, ...] = ()
    answer_deadline: date | None = None
    links: Links = Links()
    """Reintroductions and requalifications (the siblings are ``siblings``)."""
    page_language: Language | None = None
    """The language of a unilingual page, which holds only that side of each text;
    None for the bilingual print page."""
    joined_descriptors: Bilingual | None = None
    """Each language's descriptors on one line, joined by spaces, as the table
    extraction prints them (``descriptors`` is then empty until the corpus, which knows
    the labels, splits them)."""

    @property
    def awaits_corpus(self) -> bool:
        """Whether only the rest of the corpus can complete this record: a unilingual
        page, or descriptors whose boundaries the page lost."""
        return self.page_language is not None or self.joined_descriptors is not None

    def same_content(self, other: QuestionRecord) -> bool:
        """True when both records say the same thing, wherever they were read from."""
        return _without_source(self) == _without_source(other)

    @property
    def named_questions(self) -> tuple[QuestionNumber, ...]:
        """Every other written question this one names: siblings and reintroductions."""
        return (*self.siblings, *self.links.questions())

    @property
    def status(self) -> Status:
        """Answered if an answer came; else lapsed or closed as the events say (a
        question turned into a request for explanations is closed); else awaiting."""
        kinds = {event.kind for event in self.events}
        if self.answer is not None or EventKind.ANSWERED in kinds:
            return Status.ANSWERED
        if EventKind.LAPSED in kinds:
            return Status.LAPSED
        if kinds & {EventKind.CLOSED, EventKind.REQUALIFIED}:
            return Status.CLOSED_WITHOUT_ANSWER
        return Status.AWAITING_ANSWER

    @property
    def date_closed(self) -> date | None:
        """The day a question with no answer was closed or lapsed."""
        ending = {
            Status.LAPSED: (EventKind.LAPSED,),
            Status.CLOSED_WITHOUT_ANSWER: (EventKind.CLOSED, EventKind.REQUALIFIED),
        }.get(self.status, ())
        days = [event.day for event in self.events if event.kind in ending]
        return min(days) if days else None


def _without_source(record: QuestionRecord) -> tuple[object, ...]:
    return (
        record.number,
        record.session,
        record.author,
        record.addressee,
        record.title,
        record.descriptors,
        record.date_sent,
        record.siblings,
        record.original_language,
        record.question_text,
        record.answer,
        tuple(event.fact for event in record.events),
        record.answer_deadline,
        record.links,
        record.page_language,
        record.joined_descriptors,
    )
