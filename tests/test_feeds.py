"""The change feed: Atom for subscribers, JSON lines for harvesters, newest first,
made from the graph alone."""

from __future__ import annotations

import json
from pathlib import Path

import feedparser
import pytest
from pyoxigraph import Literal, NamedNode, Triple

from converters.build import build
from converters.pipeline import BuildOptions
from converters.site.feeds import FEED_ENTRIES, changes, write_feeds
from converters.site.graph_view import GraphView
from converters.vocabulary import DCTERMS, RDF_TYPE, SQ, XSD

BASE = "http://localhost:8000/"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("feeds") / "out"
    build(BuildOptions(out=out, jobs=1, incremental=False))  # the bundled sample
    return out


def test_the_feed_is_atom_that_a_feed_reader_reads(site: Path) -> None:
    feed = feedparser.parse((site / "feed.atom").read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert feed.feed.id == BASE + "feed.atom"
    entries = feed.entries
    assert 0 < len(entries) <= FEED_ENTRIES
    updated = [entry.updated for entry in entries]
    assert updated == sorted(updated, reverse=True)
    assert feed.feed.updated == updated[0]


def test_each_entry_links_to_its_question_page(site: Path) -> None:
    for entry in feedparser.parse((site / "feed.atom").read_bytes()).entries:
        assert entry.link.startswith(BASE + "question/")
        assert (site / entry.link.removeprefix(BASE) / "index.html").is_file()
        assert entry.id == f"{entry.link}#{entry.tags[0].term}"


def test_the_changes_log_has_every_event_newest_first(site: Path) -> None:
    lines = (site / "changes.jsonl").read_text(encoding="utf-8").splitlines()
    events = [json.loads(line) for line in lines]
    assert [e["date"] for e in events] == sorted((e["date"] for e in events), reverse=True)
    kinds = {e["event"] for e in events}
    assert kinds == {"sent", "answered", "closed", "lapsed"}  # the sample has each
    social_media = [e for e in events if e["identifier"] == "5-8904"]
    assert [(e["event"], e["date"]) for e in social_media] == [
        ("answered", "2013-05-08"),
        ("sent", "2013-04-30"),
    ]


def question(number: str, title: str, sent: str) -> list[Triple]:
    iri = NamedNode(BASE + "question/" + number)
    return [
        Triple(iri, RDF_TYPE, SQ.WrittenQuestion),
        Triple(iri, DCTERMS.identifier, Literal(number)),
        Triple(iri, DCTERMS.title, Literal(title, language="fr")),
        Triple(iri, DCTERMS.dateSubmitted, Literal(sent, datatype=XSD.date)),
    ]


def test_text_from_the_data_cannot_break_the_feed(tmp_path: Path) -> None:
    hostile = 'Tarifs <script>alert("x")</script> & "quotes" ]]>'
    view = GraphView(question("6-1", hostile, "2020-01-02"), BASE)
    write_feeds(view, tmp_path)
    feed = feedparser.parse((tmp_path / "feed.atom").read_bytes())
    assert not feed.bozo
    assert feed.entries[0].summary == hostile


def test_events_of_a_day_come_in_the_order_they_happen() -> None:
    answered = NamedNode(BASE + "question/6-2/answer")
    triples = [
        *question("6-2", "Deux", "2020-01-02"),
        Triple(NamedNode(BASE + "question/6-2"), SQ.hasAnswer, answered),
        Triple(answered, DCTERMS.date, Literal("2020-01-02", datatype=XSD.date)),
        *question("6-3", "Trois", "2020-01-01"),
    ]
    found = [(c.identifier, c.event) for c in changes(GraphView(triples, BASE))]
    assert found == [("6-2", "answered"), ("6-2", "sent"), ("6-3", "sent")]
