"""Command line: `article-facts publish|validate|diff|release|cache` (or `python -m pipeline
...`).
Errors are one line each, never a traceback: exit 2 for input that cannot be published, 1 for
a package that fails validation. Each command imports the stages it runs when it runs, so
that a publish with nothing to do starts fast."""

import argparse
import errno
import os
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from pipeline import cache
from pipeline.errors import InputError, PackageInvalid, excerpt, one_line
from pipeline.executor import LocalProcesses, make_executor
from pipeline.loader import TABLE_BYTES
from pipeline.progress import NORMAL, QUIET, VERBOSE, Progress
from pipeline.publish import Limits, publish
from pipeline.schemas import PROFILE

EXIT_INVALID = 1
EXIT_BAD_INPUT = 2


def program() -> str:
    """The name the command was run by: the console script's, or `python -m pipeline`."""
    name = Path(sys.argv[0]).name if sys.argv and sys.argv[0] else ""
    return "python -m pipeline" if name in ("", "__main__.py", "-c") else name


def talk_options() -> argparse.ArgumentParser:
    """-q and -v, for the commands that report as they go."""
    options = argparse.ArgumentParser(add_help=False)
    talk = options.add_mutually_exclusive_group()
    talk.add_argument("-q", "--quiet", dest="talk", action="store_const", const=QUIET,
                      default=NORMAL, help="print only warnings and errors")
    talk.add_argument("-v", "--verbose", dest="talk", action="store_const", const=VERBOSE,
                      help="also print each stage and how long it took")
    return options


def limit_options() -> argparse.ArgumentParser:
    """--max-table-bytes, for the commands that read a package someone else may have made."""
    options = argparse.ArgumentParser(add_help=False)
    options.add_argument("--max-table-bytes", type=int, default=TABLE_BYTES,
                         help="refuse a package file larger than this, unread; default: "
                              f"{TABLE_BYTES} (a 10,000-article corpus's largest is about "
                              "half that)")
    return options


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog=program(), description=__doc__)
    commands = top.add_subparsers(dest="command", required=True)
    build = commands.add_parser("publish", parents=[talk_options()],
                                help="build, validate and publish the package",
                                description="Build, validate and publish the package. At a "
                                            "terminal, a line shows the articles built, the "
                                            "rate and the time left, then the stage reached.")
    build.add_argument("--seeds", type=Path, default=Path("seeds"),
                       help="folder of articles (*.txt); default: seeds")
    build.add_argument("--out", type=Path, default=Path("datapackage"),
                       help="package folder to write; default: datapackage. It may be missing, "
                            "empty, or a package this tool published (its manifest.json lists "
                            "every file it holds), and nothing else: a folder holding any other "
                            "file, or the seeds or the cache, is refused and left as it is")
    build.add_argument("--workers", type=int, default=None,
                       help="worker processes for the per-article work; default: one per core")
    build.add_argument("--executor", choices=("local", "dask"), default="local",
                       help="run the per-article work here (local) or on a Dask cluster")
    build.add_argument("--scheduler", default=None,
                       help="with --executor dask: the scheduler address; default: a local cluster")
    cache_option(build)
    build.add_argument("--no-cache", action="store_true", help="build every article afresh")
    build.add_argument("--max-cache-bytes", type=int, default=cache.CACHE_LIMIT,
                       help="the cache's size limit: the least recently used entries are "
                            f"deleted past it; default: {cache.CACHE_LIMIT}")
    build.add_argument("--max-article-bytes", type=int, default=Limits.article_bytes,
                       help=f"largest article accepted; default: {Limits.article_bytes}")
    build.add_argument("--max-total-bytes", type=int, default=Limits.total_bytes,
                       help=f"largest total of all articles; default: {Limits.total_bytes}")
    build.add_argument("--max-curation-bytes", type=int, default=Limits.curation_bytes,
                       help="largest curation file accepted; default: "
                            f"{Limits.curation_bytes}")
    build.add_argument("--frictionless", action="store_true",
                       help="also validate with frictionless before publishing (slower); "
                            "the pipeline's own checks always run")
    check = commands.add_parser("validate", parents=[talk_options(), limit_options()],
                                help="validate a published package")
    check.add_argument("folder", type=Path, nargs="?", default=Path("datapackage"))
    check.add_argument("--profile", type=Path, default=PROFILE,
                       help="Data Package v2 profile (JSON Schema) to check the descriptor with")
    compare = commands.add_parser("diff", parents=[limit_options()],
                                  help="what changed between two published packages")
    compare.add_argument("old", type=Path)
    compare.add_argument("new", type=Path)
    compare.add_argument("--json", action="store_true",
                         help="one JSON object: per table, the ids added, removed, changed "
                              "(with the changed cells) and moved")
    bump = commands.add_parser("release", parents=[limit_options()],
                               help="bump the version by what changed since the last release "
                                    "and add a changelog entry")
    bump.add_argument("--since", type=Path, default=Path("datapackage"),
                      help="the last release's package; default: datapackage")
    bump.add_argument("--new", type=Path, required=True, help="the freshly published package")
    bump.add_argument("--metadata", type=Path, default=Path("pipeline/package.yaml"),
                      help="where the version is kept; default: pipeline/package.yaml")
    bump.add_argument("--changelog", type=Path, default=Path("seeds/CHANGELOG.md"),
                      help="the release history, published as the package's CHANGELOG.md; "
                           "default: seeds/CHANGELOG.md")
    bump.add_argument("--date", default=None, help="the release's date; default: today (UTC)")
    keep = commands.add_parser("cache", help="say where the cache is and how big, or clear it")
    cache_option(keep)
    keep.add_argument("--clear", action="store_true", help="delete every entry of the cache")
    return top


def cache_option(command: argparse.ArgumentParser) -> None:
    command.add_argument("--cache", type=Path, default=None,
                         help="folder for built articles, reused while nothing changes; "
                              f"default: ${cache.ENVIRONMENT} if set, else the user's cache "
                              f"folder (now: {cache.default_folder()})")


def run_cache(args: argparse.Namespace) -> int:
    folder = args.cache or cache.default_folder()
    if args.clear:
        cache.clear(folder)
        print(f"cleared {folder}")
        return 0
    cache.check(folder)
    files, size = cache.size(folder) if folder.is_dir() else (0, 0)
    print(f"{folder}: {files} files, {size / 2**20:.1f} MiB")
    return 0


def run_diff(args: argparse.Namespace) -> int:
    from pipeline.diff import diff_packages, markdown, print_json

    result = diff_packages(args.old, args.new, args.max_table_bytes)
    if args.json:
        print_json(result)
    else:
        sys.stdout.write(markdown(result, str(args.old), str(args.new)))
    return 0


def run_release(args: argparse.Namespace) -> int:
    from pipeline.diff import diff_packages
    from pipeline.release import release

    result = diff_packages(args.since, args.new, args.max_table_bytes)
    date = args.date or datetime.now(UTC).date().isoformat()
    version = release(result, args.metadata, args.changelog, date)
    if version is None:
        print(f"no change since {args.since} (version {result.old.version}): nothing released")
    else:
        print(f"released {version} ({result.verdict().upper()}): {args.metadata} and "
              f"{args.changelog} updated")
    return 0


def run_publish(args: argparse.Namespace) -> int:
    if args.workers is not None and args.workers < 1:
        raise InputError("--workers", "must be at least 1")
    executor = make_executor(args.executor, args.workers, args.scheduler)
    progress = Progress(args.talk)
    try:
        counts = publish(args.seeds, args.out, report=progress.report, executor=executor,
                         cache_folder=None if args.no_cache else (args.cache
                                                                  or cache.default_folder()),
                         limits=Limits(args.max_article_bytes, args.max_total_bytes,
                                       args.max_curation_bytes),
                         frictionless=args.frictionless, progress=progress,
                         cache_limit=args.max_cache_bytes)
    finally:
        progress.finish()
        getattr(executor, "close", lambda: None)()
    if args.talk == QUIET:
        return 0
    if counts is None:
        print(f"up to date: {args.out}")
        return 0
    summary = ", ".join(f"{rows} {table}" for table, rows in counts.items())
    print(f"published {args.out}: {summary}")
    return 0


def run_validate(args: argparse.Namespace) -> int:
    from pipeline.validate import validate_package

    started = time.monotonic()
    problems = validate_package(args.folder, args.profile, executor=LocalProcesses(),
                                warn=lambda text: print(f"warning [formula-like]: {text}",
                                                        file=sys.stderr),
                                max_table_bytes=args.max_table_bytes)
    for problem in problems:
        print(one_line(problem), file=sys.stderr)
    if problems:
        print(f"invalid: {args.folder}: {len(problems)} problem(s)", file=sys.stderr)
        return EXIT_INVALID
    if args.talk == VERBOSE:
        print(f"checked {args.folder} in {time.monotonic() - started:.2f} s", file=sys.stderr)
    if args.talk != QUIET:
        print(f"valid: {args.folder}")
    return 0


def run(args: argparse.Namespace) -> int:
    if args.command == "publish":
        return run_publish(args)
    if args.command == "diff":
        return run_diff(args)
    if args.command == "release":
        return run_release(args)
    if args.command == "cache":
        return run_cache(args)
    return run_validate(args)


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return run(args)
    except InputError as error:
        print(one_line(f"error: {error}"), file=sys.stderr)
        return EXIT_BAD_INPUT
    except PackageInvalid as error:
        for problem in error.problems:
            print(one_line(problem), file=sys.stderr)
        print(f"error: the package failed validation ({len(error.problems)} problem(s)); "
              "nothing was published", file=sys.stderr)
        return EXIT_INVALID
    except BrokenPipeError:  # the reader stopped early (`| head`): what it read was right
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except OSError as error:  # after BrokenPipeError, which is one
        if error.errno != errno.ENAMETOOLONG:
            raise
        print(f"error: {excerpt(error.filename)}: a file name too long for the file system",
              file=sys.stderr)
        return EXIT_BAD_INPUT


if __name__ == "__main__":
    sys.exit(main())
