"""Incremental: the layer that makes a rebuild redo only what changed.

It plugs into the clean pipeline's hooks (:mod:`converters.pipeline`); the pipeline
imports nothing from here. It keeps a cache beside the output folder (parsed sources,
the last graph, validation shards, what each page read), patches the last graph and
dumps when few sources changed, and keeps files whose inputs read the same.
"""
