"""The parse cache: a source whose bytes were parsed before is not parsed again.

A source is known by its name and a digest of its bytes (reading and hashing a
document is far quicker than parsing it), or, when its stamp can be trusted, by the
digest its stamp vouches for, without reading it at all (see :class:`SourceStamps`).
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence
from pathlib import Path

from ..digests import digest
from ..sources import (
    Parsed,
    Progress,
    ReadSource,
    SourceKey,
    display_name,
    read_sources,
    working_folder,
)
from .cache import SourceStamps, Stamp, stamp_of


def source_keys(
    paths: Sequence[Path], stamps: SourceStamps | None = None
) -> tuple[list[SourceKey | None], SourceStamps]:
    """Each source's name and a digest of its bytes (None if it cannot be read), from
    its stamp when that can be trusted; and the sources' stamps for the next build."""
    seen = SourceStamps(taken_ns=time.time_ns())
    trusted = stamps or SourceStamps()
    here = working_folder()
    return [_source_key(path, trusted, seen.stamps, here) for path in paths], seen


def parse_incrementally(
    paths: Sequence[Path],
    keys: Sequence[SourceKey | None],
    jobs: int,
    known: dict[SourceKey, Parsed],
    progress: Progress | None = None,
) -> Iterator[ReadSource]:
    """Each source, in the order of ``paths``, as soon as it is there: the sources whose
    bytes were not parsed before are read and parsed, the others come from ``known``
    (with no stamp: they were not read).

    A known source is recognised by its :func:`source_keys`: its name and a digest of
    its bytes (reading and hashing a document is ~50 times faster than parsing it), or
    of the bytes its stamp vouches for. A key None (unreadable, or not read yet) is
    never known. The key of a fresh result has the digest of the bytes the parser read.
    """
    missing = [path for path, key in zip(paths, keys, strict=True) if key not in known]
    fresh = read_sources(missing, jobs, progress, done_before=len(paths) - len(missing))
    for key in keys:
        if key is not None and key in known:
            yield ReadSource(key, known[key], None)
        else:
            yield next(fresh)
    for _ in fresh:  # none left: this ends the worker pool
        pass
    if progress:
        progress("parse", len(paths), len(paths))


def _source_key(
    path: Path, stamps: SourceStamps, seen: dict[str, Stamp], here: str
) -> SourceKey | None:
    """The source's name and digest, from its stamp when that can be trusted; notes in
    ``seen`` the stamp it has now."""
    name = display_name(path, here)
    try:
        status = path.stat()
        found = stamps.digest_of(name, status) or digest(path.read_bytes())
    except OSError:
        return None
    seen[name] = stamp_of(status, found)
    return name, found
