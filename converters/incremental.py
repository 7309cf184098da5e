"""What a build remembers for the next build into the same output folder.

A build into ``OUT`` keeps a cache in the hidden folder ``.OUT.cache`` beside it (like
its lock, ``.OUT.lock``), never inside the published output:

- ``parsed``: (source name, digest of its bytes) → the parser's record or error;
- ``validated``: digest of a validation shard → the results pyshacl gave for it;
- ``outputs``: each file the build wrote → the digest of the inputs it was made from,
  and its size and modification time; and each page's *dependencies*, the keys of
  the graph it read (see :class:`converters.graph_view.GraphView`).

The next build computes the same input digests from its own graph. A file whose
digest is unchanged, and which is still the very file written then (same size and
modification time), is hard-linked from the previous output into the new one instead
of being made again. Anything else is made anew, so the output always equals a clean
build. Every cache file carries a fingerprint of the code, templates, shapes,
libraries and options: when any of them changes, nothing is reused.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from importlib import metadata
from importlib.resources import files
from pathlib import Path
from typing import Any, NamedTuple

FORMAT = 1
EVERYTHING = "*"
"""The dependency of a page that reads the whole graph: such a page is always redone."""
_LIBRARIES = ("pyoxigraph", "pyshacl", "rdflib", "jinja2", "markupsafe")


def digest(data: bytes | str) -> str:
    """A short content digest (BLAKE2b, 128 bits)."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def code_fingerprint(*settings: str) -> str:
    """A digest of everything besides the sources that shapes the output: this
    package's code, templates, static files, ontology, shapes and queries, the versions
    of the libraries that parse, validate, serialise and render, and ``settings``."""
    hasher = hashlib.blake2b(digest_size=16)
    package = Path(str(files("converters")))
    for path in sorted(package.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
            hasher.update(str(path.relative_to(package)).encode())
            hasher.update(path.read_bytes())
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


class WrittenFile(NamedTuple):
    """A file of the output: what it was made from, and how to know it is untouched.

    A tuple, not a dataclass: a build of 10,000 questions remembers 100,000 of them."""

    inputs: str
    size: int
    mtime_ns: int


@dataclass
class OutputRecord:
    """The files of one build, and what its pages read."""

    files: dict[str, WrittenFile] = field(default_factory=dict)
    dependencies: dict[str, tuple[str, ...]] = field(default_factory=dict)


class BuildCache:
    """The cache folder of one output folder; every read tolerates a missing, stale,
    truncated or foreign file by starting empty, and every write is atomic."""

    def __init__(self, folder: Path, fingerprint: str, enabled: bool = True) -> None:
        self.folder = folder
        self.fingerprint = fingerprint
        self.enabled = enabled

    def load(self, name: str) -> Any | None:
        if not self.enabled:
            return None
        try:
            with open(self.folder / f"{name}.pickle", "rb") as stream:
                header = pickle.load(stream)
                if header != (FORMAT, self.fingerprint):
                    return None
                return pickle.load(stream)
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

    def load_mapping(self, name: str) -> dict[Any, Any]:
        value = self.load(name)
        return value if isinstance(value, dict) else {}

    def load_outputs(self) -> OutputRecord:
        value = self.load("outputs")
        return value if isinstance(value, OutputRecord) else OutputRecord()


class OutputReuse:
    """Hard-links unchanged files from the previous output into the new one, and
    records what every file of the new output was made from."""

    def __init__(self, previous_out: Path, staging: Path, previous: OutputRecord) -> None:
        self.previous_out = previous_out
        self.staging = staging
        self.previous = previous
        self.current = OutputRecord()
        self.reused = 0
        self.made = 0
        self._folders: set[Path] = set()

    def previous_dependencies(self, key: str) -> tuple[str, ...] | None:
        return self.previous.dependencies.get(key)

    def link_all(self, paths: Sequence[str], inputs: str | None) -> bool:
        """Link every one of ``paths`` if each is unchanged since it was made from
        ``inputs``; link none (and say so) otherwise."""
        if inputs is None:
            return False
        entries = [self.previous.files.get(path) for path in paths]
        sources = []
        for path, entry in zip(paths, entries, strict=True):
            if entry is None or entry.inputs != inputs:
                return False
            source = self.previous_out / path
            try:
                status = os.lstat(source)
            except OSError:
                return False
            if status.st_size != entry.size or status.st_mtime_ns != entry.mtime_ns:
                return False
            sources.append(source)
        for path, source, entry in zip(paths, sources, entries, strict=True):
            target = self.staging / path
            if target.parent not in self._folders:
                target.parent.mkdir(parents=True, exist_ok=True)
                self._folders.add(target.parent)
            try:
                os.link(source, target)
            except OSError:
                return False
            assert entry is not None
            self.current.files[path] = entry
        self.reused += len(paths)
        return True

    def made_files(self, paths: Iterable[str], inputs: str | None) -> None:
        """Record files just written into the staging folder (None: never reusable)."""
        for path in paths:
            self.made += 1
            if inputs is None:
                continue
            status = os.lstat(self.staging / path)
            self.current.files[path] = WrittenFile(inputs, status.st_size, status.st_mtime_ns)

    def depends(self, key: str, dependencies: Iterable[str]) -> None:
        self.current.dependencies[key] = tuple(sorted(dependencies))


def combined_digest(keys: Iterable[str], digest_of: Callable[[str], int]) -> str | None:
    """One digest of the named inputs; None when one of them is the whole graph.

    ``digest_of`` gives each key's digest as a 128-bit number that already mixes in
    the key, so the digests of a set combine by exclusive-or, in any order: pages read
    hundreds of keys each, and sorting them all cost more than rendering the page.
    """
    combined = 0
    count = 0
    for key in keys:
        if key == EVERYTHING:
            return None
        combined ^= digest_of(key)
        count += 1
    return f"{count}:{combined:032x}"
