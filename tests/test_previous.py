"""The previous build, as a new one takes it over: its graph is patched rather than
converted again only when that is sure to give the same graph (the same EuroVoc file,
few sources changed, every source it read still known, its dump as it wrote it), and a
dump that turns out not to be its graph is converted whole instead."""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path

import pytest

from converters.build import build
from converters.convert.corpus import convert_corpus
from converters.convert.dataset import Publication
from converters.digests import digest
from converters.incremental.previous import PATCH_LIMIT, Built, Inputs, PreviousConversion
from converters.iris import Minter
from converters.pipeline import BuildOptions, BuildReport
from converters.records import QuestionRecord
from converters.sources import Parsed, SourceKey
from converters.synth.synthetic import synthetic_corpus

from .conftest import BASE

SIZE = PATCH_LIMIT + 20


@dataclass
class Earlier:
    out: Path
    built: Built
    known: dict[SourceKey, Parsed]
    records: list[QuestionRecord]


@pytest.fixture(scope="module")
def earlier(tmp_path_factory: pytest.TempPathFactory) -> Earlier:
    """A build of SIZE questions, and what the cache would remember of it."""
    folder = tmp_path_factory.mktemp("previous")
    corpus, out = folder / "corpus", folder / "out"
    corpus.mkdir()
    documents = list(synthetic_corpus(SIZE, seed=3))
    for document in documents:
        (corpus / document.name).write_bytes(document.content)
    report: BuildReport = build(BuildOptions(sources=[corpus], out=out, jobs=1))
    keys = tuple((d.name, digest(d.content)) for d in documents)
    records = [replace(d.record, source=d.name) for d in documents]
    dump = (out / "dataset.nt").lstat()
    built = Built(Inputs(keys, None), report, {"dataset.nt": ("", dump.st_size, dump.st_mtime_ns)})
    return Earlier(out, built, dict(zip(keys, records, strict=True)), records)


def edited(inputs: Inputs, count: int) -> Inputs:
    """``inputs`` with the first ``count`` sources edited."""
    return replace(
        inputs,
        sources=tuple(
            (key[0], "edited") if key and i < count else key for i, key in enumerate(inputs.sources)
        ),
    )


def test_a_graph_is_patched_when_one_source_in_a_hundred_changed(earlier: Earlier) -> None:
    found = PreviousConversion.of(
        earlier.built, edited(earlier.built.inputs, 1), earlier.known, earlier.out
    )
    assert found is not None
    assert len(found.records) == len(earlier.records)
    assert found.dump == earlier.out / "dataset.nt"


def test_a_graph_is_converted_again_when_more_sources_changed(earlier: Earlier) -> None:
    assert SIZE < 2 * PATCH_LIMIT
    inputs = edited(earlier.built.inputs, 2)
    assert PreviousConversion.of(earlier.built, inputs, earlier.known, earlier.out) is None


def test_a_graph_is_converted_again_when_the_eurovoc_file_changed(earlier: Earlier) -> None:
    inputs = replace(earlier.built.inputs, eurovoc="another file")
    assert PreviousConversion.of(earlier.built, inputs, earlier.known, earlier.out) is None


def test_a_graph_is_converted_again_when_a_source_it_read_is_no_longer_known(
    earlier: Earlier,
) -> None:
    known = dict(earlier.known)
    known.pop(next(iter(known)))
    assert PreviousConversion.of(earlier.built, earlier.built.inputs, known, earlier.out) is None


def test_a_graph_is_converted_again_when_its_dump_is_not_as_it_was_written(
    earlier: Earlier, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    dump = out / "dataset.nt"
    dump.write_bytes((earlier.out / "dataset.nt").read_bytes())
    assert PreviousConversion.of(earlier.built, earlier.built.inputs, earlier.known, out) is None
    written = earlier.built.dumps["dataset.nt"]
    os.utime(dump, ns=(written[2], written[2]))
    assert PreviousConversion.of(earlier.built, earlier.built.inputs, earlier.known, out)
    assert PreviousConversion.of(None, earlier.built.inputs, earlier.known, out) is None


def test_a_dump_that_is_not_the_previous_graph_is_converted_whole(
    earlier: Earlier, tmp_path: Path
) -> None:
    """Its size and time as written, its bytes not: patching would start from a graph
    that lacks what it removes."""
    dump = tmp_path / "dataset.nt"
    dump.write_text("<http://example.org/a> <http://example.org/b> <http://example.org/c> .\n")
    previous = PreviousConversion(dump, earlier.records, earlier.built.report.conversion)
    records = earlier.records[1:]
    patched = previous.patched(records, Minter(BASE), None, Publication())
    assert patched == convert_corpus(records, Minter(BASE), None, Publication())
    assert patched.patch is None
