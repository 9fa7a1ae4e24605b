"""What a publish tells a person while it works, on standard error.

At a terminal, a publish shows one line that it rewrites as it goes: the articles built of
those to build, the rate and the time left, then the stage it has reached; the line is cleared
before anything else is printed, and the summary follows. Piped, redirected or in CI (standard
error is not a terminal), nothing is shown but the summary, warnings and errors. `verbose`
adds a line per stage with the time it took; `quiet` leaves out the summary too (warnings and
errors are always printed).

Articles are built in worker processes forked from this one (executor.LocalProcesses, and a
Background process): each counts the articles it builds in memory shared with the others, and
redraws the line at most a few times a second. Work sent to a Dask cluster is not counted.
"""

import multiprocessing
import os
import sys
import time
from contextlib import contextmanager, suppress

QUIET, NORMAL, VERBOSE = 0, 1, 2
REDRAW_SECONDS = 0.2
CLEAR = "\r\x1b[K"  # back to the start of the line, and erase it

# While articles are built with a line to draw: the counter the forked workers share.
_COUNTER: "_Counter | None" = None


def built() -> None:
    """One more article built (called where it was built: a worker or this process)."""
    if _COUNTER is not None:
        _COUNTER.add()


def duration(seconds: float) -> str:
    seconds = round(seconds)
    return f"{seconds} s" if seconds < 60 else f"{seconds // 60} min {seconds % 60:02d} s"


class _Counter:
    """Articles built so far, when the first was, and when the line was last drawn, shared
    with the forked workers."""

    def __init__(self, total: int, fd: int):
        self.total, self.fd = total, fd
        self.shared = multiprocessing.Array("d", 3)  # built, first built at, line drawn at
        self.shared[2] = time.monotonic()  # CLOCK_MONOTONIC: one clock for all the processes

    def add(self) -> None:
        with self.shared.get_lock():  # one process draws at a time
            self.shared[0] += 1
            done, now = int(self.shared[0]), time.monotonic()
            if done == 1:
                self.shared[1] = now
            if now - self.shared[2] < REDRAW_SECONDS and done < self.total:
                return
            self.shared[2] = now
            self.draw(done, now - self.shared[1])

    def draw(self, done: int, since_first: float) -> None:
        """The rate is taken from the first article on: what comes before it (starting the
        workers, compiling rules) is not the pace of the work."""
        line = f"{CLEAR}building articles: {done}/{self.total}"
        if done > 1 and since_first > 0:
            rate = (done - 1) / since_first
            left = (self.total - done) / rate
            line += f" ({rate:.1f}/s" + (f", {duration(left)} left)" if left >= 1 else ")")
        with suppress(OSError):  # a terminal gone: the work goes on
            os.write(self.fd, line.encode("utf-8"))


class Progress:
    """The line at a terminal, and the stage lines of `verbose` (see the module's doc)."""

    def __init__(self, level: int = NORMAL, stream=None):
        self.stream = stream if stream is not None else sys.stderr
        self.level = level
        self.live = level >= NORMAL and _is_terminal(self.stream)
        self.shown = False  # a line to clear before printing anything else
        self.current: tuple[str, float] | None = None  # the stage under way, since when

    def report(self, *args, file=None, **kwargs) -> None:
        """print(), after clearing the line: what publish reports (warnings) goes here."""
        self.clear()
        print(*args, file=file, **kwargs)

    def clear(self) -> None:
        if self.shown:
            self.stream.write(CLEAR)
            self.stream.flush()
            self.shown = False

    def stage(self, text: str) -> None:
        """A new stage of the work begins (the one before it ends)."""
        self._end_stage()
        self.current = (text, time.monotonic())
        if self.live:
            self.stream.write(f"{CLEAR}{text} ...")
            self.stream.flush()
            self.shown = True

    def finish(self) -> None:
        """The work is over (done or failed): the last stage ends, the line goes."""
        self._end_stage()
        self.clear()

    def _end_stage(self) -> None:
        if self.current is not None and self.level >= VERBOSE:
            text, since = self.current
            self.clear()
            print(f"{text}: {time.monotonic() - since:.2f} s", file=self.stream, flush=True)
        self.current = None

    @contextmanager
    def building(self, total: int):
        """Articles are built meanwhile (each calls built()): the line counts them."""
        global _COUNTER
        self.stage(f"building {total} article{'' if total == 1 else 's'}" if total
                   else "reading the articles from the cache")
        if not (self.live and total):
            yield
            return
        self.stream.flush()
        _COUNTER = _Counter(total, self.stream.fileno())
        try:
            yield
        finally:
            _COUNTER = None


def _is_terminal(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
