"""Writers: the whole graph as dumps, and each minted resource's own description.

Everything here writes into a folder it is given; :mod:`converters.build` gives it a
fresh temporary folder and swaps it in only when all is written.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import groupby
from pathlib import Path

from pyoxigraph import NamedNode, RdfFormat, Triple, parse, serialize

from .iris import Minter
from .vocabulary import PREFIXES

DUMP_NAME = "dataset"
DUMPS: tuple[tuple[str, RdfFormat], ...] = (
    ("ttl", RdfFormat.TURTLE),
    ("nt", RdfFormat.N_TRIPLES),
    ("jsonld", RdfFormat.JSON_LD),
)
RESOURCE_FILE = "index"
VALIDATION_REPORT = "validation.ttl"
REPORT_PREFIXES = {"sh": "http://www.w3.org/ns/shacl#", **PREFIXES}


def new_file(path: Path) -> Path:
    """``path``, with any file there unlinked rather than left to be overwritten: an
    incremental build writes into an earlier output whose files may be hard links
    shared with the published one (see :mod:`converters.incremental`)."""
    path.unlink(missing_ok=True)
    return path


class UnsafePathError(ValueError):
    """A resource path that would leave the output folder."""


def write_dumps(triples: Sequence[Triple], directory: Path) -> list[Path]:
    """``dataset.ttl``, ``dataset.nt`` and ``dataset.jsonld``, in the order given."""
    written = []
    for extension, rdf_format in DUMPS:
        path = new_file(directory / f"{DUMP_NAME}.{extension}")
        with path.open("wb") as out:  # through Python's buffer: 25 % faster than a path
            serialize(triples, out, rdf_format, prefixes=PREFIXES)
        written.append(path)
    return written


class RdfReadError(ValueError):
    """An RDF file that cannot be read or parsed."""


def read_rdf(paths: Sequence[Path]) -> list[Triple]:
    """The triples of RDF files, each parsed in the format its extension names."""
    triples: list[Triple] = []
    for path in paths:
        try:
            triples.extend(quad.triple for quad in parse(path=str(path)))
        except (OSError, SyntaxError, ValueError) as error:
            raise RdfReadError(f"{path}: {error}") from None
    return triples


def write_validation_report(
    triples: Sequence[Triple], directory: Path, name: str = VALIDATION_REPORT
) -> Path:
    """``validation.ttl``: the SHACL ``sh:ValidationReport`` of a validation."""
    path = new_file(directory / name)
    serialize(triples, str(path), RdfFormat.TURTLE, prefixes=REPORT_PREFIXES)
    return path


def resource_descriptions(
    triples: Sequence[Triple], minter: Minter
) -> Iterator[tuple[str, list[Triple]]]:
    """``(path below the base, triples about it)`` for each resource minted under the base.

    ``triples`` must be sorted so that each subject's triples are contiguous.
    """
    for subject, group in groupby(triples, key=lambda t: t.subject):
        if not isinstance(subject, NamedNode):
            continue
        path = minter.relative_path(subject.value)
        if path:
            yield path, list(group)


RESOURCE_FORMATS = tuple((e, f) for e, f in DUMPS if f is not RdfFormat.N_TRIPLES)


def resource_files(path: str) -> list[str]:
    """The files describing the resource at ``path``, relative to the output folder."""
    return [f"{path}/{RESOURCE_FILE}.{extension}" for extension, _ in RESOURCE_FORMATS]


def write_resource(path: str, triples: Sequence[Triple], directory: Path) -> None:
    """``{path}/index.ttl`` and ``{path}/index.jsonld`` below ``directory``.

    Each is serialized in memory and written at once: pyoxigraph writing a small file
    itself takes six times as long (0.24 against 0.04 ms), 8 s of CPU for the 40,000
    files of 10,000 questions."""
    folder = safe_folder(directory, path)
    folder.mkdir(parents=True, exist_ok=True)
    for extension, rdf_format in RESOURCE_FORMATS:
        data = serialize(triples, None, rdf_format, prefixes=PREFIXES)
        new_file(folder / f"{RESOURCE_FILE}.{extension}").write_bytes(data or b"")


def safe_folder(directory: Path, path: str) -> Path:
    """``directory / path``, refusing any path that could step outside ``directory``."""
    parts = path.split("/")
    if any(part in ("", ".", "..") or "\\" in part or "\x00" in part for part in parts):
        raise UnsafePathError(f"refusing to write outside the output folder: {path!r}")
    return directory.joinpath(*parts)
