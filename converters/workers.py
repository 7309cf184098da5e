"""Running independent, ordered pieces of a stage in forked worker processes.

Page rendering and resource writing need the whole graph (to show labels and
incoming links) but write disjoint files. Forked workers inherit the graph already
built in memory instead of receiving it pickled. What an item's files hold depends on
that item alone, not on which worker handled it or after which others, so the files
written are the same whatever the number of workers.
"""

from __future__ import annotations

import ctypes
import gc
import multiprocessing
import os
import signal
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Generic, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")


@contextmanager
def fewer_collections(threshold: int = 1_000_000) -> Iterator[None]:
    """Run the cyclic garbage collector less often in the block (and in the workers it
    forks).

    A build allocates millions of small objects that live until its end (terms,
    triples, index entries) and frees them by reference counting; with the default
    threshold of 700 allocations the collector scans them again and again for cycles
    they do not form, a fifth of a rebuild's time; at a million allocations the
    scans all but vanish at the same peak memory (bench/RESULTS.md). What the block
    leaves out of collections (:func:`settled`) is collected again after it.
    """
    before = gc.get_threshold()
    gc.set_threshold(threshold, before[1], before[2])
    try:
        yield
    finally:
        gc.unfreeze()
        gc.set_threshold(*before)


def settled() -> None:
    """Leave every object made so far out of the collector's later passes, until the
    :func:`fewer_collections` block ends (``gc.freeze``): the graph, its view and the
    like live until then anyway, and each full collection would go through all of
    them again."""
    gc.freeze()


def die_with_parent(parent: int) -> None:
    """Make this process (a worker, or a tool such as Pagefind, between fork and exec)
    die when ``parent`` does (Linux), so a build killed with SIGKILL leaves nothing
    writing on, holding the output lock or into a dropped staging folder."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the build died before the line above
        os._exit(1)


CLAIMS_PER_WORKER = 100
"""How many chunks each worker claims on average: enough that the last chunks, which
one worker may still be busy with while the others are done, are a small part of a
stage; few enough that claiming costs nothing."""


def run_in_workers(
    handle: Callable[[Item], Result],
    items: Sequence[Item],
    jobs: int,
    progress: Callable[[int, int], None] | None = None,
    minimum: int = 200,
) -> list[Result]:
    """Call ``handle`` on every item, in ``jobs`` forked processes when there are enough;
    the results come back in the order of ``items`` (they must pickle).

    The workers claim runs of consecutive items as they go (:class:`_Claims`), so a
    worker slowed down by heavier items, or by the build's other processes, leaves more
    of the rest to the others: fixed shares left one core idle for up to a second at
    the end of a stage while the other finished its share. ``progress`` hears of
    finished items while the workers run.
    """
    if jobs <= 1 or len(items) < minimum or "fork" not in multiprocessing.get_all_start_methods():
        results = []
        for done, item in enumerate(items, start=1):
            results.append(handle(item))
            if progress:
                progress(done, len(items))
        return results
    workers = min(jobs, os.cpu_count() or jobs)
    claims = _Claims(len(items), max(1, len(items) // (workers * CLAIMS_PER_WORKER)))

    def work() -> list[tuple[int, list[Result]]]:
        handled = []
        for start, stop in claims:
            handled.append((start, [handle(items[index]) for index in range(start, stop)]))
            claims.finished(stop - start)
        return handled

    running = [Background(work) for _ in range(workers)]
    gathered: list[Result | None] = [None] * len(items)
    try:
        pending = list(running)
        while pending:
            for process in [p for p in pending if p.ready(PROGRESS_INTERVAL / len(pending))]:
                for start, results in process.wait():
                    gathered[start : start + len(results)] = results
                pending.remove(process)
            if progress:
                progress(claims.done, len(items))
    finally:
        for process in running:
            process.stop()
    return gathered  # type: ignore[return-value]


PROGRESS_INTERVAL = 0.25
"""Seconds between two progress reports while workers run."""


class _Claims:
    """Runs of ``chunk`` consecutive indices below ``total``, handed out in order to
    whichever forked process asks next, and a count of the finished ones: counters in
    memory shared with the processes forked after it is made."""

    def __init__(self, total: int, chunk: int) -> None:
        context = multiprocessing.get_context("fork")
        self.total = total
        self.chunk = chunk
        self._lock = context.Lock()
        self._counts = context.RawArray("q", 2)  # [next to claim, finished]

    def __iter__(self) -> Iterator[tuple[int, int]]:
        while True:
            with self._lock:
                start = self._counts[0]
                self._counts[0] = min(start + self.chunk, self.total)
            if start >= self.total:
                return
            yield start, min(start + self.chunk, self.total)

    def finished(self, count: int) -> None:
        with self._lock:
            self._counts[1] += count

    @property
    def done(self) -> int:
        with self._lock:
            return int(self._counts[1])


class WorkerError(RuntimeError):
    """A task failed in a forked process: the type and text of the error it raised."""


class Background(Generic[Result]):
    """A task running in a forked process beside the build (see :func:`in_background`)."""

    def __init__(self, task: Callable[[], Result], niceness: int = 0) -> None:
        context = multiprocessing.get_context("fork")
        self._receive, send = context.Pipe(duplex=False)
        parent = os.getpid()

        def run() -> None:
            gc.freeze()  # the build's objects are only read here: see settled()
            die_with_parent(parent)
            if niceness:
                os.nice(niceness)
            try:
                result = task()
            except Exception as error:  # reported to the build, which raises it
                send.send((f"{type(error).__name__}: {error}", None))
                raise SystemExit(1) from None
            send.send(("", result))

        # not a daemon: the task may fork workers of its own
        self._process = context.Process(target=run, daemon=False)
        self._process.start()
        send.close()

    def stop(self) -> None:
        """End the task if it still runs (the build failed and its output is dropped)."""
        if self._process.is_alive():
            self._process.kill()
        self._process.join()

    def ready(self, timeout: float) -> bool:
        """Whether :meth:`wait` would return at once, waiting up to ``timeout`` seconds."""
        return self._receive.poll(timeout)

    def wait(self) -> Result:
        """The task's result (it must pickle); :class:`WorkerError` if it failed."""
        try:
            message, result = self._receive.recv()
        except EOFError:
            message, result = "the process died", None
        self._process.join()
        if message or self._process.exitcode != 0:
            raise WorkerError(message or f"exit status {self._process.exitcode}")
        return result  # type: ignore[no-any-return]


def in_background(task: Callable[[], Result], niceness: int = 0) -> Background[Result] | None:
    """Start ``task`` in a forked process, which shares the build's memory as it was;
    None where processes cannot be forked (the caller then runs it itself). A task
    with ``niceness`` (up to 19) gets a core only when the others leave one idle."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return None
    return Background(task, niceness)
