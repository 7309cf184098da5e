"""Writers: dumps, per-resource files, and paths that cannot leave the output folder."""

from __future__ import annotations

import errno
import os
from dataclasses import replace
from pathlib import Path

import pytest
from pyoxigraph import Literal, NamedNode, Triple

from converters.corpus import convert_corpus, patch_conversion
from converters.iris import Minter
from converters.publishing import (
    EarlierDumps,
    UnsafePathError,
    resource_descriptions,
    safe_folder,
    write_dumps,
    write_resource,
)
from converters.synthetic import synthetic_corpus

B = "http://localhost:8000/"
P = NamedNode("http://purl.org/dc/terms/title")


def test_resource_descriptions_group_by_subject_under_the_base() -> None:
    triples = [
        Triple(NamedNode(B + "a"), P, Literal("1")),
        Triple(NamedNode(B + "a"), P, Literal("2")),
        Triple(NamedNode("http://elsewhere/x"), P, Literal("3")),
        Triple(NamedNode(B + "b/c"), P, Literal("4")),
    ]
    grouped = [(path, len(group)) for path, group in resource_descriptions(triples, Minter(B))]
    assert grouped == [("a", 2), ("b/c", 1)]


@pytest.mark.parametrize(
    "path", ["../x", "a/../../x", "/etc", "", "a//b", "a/./b", "a\\b", "a\x00b"]
)
def test_paths_that_leave_the_folder_are_refused(tmp_path: Path, path: str) -> None:
    with pytest.raises(UnsafePathError):
        safe_folder(tmp_path, path)


def test_write_resource_writes_turtle_and_json_ld(tmp_path: Path) -> None:
    write_resource(
        "question/5-1", [Triple(NamedNode(B + "question/5-1"), P, Literal("t"))], tmp_path
    )
    assert sorted(p.name for p in (tmp_path / "question" / "5-1").iterdir()) == [
        "index.jsonld",
        "index.ttl",
    ]


def cannot_copy_across(*arguments: object) -> int:
    raise OSError(errno.EXDEV, "Invalid cross-device link")


@pytest.mark.parametrize("kernel_copy", ["copy_file_range", "cross-device", "none"])
def test_dumps_are_patched_from_the_earlier_ones_as_the_graph_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kernel_copy: str
) -> None:
    """The earlier dumps' unchanged bytes are copied by the kernel where it can."""
    if kernel_copy == "cross-device":
        monkeypatch.setattr(os, "copy_file_range", cannot_copy_across)
    elif kernel_copy == "none":
        monkeypatch.delattr(os, "copy_file_range", raising=False)
    records = [document.record for document in synthetic_corpus(12, seed=3)]
    before = convert_corpus(records, Minter(B))
    edited = [*records[:5], replace(records[5], answer=None), *records[6:11]]
    after = patch_conversion(before.triples, records, edited, Minter(B))
    assert after.patch is not None
    earlier = write_dumps(before.triples, mkdir(tmp_path / "earlier"))
    names = frozenset(path.name for path in earlier)
    fresh = write_dumps(after.triples, mkdir(tmp_path / "fresh"))

    patched = write_dumps(
        after.triples,
        mkdir(tmp_path / "patched"),
        EarlierDumps(tmp_path / "earlier", names, after.patch),
    )

    assert [p.read_bytes() for p in patched] == [p.read_bytes() for p in fresh]


def test_an_earlier_dump_that_is_missing_or_unknown_is_serialized_whole(tmp_path: Path) -> None:
    records = [document.record for document in synthetic_corpus(12, seed=3)]
    before = convert_corpus(records, Minter(B))
    after = patch_conversion(before.triples, records, records[:-1], Minter(B))
    assert after.patch is not None
    write_dumps(before.triples, mkdir(tmp_path / "earlier"))
    (tmp_path / "earlier" / "dataset.nt").unlink()
    (tmp_path / "earlier" / "dataset.ttl").write_bytes(b"")
    (tmp_path / "earlier" / "dataset.jsonld").write_bytes(b"[]")
    names = frozenset({"dataset.nt", "dataset.ttl"})  # the JSON-LD dump is not vouched for
    fresh = write_dumps(after.triples, mkdir(tmp_path / "fresh"))

    patched = write_dumps(
        after.triples,
        mkdir(tmp_path / "patched"),
        EarlierDumps(tmp_path / "earlier", names, after.patch),
    )

    assert [p.read_bytes() for p in patched] == [p.read_bytes() for p in fresh]


def mkdir(folder: Path) -> Path:
    folder.mkdir()
    return folder
