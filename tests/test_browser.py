"""The site in a real headless browser: navigation, language switch, a screenshot.

Debian's Chromium driven by Playwright; the screenshot of the question page is kept in
``test-artifacts/`` for a person to look at.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from converters.build import build
from converters.pipeline import BuildOptions

from .conftest import EUROVOC_EXCERPT
from .servers import site_server

ARTIFACTS = Path(__file__).parents[1] / "test-artifacts"


@pytest.fixture(scope="module")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    out = tmp_path_factory.mktemp("browser") / "out"
    build(BuildOptions(out=out, eurovoc=EUROVOC_EXCERPT, jobs=1))
    with site_server(out) as url:
        yield url + "/"


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


def test_from_home_to_a_question_its_author_a_descriptor_and_back(
    page: Page, site_url: str
) -> None:
    page.goto(site_url)
    expect(page.locator("h1")).to_have_text("Senate written questions")
    page.get_by_role("navigation", name="Senate written questions").get_by_role(
        "link", name="Questions"
    ).click()
    page.get_by_role("link", name="Session 2012-2013").first.click()
    page.get_by_role("link", name="5-8904").first.click()
    expect(page).to_have_url(site_url + "question/5-8904/")
    expect(page.locator("h1")).to_contain_text("Recours aux médias sociaux")
    page.get_by_role("link", name="Martine Taelman").click()
    expect(page.locator("h1")).to_have_text("Martine Taelman")
    page.get_by_role("link", name="5-8904").click()
    page.get_by_role("link", name="médias sociaux").click()
    expect(page.locator("h1")).to_have_text("médias sociaux")
    expect(page.get_by_role("link", name="http://eurovoc.europa.eu/c_324b44f1")).to_be_visible()
    page.go_back()
    expect(page).to_have_url(site_url + "question/5-8904/")


def test_switching_language_keeps_the_page(page: Page, site_url: str) -> None:
    page.goto(site_url + "question/5-8904/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.get_by_role("navigation", name="Language").get_by_role("link", name="Nederlands").click()
    expect(page).to_have_url(site_url + "question/5-8904/index.nl.html")
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    expect(page.get_by_text("Antwoordtermijn")).to_be_visible()
    page.get_by_role("link", name="Martine Taelman").click()
    expect(page).to_have_url(site_url + "person/martine-taelman/index.nl.html")
    page.get_by_role("navigation", name="Taal").get_by_role("link", name="Français").click()
    expect(page.locator("html")).to_have_attribute("lang", "fr")


def test_question_page_on_a_phone_and_its_screenshot(browser: Browser, site_url: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    desktop = browser.new_page(viewport={"width": 1280, "height": 900})
    desktop.goto(site_url + "question/5-8904/")
    desktop.screenshot(path=str(ARTIFACTS / "question-5-8904.png"), full_page=True)
    desktop.close()
    phone = browser.new_page(viewport={"width": 375, "height": 700})
    phone.goto(site_url + "question/5-8904/")
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, "the question page scrolls sideways on a phone"
    phone.screenshot(path=str(ARTIFACTS / "question-5-8904-phone.png"), full_page=True)
    phone.close()
    assert (ARTIFACTS / "question-5-8904.png").stat().st_size > 10_000


def test_charts_render_without_javascript(browser: Browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url)
    assert page.locator("figure.chart svg rect.bar").count() > 5
    context.close()
