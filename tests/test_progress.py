"""What a publish prints while it works: a progress line at a terminal only, stage lines with
--verbose, nothing but warnings and errors with --quiet."""

import os
import pty
import tempfile
from pathlib import Path

import pytest
from conftest import Forked

from pipeline.progress import CLEAR, duration

ARTICLES = 12


@pytest.fixture
def corpus(tmp_path) -> Path:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for number in range(ARTICLES):
        (seeds / f"org-{number:02d}.txt").write_text(
            f"= Organisation {number} =\n\nOrganisation {number} was founded in "
            f"{1950 + number}.\n", encoding="utf-8")
    return seeds


def publish_args(corpus: Path, *options: str) -> list[str]:
    """The arguments of a publish of `corpus` (for `cli`, or after `python -m pipeline`)."""
    return ["publish", "--seeds", str(corpus), "--out", str(corpus.parent / "package"),
            "--no-cache", "--workers", "2", *options]


def at_a_terminal(arguments: list[str]) -> tuple[str, str, int]:
    """`python -m pipeline` in a process of its own (conftest.Forked), its standard error at a
    pseudo-terminal and standard output a file."""
    leader, follower = pty.openpty()
    with tempfile.TemporaryFile() as stdout:
        process = Forked(arguments, stdout.fileno(), follower)
        os.close(follower)
        seen = read_until_closed(leader)
        code = process.wait()
        stdout.seek(0)
        out = stdout.read().decode()
    return out, seen, code


def read_until_closed(leader: int) -> str:
    """What a pseudo-terminal showed until every process holding it ended."""
    seen = []
    while True:
        try:
            data = os.read(leader, 65536)
        except OSError:  # every process holding the terminal has ended
            break
        if not data:
            break
        seen.append(data)
    os.close(leader)
    return b"".join(seen).decode()


@pytest.mark.slow
def test_at_a_terminal_a_line_counts_the_articles_then_is_cleared(corpus):
    out, terminal, code = at_a_terminal(publish_args(corpus))
    assert code == 0, terminal
    assert f"building articles: {ARTICLES}/{ARTICLES} (" in terminal
    assert "/s" in terminal and "validating the package ..." in terminal
    assert terminal.endswith(CLEAR)  # nothing left on the line
    assert out.startswith(f"published {corpus.parent / 'package'}: {ARTICLES} documents")


def test_at_a_terminal_quiet_prints_nothing(corpus):
    out, terminal, code = at_a_terminal(publish_args(corpus, "--quiet"))
    assert (code, out, terminal) == (0, "", "")


def test_piped_a_publish_prints_only_its_summary(corpus, cli):
    result = cli(*publish_args(corpus))
    assert result.returncode == 0 and result.stderr == ""
    assert result.stdout.count("\n") == 1 and result.stdout.startswith("published ")


def test_verbose_prints_each_stage_and_its_time(corpus, cli):
    result = cli(*publish_args(corpus, "-v"))
    assert result.returncode == 0, result.stderr
    stages = [line.rsplit(": ", 1)[0] for line in result.stderr.splitlines()]
    assert stages == [f"building {ARTICLES} articles", "merging the facts",
                      "writing and checking the package", "validating the package"]
    assert "\r" not in result.stderr and result.stdout.startswith("published ")


def test_up_to_date_is_said_unless_quiet(corpus, cli):
    command = publish_args(corpus)
    command[command.index("--no-cache")] = f"--cache={corpus.parent / 'cache'}"
    assert cli(*command).returncode == 0
    again = cli(*command)
    assert again.stdout == f"up to date: {corpus.parent / 'package'}\n"
    quiet = cli(*command, "-q")
    assert (quiet.returncode, quiet.stdout, quiet.stderr) == (0, "", "")


def test_validate_quiet_and_verbose(corpus, cli):
    assert cli(*publish_args(corpus, "-q")).returncode == 0
    package = str(corpus.parent / "package")
    quiet = cli("validate", "-q", package)
    assert (quiet.returncode, quiet.stdout, quiet.stderr) == (0, "", "")
    verbose = cli("validate", "-v", package)
    assert verbose.returncode == 0 and verbose.stdout == f"valid: {package}\n"
    assert verbose.stderr.startswith(f"checked {package} in ")


def test_time_left_reads_as_minutes_and_seconds():
    assert [duration(s) for s in (0.4, 59, 61, 3600)] == ["0 s", "59 s", "1 min 01 s",
                                                          "60 min 00 s"]
