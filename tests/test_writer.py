"""Writing the site: every page in every language with its machine alternates, the
embedded description equal to them, and the validation page written last."""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph
import rdflib
from rdflib.compare import isomorphic

from converters.convert.corpus import convert_corpus
from converters.iris import Minter
from converters.publish.policy import WriteEverything
from converters.site.generator import SiteGenerator
from converters.site.graph_view import GraphView
from converters.site.writer import page_files, script_safe_json, write_site
from converters.validate.shacl import validate_triples

from .conftest import BASE, SEED, json_ld_graph, parse_file
from .site_support import pages, parse_page


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


def test_a_page_has_a_file_for_each_language() -> None:
    assert page_files("question/5-1/") == [
        "question/5-1/index.html",
        "question/5-1/index.fr.html",
        "question/5-1/index.nl.html",
    ]
    assert page_files("") == ["index.html", "index.fr.html", "index.nl.html"]


def test_json_in_a_script_element_cannot_close_it() -> None:
    hostile = json.dumps({"title": "</script><script>alert(1)</script> & <!--"})
    safe = script_safe_json(hostile)
    assert "<" not in safe and ">" not in safe and "&" not in safe
    assert json.loads(safe) == json.loads(hostile)
