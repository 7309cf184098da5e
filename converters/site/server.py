"""``senate-ld serve``: a local preview of the built site, with content negotiation.

A plain static server, as the site is meant for, plus what the generated Apache and
nginx rules do: a request for a resource folder with ``Accept: text/turtle`` or
``application/ld+json`` gets ``index.ttl`` or ``index.jsonld``. Loopback only.
"""

from __future__ import annotations

import posixpath
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

NEGOTIATED = (
    ("text/turtle", "index.ttl"),
    ("application/ld+json", "index.jsonld"),
)
MEDIA_TYPES = {
    ".ttl": "text/turtle; charset=utf-8",
    ".nt": "application/n-triples; charset=utf-8",
    ".jsonld": "application/ld+json; charset=utf-8",
    ".rq": "application/sparql-query; charset=utf-8",
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".xml": "application/xml; charset=utf-8",
}


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
        if folder.is_dir():
            accept = self.headers.get("Accept", "")
            for media_type, name in NEGOTIATED:
                if media_type in accept and (folder / name).is_file():
                    return self._send_file(folder / name, MEDIA_TYPES[Path(name).suffix])
        return super().send_head()

    def _send_file(self, path: Path, media_type: str):  # type: ignore[no-untyped-def]
        handle = path.open("rb")
        size = path.stat().st_size
        self.send_response(200)
        self.send_header("Content-Type", media_type)
        self.send_header("Content-Length", str(size))
        self.send_header("Vary", "Accept")
        location = (
            posixpath.join(unquote(urlsplit(self.path).path), path.name)
            if path.name.startswith("index.")
            else None
        )
        if location:
            self.send_header("Content-Location", location)
        self.end_headers()
        return handle

    def end_headers(self) -> None:
        if not any(
            line.lower().startswith(b"vary:") for line in getattr(self, "_headers_buffer", [])
        ):
            self.send_header("Vary", "Accept")
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


def make_server(directory: Path, port: int) -> ThreadingHTTPServer:
    handler = partial(LinkedDataHandler, directory=str(directory))
    return ThreadingHTTPServer(("127.0.0.1", port), handler)
