"""The whole graph as dumps (Turtle, N-Triples, JSON-LD), and the validation report."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import BinaryIO, Protocol

from pyoxigraph import Literal, NamedNode, RdfFormat, Triple, serialize

from ..vocabulary import PREFIXES
from .files import new_file
from .jsonld import CONTEXT_FILE, Compactor

DUMP_NAME = "dataset"
DUMP_EXTENSIONS = ("ttl", "nt", "jsonld")
DUMP_FILES = tuple(f"{DUMP_NAME}.{extension}" for extension in DUMP_EXTENSIONS)
VALIDATION_REPORT = "validation.ttl"
REPORT_PREFIXES = {"sh": "http://www.w3.org/ns/shacl#", **PREFIXES}


class Syntax(Protocol):
    """How a format writes a graph sorted by subject: a frame (``head``, ``tail``)
    around one block per subject, separated by ``separator``, each ending with
    ``block_end``. The incremental layer patches dumps by that layout
    (:mod:`converters.incremental.dump_patch`)."""

    name: str
    """The format's name, as people know it."""

    @property
    def head(self) -> bytes: ...

    separator: bytes
    tail: bytes
    block_end: bytes

    def block(self, triples: Sequence[Triple]) -> bytes:
        """One subject's triples as the dump lays them out."""
        ...

    def document(self, triples: Sequence[Triple]) -> bytes:
        """A small document of ``triples`` (a resource's description)."""
        ...

    def write(self, triples: Sequence[Triple], out: BinaryIO) -> None:
        """The dump of ``triples``."""
        ...


_PROBE = Triple(NamedNode("urn:senate-ld:probe"), NamedNode("urn:senate-ld:p"), Literal("o"))


class PyoxigraphSyntax:
    """Turtle or N-Triples as pyoxigraph writes them: a Turtle dump is the prefixes,
    then a statement a subject, each ending a line; N-Triples has no frame."""

    separator = b""
    tail = b""
    block_end = b"\n"

    def __init__(self, rdf_format: RdfFormat) -> None:
        if rdf_format not in (RdfFormat.TURTLE, RdfFormat.N_TRIPLES):
            raise ValueError(f"no dump layout is known for {rdf_format}")
        self.rdf_format = rdf_format
        self.name = str(rdf_format)
        probe = self.document([_PROBE])  # one triple is one line after the prefixes
        self.head = probe[: probe.rindex(b"\n", 0, -1) + 1] if b"\n" in probe[:-1] else b""

    def block(self, triples: Sequence[Triple]) -> bytes:
        return self.document(triples)[len(self.head) :]

    def document(self, triples: Sequence[Triple]) -> bytes:
        return serialize(triples, None, self.rdf_format, prefixes=PREFIXES) or b""

    def write(self, triples: Sequence[Triple], out: BinaryIO) -> None:
        serialize(triples, out, self.rdf_format, prefixes=PREFIXES)  # buffered: faster


def dump_syntaxes(base: str) -> tuple[tuple[str, Syntax], ...]:
    """Each dump's extension and syntax: Turtle, N-Triples, and JSON-LD compacted with
    the context the site publishes at ``{base}context.jsonld``."""
    return (
        ("ttl", PyoxigraphSyntax(RdfFormat.TURTLE)),
        ("nt", PyoxigraphSyntax(RdfFormat.N_TRIPLES)),
        ("jsonld", Compactor(base + CONTEXT_FILE)),
    )


class DumpPatcher(Protocol):
    """Writes a dump by patching an earlier one rather than serializing the graph
    (the incremental layer's :class:`~converters.incremental.dumps.EarlierDumps`)."""

    @property
    def patches_all(self) -> bool:
        """Whether every dump can be patched (then writing them is quick)."""
        ...

    def write(self, name: str, syntax: Syntax, triples: Sequence[Triple], out: BinaryIO) -> bool:
        """Write the dump ``name`` of ``triples`` into ``out``; False if it cannot
        (nothing is written then)."""
        ...


def write_dumps(
    triples: Sequence[Triple], directory: Path, base: str, patcher: DumpPatcher | None = None
) -> list[Path]:
    """``dataset.ttl``, ``dataset.nt`` and ``dataset.jsonld``, in the order given;
    each patched by ``patcher`` where it can."""
    written = []
    for extension, syntax in dump_syntaxes(base):
        path = new_file(directory / f"{DUMP_NAME}.{extension}")
        with path.open("wb") as out:
            if patcher is None or not patcher.write(path.name, syntax, triples, out):
                syntax.write(triples, out)
        written.append(path)
    return written


def write_validation_report(
    triples: Sequence[Triple], directory: Path, name: str = VALIDATION_REPORT
) -> Path:
    """``validation.ttl``: the SHACL ``sh:ValidationReport`` of a validation."""
    path = new_file(directory / name)
    serialize(triples, str(path), RdfFormat.TURTLE, prefixes=REPORT_PREFIXES)
    return path
