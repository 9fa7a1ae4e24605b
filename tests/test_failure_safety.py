"""A publish interrupted at any point leaves the old package or the new one, never a mix."""

import os
import shutil
import signal
import subprocess
import sys
import time

import pytest
from conftest import FIXTURES, quiet
from test_publish import REPO, run_cli, tree

import pipeline.publish as publishing


@pytest.fixture
def old_package(tmp_path, seeds):
    """A package of one small article at tmp_path/out, and its files."""
    (seeds / "old.txt").write_text("= Old Article =\n\nOld text.\n", encoding="utf-8")
    out = tmp_path / "out"
    publishing.publish(seeds, out, report=quiet)
    return out, tree(out)


@pytest.mark.parametrize("stage", ["write_package", "validate_package", "swap_into_place"])
def test_interrupted_in_process_leaves_the_old_package(old_package, monkeypatch, stage):
    out, before = old_package

    def interrupt(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(publishing, stage, interrupt)
    with pytest.raises(KeyboardInterrupt):
        publishing.publish(FIXTURES, out, report=quiet)
    assert tree(out) == before
    assert [p.name for p in out.parent.iterdir() if p.name.startswith(".out")] == []


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
    command = [sys.executable, "-m", "pipeline", "publish", "--seeds", str(corpus),
               "--out", str(out), "--no-cache", "--workers", "1"]
    started = time.perf_counter()
    subprocess.run(command, cwd=REPO, capture_output=True, check=True)
    duration = time.perf_counter() - started
    assert tree(out) == new
    saved = tmp_path / "old-copy"
    shutil.copytree(out, saved)
    for fraction in (0.15, 0.4, 0.6, 0.8, 0.95):
        shutil.rmtree(out)
        shutil.copytree(saved, out)
        process = subprocess.Popen(command, cwd=REPO, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL)
        time.sleep(duration * fraction)
        process.send_signal(signal.SIGKILL)
        process.wait()
        assert tree(out) in (old, new), f"a mixed package after a kill at {fraction:.0%}"
    assert old != new


def test_missing_output_parent_is_a_clear_error(tmp_path):
    result = run_cli("publish", "--seeds", str(FIXTURES), "--out",
                     str(tmp_path / "missing" / "deeper" / "pkg"))
    assert result.returncode == 2
    assert "parent folder" in result.stderr and "does not exist" in result.stderr


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_read_only_output_parent_is_a_clear_error(tmp_path):
    parent = tmp_path / "locked"
    parent.mkdir()
    parent.chmod(0o555)
    try:
        result = run_cli("publish", "--seeds", str(FIXTURES), "--out", str(parent / "pkg"))
    finally:
        parent.chmod(0o755)
    assert result.returncode == 2 and "not writable" in result.stderr
