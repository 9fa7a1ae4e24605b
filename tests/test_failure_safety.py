"""A publish interrupted at any point leaves the old package or the new one, never a mix."""

import os
import re
import resource
import shutil
import signal
import subprocess
import sys
import time

import pytest
from conftest import FIXTURES, Forked, forked_run, quiet
from test_executor import living, stat_fields, until
from test_publish import REPO, tree

import pipeline.package
import pipeline.publish as publishing
import pipeline.validate


@pytest.fixture(scope="module")
def old_published(tmp_path_factory):
    """A package of one small article, published once per module."""
    seeds = tmp_path_factory.mktemp("old") / "seeds"
    seeds.mkdir()
    (seeds / "old.txt").write_text("= Old Article =\n\nOld text.\n", encoding="utf-8")
    publishing.publish(seeds, seeds.parent / "out", report=quiet)
    return seeds.parent / "out"


@pytest.fixture
def old_package(old_published, tmp_path):
    """A copy of that package at tmp_path/out, and its files."""
    out = tmp_path / "out"
    shutil.copytree(old_published, out)
    return out, tree(out)


@pytest.mark.parametrize(("module", "stage"), [(pipeline.package, "write_package"),
                                               (pipeline.validate, "validate_package"),
                                               (publishing, "swap_into_place")])
def test_interrupted_in_process_leaves_the_old_package(old_package, monkeypatch, module, stage):
    out, before = old_package

    def interrupt(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(module, stage, interrupt)  # publish imports a stage when it runs it
    with pytest.raises(KeyboardInterrupt):
        publishing.publish(FIXTURES, out, report=quiet)
    assert tree(out) == before
    assert [p.name for p in out.parent.iterdir() if p.name.startswith(".out")] == []


@pytest.mark.slow
def test_killed_at_any_moment_leaves_old_or_new(old_package, tmp_path):
    out, old = old_package
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for number in range(12):
        for source in sorted(FIXTURES.glob("*.txt")):
            text = source.read_text(encoding="utf-8").replace(" =\n", f" {number} =\n", 1)
            (corpus / f"{number}-{source.name}").write_text(text, encoding="utf-8")
    reference = tmp_path / "reference"
    publishing.publish(corpus, reference, report=quiet)
    new = tree(reference)
    arguments = ["publish", "--seeds", corpus, "--out", out, "--no-cache", "--workers", "1"]
    subprocess.run([sys.executable, "-m", "pipeline", *map(str, arguments)], cwd=REPO,
                   capture_output=True, check=True)
    assert tree(out) == new  # a new interpreter (another hash seed) publishes the same bytes
    saved = tmp_path / "old-copy"
    shutil.copytree(out, saved)
    # Killed in forks, which compile no rules: the moments are spread over the building and
    # writing, not over an interpreter starting.
    with open(os.devnull, "wb") as nowhere:
        started = time.perf_counter()
        assert Forked(arguments, nowhere.fileno(), nowhere.fileno()).wait() == 0
        duration = time.perf_counter() - started
        for fraction in (0.15, 0.4, 0.6, 0.8, 0.95):
            shutil.rmtree(out)
            shutil.copytree(saved, out)
            process = Forked(arguments, nowhere.fileno(), nowhere.fileno())
            time.sleep(duration * fraction)
            process.send_signal(signal.SIGKILL)
            process.wait()
            assert tree(out) in (old, new), f"a mixed package after a kill at {fraction:.0%}"
    assert old != new


def test_missing_output_parent_is_a_clear_error(tmp_path, cli):
    result = cli("publish", "--seeds", str(FIXTURES), "--out",
                     str(tmp_path / "missing" / "deeper" / "pkg"))
    assert result.returncode == 2
    assert "parent folder" in result.stderr and "does not exist" in result.stderr


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_read_only_output_parent_is_a_clear_error(tmp_path, cli):
    parent = tmp_path / "locked"
    parent.mkdir()
    parent.chmod(0o555)
    try:
        result = cli("publish", "--seeds", str(FIXTURES), "--out", str(parent / "pkg"))
    finally:
        parent.chmod(0o755)
    assert result.returncode == 2 and "not writable" in result.stderr


def copies(folder, sources, count: int):
    """`count` articles in `folder`, copies of `sources` each with its own title."""
    folder.mkdir()
    texts = [source.read_text(encoding="utf-8") for source in sorted(sources)]
    for number in range(count):
        text = re.sub(r"^= (.+?) =", lambda m, n=number: f"= {m[1]} {n:03d} =",
                      texts[number % len(texts)], count=1)
        (folder / f"article-{number:03d}.txt").write_text(text, encoding="utf-8")
    return folder


def in_session(session: int) -> list[int]:
    """The processes of a session (a publish started in its own: it and all it forked)."""
    return [int(name) for name in os.listdir("/proc") if name.isdigit()
            and stat_fields(int(name))[3:4] == [str(session)]]


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc; prctl is Linux's")
def test_a_publish_killed_with_sigkill_leaves_no_process_running(tmp_path):
    corpus = copies(tmp_path / "corpus", (REPO / "seeds").glob("*.txt"), 300)
    publisher = subprocess.Popen(
        [sys.executable, "-m", "pipeline", "publish", "--seeds", str(corpus), "--out",
         str(tmp_path / "out"), "--no-cache", "--workers", "2"],
        cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    # Killed as soon as it has forked (a fixed wait was too short on a busy machine).
    until(lambda: len(living(in_session(publisher.pid))) >= 2, 60)
    started = living(in_session(publisher.pid))
    publisher.send_signal(signal.SIGKILL)
    publisher.wait()
    try:
        assert len(started) >= 2, "the publish had not forked its workers"
        assert until(lambda: not living(in_session(publisher.pid)), 3), \
            living(in_session(publisher.pid))
    finally:  # what a failure leaves would build articles for a while
        for pid in living(in_session(publisher.pid)):
            os.kill(pid, signal.SIGKILL)


def staging_folders(out) -> list[str]:
    return sorted(p.name for p in out.parent.iterdir() if p.name.startswith(f".{out.name}.tmp-"))


@pytest.mark.slow
@pytest.mark.skipif(os.name != "posix", reason="pids are checked with kill(pid, 0)")
def test_a_publish_removes_the_staging_folders_of_killed_publishes(tmp_path):
    """A publish killed while it writes leaves its staging folder (SIGKILL runs no clean-up);
    the next publish of that output removes it, and leaves a running publish's alone."""
    out = tmp_path / "out"
    corpus = copies(tmp_path / "corpus", FIXTURES.glob("*.txt"), 24)
    with open(os.devnull, "wb") as nowhere:
        killed = Forked(["publish", "--seeds", corpus, "--out", out, "--no-cache", "--workers",
                         "1"], nowhere.fileno(), nowhere.fileno())
    try:
        assert until(lambda: staging_folders(out), 60), "no staging folder was made"
    finally:
        killed.send_signal(signal.SIGKILL)
        killed.wait()
    left = staging_folders(out)
    assert left and str(killed.pid) in left[0]
    running = out.parent / f"{publishing.stamped(publishing.staging_prefix(out))}abcd1234"
    running.mkdir()  # this process's: a publish that is running
    publishing.publish(FIXTURES, out, report=quiet)
    assert staging_folders(out) == [running.name]


@pytest.mark.slow
@pytest.mark.parametrize("limit", [16 * 1024, 64 * 1024, 80 * 1024, 160 * 1024])
def test_a_full_disk_is_one_line_and_leaves_the_old_package(old_package, tmp_path, limit):
    """Files larger than `limit` cannot be written (RLIMIT_FSIZE: write fails with EFBIG, as
    on a full disk with ENOSPC); the first one the publish meets stops it, whichever file it
    is (a table, the database, the review page)."""
    out, before = old_package
    cache = tmp_path / "cache"

    def limited():
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    result = forked_run("publish", "--seeds", FIXTURES, "--out", out, "--cache", cache,
                        "--workers", "2", before=limited)
    assert result.returncode == 2, result.stderr
    (line,) = result.stderr.splitlines()  # at 80 and 160 KiB, it is the SQLite database
    assert line.startswith(f"error: {out}: the package could not be written (")
    assert line.endswith("); nothing was published")
    assert "File too large" in line or "datapackage.sqlite could not be written" in line
    assert tree(out) == before
    assert staging_folders(out) == []
    assert not [p for p in cache.rglob(".tmp-*")]  # nor half-written cache entries
