"""The pages that list a resource's questions, newest first, 50 a page, with what is
known of the resource: a senator's party, a party's members, a ministry's answer delay,
a descriptor's EuroVoc concept."""

from __future__ import annotations

import re
from pathlib import Path

from converters.build import build
from converters.pipeline import BuildOptions

from .site_support import read_page


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


def facts(page: str) -> str:
    return page.split('<dl class="facts">')[1].split("</dl>")[0]


def test_a_senators_page_names_the_party_and_lists_the_questions_newest_first(
    site: Path,
) -> None:
    page = read_page(site, "person/jeanne-exemple/index.html")
    assert '<dt>Member of</dt><dd><a href="../../party/parti-fictif/">Parti Fictif</a>' in facts(
        page
    )
    assert "Questions (2, newest first)" in page
    assert re.findall(r'<span class="number">([^<]+)</span>', page) == ["5-1202", "5-1201"]


def test_a_partys_page_names_its_members(site: Path) -> None:
    page = read_page(site, "party/parti-fictif/index.html")
    assert '<a href="../../person/jeanne-exemple/">Jeanne Exemple</a>' in facts(page)


def test_a_ministrys_page_gives_its_median_answer_delay_in_the_readers_language(
    site: Path,
) -> None:
    page = read_page(site, "ministry/ministre-de-la-justice/index.fr.html")
    assert facts(page) == "<dt>Délai médian de réponse</dt><dd>45 jours</dd>"


def test_a_descriptors_page_links_to_its_eurovoc_concept(site: Path) -> None:
    page = read_page(site, "descriptor/medias-sociaux/index.nl.html")
    eurovoc = "http://eurovoc.europa.eu/c_324b44f1"
    assert f'<dt>EuroVoc-concept</dt><dd><a href="{eurovoc}">{eurovoc}</a>' in facts(page)
