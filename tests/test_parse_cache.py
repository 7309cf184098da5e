"""The parse cache: a source is known by its name and the digest of its bytes (or the
digest its stamp vouches for, without reading it); a known source is not parsed again,
an unknown or unreadable one is, and the sources come back in the order asked."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from converters.digests import digest
from converters.incremental.cache import RACY_NS, SourceStamps
from converters.incremental.parse_cache import parse_incrementally, source_keys
from converters.parse import ParseError
from converters.sources import Parsed, SourceKey

from .conftest import MADE_UP, SEED


def copied(folder: Path) -> list[Path]:
    sources = [SEED, *sorted(MADE_UP.glob("*.txt"))[:2]]
    for source in sources:
        shutil.copy(source, folder / source.name)
    return [folder / source.name for source in sources]


def backdated(paths: list[Path]) -> None:
    """Modified long enough before any stamp taken now for the stamp to be trusted."""
    for path in paths:
        then = path.stat().st_mtime_ns - 10 * RACY_NS
        os.utime(path, ns=(then, then))


def test_a_source_is_known_by_its_name_and_the_digest_of_its_bytes(tmp_path: Path) -> None:
    paths = copied(tmp_path)
    keys, stamps = source_keys(paths)
    assert [key[1] if key else None for key in keys] == [digest(p.read_bytes()) for p in paths]
    assert len({key[0] for key in keys if key}) == 3
    assert set(stamps.stamps) == {key[0] for key in keys if key}


def test_an_unreadable_source_has_no_key_and_no_stamp(tmp_path: Path) -> None:
    missing = tmp_path / "gone.txt"
    keys, stamps = source_keys([missing])
    assert keys == [None] and stamps.stamps == {}


def test_a_trusted_stamp_spares_reading_the_source(tmp_path: Path) -> None:
    """Bytes changed behind a size and time set back as they were are not seen: the
    price of not reading (``--no-cache`` reads everything)."""
    paths = copied(tmp_path)
    backdated(paths)
    keys, stamps = source_keys(paths)
    status = paths[0].stat()
    paths[0].write_bytes(paths[0].read_bytes().replace(b"Pensions", b"Pensionz"))
    os.utime(paths[0], ns=(status.st_atime_ns, status.st_mtime_ns))
    again, _ = source_keys(paths, stamps)
    assert again == keys
    assert source_keys(paths, SourceStamps())[0][0] != keys[0]  # no stamps: read


def test_known_sources_come_from_the_cache_and_the_others_are_parsed(tmp_path: Path) -> None:
    paths = copied(tmp_path)
    keys, _ = source_keys(paths)
    remembered: Parsed = ParseError("remembered", 1, "a result kept from an earlier build")
    known: dict[SourceKey, Parsed] = {keys[1]: remembered}  # type: ignore[dict-item]
    read = list(parse_incrementally(paths, keys, 1, known))
    assert [source.key for source in read] == keys
    assert read[1].parsed is remembered and read[1].status is None  # not read again
    for fresh in (read[0], read[2]):
        assert fresh.status is not None
        assert not isinstance(fresh.parsed, ParseError)


def test_a_source_that_cannot_be_read_is_never_taken_from_the_cache(tmp_path: Path) -> None:
    gone = tmp_path / "gone.txt"
    remembered: Parsed = ParseError("remembered", 1, "kept")
    (read,) = parse_incrementally([gone], [None], 1, {("gone.txt", "x"): remembered})
    assert read.key is None
    assert isinstance(read.parsed, ParseError) and read.parsed is not remembered
