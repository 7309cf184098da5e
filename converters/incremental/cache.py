"""What a build remembers for the next build into the same output folder.

A build into ``OUT`` keeps, beside it and never inside the published output (like its
lock, ``.OUT.lock``), the output it replaced in ``.OUT.spare`` and a cache in
``.OUT.cache``:

- ``parsed``: (source name, digest of its bytes) → the parser's record or error, in
  :data:`SHARDS` files by source name, so that an edit saves one of them;
- ``stamps``: each source's size, modification time and digest, so that an unchanged
  source need not be read (:class:`SourceStamps`);
- ``validated``: digest of a validation shard → the results pyshacl gave for it;
- ``outputs`` and ``spare``: for ``OUT`` and for the spare, each file → the digest of
  the inputs it was made from, and its size and modification time; each page's
  *dependencies*, the keys of the graph it read (see
  :class:`converters.site.graph_view.GraphView`); and the digest of every such key then.

The next build updates the spare in place and swaps it with ``OUT`` (the double
buffering of graphics; when there is no spare yet, it starts from an empty folder and
hard-links unchanged files from ``OUT``): it computes the same input digests from its
own graph, keeps each file whose inputs read the same and which is still the very
file written then (same size and modification time), writes every other file, and
removes what the new output no longer has. So it neither creates nor deletes the tens
of thousands of folders of a site, and its output always equals a clean build. The
spare's record is deleted before the spare is touched, so a build killed half-way
leaves a spare that the next build throws away. Every cache file carries a fingerprint
of the code, templates, shapes, libraries and options: when any of them changes,
nothing is reused.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import platform
import shutil
import tempfile
import zlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from importlib import metadata
from importlib.resources import files
from pathlib import Path
from typing import Any

FORMAT = 2
_LIBRARIES = ("pyoxigraph", "pyshacl", "rdflib", "jinja2", "markupsafe")


def code_fingerprint(*settings: str) -> str:
    """A digest of everything besides the sources that shapes the output: this
    package's code, templates, static files, ontology, shapes and queries, the versions
    of Python and of the libraries that parse, validate, serialise and render, and
    ``settings``."""
    hasher = hashlib.blake2b(digest_size=16)
    package = Path(str(files("converters")))
    for path in sorted(package.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
            hasher.update(str(path.relative_to(package)).encode())
            hasher.update(path.read_bytes())
    hasher.update(f"python={platform.python_version()}".encode())  # hash() of tuples
    for library in _LIBRARIES:
        hasher.update(f"{library}={_version(library)}".encode())
    for setting in (f"format={FORMAT}", *settings):
        hasher.update(b"\0" + setting.encode("utf-8"))
    return hasher.hexdigest()


def _version(library: str) -> str:
    try:
        return metadata.version(library)
    except metadata.PackageNotFoundError:
        return "-"


def cache_folder(out: Path) -> Path:
    return out.parent / f".{out.name}.cache"


WrittenFile = tuple[str, int, int]
"""A file of the output: the digest of what it was made from (:func:`made_from`), and
its size and modification time, to know it is untouched (:func:`is_status_of`).

A plain tuple: a build remembers one per output file, and pickle makes plain tuples
in C but named ones in Python."""


def made_from(written: WrittenFile) -> str:
    return written[0]


def is_status_of(written: WrittenFile, status: os.stat_result) -> bool:
    """Whether a file of ``status`` is still ``written``: same size and modification time."""
    return status.st_size == written[1] and status.st_mtime_ns == written[2]


@dataclass
class OutputRecord:
    """The files of one build, and what its pages read."""

    files: dict[str, WrittenFile] = field(default_factory=dict)
    dependencies: dict[str, tuple[str, ...]] = field(default_factory=dict)
    groups: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Outputs planned together (a resource's pages) → the keys of their outputs."""
    digests: dict[str, int] = field(default_factory=dict)
    """Every dependency key in :attr:`dependencies`, with its digest in that build."""

    def describes(self, folder: Path) -> bool:
        """Whether ``folder`` holds exactly these files, each of its recorded size and
        modification time, and no other file, folder or link."""
        found = 0
        try:
            for name, entry in self._entries(folder):
                if name not in self.files or not self._holds(name, entry):
                    return False
                found += 1
        except OSError:
            return False
        return found == len(self.files)

    def tidy(self, folder: Path) -> frozenset[str]:
        """Remove from ``folder`` every file, folder and link that is none of these
        files or their folders (added by hand to an output that is now a spare, they
        would otherwise be published again); return those of these files that are
        missing or changed since they were written."""
        unchanged = set()
        for name, entry in self._entries(folder):
            if name not in self.files or not entry.is_file(follow_symlinks=False):
                if entry.is_dir(follow_symlinks=False):
                    shutil.rmtree(entry.path)
                else:
                    Path(entry.path).unlink()
            elif is_status_of(self.files[name], entry.stat(follow_symlinks=False)):
                unchanged.add(name)
        return frozenset(self.files.keys() - unchanged)

    def _entries(self, folder: Path) -> Iterator[tuple[str, os.DirEntry[str]]]:
        """Every entry below ``folder`` but the folders of these files, by its path
        relative to ``folder``; a folder that is none of theirs is given, not entered."""
        folders = {""}
        for path in self.files:
            parent = path.rpartition("/")[0]
            while parent not in folders:
                folders.add(parent)
                parent = parent.rpartition("/")[0]
        pending = [""]
        while pending:
            relative = pending.pop()
            with os.scandir(folder / relative) as entries:
                for entry in list(entries):
                    name = f"{relative}/{entry.name}" if relative else entry.name
                    if entry.is_dir(follow_symlinks=False) and name in folders:
                        pending.append(name)
                    else:
                        yield name, entry

    def _holds(self, name: str, entry: os.DirEntry[str]) -> bool:
        return entry.is_file(follow_symlinks=False) and is_status_of(
            self.files[name], entry.stat(follow_symlinks=False)
        )


class BuildCache:
    """The cache folder of one output folder; every read tolerates a missing, stale,
    truncated or foreign file by starting empty, and every write is atomic."""

    def __init__(self, folder: Path, fingerprint: str, enabled: bool = True) -> None:
        self.folder = folder
        self.fingerprint = fingerprint
        self.enabled = enabled

    def load(self, name: str) -> Any | None:
        return self._read(name, header_only=False)

    def holds(self, name: str) -> bool:
        """Whether ``name`` was saved by this code with these settings (its content is
        not read: it may still turn out damaged, and :meth:`load` then gives None)."""
        return self._read(name, header_only=True) is not None

    def _read(self, name: str, header_only: bool) -> Any | None:
        if not self.enabled:
            return None
        try:
            with open(self.folder / f"{name}.pickle", "rb") as stream:
                header = pickle.load(stream)
                if header != (FORMAT, self.fingerprint):
                    return None
                return True if header_only else pickle.load(stream)
        except (OSError, EOFError, pickle.UnpicklingError, ValueError, TypeError):
            return None
        except (AttributeError, ImportError, IndexError, KeyError):
            return None  # written by a version whose classes have since changed

    def save(self, name: str, value: object) -> None:
        """Write ``name`` atomically; a cache that cannot be written is not an error."""
        if not self.enabled:
            return
        try:
            self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            handle, name_of_temporary = tempfile.mkstemp(prefix=f".{name}.", dir=self.folder)
        except OSError:
            return
        temporary = Path(name_of_temporary)
        try:
            with os.fdopen(handle, "wb") as stream:
                pickle.dump((FORMAT, self.fingerprint), stream, protocol=pickle.HIGHEST_PROTOCOL)
                pickle.dump(value, stream, protocol=pickle.HIGHEST_PROTOCOL)
            temporary.replace(self.folder / f"{name}.pickle")
        except OSError:
            temporary.unlink(missing_ok=True)

    def load_sharded(self, name: str) -> dict[Any, Any]:
        """The mapping that :meth:`save_sharded` saved under ``name`` (what it finds:
        a shard that cannot be read is left out)."""
        mapping: dict[Any, Any] = {}
        for shard in range(SHARDS):
            mapping.update(self.load_mapping(f"{name}-{shard:02d}"))
        return mapping

    def holds_sharded(self, name: str) -> bool:
        return any(self.holds(f"{name}-{shard:02d}") for shard in range(SHARDS))

    def save_sharded(
        self,
        name: str,
        mapping: Mapping[Any, object],
        saved: Mapping[Any, object],
    ) -> int:
        """Save ``mapping``, whose keys are tuples that start with a name, in
        :data:`SHARDS` files by that name; only the shards whose keys differ from those
        of ``saved`` (what :meth:`load_sharded` gave), since a key's value is the same
        whenever it is saved. Returns how many shards were written.

        So an edit saves one shard, not the parsed sources of the whole corpus."""
        shards: list[dict[Any, object]] = [{} for _ in range(SHARDS)]
        for key, value in mapping.items():
            shards[_shard_of(key[0])][key] = value
        before: list[set[Any]] = [set() for _ in range(SHARDS)]
        for key in saved:
            before[_shard_of(key[0])].add(key)
        written = 0
        for shard, (now, then) in enumerate(zip(shards, before, strict=True)):
            if now.keys() != then:
                self.save(f"{name}-{shard:02d}", now)
                written += 1
        return written

    def load_mapping(self, name: str) -> dict[Any, Any]:
        value = self.load(name)
        return value if isinstance(value, dict) else {}

    def load_record(self, name: str) -> OutputRecord | None:
        value = self.load(name)
        return value if isinstance(value, OutputRecord) else None

    def rename(self, name: str, new_name: str) -> None:
        if not self.enabled:
            return
        with contextlib.suppress(OSError):
            (self.folder / f"{name}.pickle").replace(self.folder / f"{new_name}.pickle")

    def forget(self, name: str) -> None:
        (self.folder / f"{name}.pickle").unlink(missing_ok=True)


SHARDS = 32
"""Files a sharded mapping is saved in (see :meth:`BuildCache.save_sharded`)."""


def _shard_of(name: str) -> int:
    return zlib.crc32(name.encode("utf-8", "surrogatepass")) % SHARDS


Stamp = tuple[int, int, str]
"""A source file as a build saw it: size, modification time (ns) and content digest."""


def stamp_of(status: os.stat_result, content_digest: str) -> Stamp:
    """The stamp of a source whose bytes, read while it had ``status``, have ``content_digest``."""
    return status.st_size, status.st_mtime_ns, content_digest


@dataclass
class SourceStamps:
    """Knows a source's digest without reading it, as git's index does: from the size
    and modification time a previous build saw, taken at ``taken_ns``.

    A stamp is trusted only for a file last modified well before it was taken
    (:data:`RACY_NS`): a file written in the same instant as it was read could change
    again without its modification time moving, so such a "racily clean" file is read
    again. Looking at a file's status is far cheaper than reading and digesting it
    (bench/RESULTS.md). A file whose bytes change while its size and
    time are set back to what they were is missed, as by make; ``--no-cache`` reads all.
    """

    stamps: dict[str, Stamp] = field(default_factory=dict)
    taken_ns: int = 0

    def digest_of(self, name: str, status: os.stat_result) -> str | None:
        """The digest the stamp of ``name`` vouches for, or None: read the file."""
        stamp = self.stamps.get(name)
        if (
            stamp is None
            or stamp[0] != status.st_size
            or stamp[1] != status.st_mtime_ns
            or status.st_mtime_ns > self.taken_ns - RACY_NS
        ):
            return None
        return stamp[2]


RACY_NS = 2_000_000_000
"""How long before a stamp was taken its file must have been modified for the stamp to
be trusted: more than any file system's timestamp granularity (FAT's is 2 s)."""
