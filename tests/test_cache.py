"""The cache: a damaged, foreign or crafted file is a miss with one warning, never a crash,
never code run, and the publish's output equals a clean build's."""

import dataclasses
import hashlib
import os
import pickle
import random
import shutil
import subprocess
import sys
import types
import typing
from pathlib import Path

import pytest
from conftest import FIXTURES, quiet
from test_publish import tree

from pipeline import cache as caching
from pipeline.cache import (
    FORMAT,
    HEADER,
    MAGIC,
    RECORDS,
    ArticleCache,
    BadEntry,
    Memo,
    read_entry,
    write_entry,
)
from pipeline.errors import InputError
from pipeline.package import Fragment
from pipeline.publish import Article, build_article, publish
from pipeline.resolve import ArticleFacts


def framed(payload: bytes, version: int = FORMAT) -> bytes:
    """A payload behind a header that checks out, as write_entry makes one."""
    return HEADER.pack(MAGIC, version, len(payload), hashlib.sha256(payload).digest()) + payload


@pytest.mark.parametrize("mapped", [False, True], ids=["read", "mapped"])
def test_an_entry_reads_back_and_any_truncation_or_garbage_is_a_bad_entry(tmp_path, monkeypatch,
                                                                          mapped):
    """Whether it is read into memory or, being large, through a map of its file."""
    monkeypatch.setattr(caching, "MAPPED", 0 if mapped else caching.MAPPED)
    value = {b"key": Fragment(b"a,b\n", b"[]\n", ("p",), True), "list": [1, 2.5, None, "x"]}
    path = tmp_path / "entry.pickle"
    write_entry(path, value)
    assert read_entry(path) == value
    whole = path.read_bytes()
    for length in range(len(whole)):
        path.write_bytes(whole[:length])
        with pytest.raises(BadEntry):
            read_entry(path)
    garbage = random.Random(17)
    for content in (bytes(len(whole)), garbage.randbytes(len(whole)), b"L12x\n.",
                    whole + b"more", whole[:-1] + bytes([whole[-1] ^ 1])):
        path.write_bytes(content)
        with pytest.raises(BadEntry):
            read_entry(path)
    path.write_bytes(framed(whole[HEADER.size:], version=FORMAT + 1))
    with pytest.raises(BadEntry, match="format"):
        read_entry(path)
    path.unlink()
    with pytest.raises(FileNotFoundError):
        read_entry(path)  # a plain miss, not a bad entry


def test_a_failed_write_leaves_the_old_entry_and_no_temporary_file(tmp_path, monkeypatch):
    path = tmp_path / "entry.pickle"
    write_entry(path, "old")

    def full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(caching.pickle, "dump", full)
    with pytest.raises(OSError):
        write_entry(path, "new")
    assert read_entry(path) == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["entry.pickle"]


class RunsCode:
    def __init__(self, marker: Path):
        self.marker = marker

    def __reduce__(self):
        return os.system, (f"touch {self.marker}",)


def test_an_entry_crafted_to_run_code_is_refused_not_run(tmp_path):
    """Whoever can write into a shared cache folder must not run code in the publish: an
    entry that checks out (header, length, hash) but names a callable is a bad entry."""
    marker = tmp_path / "ran"
    lines = []
    cache = ArticleCache(tmp_path / "cache", warn=lines.append)
    key = "ab" * 32
    # os.system called with a command; then a name that reaches it through an allowed module
    # (pipeline.publish imports os): a STACK_GLOBAL of pipeline.publish and os.system.
    crafted = [pickle.dumps((key, RunsCode(marker)), protocol=5),
               b"\x80\x04\x8c\x10pipeline.publish\x8c\x09os.system\x93"
               + f"\x8c{chr(len(str(marker)) + 6)}touch {marker}".encode("latin-1")
               + b"\x85R."]
    for payload in crafted:  # each would run its command, unpickled as pickle does
        assert pickle.loads(payload) in (0, (key, 0)) and marker.exists()
        marker.unlink()
    for payload in crafted:
        path = cache._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(framed(payload))
        assert cache.get(key) is None
    assert not marker.exists()
    assert len(lines) == 2 and all(str(cache._path(key)) in line for line in lines)
    assert "names posix.system" in lines[0] or "names os.system" in lines[0]
    assert "names pipeline.publish.os.system" in lines[1]


# Types a record names that its module imports only for type checking (publish imports the
# stages when it runs them, so that a publish with nothing to do starts fast).
STAGE_TYPES = {"ArticleFacts": ArticleFacts}


def records_in(kind, found: set) -> set:
    """The dataclasses a value of this type may hold, by its annotations."""
    if dataclasses.is_dataclass(kind):
        if (kind.__module__, kind.__qualname__) in found:
            return found
        found.add((kind.__module__, kind.__qualname__))
        for hint in typing.get_type_hints(kind, localns=STAGE_TYPES).values():
            records_in(hint, found)
    for argument in typing.get_args(kind):
        records_in(argument, found)
    return found


def test_every_record_an_article_or_a_fragment_holds_may_be_read_from_the_cache():
    """A record missing from RECORDS would make every entry holding it a bad one."""
    held = records_in(Article, set()) | records_in(Fragment, set())
    assert held <= RECORDS, held - RECORDS
    assert ("pipeline.errors", "Diagnostic") in held


def test_built_articles_read_back_equal_and_a_copied_entry_is_bad(tmp_path):
    lines = []
    cache = ArticleCache(tmp_path, warn=lines.append)
    for number, path in enumerate(sorted(FIXTURES.glob("*.txt"))):
        article = build_article(path, f"articles/{path.name}")
        cache.put(f"{number:02d}" * 32, article)
        assert cache.get(f"{number:02d}" * 32) == article
    first, second = cache._path("00" * 32), cache._path("01" * 32)
    second.write_bytes(first.read_bytes())  # checks out, but is another article's
    assert cache.get("01" * 32) is None
    assert lines == [f"warning [cache]: {second}: holds another entry's value; rebuilt"]


def test_a_cached_articles_findings_are_unpacked_only_when_asked_for(tmp_path):
    """Reading a cached article leaves its findings packed (a rebuild that reuses its resolved
    claims never needs them); asked for, they are what was built, and an article pickled
    again before that keeps them."""
    cache = ArticleCache(tmp_path)
    path = sorted(FIXTURES.glob("*.txt"))[0]
    article = build_article(path, f"articles/{path.name}")
    cache.put("ef" * 32, article)
    read = cache.get("ef" * 32)
    assert "found" not in vars(read.facts) and read.facts.names == article.facts.names
    again = pickle.loads(pickle.dumps(read))
    assert read.facts.found == article.facts.found == again.facts.found
    assert read.facts.aliases == article.facts.aliases != []


def test_crafted_findings_in_an_entry_are_an_input_error_not_code_run(tmp_path):
    """Findings packed inside an entry that checks out are unpickled as strictly as the
    entry: findings that name a callable stop the publish with one line naming the article
    and what to do, and run nothing."""
    marker, cache = tmp_path / "ran", tmp_path / "cache"
    publish(FIXTURES, tmp_path / "out", report=quiet, cache_folder=cache)
    entry = next((cache / "articles").rglob("*.pickle"))
    key, article = read_entry(entry)
    vars(article.facts).pop("found", None)
    vars(article.facts)["packed"] = pickle.dumps(RunsCode(marker), protocol=5)
    write_entry(entry, (key, article))
    shutil.rmtree(cache / "memo")  # so that the article is resolved again
    with pytest.raises(InputError, match=f"{article.source}: its findings in the cache cannot "
                       "be read .*names (posix|os).system.*delete the cache folder"):
        publish(FIXTURES, tmp_path / "again", report=quiet, cache_folder=cache)
    assert not marker.exists() and not (tmp_path / "again").exists()


def test_an_unreadable_entry_is_a_miss_with_a_warning(tmp_path, monkeypatch):
    lines = []
    cache = ArticleCache(tmp_path, warn=lines.append)
    cache.put("cd" * 32, "an article")

    def refused(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(caching, "open", refused, raising=False)  # root reads any file
    assert cache.get("cd" * 32) is None
    assert lines == [f"warning [cache]: {cache._path('cd' * 32)}: cannot be read "
                     "(Permission denied); rebuilt"]


def test_a_bad_memo_segment_is_recomputed_and_deleted(tmp_path):
    calls, lines = [], []

    def double(value):
        calls.append(value)
        return value * 2

    memo = Memo(tmp_path, "test")
    memo.map(double, [(1,), (2,)])
    memo.close()
    [segment] = (tmp_path / "memo" / "test").glob("*.pickle")
    segment.write_bytes(segment.read_bytes()[:-3])
    memo = Memo(tmp_path, "test", warn=lines.append)
    assert memo.map(double, [(1,), (2,)]) == [2, 4] and calls == [1, 2, 1, 2]
    memo.close()
    assert len(lines) == 1 and str(segment) in lines[0] and lines[0].endswith("; rebuilt")
    assert not segment.exists()
    assert Memo(tmp_path, "test", warn=lines.append).map(double, [(2,)]) == [4]
    assert calls == [1, 2, 1, 2] and len(lines) == 1


def damage(folder: Path, mode: str) -> list[Path]:
    """Every entry in the cache folder truncated to half or overwritten with as many random
    bytes; returns them."""
    files = sorted(p for p in folder.rglob("*") if p.is_file() and p.name != caching.TAG)
    noise = random.Random(3)
    for path in files:
        size = path.stat().st_size
        path.write_bytes(path.read_bytes()[:size // 2] if mode == "truncated"
                         else noise.randbytes(size))
    return files




def cache_warnings(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("warning [cache]")]


@pytest.mark.parametrize("mode", ["truncated", "garbage"])
def test_a_damaged_cache_is_rebuilt_with_one_warning_per_file(tmp_path, built_package, mode,
                                                              cli):
    def publish_cli(seeds: Path, out: Path, cache: Path) -> subprocess.CompletedProcess:
        return cli("publish", "--seeds", seeds, "--out", out, "--cache", cache, "--workers", "2")

    cache, out = tmp_path / "cache", tmp_path / "out"
    assert publish_cli(FIXTURES, out, cache).returncode == 0
    files = damage(cache, mode)
    assert {p.relative_to(cache).parts[0] for p in files} == {"articles", "memo", "manifests"}
    result = publish_cli(FIXTURES, out, cache)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    warned = cache_warnings(result.stderr)
    assert len(warned) == len(files), warned
    for path in files:
        assert sum(f" {path}: " in line and line.endswith("; rebuilt") for line in warned) == 1
    assert tree(out) == tree(built_package)
    # Each was written again: a publish elsewhere reads them all, and warns of none.
    again = publish_cli(FIXTURES, tmp_path / "elsewhere", cache)
    assert again.returncode == 0 and cache_warnings(again.stderr) == []
    assert tree(tmp_path / "elsewhere") == tree(built_package)


def test_warnings_from_forked_processes_reach_the_callers_report(tmp_path, built_package):
    """Memo segments are read in the processes that use them (the review page's is forked):
    their warnings come back to publish's `report`, not only to that process's stderr."""
    cache = tmp_path / "cache"
    publish(FIXTURES, tmp_path / "first", report=quiet, cache_folder=cache)
    files = damage(cache, "garbage")
    lines = []
    publish(FIXTURES, tmp_path / "out", report=lambda text, **_: lines.append(text),
            cache_folder=cache)
    warned = [line for line in lines if line.startswith("warning [cache]")]
    memo_files = [p for p in files if p.relative_to(cache).parts[0] != "manifests"]
    assert sorted(warned) == sorted(f"warning [cache]: {p}: not a cache entry (no header); "
                                    "rebuilt" for p in memo_files)
    assert any("/memo/review/" in line for line in warned)
    assert tree(tmp_path / "out") == tree(built_package)


def test_records_are_only_the_pipelines_dataclasses():
    for module, name in RECORDS:
        assert module.startswith("pipeline.")
        kind = getattr(__import__(module, fromlist=[name]), name)
        assert dataclasses.is_dataclass(kind) and not isinstance(kind, types.FunctionType)


# Where the cache lives (issue 21).

def test_the_cache_is_in_the_users_cache_folder_unless_told_otherwise(monkeypatch, tmp_path):
    monkeypatch.delenv(caching.ENVIRONMENT)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    if sys.platform.startswith("linux"):
        assert caching.default_folder() == tmp_path / "xdg" / "article-facts"
    monkeypatch.setenv(caching.ENVIRONMENT, str(tmp_path / "mine"))
    assert caching.default_folder() == tmp_path / "mine"


def test_publishing_from_a_fresh_folder_leaves_no_cache_in_it(tmp_path, monkeypatch, cli):
    work = tmp_path / "work"
    (work / "articles").mkdir(parents=True)
    (work / "articles" / "a.txt").write_text("= A =\n\nA group.\n", encoding="utf-8")
    monkeypatch.delenv(caching.ENVIRONMENT)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.chdir(work)
    result = cli("publish", "--seeds", "articles", "--out", "package")
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in work.iterdir()) == ["articles", "package"]
    if sys.platform.startswith("linux"):
        assert (tmp_path / "xdg" / "article-facts" / caching.TAG).is_file()


def run_command(*args: str) -> tuple[int, str]:
    import contextlib
    import io

    from pipeline.__main__ import main
    output = io.StringIO()
    with contextlib.redirect_stdout(output):
        code = main(list(args))
    return code, output.getvalue()


def test_the_cache_command_says_where_and_how_big_and_clears(tmp_path):
    cache = tmp_path / "cache"
    publish(FIXTURES, tmp_path / "out", report=quiet, cache_folder=cache)
    code, said = run_command("cache", "--cache", str(cache))
    files, size = caching.size(cache)
    assert code == 0 and files > 0 and said.startswith(f"{cache}: {files} files, ")
    assert run_command("cache", "--cache", str(cache), "--clear") == (0, f"cleared {cache}\n")
    assert caching.size(cache) == (0, 0) and (cache / caching.TAG).is_file()
    assert run_command("cache", "--cache", str(tmp_path / "none"), "--clear")[0] == 0
    assert run_command("cache", "--cache", str(cache))[1] == f"{cache}: 0 files, 0.0 MiB\n"


def test_a_folder_of_other_files_is_never_a_cache(tmp_path, capsys):
    from pipeline.__main__ import main
    folder = tmp_path / "documents"
    (folder / "articles").mkdir(parents=True)
    (folder / "articles" / "letter.txt").write_text("dear\n", encoding="utf-8")
    before = tree(folder)
    for command in (["cache"], ["cache", "--clear"], ["publish", "--seeds", str(FIXTURES),
                                            "--out", str(tmp_path / "out")]):
        assert main([*command, "--cache", str(folder)]) == 2
        (line,) = capsys.readouterr().err.splitlines()
        assert line == (f"error: {folder}: holds articles/letter.txt, so it is not a cache of "
                        "article-facts; choose another --cache")
    assert tree(folder) == before


def test_a_cache_made_before_the_tag_is_taken_on(tmp_path):
    cache = tmp_path / "cache"
    publish(FIXTURES, tmp_path / "out", report=quiet, cache_folder=cache)
    (cache / caching.TAG).unlink()
    caching.claim(cache)
    assert (cache / caching.TAG).is_file() and caching.size(cache)[0] > 0


def test_the_least_recently_used_entries_go_first(tmp_path):
    cache = tmp_path / "cache"
    publish(FIXTURES, tmp_path / "out", report=quiet, cache_folder=cache)
    entries = sorted(caching.entries(cache))
    for age, path in enumerate(reversed(entries)):  # the first in path order is the oldest
        os.utime(path, (1_000_000 - age, 1_000_000 - age))
    total = caching.size(cache)[1]
    caching.trim(cache, total - 1)
    assert not entries[0].exists() and all(p.exists() for p in entries[1:])
    caching.trim(cache, 0)
    assert caching.size(cache) == (0, 0)


def test_a_read_entry_counts_as_recently_used(tmp_path):
    path = tmp_path / "entry.pickle"
    write_entry(path, {"a": 1})
    os.utime(path, (1, 1))
    caching.read_or_warn(path, print, lambda value: True)
    assert path.stat().st_mtime > 1


def test_publish_keeps_the_cache_within_its_limit(tmp_path):
    cache = tmp_path / "cache"
    publish(FIXTURES, tmp_path / "out", report=quiet, cache_folder=cache, cache_limit=10_000)
    assert caching.size(cache)[1] <= 10_000
    publish(FIXTURES, tmp_path / "again", report=quiet, cache_folder=cache)  # unlimited
    assert caching.size(cache)[1] > 10_000



def test_regexes_read_back_from_the_memo_are_what_re_compile_makes(tmp_path, monkeypatch):
    """Every rule's regex, compiled through the memo and read back by a later build (which
    parses none of them), has the pattern, flags, groups and matches re.compile gives it."""
    from pipeline.extract import patterns, prepare

    prepare()
    sources = sorted({regex.source for regex in patterns.MADE})
    memo = Memo(tmp_path, "regexes")
    caching.compiled_regexes(memo, sources)
    memo.close()
    expected_patterns = [patterns.re.compile(source) for source in sources]
    monkeypatch.setattr(caching, "_parser", None)  # a later build parses nothing
    text = "In 1990 the Sample Front (SF) was founded by Ko Ko in Laiza, Kachin State."
    read_back = caching.compiled_regexes(Memo(tmp_path, "regexes"), sources)
    for pattern, expected in zip(read_back, expected_patterns, strict=True):
        assert (pattern.pattern, pattern.flags, pattern.groups, pattern.groupindex) == (
            expected.pattern, expected.flags, expected.groups, expected.groupindex)
        assert ([m.span() for m in pattern.finditer(text)]
                == [m.span() for m in expected.finditer(text)])
