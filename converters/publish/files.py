"""Files in the output folder: creating them safely, and reading RDF files back."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from pyoxigraph import Quad, RdfFormat, Triple, parse

from .jsonld import CONTEXT_FILE, with_context_inlined


def new_file(path: Path) -> Path:
    """``path``, with any file there unlinked rather than left to be overwritten: an
    incremental build writes into an earlier output whose files may be hard links
    shared with the published one (see :mod:`converters.incremental.cache`)."""
    path.unlink(missing_ok=True)
    return path


class UnsafePathError(ValueError):
    """A resource path that would leave the output folder."""


def safe_folder(directory: Path, path: str) -> Path:
    """``directory / path``, refusing any path that could step outside ``directory``."""
    parts = path.split("/")
    if any(part in ("", ".", "..") or "\\" in part or "\x00" in part for part in parts):
        raise UnsafePathError(f"refusing to write outside the output folder: {path!r}")
    return directory.joinpath(*parts)


class RdfReadError(ValueError):
    """An RDF file that cannot be read or parsed."""


def read_rdf(paths: Sequence[Path]) -> list[Triple]:
    """The triples of RDF files, each parsed in the format its extension names."""
    triples: list[Triple] = []
    for path in paths:
        try:
            triples.extend(quad.triple for quad in parse_file(path))
        except (OSError, SyntaxError, ValueError) as error:
            raise RdfReadError(f"{path}: {error}") from None
    return triples


def parse_file(path: Path) -> Iterator[Quad]:
    """The quads of an RDF file, in the format its extension names. A JSON-LD file
    that refers to senate-ld's context by its URL is read with that context (the one
    beside it if there is one, else the one this version publishes): pyoxigraph does
    not fetch remote contexts."""
    if path.suffix != ".jsonld":
        return parse(path=str(path))
    beside = path.with_name(CONTEXT_FILE)
    context = beside.read_bytes() if beside.is_file() else None
    return parse(with_context_inlined(path.read_bytes(), context), RdfFormat.JSON_LD)
