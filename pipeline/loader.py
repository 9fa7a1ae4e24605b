"""Reading a package someone else made: which of its files `validate`, `diff` and `release`
may open, and how much of them they read.

A package comes from anyone (a pull request's, a contributor's release), and its descriptor
names the files to read. So nothing it names is opened before it is checked: the descriptor
against the Data Package profile first; then each resource's name, against the tables this
version knows (listed from schemas/ without opening any schema file; `diff` also compares a
table it does not know, by a plain name); then each path, which must be one relative file
path inside the folder (no `..`, no absolute path or URL). A file is opened only where its
real path stays inside the package folder (a symlink may not lead out of it), only when it is
a regular file (not a device or a pipe), and only when it is no larger than the limit; hashes
are computed a chunk at a time. What fails is one line naming the resource or file:
`Unreadable`.
"""

import csv
import hashlib
import io
import json
import os
import re
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import BinaryIO

from pipeline.errors import excerpt, one_line, schema_message
from pipeline.rows import csv_rows
from pipeline.schemas import SCHEMA_DIR

DESCRIPTOR = "datapackage.json"
DESCRIPTOR_BYTES = 16 * 2**20  # the seed's descriptor is 65 KB; 10,000 sources add ~2 MB
# The largest table file of a 10,000-article corpus of the development articles is
# json/claims.json at about 270 MB (27 KB an article); the limit allows twice that.
TABLE_BYTES = 512 * 2**20
CHUNK_BYTES = 2**20
TABLE_NAME = re.compile(r"[a-z0-9_][a-z0-9_.-]{0,99}")  # a table `diff` compares by name


class Unreadable(Exception):
    """A package file that may not or cannot be read: one line, naming it."""


@cache
def known_tables() -> frozenset[str]:
    """The tables this version publishes: the names of schemas/<table>.schema.json, listed,
    none opened."""
    suffix = ".schema.json"
    return frozenset(path.name[:-len(suffix)] for path in SCHEMA_DIR.iterdir()
                     if path.name.endswith(suffix))


def path_problem(path) -> str:
    """Why `path` is not one relative file path inside a package folder ('' when it is)."""
    if not isinstance(path, str):
        return f"path {excerpt(path)} is not one file's path"
    if not path or "\0" in path or "\\" in path or path.startswith("/") or ":" in path:
        return f"path {excerpt(path)} is not a relative file path"
    if any(part in ("", ".", "..") for part in path.split("/")):
        return f"path {excerpt(path)} steps out of its folder or names none"
    return ""


def member(folder: Path, path: str) -> Path:
    """The real path of a package file: checked as a path, then resolved (every symlink
    followed) and required to lie inside the package folder."""
    problem = path_problem(path)
    if problem:
        raise Unreadable(problem)
    root = os.path.realpath(folder)
    real = os.path.realpath(os.path.join(root, path))
    if os.path.commonpath([root, real]) != root:
        raise Unreadable(f"{path}: leads out of the package folder")
    return Path(real)


@contextmanager
def open_member(folder: Path, path: str, limit: int, option: str = "--max-table-bytes"
                ) -> Iterator[BinaryIO]:
    """A package file opened for reading: a regular file inside the folder, of at most
    `limit` bytes (a device, a pipe or a larger file is refused before a byte is read;
    `option` is how a user raises the limit)."""
    real = member(folder, path)
    try:  # not blocking: opening a pipe would wait for a writer
        descriptor = os.open(real, os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW)
    except OSError as error:
        raise Unreadable(f"{path}: cannot be read: {error.strerror}") from None
    info = os.fstat(descriptor)
    if not stat.S_ISREG(info.st_mode) or info.st_size > limit:
        os.close(descriptor)
        raise Unreadable(f"{path}: not a regular file" if not stat.S_ISREG(info.st_mode) else
                         f"{path}: {info.st_size} bytes, over the limit of {limit} ({option})")
    with os.fdopen(descriptor, "rb") as handle:
        yield handle


def digest(folder: Path, path: str, limit: int) -> tuple[int, str]:
    """A package file's size and `sha256:` hash, read a chunk at a time."""
    with open_member(folder, path, limit) as handle:
        size, hexdigest = sha256_of(handle, limit)
    if size > limit:  # grown since it was opened
        raise Unreadable(f"{path}: over the limit of {limit} bytes (--max-table-bytes)")
    return size, "sha256:" + hexdigest


def sha256_of(handle: BinaryIO, limit: float = float("inf")) -> tuple[int, str]:
    """The size and SHA-256 (hex) of what an open file holds, read a chunk at a time; reading
    stops once past `limit` bytes (the size then says so)."""
    hasher, size = hashlib.sha256(), 0
    while size <= limit and (chunk := handle.read(CHUNK_BYTES)):
        hasher.update(chunk)
        size += len(chunk)
    return size, hasher.hexdigest()


def read_text(folder: Path, path: str, limit: int, option: str = "--max-table-bytes") -> str:
    """A package file's text (strict UTF-8)."""
    with open_member(folder, path, limit, option) as handle:
        content = handle.read(limit + 1)
    if len(content) > limit:  # grown since it was opened
        raise Unreadable(f"{path}: over the limit of {limit} bytes ({option})")
    try:
        return content.decode("utf-8")
    except UnicodeDecodeError as error:
        raise Unreadable(f"{path}: not UTF-8 text (byte {error.start})") from None


def read_table(folder: Path, resource: dict, limit: int) -> tuple[list[str], list[dict]]:
    """A known table's header and rows, typed by its JSON Schema, read as a stream from the
    resource's file."""
    try:
        with open_member(folder, resource["path"], limit) as handle:
            return csv_rows(io.TextIOWrapper(handle, encoding="utf-8", newline=""),
                            resource["name"])
    except (UnicodeDecodeError, csv.Error) as error:
        raise Unreadable(f"{resource['path']}: not CSV text: {excerpt(str(error))}") from None


def read_json(folder: Path, path: str, limit: int, option: str = "--max-table-bytes"):
    try:
        return json.loads(read_text(folder, path, limit, option))
    except (ValueError, RecursionError) as error:
        raise Unreadable(f"{path}: not valid JSON: {excerpt(str(error))}") from None


def read_descriptor(folder: Path) -> dict:
    if not os.path.exists(folder / DESCRIPTOR):
        raise Unreadable(f"{folder / DESCRIPTOR}: no datapackage.json")
    descriptor = read_json(folder, DESCRIPTOR, DESCRIPTOR_BYTES, "a descriptor's limit")
    if not isinstance(descriptor, dict):
        raise Unreadable(f"{DESCRIPTOR}: not a JSON object")
    return descriptor


def profile_problems(descriptor: dict, profile_path: Path) -> list[str]:
    """The descriptor against the Data Package profile (a JSON Schema)."""
    from jsonschema import Draft7Validator  # here: a no-op publish imports loader, not this

    try:
        profile = json.loads(profile_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        return [f"{profile_path}: cannot read the profile: {error}"]
    try:
        return [f"{DESCRIPTOR} {'/'.join(map(str, e.absolute_path)) or '(top)'}: "
                f"{one_line(schema_message(e), 200)}"
                for e in Draft7Validator(profile).iter_errors(descriptor)]
    except RecursionError:
        return [f"{DESCRIPTOR}: nested too deeply to be checked"]


def resource_problems(descriptor: dict, known_only: bool) -> list[str]:
    """Each resource's name and path, before anything they name is opened: a table this
    version knows (or with `known_only` false, any plain table name) at a relative path
    inside the package."""
    problems = []
    for index, resource in enumerate(descriptor["resources"]):
        name = resource.get("name")
        where = f"{DESCRIPTOR} resource {excerpt(name, 40)}"
        if name not in known_tables() and (known_only or not isinstance(name, str)
                                           or not TABLE_NAME.fullmatch(name)):
            problems.append(f"{DESCRIPTOR} resources/{index}: {excerpt(name, 40)} is not a "
                            "table this version publishes")
        elif "path" not in resource:
            problems.append(f"{where}: no path (inline data is not a table file)")
        elif path_problem(resource["path"]):
            problems.append(f"{where}: {path_problem(resource['path'])}")
    return problems


def load_descriptor(folder: Path, profile_path: Path, known_only: bool) -> tuple[dict, list[str]]:
    """The descriptor, and what is wrong with it: unreadable, then against the profile, then
    its resources' names and paths (each step only when the one before passed)."""
    try:
        descriptor = read_descriptor(folder)
    except Unreadable as error:
        return {}, [str(error)]
    problems = profile_problems(descriptor, profile_path)
    return descriptor, problems or resource_problems(descriptor, known_only)
