"""Whole-graph against sharded SHACL validation on synthetic corpora.

    .venv/bin/python bench/validation_sharding.py 2000 5000

Prints a Markdown table: one row per (size, mode), each checked to report exactly the
results of whole-graph validation.
"""

from __future__ import annotations

import sys
import time
from dataclasses import replace

from converters.convert.corpus import convert_corpus
from converters.iris import Minter
from converters.synth.synthetic import synthetic_corpus
from converters.validate.shacl import validate_triples, validate_whole


def main(sizes: list[int]) -> None:
    print("| questions | triples | mode | seconds | same results |")
    print("|---|---|---|---|---|")
    for size in sizes:
        records = [replace(d.record, source=d.name) for d in synthetic_corpus(size, seed=1)]
        triples = convert_corpus(records, Minter()).triples
        started = time.perf_counter()
        whole = validate_whole(triples)
        seconds = time.perf_counter() - started
        print(f"| {size} | {len(triples)} | whole graph | {seconds:.1f} | - |")
        for shard in (250, 500, 1000):
            for jobs in (1, 2):
                started = time.perf_counter()
                sharded = validate_triples(triples, jobs=jobs, shard_questions=shard)
                seconds = time.perf_counter() - started
                mode = f"shards of {shard}, {jobs} process{'es' if jobs > 1 else ''}"
                same = sharded.results == whole.results
                print(f"| {size} | {len(triples)} | {mode} | {seconds:.1f} | {same} |")


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or [2000])
