"""How a publish's work is run, kept apart from what it computes.

A publish is a line of stages (read, segment, extract, resolve, curate, derive, write, validate);
this module decides where and when each runs, so that the publish reads as that line. A
`Schedule` builds the articles over the executor's workers, reading those the cache holds;
runs a stage `meanwhile` in a forked process while the publish goes on (the serial parts after
merging then share the cores); hands each stage that reuses earlier builds' results its memo
(cache.Memo), one process per kind, each closed by the process that used it; and, as the
ExitStack it is, stops whatever it started when the publish ends, however it ends.

The executor (where work runs) and the cache (what is kept between builds) are its models: one
small interface over machinery that changes for speed without changing the package.
"""

from collections.abc import Callable, Sequence
from contextlib import ExitStack
from functools import partial
from pathlib import Path

from pipeline.cache import TEMPORARY, ArticleCache, Memo, Record, compiled_regexes
from pipeline.executor import (
    Background,
    Executor,
    LocalProcesses,
    collector_paused,
    remove_orphans,
)


class Schedule(ExitStack):
    """Runs a publish's stages: `build` the articles, then `meanwhile` and `memo` for the work
    on the merged rows, on `executor` (one local process by default). `cache_folder` holds the
    memos (none: nothing is remembered); `warn` is given a line for each bad memo entry."""

    def __init__(self, executor: Executor | None, cache_folder: Path | None,
                 warn: Callable[[str], None]):
        super().__init__()
        self.executor = executor or LocalProcesses(1)
        self.cache_folder = cache_folder
        self.warn = warn
        self.memos: dict[str, Memo] = {}

    def __enter__(self) -> "Schedule":
        super().__enter__()
        self.enter_context(collector_paused())
        return self

    def build(self, work: Callable, jobs: Sequence, fresh: Sequence, cache: ArticleCache,
              setup: Callable[..., None]) -> list:
        """`work(job)` for each job (it puts its result in `cache` under `job.key`), or the
        result the cache holds; `fresh` are the jobs the cache does not hold. `setup` (the
        rules compiled; it may be given stores of compiled regexes and needs) runs here
        first, and once for every worker that builds more than one job: every process forked
        later (the builders, the checks that re-derive the fresh articles' claims) inherits
        what it made instead of compiling for itself, and workers that cannot inherit it
        (Dask's) are handed what it compiled. A rebuild that reuses most results
        reads them while the fresh ones are built in a forked process; a fresh build keeps
        the workers busy instead. Afterwards the executor is the one for the merged rows,
        which live in this process (Executor.for_rows)."""
        overlap = bool(fresh) and 2 * len(fresh) < len(jobs)
        if len(fresh) > 1 or (fresh and self.cache_folder is not None):
            setup = self._set_up_here(setup)
        if len(fresh) > 1:  # the workers set up before anything forks (a Dask client starts)
            self.executor.prepare(setup)
            setup = None  # given to the workers already: the builds need not prepare again
        builder = self.meanwhile(self._fill, work, fresh, setup) if overlap else None
        results = {job.key: cache.get(job.key) for job in jobs}
        if builder is not None:
            builder.join()
            results |= {job.key: cache.get(job.key) for job in fresh}
        missing = [job for job in jobs if results[job.key] is None]
        if missing:
            results |= zip([job.key for job in missing], self._map(work, missing, setup),
                           strict=True)
        self.executor = self.executor.for_rows()
        return [results[job.key] for job in jobs]

    def _set_up_here(self, setup: Callable) -> Callable[[], None]:
        """`setup` in this process before any other forks, so that every process forked later
        (workers, the checks) inherits the compiled rules, which come from the memo of compiled
        regexes (cache.compiled_regexes) and of what each rule needs, or are made over this
        machine's processes (Executor.for_setup). Returns `setup` for workers that cannot
        inherit them: it compiles from what was made here instead of parsing every regex."""
        memo = Memo(self.cache_folder, "regexes", self.executor.for_setup(), self.warn)
        made = Record(memo)
        try:
            setup(partial(compiled_regexes, made), made.map)
        finally:
            memo.close()
        return partial(setup, partial(compiled_regexes, made), made.map)

    def _map(self, work: Callable, jobs: Sequence, setup: Callable[[], None] | None) -> list:
        """A single job compiles only the rules its sentences call for, when they do (about
        three quarters of them), so `setup` runs only for more, unless the workers have been
        given it already (None)."""
        if setup is not None and len(jobs) > 1:
            self.executor.prepare(setup)
        return self.executor.map(work, jobs)

    def _fill(self, work: Callable, jobs: Sequence, setup: Callable[[], None] | None) -> None:
        """The jobs done for what they put in the cache (their results stay in the forked
        process that ran them)."""
        self._map(work, jobs, setup)

    def meanwhile(self, function: Callable, *args, memo: str | None = None) -> Background:
        """`function(*args)` started in a forked process (in this one where forking is not
        safe); `join()` on what is returned gives its result or raises its error. With
        `memo`, that kind's memo is passed as the last argument and closed in the process
        that used it. The process is stopped when the schedule ends, if it still runs."""
        if memo is not None:
            kept = Memo(self.cache_folder, memo, self.executor.in_background(), self.warn)
            args, function = (function, args, kept), _with_memo
            if kept.folder is not None:
                # Run after the stop below: a process stopped while it wrote its memo leaves
                # a temporary file there.
                self.callback(remove_orphans, kept.folder, TEMPORARY)
        task = Background(function, *args)
        self.callback(task.stop)
        return task

    def memo(self, kind: str) -> Memo:
        """The memo of `kind` for work in this process, over the executor's workers; whoever
        uses it last closes it."""
        if kind not in self.memos:
            self.memos[kind] = Memo(self.cache_folder, kind, self.executor, self.warn)
        return self.memos[kind]


def _with_memo(function: Callable, args: tuple, memo: Memo):
    """function(*args, memo), keeping what the memo learnt."""
    try:
        return function(*args, memo)
    finally:
        memo.close()
