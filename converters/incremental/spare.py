"""The spare: the output a build replaced, kept beside the new one to be brought up
to date in place by the next build (the double buffering of graphics), so that a
rebuild neither creates nor deletes the tens of thousands of folders of a site."""

from __future__ import annotations

from pathlib import Path

from ..publish.output import set_aside, spare_folder
from ..workers import Background, WorkerError, in_background
from .cache import BuildCache, OutputRecord


def start_cleaning_spare(out: Path, cache: BuildCache) -> Background[frozenset[str]] | None:
    """Start tidying the spare folder (:meth:`~converters.incremental.cache.OutputRecord.tidy`)
    in a forked process beside the build's first steps, since it scans and checks the
    whole output. What it removes is what the spare's record
    does not hold, so the spare needs no more care if the build stops."""
    spare = spare_folder(out)
    record = cache.load_record("spare") if spare.is_dir() else None
    if record is None:
        return None
    # the record is read here, not in the forked process: :func:`take_spare` forgets
    # it, and could do so before the forked process read it
    return in_background(lambda: record.tidy(spare))


def take_spare(
    out: Path,
    cache: BuildCache,
    cleaning: Background[frozenset[str]] | None,
) -> tuple[Path | None, OutputRecord, frozenset[str] | None]:
    """The spare folder to build into, what it holds and which of its files changed
    since; or (None, empty, None) for a fresh folder. The spare's record is deleted
    before the spare is changed: if this build is killed, the next finds a spare it
    knows nothing of, and removes it."""
    spare = spare_folder(out)
    record = cache.load_record("spare")
    cache.forget("spare")
    altered = None
    try:
        if cleaning is not None:
            altered = cleaning.wait()
        elif record is not None and spare.is_dir():
            altered = record.tidy(spare)
    except (OSError, WorkerError):
        record = None
    if record is None or altered is None or not spare.is_dir():
        set_aside(spare, out)
        return None, OutputRecord(), None
    return spare, record, altered
