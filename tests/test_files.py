"""Files in the output folder: paths that cannot leave it, files unlinked rather than
overwritten, and RDF files read back with one clear error."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from converters.publish.files import RdfReadError, UnsafePathError, new_file, read_rdf, safe_folder


@pytest.mark.parametrize(
    "path", ["../x", "a/../../x", "/etc", "", "a//b", "a/./b", "a\\b", "a\x00b"]
)
def test_paths_that_leave_the_folder_are_refused(tmp_path: Path, path: str) -> None:
    with pytest.raises(UnsafePathError):
        safe_folder(tmp_path, path)


def test_a_new_file_never_writes_through_a_hard_link(tmp_path: Path) -> None:
    """A rebuild's output shares files with the published one by hard links."""
    published = tmp_path / "published.html"
    published.write_text("old")
    os.link(published, tmp_path / "staged.html")
    new_file(tmp_path / "staged.html").write_text("new")
    assert published.read_text() == "old"


@pytest.mark.parametrize(
    ("name", "content"),
    [("bad.ttl", "<a> <b> ."), ("bad.nt", "not n-triples"), ("bad.jsonld", "{")],
)
def test_an_rdf_file_that_cannot_be_read_names_itself(
    tmp_path: Path, name: str, content: str
) -> None:
    path = tmp_path / name
    path.write_text(content)
    with pytest.raises(RdfReadError, match=re.escape(name)):
        read_rdf([path])


def test_a_missing_file_names_itself(tmp_path: Path) -> None:
    with pytest.raises(RdfReadError, match=re.escape("missing.ttl")):
        read_rdf([tmp_path / "missing.ttl"])
