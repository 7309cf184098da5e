"""Content negotiation: one choice of file for a resource IRI, whichever server
publishes the site: ``senate-ld serve``, nginx with the generated ``nginx.conf`` and
``negotiation.js``, Apache with the generated ``.htaccess`` (real servers, Debian's).
"""

from __future__ import annotations

import json
import shutil
import tempfile
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from pathlib import Path

import pytest

from converters.build import build
from converters.pipeline import BuildOptions
from converters.site.negotiation import negotiate

from .conftest import SEED
from .servers import apache_server, nginx_server, site_server

EVERY_FILE = {
    "index.html",
    "index.fr.html",
    "index.nl.html",
    "index.ttl",
    "index.jsonld",
    "index.nt",
}
BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"

CASES = [
    # (Accept, Accept-Language, the file chosen; None: 406 Not Acceptable)
    (None, None, "index.html"),
    ("*/*", None, "index.html"),
    (BROWSER, None, "index.html"),
    (BROWSER, "fr-BE,fr;q=0.9,en;q=0.8", "index.fr.html"),
    (BROWSER, "nl-BE,nl;q=0.9", "index.nl.html"),
    (BROWSER, "nl", "index.nl.html"),
    (BROWSER, "de-DE,de;q=0.9", "index.html"),
    (BROWSER, "en;q=0.2, nl;q=0.8", "index.nl.html"),
    ("text/turtle", None, "index.ttl"),
    ("text/turtle", "fr", "index.ttl"),
    ("application/ld+json", None, "index.jsonld"),
    ("application/n-triples", None, "index.nt"),
    ("text/turtle;q=0, text/html", None, "index.html"),
    ("text/html;q=0.1, application/ld+json", None, "index.jsonld"),
    ("text/html;q=0.5, text/turtle;q=0.9, application/ld+json;q=0.7", None, "index.ttl"),
    ("application/*", None, "index.jsonld"),
    ("text/html;q=0, */*;q=0.5, application/ld+json", None, "index.jsonld"),
    ("image/png", None, None),
    ("text/turtle;q=0", None, None),
]


@pytest.mark.parametrize(("accept", "language", "chosen"), CASES)
def test_the_file_chosen_for_a_request(
    accept: str | None, language: str | None, chosen: str | None
) -> None:
    assert negotiate(accept, language, EVERY_FILE) == chosen


def test_a_folder_with_pages_only_offers_html() -> None:
    pages = {"index.html", "index.fr.html", "index.nl.html"}
    assert negotiate("text/turtle, text/html;q=0.1", "nl", pages) == "index.nl.html"
    assert negotiate("text/turtle", None, pages) is None


@pytest.fixture(scope="module")
def site() -> Iterator[Path]:
    """The built sample in a folder every user can read (Apache does not run as root)."""
    folder = Path(tempfile.mkdtemp(prefix="senate-ld-negotiation-"))
    folder.chmod(0o755)
    try:
        build(BuildOptions(sources=[SEED], out=folder / "site", jobs=1, incremental=False))
        yield folder / "site"
    finally:
        shutil.rmtree(folder, ignore_errors=True)


Server = Callable[[Path, Path], AbstractContextManager[str]]
SERVERS: dict[str, Server] = {
    "serve": lambda site, _work: site_server(site),
    "nginx": nginx_server,
    "apache": apache_server,
}


@pytest.fixture(scope="module", params=list(SERVERS))
def server(request: pytest.FixtureRequest, site: Path) -> Iterator[str]:
    with tempfile.TemporaryDirectory() as work, SERVERS[request.param](site, Path(work)) as url:
        yield url


def fetch(url: str, accept: str | None, language: str | None) -> tuple[int, str, bytes, str]:
    headers = {}
    if accept is not None:
        headers["Accept"] = accept
    if language is not None:
        headers["Accept-Language"] = language
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers=headers)) as response:
            vary = response.headers.get("Vary", "")
            return response.status, response.headers["Content-Type"], response.read(), vary
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Content-Type", ""), error.read(), ""


@pytest.mark.parametrize(("accept", "language", "chosen"), CASES)
def test_every_server_sends_the_file_negotiation_chooses(
    server: str, site: Path, accept: str | None, language: str | None, chosen: str | None
) -> None:
    status, media_type, body, vary = fetch(server + "/question/5-8904/", accept, language)
    if chosen is None:
        assert status == 406
        return
    assert status == 200
    assert body == (site / "question" / "5-8904" / chosen).read_bytes()
    assert (
        media_type.split(";")[0]
        == {
            ".html": "text/html",
            ".ttl": "text/turtle",
            ".jsonld": "application/ld+json",
            ".nt": "application/n-triples",
        }[Path(chosen).suffix]
    )
    assert "accept" in vary.lower()


@pytest.mark.parametrize("accept", ["text/turtle", "application/ld+json", BROWSER])
def test_an_iri_without_its_trailing_slash_answers_too(
    server: str, site: Path, accept: str
) -> None:
    status, _, body, _ = fetch(server + "/question/5-8904", accept, "nl")
    expected = negotiate(accept, "nl", EVERY_FILE)
    assert status == 200
    assert body == (site / "question" / "5-8904" / str(expected)).read_bytes()


@pytest.mark.parametrize("path", ["/context.jsonld", "/question/5-8904/", "/.well-known/void"])
def test_any_web_page_may_read_the_data_and_the_json_ld_context(server: str, path: str) -> None:
    request = urllib.request.Request(server + path, headers={"Accept": "application/ld+json"})
    with urllib.request.urlopen(request) as response:
        assert response.headers["Access-Control-Allow-Origin"] == "*"
        if path == "/context.jsonld":
            assert response.headers["Content-Type"].split(";")[0] == "application/ld+json"
            assert "@context" in json.loads(response.read())


def test_static_files_and_the_catalogue_are_served_as_they_are(server: str, site: Path) -> None:
    status, media_type, body, _ = fetch(server + "/.well-known/void", None, None)
    assert (status, media_type.split(";")[0]) == (200, "text/turtle")
    assert body == (site / ".well-known" / "void").read_bytes()
    status, media_type, body, _ = fetch(server + "/static/style.css", "text/css", None)
    assert (status, media_type.split(";")[0]) == (200, "text/css")
    assert body == (site / "static" / "style.css").read_bytes()
    status, media_type, _, _ = fetch(server + "/dataset.nt", "*/*", None)
    assert (status, media_type.split(";")[0]) == (200, "application/n-triples")
