"""Finding and reading the source documents: folders searched for ``*.txt`` through
links to files but not to folders, each document once, and every failure one error
naming the file and what was expected."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from converters.errors import BuildError
from converters.parse import ParseError
from converters.records import QuestionRecord
from converters.sources import (
    discover_sources,
    display_name,
    read_source,
    sample_corpus,
)

from .conftest import SEED


def test_folders_are_searched_below_and_sorted(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "deep").mkdir(parents=True)
    for name in ("b/2.txt", "a/deep/1.txt", "a/notes.md", "c.txt"):
        (tmp_path / name).write_text("x")
    found = discover_sources([tmp_path])
    assert [p.relative_to(tmp_path).as_posix() for p in found] == [
        "a/deep/1.txt",
        "b/2.txt",
        "c.txt",
    ]


def test_a_document_named_twice_is_read_once(tmp_path: Path) -> None:
    (tmp_path / "1.txt").write_text("x")
    assert discover_sources([tmp_path, tmp_path / "1.txt"]) == [tmp_path / "1.txt"]


def test_links_to_folders_are_not_followed(tmp_path: Path) -> None:
    """A link back up the tree would make the search endless."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "1.txt").write_text("x")
    (tmp_path / "docs" / "loop").symlink_to(tmp_path)
    assert discover_sources([tmp_path / "docs"]) == [tmp_path / "docs" / "1.txt"]


def test_a_missing_source_stops_the_build(tmp_path: Path) -> None:
    with pytest.raises(BuildError, match="no such file or folder"):
        discover_sources([tmp_path / "missing"])


def test_the_sample_is_bundled() -> None:
    assert len(discover_sources([sample_corpus()])) >= 9


def test_a_document_is_read_parsed_and_keyed_by_its_content() -> None:
    read = read_source(SEED)
    assert isinstance(read.parsed, QuestionRecord)
    assert read.key is not None and read.key[0] == display_name(SEED)
    assert read.status is not None and read.status.st_size == SEED.stat().st_size


def test_an_unreadable_file_is_one_error_naming_it(tmp_path: Path) -> None:
    missing = tmp_path / "gone.txt"
    read = read_source(missing)
    assert read.key is None and read.status is None
    assert isinstance(read.parsed, ParseError)
    assert "gone.txt" in str(read.parsed) and "readable file" in str(read.parsed)


def test_names_are_relative_to_the_working_folder_when_below_it(tmp_path: Path) -> None:
    here = str(tmp_path) + os.sep
    assert display_name(tmp_path / "docs" / "1.txt", here) == "docs/1.txt"
    assert display_name(Path("/elsewhere/1.txt"), here) == "/elsewhere/1.txt"
