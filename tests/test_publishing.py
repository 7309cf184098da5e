"""Writers: dumps, per-resource files, and paths that cannot leave the output folder."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
import rdflib
from pyoxigraph import BlankNode, Literal, NamedNode, Triple

from converters.convert.corpus import convert_corpus
from converters.incremental.dumps import EarlierDumps
from converters.incremental.graph_patch import patch_conversion
from converters.iris import Minter
from converters.publish.dumps import dump_syntaxes, write_dumps
from converters.publish.files import UnsafePathError, read_rdf, safe_folder
from converters.publish.resources import resource_descriptions, write_resource
from converters.records import QuestionRecord
from converters.site.graph_view import GraphView
from converters.synth.synthetic import synthetic_corpus

B = "http://localhost:8000/"
P = NamedNode("http://purl.org/dc/terms/title")


def test_resource_descriptions_group_by_subject_under_the_base() -> None:
    triples = [
        Triple(NamedNode(B + "a"), P, Literal("1")),
        Triple(NamedNode(B + "a"), P, Literal("2")),
        Triple(NamedNode(B + "a"), P, BlankNode()),
        Triple(BlankNode(), P, NamedNode(B + "a")),
        Triple(NamedNode("http://elsewhere/x"), P, Literal("3")),
        Triple(NamedNode(B + "b/c"), P, Literal("4")),
    ]
    described = GraphView(triples, B).descriptions()
    grouped = [(path, len(group)) for path, group in resource_descriptions(described, Minter(B))]
    assert grouped == [("a", 3), ("b/c", 1)]


@pytest.mark.parametrize(
    "path", ["../x", "a/../../x", "/etc", "", "a//b", "a/./b", "a\\b", "a\x00b"]
)
def test_paths_that_leave_the_folder_are_refused(tmp_path: Path, path: str) -> None:
    with pytest.raises(UnsafePathError):
        safe_folder(tmp_path, path)


def test_write_resource_writes_turtle_n_triples_and_json_ld(tmp_path: Path) -> None:
    triples = [Triple(NamedNode(B + "question/5-1"), P, Literal("t"))]
    write_resource("question/5-1", triples, tmp_path, dump_syntaxes(B))
    folder = tmp_path / "question" / "5-1"
    assert sorted(p.name for p in folder.iterdir()) == ["index.jsonld", "index.nt", "index.ttl"]
    for name, rdf_format in [("index.ttl", "turtle"), ("index.nt", "nt")]:
        graph = rdflib.Graph().parse(folder / name, format=rdf_format)
        assert len(graph) == 1
    assert read_rdf([folder / "index.jsonld"]) == triples  # compacted: see test_jsonld.py


def cannot_copy_across(*arguments: object) -> int:
    raise OSError(errno.EXDEV, "Invalid cross-device link")


def dumps_after_an_edit(
    folder: Path,
    edit: Callable[[list[QuestionRecord]], list[QuestionRecord]],
    vouched: frozenset[str] | None = None,
    spoil: Callable[[Path], None] | None = None,
) -> tuple[list[bytes], list[bytes]]:
    """The dumps of an edited corpus, patched from the earlier dumps (those ``vouched``
    for, all by default; ``spoil`` changes them first) and serialized from scratch."""
    records = [document.record for document in synthetic_corpus(12, seed=3)]
    before = convert_corpus(records, Minter(B))
    after = patch_conversion(before, records, edit(records), Minter(B))
    assert after.patch is not None
    earlier = mkdir(folder / "earlier")
    names = frozenset(path.name for path in write_dumps(before.triples, earlier, B))
    if spoil is not None:
        spoil(earlier)
    patched = write_dumps(
        after.triples,
        mkdir(folder / "patched"),
        B,
        EarlierDumps(earlier, vouched or names, after.patch),
    )
    fresh = write_dumps(after.triples, mkdir(folder / "fresh"), B)
    return [p.read_bytes() for p in patched], [p.read_bytes() for p in fresh]


def mkdir(folder: Path) -> Path:
    folder.mkdir()
    return folder


@pytest.mark.parametrize("kernel_copy", ["copy_file_range", "cross-device", "none"])
def test_dumps_are_patched_from_the_earlier_ones_as_the_graph_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kernel_copy: str
) -> None:
    """The earlier dumps' unchanged bytes are copied by the kernel where it can."""
    if kernel_copy == "cross-device":
        monkeypatch.setattr(os, "copy_file_range", cannot_copy_across)
    elif kernel_copy == "none":
        monkeypatch.delattr(os, "copy_file_range", raising=False)

    patched, fresh = dumps_after_an_edit(
        tmp_path, lambda records: [*records[:5], replace(records[5], answer=None), *records[6:11]]
    )

    assert patched == fresh


def test_an_earlier_dump_that_is_missing_or_unknown_is_serialized_whole(tmp_path: Path) -> None:
    def spoil(earlier: Path) -> None:
        (earlier / "dataset.nt").unlink()
        (earlier / "dataset.ttl").write_bytes(b"")
        (earlier / "dataset.jsonld").write_bytes(b"[]")

    patched, fresh = dumps_after_an_edit(
        tmp_path,
        lambda records: records[:-1],
        vouched=frozenset({"dataset.nt", "dataset.ttl"}),  # not the JSON-LD dump
        spoil=spoil,
    )

    assert patched == fresh
