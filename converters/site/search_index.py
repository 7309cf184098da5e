"""The search index: Pagefind's static, chunked index, one bundle a shard (a text
language and a legislature) under ``search/index/{shard}/``, which the search page's
script loads, one or all of a language's.

Pagefind (https://pagefind.app, the ``pagefind`` binary from PyPI) indexes HTML: each
document (:mod:`.search`) is written as a small page that carries only what is
searched and filtered, in a temporary folder that mirrors the site's paths, and the
binary indexes that folder. Its Python API sends one record at a time and waits a
tenth of a second between answers: hours for a corpus (bench/RESULTS.md).

A shard whose documents read the same as when the previous build indexed them is
kept as it was: the write policy decides (:meth:`WritePolicy.keep_folder`).
"""

from __future__ import annotations

import os
import subprocess
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache, partial
from pathlib import Path

from jinja2 import Environment, PackageLoader, Template, select_autoescape

from ..publish.files import new_file, safe_folder
from ..publish.policy import FileStatus, WritePolicy, file_status
from ..workers import Background, WorkerError, die_with_parent, in_background
from .search import SearchDocument, shard_digest

SEARCH_INDEX = "search/index"
"""Where the shards' bundles are, below the output folder."""


class SearchIndexError(RuntimeError):
    """Pagefind could not index a shard."""


def pagefind_executable() -> Path:
    """The Pagefind binary that the ``pagefind[bin]`` package installs."""
    from pagefind.service import get_executable

    executable = get_executable()
    if executable is None:
        raise SearchIndexError("the pagefind binary is missing: pip install 'pagefind[bin]'")
    return executable


@dataclass(frozen=True)
class IndexedShard:
    folder: str
    inputs: str
    files: list[str]
    statuses: list[FileStatus]


SEARCH_NICENESS = 19


class SearchIndex:
    """Indexes the shards the policy does not keep, in a forked process while the
    build renders the pages (the binary takes the other core); :meth:`finish` waits."""

    def __init__(
        self,
        shards: Mapping[str, list[SearchDocument]],
        directory: Path,
        policy: WritePolicy,
        jobs: int,
    ) -> None:
        self.policy = policy
        to_index = []
        for name, documents in sorted(shards.items()):
            folder, inputs = f"{SEARCH_INDEX}/{name}", shard_digest(documents)
            if not policy.keep_folder(folder, inputs):
                to_index.append((folder, inputs, documents))

        def index() -> list[IndexedShard]:
            return index_shards(to_index, directory, jobs)

        self.task = index
        self.running: Background[list[IndexedShard]] | None = (
            in_background(index, SEARCH_NICENESS) if to_index else None
        )

    def stop(self) -> None:
        """End the indexing if it still runs (the build failed: its output is dropped)."""
        if self.running is not None:
            self.running.stop()

    def finish(self) -> None:
        try:
            shards = self.running.wait() if self.running is not None else self.task()
        except WorkerError as error:
            raise SearchIndexError(str(error).removeprefix("SearchIndexError: ")) from None
        for shard in shards:
            self.policy.made(shard.files, shard.inputs, shard.statuses)


def index_shards(
    shards: Sequence[tuple[str, str, list[SearchDocument]]], directory: Path, jobs: int
) -> list[IndexedShard]:
    """Index each ``(folder, inputs, documents)`` into ``directory / folder``, with up
    to ``jobs`` Pagefind processes at once (the documents of the next shard are
    written while they run)."""
    indexed: list[IndexedShard] = []
    running: list[tuple[_Indexing, str, str]] = []

    def finish_one() -> None:
        indexing, folder, inputs = running.pop(0)
        paths = sorted(path for path in indexing.wait().rglob("*") if path.is_file())
        files = [path.relative_to(directory).as_posix() for path in paths]
        indexed.append(IndexedShard(folder, inputs, files, [file_status(p) for p in paths]))

    try:
        for folder, inputs, documents in shards:
            if len(running) >= max(1, jobs):
                finish_one()
            running.append((_Indexing(documents, safe_folder(directory, folder)), folder, inputs))
        while running:
            finish_one()
    finally:
        for indexing, _, _ in running:
            indexing.stop()
    return indexed


def index_documents(documents: Sequence[SearchDocument], output: Path) -> None:
    """A Pagefind bundle of ``documents`` in ``output``, in place of what was there."""
    _Indexing(documents, output).wait()


class _Indexing:
    """Pagefind indexing ``documents``, written as small pages into a temporary
    folder, into ``output``.

    Where ``output`` holds an earlier bundle (a rebuild's), Pagefind writes into a
    temporary folder and only the files that differ replace the earlier ones: most of
    a bundle indexed again after an edit is byte for byte the same (Pagefind names its
    fragments and chunks by their content), and creating thousands of files on disk is
    the larger part of the work (bench/RESULTS.md). Files Pagefind did not write, such
    as an earlier index's fragments, go."""

    def __init__(self, documents: Sequence[SearchDocument], output: Path) -> None:
        self.scratch = tempfile.TemporaryDirectory(prefix="senate-ld-search-", dir=_scratch())
        site = Path(self.scratch.name) / "site"
        template = _document_template()
        for document in documents:
            page = safe_folder(site, document.path.rstrip("/"))
            page.mkdir(parents=True, exist_ok=True)
            html = template.render(document=document)
            (page / f"index.{document.language}.html").write_text(html, encoding="utf-8")
        self.output = output
        self.bundle = Path(self.scratch.name) / "bundle" if output.is_dir() else output
        command = [pagefind_executable(), "--site", site, "--output-path", self.bundle, "--quiet"]
        self.process = subprocess.Popen(
            [str(part) for part in command],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            # Pagefind dies with the process that runs it, even killed: a failed build
            # stops the indexing, then drops the staging folder Pagefind writes into
            preexec_fn=partial(die_with_parent, os.getpid()),
        )

    def wait(self) -> Path:
        said, _ = self.process.communicate()
        try:
            if self.process.returncode != 0:
                lines = said.strip().splitlines()
                reason = lines[-1] if lines else f"exit status {self.process.returncode}"
                raise SearchIndexError(f"pagefind failed: {reason}")
            for name in UNUSED_FILES:
                (self.bundle / name).unlink(missing_ok=True)
            if self.bundle != self.output:
                _replace_what_differs(self.output, self.bundle)
        finally:
            self.scratch.cleanup()
        return self.output

    def stop(self) -> None:
        self.process.kill()
        self.process.communicate()
        self.scratch.cleanup()


def _replace_what_differs(folder: Path, new: Path) -> None:
    """Make ``folder`` hold the files of ``new``, writing only those whose bytes
    differ (as new files: the old may be hard links shared with the published
    output) and removing those ``new`` does not have."""
    wanted = {path.relative_to(new) for path in new.rglob("*") if path.is_file()}
    for path in list(folder.rglob("*")):
        if not path.is_dir() and path.relative_to(folder) not in wanted:
            path.unlink()
    for name in wanted:
        content = (new / name).read_bytes()
        target = folder / name
        same_size = target.is_file() and target.stat().st_size == len(content)
        if same_size and target.read_bytes() == content:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        new_file(target).write_bytes(content)


def _scratch() -> str | None:
    """Where the documents are written for Pagefind to read: in memory (``/dev/shm``)
    where the system has it, else the usual temporary folder. Creating thousands of
    small files on disk costs about 1.2 ms each here, 8 times as much as in memory,
    which would double the work of indexing (bench/RESULTS.md); a legislature's
    documents take some tens of MB."""
    memory = Path("/dev/shm")
    return str(memory) if memory.is_dir() and os.access(memory, os.W_OK | os.X_OK) else None


UNUSED_FILES = (
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-highlight.js",
)
"""Pagefind's own interfaces, which the search page does not use (its script calls
Pagefind's API, ``pagefind.js``): a third of a bundle's files."""


@cache
def _document_template() -> Template:
    environment = Environment(
        loader=PackageLoader("converters", "templates"),
        autoescape=select_autoescape(default=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return environment.get_template("search_document.html")
