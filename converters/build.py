"""``senate-ld build``: the clean pipeline (:mod:`converters.pipeline`) with the
incremental layer (:mod:`converters.incremental.layer`) plugged into its hooks,
unless the build is asked to do everything anew."""

from __future__ import annotations

from .incremental.layer import IncrementalBuild
from .pipeline import BuildOptions, BuildReport
from .pipeline import build as build_with
from .sources import Progress


def build(options: BuildOptions, progress: Progress | None = None) -> BuildReport:
    """Build the dataset and publish it into ``options.out``, reusing what the last
    build into the same folder made from inputs that have not changed."""
    hooks = IncrementalBuild() if options.incremental else None
    return build_with(options, progress, hooks)
