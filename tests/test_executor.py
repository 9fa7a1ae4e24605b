"""The executor interface: local processes and Dask give the same package."""

import os
import time

import pytest
from conftest import FIXTURES, quiet
from test_publish import tree

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


def test_dask_local_cluster_publishes_the_same_package(tmp_path, built_package):
    pytest.importorskip("dask.distributed", reason="the dask extra is not installed")
    from pipeline.executor import DaskExecutor
    executor = DaskExecutor(workers=2)
    try:
        assert executor.map(square, [1, 2, 3]) == [1, 4, 9]
        publish(FIXTURES, tmp_path / "dask", report=quiet, executor=executor)
    finally:
        executor.close()
    assert tree(tmp_path / "dask") == tree(built_package)


def _fail(message: str) -> None:
    raise OSError(message)


def test_background_returns_the_result_or_raises_the_error(tmp_path):
    from pipeline.executor import Background
    target = tmp_path / "written"
    assert Background(target.write_text, "done").join() == 4
    assert target.read_text() == "done"
    with pytest.raises(OSError, match="disk full"):
        Background(_fail, "disk full").join()

