"""The incremental layer's write policy: a file of the previous output is kept while
it is the one written from the same inputs; groups whole or not at all; what the new
output does not have is removed."""

from __future__ import annotations

import os
from pathlib import Path

from converters.digests import EVERYTHING
from converters.incremental.cache import OutputRecord
from converters.incremental.reuse import OutputReuse


def test_the_record_notes_the_digest_of_every_key_its_pages_read(tmp_path: Path) -> None:
    reuse = OutputReuse(tmp_path, OutputRecord())
    reuse.page_made("a/", ["s a", "i a p"])
    reuse.page_made("b/", ["s a", EVERYTHING])
    reuse.pages_done({"s a": 1, "i a p": 3}.__getitem__)
    assert reuse.current.digests == {"s a": 1, "i a p": 3}


def test_reuse_keeps_a_file_only_while_it_is_the_one_written(tmp_path: Path) -> None:
    spare = tmp_path / "spare"
    (spare / "a").mkdir(parents=True)
    written = spare / "a" / "index.html"
    written.write_text("page")
    status = written.stat()
    record = OutputRecord({"a/index.html": ("x", status.st_size, status.st_mtime_ns)})

    assert not OutputReuse(spare, record).keep(["a/index.html"], "y")
    assert OutputReuse(spare, record).keep(["a/index.html"], "x")
    os.utime(written, ns=(status.st_atime_ns, status.st_mtime_ns + 1))
    assert not OutputReuse(spare, record).keep(["a/index.html"], "x")


def test_reuse_keeps_a_group_of_outputs_whole_or_not_at_all(tmp_path: Path) -> None:
    spare = tmp_path / "spare"
    spare.mkdir()
    entries = {}
    for name in ("a.html", "b.html"):
        (spare / name).write_text(name)
        status = (spare / name).stat()
        entries[name] = ("x", status.st_size, status.st_mtime_ns)
    record = OutputRecord(entries)

    partly_changed = OutputReuse(spare, record)
    assert not partly_changed.keep_each([(["a.html"], "x"), (["b.html"], "y")])
    assert partly_changed.current.files == {}
    assert partly_changed.reused == 0
    unchanged = OutputReuse(spare, record)
    assert unchanged.keep_each([(["a.html"], "x"), (["b.html"], "x")])
    assert unchanged.current.files == entries
    assert unchanged.reused == 2


def test_reuse_links_from_the_published_output_when_there_is_no_spare(tmp_path: Path) -> None:
    published, staging = tmp_path / "published", tmp_path / "staging"
    (published / "a").mkdir(parents=True)
    staging.mkdir()
    written = published / "a" / "index.html"
    written.write_text("page")
    status = written.stat()
    record = OutputRecord({"a/index.html": ("x", status.st_size, status.st_mtime_ns)})

    assert OutputReuse(staging, record, published).keep(["a/index.html"], "x")
    assert (staging / "a" / "index.html").samefile(written)


def test_reuse_removes_what_the_new_output_does_not_have(tmp_path: Path) -> None:
    spare = tmp_path / "spare"
    (spare / "gone" / "deep").mkdir(parents=True)
    (spare / "gone" / "deep" / "index.html").write_text("old page")
    (spare / "stays").mkdir()
    (spare / "stays" / "index.html").write_text("page")
    record = OutputRecord(
        {
            "gone/deep/index.html": ("x", 8, 0),
            "stays/index.html": ("", 4, 0),
        }
    )
    reuse = OutputReuse(spare, record)
    reuse.made(["stays/index.html"], None)

    assert reuse.remove_leftovers() == 1
    assert sorted(str(p.relative_to(spare)) for p in spare.rglob("*")) == [
        "stays",
        "stays/index.html",
    ]


def test_the_keys_that_changed_are_those_read_differently_now_and_the_whole_graph(
    tmp_path: Path,
) -> None:
    then = {"s a": 1, "s b": 2, "i a p": 3}
    now = {"s a": 1, "s b": 20, "i a p": 3}
    reuse = OutputReuse(tmp_path, OutputRecord(digests=then))
    reuse.compare_pages(lambda digests: [k for k, v in digests.items() if now[k] != v])
    changed = reuse.changed
    assert changed == {"s b", EVERYTHING}
    assert changed.isdisjoint(("s a", "i a p"))  # a page that read these is kept
    assert not changed.isdisjoint(("s a", EVERYTHING))  # one that read everything is not
