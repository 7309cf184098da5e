"""The head fields both page forms print alike: author and party, addressee, and the
lines naming other documents (siblings, reintroductions, requalifications)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..records import Links, QuestionNumber
from .errors import ParseError
from .lines import Line

_NAME_AND_PARTY = r"(?P<name>[^()]+?)(?:\s*\((?P<party>[^()]*)\))?"
AUTHOR_FR = re.compile(rf"(?:de\s+|d['’]\s*){_NAME_AND_PARTY}")
AUTHOR_NL = re.compile(rf"van\s+{_NAME_AND_PARTY}")
ADDRESSEE_FR = re.compile(r"(?:aux|au|à\s+la|à\s+l['’])\s*(?P<label>\S.*)")
ADDRESSEE_NL = re.compile(r"aan\s+(?:(?:de|het)\s+)?(?P<label>\S.*)")

AUTHOR_FR_EXAMPLE = "the author in French ('de Martine Taelman (Open Vld)')"
AUTHOR_NL_EXAMPLE = "the author in Dutch ('van Martine Taelman (Open Vld)')"
ADDRESSEE_FR_EXAMPLE = "the addressee in French ('au …', 'à la …', 'à l'…', 'aux …')"
ADDRESSEE_NL_EXAMPLE = "the addressee in Dutch ('aan de …', 'aan het …')"


@dataclass(frozen=True, slots=True)
class PrintedAuthor:
    name: str
    party: str | None


def read_author(text: str, pattern: re.Pattern[str]) -> PrintedAuthor | None:
    match = pattern.fullmatch(text)
    if match is None:
        return None
    party = (match["party"] or "").strip() or None
    return PrintedAuthor(" ".join(match["name"].split()), party)


def read_addressee(text: str, pattern: re.Pattern[str]) -> str | None:
    """The office a question is addressed to, without its article."""
    match = pattern.fullmatch(text)
    return match["label"] if match else None


_RELATIONS = {
    "aussi posée à": "siblings",
    "ook gesteld aan": "siblings",
    "réintroduite comme": "reintroduced_as",
    "heringediend als": "reintroduced_as",
    "réintroduction de": "reintroduces",
    "herindiening van": "reintroduces",
    "requalification de": "requalified_from",
    "herkwalificatie van": "requalified_from",
    "requalifiée en": "requalified_as",
    "geherkwalificeerd als": "requalified_as",
    "geherkwalificeerd tot": "requalified_as",
}
"""What a link line's label says of the document it names, in both languages."""
_WRITTEN = frozenset({"question écrite", "schriftelijke vraag"})
_KINDS = (*sorted(_WRITTEN), "demande d'explications", "vraag om uitleg")
_BETWEEN_WRITTEN_QUESTIONS = frozenset({"siblings", "reintroduces", "reintroduced_as"})

_LABELS = "|".join(label.replace(" ", r"\s+") for label in _RELATIONS)
_KIND = "|".join(kind.replace(" ", r"\s+").replace("'", "['’]") for kind in _KINDS)
_LINK = re.compile(
    rf"(?P<label>{_LABELS})\s*:\s*(?:(?P<kind>{_KIND})\s*(?P<number>\d+-\d+)?)?",
    re.IGNORECASE,
)
LINK_START = re.compile(rf"(?:{_LABELS})\s*:", re.IGNORECASE)
PROVISIONAL_ANSWER = re.compile(r"Réponse\s+provisoire\s*\(pdf\)|Voorlopig\s+antwoord\s*\(pdf\)")
"""A link to a provisional answer in PDF, which the text extraction keeps as a line."""

LINK_EXAMPLE = "a link such as 'Aussi posée à : question écrite 5-8900'"


def read_links(
    lines: Sequence[Line], number: QuestionNumber, source: str
) -> tuple[tuple[QuestionNumber, ...], Links]:
    """The siblings and other documents named by ``lines``, each line holding one
    link or one per column (``Aussi posée à : question écrite 5-1728 Aussi posée à :
    question écrite 5-1728``), each named once, never the question itself."""
    named: dict[str, set[str]] = {relation: set() for relation in _RELATIONS.values()}
    for line in lines:
        whole = _LINK.fullmatch(line.text)  # most lines: one link
        matches = [whole] if whole else list(_LINK.finditer(line.text))
        if not matches or _unlinked_text(line.text, matches):
            if PROVISIONAL_ANSWER.fullmatch(line.text):
                continue
            raise ParseError(source, line.number, LINK_EXAMPLE)
        for match in matches:
            if match["number"] is None:
                continue  # "Requalifiée en :" with nothing after it, as the Senate prints it
            relation = _relation(match["label"])
            if relation in _BETWEEN_WRITTEN_QUESTIONS and _kind(match["kind"]) not in _WRITTEN:
                raise ParseError(
                    source, line.number, f"a written question, found '{_kind(match['kind'])}'"
                )
            named[relation].add(match["number"])
    found = {
        relation: tuple(sorted({QuestionNumber.parse(n) for n in numbers} - {number}))
        for relation, numbers in named.items()
    }
    return found.pop("siblings"), Links(**found)


def _unlinked_text(text: str, matches: list[re.Match[str]]) -> bool:
    """Whether ``text`` holds anything besides the links ``matches`` found in it."""
    end = 0
    for match in matches:
        if text[end : match.start()].strip():
            return True
        end = match.end()
    return bool(text[end:].strip())


@lru_cache(maxsize=64)
def _relation(label: str) -> str:
    return _RELATIONS[" ".join(label.lower().split())]


@lru_cache(maxsize=64)
def _kind(printed: str) -> str:
    return " ".join(printed.lower().replace("’", "'").split())
