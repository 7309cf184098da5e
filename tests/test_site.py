"""The static website as a whole: every IRI resolves, no link is broken, every page
declares its language, nothing from the sources becomes markup, the files for machines
are there, and the Nu HTML checker finds no error. What each kind of page shows is in
the test module of its module (test_question_pages, test_index_pages, …)."""

from __future__ import annotations

import html
import json
import os
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import pyoxigraph
import rdflib

from converters.site.static import server_rules

from .conftest import BASE
from .site_support import pages, parse_page, resolve

ROOT = Path(__file__).parents[1]
VNU_JAR = Path(
    os.environ.get(
        "VNU_JAR", ROOT / ".tools" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
    )
)


def test_every_iri_under_the_base_resolves(site: Path) -> None:
    for quad in pyoxigraph.parse(path=str(site / "dataset.nt")):
        for term in (quad.subject, quad.object):
            if isinstance(term, pyoxigraph.NamedNode) and term.value.startswith(BASE):
                path = site / term.value[len(BASE) :]
                assert path.is_file() or (path / "index.html").is_file(), term.value


def test_no_broken_internal_link(site: Path) -> None:
    checked = 0
    for page in pages(site):
        parsed = parse_page(page)
        for link in parsed.links:
            target = resolve(site, page, link)
            if target is None:
                continue
            assert target.is_file(), f"{page.relative_to(site)} links to missing {link}"
            fragment = urlsplit(link).fragment
            if fragment and target.suffix == ".html":
                assert fragment in parse_page(target).ids, f"{page} links to missing #{fragment}"
            checked += 1
    assert checked > 1000


def test_pages_declare_their_language_and_offer_the_others(site: Path) -> None:
    for page in pages(site):
        parsed = parse_page(page)
        expected = {"index.html": "en", "index.fr.html": "fr", "index.nl.html": "nl"}[page.name]
        assert parsed.lang == expected
        text = page.read_text(encoding="utf-8")
        for language in ("en", "fr", "nl"):
            assert f'hreflang="{language}"' in text


SEARCH_PAGE_SCRIPTS = ["application/json", "module"]
"""The search page's settings, and its script (``static/search.js``)."""


def test_source_text_never_becomes_markup(hostile_site: Path) -> None:
    checked = 0
    for page in pages(hostile_site):
        parsed = parse_page(page)
        assert [kind for kind, _ in parsed.scripts] in (
            [],
            ["application/ld+json"],
            SEARCH_PAGE_SCRIPTS if "search" in page.parts else None,
        ), page
        assert parsed.handlers == [], page
        for kind, text in parsed.scripts:
            if kind != "module":  # the search page's script, from static/search.js
                json.loads(text)
            assert "</" not in text
        assert not any(link.lower().startswith("javascript:") for link in parsed.links)
        checked += 1
    question = (hostile_site / "question" / "5-1505" / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(&#34;fr&#34;)&lt;/script&gt;" in question
    assert "&lt;iframe src=javascript:alert(3)&gt;" in question
    assert checked > 10


def test_hostile_text_gives_valid_turtle(hostile_site: Path) -> None:
    graph = rdflib.Graph().parse(hostile_site / "dataset.ttl")
    titles = {str(o) for o in graph.objects(None, rdflib.DCTERMS.title)}
    assert 'Sécurité des balises <script>alert("fr")</script> & "guillemets" \\ barre' in titles
    question = hostile_site / "question" / "5-1505" / "index.ttl"
    assert len(rdflib.Graph().parse(question)) > 10
    assert "Parti <b>Gras</b>" in {str(o) for o in graph.objects(None, rdflib.SKOS.prefLabel)}


def test_site_files_for_machines(site: Path) -> None:
    void = rdflib.Graph().parse(site / ".well-known" / "void", format="turtle")
    assert (rdflib.URIRef(BASE + "dataset"), rdflib.RDF.type, rdflib.VOID.Dataset) in void
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{BASE}question/5-8904/</loc>" in sitemap
    assert f"<loc>{BASE}question/5-8904/index.fr.html</loc>" in sitemap
    for written, rules in [
        (".htaccess", "htaccess"),
        ("nginx.conf", "nginx.conf"),
        ("negotiation.js", "negotiation.js"),
    ]:  # what the rules do is tested against real servers in test_negotiation.py
        assert (site / written).read_text(encoding="utf-8") == server_rules(rules)
    assert (site / "queries" / "joint-questions.rq").is_file()
    ontology = rdflib.Graph().parse(site / "ontology" / "index.ttl")
    assert len(ontology) > 100
    shapes_page = (site / "shapes" / "index.html").read_text(encoding="utf-8")
    assert "The question's title is not in both French and Dutch." in html.unescape(shapes_page)
    assert "0 violations" in (site / "validation" / "index.html").read_text(encoding="utf-8")


def test_nu_html_checker_finds_no_error(site: Path, hostile_site: Path) -> None:
    assert VNU_JAR.is_file(), f"the Nu HTML checker is missing at {VNU_JAR} (make test installs it)"
    java = shutil.which("java")
    assert java, "java is needed for the Nu HTML checker"
    for root in (site, hostile_site):
        result = subprocess.run(
            [java, "-jar", str(VNU_JAR), "--errors-only", "--skip-non-html", str(root)],
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert result.returncode == 0, result.stderr[:3000]
