"""The clean build's write policy: every file written, nothing kept, nothing recorded;
the incremental layer's policy answers the same questions (``test_reuse.py``,
``test_layer.py``)."""

from __future__ import annotations

from pathlib import Path

from converters.incremental.cache import OutputRecord
from converters.incremental.reuse import OutputReuse
from converters.publish.policy import WriteEverything, WritePolicy, file_status


def test_a_clean_build_keeps_nothing() -> None:
    policy = WriteEverything()
    assert not policy.records_files
    assert not policy.keep(["index.html"], "inputs")
    assert not policy.keep_folder("search/index/fr/2012-2013", "inputs")
    assert policy.kept_group("question/5-1/") is None
    assert not policy.kept_page("question/5-1/")


def test_both_policies_answer_the_writers_questions() -> None:
    """The writers are given either; each has every method the protocol names."""
    methods = [name for name in vars(WritePolicy) if not name.startswith("_")]
    assert "keep_folder" in methods and "made" in methods
    for policy in (WriteEverything, OutputReuse):
        assert all(
            callable(getattr(policy, name, None)) for name in methods if name != "records_files"
        )


def test_a_folder_is_kept_only_whole_and_only_from_the_same_inputs(tmp_path: Path) -> None:
    folder = tmp_path / "search" / "index" / "fr" / "2012-2013"
    folder.mkdir(parents=True)
    entries = {}
    for name in ("pagefind.js", "fragment/a.pf_fragment"):
        path = folder / name
        path.parent.mkdir(exist_ok=True)
        path.write_text(name)
        size, mtime = file_status(path)
        entries[str(path.relative_to(tmp_path))] = ("digest", size, mtime)
    record = OutputRecord(entries)

    assert OutputReuse(tmp_path, record).keep_folder("search/index/fr/2012-2013", "digest")
    assert not OutputReuse(tmp_path, record).keep_folder("search/index/fr/2012-2013", "other")
    assert not OutputReuse(tmp_path, record).keep_folder("search/index/nl/2012-2013", "digest")
    (folder / "pagefind.js").write_text("changed by hand")
    assert not OutputReuse(tmp_path, record).keep_folder("search/index/fr/2012-2013", "digest")
