"""Publish: the graph written out as files: dumps, per-resource descriptions, the
validation report, and the output folder swapped in whole when a build completes."""
