"""The search index: Pagefind bundles, one a text language and a legislature, written by
the real binary, kept across rebuilds when their documents read the same, and part of
the output's atomic swap."""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

import pytest

from converters.build import build
from converters.errors import BuildError
from converters.pipeline import BuildOptions
from converters.site import search_index
from converters.site.search import SearchDocument
from converters.site.search_index import (
    SEARCH_INDEX,
    UNUSED_FILES,
    SearchIndexError,
    index_documents,
)
from converters.sources import sample_corpus

from .conftest import reproducible

HOSTILE = '</p><script>alert("x")</script><p data-pagefind-filter="status">Hacked'


def document(identifier: str, title: str, language: str = "fr") -> SearchDocument:
    return SearchDocument(
        path=f"question/{identifier}/",
        language=language,
        identifier=identifier,
        title=title,
        texts=("Le ministre peut-il me dire combien de détenus ont été transportés ?",),
        date="2013-04-30",
        filters={"ministry": ("ministre de la Justice",), "status": ("Answered",)},
    )


def test_a_bundle_holds_what_pagefind_js_loads_and_not_its_own_interfaces(tmp_path: Path) -> None:
    index_documents([document("5-1", "Prisons"), document("5-2", "Police")], tmp_path)
    entry = json.loads((tmp_path / "pagefind-entry.json").read_text())
    assert list(entry["languages"]) == ["fr"]
    assert entry["languages"]["fr"]["page_count"] == 2
    assert (tmp_path / "pagefind.js").is_file() and (tmp_path / "wasm.fr.pagefind").is_file()
    assert list((tmp_path / "fragment").iterdir()) and list((tmp_path / "filter").iterdir())
    assert not [name for name in UNUSED_FILES if (tmp_path / name).exists()]


def test_markup_in_the_data_is_indexed_as_text(tmp_path: Path) -> None:
    """The template escapes what it is given: a title cannot add a filter or a script."""
    index_documents([document("5-1", HOSTILE)], tmp_path)
    index_documents([document("5-1", "Harmless")], tmp_path / "plain")
    filters = sorted(p.stat().st_size for p in (tmp_path / "filter").iterdir())
    plain = sorted(p.stat().st_size for p in (tmp_path / "plain" / "filter").iterdir())
    assert len(filters) == len(plain)  # the same facets: none made from the title


def test_a_bundle_indexed_again_keeps_nothing_of_the_earlier_one(tmp_path: Path) -> None:
    index_documents([document("5-1", "Prisons"), document("5-2", "Police")], tmp_path)
    index_documents([document("5-1", "Prisons")], tmp_path)
    assert len(list((tmp_path / "fragment").iterdir())) == 1


def test_a_bundle_indexed_again_rewrites_only_the_files_that_changed(tmp_path: Path) -> None:
    """Most of a legislature's bundle is the same after one edit: the files that are
    stay as they were, and the bundle is what indexing anew would give."""
    documents = [document(f"5-{n}", f"Prisons {n}") for n in range(1, 6)]
    bundle, fresh = tmp_path / "bundle", tmp_path / "fresh"
    index_documents(documents, bundle)
    before = {p.relative_to(bundle): p.stat().st_ino for p in bundle.rglob("*") if p.is_file()}
    edited = [*documents[:4], document("5-5", "Police")]
    index_documents(edited, bundle)
    index_documents(edited, fresh)

    after = {p.relative_to(bundle): p.stat().st_ino for p in bundle.rglob("*") if p.is_file()}
    made_anew = [p for p in fresh.rglob("*") if p.is_file()]
    assert len(after) == len(made_anew)
    # Pagefind names its filters and metadata after their bytes, in no fixed order
    same = sorted(name for name in after if reproducible(bundle / name))
    assert same == sorted(p.relative_to(fresh) for p in made_anew if reproducible(p))
    for name in same:
        assert (bundle / name).read_bytes() == (fresh / name).read_bytes(), name
    fragments = {name for name in after if name.parts[0] == "fragment"}
    kept = {name for name in fragments if before.get(name) == after[name]}
    assert len(kept) == 4 and len(fragments) == 5  # the edited question's fragment is new


def test_a_failing_indexer_is_one_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", shutil.which("false") or "/bin/false")
    with pytest.raises(SearchIndexError, match="pagefind failed"):
        index_documents([document("5-1", "Prisons")], tmp_path)


def test_the_pages_written_for_pagefind_are_removed_whether_it_succeeds_or_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """They are written in memory (``/dev/shm``) where there is such a place: left
    behind, they would hold memory until the machine restarts."""
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))  # where no /dev/shm is
    monkeypatch.setattr(search_index, "_scratch", lambda: None)
    index_documents([document("5-1", "Prisons")], tmp_path / "bundle")
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", shutil.which("false") or "/bin/false")
    with pytest.raises(SearchIndexError):
        index_documents([document("5-1", "Prisons")], tmp_path / "failed")
    assert list(scratch.iterdir()) == []
    assert (tmp_path / "bundle" / "pagefind.js").is_file()


@pytest.fixture
def built(tmp_path: Path) -> Path:
    out = tmp_path / "out"
    shutil.copytree(sample_corpus(), tmp_path / "sources")
    build(BuildOptions(sources=[tmp_path / "sources"], out=out, jobs=1))
    return out


def bundle_files(out: Path) -> dict[str, tuple[int, int]]:
    return {
        str(path.relative_to(out)): (path.stat().st_ino, path.stat().st_mtime_ns)
        for path in (out / SEARCH_INDEX).rglob("*")
        if path.is_file()
    }


def test_every_language_and_legislature_has_a_bundle(built: Path) -> None:
    shards = sorted(
        f"{language.name}/{legislature.name}"
        for language in (built / SEARCH_INDEX).iterdir()
        for legislature in language.iterdir()
    )
    assert shards == ["fr/3", "fr/5", "fr/6", "nl/4", "nl/5"]  # 4-5815: a Dutch page only


def test_a_rebuild_indexes_again_only_the_legislature_an_edit_changed(built: Path) -> None:
    before = bundle_files(built)
    source = (
        built.parent
        / "sources"
        / next(
            p.name for p in (built.parent / "sources").iterdir() if "5-1201" in p.read_text("utf-8")
        )
    )
    source.write_text(source.read_text("utf-8").replace("Prisons", "Prisons (bis)", 1), "utf-8")

    build(BuildOptions(sources=[built.parent / "sources"], out=built, jobs=1))

    after = bundle_files(built)
    changed = {path.split("/")[2] + "/" + path.split("/")[3] for path in set(before) ^ set(after)}
    changed |= {
        p.split("/")[2] + "/" + p.split("/")[3] for p in before if before[p] != after.get(p)
    }
    assert changed == {"fr/5"}


def test_a_failed_index_leaves_the_published_output_as_it_was(
    built: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = bundle_files(built)
    page = built / "search" / "index.html"
    published = page.read_bytes()
    for source in (built.parent / "sources").iterdir():
        source.write_text(source.read_text("utf-8").replace("Prisons", "Gevangenis", 1), "utf-8")
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", shutil.which("false") or "/bin/false")

    with pytest.raises(BuildError, match="cannot index the site for search: pagefind failed"):
        build(BuildOptions(sources=[built.parent / "sources"], out=built, jobs=1))

    assert bundle_files(built) == before
    assert page.read_bytes() == published
    assert not [p for p in built.parent.iterdir() if ".building" in p.name]  # no staging left
