"""The clean pipeline and its hooks: what an incremental layer (or any other) can take
over, in which order it is asked, and that the defaults alone publish what the layer
publishes."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from contextlib import ExitStack
from dataclasses import replace
from pathlib import Path

from converters import build as incremental_build
from converters.convert.corpus import Conversion
from converters.convert.dataset import Publication
from converters.convert.eurovoc import EurovocIndex
from converters.iris import Minter
from converters.pipeline import BuildHooks, BuildOptions, BuildReport, build
from converters.publish.policy import WritePolicy
from converters.records import QuestionRecord
from converters.site.graph_view import GraphView
from converters.sources import Parsed, Progress
from converters.validate.shacl import KnownResults
from converters.validate.shards import ShardReuse

from .conftest import SEED, reproducible


class Recording(BuildHooks):
    """The default hooks, noting each call."""

    def __init__(self) -> None:
        self.calls: list[str] = []

    def start(
        self, options: BuildOptions, paths: Sequence[Path], before_unlocking: ExitStack
    ) -> BuildReport | None:
        self.calls.append("start")
        return super().start(options, paths, before_unlocking)

    def parse(
        self, paths: Sequence[Path], jobs: int, progress: Progress | None
    ) -> Iterable[Parsed]:
        self.calls.append("parse")
        return super().parse(paths, jobs, progress)

    def convert(
        self,
        records: Iterable[QuestionRecord],
        minter: Minter,
        eurovoc: EurovocIndex | None,
        publication: Publication,
    ) -> Conversion:
        self.calls.append("convert")
        return super().convert(records, minter, eurovoc, publication)

    def validation_memory(self, conversion: Conversion) -> tuple[KnownResults, ShardReuse | None]:
        self.calls.append("validation_memory")
        return super().validation_memory(conversion)

    def validated(self, results: KnownResults) -> None:
        self.calls.append("validated")

    def output_folder(self) -> tuple[Path | None, bool]:
        self.calls.append("output_folder")
        return super().output_folder()

    def write_policy(self, staging: Path) -> WritePolicy:
        self.calls.append("write_policy")
        return super().write_policy(staging)

    def graph_view(self, conversion: Conversion, base: str) -> GraphView:
        self.calls.append("graph_view")
        return super().graph_view(conversion, base)

    def finish(
        self, report: BuildReport, view: GraphView, policy: WritePolicy, shards: Mapping[str, str]
    ) -> BuildReport:
        self.calls.append("finish")
        return super().finish(report, view, policy, shards)


def tree(folder: Path) -> dict[str, str]:
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if reproducible(path)
    }


def test_a_build_asks_each_hook_once_in_the_order_of_the_pipeline(tmp_path: Path) -> None:
    hooks = Recording()
    report = build(BuildOptions(sources=[SEED], out=tmp_path / "out", jobs=1), hooks=hooks)
    assert not report.failed
    assert hooks.calls == [
        "start",
        "parse",
        "convert",
        "validation_memory",
        "output_folder",
        "write_policy",
        "graph_view",
        "validated",
        "finish",
    ]


def test_the_defaults_publish_what_the_incremental_layer_publishes(tmp_path: Path) -> None:
    options = BuildOptions(sources=[SEED], out=tmp_path / "clean", jobs=1)
    build(options)
    incremental_build.build(replace(options, out=tmp_path / "layered"))
    assert tree(tmp_path / "clean") == tree(tmp_path / "layered")
    assert not (tmp_path / ".clean.cache").exists()  # the clean pipeline keeps nothing


def test_a_hook_that_finds_the_output_up_to_date_ends_the_build_at_once(tmp_path: Path) -> None:
    kept = build(BuildOptions(sources=[SEED], out=tmp_path / "out", jobs=1))

    class UpToDate(BuildHooks):
        def start(
            self, options: BuildOptions, paths: Sequence[Path], before_unlocking: ExitStack
        ) -> BuildReport | None:
            return kept

        def parse(
            self, paths: Sequence[Path], jobs: int, progress: Progress | None
        ) -> Iterable[Parsed]:
            raise AssertionError("nothing is parsed when the output is up to date")

    before = tree(tmp_path / "out")
    assert build(BuildOptions(sources=[SEED], out=tmp_path / "out"), hooks=UpToDate()) is kept
    assert tree(tmp_path / "out") == before
