"""The executor interface: local processes and Dask give the same package."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import FIXTURES, quiet
from test_publish import REPO, tree

from pipeline.executor import LocalProcesses
from pipeline.publish import publish


def square(number: int) -> int:
    return number * number


def test_local_processes_keep_input_order():
    assert LocalProcesses(2).map(square, list(range(50))) == [n * n for n in range(50)]
    assert LocalProcesses(1).map(square, [3]) == [9]


def test_forked_workers_read_the_items_they_inherit_and_leave_none_behind():
    """Items that do not pickle reach the workers all the same: only bounds are sent."""
    from pipeline import executor
    items = [lambda n=n: n + 1 for n in range(40)]
    assert LocalProcesses(2).map(_call, items) == list(range(1, 41))
    assert executor._SHARED is None


def _call(function):
    return function()


def _square_but_three(number: int) -> int:
    if number == 3:
        raise ValueError("three")
    return number * number


def test_a_workers_error_is_raised_and_its_results_files_are_removed(tmp_path, monkeypatch):
    """Workers hand their results over in files (a spool folder per map): an error in a
    worker's chunk is raised by map, and the folder goes either way."""
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    import tempfile
    monkeypatch.setattr(tempfile, "tempdir", None)
    items = list(range(300))  # the first chunks are the workers', the last this process's
    assert LocalProcesses(3).map(square, items) == [n * n for n in items]
    with pytest.raises(ValueError, match="three"):
        LocalProcesses(3).map(_square_but_three, items)
    assert list(tmp_path.iterdir()) == []


def test_a_background_process_runs_its_maps_in_itself():
    assert LocalProcesses(4).in_background().workers == 1


def _die():
    os._exit(3)


def test_a_background_process_ends_when_done_and_leaves_no_file(tmp_path, monkeypatch):
    """Its outcome goes to a file, not a pipe: a large result does not keep it waiting for
    join (a pipe holds 64 KiB), and a process that dies without a word is an error."""
    import tempfile

    from pipeline.executor import Background, _can_fork
    if not _can_fork():
        pytest.skip("another thread runs: Background runs its function in this process")
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    monkeypatch.setattr(tempfile, "tempdir", None)
    large = Background(bytes, 10_000_000)
    large.process.join(timeout=60)
    assert not large.process.is_alive()
    assert large.join() == bytes(10_000_000)
    with pytest.raises(RuntimeError, match="without saying how"):
        Background(_die).join()
    stopped = Background(time.sleep, 30)
    stopped.stop()
    assert list(tmp_path.iterdir()) == []


@pytest.mark.slow
def test_dask_local_cluster_publishes_the_same_package(tmp_path, built_package):
    pytest.importorskip("dask.distributed", reason="the dask extra is not installed")
    from pipeline.executor import DaskExecutor
    executor = DaskExecutor(workers=2)
    try:
        assert executor.map(square, [1, 2, 3]) == [1, 4, 9]
        executor.prepare(square_of_two)  # in each worker once, as it joins
        plugins = executor.client.run(lambda dask_worker: sorted(dask_worker.plugins))
        assert [[name for name in names if name.startswith("article-facts-")]
                for names in plugins.values()] == [[f"article-facts-{__name__}.square_of_two"]] * 2
        publish(FIXTURES, tmp_path / "dask", report=quiet, executor=executor)
        assert executor.client.status == "closed"  # let go once the articles were built
    finally:
        executor.close()
    assert tree(tmp_path / "dask") == tree(built_package)


def square_of_two() -> int:
    return square(2)


def test_a_dask_executor_connects_when_work_is_sent_and_an_unreachable_scheduler_says_so():
    """Until work is sent no client thread runs, so the rules can be set up over this
    machine's forked processes; a scheduler that does not answer is an input error."""
    pytest.importorskip("dask.distributed", reason="the dask extra is not installed")
    import socket

    import dask

    from pipeline.errors import InputError
    from pipeline.executor import DaskExecutor, _can_fork
    with socket.socket() as closed:  # a port nothing listens on once it is closed
        closed.bind(("127.0.0.1", 0))
        address = f"tcp://127.0.0.1:{closed.getsockname()[1]}"
    executor = DaskExecutor(address)
    assert executor.client is None
    # another test's Dask threads may still run, and then this process cannot fork
    assert isinstance(executor.for_setup(), LocalProcesses) == _can_fork()
    with (dask.config.set({"distributed.comm.timeouts.connect": "1s"}),
          pytest.raises(InputError, match=r"--scheduler: no Dask scheduler answers at")):
        executor.map(square, [1])


def test_a_record_hands_on_what_its_memo_computed_and_computes_only_the_rest():
    import pickle

    from pipeline.cache import Memo, Record
    record = Record(Memo(None, "test"))
    assert record.map(_square_noted, [(2,), (3,)]) == [4, 9]
    handed = pickle.loads(pickle.dumps(record))  # as a worker elsewhere gets it
    assert handed.memo is None
    NOTED.clear()
    assert handed.map(_square_noted, [(3,), (5,)]) == [9, 25]
    assert NOTED == [5]


NOTED: list[int] = []


def _square_noted(number: int) -> int:
    NOTED.append(number)
    return square(number)


def _fail(message: str) -> None:
    raise OSError(message)


def test_background_returns_the_result_or_raises_the_error(tmp_path):
    from pipeline.executor import Background
    target = tmp_path / "written"
    assert Background(target.write_text, "done").join() == 4
    assert target.read_text() == "done"
    with pytest.raises(OSError, match="disk full"):
        Background(_fail, "disk full").join()


def stat_fields(pid: int) -> list[str]:
    """A process's fields in /proc/<pid>/stat after its name (state, ppid, process group,
    session, ...); none if it has gone."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return []


def living(pids) -> list[int]:
    """Those of `pids` whose process runs (a zombie, dead but not yet reaped, does not)."""
    return [pid for pid in pids if (fields := stat_fields(pid)) and fields[0] not in "ZX"]


def until(condition, seconds: float):
    """Poll `condition` until it is true or the time is up; its last value."""
    deadline = time.monotonic() + seconds
    while not (value := condition()) and time.monotonic() < deadline:
        time.sleep(0.05)
    return value


PUBLISHER = """
import os, sys, time
from pathlib import Path
from pipeline.executor import Background, LocalProcesses

def note_and_wait(number):
    (Path(sys.argv[1]) / str(os.getpid())).touch()
    time.sleep(60)

Background(note_and_wait, 0)
LocalProcesses(3).map(note_and_wait, [1, 2, 3])
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux's")
def test_workers_and_background_processes_die_with_their_parent(tmp_path):
    """A parent killed with SIGKILL runs no clean-up: its forked workers and Background
    processes must end by themselves (before, they slept on, then waited on a pipe)."""
    parent = subprocess.Popen([sys.executable, "-c", PUBLISHER, str(tmp_path)], cwd=REPO)

    def children() -> list[int]:
        return [int(path.name) for path in tmp_path.iterdir() if int(path.name) != parent.pid]

    try:
        assert until(lambda: len(children()) >= 3, 30)  # the Background process, two workers
    finally:
        parent.send_signal(signal.SIGKILL)
        parent.wait()
    assert until(lambda: not living(children()), 3), living(children())


def _reports(relay, lines: list[str], fail: bool = False) -> int:
    for line in lines:
        relay(line)
    if fail:
        raise ValueError("failed after reporting")
    return len(lines)


def test_what_a_background_process_reports_comes_back_to_the_callers_report():
    from pipeline.executor import Background, Relay
    got = []
    relay = Relay(got.append)
    assert Background(_reports, relay, ["one", "two"]).join() == 2
    with pytest.raises(ValueError, match="after reporting"):
        Background(_reports, relay, ["three"], True).join()
    relay("four")  # in this process, reported at once
    assert got == ["one", "two", "three", "four"]


class InterruptedClient:
    """A Dask client whose gather is interrupted (Ctrl-C, or the publish stopping)."""

    def __init__(self):
        self.cancelled = None

    def map(self, function, items, pure):
        return [f"future-{item}" for item in items]

    def gather(self, futures):
        raise KeyboardInterrupt

    def cancel(self, futures):
        self.cancelled = futures


def test_a_dask_map_cancels_its_futures_when_interrupted():
    from pipeline.executor import DaskExecutor
    executor = DaskExecutor.__new__(DaskExecutor)  # no cluster: its client is all map uses
    executor.client = InterruptedClient()
    with pytest.raises(KeyboardInterrupt):
        executor.map(square, [1, 2])
    assert executor.client.cancelled == ["future-1", "future-2"]


@pytest.mark.skipif(os.name != "posix", reason="pids are checked with kill(pid, 0)")
def test_only_what_dead_processes_of_this_host_left_is_removed(tmp_path):
    from pipeline.executor import HOST, remove_orphans, stamped
    ended = subprocess.Popen([sys.executable, "-c", "pass"])
    ended.wait()
    prefix = ".out.tmp-"
    dead = tmp_path / f"{prefix}{HOST}-{ended.pid}-abc123"
    dead_file = tmp_path / f".tmp-{HOST}-{ended.pid}-def456"
    kept = [tmp_path / f"{stamped(prefix)}ghi789",  # this process's: alive
            tmp_path / f"{prefix}otherhost-{ended.pid}-jkl012",  # another host's
            tmp_path / f"{prefix}abcdefgh",  # not stamped (an older publish's)
            tmp_path / f".other.tmp-{HOST}-{ended.pid}-mno345"]  # another output's
    for folder in [dead, *kept]:
        folder.mkdir()
        (folder / "data.csv").write_text("a\n")
    dead_file.write_text("partial")
    remove_orphans(tmp_path, prefix)
    remove_orphans(tmp_path, ".tmp-")
    assert sorted(tmp_path.iterdir()) == sorted(kept)


def test_a_map_removes_the_spools_that_killed_processes_left(tmp_path, monkeypatch):
    import tempfile

    from pipeline import executor
    from pipeline.executor import HOST
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    monkeypatch.setattr(tempfile, "tempdir", None)
    monkeypatch.setattr(executor, "_tidied", False)
    ended = subprocess.Popen([sys.executable, "-c", "pass"])
    ended.wait()
    (tmp_path / f"pipeline-map-{HOST}-{ended.pid}-abcd1234").mkdir()
    (tmp_path / f"pipeline-background-{HOST}-{ended.pid}-efgh5678").write_bytes(b"outcome")
    kept = tmp_path / f"pipeline-map-{HOST}-{os.getpid()}-ijkl9012"  # this process's
    kept.mkdir()
    assert LocalProcesses(2).map(square, list(range(10))) == [n * n for n in range(10)]
    assert list(tmp_path.iterdir()) == [kept]
