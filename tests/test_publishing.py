"""Writers: dumps, per-resource files, and paths that cannot leave the output folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from pyoxigraph import Literal, NamedNode, Triple

from converters.iris import Minter
from converters.publishing import (
    UnsafePathError,
    resource_descriptions,
    safe_folder,
    write_resource,
)

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
