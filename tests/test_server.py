"""``senate-ld serve``: static files plus content negotiation, on loopback."""

from __future__ import annotations

import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
import rdflib

from converters.build import build
from converters.pipeline import BuildOptions
from converters.site.server import make_server

from .conftest import SEED, json_ld_graph
from .servers import site_server


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    out = tmp_path_factory.mktemp("serve") / "out"
    build(BuildOptions(sources=[SEED], out=out, jobs=1))
    with site_server(out) as url:
        yield url


def fetch(url: str, accept: str | None = None) -> tuple[str, str, bytes]:
    request = urllib.request.Request(url, headers={"Accept": accept} if accept else {})
    with urllib.request.urlopen(request) as response:
        return response.headers["Content-Type"], response.headers.get("Vary", ""), response.read()


@pytest.mark.parametrize("path", ["/question/5-8904", "/question/5-8904/"])
def test_turtle_is_negotiated(served: str, path: str) -> None:
    media_type, vary, body = fetch(served + path, "text/turtle")
    assert media_type.startswith("text/turtle")
    assert "Accept" in vary
    assert len(rdflib.Graph().parse(data=body, format="turtle")) > 20


def test_json_ld_is_negotiated(served: str) -> None:
    media_type, _, body = fetch(served + "/person/martine-taelman/", "application/ld+json")
    assert media_type.startswith("application/ld+json")
    assert len(json_ld_graph(body)) == 3


def test_browsers_get_html(served: str) -> None:
    media_type, _, body = fetch(served + "/question/5-8904/", "text/html,application/xhtml+xml")
    assert media_type.startswith("text/html")
    assert b"<!DOCTYPE html>" in body


def test_void_is_turtle(served: str) -> None:
    media_type, _, body = fetch(served + "/.well-known/void")
    assert media_type.startswith("text/turtle")
    assert b"void:Dataset" in body


def test_server_listens_on_loopback_only(tmp_path: Path) -> None:
    server = make_server(tmp_path, 0)
    try:
        assert server.server_address[0] == "127.0.0.1"
    finally:
        server.server_close()
