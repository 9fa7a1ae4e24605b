"""The schedule: where a publish's stages run (pipeline/schedule.py)."""

import contextlib
import multiprocessing
import os
import pickle
import re
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from pipeline.cache import ArticleCache
from pipeline.executor import LocalProcesses, _can_fork
from pipeline.schedule import Schedule


@dataclass(frozen=True)
class Job:
    key: str
    cache: Path
    log: Path


def build_double(job: Job) -> int:
    """The job's number doubled, kept in the cache, each build noted in the log folder."""
    (job.log / f"built-{job.key}-{time.monotonic_ns()}").touch()
    value = 2 * int(job.key, 16)
    ArticleCache(job.cache).put(job.key, value)
    return value


def jobs_of(tmp_path: Path, count: int) -> list[Job]:
    log = tmp_path / "log"
    log.mkdir(exist_ok=True)
    return [Job(f"{number:064x}", tmp_path / "cache", log) for number in range(count)]


def built(tmp_path: Path) -> list[str]:
    return sorted(path.name.split("-")[1] for path in (tmp_path / "log").glob("built-*"))


def no_setup(*stores) -> None:
    """Nothing to compile (with stores of compiled regexes and needs, or without)."""


@pytest.mark.parametrize("cached", [0, 3, 9])  # a fresh build; most built before (overlap)
def test_build_reads_what_the_cache_holds_and_builds_the_rest_in_order(tmp_path, cached):
    jobs = jobs_of(tmp_path, 10)
    cache = ArticleCache(tmp_path / "cache")
    for job in jobs[:cached]:
        cache.put(job.key, 2 * int(job.key, 16))
    fresh = [job for job in jobs if not cache.holds(job.key)]
    with Schedule(LocalProcesses(2), None, print) as schedule:
        results = schedule.build(build_double, jobs, fresh, cache, setup=no_setup)
    assert results == [2 * number for number in range(10)]
    assert built(tmp_path) == sorted(job.key for job in fresh)


def add_and_learn(numbers: list[int], memo) -> list[int]:
    return memo.map(add_one_noted, [(number,) for number in numbers])


def add_one_noted(number: int) -> int:
    Path(f"computed-{number}-{time.monotonic_ns()}").touch()  # in the test's working folder
    return number + 1


SOURCES = [r"\bacme\b", r"(?P<year>[12][0-9]{3})"]


def compile_sources(compile_many=None, remember=None) -> list:
    """A setup that compiles SOURCES through the store of compiled regexes it is given."""
    return compile_many(SOURCES) if compile_many else [re.compile(s) for s in SOURCES]


class Handing(LocalProcesses):
    """One local process that keeps each setup it is given as a worker elsewhere gets it."""

    def __init__(self):
        super().__init__(1)
        self.handed: list[bytes] = []

    def prepare(self, setup) -> None:
        self.handed.append(pickle.dumps(setup))
        super().prepare(setup)


def test_workers_elsewhere_are_handed_the_regexes_compiled_here(tmp_path, monkeypatch):
    """Workers that cannot inherit the rules (Dask's) are given, once, a setup that compiles
    from what this process parsed instead of parsing every regex again, small enough for
    Dask to send without a thread of its own."""
    from pipeline import cache as caching
    jobs = jobs_of(tmp_path, 4)
    executor = Handing()
    with Schedule(executor, None, print) as schedule:
        schedule.build(build_double, jobs, jobs, ArticleCache(tmp_path / "cache"),
                       setup=compile_sources)
    [handed] = executor.handed
    assert len(handed) < 10 * 2**20

    def parsed_again(source: str):
        raise AssertionError(f"{source!r} parsed again")

    parsed_again.__qualname__ = caching.regex_parts.__qualname__
    monkeypatch.setattr(caching, "regex_parts", parsed_again)
    assert pickle.loads(handed)() == [re.compile(source) for source in SOURCES]


def test_a_memo_used_meanwhile_is_closed_there_and_kept_for_the_next_build(tmp_path):
    """The forked process that used a memo saves what it learnt: the next build's memo of
    that kind finds it and computes nothing again."""
    for _ in range(2):
        with Schedule(LocalProcesses(1), tmp_path, print) as schedule:
            task = schedule.meanwhile(add_and_learn, [1, 2, 3], memo="test")
            assert task.join() == [2, 3, 4]
        assert sorted(path.name.split("-")[1] for path in Path.cwd().glob("computed-*")) == \
            ["1", "2", "3"]
    assert list((tmp_path / "memo" / "test").glob("*.pickle"))


def test_work_still_running_when_the_schedule_ends_is_stopped():
    if not _can_fork():
        pytest.skip("another thread runs: the work runs in this process")
    with pytest.raises(KeyboardInterrupt), Schedule(None, None, print) as schedule:
        task = schedule.meanwhile(time.sleep, 30)
        pid = task.process.pid
        raise KeyboardInterrupt
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)


def write_memo_forever(memo) -> None:
    """A stage caught writing its memo: a temporary file as cache.write_entry names it."""
    from pipeline.cache import TEMPORARY
    from pipeline.executor import stamped
    memo.folder.mkdir(parents=True)
    (memo.folder / f"{stamped(TEMPORARY)}part").write_bytes(b"half an entry")
    time.sleep(30)


def stop_a_stage_writing_its_memo(cache_folder: Path) -> None:
    """A publish that fails while a stage writes its memo: the schedule ends and stops it."""
    folder = cache_folder / "memo" / "test"
    with contextlib.suppress(KeyboardInterrupt), Schedule(None, cache_folder, print) as schedule:
        schedule.meanwhile(write_memo_forever, memo="test")
        while not list(folder.glob(".tmp-*")):
            time.sleep(0.01)
        raise KeyboardInterrupt


def test_a_stage_stopped_while_writing_its_memo_leaves_no_part_of_it(tmp_path):
    """A publish that fails stops the stages still running (SIGTERM runs no clean-up in
    them): what one was writing into its memo's folder is removed once it is stopped. In a
    new interpreter: another test's Dask threads may run in this one, which then cannot
    fork."""
    process = multiprocessing.get_context("spawn").Process(target=stop_a_stage_writing_its_memo,
                                                           args=(tmp_path,))
    process.start()
    process.join(60)
    assert process.exitcode == 0
    assert list((tmp_path / "memo" / "test").iterdir()) == []


def test_the_collector_is_paused_while_the_schedule_runs():
    import gc
    assert gc.isenabled()
    with Schedule(None, None, print):
        assert not gc.isenabled()
    assert gc.isenabled()
