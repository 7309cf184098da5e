"""The spare: the output a build replaced, taken by the next build to update in place
when its record says what it holds; tidied of what was added by hand; set aside when
nothing says what it holds (a build killed while changing it)."""

from __future__ import annotations

from pathlib import Path

from converters.incremental.cache import BuildCache, OutputRecord, stamp_of
from converters.incremental.spare import start_cleaning_spare, take_spare
from converters.publish.output import spare_folder


def spare_with_record(tmp_path: Path) -> tuple[Path, BuildCache, OutputRecord]:
    out = tmp_path / "output"
    spare = spare_folder(out)
    (spare / "question" / "5-1").mkdir(parents=True)
    files = {}
    for name in ("index.html", "question/5-1/index.html"):
        (spare / name).write_text(name, encoding="utf-8")
        files[name] = ("inputs", *stamp_of((spare / name).stat(), "")[:2])
    record = OutputRecord(files)
    cache = BuildCache(tmp_path / "cache", "fingerprint")
    cache.save("spare", record)
    return out, cache, record


def test_without_a_spare_a_build_starts_from_an_empty_folder(tmp_path: Path) -> None:
    out = tmp_path / "output"
    cache = BuildCache(tmp_path / "cache", "fingerprint")
    assert start_cleaning_spare(out, cache) is None
    assert take_spare(out, cache, None) == (None, OutputRecord(), None)


def test_a_spare_its_record_describes_is_taken_with_what_changed_in_it(tmp_path: Path) -> None:
    out, cache, record = spare_with_record(tmp_path)
    spare = spare_folder(out)
    (spare / "question" / "5-1" / "index.html").write_text("changed by hand", encoding="utf-8")
    (spare / "added-by-hand.html").write_text("not the build's", encoding="utf-8")
    (spare / "stray").mkdir()

    taken, taken_record, altered = take_spare(out, cache, start_cleaning_spare(out, cache))

    assert taken == spare and taken_record == record
    assert altered == frozenset({"question/5-1/index.html"})
    assert sorted(p.relative_to(spare).as_posix() for p in spare.rglob("*")) == [
        "index.html",
        "question",
        "question/5-1",
        "question/5-1/index.html",
    ]


def test_the_record_is_forgotten_before_the_spare_is_changed(tmp_path: Path) -> None:
    """A build killed while it updates the spare leaves a spare that nothing describes:
    the next build sets it aside instead of trusting it."""
    out, cache, _ = spare_with_record(tmp_path)
    take_spare(out, cache, None)
    assert not cache.holds("spare")
    assert take_spare(out, cache, None) == (None, OutputRecord(), None)
    assert not spare_folder(out).exists()
