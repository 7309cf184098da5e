"""The benchmark harness: time each build stage on synthetic corpora, with baselines.

    .venv/bin/python bench/run.py                    # 1,000 and 10,000 questions
    .venv/bin/python bench/run.py 1000 10000 50000   # the full set (long)
    .venv/bin/python bench/run.py --without-baselines 50000   # ours only: no naive path

Each size runs in a fresh process (so peak RSS is that build's own), on a corpus made
by ``senate-ld synth`` under ``bench/work/`` and kept for the next run. The full build
is a clean one (no previous output, spare or cache); an earlier run's are moved aside
and deleted at the end, after every measurement. In the same run it times rebuilds
into that output, each a process of its own (three after one document changed, whose
median is reported; one with nothing changed), and two baselines on the same data:
(a) the naive path, an rdflib graph built triple by triple, pyshacl on the whole graph
and rdflib's Turtle serializer; (b) the floor, pyoxigraph parsing ``dataset.nt`` and
serialising it as Turtle. Prints Markdown tables to paste into bench/RESULTS.md.
"""

from __future__ import annotations

import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph

WORK = Path(__file__).parent / "work"
SET_ASIDE = WORK / "set-aside"
STAGES = ("parse", "convert", "validate", "serialize", "render")


def corpus(size: int) -> Path:
    folder = WORK / f"corpus-{size}"
    if not (folder / "done").exists():
        from converters.synth.synthetic import synthetic_corpus

        folder.mkdir(parents=True, exist_ok=True)
        for document in synthetic_corpus(size, seed=1):
            (folder / document.name).write_bytes(document.content)
        (folder / "done").write_text("")
    return folder


def set_aside_outputs(size: int) -> None:
    """Move an earlier run's output, cache and spare for ``size`` into ``SET_ASIDE``,
    which :func:`main` deletes once it has measured everything. Deleting them just
    before the build would slow it down (see :func:`converters.publish.output.set_aside`), and
    then the benchmark would be timing the file system's recovery from its own cleanup."""
    from converters.incremental.cache import cache_folder
    from converters.publish.output import spare_folder

    out = WORK / f"out-{size}"
    for folder in (out, cache_folder(out), spare_folder(out)):
        if folder.exists():
            SET_ASIDE.mkdir(exist_ok=True)
            folder.replace(SET_ASIDE / f"{folder.name}-{time.time_ns()}")


def measure_build(size: int, jobs: int) -> dict[str, float]:
    """A clean build: no previous output, spare or cache (the build then writes its cache)."""
    from converters.build import build
    from converters.pipeline import BuildOptions

    out = WORK / f"out-{size}"
    started = time.perf_counter()
    report = build(BuildOptions(sources=[corpus(size)], out=out, jobs=jobs))
    seconds = time.perf_counter() - started
    return {
        "questions": len(report.conversion.questions),
        "triples": report.triples,
        "pages": report.pages,
        "total": seconds,
        **report.timings,
        "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def measure_rebuild(size: int, jobs: int) -> dict[str, float]:
    """One build into the output of earlier ones (the cache decides what is reused).

    Timed around the whole call, as :func:`measure_build` is: the report's own clock
    stops before the build saves its report and waits for the parse cache's save."""
    from converters.build import build
    from converters.pipeline import BuildOptions

    options = BuildOptions(sources=[corpus(size)], out=WORK / f"out-{size}", jobs=jobs)
    started = time.perf_counter()
    report = build(options)
    return {
        "seconds": time.perf_counter() - started,
        **report.timings,
        "files_reused": report.reused["files"][0],
        "files": report.reused["files"][1],
    }


def measure_incremental(size: int, jobs: int) -> dict[str, float]:
    """Rebuilds after the clean build: three after one document changed, then one with
    nothing changed.

    Each is a process of its own, as each ``senate-ld build`` is. Two unmeasured
    rebuilds first (another document edited, then put back) leave an output and a spare
    as steady use does, so the measured rebuilds update the spare in place, as every
    rebuild but the first after a clean one does. The three measured ones follow a
    title changed, the same title put back, and another document's title changed; their
    median is the figure (one rebuild on this virtual machine varies by ±5 %). The
    edited documents are put back as they were afterwards, so the corpus stays the
    benchmark's."""
    documents = sorted(corpus(size).glob("*.txt"))
    document, other, third = documents[size // 2], documents[size // 3], documents[size // 4]
    originals = {path: path.read_bytes() for path in (document, other, third)}
    try:
        retitle(other)
        child("rebuild", size, jobs)
        other.write_bytes(originals[other])
        child("rebuild", size, jobs)
        edits = []
        retitle(document)
        edits.append(child("rebuild", size, jobs))
        document.write_bytes(originals[document])
        edits.append(child("rebuild", size, jobs))
        retitle(third)
        edits.append(child("rebuild", size, jobs))
    finally:
        for path, content in originals.items():
            path.write_bytes(content)
    child("rebuild", size, jobs)
    unchanged = child("rebuild", size, jobs)
    median = sorted(edits, key=lambda edit: edit["seconds"])[1]
    return {
        "one_edit": median["seconds"],
        **{f"one_edit_{number}": edit["seconds"] for number, edit in enumerate(edits, start=1)},
        **{f"one_edit_{stage}": median[stage] for stage in STAGES},
        "files_reused": median["files_reused"],
        "files": median["files"],
        "unchanged": unchanged["seconds"],
    }


def retitle(document: Path) -> None:
    from dataclasses import replace

    from converters.parse import parse_document
    from converters.records import Bilingual
    from converters.synth.source_writer import render_document, render_single_page

    record = parse_document(document.read_bytes(), document.name)
    fr, nl = record.title.fr, record.title.nl
    title = Bilingual(fr and fr + " (modifié)", nl and nl + " (gewijzigd)")
    retitled = replace(record, title=title)
    language = record.page_language
    page = render_document(retitled) if language is None else render_single_page(retitled, language)
    document.write_text(page, encoding="utf-8")


def measure_naive(size: int) -> dict[str, float]:
    import pyshacl
    import rdflib

    from converters.convert.corpus import convert_corpus
    from converters.iris import Minter
    from converters.sources import parse_all
    from converters.validate.rdflib_bridge import rdflib_triple
    from converters.validate.shapes import load_shapes

    records = [
        r
        for r in parse_all(sorted(corpus(size).glob("*.txt")), jobs=1)
        if not isinstance(r, Exception)
    ]
    triples = convert_corpus(records, Minter()).triples
    started = time.perf_counter()
    graph = rdflib.Graph()
    for triple in triples:
        graph.add(rdflib_triple(triple))
    built = time.perf_counter()
    pyshacl.validate(graph, shacl_graph=load_shapes(), advanced=True, allow_warnings=True)
    validated = time.perf_counter()
    graph.serialize(WORK / f"naive-{size}.ttl", format="turtle")
    serialized = time.perf_counter()
    return {
        "graph": built - started,
        "validate": validated - built,
        "serialize": serialized - validated,
        "total": serialized - started,
        "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def measure_floor(size: int) -> dict[str, float]:
    started = time.perf_counter()
    triples = [
        quad.triple for quad in pyoxigraph.parse(path=str(WORK / f"out-{size}" / "dataset.nt"))
    ]
    pyoxigraph.serialize(triples, str(WORK / f"floor-{size}.ttl"), pyoxigraph.RdfFormat.TURTLE)
    return {"total": time.perf_counter() - started}


def child(kind: str, size: int, jobs: int) -> dict[str, float]:
    """Run one measurement in a process of its own; adds the CPU seconds it and the
    processes it forked used (user and system: file system work shows in the latter,
    and varies from run to run on a virtual machine far more than the former).

    What earlier steps wrote is flushed to the disk first (``os.sync``), not during the
    measurement: a clean build at 10,000 questions leaves 1.9 GB to write back."""
    os.sync()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = subprocess.run(
        [sys.executable, __file__, "--child", kind, str(size), str(jobs)],
        capture_output=True,
        text=True,
        check=True,
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    measured = json.loads(result.stdout.strip().splitlines()[-1])
    return {
        **{k: float(v) for k, v in measured.items()},
        "cpu_user": after.ru_utime - before.ru_utime,
        "cpu_system": after.ru_stime - before.ru_stime,
    }


def table(columns: list[str]) -> None:
    print("| " + " | ".join(columns) + " |")
    print("|" + "---|" * len(columns))


def main(sizes: list[int], jobs: int, baselines_too: bool = True) -> None:
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    print(f"Machine: {machine}, --jobs {jobs}\n")
    table(
        [
            "questions",
            "triples",
            "pages",
            *STAGES,
            "total",
            "q/s",
            "s per 1k q",
            "CPU s user + system",
            "peak RSS MiB",
        ]
    )
    baselines = []
    for size in sizes:
        corpus(size)
        set_aside_outputs(size)
        ours = child("build", size, jobs)
        stages = " | ".join(f"{ours[stage]:.1f}" for stage in STAGES)
        total = ours["total"]
        print(
            f"| {size} | {ours['triples']:.0f} | {ours['pages']:.0f} | {stages} | {total:.1f} | "
            f"{size / total:.0f} | {1000 * total / size:.2f} | "
            f"{ours['cpu_user']:.0f} + {ours['cpu_system']:.0f} | {ours['peak_rss_mib']:.0f} |"
        )
        incremental = measure_incremental(size, jobs)
        naive = child("naive", size, 1) if baselines_too else None
        floor = child("floor", size, 1) if baselines_too else None
        baselines.append((size, total, incremental, naive, floor))
    print()
    table(
        [
            "questions",
            "full build",
            "rebuild after one document changed (median)",
            "of the full build",
            "the three rebuilds",
            "files kept / all",
            "its stages (" + ", ".join(STAGES) + ")",
            "rebuild, nothing changed",
        ]
    )
    for size, total, incremental, _, _ in baselines:
        stages = " / ".join(f"{incremental[f'one_edit_{stage}']:.1f}" for stage in STAGES)
        each = " / ".join(f"{incremental[f'one_edit_{number}']:.2f}" for number in (1, 2, 3))
        print(
            f"| {size} | {total:.2f} s | {incremental['one_edit']:.2f} s | "
            f"{100 * incremental['one_edit'] / total:.1f} % | "
            f"{each} s | "
            f"{incremental['files_reused']:.0f} / {incremental['files']:.0f} | {stages} | "
            f"{incremental['unchanged']:.1f} s |"
        )
    print()
    if not baselines_too:
        shutil.rmtree(SET_ASIDE, ignore_errors=True)
        return
    table(
        [
            "questions",
            "ours, full build",
            "(a) naive: rdflib graph + pyshacl + rdflib Turtle",
            "of which validate",
            "ratio",
            "(b) floor: pyoxigraph nt → Turtle",
        ]
    )
    for size, total, _, naive, floor in baselines:
        assert naive is not None and floor is not None
        print(
            f"| {size} | {total:.1f} s | {naive['total']:.1f} s | {naive['validate']:.1f} s | "
            f"{naive['total'] / total:.2f}× | {floor['total']:.2f} s |"
        )
    shutil.rmtree(SET_ASIDE, ignore_errors=True)


def run_child(kind: str, size: int, jobs: int) -> dict[str, float]:
    if kind == "build":
        return measure_build(size, jobs)
    if kind == "rebuild":
        return measure_rebuild(size, jobs)
    if kind == "naive":
        return measure_naive(size)
    return measure_floor(size)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        print(json.dumps(run_child(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))))
    else:
        arguments = [a for a in sys.argv[1:] if a != "--without-baselines"]
        baselines_too = len(arguments) == len(sys.argv[1:])
        main([int(a) for a in arguments] or [1000, 10000], os.cpu_count() or 1, baselines_too)
