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


@dataclass(frozen=True, slots=True)
class Session(_Record):
    """A parliamentary session such as 2012-2013 (it spans two calendar years)."""

    first_year: int

    @property
    def label(self) -> str:
        return f"{self.first_year}-{self.first_year + 1}"


@dataclass(frozen=True, slots=True)
class Author(_Record):
    name: str
    party: str | None


@dataclass(frozen=True, slots=True)
class Answer(_Record):
    received: date
    text: Bilingual


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
    original_language: Language
    question_text: Bilingual
    answer: Answer | None

    def same_content(self, other: QuestionRecord) -> bool:
        """True when both records say the same thing, wherever they were read from."""
        return _without_source(self) == _without_source(other)


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
    )
