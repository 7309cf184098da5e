"""The incremental layer (:class:`~converters.incremental.layer.IncrementalBuild`) in
whole builds: a rebuild reuses what unchanged inputs made, and its output is always the
output of a clean build of the same sources."""

from __future__ import annotations

import os
import pickle
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pyoxigraph import Triple

import converters.build
import converters.convert.corpus
import converters.incremental.dumps
import converters.incremental.parse_cache
import converters.sources
from converters.build import build
from converters.convert.dataset import Publication
from converters.convert.question import question_triples
from converters.digests import digest
from converters.incremental.cache import (
    SHARDS,
    OutputRecord,
    cache_folder,
    code_fingerprint,
)
from converters.incremental.dump_patch import Piece, patch_dump
from converters.incremental.reuse import OutputReuse
from converters.iris import Minter
from converters.pipeline import BuildOptions, BuildReport
from converters.publish.output import spare_folder
from converters.query.catalogue import load_catalogue
from converters.records import Author, Bilingual, QuestionRecord
from converters.site.generator import SiteGenerator
from converters.site.page import Page
from converters.synth.source_writer import render_document
from converters.synth.synthetic import synthetic_questions

from .conftest import EUROVOC_EXCERPT, reproducible

B = "https://w3id.org/senate-ld/"
CORPUS_SIZE = 105
"""Questions 6-1 … 6-105: two validation shards (numbers below 100, and above), siblings."""


@pytest.fixture(scope="module")
def records() -> list[QuestionRecord]:
    return list(synthetic_questions(CORPUS_SIZE, seed=2))


def write_corpus(folder: Path, records: list[QuestionRecord]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.txt"):
        old.unlink()
    for record in records:
        (folder / f"{record.number}.txt").write_text(render_document(record), encoding="utf-8")
    return folder


def build_to(corpus: Path, out: Path, **options: object) -> BuildReport:
    return build(BuildOptions(sources=[corpus], out=out, jobs=1, **options))  # type: ignore[arg-type]


def tree(folder: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if reproducible(path)
    }


def built(tmp_path: Path, records: list[QuestionRecord]) -> tuple[Path, Path]:
    """A first build of ``records``: its corpus and output folders."""
    corpus = write_corpus(tmp_path / "corpus", records)
    out = tmp_path / "out"
    build_to(corpus, out)
    return corpus, out


def small_build(tmp_path: Path, records: list[QuestionRecord]) -> tuple[Path, Path]:
    """A build of the first 20 questions: its corpus and output folders."""
    return built(tmp_path, records[:20])


def assert_same_as_clean_build(corpus: Path, out: Path, clean: Path) -> None:
    build_to(corpus, clean, incremental=False)
    built, expected = tree(out), tree(clean)
    assert sorted(built) == sorted(expected)
    different = [name for name in expected if built[name] != expected[name]]
    assert different == []


# -- whole builds ----------------------------------------------------------------------


def test_a_build_whose_inputs_and_output_are_unchanged_keeps_the_output(
    tmp_path: Path, records: list[QuestionRecord], monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = write_corpus(tmp_path / "corpus", records)
    (corpus / "broken.txt").write_text("not a Senate document", encoding="utf-8")
    out = tmp_path / "out"
    first = build_to(corpus, out)
    assert first.reused == {
        "sources": (0, CORPUS_SIZE + 1),
        "shards": (0, first.reused["shards"][1]),
        "files": (0, first.reused["files"][1]),
    }
    before = tree(out)
    inodes = {path: path.stat().st_ino for path in out.rglob("*")}
    monkeypatch.setattr(converters.convert.corpus, "CorpusConverter", refuse_to_convert)
    (corpus / "6-1.txt").touch()  # a new time, the same bytes

    again = build_to(corpus, out)

    assert again.reused == {what: (total, total) for what, (_, total) in first.reused.items()}
    assert (again.triples, again.pages, again.documents) == (
        first.triples,
        first.pages,
        first.documents,
    )
    assert again.error_lines == first.error_lines and again.failed
    assert again.validation == first.validation
    assert again.timings == {}
    assert tree(out) == before
    assert {path: path.stat().st_ino for path in out.rglob("*")} == inodes
    assert not spare_folder(out).exists()


def refuse_to_convert(*args: object, **kwargs: object) -> None:
    raise AssertionError("a build with nothing to do converted the corpus")


@pytest.mark.parametrize(
    "change",
    ["a source edited", "a source added", "an output file edited", "a file added to the output"],
)
def test_any_change_to_the_inputs_or_the_output_builds_again(
    tmp_path: Path, records: list[QuestionRecord], change: str
) -> None:
    corpus, out = small_build(tmp_path, records)
    if change == "a source edited":
        write_corpus(corpus, retitle(records)[:20])
    elif change == "a source added":
        write_corpus(corpus, records[:21])
    elif change == "an output file edited":
        page = out / "question" / "6-3" / "index.html"
        page.write_text(page.read_text(encoding="utf-8") + " ", encoding="utf-8")
    else:
        (out / "question" / "6-3" / "notes.txt").write_text("mine", encoding="utf-8")

    report = build_to(corpus, out)

    assert report.timings != {}
    assert_same_as_clean_build(corpus, out, tmp_path / "clean")


def test_an_added_folder_or_a_changed_eurovoc_file_builds_again(
    tmp_path: Path, records: list[QuestionRecord]
) -> None:
    corpus, out = small_build(tmp_path, records)
    (out / "question" / "empty").mkdir()
    assert build_to(corpus, out).timings != {}
    assert not (out / "question" / "empty").exists()

    eurovoc = tmp_path / "eurovoc.ttl"
    eurovoc.write_bytes(EUROVOC_EXCERPT.read_bytes())
    assert build_to(corpus, out, eurovoc=eurovoc).timings != {}
    assert build_to(corpus, out, eurovoc=eurovoc).timings == {}
    eurovoc.write_bytes(EUROVOC_EXCERPT.read_bytes() + b"\n# edited\n")
    assert build_to(corpus, out, eurovoc=eurovoc).timings != {}


def test_a_rebuild_updates_the_output_it_replaced_in_place(
    tmp_path: Path, records: list[QuestionRecord]
) -> None:
    """The first rebuild links the unchanged files of the output into a new folder; the
    output it replaces becomes the spare, which the next rebuild brings up to date in
    place: a file that need not change keeps its inode throughout."""
    corpus = write_corpus(tmp_path / "corpus", records)
    out = tmp_path / "out"
    build_to(corpus, out)
    original = tree(out)
    page = out / "question" / "6-7" / "index.html"
    inode = page.stat().st_ino

    write_corpus(corpus, retitle(records))
    second = build_to(corpus, out)  # links unchanged files from the first
    edited = tree(out)
    write_corpus(corpus, records)
    third = build_to(corpus, out)  # updates the first, kept as the spare, in place

    for again in (second, third):
        assert again.reused["sources"] == (CORPUS_SIZE - 1, CORPUS_SIZE)
        done, total = again.reused["files"]
        assert total / 2 < done < total
    assert tree(out) == original
    assert tree(spare_folder(out)) == edited
    assert page.stat().st_ino == inode  # never written again


ALWAYS_RENDERED = ("", "questions/", "persons/", "parties/", "ministries/", "validation/")
STATIC_FILES = 4 + len(load_catalogue()) + 7
"""Written every time: 3 dumps and the validation report, the queries, the style sheet,
ontology and shapes files, VoID, sitemap and the two server rules."""


Edit = Callable[[list[QuestionRecord]], list[QuestionRecord]]


def retitle(records: list[QuestionRecord]) -> list[QuestionRecord]:
    first = records[10]
    title = Bilingual(first.title.fr + " (corrigé)", first.title.nl + " (verbeterd)")
    return [*records[:10], replace(first, title=title), *records[11:]]


def new_author(records: list[QuestionRecord]) -> list[QuestionRecord]:
    return [
        replace(
            records[0],
            author=Author("Zoë Verzonnen", Bilingual("Partij Nergens", "Partij Nergens")),
        ),
        *records[1:],
    ]


def other_minister(records: list[QuestionRecord]) -> list[QuestionRecord]:
    moved = replace(records[50], addressee=records[51].addressee)
    return [*records[:50], moved, *records[51:]]


def unanswered(records: list[QuestionRecord]) -> list[QuestionRecord]:
    answered = next(i for i, r in enumerate(records) if r.answer and not r.siblings)
    return [*records[:answered], replace(records[answered], answer=None), *records[answered + 1 :]]


def removed(records: list[QuestionRecord]) -> list[QuestionRecord]:
    lonely = [i for i, r in enumerate(records) if not r.siblings]
    return [r for i, r in enumerate(records) if i != lonely[-1]]


def joins_another_party(records: list[QuestionRecord]) -> list[QuestionRecord]:
    """An author who now writes for another party too: listed on its page as well."""
    first = records[0]
    party = next(
        r.author.party for r in records if r.author.party not in (None, first.author.party)
    )
    return [replace(first, author=Author(first.author.name, party)), *records[1:]]


EDITS = [retitle, new_author, other_minister, unanswered, removed, joins_another_party]


@pytest.mark.parametrize("edit", EDITS, ids=lambda e: e.__name__)
def test_a_rebuild_after_an_edit_equals_a_clean_build(
    tmp_path: Path, records: list[QuestionRecord], edit: Edit
) -> None:
    corpus, out = built(tmp_path, records)
    write_corpus(corpus, removed(records))
    build_to(corpus, out)  # the first output is now the spare, updated by the next build
    write_corpus(corpus, edit(records))

    report = build_to(corpus, out)

    assert report.reused["sources"][0] >= CORPUS_SIZE - 2
    done, total = report.reused["files"]
    assert done > total / 2
    assert_same_as_clean_build(corpus, out, tmp_path / "clean")


@pytest.mark.parametrize("edit", EDITS, ids=lambda e: e.__name__)
def test_rebuilds_that_each_patch_one_edit_into_the_last_graph_equal_a_clean_build(
    tmp_path: Path, records: list[QuestionRecord], monkeypatch: pytest.MonkeyPatch, edit: Edit
) -> None:
    """The second rebuild patches the first's graph, dumps and dependency digests, and
    updates the output of the clean build, now the spare, in place."""
    corpus, out = built(tmp_path, records)
    first = [*records[:30], replace(records[30], date_sent=date(2020, 2, 2)), *records[31:]]
    write_corpus(corpus, first)
    build_to(corpus, out)
    write_corpus(corpus, edit(first))
    converted = count_conversions(monkeypatch)

    build_to(corpus, out)

    assert len(converted) < CORPUS_SIZE  # patched
    assert_same_as_clean_build(corpus, out, tmp_path / "clean")


def test_a_question_moved_from_the_end_to_the_start_of_a_long_listing_moves_every_page(
    tmp_path: Path, records: list[QuestionRecord]
) -> None:
    """A listing's later pages depend on its order, which the rebuild takes from the
    last build only when no question it sorted changed: each listing must say so,
    though a question's sort key is read once for all the listings it is in."""
    corpus, out = built(tmp_path, records)
    oldest = min(range(len(records)), key=lambda i: records[i].date_sent)
    newest = replace(records[oldest], date_sent=date(2030, 1, 1))
    write_corpus(corpus, [*records[:oldest], newest, *records[oldest + 1 :]])

    build_to(corpus, out)

    assert (out / "legislature" / "6" / "page" / "3").is_dir()  # 105 questions, 50 a page
    assert_same_as_clean_build(corpus, out, tmp_path / "clean")


def test_only_the_pages_that_read_a_changed_question_are_rendered_again(
    tmp_path: Path, records: list[QuestionRecord]
) -> None:
    corpus, out = built(tmp_path, records)
    unchanged = {path: path.stat().st_ino for path in out.rglob("index.html")}
    write_corpus(corpus, retitle(records))

    report = build_to(corpus, out)

    renewed = sorted(
        str(path.parent.relative_to(out))
        for path, inode in unchanged.items()
        if path.stat().st_ino != inode
    )
    question = f"question/{records[10].number}"
    assert question in renewed
    assert report.reused["shards"][0] == report.reused["shards"][1] - 1
    # the question, its author, party, ministry, session, legislature, descriptors
    # and siblings list it; nothing else changed
    assert len(renewed) < 40
    assert "question/6-100" not in renewed


def test_only_the_resources_whose_pages_read_a_change_are_planned_again(
    tmp_path: Path, records: list[QuestionRecord], monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus, out = built(tmp_path, records)
    write_corpus(corpus, retitle(records))
    planned: list[str] = []
    plan = SiteGenerator.plan

    def noting(generator: SiteGenerator, make: Callable[[], Iterable[Page]]) -> object:
        made, reads = plan(generator, make)
        planned.extend(page.path for page in made)
        return made, reads

    monkeypatch.setattr(SiteGenerator, "plan", noting)
    build_to(corpus, out)

    assert f"question/{records[10].number}/" in planned
    assert "question/6-100/" not in planned
    assert len(planned) < 50  # of ~330 pages: the edited question's and the site-wide ones
    assert_same_as_clean_build(corpus, out, tmp_path / "clean")


def count_conversions(monkeypatch: pytest.MonkeyPatch) -> list[QuestionRecord]:
    """The records whose question triples are made from now on, in order."""
    converted: list[QuestionRecord] = []

    def counting(record: QuestionRecord, minter: Minter) -> Iterator[Triple]:
        converted.append(record)
        return question_triples(record, minter)

    monkeypatch.setattr(converters.convert.corpus, "question_triples", counting)
    return converted


def note_patched_dumps(monkeypatch: pytest.MonkeyPatch, log: Path) -> Callable[[], list[str]]:
    """The dumps patched from now on, rather than serialized, by whichever process
    writes them: their formats, sorted."""

    def noting(*arguments: Any) -> list[Piece] | None:
        pieces = patch_dump(*arguments)
        if pieces is not None:
            with log.open("a", encoding="utf-8") as noted:
                noted.write(f"{arguments[4].name}\n")
        return pieces

    monkeypatch.setattr(converters.incremental.dumps, "patch_dump", noting)
    return lambda: sorted(log.read_text(encoding="utf-8").split()) if log.exists() else []


@pytest.mark.parametrize("edit", [retitle, removed, new_author], ids=lambda e: e.__name__)
def test_a_rebuild_after_one_edit_converts_only_what_it_touches(
    tmp_path: Path, records: list[QuestionRecord], monkeypatch: pytest.MonkeyPatch, edit: Edit
) -> None:
    """One source in a hundred changed: the last graph and its dumps are patched, not
    made again."""
    corpus, out = built(tmp_path, records)
    edited = edit(records)
    write_corpus(corpus, edited)
    converted = count_conversions(monkeypatch)
    patched_dumps = note_patched_dumps(monkeypatch, tmp_path / "patched")

    build_to(corpus, out)

    (touched,) = [r for r in records if r not in edited]
    group = {touched.number, *touched.siblings}
    assert {r.number for r in converted} <= group  # its old and new version, its siblings
    assert len(converted) <= 2 * len(group)
    assert patched_dumps() == ["JSON-LD", "N-Triples", "Turtle"]
    assert_same_as_clean_build(corpus, out, tmp_path / "clean")


def test_a_dump_changed_by_hand_is_serialized_again_and_the_others_patched(
    tmp_path: Path, records: list[QuestionRecord], monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus, out = built(tmp_path, records)
    with (out / "dataset.ttl").open("a", encoding="utf-8") as turtle:
        turtle.write("# a comment added by hand\n")
    write_corpus(corpus, retitle(records))
    patched_dumps = note_patched_dumps(monkeypatch, tmp_path / "patched")

    build_to(corpus, out)

    assert patched_dumps() == ["JSON-LD", "N-Triples"]
    assert_same_as_clean_build(corpus, out, tmp_path / "clean")


def many_edits(corpus: Path, out: Path, records: list[QuestionRecord]) -> None:
    edited = [replace(r, title=Bilingual(r.title.fr + " !", r.title.nl + " !")) for r in records]
    write_corpus(corpus, edited[:10] + records[10:])


def one_edit_and_the_dump_changed_by_hand(
    corpus: Path, out: Path, records: list[QuestionRecord]
) -> None:
    dump = out / "dataset.nt"
    dump.write_text(dump.read_text(encoding="utf-8")[:-200], encoding="utf-8")
    write_corpus(corpus, retitle(records))


def one_edit_and_the_dump_damaged_keeping_its_size_and_time(
    corpus: Path, out: Path, records: list[QuestionRecord]
) -> None:
    """The last build cannot tell this dump from its own: reading it fails instead."""
    dump = out / "dataset.nt"
    status = dump.stat()
    text = dump.read_bytes()
    middle = len(text) // 2
    dump.write_bytes(text[:middle] + b"<" * 50 + text[middle + 50 :])
    os.utime(dump, ns=(status.st_atime_ns, status.st_mtime_ns))
    write_corpus(corpus, retitle(records))


@pytest.mark.parametrize(
    "change",
    [
        many_edits,
        one_edit_and_the_dump_changed_by_hand,
        one_edit_and_the_dump_damaged_keeping_its_size_and_time,
    ],
    ids=lambda c: c.__name__,
)
def test_a_rebuild_converts_the_whole_corpus_again_after_many_edits_or_a_changed_dump(
    tmp_path: Path,
    records: list[QuestionRecord],
    monkeypatch: pytest.MonkeyPatch,
    change: Callable[[Path, Path, list[QuestionRecord]], None],
) -> None:
    """The last graph is patched only after a few edits, and read back from the
    N-Triples dump only if that is as the last build wrote it."""
    corpus, out = built(tmp_path, records)
    change(corpus, out, records)
    converted = count_conversions(monkeypatch)

    build_to(corpus, out)

    assert len(converted) == CORPUS_SIZE
    assert_same_as_clean_build(corpus, out, tmp_path / "clean")


def test_a_rebuild_reads_only_the_sources_whose_size_or_time_changed(
    tmp_path: Path, records: list[QuestionRecord], monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus, out = small_build(tmp_path, records)
    backdate(corpus.glob("*.txt"))
    build_to(corpus, out)  # its stamps are taken well after the files were written
    edited = corpus / f"{records[10].number}.txt"
    write_corpus(corpus, retitle(records[:20]))
    backdate(source for source in corpus.glob("*.txt") if source != edited)
    read = count_digests(monkeypatch)
    report = build_to(corpus, out)
    assert len(read) == 2  # the edited source: its new stamp, then the parser's bytes
    assert report.reused["sources"] == (19, 20)
    assert_same_as_clean_build(corpus, out, tmp_path / "clean")


def test_a_rebuild_after_an_edit_saves_only_the_parse_cache_shard_of_that_source(
    tmp_path: Path, records: list[QuestionRecord]
) -> None:
    corpus, out = small_build(tmp_path, records)
    shards = sorted(cache_folder(out).glob("parsed-*.pickle"))
    assert 1 < len(shards) <= min(SHARDS, 20)  # a shard that holds no source is not saved
    saved = {shard: shard.stat().st_mtime_ns for shard in shards}
    write_corpus(corpus, retitle(records[:20]))

    report = build_to(corpus, out)

    rewritten = [shard for shard in shards if shard.stat().st_mtime_ns != saved[shard]]
    assert len(rewritten) == 1
    assert report.reused["sources"] == (19, 20)
    assert build_to(corpus, out).reused["sources"] == (20, 20)


def test_a_first_build_reads_each_source_once_and_its_stamps_spare_the_next_one_reading(
    tmp_path: Path, records: list[QuestionRecord], monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = write_corpus(tmp_path / "corpus", records[:20])
    backdate(corpus.glob("*.txt"))
    read = count_digests(monkeypatch)
    out = tmp_path / "out"
    first = build_to(corpus, out)
    assert len(read) == 20  # by the parser alone: nothing to compare the sources with
    assert first.reused["sources"] == (0, 20)
    read.clear()
    again = build_to(corpus, out)
    assert read == []  # every source is vouched for by the stamp the parser took
    assert again.reused["files"] == (again.reused["files"][1], again.reused["files"][1])


AN_HOUR_AGO = time.time_ns() - 3600 * 10**9


def backdate(sources: Iterable[Path]) -> None:
    """Set ``sources`` to one time, an hour before the tests began: a stamp taken since
    vouches for them (they are not racily clean), and one rewritten and set back to it
    again has the stamp it had."""
    for source in sources:
        os.utime(source, ns=(AN_HOUR_AGO, AN_HOUR_AGO))


def count_digests(monkeypatch: pytest.MonkeyPatch) -> list[bytes | str]:
    """What the build digests from now on: every source it reads, once each time."""
    read: list[bytes | str] = []

    def digest_counted(data: bytes | str) -> str:
        read.append(data)
        return digest(data)

    monkeypatch.setattr(converters.sources, "digest", digest_counted)
    monkeypatch.setattr(converters.incremental.parse_cache, "digest", digest_counted)
    return read


def test_a_document_that_breaks_loses_its_pages_and_one_that_comes_back_regains_them(
    tmp_path: Path, records: list[QuestionRecord]
) -> None:
    corpus, out = built(tmp_path, records)
    lonely = next(r for r in reversed(records) if not r.siblings)
    document = corpus / f"{lonely.number}.txt"
    text = document.read_text(encoding="utf-8")
    document.write_text(text.replace("Question écrite", "Questoin"), encoding="utf-8")

    broken = build_to(corpus, out)

    assert broken.parse_errors
    assert not (out / "question" / str(lonely.number)).exists()
    assert_same_as_clean_build(corpus, out, tmp_path / "clean")

    document.write_text(text, encoding="utf-8")
    mended = build_to(corpus, out)
    assert not mended.parse_errors
    # read again: the cache keeps what the last build read, not every version ever seen
    assert mended.reused["sources"] == (CORPUS_SIZE - 1, CORPUS_SIZE)
    assert (out / "question" / str(lonely.number) / "index.html").exists()
    assert_same_as_clean_build(corpus, out, tmp_path / "clean")


def test_a_file_changed_by_hand_in_the_output_is_made_again(
    tmp_path: Path, records: list[QuestionRecord]
) -> None:
    corpus, out = small_build(tmp_path, records)
    page = out / "question" / "6-3" / "index.html"
    page.write_text("defaced", encoding="utf-8")
    (out / "question" / "6-4" / "index.ttl").unlink()

    build_to(corpus, out)

    assert_same_as_clean_build(corpus, out, tmp_path / "clean")


def test_a_file_changed_by_hand_in_the_spare_output_is_made_again(
    tmp_path: Path, records: list[QuestionRecord]
) -> None:
    """The spare is checked beside the build's first steps; what changed there since
    it was written is not kept."""
    corpus, out = small_build(tmp_path, records)
    write_corpus(corpus, retitle(records[:20]))
    build_to(corpus, out)  # the first output is now the spare
    spare = spare_folder(out)
    (spare / "question" / "6-3" / "index.html").write_text("defaced", encoding="utf-8")
    (spare / "question" / "6-4" / "index.ttl").unlink()
    write_corpus(corpus, records[:20])

    build_to(corpus, out)  # updates the spare in place

    assert_same_as_clean_build(corpus, out, tmp_path / "clean")


def test_tidying_an_output_removes_what_is_not_its_own_and_names_its_changed_files(
    tmp_path: Path,
) -> None:
    (tmp_path / "a").mkdir()
    entries = {}
    for name in ("a/kept.html", "a/changed.html", "a/missing.html"):
        (tmp_path / name).write_text("page", encoding="utf-8")
        status = (tmp_path / name).stat()
        entries[name] = ("x", status.st_size, status.st_mtime_ns)
    (tmp_path / "a" / "changed.html").write_text("defaced", encoding="utf-8")
    (tmp_path / "a" / "missing.html").unlink()
    (tmp_path / "a" / "mine.html").write_text("added by hand", encoding="utf-8")
    (tmp_path / "drafts").mkdir()

    altered = OutputRecord(entries).tidy(tmp_path)

    assert altered == {"a/changed.html", "a/missing.html"}
    assert sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*")) == [
        "a",
        "a/changed.html",
        "a/kept.html",
    ]
    reuse = OutputReuse(tmp_path, OutputRecord(entries), altered=altered)
    assert reuse.keep(["a/kept.html"], "x")
    assert not reuse.keep(["a/changed.html"], "x")
    assert not reuse.keep(["a/missing.html"], "x")


def test_what_was_added_by_hand_to_the_output_never_comes_back(
    tmp_path: Path, records: list[QuestionRecord]
) -> None:
    """The output the build replaces becomes the spare, which a later build updates in
    place: what was added to it by hand must not be published again then."""
    corpus, out = small_build(tmp_path, records)
    (out / "robots.txt").write_text("mine", encoding="utf-8")
    (out / "question" / "drafts").mkdir()
    (out / "question" / "drafts" / "draft.html").write_text("mine", encoding="utf-8")
    (out / "question" / "6-2" / "link").symlink_to(out / "robots.txt")
    for version in range(3):
        first = records[0]
        title = Bilingual(f"{first.title.fr} v{version}", f"{first.title.nl} v{version}")
        write_corpus(corpus, [replace(first, title=title), *records[1:20]])
        build_to(corpus, out)
        assert not (out / "robots.txt").exists()
        assert not (out / "question" / "drafts").exists()
        assert not (out / "question" / "6-2" / "link").is_symlink()
    assert_same_as_clean_build(corpus, out, tmp_path / "clean")


def test_other_options_or_code_reuse_nothing(tmp_path: Path, records: list[QuestionRecord]) -> None:
    corpus, out = small_build(tmp_path, records)

    licensed = Publication(license="https://creativecommons.org/licenses/by/4.0/")
    report = build_to(corpus, out, publication=licensed)

    assert report.reused["files"][0] == 0
    assert report.reused["sources"][0] == 0
    report = build_to(corpus, out, publication=replace(licensed, publisher="Someone else"))
    assert report.reused["files"][0] == 0
    assert code_fingerprint("a") != code_fingerprint("b")


def test_a_damaged_or_foreign_cache_is_ignored(
    tmp_path: Path, records: list[QuestionRecord]
) -> None:
    corpus, out = small_build(tmp_path, records)
    cache = cache_folder(out)
    for shard in cache.glob("parsed-*.pickle"):
        shard.write_bytes(b"\x80\x05garbage")
    (cache / "outputs.pickle").write_bytes((cache / "outputs.pickle").read_bytes()[:100])
    (cache / "validated.pickle").write_bytes(pickle.dumps(("another", "tool")))

    report = build_to(corpus, out)

    assert report.reused["sources"][0] == 0
    assert report.reused["files"][0] == 0
    assert_same_as_clean_build(corpus, out, tmp_path / "clean")


def test_without_the_cache_nothing_is_kept_or_reused(
    tmp_path: Path, records: list[QuestionRecord]
) -> None:
    corpus = write_corpus(tmp_path / "corpus", records[:20])
    out = tmp_path / "out"
    report = build_to(corpus, out, incremental=False)
    assert not cache_folder(out).exists()
    assert report.reused == {}  # the clean pipeline: nothing to reuse, nothing counted
