"""How pages link: relative links that work at any root and in the reader's language,
only web links out of the site, and the small readings pages share."""

from __future__ import annotations

import posixpath

import pytest
from hypothesis import given
from hypothesis import strategies as st

from converters.site.graph_view import GraphView
from converters.site.page import (
    PageLinks,
    days_between,
    external_link,
    paragraphs,
    relative_path,
)

B = "http://localhost:8000/"
parts = st.lists(st.sampled_from(["a", "b", "question", "5-1", "page", "2"]), max_size=4)


@given(parts, parts)
def test_a_relative_link_leads_where_posixpath_says(target: list[str], start: list[str]) -> None:
    """The same answer as ``posixpath.relpath``, by string work alone (it is asked for
    every link of every page)."""
    to, at = "/".join(target), "/".join(start)
    expected = posixpath.relpath("/" + to, "/" + at)
    assert (relative_path(to + "/", at + "/") or ".") == expected


def test_links_go_to_the_page_in_the_readers_language() -> None:
    view = GraphView([], B)
    french = PageLinks("question/5-1/", "fr", view)
    assert french.link("person/x/") == "../../person/x/index.fr.html"
    assert french.link("") == "../../index.fr.html"
    assert french.file("static/style.css") == "../../static/style.css"
    english = PageLinks("question/5-1/", "en", view)
    assert english.link("person/x/") == "../../person/x/"
    assert english.link("question/5-1/") == "./"
    assert french.in_language("nl") == "index.nl.html" and french.in_language("en") == "./"


def test_only_web_links_leave_the_site() -> None:
    assert external_link("https://www.senate.be/") == "https://www.senate.be/"
    assert external_link("javascript:alert(1)") is None
    assert external_link("data:text/html,<script>") is None


def test_days_between_two_dates_or_none() -> None:
    assert days_between("2013-04-30", "2013-05-08") == 8
    assert days_between("2013-04-30", None) is None
    assert days_between("2013-04-30", "not a date") is None


def test_paragraphs_are_split_on_blank_lines() -> None:
    assert paragraphs("one\ntwo\n\nthree") == ["one\ntwo", "three"]
    assert paragraphs(None) == [] and paragraphs("") == []


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
def test_relative_paths_of_files_and_folders_match_posixpath(target: str, start: str) -> None:
    expected = posixpath.relpath(target or ".", start or ".")
    assert relative_path(target, start) == ("" if expected == "." else expected)
