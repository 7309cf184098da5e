"""What the incremental layer keeps between builds: source stamps, the parse cache's
shards, the output record; read back only as written, for the same fingerprint."""

from __future__ import annotations

import os
import time
from pathlib import Path

from converters.incremental.cache import (
    SHARDS,
    BuildCache,
    OutputRecord,
    SourceStamps,
)


def test_a_stamp_vouches_for_a_file_modified_well_before_it_was_taken(tmp_path: Path) -> None:
    source = tmp_path / "6-1.txt"
    source.write_text("question")
    now = time.time_ns()
    os.utime(source, ns=(now - 10**10, now - 10**10))
    status = source.stat()
    stamps = SourceStamps({"6-1.txt": (status.st_size, status.st_mtime_ns, "d")}, taken_ns=now)
    assert stamps.digest_of("6-1.txt", status) == "d"
    assert stamps.digest_of("6-2.txt", status) is None

    source.write_text("question!")  # another size
    assert stamps.digest_of("6-1.txt", source.stat()) is None
    source.write_text("Question")  # the same size, another time
    assert stamps.digest_of("6-1.txt", source.stat()) is None


def test_a_stamp_taken_as_its_file_was_written_vouches_for_nothing(tmp_path: Path) -> None:
    """A file could change again in the same instant without its time moving."""
    source = tmp_path / "6-1.txt"
    source.write_text("question")
    status = source.stat()
    stamp = (status.st_size, status.st_mtime_ns, "d")
    assert (
        SourceStamps({"6-1.txt": stamp}, taken_ns=status.st_mtime_ns + 10**9).digest_of(
            "6-1.txt", status
        )
        is None
    )


def test_the_cache_reads_back_only_what_it_wrote_for_the_same_fingerprint(
    tmp_path: Path,
) -> None:
    cache = BuildCache(tmp_path / "cache", "one")
    cache.save("things", {"a": 1})
    assert cache.load("things") == {"a": 1}
    assert BuildCache(tmp_path / "cache", "two").load("things") is None
    assert BuildCache(tmp_path / "cache", "one", enabled=False).load("things") is None
    assert oct((tmp_path / "cache").stat().st_mode & 0o777) == oct(0o700)


def test_a_sharded_mapping_saves_only_the_shards_whose_keys_changed(tmp_path: Path) -> None:
    cache = BuildCache(tmp_path / "cache", "one")
    mapping = {(f"q{n}.txt", f"digest {n}"): n for n in range(200)}
    assert cache.save_sharded("parsed", mapping, {}) == SHARDS
    loaded = cache.load_sharded("parsed")
    assert loaded == mapping
    assert cache.holds_sharded("parsed")
    assert not BuildCache(tmp_path / "cache", "two").holds_sharded("parsed")

    assert cache.save_sharded("parsed", loaded, loaded) == 0
    edited = {**mapping, ("q7.txt", "digest 7'"): 7.5}
    del edited[("q7.txt", "digest 7")]
    assert cache.save_sharded("parsed", edited, loaded) == 1
    del edited[("q9.txt", "digest 9")]
    edited[("new.txt", "digest new")] = -1
    assert cache.save_sharded("parsed", edited, cache.load_sharded("parsed")) in (1, 2)
    assert cache.load_sharded("parsed") == edited


def test_a_damaged_shard_loses_its_own_entries_only(tmp_path: Path) -> None:
    cache = BuildCache(tmp_path / "cache", "one")
    mapping = {(f"q{n}.txt", "d"): n for n in range(200)}
    cache.save_sharded("parsed", mapping, {})
    (tmp_path / "cache" / "parsed-05.pickle").write_bytes(b"\x80\x05garbage")

    loaded = cache.load_sharded("parsed")

    lost = mapping.keys() - loaded.keys()
    assert 0 < len(lost) < 200
    assert all(loaded[key] == mapping[key] for key in loaded)
    assert cache.save_sharded("parsed", mapping, loaded) == 1


def test_an_output_record_reads_back_as_it_was_written(tmp_path: Path) -> None:
    record = OutputRecord(
        {"a/index.html": ("x", 4, 7), "a/index.ttl": ("", 9, 8)},
        {"page a/": ("s https://example.org/a", "*")},
        {"a/": ("a/", "a/2/")},
        {"s https://example.org/a": 1 << 90},
    )
    cache = BuildCache(tmp_path / "cache", "one")
    assert not cache.holds("outputs")
    cache.save("outputs", record)

    assert cache.holds("outputs")
    assert not BuildCache(tmp_path / "cache", "two").holds("outputs")
    loaded = cache.load_record("outputs")
    assert loaded == record
    assert loaded is not None
    assert loaded.files["a/index.html"] == ("x", 4, 7)


def test_a_cache_that_cannot_be_written_is_not_an_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    BuildCache(blocker / "cache", "one").save("things", {"a": 1})
