"""Validate: the graph against the SHACL shapes, into a report a person can read.

pyshacl does the validating; this stage cuts the graph into shards that can be
validated apart (and in parallel), and turns pyshacl's report into sorted results
that name each focus node's source document.
"""
