"""Releases: the package's semver `version` moves by what changed since the last release.

`make release` publishes afresh, compares that package with the last release (pipeline/diff.py
gives the verdict), writes the bumped version into pipeline/package.yaml, where every publish
reads it, and adds a dated entry to the changelog kept in the package folder. Nothing changed:
nothing is written, so a release run twice is a release once. A plain publish never moves the
version.
"""

import re
from pathlib import Path

from pipeline.diff import PackageDiff, claim_changes, summary
from pipeline.errors import InputError

CHANGELOG = "CHANGELOG.md"
CHANGELOG_TITLE = "# Changelog"
CHANGELOG_INTRO = ("Each release of this package: its version (semver, by what changed since the "
                   "release before), its date, and the claims added, removed and corrected per "
                   "document. Written by `make release`.")
CLAIMS_LISTED = 20  # of each kind per document; `python -m pipeline diff` lists them all
SEMVER = re.compile(r"(\d+)\.(\d+)\.(\d+)")
VERSION_LINE = re.compile(r"^version: *(\S+) *$", re.MULTILINE)


def bumped(version: str, verdict: str) -> str:
    match = SEMVER.fullmatch(version)
    if match is None:
        raise InputError("version", f"{version!r} is not a semver version (MAJOR.MINOR.PATCH)")
    major, minor, patch = map(int, match.groups())
    if verdict == "major":
        return f"{major + 1}.0.0"
    if verdict == "minor":
        return f"{major}.{minor + 1}.0"
    if verdict == "patch":
        return f"{major}.{minor}.{patch + 1}"
    return version


def set_version(metadata: Path, version: str) -> None:
    """Only the `version:` line is rewritten, so the file's comments and layout stay."""
    text = metadata.read_text(encoding="utf-8")
    if len(VERSION_LINE.findall(text)) != 1:
        raise InputError(str(metadata), "needs exactly one top-level `version:` line")
    metadata.write_text(VERSION_LINE.sub(f"version: {version}", text), encoding="utf-8")


def changelog_entry(result: PackageDiff, version: str, date: str) -> str:
    lines = [f"## {version} ({date})", "", *summary(result),
             *claim_changes(result, "###", limit=CLAIMS_LISTED)]
    return "\n".join(lines).rstrip() + "\n"


def add_to_changelog(path: Path, entry: str) -> None:
    """The newest entry first, under the title and its introduction."""
    previous = path.read_text(encoding="utf-8") if path.is_file() else ""
    head = f"{CHANGELOG_TITLE}\n\n{CHANGELOG_INTRO}\n"
    older = previous[len(head):].lstrip("\n") if previous.startswith(head) else previous
    path.write_text(f"{head}\n{entry}" + (f"\n{older}" if older else ""), encoding="utf-8")


def release(result: PackageDiff, metadata: Path, changelog: Path, date: str) -> str | None:
    """The new version, written with its changelog entry; None when nothing changed."""
    verdict = result.verdict()
    if verdict == "none":
        return None
    version = bumped(result.old.version, verdict)
    add_to_changelog(changelog, changelog_entry(result, version, date))
    set_version(metadata, version)
    return version
