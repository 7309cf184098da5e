"""The incremental layer's write policy: keep each file of the previous output whose
inputs read the same (see :class:`converters.publish.policy.WritePolicy`)."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path

from ..digests import EVERYTHING
from ..publish.policy import FileStatus, file_status
from ..site.writer import page_files
from .cache import OutputRecord, WrittenFile, is_status_of, made_from


class OutputReuse:
    """Decides, file by file, what of an earlier output the new one can keep.

    Without ``source``, ``staging`` holds that earlier output (``kept`` says what it
    holds) and is brought up to date in place: a file whose inputs are unchanged, and
    which is still the one that build wrote, stays; every other file is written again
    (writers unlink before writing, see :func:`converters.publish.files.new_file`); files
    the new output does not have are removed at the end. With ``source`` (the first
    rebuild, when there is no spare yet), ``staging`` starts empty and such files are
    hard-linked from ``source``. Records what the new output holds.

    ``altered``, if given, names the files of ``staging`` that are not as ``kept``
    says, as :meth:`OutputRecord.tidy` found them: the others are not looked at again
    (an ``lstat`` per file, which the tidying made beside the build's first steps).
    """

    def __init__(
        self,
        staging: Path,
        kept: OutputRecord,
        source: Path | None = None,
        altered: frozenset[str] | None = None,
    ) -> None:
        self.staging = staging
        self.kept = kept
        self.source = source
        self.altered = altered if source is None else None
        self.current = OutputRecord()
        self.reused = 0
        self.written = 0
        self.changed: frozenset[str] = frozenset({EVERYTHING})
        self._folders: set[Path] = set()
        self._by_top: dict[str, list[str]] | None = None

    records_files = True

    def previous_inputs(self, path: str) -> str | None:
        """What the file at ``path`` was made from, as the previous build recorded it."""
        entry = self.kept.files.get(path)
        return made_from(entry) if entry is not None else None

    def compare_pages(self, differing: Callable[[Mapping[str, int]], Iterable[str]]) -> None:
        """Note the dependency keys of the previous build that read differently now (as
        ``differing`` tells, given their digests then: see
        :meth:`~converters.site.graph_view.GraphView.differing`), and :data:`EVERYTHING`: a
        page that read none of them reads the same as then.

        Each key is digested once, rather than once for each page that read it (pages
        share most of their keys); a page is then checked with one set operation
        (:meth:`frozenset.isdisjoint`)."""
        self.changed = frozenset({EVERYTHING, *differing(self.kept.digests)})

    def kept_group(self, key: str) -> list[str] | None:
        """The page paths of a group kept whole from the previous build, or None."""
        previous = self.kept.groups.get(key)
        if previous is None or not self._kept_pages(previous):
            return None
        self.group(key, previous)
        return list(previous)

    def kept_page(self, path: str) -> bool:
        return self._kept_pages([path])

    def _kept_pages(self, paths: Sequence[str]) -> bool:
        """Keep the pages at ``paths`` from the previous build if none read a key that
        changed (:meth:`compare_pages`); keep none otherwise."""
        for path in paths:
            read = self.kept.dependencies.get(_page_key(path))
            if read is None or not self.changed.isdisjoint(read):
                return False
        outputs = [(files, self.previous_inputs(files[0])) for files in map(page_files, paths)]
        if not self.keep_each(outputs):
            return False
        for path in paths:
            key = _page_key(path)
            self.current.dependencies[key] = self.kept.dependencies[key]
        return True

    def page_made(self, path: str, reads: Iterable[str]) -> None:
        # interned, the keys that many pages share are pickled once
        self.current.dependencies[_page_key(path)] = tuple(sorted(map(sys.intern, reads)))

    def pages_done(self, digest_of: Callable[[str], int]) -> None:
        """Note the digest of every key the new output's pages read, for the next build."""
        keys = set().union(*self.current.dependencies.values())
        keys.discard(EVERYTHING)
        self.current.digests = {key: digest_of(key) for key in keys}

    def keep(self, paths: Sequence[str], inputs: str | None) -> bool:
        """Keep every one of ``paths`` if each is unchanged since it was made from
        ``inputs``; keep none (they are to be written) otherwise."""
        return self.keep_each([(paths, inputs)])

    def keep_folder(self, folder: str, inputs: str) -> bool:
        """Keep every file the previous build made below ``folder``, if each was made
        from ``inputs`` and is unchanged since."""
        prefix = folder.rstrip("/") + "/"
        paths = [
            path for path in self._paths_below(prefix.split("/", 1)[0]) if path.startswith(prefix)
        ]
        return bool(paths) and self.keep(paths, inputs)

    def _paths_below(self, top: str) -> list[str]:
        """The previous build's files in the top folder ``top``, listed once."""
        if self._by_top is None:
            self._by_top = {}
            for path in self.kept.files:
                self._by_top.setdefault(path.split("/", 1)[0], []).append(path)
        return self._by_top.get(top, [])

    def keep_each(self, outputs: Sequence[tuple[Sequence[str], str | None]]) -> bool:
        """:meth:`keep` for several outputs at once: all are kept or none is."""
        checked: list[tuple[Sequence[str], list[WrittenFile]]] = []
        for paths, inputs in outputs:
            entries = self._unchanged(paths, inputs)
            if entries is None:
                return False
            checked.append((paths, entries))
        for paths, entries in checked:
            if self.source is not None and not self._link(paths):
                return False
            for path, entry in zip(paths, entries, strict=True):
                self.current.files[path] = entry
            self.reused += len(paths)
        return True

    def _unchanged(self, paths: Sequence[str], inputs: str | None) -> list[WrittenFile] | None:
        if inputs is None:
            return None
        folder = str(self.source or self.staging) + os.sep
        altered = self.altered
        entries = []
        for path in paths:
            entry = self.kept.files.get(path)
            if entry is None or made_from(entry) != inputs:
                return None
            if altered is not None:
                if path in altered:
                    return None
                entries.append(entry)
                continue
            try:
                status = os.lstat(folder + path)
            except OSError:
                return None
            if not is_status_of(entry, status):
                return None
            entries.append(entry)
        return entries

    def _link(self, paths: Sequence[str]) -> bool:
        assert self.source is not None
        for path in paths:
            target = self.staging / path
            if target.parent not in self._folders:
                target.parent.mkdir(parents=True, exist_ok=True)
                self._folders.add(target.parent)
            try:
                os.link(self.source / path, target)
            except OSError:
                return False
        return True

    def made(
        self,
        paths: Sequence[str],
        inputs: str | None,
        statuses: Sequence[FileStatus] | None = None,
    ) -> None:
        """Record files just written (``inputs`` None: made every time, never kept), with
        their :func:`file_status` when the writer took it, else read here."""
        if statuses is None:
            folder = str(self.staging) + os.sep
            statuses = [file_status(folder + path) for path in paths]
        for path, (size, mtime_ns) in zip(paths, statuses, strict=True):
            self.written += 1
            self.current.files[path] = (inputs or "", size, mtime_ns)

    def group(self, key: str, paths: Sequence[str]) -> None:
        self.current.groups[key] = tuple(paths)

    def finish(self) -> None:
        self.remove_leftovers()

    def remove_leftovers(self) -> int:
        """Remove the files of the earlier output that the new one does not have, and
        the folders that leaves empty; returns how many files."""
        if self.source is not None:
            return 0  # a fresh folder: nothing of an earlier output in it
        gone = [path for path in self.kept.files if path not in self.current.files]
        folders: set[Path] = set()
        for path in gone:
            target = self.staging / path
            target.unlink(missing_ok=True)
            folders.update(target.parents)
        for folder in sorted(folders, key=lambda f: len(f.parts), reverse=True):
            if folder.is_relative_to(self.staging) and folder != self.staging:
                with contextlib.suppress(OSError):  # not empty: the new output lives there
                    folder.rmdir()
        return len(gone)


def _page_key(path: str) -> str:
    return "page " + path
