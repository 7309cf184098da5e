"""A question's page and its answer's: the facts in the reader's language, the status
and what closed it, a text the corpus has in one language only, long texts shown once."""

from __future__ import annotations

import html
from pathlib import Path

import rdflib

from .site_support import parse_page, read_page

SQ = "https://w3id.org/senate-ld/def#"


def test_question_page_shows_the_facts(site: Path) -> None:
    page = read_page(site, "question/5-8904/index.html")
    for fact in (
        "Recours aux médias sociaux",
        "Federale overheidsdiensten",
        "Martine Taelman",
        "Open Vld",
        "vice-premier ministre et ministre des Pensions",
        '<time datetime="2013-04-30">',
        "8 days",
        "30 April 2013",
        "http://eurovoc.europa.eu/c_324b44f1",
        "https://www.senate.be/www/?MIval=/Vragen/SchriftelijkeVraag&amp;LEG=5&amp;NR=8904&amp;LANG=fr",
        "5-8918",
    ):
        assert fact in page, fact
    dutch = read_page(site, "question/5-8904/index.nl.html")
    assert "Antwoordtermijn" in dutch and "8 dagen" in dutch


def test_a_closed_question_shows_its_status_deadline_closing_and_reintroduction(
    site: Path,
) -> None:
    page = read_page(site, "question/4-4627/index.fr.html")
    for fact in (
        "clôturée sans réponse",
        '<time datetime="2009-10-29">',  # the answer deadline
        '<time datetime="2009-11-25">',  # closed
        "Réintroduite comme",
        'href="../4-5881/index.fr.html"',
        "Clôturée sans réponse.",
    ):
        assert fact in page, fact
    lapsed = read_page(site, "question/4-5815/index.html")
    assert "lapsed at the end of the legislature" in lapsed and "Reintroduces" in lapsed


def test_a_question_read_from_one_language_says_the_other_is_not_in_the_corpus(
    site: Path,
) -> None:
    page = read_page(site, "question/4-4627/index.html")
    assert '<h1 lang="nl">FOD Economie - Taalgebruik' in page
    assert "read from its page in the other language only" in page


def test_the_statements_table_links_to_long_texts_instead_of_repeating_them(site: Path) -> None:
    for path, predicate in (
        ("question/5-8904/", "questionText"),
        ("question/5-8904/answer/", "answerText"),
    ):
        page = site / path / "index.html"
        body = html.unescape(page.read_text(encoding="utf-8").split("</head>", 1)[1])
        resource = rdflib.Graph().parse(page.parent / "index.ttl")
        texts = [str(o) for o in resource.objects(None, rdflib.URIRef(SQ + predicate))]
        assert len(texts) == 2
        for text in texts:
            assert body.count(text.splitlines()[0][:80]) == 1, (path, text[:80])
        assert body.count('href="#text"') == 2
        assert "text" in parse_page(page).ids


def test_a_sibling_question_is_linked_from_each_of_its_siblings(site: Path) -> None:
    """5-1201 and 5-1202: one question sent to two ministers on the same day."""
    for number, sibling in (("5-1201", "5-1202"), ("5-1202", "5-1201")):
        page = read_page(site, f"question/{number}/index.fr.html")
        assert f'href="../{sibling}/index.fr.html"' in page


def test_the_answer_page_links_its_question_and_gives_its_date_and_both_texts(
    site: Path,
) -> None:
    page = read_page(site, "question/5-8904/answer/index.nl.html")
    assert '<a href="../index.nl.html">5-8904</a>' in page
    assert 'Beantwoord op <time datetime="2013-05-08">8 mei 2013</time>' in page
    assert '<div lang="fr"><h2>Frans</h2><p>En réponse à ses questions' in page
    assert '<div lang="nl"><h2>Nederlands</h2><p>In antwoord op haar vragen' in page
