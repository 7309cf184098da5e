"""``senate-ld serve``: a local preview of the built site, with content negotiation.

A plain static server, as the site is meant for, plus what the generated nginx and
Apache rules do: a request for a resource's folder gets the file that its ``Accept``
and ``Accept-Language`` headers choose (:mod:`.negotiation`), or 406 Not Acceptable.
Loopback only.
"""

from __future__ import annotations

import os
import posixpath
from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .negotiation import VARIANTS, negotiate, offered_types

MEDIA_TYPES = {
    ".ttl": "text/turtle; charset=utf-8",
    ".nt": "application/n-triples; charset=utf-8",
    ".jsonld": "application/ld+json; charset=utf-8",
    ".rq": "application/sparql-query; charset=utf-8",
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".xml": "application/xml; charset=utf-8",
}
VARY = "Accept, Accept-Language"
_LANGUAGE_OF = {v.file: v.language for v in VARIANTS}


class LinkedDataHandler(SimpleHTTPRequestHandler):
    extensions_map = {  # noqa: RUF012 (overrides the base class's own mutable attribute)
        **SimpleHTTPRequestHandler.extensions_map,
        **MEDIA_TYPES,
    }

    def send_head(self):  # type: ignore[no-untyped-def]
        """Serve the negotiated file of a resource folder, or fall back to static files."""
        folder = Path(self.translate_path(self.path))
        if folder.name == "void" and folder.parent.name == ".well-known" and folder.is_file():
            return self._send_file(folder, "text/turtle; charset=utf-8")
        if not folder.is_dir():
            return super().send_head()
        files = {entry.name for entry in os.scandir(folder)}
        if files.isdisjoint(_LANGUAGE_OF):
            return super().send_head()
        chosen = negotiate(self.headers.get("Accept"), self.headers.get("Accept-Language"), files)
        if chosen is None:
            return self._not_acceptable(offered_types(files))
        if chosen.endswith(".html") and not urlsplit(self.path).path.endswith("/"):
            return super().send_head()  # the redirect to the folder, for relative links
        return self._send_file(folder / chosen, MEDIA_TYPES[Path(chosen).suffix])

    def _send_file(self, path: Path, media_type: str):  # type: ignore[no-untyped-def]
        handle = path.open("rb")
        size = path.stat().st_size
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", media_type)
        self.send_header("Content-Length", str(size))
        if language := _LANGUAGE_OF.get(path.name):
            self.send_header("Content-Language", language)
        if path.name.startswith("index."):
            location = posixpath.join(unquote(urlsplit(self.path).path), path.name)
            self.send_header("Content-Location", location)
        self.end_headers()
        return handle

    def _not_acceptable(self, offered: list[str]) -> None:
        body = "Not Acceptable. This resource is available as: " + ", ".join(offered) + "\n"
        encoded = body.encode("utf-8")
        self.send_response(HTTPStatus.NOT_ACCEPTABLE)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(encoded)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(encoded)
        return None

    def end_headers(self) -> None:
        if not any(
            line.lower().startswith(b"vary:") for line in getattr(self, "_headers_buffer", [])
        ):
            self.send_header("Vary", VARY)
        # the data is open, and a JSON-LD processor in a browser fetches context.jsonld
        # from other sites
        self.send_header("Access-Control-Allow-Origin", "*")
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


def make_server(directory: Path, port: int) -> ThreadingHTTPServer:
    handler = partial(LinkedDataHandler, directory=str(directory))
    return ThreadingHTTPServer(("127.0.0.1", port), handler)
