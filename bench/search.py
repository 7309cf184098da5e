"""The search index measured: indexing time and size, and what a browser downloads
and waits for when it searches.

    .venv/bin/python bench/search.py 10000 50000

For each size, on the output ``bench/run.py`` built in ``bench/work/out-SIZE`` (built
here if missing): every shard indexed anew (the clean build's share of indexing, in
the build's two workers), the index's files and bytes, then Debian's Chromium on the
French search page served on loopback: the bytes of the index it downloads to start
and for each query (cold, then the same query again, then another word), and the
time from the last keystroke to the results shown; in the scope the page searches
unless told (every legislature for a small index, the latest for a large one), then
in every legislature. Prints a Markdown table.
"""

from __future__ import annotations

import contextlib
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import pyoxigraph

from converters.synth.synthetic import made_up_word

WORK = Path(__file__).parent / "work"
QUERIES = ("pensions", "gouvernement", "chômage logement", made_up_word(2_000))
"""A topic (in one question in twenty-five), a word of nearly every question, two topics,
and a made-up word of middling rank (in one question in a few thousand)."""


def output(size: int) -> Path:
    out = WORK / f"out-{size}"
    if not (out / "search").is_dir():
        sys.path.insert(0, str(Path(__file__).parent))
        from run import corpus

        from converters.build import build
        from converters.pipeline import BuildOptions

        started = time.perf_counter()
        build(BuildOptions(sources=[corpus(size)], out=out, jobs=2))
        print(f"clean build of {size}: {time.perf_counter() - started:.1f} s", flush=True)
    return out


def measure_indexing(out: Path) -> dict[str, Any]:
    from converters.site.graph_view import GraphView
    from converters.site.search import search_shards, shard_digest
    from converters.site.search_index import SEARCH_INDEX, index_shards

    triples = [quad.triple for quad in pyoxigraph.parse(path=str(out / "dataset.nt"))]
    base = next(t.subject.value for t in triples if t.subject.value.endswith("/dataset"))
    view = GraphView(triples, base.removesuffix("dataset"))
    started = time.perf_counter()
    shards = search_shards(view)
    documents_seconds = time.perf_counter() - started
    with tempfile.TemporaryDirectory(dir=WORK) as folder:
        started = time.perf_counter()
        index_shards(
            [(f"{SEARCH_INDEX}/{n}", shard_digest(d), d) for n, d in shards.items()],
            Path(folder),
            2,
        )
        index_seconds = time.perf_counter() - started
    files = [p for p in (out / SEARCH_INDEX).rglob("*") if p.is_file()]
    largest = max(len(documents) for documents in shards.values())
    return {
        "documents": sum(len(documents) for documents in shards.values()),
        "shards": len(shards),
        "largest_shard": largest,
        "read_seconds": documents_seconds,
        "index_seconds": index_seconds,
        "files": len(files),
        "mib": sum(p.stat().st_size for p in files) / 2**20,
    }


def measure_browser(out: Path, scope: str) -> dict[str, Any]:
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import sync_playwright

    from converters.site.server import make_server

    server = make_server(out, 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/search/index.fr.html{scope}"
    downloaded: list[int] = []
    figures: dict[str, Any] = {"scope": scope or "default"}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"]
        )
        page = browser.new_page()

        def counted(response: Any) -> None:
            if "/search/index/" in response.url:
                # a response cut short by closing the browser is not counted
                with contextlib.suppress(PlaywrightError):
                    downloaded.append(len(response.body()))

        page.on("response", counted)
        started = time.perf_counter()
        figures["page_kb"] = len(page.goto(url).body()) / 1024  # type: ignore[union-attr]
        page.wait_for_selector("form.search[data-ready]", state="attached", timeout=120_000)
        figures["start_kb"] = sum(downloaded) / 1024
        figures["start_seconds"] = time.perf_counter() - started
        for number, query in enumerate((QUERIES[0], QUERIES[0], *QUERIES[1:]), start=1):
            downloaded.clear()
            page.fill("#search-terms", "")
            page.wait_for_timeout(300)
            started = time.perf_counter()
            page.fill("#search-terms", query)
            page.wait_for_function(
                "document.querySelector('.search-status').textContent.match(/\\d|Aucune/)",
                timeout=120_000,
            )
            page.wait_for_load_state("networkidle")
            figures[f"query{number}_seconds"] = time.perf_counter() - started
            figures[f"query{number}_kb"] = sum(downloaded) / 1024
            figures[f"query{number}"] = query
            figures[f"query{number}_results"] = page.inner_text(".search-status").split()[0]
        browser.close()
    server.shutdown()
    return figures


def main(sizes: list[int]) -> None:
    rows = []
    for size in sizes:
        out = output(size)
        indexing = measure_indexing(out)
        for scope in ("", "?legislature=all"):
            rows.append({"size": size, **indexing, **measure_browser(out, scope)})
    columns = list(rows[0])
    print("| " + " | ".join(columns) + " |")
    print("|" + "---|" * len(columns))
    for row in rows:
        cells = [f"{v:.2f}" if isinstance(v, float) else str(v) for v in row.values()]
        print("| " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main([int(size) for size in sys.argv[1:]] or [10_000])
