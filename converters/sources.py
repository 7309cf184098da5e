"""The sources: finding the documents to build, and reading and parsing them (in
worker processes when there are many). The parser itself is pure
(:mod:`converters.parse`); the file I/O is here."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from importlib.resources import files
from pathlib import Path
from typing import NamedTuple

from .digests import digest
from .errors import BuildError
from .parse import ParseError, parse_document
from .records import QuestionRecord
from .workers import die_with_parent

SOURCE_SUFFIXES = (".txt",)
PARALLEL_THRESHOLD = 200
"""Below this many documents, starting worker processes costs more than it saves."""

Progress = Callable[[str, int, int], None]
"""``progress(stage, done, total)``, called as work advances."""


def sample_corpus() -> Path:
    """The bundled sample documents, built when no source is named."""
    return Path(str(files("converters") / "sample"))


def discover_sources(paths: Sequence[Path]) -> list[Path]:
    """Source files named or found (recursively, ``*.txt``) in folders, sorted per argument."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(_sources_below(path)))
        elif path.is_file():
            found.append(path)
        else:
            raise BuildError(f"no such file or folder: {path}")
    return list(dict.fromkeys(found))


def _sources_below(folder: Path) -> Iterator[Path]:
    """The source files below ``folder``, through links to files but not to folders.

    Each entry's kind comes with its name (``os.scandir``), where asking for it file
    by file would take a system call each."""
    pending = [folder]
    while pending:
        current = pending.pop()
        with os.scandir(current) as entries:
            for entry in entries:
                if entry.is_dir() and not entry.is_symlink():
                    pending.append(current / entry.name)
                elif entry.is_file() and (path := current / entry.name).suffix in SOURCE_SUFFIXES:
                    yield path


def display_name(path: Path, here: str | None = None) -> str:
    """How a source is named in errors and reports: relative to here when below it
    (``here``: :func:`working_folder`, when naming many).

    Paths are made absolute as strings, without resolving symbolic links: resolving
    costs a system call per path component, and pathlib's ``absolute`` and
    ``relative_to`` are slow for tens of thousands of paths."""
    here = here or working_folder()
    absolute = str(path) if path.is_absolute() else here + str(path)
    return absolute.removeprefix(here) if absolute.startswith(here) else str(path)


def working_folder() -> str:
    """The working folder, ending with a separator (asking for it is a system call)."""
    return str(Path.cwd()).rstrip(os.sep) + os.sep


Parsed = QuestionRecord | ParseError
SourceKey = tuple[str, str]
"""A source as the parse cache knows it: its name, and a digest of its bytes."""


class ReadSource(NamedTuple):
    """A source as the parser read it: its key (None: unreadable), its record or error,
    and its file's status, taken from the open file just before its bytes were read
    (what an incremental build needs to trust the digest next time without reading)."""

    key: SourceKey | None
    parsed: Parsed
    status: os.stat_result | None


def read_source(path: Path) -> ReadSource:
    name = display_name(path)
    try:
        with path.open("rb") as source:
            status = os.fstat(source.fileno())
            data = source.read()
    except OSError as error:
        return ReadSource(None, ParseError(name, 1, f"a readable file ({error.strerror})"), None)
    key = (name, digest(data))
    try:
        return ReadSource(key, parse_document(data, name), status)
    except ParseError as error:
        return ReadSource(key, error, status)


def parse_all(
    paths: Sequence[Path],
    jobs: int,
    progress: Progress | None = None,
    parallel_threshold: int = PARALLEL_THRESHOLD,
) -> list[Parsed]:
    """Parse in worker processes when it pays; results keep the order of ``paths``."""
    return [read.parsed for read in read_sources(paths, jobs, progress, parallel_threshold)]


def read_sources(
    paths: Sequence[Path],
    jobs: int,
    progress: Progress | None = None,
    parallel_threshold: int = PARALLEL_THRESHOLD,
    done_before: int = 0,
    total: int | None = None,
) -> Iterator[ReadSource]:
    """Each source as read and parsed, in the order of ``paths``, as soon as it is."""
    total = len(paths) if total is None else total
    if jobs <= 1 or len(paths) < parallel_threshold:
        for done, path in enumerate(paths, start=1):
            yield read_source(path)
            if progress:
                progress("parse", done_before + done, total)
        return
    chunk = max(1, min(256, len(paths) // (jobs * 8)))
    with ProcessPoolExecutor(
        max_workers=jobs, initializer=die_with_parent, initargs=(os.getpid(),)
    ) as pool:
        try:
            results = pool.map(read_source, paths, chunksize=chunk)
            for done, result in enumerate(results, start=1):
                yield result
                if progress:
                    progress("parse", done_before + done, total)
        finally:  # a build that fails while converting does not parse the rest first
            pool.shutdown(cancel_futures=True)
