"""What a page says above its body, whichever form the page has."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..records import Author, Bilingual, Language, Links, QuestionNumber, Session
from .chronology import Chronology
from .lines import Line


@dataclass(frozen=True)
class Head:
    number: QuestionNumber
    session: Session
    author: Author
    addressee: Bilingual
    title: Bilingual | None
    """None while a print page's title line awaits its split (:mod:`.titles`)."""
    title_lines: tuple[Line, ...]
    descriptors: tuple[Bilingual, ...]
    joined_descriptors: Bilingual | None
    chronology: Chronology
    date_sent: date
    siblings: tuple[QuestionNumber, ...]
    links: Links
    page_language: Language | None
