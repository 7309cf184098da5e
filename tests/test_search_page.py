"""Searching the site in a real browser (Debian's Chromium, driven by Playwright): the
search page over the Pagefind index of the bundled sample, in each interface language,
with facets; harmless whatever is typed; and the site usable without JavaScript."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from converters.build import build
from converters.pipeline import BuildOptions

from .servers import site_server


@pytest.fixture(scope="module")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    out = tmp_path_factory.mktemp("search") / "out"
    build(BuildOptions(out=out, jobs=1))  # the bundled sample
    with site_server(out) as url:
        yield url + "/"


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("dialog", lambda dialog: errors.append(f"a dialog opened: {dialog.message}"))
    yield page
    context.close()
    assert not errors


def open_search(page: Page, site_url: str, query: str = "") -> None:
    page.goto(site_url + "search/" + query)
    expect(page.locator("form.search[data-ready]")).to_be_attached(timeout=20_000)


def search(page: Page, words: str) -> list[str]:
    """The identifiers of the questions found, as the result list shows them."""
    page.fill("#search-terms", words)
    status = page.locator(".search-status")
    expect(status).not_to_be_empty()
    expect(status).not_to_have_text(page.locator("html").get_attribute("lang") or "")
    page.wait_for_timeout(300)  # the results of the last keystroke
    return [
        text.split("·")[0].strip()
        for text in page.locator(".search-results .search-about").all_inner_texts()
    ]


def test_a_french_word_finds_the_french_questions(page: Page, site_url: str) -> None:
    """Stemmed, a word finds its relatives too (détenus: détention…): the questions
    about it come first."""
    open_search(page, site_url, "index.fr.html")
    assert sorted(search(page, "détenus")[:2]) == ["5-1201", "5-1202"]
    assert search(page, "chômage")[0] == "3-3970"
    assert search(page, "Gevangenissen") == []  # a Dutch word, in the French texts
    expect(page.locator(".search-status")).to_have_text("Aucune question ne correspond.")


def test_a_dutch_word_finds_the_dutch_questions(page: Page, site_url: str) -> None:
    open_search(page, site_url, "index.nl.html")
    assert sorted(search(page, "gevangenissen")[:2]) == ["5-1201", "5-1202"]
    assert search(page, "Spoorwegen")[0] == "4-5815"  # a question with a Dutch page only
    assert search(page, "chômage") == []


def test_a_result_leads_to_the_question_page_in_the_readers_language(
    page: Page, site_url: str
) -> None:
    open_search(page, site_url, "index.nl.html")
    search(page, "Spoorwegen")
    page.locator(".search-results a").first.click()
    expect(page).to_have_url(site_url + "question/4-5815/index.nl.html")
    expect(page.locator("h1")).to_contain_text("Spoorwegen")


def test_the_english_interface_searches_the_texts_it_is_told_to(page: Page, site_url: str) -> None:
    open_search(page, site_url)
    assert sorted(search(page, "détenus")[:2]) == ["5-1201", "5-1202"]
    page.get_by_label("Dutch").check()
    expect(page).to_have_url(site_url + "search/?q=d%C3%A9tenus&texts=nl")
    expect(page.locator("form.search[data-ready]")).to_be_attached(timeout=20_000)
    assert sorted(search(page, "gedetineerden")[:2]) == ["5-1201", "5-1202"]


def test_a_facet_narrows_the_results(page: Page, site_url: str) -> None:
    open_search(page, site_url, "index.fr.html")
    found = search(page, "détenus")
    assert {"5-1201", "5-1202"} <= set(found)
    page.get_by_text("Affiner").click()
    page.select_option("select[name=ministry]", "ministre de la Justice")
    expect(page.locator(".search-results li")).not_to_have_count(len(found))
    narrowed = search(page, "détenus")
    assert "5-1201" in narrowed and "5-1202" not in narrowed  # the other went to Mobility
    assert set(narrowed) < set(found)
    expect(page).to_have_url(
        site_url + "search/index.fr.html?q=d%C3%A9tenus&ministry=ministre+de+la+Justice"
    )


def test_a_facet_alone_lists_its_questions(page: Page, site_url: str) -> None:
    open_search(page, site_url, "index.fr.html?status=Answered")
    expect(page.locator(".search-results li").first).to_be_visible()
    options = page.locator("select[name=status] option").all_inner_texts()
    assert any(option.startswith("répondue (") for option in options)


def test_the_facets_offer_the_values_of_the_legislature_searched_with_their_counts(
    page: Page, site_url: str
) -> None:
    open_search(page, site_url, "index.fr.html")
    page.get_by_text("Affiner").click()
    sessions = page.locator("select[name=session] option")
    expect(sessions.nth(1)).to_have_text("Session 2015-2016 (1)")  # the latest first
    open_search(page, site_url, "index.fr.html?legislature=5")
    page.get_by_text("Affiner").click()
    expect(page.locator("select[name=session] option")).to_have_text(
        ["tous", "Session 2013-2014 (1)", "Session 2012-2013 (4)"]
    )


def test_a_search_in_one_legislature_finds_its_questions_only(page: Page, site_url: str) -> None:
    open_search(page, site_url, "index.fr.html")
    assert "3-3970" in search(page, "chômage")  # a small index: every legislature
    page.select_option("#search-scope", "5")
    expect(page).to_have_url(site_url + "search/index.fr.html?q=ch%C3%B4mage&legislature=5")
    expect(page.locator("form.search[data-ready]")).to_be_attached(timeout=20_000)
    found = search(page, "chômage")
    assert "3-3970" not in found and all(identifier.startswith("5-") for identifier in found)
    assert sorted(search(page, "détenus")[:2]) == ["5-1201", "5-1202"]
    page.get_by_role("link", name="Chercher dans toutes les législatures").click()
    expect(page.locator("form.search[data-ready]")).to_be_attached(timeout=20_000)
    expect(page.locator("#search-scope")).to_have_value("all")
    assert search(page, "chômage")[0] == "3-3970"


@pytest.mark.parametrize(
    "typed",
    ['<script>alert("x")</script>', '"', "<img src=x onerror=alert(1)>", "' OR 1=1 --", "\\"],
)
def test_whatever_is_typed_in_the_box_is_harmless(page: Page, site_url: str, typed: str) -> None:
    open_search(page, site_url, "index.fr.html")
    search(page, typed)
    assert page.locator("main script:not([src]):not([type='application/json'])").count() == 0
    assert page.locator("main img").count() == 0
    expect(page.locator("h1")).to_have_text("Rechercher")


def test_without_javascript_the_page_leads_to_the_indexes(browser: Browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "search/index.nl.html")
    expect(page.locator("form.search")).to_be_hidden()
    expect(page.locator(".search-without-script")).to_contain_text("JavaScript")
    page.get_by_role("link", name="Ministeries").last.click()
    expect(page).to_have_url(site_url + "ministries/index.nl.html")
    context.close()


def test_every_page_links_to_the_search(page: Page, site_url: str) -> None:
    page.goto(site_url + "question/5-8904/index.fr.html")
    page.get_by_role("link", name="Rechercher").click()
    expect(page).to_have_url(site_url + "search/index.fr.html")
