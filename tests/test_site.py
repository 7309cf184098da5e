"""The static website: every page, every link, embedded data, escaping, HTML validity."""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pyoxigraph
import pytest
import rdflib
from rdflib.compare import isomorphic

from converters.build import build
from converters.convert.corpus import convert_corpus
from converters.iris import Minter
from converters.pipeline import BuildOptions
from converters.publish.policy import WriteEverything
from converters.site.generator import SiteGenerator
from converters.site.graph_view import GraphView
from converters.site.static import server_rules
from converters.site.writer import write_site
from converters.sources import sample_corpus
from converters.validate.shacl import validate_triples

from .conftest import EUROVOC_EXCERPT, FIXTURES, SEED, json_ld_graph, parse_file

BASE = "http://localhost:8000/"
HOSTILE = FIXTURES / "hostile" / "5-1505.txt"
ROOT = Path(__file__).parents[1]
SQ = "https://w3id.org/senate-ld/def#"
VNU_JAR = Path(
    os.environ.get(
        "VNU_JAR", ROOT / ".tools" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
    )
)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site") / "out"
    report = build(
        BuildOptions(sources=[sample_corpus()], out=out, eurovoc=EUROVOC_EXCERPT, jobs=1)
    )
    assert not report.failed
    return out


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("hostile") / "out"
    build(BuildOptions(sources=[HOSTILE], out=out, jobs=1))
    return out


class Links(HTMLParser):
    """Every link, the scripts and the language attributes of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.scripts: list[tuple[str, str]] = []
        self.in_script: str | None = None
        self.handlers: list[str] = []
        self.ids: set[str] = set()
        self.lang = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "html":
            self.lang = values.get("lang") or ""
        for name in ("href", "src"):
            if values.get(name):
                self.links.append(values[name] or "")
        if values.get("id"):
            self.ids.add(values["id"] or "")
        self.handlers += [name for name, _ in attrs if name.startswith("on")]
        if tag == "script":
            self.in_script = values.get("type") or ""
            self.scripts.append((self.in_script, ""))

    def handle_data(self, data: str) -> None:
        if self.in_script is not None:
            kind, text = self.scripts[-1]
            self.scripts[-1] = (kind, text + data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self.in_script = None


def parse_page(path: Path) -> Links:
    parser = Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def resolve(site: Path, page: Path, link: str) -> Path | None:
    """The file a relative link of ``page`` points to, or None for an external link."""
    page_url = "http://site/" + page.relative_to(site).as_posix()
    target = urlsplit(urljoin(page_url, link))
    if target.netloc != "site":
        return None
    path = site / unquote(target.path.lstrip("/"))
    return path / "index.html" if target.path.endswith("/") or path.is_dir() else path


def test_every_resource_has_pages_and_alternates(site: Path) -> None:
    subjects = {
        str(q.subject.value)
        for q in pyoxigraph.parse(path=str(site / "dataset.nt"))
        if isinstance(q.subject, pyoxigraph.NamedNode) and q.subject.value.startswith(BASE)
    }
    for iri in subjects:
        folder = site / iri[len(BASE) :]
        for name in ("index.html", "index.fr.html", "index.nl.html", "index.ttl", "index.jsonld"):
            assert (folder / name).is_file(), (iri, name)


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


def test_embedded_json_ld_equals_the_turtle_alternate(site: Path) -> None:
    compared = 0
    for page in pages(site):
        embedded = [
            text for kind, text in parse_page(page).scripts if kind == "application/ld+json"
        ]
        if not embedded:
            continue
        (json_ld,) = embedded
        turtle = rdflib.Graph().parse(page.parent / "index.ttl")
        assert isomorphic(rdflib.Graph().parse(data=json_ld, format="json-ld"), turtle), page
        assert isomorphic(json_ld_graph(page.parent / "index.jsonld"), turtle)
        compared += 1
    assert compared > 100


def test_pages_declare_their_language_and_offer_the_others(site: Path) -> None:
    for page in pages(site):
        parsed = parse_page(page)
        expected = {"index.html": "en", "index.fr.html": "fr", "index.nl.html": "nl"}[page.name]
        assert parsed.lang == expected
        text = page.read_text(encoding="utf-8")
        for language in ("en", "fr", "nl"):
            assert f'hreflang="{language}"' in text


def test_question_page_shows_the_facts(site: Path) -> None:
    page = (site / "question" / "5-8904" / "index.html").read_text(encoding="utf-8")
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
    dutch = (site / "question" / "5-8904" / "index.nl.html").read_text(encoding="utf-8")
    assert "Antwoordtermijn" in dutch and "8 dagen" in dutch


def test_a_closed_question_shows_its_status_deadline_closing_and_reintroduction(
    site: Path,
) -> None:
    page = (site / "question" / "4-4627" / "index.fr.html").read_text(encoding="utf-8")
    for fact in (
        "clôturée sans réponse",
        '<time datetime="2009-10-29">',  # the answer deadline
        '<time datetime="2009-11-25">',  # closed
        "Réintroduite comme",
        'href="../4-5881/index.fr.html"',
        "Clôturée sans réponse.",
    ):
        assert fact in page, fact
    lapsed = (site / "question" / "4-5815" / "index.html").read_text(encoding="utf-8")
    assert "lapsed at the end of the legislature" in lapsed and "Reintroduces" in lapsed


def test_a_question_read_from_one_language_says_the_other_is_not_in_the_corpus(
    site: Path,
) -> None:
    page = (site / "question" / "4-4627" / "index.html").read_text(encoding="utf-8")
    assert '<h1 lang="nl">FOD Economie - Taalgebruik' in page
    assert "read from its page in the other language only" in page


def test_the_home_page_counts_each_status(site: Path) -> None:
    home = (site / "index.html").read_text(encoding="utf-8")
    for count, name in ((5, "answered"), (1, "awaiting an answer"), (2, "closed without answer")):
        assert f'<span class="figure">{count}</span> {name}' in home, name


def test_lists_are_paginated_past_50(tmp_path: Path) -> None:
    from converters.synth.synthetic import synthetic_corpus

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for document in synthetic_corpus(130, seed=2):
        (corpus / document.name).write_bytes(document.content)
    out = tmp_path / "out"
    build(BuildOptions(sources=[corpus], out=out, jobs=1))
    legislature = out / "legislature" / "6"
    assert (legislature / "page" / "3" / "index.html").is_file()
    assert not (legislature / "page" / "4").exists()
    first = legislature / "index.html"
    assert first.read_text(encoding="utf-8").count('<li>\n    <a href="') == 50
    pattern = r'<span class="meta"><time datetime="(\d{4}-\d\d-\d\d)">'
    sent = re.findall(pattern, first.read_text(encoding="utf-8"))
    assert len(sent) == 50
    assert sent == sorted(sent, reverse=True)


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


def test_the_validation_page_is_rendered_after_every_other_page(tmp_path: Path) -> None:
    """So that validation can run beside the rest of the build until then."""
    triples = convert_corpus([parse_file(SEED)], Minter(BASE)).triples
    generator = SiteGenerator(GraphView(triples, BASE))
    rendered_before: set[str] = set()

    def before_report_pages() -> None:
        rendered_before.update(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*.html"))
        generator.validation = validate_triples(triples)

    write_site(generator, tmp_path, WriteEverything(), before_report_pages=before_report_pages)
    assert {"question/5-8904/index.nl.html", "shapes/index.html"} <= rendered_before
    assert not any(page.startswith("validation/") for page in rendered_before)
    assert "0 violations" in (tmp_path / "validation" / "index.html").read_text(encoding="utf-8")


def test_the_shapes_page_documents_every_shape_that_targets_nodes(site: Path) -> None:
    shapes = rdflib.Graph().parse(ROOT / "shapes" / "senate-ld.shapes.ttl")
    sh = rdflib.SH
    targeting = {
        str(shape).rsplit("#", 1)[-1]
        for target in (sh.targetClass, sh.targetSubjectsOf, sh.targetObjectsOf)
        for shape in shapes.subjects(target, None)
    }
    ids = parse_page(site / "shapes" / "index.html").ids
    assert {"QuestionShape", "MarkupInQuestionText"} <= targeting
    assert targeting <= ids


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


@pytest.mark.parametrize(
    ("target", "start"),
    [
        ("", ""),
        ("person/x", ""),
        ("", "question/5-1/"),
        ("person/x/", "question/5-1/answer/"),
        ("question/5-1/answer", "question/5-1/"),
        ("question/5-1", "question/5-1/answer/"),
        ("dataset.ttl", "a/b/"),
    ],
)
def test_relative_paths_match_posixpath(target: str, start: str) -> None:
    import posixpath

    from converters.site.page import relative_path

    expected = posixpath.relpath(target or ".", start or ".")
    assert relative_path(target, start) == ("" if expected == "." else expected)
