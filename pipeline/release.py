"""Releases: the package's semver `version` moves by what changed since the last release.

`make release` publishes afresh, compares that package with the last release (pipeline/diff.py
gives the verdict), writes the bumped version into pipeline/package.yaml, where every publish
reads it, and adds a dated entry to the changelog beside the articles (seeds/CHANGELOG.md,
which every publish copies into the package). Nothing changed:
nothing is written, so a release run twice is a release once. A plain publish never moves the
version.
"""

from __future__ import annotations  # PackageDiff named before diff is imported

import re
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.errors import InputError

if TYPE_CHECKING:  # diff is imported where an entry is written: a publish needs only CHANGELOG
    from pipeline.diff import PackageDiff

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


def with_version(metadata: str, version: str, where: Path) -> str:
    """Only the `version:` line is rewritten, so the file's comments and layout stay."""
    if len(VERSION_LINE.findall(metadata)) != 1:
        raise InputError(str(where), "needs exactly one top-level `version:` line")
    return VERSION_LINE.sub(f"version: {version}", metadata)


def changelog_entry(result: PackageDiff, version: str, date: str) -> str:
    from pipeline.diff import claim_changes, summary

    lines = [f"## {version} ({date})", "", *summary(result),
             *claim_changes(result, "###", limit=CLAIMS_LISTED)]
    return "\n".join(lines).rstrip() + "\n"


def with_entry(changelog: str, entry: str) -> str:
    """The newest entry first, under the title and its introduction."""
    head = f"{CHANGELOG_TITLE}\n\n{CHANGELOG_INTRO}\n"
    older = changelog[len(head):].lstrip("\n") if changelog.startswith(head) else changelog
    return f"{head}\n{entry}" + (f"\n{older}" if older else "")


def release(result: PackageDiff, metadata: Path, changelog: Path, date: str) -> str | None:
    """The new version, written with its changelog entry; None when nothing changed. Both
    files are read and their new text made before either is written, so a release that
    cannot be made changes nothing."""
    verdict = result.verdict()
    if verdict == "none":
        return None
    version = bumped(result.old.version, verdict)
    texts = {metadata: with_version(_read(metadata), version, metadata),
             changelog: with_entry(_read(changelog) if changelog.exists() else "",
                                   changelog_entry(result, version, date))}
    for path, text in texts.items():
        try:
            path.write_text(text, encoding="utf-8")
        except OSError as error:
            raise InputError(str(path), f"cannot be written: {error.strerror}") from None
    return version


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(str(path), f"cannot be read: {getattr(error, 'strerror', error)}"
                         ) from None
