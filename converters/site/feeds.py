"""The change feed: what happened to the questions, newest first, so that subscribers
and harvesters need not download everything to see what is new.

``feed.atom`` (Atom 1.0) holds the latest events; ``changes.jsonl`` every event, one
JSON object a line. An event is a question sent, answered, closed without an answer or
lapsed, on the day the data gives for it: the feed is made from the graph alone, so a
rebuild gives the same feed as a clean build of the same sources.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from functools import cache
from pathlib import Path

from jinja2 import Environment, PackageLoader

from ..publish.files import new_file
from ..vocabulary import DCTERMS, FOAF, SQ
from .graph_view import GraphView

FEED = "feed.atom"
CHANGES = "changes.jsonl"
FEED_ENTRIES = 200
"""Events in the Atom feed (the newest); ``changes.jsonl`` has them all."""
_KINDS = {"sent": 0, "answered": 1, "closed": 2, "lapsed": 3}
"""The order of a question's events on the same day."""


@dataclass(frozen=True)
class Change:
    date: str
    event: str
    """``sent``, ``answered``, ``closed`` or ``lapsed``."""
    question: str
    identifier: str
    title_fr: str
    title_nl: str

    @property
    def id(self) -> str:
        """The event's own IRI: its question's, with the event as fragment."""
        return f"{self.question}#{self.event}"

    @property
    def title(self) -> str:
        return self.title_fr or self.title_nl


def changes(view: GraphView) -> list[Change]:
    """Every event of every question described by a document, newest first."""
    found = [
        change
        for question in view.of_type(SQ.WrittenQuestion)
        for change in _events(view, question)
    ]
    return sorted(found, key=lambda c: (c.date, _KINDS[c.event], c.identifier), reverse=True)


def _events(view: GraphView, question: str) -> Iterator[Change]:
    sent = view.value(question, DCTERMS.dateSubmitted)
    if sent is None:
        return  # a sibling known only by its number: no document, no dates
    facts = (
        question,
        view.value(question, DCTERMS.identifier) or question,
        view.text(question, DCTERMS.title, "fr") or "",
        view.text(question, DCTERMS.title, "nl") or "",
    )
    yield Change(sent, "sent", *facts)
    answer = next(iter(view.iris(question, SQ.hasAnswer)), None)
    answered = view.value(answer, DCTERMS.date) if answer else None
    if answered:
        yield Change(answered, "answered", *facts)
    closed = view.value(question, SQ.dateClosed)
    if closed:
        lapsed = SQ.Lapsed.value in view.iris(question, SQ.status)
        yield Change(closed, "lapsed" if lapsed else "closed", *facts)


def write_feeds(view: GraphView, directory: Path) -> list[Path]:
    """``feed.atom`` and ``changes.jsonl``; returns the files written."""
    events = changes(view)
    publisher = next(iter(view.iris(view.base + "dataset", DCTERMS.publisher)), None)
    feed = new_file(directory / FEED)
    feed.write_text(
        _environment()
        .get_template("feed.atom")
        .render(
            base=view.base,
            updated=events[0].date if events else "1970-01-01",
            publisher=(view.value(publisher, FOAF.name) if publisher else None) or view.base,
            changes=events[:FEED_ENTRIES],
        ),
        encoding="utf-8",
    )
    log = new_file(directory / CHANGES)
    with log.open("w", encoding="utf-8") as stream:
        for change in events:
            stream.write(json.dumps(asdict(change), ensure_ascii=False) + "\n")
    return [feed, log]


@cache
def _environment() -> Environment:
    """XML is escaped as HTML is (``&``, ``<``, ``>``, quotes): autoescape on."""
    return Environment(loader=PackageLoader("converters", "templates"), autoescape=True)
