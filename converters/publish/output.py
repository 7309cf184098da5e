"""The output folder: written beside the published one and swapped in whole when
complete, so a failed or interrupted build never leaves a half-written site behind;
and a lock, so two builds never interleave."""

from __future__ import annotations

import ctypes
import fcntl
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..errors import BuildError


def spare_folder(out: Path) -> Path:
    """The output a build replaced, kept to be updated in place by the next one."""
    return out.parent / f".{out.name}.spare"


def set_aside(folder: Path, out: Path) -> None:
    """Move ``folder`` (an output no build can use) out of the way in one rename; the
    build removes it with :func:`remove_set_aside` once it ends, after its own output
    is in place if it succeeds.

    Removing it first would delay the build by the deletion and, on ext4 without a
    journal, slow every file it then creates: for some minutes the file system skips
    the inodes just freed, one lookup each (``recently_deleted``), which made a large
    build a third slower (bench/RESULTS.md). But
    when the disk has less room left than ``folder`` takes, a new output (about as
    large) would not fit beside it: then it is removed at once."""
    if not folder.is_dir():
        return
    if not _fits_again(folder, shutil.disk_usage(out.parent).free):
        shutil.rmtree(folder, ignore_errors=True)
        return
    aside = Path(tempfile.mkdtemp(prefix=f".{out.name}.removing-", dir=out.parent))
    folder.replace(aside / folder.name)


def _fits_again(folder: Path, free: int) -> bool:
    """Whether ``free`` bytes hold as much as the files below ``folder`` take on disk
    (it stops counting once they do not): a walk of the whole output, paid only by
    the builds that cannot use the spare."""
    used = 0
    pending = [folder]
    while pending:
        with os.scandir(pending.pop()) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    pending.append(Path(entry.path))
                else:
                    used += entry.stat(follow_symlinks=False).st_blocks * 512
                    if used > free:
                        return False
    return True


def remove_set_aside(out: Path) -> None:
    for folder in out.parent.glob(f".{out.name}.removing-*"):
        shutil.rmtree(folder, ignore_errors=True)


@contextmanager
def build_lock(out: Path) -> Iterator[None]:
    """Hold an exclusive lock beside ``out`` for the whole build."""
    out.parent.mkdir(parents=True, exist_ok=True)
    lock_path = out.parent / f".{out.name}.lock"
    with open(lock_path, "w") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BuildError(f"another build is writing {out} (lock {lock_path} is held)") from None
        yield


@contextmanager
def staged_output(
    out: Path, spare: Path | None = None, keep_previous: bool = False
) -> Iterator[Path]:
    """A folder beside ``out`` to write the new output in, swapped in for ``out`` if the
    block completes: ``spare`` (an earlier output, to update in place) or a fresh one.

    The swap is one atomic ``renameat2(RENAME_EXCHANGE)`` on Linux, so ``out`` is at
    every instant either the complete old output or the complete new one, even if the
    build is killed. Elsewhere two renames leave a moment with the old output moved
    aside (still complete, under ``.NAME.previous-*``). The replaced output is then
    kept as the spare (``keep_previous``) or removed.
    """
    for stale in out.parent.glob(f".{out.name}.building-*"):
        set_aside(stale, out)
    if spare is None:  # an earlier output no build will update: removed once this one ends
        set_aside(spare_folder(out), out)
    staging = spare or Path(tempfile.mkdtemp(prefix=f".{out.name}.building-", dir=out.parent))
    try:
        yield staging
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    staging.chmod(0o755)
    if not out.exists():
        staging.replace(out)
        return
    if exchange_paths(staging, out):
        previous = staging
    else:
        aside = Path(tempfile.mkdtemp(prefix=f".{out.name}.previous-", dir=out.parent))
        previous = aside / out.name
        out.replace(previous)
        staging.replace(out)
    kept = spare_folder(out)
    if keep_previous:
        if previous != kept:
            shutil.rmtree(kept, ignore_errors=True)
            previous.replace(kept)
    else:
        shutil.rmtree(previous, ignore_errors=True)
        shutil.rmtree(kept, ignore_errors=True)
    if previous.parent != out.parent:
        shutil.rmtree(previous.parent, ignore_errors=True)


def exchange_paths(first: Path, second: Path) -> bool:
    """Atomically swap two paths (Linux ``renameat2``); False where that is not available."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    result = renameat2(at_fdcwd, os.fsencode(first), at_fdcwd, os.fsencode(second), rename_exchange)
    return bool(result == 0)
