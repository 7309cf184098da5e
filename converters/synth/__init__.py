"""Synth: made-up documents in the Senate's format, for tests and benchmarks; the
source writer is the parser's inverse (a record → the page the Senate would print)."""
