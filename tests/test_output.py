"""The output folder: written beside the published one and swapped in whole, or not
at all; kept as the next build's spare when asked; and locked against a second build."""

from __future__ import annotations

from pathlib import Path

import pytest

from converters.errors import BuildError
from converters.publish.output import (
    build_lock,
    exchange_paths,
    remove_set_aside,
    spare_folder,
    staged_output,
)


def published(tmp_path: Path, text: str = "old") -> Path:
    out = tmp_path / "out"
    out.mkdir()
    (out / "index.html").write_text(text)
    return out


def test_a_completed_build_replaces_the_output_whole(tmp_path: Path) -> None:
    out = published(tmp_path)
    with staged_output(out) as staging:
        assert staging != out and staging.parent == out.parent
        (staging / "index.html").write_text("new")
        assert (out / "index.html").read_text() == "old"  # unseen until the swap
    assert (out / "index.html").read_text() == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_a_failed_build_leaves_the_output_and_no_staging_behind(tmp_path: Path) -> None:
    out = published(tmp_path)
    with pytest.raises(RuntimeError), staged_output(out) as staging:
        (staging / "index.html").write_text("half")
        raise RuntimeError("the build failed")
    assert (out / "index.html").read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_the_replaced_output_is_kept_as_the_spare_when_asked(tmp_path: Path) -> None:
    out = published(tmp_path)
    with staged_output(out, keep_previous=True) as staging:
        (staging / "index.html").write_text("new")
    assert (spare_folder(out) / "index.html").read_text() == "old"
    with staged_output(out, spare=spare_folder(out), keep_previous=True) as staging:
        assert staging == spare_folder(out)  # updated in place
        (staging / "index.html").write_text("newer")
    assert (out / "index.html").read_text() == "newer"
    assert (spare_folder(out) / "index.html").read_text() == "new"


def test_a_first_build_creates_the_output(tmp_path: Path) -> None:
    out = tmp_path / "out"
    with staged_output(out) as staging:
        (staging / "index.html").write_text("first")
    assert (out / "index.html").read_text() == "first"


def test_a_build_left_behind_by_a_killed_one_is_removed(tmp_path: Path) -> None:
    out = published(tmp_path)
    stale = tmp_path / ".out.building-killed"
    stale.mkdir()
    (stale / "half.html").write_text("half")
    with staged_output(out) as staging:
        (staging / "index.html").write_text("new")
    remove_set_aside(out)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_two_builds_never_write_the_same_output(tmp_path: Path) -> None:
    out = tmp_path / "out"
    refused = pytest.raises(BuildError, match="another build is writing")
    with build_lock(out), refused, build_lock(out):
        pass
    with build_lock(out):  # released
        pass


def test_two_folders_are_exchanged_in_one_step(tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir()
    second.mkdir()
    (first / "f").write_text("a")
    (second / "f").write_text("b")
    assert exchange_paths(first, second)  # Linux, as CI
    assert (first / "f").read_text() == "b" and (second / "f").read_text() == "a"
