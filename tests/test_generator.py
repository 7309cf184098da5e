"""Planning the site from the graph: each resource gets the pages of its kind at its
path, the site-wide pages come once each, labels come in the reader's language when
the graph has it, and planning records what each group of pages read."""

from __future__ import annotations

from collections import Counter

import pytest
from pyoxigraph import Literal, NamedNode, Triple

from converters.convert.corpus import convert_corpus
from converters.iris import Minter
from converters.site.generator import SiteGenerator
from converters.site.graph_view import GraphView
from converters.vocabulary import SKOS

from .conftest import BASE, SEED, parse_file


@pytest.fixture(scope="module")
def generator() -> SiteGenerator:
    triples: list[Triple] = convert_corpus([parse_file(SEED)], Minter(BASE)).triples
    return SiteGenerator(GraphView(triples, BASE))


def test_each_resource_gets_the_template_of_its_kind(generator: SiteGenerator) -> None:
    templates = {page.path: page.template for page in generator.pages()}
    assert templates["question/5-8904/"] == "question.html"
    assert templates["question/5-8904/answer/"] == "answer.html"
    assert templates["person/martine-taelman/"] == "listing.html"
    assert templates["ministry/vice-premier-ministre-et-ministre-des-pensions/"] == "listing.html"
    assert templates["dataset/"] == "resource.html"
    assert templates[""] == "home.html"
    assert templates["search/"] == "search.html"


def test_every_page_is_planned_once_and_a_resource_page_names_its_resource(
    generator: SiteGenerator,
) -> None:
    pages = list(generator.pages())
    assert [path for path, n in Counter(p.path for p in pages).items() if n > 1] == []
    for page in pages:
        if page.resource is not None:
            assert f"{generator.view.path(page.resource)}/" == page.path
    assert {"", "questions/", "persons/", "parties/", "ministries/", "ontology/"} <= {
        p.path for p in pages
    }
    assert {"shapes/", "validation/", "queries/", "search/"} <= {p.path for p in pages}


def test_a_label_comes_in_the_readers_language_else_in_the_other(
    generator: SiteGenerator,
) -> None:
    question = BASE + "question/5-8904"
    title, language = generator.label(question, "fr")
    assert title.endswith("Recours aux médias sociaux") and language == "fr"
    assert generator.label(question, "nl")[1] == "nl"
    assert generator.label(question, "en")[1] == "fr"  # English: French first
    assert generator.label(None, "fr") == ("", "")
    dutch_only = NamedNode(BASE + "descriptor/x")
    view = GraphView(
        [Triple(dutch_only, SKOS.prefLabel, Literal("gevangenis", language="nl"))], BASE
    )
    assert SiteGenerator(view).label(dutch_only.value, "fr") == ("gevangenis", "nl")


def test_planning_a_page_group_records_what_it_read(generator: SiteGenerator) -> None:
    groups = dict(generator.page_groups())
    _pages, question_reads = generator.plan(groups["question/5-8904/"])
    _pages, home_reads = generator.plan(groups["home"])
    assert question_reads and home_reads
    assert question_reads != home_reads
