"""The dumps: written whole, or patched from the earlier ones through the
:class:`~converters.publish.dumps.DumpPatcher` the incremental layer gives."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from converters.convert.corpus import convert_corpus
from converters.incremental.dumps import EarlierDumps
from converters.incremental.graph_patch import patch_conversion
from converters.iris import Minter
from converters.publish.dumps import write_dumps
from converters.records import QuestionRecord
from converters.synth.synthetic import synthetic_corpus

B = "http://localhost:8000/"


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
