"""Each minted resource's own description, at its IRI's path: ``index.ttl``,
``index.nt`` and ``index.jsonld`` (the pages, ``index.html`` and its translations,
sit beside them)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

from pyoxigraph import Triple

from ..iris import Minter
from .dumps import DUMP_EXTENSIONS, Syntax
from .files import new_file, safe_folder

RESOURCE_FILE = "index"


def resource_descriptions(
    described: Mapping[str, Sequence[Triple]], minter: Minter
) -> Iterator[tuple[str, Sequence[Triple]]]:
    """``(path below the base, triples about it)`` for each resource minted under the
    base, from each subject's triples (as :attr:`GraphView.triples` holds them: the
    page view has grouped them already)."""
    for iri, triples in described.items():
        path = minter.relative_path(iri)
        if path:
            yield path, triples


def resource_files(path: str) -> list[str]:
    """The files describing the resource at ``path``, relative to the output folder:
    Turtle, N-Triples and JSON-LD, as the dumps, each a variant of the resource's IRI
    (:mod:`converters.site.negotiation`)."""
    return [f"{path}/{RESOURCE_FILE}.{extension}" for extension in DUMP_EXTENSIONS]


def write_resource(
    path: str, triples: Sequence[Triple], directory: Path, syntaxes: Sequence[tuple[str, Syntax]]
) -> None:
    """``{path}/index.ttl``, ``index.nt`` and ``index.jsonld`` below ``directory``.

    Each is serialized in memory and written at once: pyoxigraph opening and writing
    a small file itself is several times slower (bench/RESULTS.md)."""
    folder = safe_folder(directory, path)
    folder.mkdir(parents=True, exist_ok=True)
    for extension, syntax in syntaxes:
        new_file(folder / f"{RESOURCE_FILE}.{extension}").write_bytes(syntax.document(triples))
