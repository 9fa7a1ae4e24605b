"""Stage: publish. Build every article's tables, check them, write the package beside the target,
validate what was written, and only then swap it into place.

A failed run, at any point, leaves the previous package as it was.
"""

from __future__ import annotations  # the stages' types, named before they are imported

import ctypes
import ctypes.util
import fnmatch
import os
import shutil
import sys
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.cache import (
    CACHE_LIMIT,
    ArticleCache,
    Memo,
    PreviousPackage,
    article_key,
    claim,
    inputs_digest,
    trim,
)
from pipeline.errors import (
    Diagnostic,
    InputError,
    PackageInvalid,
    no_space,
    one_line,
    out_of_space,
)
from pipeline.executor import Executor, Relay, remove_orphans, stamped
from pipeline.manifest import first_stranger, write_manifest
from pipeline.progress import QUIET, Progress, built
from pipeline.read import check_source
from pipeline.release import CHANGELOG
from pipeline.schedule import Schedule

if TYPE_CHECKING:
    from pipeline.curate import Curation
    from pipeline.resolve import ArticleFacts

# The stages are imported in the functions that run them: a publish whose package is already
# current (the no-op) loads none of them, and so starts in a fraction of the time.

ARTICLE_GLOB = "*.txt"
CURATION_SUFFIX = ".curation.yaml"  # an article's curation file: its name, then this
RENAME_EXCHANGE = 2
AT_FDCWD = -100
PACKAGE_MODE = 0o755  # mkdtemp makes 0o700; a published folder is for everyone to read


@dataclass
class Article:
    """One article's rows for its own tables, its facts, and what it reported along the way."""

    source: str
    sha256: str
    title: str
    tables: dict[str, list[dict]]
    facts: ArticleFacts
    diagnostics: list[Diagnostic]
    problems: list[str]  # rows of its tables that break their JSON Schemas


def warning_rows(document_id: str, diagnostics: list[Diagnostic]) -> list[dict]:
    return [{"warning_id": f"{document_id}:w-{number:03d}", "document_id": document_id,
             "line": d.line, "code": d.code, "message": d.message}
            for number, d in enumerate(diagnostics, start=1)]


def build_article(path: Path, source: str) -> Article:
    """All per-article work: a pure function of one file, so articles can be built apart."""
    from pipeline.extract import extract
    from pipeline.read import read_article
    from pipeline.resolve import ArticleFacts
    from pipeline.rows import row_problems
    from pipeline.segment import segment

    document = read_article(path, source)
    sentences = segment(document)
    tables = {
        "documents": [document.row()],
        "sections": [s.row() for s in document.sections],
        "sentences": [s.row() for s in sentences],
        "warnings": warning_rows(document.document_id, document.diagnostics),
    }
    facts = ArticleFacts(document, sentences, extract(document, sentences))
    problems = [f"{source}: {problem}" for table, rows in tables.items()
                for problem in row_problems(table, rows)]
    return Article(source, document.sha256, document.title, tables, facts, document.diagnostics,
                   problems)


def discover(seeds: Path) -> list[Path]:
    if not seeds.is_dir():
        raise InputError(str(seeds), "the seeds folder does not exist or is not a folder")
    with os.scandir(seeds) as found:  # one listing, which knows each name's kind
        files = sorted((entry for entry in found if fnmatch.fnmatchcase(entry.name, ARTICLE_GLOB)
                        and entry.is_file()), key=lambda entry: entry.name)
    if not files:
        raise InputError(str(seeds), f"no articles ({ARTICLE_GLOB}) in the seeds folder")
    for entry in files:
        if entry.is_symlink():  # only a link can lead out of the folder
            check_inside(seeds, Path(entry.path))
    return [Path(entry.path) for entry in files]


def check_inside(seeds: Path, path: Path) -> None:
    """Refuse an input that is a link leading out of the seeds folder: a folder from someone
    else (a pull request) must not make a publish read, and publish, a file of this machine's
    such as /etc/passwd."""
    root = os.path.realpath(seeds)
    if os.path.commonpath([root, os.path.realpath(path)]) != root:
        raise InputError(f"{seeds.resolve().name}/{path.name}",
                         "is a link to a file outside the seeds folder; copy the file in instead")


def check_unique_documents(articles: list[Article]) -> None:
    seen: dict[str, str] = {}
    for article in articles:
        document_id = article.tables["documents"][0]["document_id"]
        if document_id in seen:
            raise InputError(article.source, f"has the same document id {document_id!r} as "
                             f"{seen[document_id]} (two articles with one title)")
        seen[document_id] = article.source


def in_document_order(articles: list[Article]) -> list[Article]:
    """Articles by document id, so that file names do not matter."""
    return sorted(articles, key=lambda a: a.tables["documents"][0]["document_id"])


def own_tables(articles: list[Article]) -> dict[str, list[dict]]:
    """The tables read from each article alone, one each."""
    from pipeline.package import ARTICLE_TABLES

    ordered = in_document_order(articles)
    return {table: [row for a in ordered for row in a.tables[table]] for table in ARTICLE_TABLES}


def merged_only(tables: dict[str, list[dict]]) -> dict[str, list[dict]]:
    """The tables made across articles (all but their own tables)."""
    from pipeline.package import ARTICLE_TABLES

    return {table: rows for table, rows in tables.items() if table not in ARTICLE_TABLES}


def merge(articles: list[Article], own: dict[str, list[dict]],
          curations: list[Curation], memo: Memo | None = None) -> dict[str, list[dict]]:
    """Every table: the articles' own, then their facts resolved across them (`memo`: see
    resolve) and curated, and the views."""
    from pipeline.curate import curate
    from pipeline.derive import derive
    from pipeline.resolve import resolve

    tables = own | resolve([a.facts for a in in_document_order(articles)], memo)
    tables |= curate(tables, curations)
    return tables | derive(tables)


REPLACES = ("--out replaces only a missing or empty folder or a package this tool published; "
            "choose another folder, or delete this one first")


def check_output(out: Path, inputs: dict[str, Path | None]) -> None:
    """Refuse, before any work, an `out` whose replacement could lose a file this tool did not
    write: one that is not missing, empty or a package it published (pipeline/manifest.py),
    one that is, holds or lies inside an input (`inputs`: what each is called, and its path),
    or one that cannot be renamed into place (the folder the user is in)."""
    if out.exists() and not out.is_dir():
        raise InputError(str(out), "the output path exists and is not a folder")
    place = out.resolve()
    if place == place.parent or place == Path.cwd() or place in Path.cwd().parents:
        raise InputError(str(out), "is the folder you are in (or holds it), which cannot be "
                         "replaced by renaming; name a folder inside it, such as --out package")
    for name, path in inputs.items():
        if path is not None and overlaps(place, path.resolve()):
            raise InputError(str(out), f"is, holds or lies inside the {name} ({path}); "
                             "choose a folder apart from it")
    parent = place.parent
    if not parent.is_dir():
        raise InputError(str(out), f"the output's parent folder {parent} does not exist")
    if not os.access(parent, os.W_OK):
        raise InputError(str(out), f"the output's parent folder {parent} is not writable")
    check_replaceable(out, place)


def check_replaceable(out: Path, place: Path) -> None:
    """`place` (what `out` names) holds nothing this tool did not publish there."""
    stranger = first_stranger(place) if place.is_dir() else None
    if stranger is not None:
        raise InputError(str(out), f"{stranger}; {REPLACES}")


def overlaps(a: Path, b: Path) -> bool:
    """Whether one of two resolved paths is, or lies inside, the other."""
    return a == b or a in b.parents or b in a.parents


def release_history(seeds: Path) -> bytes | None:
    """The articles' release history (`make release` writes `<seeds>/CHANGELOG.md`), which
    the package carries as its own CHANGELOG.md; None when there is none."""
    path = seeds / CHANGELOG
    try:
        return path.read_bytes() if path.is_file() else None
    except OSError as error:
        raise InputError(str(path), f"cannot be read: {error.strerror}") from None


def staging_prefix(out: Path) -> str:
    """The start of the name of a folder a publish writes `out` into before the swap; the
    rest names the publishing process (executor.stamped), so that a publish removes those
    that killed publishes left (executor.remove_orphans)."""
    return f".{out.name}.tmp-"


@contextmanager
def staging_folder(place: Path):
    """A new folder beside `place` to write the package into before the swap, readable by
    all; removed on the way out if the package did not go into place."""
    staging = Path(tempfile.mkdtemp(prefix=stamped(staging_prefix(place)), dir=place.parent))
    try:
        staging.chmod(PACKAGE_MODE)
        yield staging
    finally:
        shutil.rmtree(staging, ignore_errors=True)


@contextmanager
def no_space_is_an_error(out: Path):
    """A write that finds the disk full (or a file-size limit) stops the publish with one
    line; the package at `out` is as it was."""
    try:
        yield
    except OSError as error:
        if not out_of_space(error):
            raise
        raise InputError(str(out), f"the package could not be written ({error.strerror}); "
                         "nothing was published") from None


def put_in_place(staging: Path, out: Path, place: Path) -> None:
    """The staged package swapped into `place` (what `out` resolves to); a folder that cannot
    be renamed (a mount point, a busy folder) is one line, and the package was not published.
    The folder is checked again first: a file put there during a long publish is kept."""
    check_replaceable(out, place)
    try:
        swap_into_place(staging, place)
    except OSError as error:
        if out_of_space(error):
            raise
        reason = error.strerror or str(error)
        raise InputError(str(out), f"the package could not be put in place ({reason}); "
                         "nothing was published") from None


def swap_into_place(new: Path, out: Path) -> None:
    """Exchange the folders atomically where Linux allows it, else rename twice."""
    if out.exists() and _exchange(new, out):
        shutil.rmtree(new)
        return
    old = None
    if out.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{out.name}.old-", dir=out.parent))
        old.rmdir()
        out.rename(old)
    new.rename(out)
    if old is not None:
        shutil.rmtree(old)


def _exchange(a: Path, b: Path) -> bool:
    libc_name = ctypes.util.find_library("c")
    if not libc_name or not sys.platform.startswith("linux"):
        return False
    libc = ctypes.CDLL(libc_name, use_errno=True)
    if not hasattr(libc, "renameat2"):
        return False
    result = libc.renameat2(AT_FDCWD, os.fsencode(a), AT_FDCWD, os.fsencode(b), RENAME_EXCHANGE)
    return result == 0


@dataclass(frozen=True)
class Job:
    """One article to build: what a worker process needs, and nothing else."""

    path: Path
    source: str
    key: str
    cache_folder: Path | None


def run_job(job: Job) -> Article:
    """Build one article and keep it in the cache (runs in a worker)."""
    article = build_article(job.path, job.source)
    ArticleCache(job.cache_folder).put(job.key, article)
    built()  # counted on the progress line (pipeline/progress.py)
    return article


def checked_sources(articles: list[Article], report) -> list[dict]:
    """The package's sources, once the articles are known to be distinct and their rows
    valid; each article's diagnostics are reported."""
    check_unique_documents(articles)
    for article in articles:
        for diagnostic in article.diagnostics:
            report(str(diagnostic), file=sys.stderr)
    problems = [p for article in articles for p in article.problems]
    if problems:
        raise PackageInvalid(problems)
    return [{"title": a.title, "path": a.source, "sha256": a.sha256}
            for a in sorted(articles, key=lambda a: a.source)]


def write_review_site(folder: Path, tables: dict[str, list[dict]], metadata: dict,
                      previous: PreviousPackage, memo=None
                      ) -> tuple[list[str], dict[str, dict]]:
    """The review site (`memo` renders again only the pages whose rows changed; `previous`
    links those the replaced package holds unchanged), and its files' manifest entries. A
    site that cannot be written is a problem, not an error."""
    from pipeline.site import write_site

    try:
        return [], write_site(folder, tables, metadata, memo, previous)
    except OSError as error:
        if out_of_space(error):
            raise no_space("the review site", error) from None
        return [f"the review site could not be written: {type(error).__name__}: {error}"], {}


@dataclass(frozen=True)
class Limits:
    """How much input one publish accepts; the defaults admit a 10 MB article."""

    article_bytes: int = 64 * 2**20
    total_bytes: int = 2 * 2**30
    curation_bytes: int = 2**20  # a curation file's: room for thousands of entries


def plan(seeds: Path, cache_folder: Path | None, limits: Limits
         ) -> tuple[list[Job], list[Curation]]:
    """One job per article, refusing input over the limits before any work is done, and the
    articles' curation files, read and checked (an article's key includes its curation)."""
    jobs, curations, total = [], [], 0
    paths = discover(seeds)
    check_curated(seeds, paths)
    folder = seeds.resolve().name
    for path in paths:
        source = f"{folder}/{path.name}"
        check_source(source)
        size = path.stat().st_size
        total += size
        if size > limits.article_bytes:
            raise InputError(source, f"is {size} bytes, over the per-article limit of "
                             f"{limits.article_bytes} (--max-article-bytes)")
        if total > limits.total_bytes:
            raise InputError(str(seeds), f"the articles are over the total limit of "
                             f"{limits.total_bytes} bytes (--max-total-bytes)")
        try:
            content = path.read_bytes()
        except OSError as error:
            raise InputError(source, f"cannot be read: {error.strerror}") from None
        curated = read_curation_of(path, source, limits.curation_bytes)
        if curated is not None:
            curation, raw = curated
            curations.append(curation)
            content += b"\0curation\0" + raw
        jobs.append(Job(path, source, article_key(source, content), cache_folder))
    return jobs, curations


def read_curation_of(article: Path, source: str, limit: int = Limits.curation_bytes
                     ) -> tuple[Curation, bytes] | None:
    """The article's curation, and the file's bytes (for the article's cache key); a file
    over `limit` bytes is refused before it is read."""
    path = article.with_name(article.stem + CURATION_SUFFIX)
    if not path.is_file():
        return None
    from pipeline.curate import read_curation

    check_inside(article.parent, path)
    file = f"{Path(source).parent}/{path.name}"
    try:
        with path.open("rb") as handle:
            raw = handle.read(limit + 1)
        if len(raw) > limit:
            raise InputError(file, f"is over the limit of {limit} bytes for a curation file "
                                   "(--max-curation-bytes)")
        text = raw.decode("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(file, f"cannot be read as UTF-8 text: {one_line(str(error), 200)}"
                         ) from None
    return read_curation(text, file, source), raw


def check_curated(seeds: Path, articles: list[Path]) -> None:
    """A curation file must sit beside the article it curates."""
    stems = {path.stem for path in articles}
    for path in sorted(seeds.glob(f"*{CURATION_SUFFIX}")):
        stem = path.name[:-len(CURATION_SUFFIX)]
        if stem not in stems:
            raise InputError(f"{seeds.resolve().name}/{path.name}", "curates no article: there "
                             f"is no {stem}{ARTICLE_GLOB[1:]} beside it")


def publish(seeds: Path, out: Path, report=print, executor: Executor | None = None,
            cache_folder: Path | None = None, limits: Limits = Limits(),
            frictionless: bool = False, progress: Progress | None = None,
            cache_limit: int = CACHE_LIMIT) -> dict[str, int] | None:
    """Publish every article in `seeds` as one package at `out`; return rows per table, or
    None when `out` already holds the package these inputs make. The package is checked by
    the pipeline's own validator before it replaces `out`; `frictionless` adds frictionless's
    validation too (slower: it reads every row of every table again). `progress` is told
    each stage (see pipeline/progress.py). The cache, if any, is trimmed to `cache_limit`
    bytes afterwards. Where each stage runs is the schedule's (pipeline/schedule.py)."""
    progress = progress or Progress(QUIET)
    check_output(out, {"seeds folder": seeds, "cache": cache_folder})
    place = out.resolve()  # a link to a folder is kept, and the folder it names replaced
    if cache_folder is not None:
        claim(cache_folder)
    remove_orphans(place.parent, staging_prefix(place))  # left by killed publishes
    jobs, curations = plan(seeds, cache_folder, limits)
    warn = Relay(lambda line: report(line, file=sys.stderr))  # bad cache entries
    cache = ArticleCache(cache_folder, warn)
    history = release_history(seeds)
    inputs = inputs_digest([job.key for job in jobs] + ([article_key(CHANGELOG, history)]
                                                        if history is not None else []))
    if cache.is_current(out, inputs):
        return None
    from pipeline.extract import prepare
    from pipeline.formats import write_database
    from pipeline.package import descriptor, fragment_warnings, make_fragments, write_package
    from pipeline.validate import table_problems, validate_package

    fresh = [job for job in jobs if not cache.holds(job.key)]
    with no_space_is_an_error(out), Schedule(executor, cache_folder, warn) as schedule:
        with progress.building(len(fresh)):  # read, segment, extract
            articles = schedule.build(run_job, jobs, fresh, cache, setup=prepare)
        progress.stage("merging the facts")
        sources = checked_sources(articles, report)
        own = own_tables(articles)
        own_fragments = schedule.meanwhile(make_fragments, own, memo="own-fragments")
        resolved = schedule.memo("resolved")
        tables = merge(articles, own, curations, resolved)  # resolve, curate, derive
        resolved.close()
        del articles  # only the rows are needed from here on: a large corpus's articles are big
        progress.stage("writing and checking the package")
        staging = schedule.enter_context(staging_folder(place))
        checking = schedule.meanwhile(table_problems, tables, memo="claims")
        database = schedule.meanwhile(write_database, staging, tables)
        review = schedule.meanwhile(write_review_site, staging, tables, descriptor([], sources),
                                    PreviousPackage(place), memo="review")
        fragments = make_fragments(merged_only(tables), schedule.memo("fragments"))
        fragments |= own_fragments.join()
        problems, written = write_package(staging, tables, sources, fragments,
                                          schedule.memo("fragments"))
        if problems:  # rows that break their schemas: the other writers' work is moot
            raise PackageInvalid(problems)
        for writer in (review, database):
            more, entries = writer.join()
            problems += more
            written |= entries
        checked = checking.join()
        for warning in fragment_warnings(list(tables), fragments):
            report(f"warning [formula-like]: {warning}", file=sys.stderr)
        if history is not None:
            (staging / CHANGELOG).write_bytes(history)
        write_manifest(staging, written)  # every file now staged, whichever writer made it
        progress.stage("validating the package")
        problems = (problems
                    or validate_package(staging, checked_rows=tables, executor=schedule.executor,
                                        frictionless=frictionless, checked=checked))
        if problems:
            raise PackageInvalid(problems)
        put_in_place(staging, out, place)
    cache.record(out, inputs)
    if cache_folder is not None:
        trim(cache_folder, cache_limit)
    return {table: len(rows) for table, rows in tables.items()}
