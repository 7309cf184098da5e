"""The whole graph as dumps (Turtle, N-Triples, JSON-LD), and the validation report."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import BinaryIO, Protocol

from pyoxigraph import RdfFormat, Triple, serialize

from ..vocabulary import PREFIXES
from .files import new_file

DUMP_NAME = "dataset"
DUMPS: tuple[tuple[str, RdfFormat], ...] = (
    ("ttl", RdfFormat.TURTLE),
    ("nt", RdfFormat.N_TRIPLES),
    ("jsonld", RdfFormat.JSON_LD),
)
DUMP_FILES = tuple(f"{DUMP_NAME}.{extension}" for extension, _ in DUMPS)
VALIDATION_REPORT = "validation.ttl"
REPORT_PREFIXES = {"sh": "http://www.w3.org/ns/shacl#", **PREFIXES}


class DumpPatcher(Protocol):
    """Writes a dump by patching an earlier one rather than serializing the graph
    (the incremental layer's :class:`~converters.incremental.dumps.EarlierDumps`)."""

    @property
    def patches_all(self) -> bool:
        """Whether every dump can be patched (then writing them is quick)."""
        ...

    def write(
        self, name: str, rdf_format: RdfFormat, triples: Sequence[Triple], out: BinaryIO
    ) -> bool:
        """Write the dump ``name`` of ``triples`` into ``out``; False if it cannot
        (nothing is written then)."""
        ...


def write_dumps(
    triples: Sequence[Triple], directory: Path, patcher: DumpPatcher | None = None
) -> list[Path]:
    """``dataset.ttl``, ``dataset.nt`` and ``dataset.jsonld``, in the order given;
    each patched by ``patcher`` where it can."""
    written = []
    for extension, rdf_format in DUMPS:
        path = new_file(directory / f"{DUMP_NAME}.{extension}")
        with path.open("wb") as out:
            if patcher is None or not patcher.write(path.name, rdf_format, triples, out):
                serialize(triples, out, rdf_format, prefixes=PREFIXES)  # buffered: faster
        written.append(path)
    return written


def write_validation_report(
    triples: Sequence[Triple], directory: Path, name: str = VALIDATION_REPORT
) -> Path:
    """``validation.ttl``: the SHACL ``sh:ValidationReport`` of a validation."""
    path = new_file(directory / name)
    serialize(triples, str(path), RdfFormat.TURTLE, prefixes=REPORT_PREFIXES)
    return path
