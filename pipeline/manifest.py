"""The package's own record of its files: `manifest.json`, every other file the publish wrote
into the package folder, with its size and SHA-256.

The descriptor lists only the tables, but a package holds more (the JSON files, the database,
the data dictionary, the review pages, whatever a writer adds). The manifest is made from what
is actually in the staged folder just before it is swapped into place, so it covers every
writer without a list of names here. It is what lets a publish recognise a folder as a package
this tool wrote, which is the only kind of folder it replaces (a user's files are never
deleted), and what the validator checks: no file missing, changed or added.
"""

import hashlib
import json
import os
from collections.abc import Iterator
from pathlib import Path

from pipeline import loader

MANIFEST = "manifest.json"
GENERATOR = "article-facts"
DESCRIPTION = ("Every file of this package but this one, with its size in bytes and SHA-256 "
               "(sha256sum); `article-facts publish` replaces a folder only when it holds "
               "exactly these files.")


def digest(*pieces: bytes) -> dict:
    """The manifest's entry for a file of these bytes (one piece after another), made by the
    writer that has them in hand (in its own process, while the others write): the manifest
    then need not read the package back to hash it."""
    hashing = hashlib.sha256()
    for piece in pieces:
        hashing.update(piece)
    return {"bytes": sum(map(len, pieces)), "sha256": hashing.hexdigest()}


def file_digest(path: Path) -> dict:
    """The manifest's entry for a file as it is on disk (its size as read, in the same pass)."""
    with path.open("rb") as stream:
        size, sha256 = loader.sha256_of(stream)
    return {"bytes": size, "sha256": sha256}


LINK, FOLDER, FILE, OTHER = "link", "folder", "file", "other"


def kinds(folder: Path) -> dict[str, str]:
    """Every file, folder and link under `folder`, as relative POSIX paths in sorted order,
    each with its kind (LINK, FOLDER, FILE or OTHER); links are not followed. One listing
    per folder tells the kinds, where a check per path took a system call or three."""
    found: dict[str, str] = {}
    pending = [("", str(folder))]
    while pending:
        base, path = pending.pop()
        with os.scandir(path) as listed:
            for entry in listed:
                name = base + entry.name
                if entry.is_symlink():
                    found[name] = LINK
                elif entry.is_dir():
                    found[name] = FOLDER
                    pending.append((name + "/", entry.path))
                else:
                    found[name] = FILE if entry.is_file() else OTHER
    return dict(sorted(found.items()))


def entries(folder: Path) -> list[str]:
    """Every file, folder and link under `folder`, as relative POSIX paths, in sorted order;
    links are not followed."""
    return list(kinds(folder))


def listing(folder: Path, written: dict[str, dict] | None = None) -> dict[str, dict]:
    """The manifest's `files`: each regular file but the manifest, with its bytes and hash;
    `written` are entries the writers made (see `digest`), taken for the files still of
    their size, and every other file is hashed here."""
    written = written or {}

    def entry(name: str) -> dict:
        known = written.get(name)
        if known is not None and known["bytes"] == (folder / name).stat().st_size:
            return known
        return file_digest(folder / name)
    return {name: entry(name) for name, kind in kinds(folder).items()
            if kind == FILE and name != MANIFEST}


def write_manifest(folder: Path, written: dict[str, dict] | None = None) -> None:
    """Record every file now in `folder` (deterministic: sorted paths, no times); `written`:
    see `listing`."""
    manifest = {"generator": GENERATOR, "description": DESCRIPTION,
                "files": listing(folder, written)}
    text = json.dumps(manifest, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
    (folder / MANIFEST).write_text(text, encoding="utf-8", newline="\n")


def read_manifest(folder: Path) -> dict[str, dict] | None:
    """The files a package's manifest lists, or None when the folder has no manifest this
    tool wrote."""
    if not (folder / MANIFEST).exists():
        return None
    try:  # bounded, and only a regular file inside the folder: the folder may be anyone's
        manifest = loader.read_json(folder, MANIFEST, loader.DESCRIPTOR_BYTES,
                                    "a manifest's limit")
    except loader.Unreadable:
        return None
    if not (isinstance(manifest, dict) and manifest.get("generator") == GENERATOR
            and isinstance(manifest.get("files"), dict)):
        return None
    return manifest["files"]


def strangers(folder: Path, files: dict[str, dict], contents: bool = True
              ) -> Iterator[tuple[str, str]]:
    """(path, why) for each entry of `folder` that is not one of the listed `files`, in path
    order; with `contents`, also each listed file that is not as it was written."""
    held = {name[:end] for name in files for end, char in enumerate(name) if char == "/"}
    for name, kind in kinds(folder).items():
        if kind == LINK:
            yield name, "a symbolic link"
        elif kind == FOLDER:
            if name not in held:
                yield name, "a folder the manifest lists no file in"
        elif name == MANIFEST:
            continue
        elif name not in files:
            yield name, f"not listed in {MANIFEST}"
        elif kind != FILE:
            yield name, "not a regular file"
        elif contents and _changed(folder / name, files[name]):
            yield name, "changed since it was published"


def _changed(path: Path, recorded: object) -> bool:
    if not isinstance(recorded, dict):
        return True
    return (path.stat().st_size != recorded.get("bytes")
            or file_digest(path)["sha256"] != recorded.get("sha256"))


def manifest_problems(folder: Path, contents: bool = True) -> list[str]:
    """The validator's check: the manifest lists exactly the package's files, unchanged
    (without `contents`, only that it lists them: a publish that has just hashed every file
    for the manifest need not read them all again)."""
    files = read_manifest(folder)
    if files is None:
        return [f"{MANIFEST}: missing, or not a manifest written by {GENERATOR}"]
    problems = [f"{name}: {why}" for name, why in strangers(folder, files, contents)]
    problems += [f"{name}: listed in {MANIFEST} but missing" for name in sorted(files)
                 if not (folder / name).is_file()]
    return problems


def first_stranger(folder: Path) -> str | None:
    """What makes `folder` not a package this tool published, naming the first file that is
    not the package's; None for an empty folder or such a package. A listed file that was
    edited is still the package's (a publish writes it again, as a build writes its output);
    the validator reports the edit."""
    files = read_manifest(folder)
    if files is None:
        held = entries(folder)
        return None if not held else (f"holds {held[0]}, and the folder has no {MANIFEST} of "
                                      "a package this tool published")
    for name, why in strangers(folder, files, contents=False):
        return f"holds {name}, which is not a file of the package published there: {why}"
    return None
