"""Shared test fixtures: the real seed, the made-up documents, and built outputs."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
import rdflib
from playwright.sync_api import Browser, sync_playwright
from pyoxigraph import Triple

from converters.build import build
from converters.parse import parse_document
from converters.pipeline import BuildOptions
from converters.publish.jsonld import with_context_inlined
from converters.records import Language, QuestionRecord
from converters.sources import sample_corpus
from converters.synth.source_writer import as_single_page

FIXTURES = Path(__file__).parent / "fixtures"
SEED = FIXTURES / "valid" / "5-8904.txt"
SEED_CRLF_BOM = FIXTURES / "valid" / "5-8904-crlf-bom.txt"
MADE_UP = FIXTURES / "made-up"
BAD = FIXTURES / "bad"
GOLDEN = FIXTURES / "golden"
EUROVOC_EXCERPT = FIXTURES / "eurovoc" / "eurovoc-excerpt.ttl"
HOSTILE = FIXTURES / "hostile" / "5-1505.txt"
REAL = FIXTURES / "real"
"""Real senate.be pages, excerpts (see fixtures/README.md)."""
BASE = "http://localhost:8000/"

FUZZ_EXAMPLES = int(os.environ.get("SENATE_LD_FUZZ_EXAMPLES", "400"))
"""Examples per parser fuzz test: bounded in the suite; raise it for a long run."""


def parse_file(path: Path) -> QuestionRecord:
    return parse_document(path.read_bytes(), path.name)


def pages_of(record: QuestionRecord) -> tuple[QuestionRecord, QuestionRecord]:
    """``record`` published as its French and its Dutch page instead of its print page."""
    french, dutch = (
        as_single_page(record, language, f"{record.number}-{language.value}.txt")
        for language in (Language.FR, Language.NL)
    )
    return french, dutch


@pytest.fixture(scope="session")
def seed() -> QuestionRecord:
    return parse_file(SEED)


@pytest.fixture(scope="session")
def made_up() -> dict[str, QuestionRecord]:
    return {path.stem: parse_file(path) for path in sorted(MADE_UP.glob("*.txt"))}


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled sample built with the EuroVoc excerpt, read by the site's tests."""
    out = tmp_path_factory.mktemp("site") / "out"
    report = build(
        BuildOptions(sources=[sample_corpus()], out=out, eurovoc=EUROVOC_EXCERPT, jobs=1)
    )
    assert not report.failed
    return out


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A question whose texts and names are full of markup, built."""
    out = tmp_path_factory.mktemp("hostile") / "out"
    build(BuildOptions(sources=[HOSTILE], out=out, jobs=1))
    return out


def json_ld_graph(data: bytes | Path) -> rdflib.Graph:
    """rdflib's reading of a JSON-LD document senate-ld wrote, given the context the site
    serves at the URL the document names (the tests have no server to fetch it from)."""
    document = data.read_bytes() if isinstance(data, Path) else data
    return rdflib.Graph().parse(data=with_context_inlined(document), format="json-ld")


def reproducible(path: Path) -> bool:
    """Whether two builds of the same sources write ``path`` byte for byte: every file
    but Pagefind's filter files and the metadata naming them, which it writes in the
    order of a hash map seeded anew each run (the same filters, the same results)."""
    return path.is_file() and not (
        path.parent.name == "filter"
        or path.suffix == ".pf_meta"
        or path.name == "pagefind-entry.json"
    )


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Debian's Chromium, headless, driven by Playwright (for each module that asks)."""
    assert Path(CHROMIUM).exists(), "Debian's chromium is needed (make test installs it)"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def sample() -> list[Triple]:
    """The seed and the made-up documents as one graph (the validation tests' data)."""
    from .validation_support import sample_graph

    return sample_graph()
