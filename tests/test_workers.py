"""Forked workers and background tasks: results in order, failures reported, no leaks."""

from __future__ import annotations

import gc
import os
import time

import pytest

from converters.workers import (
    fewer_collections,
    in_background,
    run_in_workers,
    settled,
)


def _square_with_pid(number: int) -> tuple[int, int]:
    return number * number, os.getpid()


def test_results_come_back_in_the_order_of_the_items_whatever_the_number_of_workers() -> None:
    items = list(range(50))
    for jobs in (1, 2, 3):
        results = run_in_workers(_square_with_pid, items, jobs, minimum=2)
        assert [square for square, _ in results] == [n * n for n in items]


def test_items_are_handled_in_forked_processes_when_there_are_enough() -> None:
    results = run_in_workers(_square_with_pid, list(range(10)), 2, minimum=2)
    pids = {pid for _, pid in results}
    assert os.getpid() not in pids
    assert 1 <= len(pids) <= 2


def _slow_first(number: int) -> tuple[int, int]:
    if number == 0:
        time.sleep(1.0)
    return number, os.getpid()


def test_a_worker_held_up_by_a_slow_item_leaves_the_other_items_to_the_others() -> None:
    results = run_in_workers(_slow_first, list(range(40)), 2, minimum=2)
    slow_worker = results[0][1]
    assert [number for number, _ in results] == list(range(40))
    assert sum(pid != slow_worker for _, pid in results) >= 30


def test_few_items_are_handled_in_the_calling_process() -> None:
    results = run_in_workers(_square_with_pid, [1, 2, 3], 2, minimum=200)
    assert {pid for _, pid in results} == {os.getpid()}


def test_progress_reaches_the_number_of_items() -> None:
    seen: list[tuple[int, int]] = []
    run_in_workers(_square_with_pid, list(range(8)), 2, lambda d, t: seen.append((d, t)), 2)
    assert seen[-1] == (8, 8)


def _slowly(number: int) -> int:
    time.sleep(0.01)
    return number


def test_progress_is_reported_while_the_workers_run_and_never_goes_back() -> None:
    seen: list[int] = []
    run_in_workers(_slowly, list(range(200)), 2, lambda done, _: seen.append(done), 2)
    assert any(0 < done < 200 for done in seen)
    assert seen == sorted(seen)
    assert seen[-1] == 200


def test_a_background_task_returns_its_result_from_another_process() -> None:
    task = in_background(lambda: (os.getpid(), [1, 2, 3]))
    assert task is not None
    pid, numbers = task.wait()
    assert pid != os.getpid()
    assert numbers == [1, 2, 3]


def test_a_nice_background_task_runs_at_that_niceness_and_leaves_the_caller_as_it_was() -> None:
    before = os.nice(0)
    task = in_background(lambda: os.nice(0), niceness=7)
    assert task is not None
    assert task.wait() == min(before + 7, 19)
    assert os.nice(0) == before


def test_a_background_task_may_fork_workers_of_its_own() -> None:
    task = in_background(lambda: run_in_workers(_square_with_pid, list(range(6)), 2, minimum=2))
    assert task is not None
    assert [square for square, _ in task.wait()] == [0, 1, 4, 9, 16, 25]


def test_a_failing_background_task_raises_its_error_in_the_caller() -> None:
    def fail() -> None:
        raise ValueError("the shapes are unreadable")

    task = in_background(fail)
    assert task is not None
    with pytest.raises(RuntimeError, match="ValueError: the shapes are unreadable"):
        task.wait()


def test_a_background_task_that_dies_is_reported() -> None:
    task = in_background(lambda: os._exit(3))
    assert task is not None
    with pytest.raises(RuntimeError, match="the process died"):
        task.wait()


def test_a_stopped_background_task_is_ended() -> None:
    task = in_background(lambda: time.sleep(60))
    assert task is not None
    started = time.monotonic()
    task.stop()
    assert time.monotonic() - started < 10


def test_fewer_collections_raises_the_threshold_and_restores_it() -> None:
    before = gc.get_threshold()
    with fewer_collections(50_000):
        assert gc.get_threshold()[0] == 50_000
    assert gc.get_threshold() == before
    with pytest.raises(KeyError), fewer_collections():
        raise KeyError("the build failed")
    assert gc.get_threshold() == before


def test_a_background_task_leaves_what_it_inherited_out_of_its_collections() -> None:
    """Its collections go through what it makes, not the build's graph again."""
    inherited = [[n] for n in range(10_000)]
    task = in_background(lambda: (gc.get_freeze_count(), len(inherited)))
    assert task is not None
    frozen, seen = task.wait()
    assert frozen >= len(inherited) and seen == len(inherited)
    assert gc.get_freeze_count() == 0, "the caller's own collections are as they were"


def test_what_settles_in_a_fewer_collections_block_is_collected_again_after_it() -> None:
    with fewer_collections():
        kept = [[n] for n in range(1_000)]
        settled()
        assert gc.get_freeze_count() >= len(kept)
    assert gc.get_freeze_count() == 0
    with pytest.raises(KeyError), fewer_collections():
        settled()
        raise KeyError("the build failed")
    assert gc.get_freeze_count() == 0
