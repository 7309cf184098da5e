"""The files beside the pages: the sitemap (split under an index past 50,000 URLs),
and the server rules, written as their templates are."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

from converters.site import static
from converters.site.static import server_rules, write_sitemap

B = "http://localhost:8000/"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def locations(path: Path) -> list[str]:
    return [loc.text or "" for loc in ElementTree.parse(path).iter(SITEMAP + "loc")]


def test_the_sitemap_lists_every_page_in_every_language(tmp_path: Path) -> None:
    written = write_sitemap(B, ["question/5-1/", ""], tmp_path)
    assert written == [tmp_path / "sitemap.xml"]
    assert locations(written[0]) == [
        B,
        B + "index.fr.html",
        B + "index.nl.html",
        B + "question/5-1/",
        B + "question/5-1/index.fr.html",
        B + "question/5-1/index.nl.html",
    ]


def test_past_the_limit_the_sitemap_is_an_index_of_sitemaps(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(static, "SITEMAP_LIMIT", 4)
    written = write_sitemap(B, ["a/", "b/", "c/"], tmp_path)  # 9 URLs
    assert [p.name for p in written] == ["sitemap.xml", *(f"sitemap-{n}.xml" for n in (1, 2, 3))]
    assert locations(tmp_path / "sitemap.xml") == [B + f"sitemap-{n}.xml" for n in (1, 2, 3)]
    assert sum(len(locations(p)) for p in written[1:]) == 9


def test_urls_are_escaped_in_the_xml(tmp_path: Path) -> None:
    write_sitemap(B, ["descriptor/r&d/"], tmp_path)
    assert B + "descriptor/r&d/" in locations(tmp_path / "sitemap.xml")


def test_the_server_rules_are_their_template_files() -> None:
    assert "MultiViews" in server_rules("htaccess")
    assert "js_import" in server_rules("nginx.conf")
    assert "function" in server_rules("negotiation.js")
