"""Fixtures every test module may use, and what lets the suite run on several cores at once.

`make test` runs the tests on one pytest-xdist worker process per core, each taking tests as
it is free, so a test may run beside any other:

- Every test runs in an empty working folder of its own (`own_working_folder`, automatic), and
  module and session fixtures in one of their worker's (`worker_working_folder`): a publish's
  default `.pipeline-cache/`, and anything else written to a relative path, is never shared
  with another test nor left in the repository. A subprocess started without `cwd=` runs
  there too (the project is installed in the environment, so `python -m pipeline` finds it
  from any folder).
- Session fixtures (`built_package`, `seed_package`) are built once in each worker that needs
  them; treat them as read-only and copy them before changing anything (`package_copy`).
- `cli` runs the command line in this process: the same code as `python -m pipeline`, without
  starting an interpreter and compiling the rules again (about two seconds a run). Start a real
  process only where the test is about the process itself: signals and kills, a terminal, the
  console script, resource limits, a stall that needs a timeout. Where the process may as well
  be this one's copy (killed, limited, at a terminal), `Forked` forks it: it shares the rules
  compiled here (a new interpreter compiles them again from scratch, five seconds of CPU with
  no cache).
- A slow end-to-end test (several seconds, a publish in a new process) carries
  `@pytest.mark.slow`: `make test` runs it, `pytest -m "not slow"` leaves it out.
"""

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import traceback
from functools import partial
from pathlib import Path

import pytest

from pipeline.__main__ import main
from pipeline.extract import prepare
from pipeline.publish import publish

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures" / "articles"
SEEDS = REPO / "seeds"


def quiet(*args, **kwargs):
    """Swallow the warnings publish prints, so test output stays readable."""


@pytest.fixture(scope="session", autouse=True)
def own_cache(tmp_path_factory):
    """Every publish the tests run, in this process or a child, caches in a temporary folder,
    never in the user's own cache."""
    folder = tmp_path_factory.mktemp("caches")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("ARTICLE_FACTS_CACHE", str(folder / "article-facts"))
        patch.setenv("XDG_CACHE_HOME", str(folder / "xdg"))
        yield folder


@pytest.fixture(scope="session", autouse=True)
def worker_working_folder(tmp_path_factory):
    """Module and session fixtures run in a folder of this worker process's own."""
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(tmp_path_factory.mktemp("worker"))
        yield


@pytest.fixture(autouse=True)
def own_working_folder(tmp_path, monkeypatch):
    """Each test runs in its own empty folder (its tmp_path)."""
    monkeypatch.chdir(tmp_path)


@pytest.fixture(scope="session")
def built_package(tmp_path_factory) -> Path:
    """One package of the fixture articles, built once; copy it before changing it."""
    out = tmp_path_factory.mktemp("built") / "package"
    publish(FIXTURES, out, report=quiet)
    return out


@pytest.fixture(scope="session")
def seed_package(tmp_path_factory) -> Path:
    """The repository's own seeds/ published, built once; copy it before changing it."""
    out = tmp_path_factory.mktemp("seed") / "package"
    publish(SEEDS, out, report=quiet)
    return out


@pytest.fixture
def package_copy(built_package, tmp_path) -> Path:
    copy = tmp_path / "package"
    shutil.copytree(built_package, copy)
    return copy


@pytest.fixture
def seeds(tmp_path) -> Path:
    """An empty seeds folder to write test articles into."""
    folder = tmp_path / "seeds"
    folder.mkdir()
    return folder


@pytest.fixture
def cli(capfd):
    """`cli("publish", "--seeds", ...)` runs the command line as `python -m pipeline` would,
    in this process: a CompletedProcess with the exit code and what it printed (forked workers'
    output included, as capfd reads the file descriptors)."""

    def run(*args) -> subprocess.CompletedProcess:
        arguments = [str(argument) for argument in args]
        capfd.readouterr()  # what the test printed before is not the command's
        try:
            code = main(arguments)
        except SystemExit as exit:  # argparse's usage errors
            code = exit.code
        out, err = capfd.readouterr()
        return subprocess.CompletedProcess(["python", "-m", "pipeline", *arguments], code,
                                           out, err)

    return run


class Forked:
    """`python -m pipeline ARGUMENTS` in a process forked from this one, its standard output
    and error on the file descriptors given; `before` runs in it first (a resource limit,
    say). Like subprocess.Popen: `pid`, `send_signal`, `wait`. The rules are compiled here
    first (once a process), so that no fork compiles them again."""

    def __init__(self, arguments, stdout: int, stderr: int, before=None):
        prepare()
        self.returncode = None
        self.pid = os.fork()
        if self.pid == 0:
            os._exit(self._run([str(argument) for argument in arguments], stdout, stderr,
                               before))

    @staticmethod
    def _run(arguments: list[str], stdout: int, stderr: int, before) -> int:
        """The child's exit code, as the interpreter would make it (an uncaught error prints
        its traceback and exits 1); it never returns into the test that forked it."""
        os.dup2(stdout, 1)
        os.dup2(stderr, 2)
        sys.stdout = open(1, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
        sys.stderr = open(2, "w", encoding="utf-8", errors="backslashreplace",  # noqa: SIM115
                          closefd=False)
        try:
            if before is not None:
                before()
            code = main(arguments)
        except SystemExit as exit:  # argparse's usage errors
            code = exit.code
        except BaseException:
            traceback.print_exc()
            code = 1
        sys.stdout.flush()
        sys.stderr.flush()
        return code

    def send_signal(self, signal_number: int) -> None:
        os.kill(self.pid, signal_number)

    def wait(self, timeout: float | None = None) -> int:
        """The exit code; subprocess.TimeoutExpired if the process runs on past `timeout`."""
        deadline = None if timeout is None else time.monotonic() + timeout
        while self.returncode is None:
            pid, status = os.waitpid(self.pid, 0 if deadline is None else os.WNOHANG)
            if pid:
                self.returncode = os.waitstatus_to_exitcode(status)
            elif time.monotonic() > deadline:
                raise subprocess.TimeoutExpired(["python", "-m", "pipeline"], timeout)
            else:
                time.sleep(0.05)
        return self.returncode


def forked_run(*arguments, before=None, timeout: float | None = None
               ) -> subprocess.CompletedProcess:
    """A `Forked` command run to its end, with what it printed, as `subprocess.run(...,
    capture_output=True, text=True)` gives it. With a `timeout`, the command runs in a session
    of its own, ended with every process it started if it runs on past it (a stall)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        process = Forked(arguments, out.fileno(), err.fileno(),
                         before if timeout is None else partial(in_own_session, before))
        try:
            code = process.wait(timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
            raise
        printed = []
        for handle in (out, err):
            handle.seek(0)
            printed.append(handle.read().decode("utf-8"))
    return subprocess.CompletedProcess(["python", "-m", "pipeline", *map(str, arguments)], code,
                                       *printed)


def in_own_session(before=None) -> None:
    """A new session (its processes can be ended together), then `before`."""
    os.setsid()
    if before is not None:
        before()
