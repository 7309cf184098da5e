"""What the writers ask before writing a file: the should-write policy.

A clean build writes every file (:class:`WriteEverything`). The incremental layer
offers another policy (:class:`converters.incremental.reuse.OutputReuse`) that keeps
a file from the previous output when its inputs read the same; the writers do not
know which one they were given. A file's *inputs* are a digest of what it was made
from (see :mod:`converters.digests`); None means "made every time".
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Protocol

FileStatus = tuple[int, int]
"""A file's size and modification time (ns): what tells a kept file is untouched."""


def file_status(path: str | Path) -> FileStatus:
    """The :data:`FileStatus` of ``path`` (not following a link)."""
    status = os.lstat(path)
    return status.st_size, status.st_mtime_ns


class WritePolicy(Protocol):
    records_files: bool
    """Whether :meth:`made` wants the status of each file written (taken by the
    writer, in the worker process that wrote it)."""

    def keep(self, paths: Sequence[str], inputs: str | None) -> bool:
        """Whether the files at ``paths``, made from ``inputs``, can stay as they are
        (True: the policy put them in the output; False: write them)."""
        ...

    def keep_folder(self, folder: str, inputs: str) -> bool:
        """Whether the files the previous build made in ``folder`` from ``inputs`` can
        stay as they are, all of them (for outputs whose files a tool names, such as
        the search index's)."""
        ...

    def made(
        self, paths: Sequence[str], inputs: str | None, statuses: Sequence[FileStatus] | None
    ) -> None:
        """Files just written from ``inputs``."""
        ...

    def compare_pages(self, differing: Callable[[Mapping[str, int]], Iterable[str]]) -> None:
        """Before the pages: ``differing`` tells which of the previous build's
        dependency keys read differently now (:meth:`GraphView.differing`)."""
        ...

    def kept_group(self, key: str) -> list[str] | None:
        """The page paths of the group ``key``, if every page of it is kept as it was
        (the group is then not even planned); else None."""
        ...

    def kept_page(self, path: str) -> bool:
        """Whether the page at ``path`` is kept as it was."""
        ...

    def group(self, key: str, paths: Sequence[str]) -> None:
        """The pages planned together under ``key``."""
        ...

    def page_made(self, path: str, reads: Iterable[str]) -> None:
        """What the page at ``path`` read (its dependency keys)."""
        ...

    def pages_done(self, digest_of: Callable[[str], int]) -> None:
        """After the pages: ``digest_of`` gives each dependency key's digest."""
        ...

    def finish(self) -> None:
        """The output is complete: remove what the new output does not have."""
        ...


class WriteEverything:
    """The clean build's policy: write every file, keep nothing."""

    records_files = False

    def keep(self, paths: Sequence[str], inputs: str | None) -> bool:
        return False

    def keep_folder(self, folder: str, inputs: str) -> bool:
        return False

    def made(
        self, paths: Sequence[str], inputs: str | None, statuses: Sequence[FileStatus] | None
    ) -> None:
        pass

    def compare_pages(self, differing: Callable[[Mapping[str, int]], Iterable[str]]) -> None:
        pass

    def kept_group(self, key: str) -> list[str] | None:
        return None

    def kept_page(self, path: str) -> bool:
        return False

    def group(self, key: str, paths: Sequence[str]) -> None:
        pass

    def page_made(self, path: str, reads: Iterable[str]) -> None:
        pass

    def pages_done(self, digest_of: Callable[[str], int]) -> None:
        pass

    def finish(self) -> None:
        pass
