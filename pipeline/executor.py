"""Where the per-article work runs: one small interface, two implementations.

`LocalProcesses` (the default) uses this machine's cores; `DaskExecutor` sends the same work to
a Dask cluster (`pip install .[dask]`), so that a corpus too big for one machine needs no code
change. Results always come back in input order, so the package is byte-identical whatever
runs it and with however many workers.

Work dies with its publish: on Linux each forked process asks the kernel to kill it when its
parent ends (a publish killed with SIGKILL runs no clean-up of its own), and a Dask map cancels
its futures when it is interrupted.
"""

import contextlib
import ctypes
import gc
import itertools
import multiprocessing
import os
import pickle
import shutil
import signal
import socket
import sys
import tempfile
import threading
import weakref
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Protocol

from pipeline.errors import InputError, one_line


class Executor(Protocol):
    def map(self, function: Callable, items: Sequence) -> list: ...

    def in_background(self) -> "Executor":
        """This executor for the maps of a Background process."""

    def prepare(self, setup: Callable[[], None]) -> None:
        """Run `setup` (compiling the rules, say) once for every worker, before its work."""

    def for_rows(self) -> "Executor":
        """The executor for the work on the merged rows, which live in this process."""

    def for_setup(self) -> "Executor":
        """The executor for setting the rules up in this process, before any work is sent out:
        this machine's processes, where they can fork."""


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()


# Small chunks, so that the workers finish together (a worker left alone with a long last chunk
# idles a core); only their indexes are sent, so many cost little.
CHUNKS_PER_WORKER = 64
# The work of the LocalProcesses.map running in this process, which its forked workers inherit.
_SHARED: tuple[Callable, Sequence] | None = None
PR_SET_PDEATHSIG = 1  # linux/prctl.h


def end_with_parent(parent: int) -> None:
    """Run first in each worker and Background process. On Linux it asks the kernel to kill
    this process when its parent ends, however that ends: a publish killed with SIGKILL runs no
    clean-up, and its workers went on building articles, then waited on their pipe for good.
    If the parent has already gone, this process ends now."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:
        os._exit(1)


class LocalProcesses:
    """Worker processes on this machine, this process being one of them.

    Workers are forked when the map starts, so they inherit the items: only the indexes of
    each chunk are sent to them, not the items (after merging, the items are the package's rows,
    which took about as long to pickle as to work on). This process works through the chunks
    from the last while the forked workers take them from the first: its results need no
    pickling, and it would otherwise wait on a core of its own. Where fork is missing, items
    are pickled to the workers, and this process waits."""

    def __init__(self, workers: int | None = None):
        self.workers = max(1, workers or default_workers())

    def in_background(self) -> "LocalProcesses":
        """One worker, itself, for a Background process that forks: it runs beside this
        process's workers, and each forked copy of a large process costs memory."""
        return LocalProcesses(1) if _can_fork() else self

    def prepare(self, setup: Callable[[], None]) -> None:
        """Here, before the workers fork: they inherit what it made."""
        setup()

    def for_rows(self) -> "LocalProcesses":
        return self

    def for_setup(self) -> "LocalProcesses":
        return self

    def map(self, function: Callable, items: Sequence) -> list:
        if self.workers == 1 or len(items) <= 1:
            return [function(item) for item in items]
        if "fork" not in multiprocessing.get_all_start_methods():
            size = max(1, len(items) // (self.workers * CHUNKS_PER_WORKER))
            with ProcessPoolExecutor(max_workers=self.workers, initializer=end_with_parent,
                                     initargs=(os.getpid(),)) as pool:
                return list(pool.map(function, items, chunksize=size))
        return self._map_forked(function, items)

    def _map_forked(self, function: Callable, items: Sequence) -> list:
        global _SHARED
        # Each chunk takes every n-th item: neighbours are often alike in cost (the runs of one
        # table), so contiguous chunks were as unequal as the tables are.
        count = min(len(items), self.workers * CHUNKS_PER_WORKER)
        chunks = [range(first, len(items), count) for first in range(count)]
        _SHARED = (function, items)
        gc.freeze()  # forked workers share the parent's objects: keep their collector off them
        try:
            tidy_temporary_folder()
            with (tempfile.TemporaryDirectory(prefix=stamped(SPOOL)) as spool,
                  ProcessPoolExecutor(max_workers=self.workers - 1,
                                      mp_context=multiprocessing.get_context("fork"),
                                      initializer=end_with_parent,
                                      initargs=(os.getpid(),)) as pool):
                futures = [pool.submit(_shared_chunk_to_file, chunk, f"{spool}/{number}")
                           for number, chunk in enumerate(chunks)]
                parts: dict[int, list] = {}
                for index in reversed(range(len(chunks))):
                    if not futures[index].cancel():  # the workers have it, and all before it
                        break
                    parts[index] = _shared_chunk(chunks[index])
                    _load_done(futures[:index], parts)
                results: list = [None] * len(items)
                for index, future in enumerate(futures):
                    part = parts[index] if index in parts else _load(future.result())
                    results[chunks[index].start::count] = part
                return results
        finally:
            _SHARED = None
            gc.unfreeze()


def _shared_chunk(indexes: range) -> list:
    """One chunk of the map that forked this worker (see LocalProcesses)."""
    function, items = _SHARED
    return [function(items[index]) for index in indexes]


def _shared_chunk_to_file(indexes: range, path: str) -> str:
    """One chunk, its results pickled to a file, whose name is all that goes back by the pool's
    pipe. Results sent whole by the pipe (64 KiB at a time, each read waiting for the map's
    process to let go of the interpreter) kept the workers waiting for most of a second in
    a 1,000-article build; a file is written at once."""
    with open(path, "wb") as stream:
        pickle.dump(_shared_chunk(indexes), stream, protocol=pickle.HIGHEST_PROTOCOL)
    return path


def _load(path: str):
    """What a worker or a Background process pickled to a file."""
    with open(path, "rb") as stream:
        return pickle.load(stream)


def _load_done(futures: list, parts: dict[int, list]) -> None:
    """The results of the chunks the workers have finished, read between this process's own."""
    for index, future in enumerate(futures):
        if index not in parts and future.done() and not future.exception():
            parts[index] = _load(future.result())


class DaskExecutor:
    """A Dask cluster: the scheduler at `address`, or a local cluster when none is given. The
    client starts when work is first sent: until then no thread of its runs, so this process
    can still fork (the rules are set up over this machine's processes, `for_setup`)."""

    def __init__(self, address: str | None = None, workers: int | None = None):
        try:
            import dask.distributed  # noqa: F401 (installed, or said so now)
        except ImportError:
            raise InputError("--executor dask",
                             "Dask is not installed: pip install '.[dask]'") from None
        self.address = address
        self.workers = workers
        self.client = None

    def _connected(self):
        if self.client is None:
            self.client = _client(self.address, self.workers)
        return self.client

    def in_background(self) -> "DaskExecutor":
        return self  # its workers are elsewhere (and a client's threads keep Background in)

    def prepare(self, setup: Callable[[], None]) -> None:
        """In each worker once, as a worker plugin (so in workers that join later too), not
        in each task."""
        self._connected().register_plugin(_worker_plugin(setup))

    def for_setup(self) -> "Executor":
        return LocalProcesses(self.workers) if _can_fork() else self

    def for_rows(self) -> LocalProcesses:
        """This machine's processes, the cluster let go: the rows live here, and shipping
        them to workers cost more than the work on them (200 articles took three times as
        long as with local processes); with the client closed, no thread of its holds a lock
        that a forked process would inherit, so the work after merging shares the cores as
        it does without Dask."""
        self.close()
        return LocalProcesses(self.workers)

    def map(self, function: Callable, items: Sequence) -> list:
        """The results in order; an error or an interrupt (the publish stopping) cancels what
        the cluster has yet to do of this map."""
        futures = self._connected().map(function, list(items), pure=False)
        try:
            return self.client.gather(futures)
        except BaseException:
            with contextlib.suppress(Exception):
                self.client.cancel(futures)
            raise

    def close(self) -> None:
        if self.client is None or self.client.status == "closed":
            return
        cluster = self.client.cluster
        self.client.close()
        if cluster is not None:
            cluster.close()


def _client(address: str | None, workers: int | None):
    """A client of the scheduler at `address`, or of a local cluster started for it."""
    from dask.distributed import Client, LocalCluster

    if not address:
        return Client(LocalCluster(n_workers=workers or default_workers(), threads_per_worker=1,
                                   processes=True, dashboard_address=None))
    try:
        return Client(address)
    except (OSError, ValueError) as error:
        raise InputError("--scheduler", f"no Dask scheduler answers at {address!r}: "
                                        f"{one_line(str(error), 200)}") from None


def _worker_plugin(function: Callable[[], None]):
    """A Dask worker plugin that runs `function` when a worker takes it (defined here, where
    Dask is known to be installed; it travels to the workers by value)."""
    from dask.distributed import WorkerPlugin

    named = getattr(function, "func", function)  # a partial is named for what it calls

    class Setup(WorkerPlugin):
        name = f"article-facts-{named.__module__}.{named.__qualname__}"

        def setup(self, worker) -> None:
            function()

    return Setup()


class Background:
    """A function run in a forked process while this one goes on with other work, so that
    serial parts of a publish share the cores. Where forking is not safe, the function runs at
    once, in this process. `join` returns its result or raises its exception.

    The outcome is handed over in a file, so that the process ends as soon as its work is
    done, however late it is joined, instead of waiting (and holding its memory) until this
    one reads it. What the function reports through a Relay comes with it, and is reported
    here on joining."""

    def __init__(self, function: Callable, *args):
        self.process = None
        if not _can_fork():
            self.outcome = _outcome(function, args)
            return
        tidy_temporary_folder()
        handle, self.path = tempfile.mkstemp(prefix=stamped(OUTCOME))
        os.close(handle)
        gc.freeze()
        try:
            self.process = multiprocessing.get_context("fork").Process(
                target=_report, args=(function, args, self.path, os.getpid()))
            self.process.start()
        finally:
            gc.unfreeze()

    def join(self):
        if self.process is not None:
            self.process.join()
            self.process = None
            self.outcome = _load_outcome(self.path)
        succeeded, value, relayed = self.outcome
        Relay.deliver(relayed)
        if not succeeded:
            raise value
        return value

    def stop(self) -> None:
        if self.process is not None:
            if self.process.is_alive():
                self.process.terminate()
            self.process.join()
            self.process = None
            os.unlink(self.path)


@contextmanager
def collector_paused():
    """Python's cycle collector off for a while (and so in processes forked meanwhile): a
    publish makes millions of rows, strings and dicts, none in a reference cycle, and each full
    pass of the collector over them took time (about a second of a 1,000-article build) and
    freed nothing. Memory is still freed as each object's last reference goes."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _can_fork() -> bool:
    """Fork exists here, and no other thread runs (a Dask client's, say) whose locks a forked
    copy could inherit held."""
    return "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1


def _outcome(function: Callable, args: tuple) -> tuple[bool, object, list]:
    """(succeeded, the result or the error, what was reported through Relays meanwhile)."""
    try:
        return True, function(*args), []
    except Exception as error:  # handed to the parent, which raises it
        return False, error, []


def _report(function: Callable, args: tuple, path: str, parent: int) -> None:
    """A Background process: the function's outcome, written to `path`."""
    global _KEPT
    end_with_parent(parent)
    _KEPT = []
    succeeded, value, _ = _outcome(function, args)
    try:
        _dump((succeeded, value, _KEPT), path)
    except Exception as error:  # a result that does not pickle, or a full disk
        if not isinstance(error, OSError):  # an OSError is raised as it is (disk full)
            error = RuntimeError(f"{type(error).__name__}: {error}")
        _dump((False, error, _KEPT), path)


def _dump(value, path: str) -> None:
    with open(path, "wb") as stream:  # truncates what a failed dump left
        pickle.dump(value, stream, protocol=pickle.HIGHEST_PROTOCOL)


def _load_outcome(path: str) -> tuple[bool, object, list]:
    try:
        return _load(path)
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, TypeError):
        return False, RuntimeError("the process ended without saying how"), []
    finally:
        os.unlink(path)


# In a Background process: what was reported through Relays, for its parent to report.
_KEPT: list[tuple[int, str]] | None = None


class Relay:
    """A callable taking one line for `report`, that work which may run in a Background
    process is given: called there, it keeps the line, which comes back with the process's
    outcome and is reported here when it is joined (calling `report` there would fill a copy
    of a caller's list that is lost when the process ends)."""

    _numbers = itertools.count()
    _open: "weakref.WeakValueDictionary[int, Relay]" = weakref.WeakValueDictionary()

    def __init__(self, report: Callable[[str], None]):
        self.report = report
        self.number = next(Relay._numbers)
        Relay._open[self.number] = self

    def __call__(self, line: str) -> None:
        if _KEPT is not None:
            _KEPT.append((self.number, line))
        else:
            self.report(line)

    @staticmethod
    def deliver(kept: list[tuple[int, str]]) -> None:
        for number, line in kept:
            relay = Relay._open.get(number)
            if relay is not None:
                relay.report(line)


HOST = socket.gethostname().replace("-", "_") or "host"


def stamped(prefix: str) -> str:
    """A prefix for a temporary file's or folder's name that says which process made it:
    this host and this process's pid (see remove_orphans)."""
    return f"{prefix}{HOST}-{os.getpid()}-"


def remove_orphans(folder: Path, prefix: str) -> None:
    """Remove what processes of this host that have ended left in `folder` under names made
    by stamped(prefix) (one killed with SIGKILL cleans nothing up). A name whose process is
    alive (a publish running beside this one), of another host, or not so made is left."""
    if os.name != "posix":
        return
    try:
        names = [name for name in os.listdir(folder) if name.startswith(prefix)]
    except OSError:
        return
    for name in names:
        stamp = name[len(prefix):].rsplit("-", 2)  # host, pid, what makes the name unique
        if len(stamp) != 3 or stamp[0] != HOST or not stamp[1].isdigit() or _alive(int(stamp[1])):
            continue
        path = folder / name
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            with contextlib.suppress(OSError):
                path.unlink()


SPOOL = "pipeline-map-"  # a forked map's results (LocalProcesses)
OUTCOME = "pipeline-background-"  # a Background process's outcome
_tidied = False


def tidy_temporary_folder() -> None:
    """Once in a process: remove the spools and outcome files that killed processes left in
    the temporary folder (a large map's spool can hold hundreds of megabytes)."""
    global _tidied
    if not _tidied:
        _tidied = True
        for prefix in (SPOOL, OUTCOME):
            remove_orphans(Path(tempfile.gettempdir()), prefix)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)  # signal 0: only asks whether the process exists
    except ProcessLookupError:
        return False
    except OSError:  # it exists, another user's
        return True
    return True


def make_executor(kind: str, workers: int | None, address: str | None) -> Executor:
    if kind == "dask":
        return DaskExecutor(address, workers)
    return LocalProcesses(workers)
