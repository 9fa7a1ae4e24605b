"""A content-hash cache of per-article work, so that a rebuild redoes only what changed.

An article's entry is keyed by its bytes, its name and the build's fingerprint: the code, rules
and schemas of the pipeline and the versions of Python and the libraries that shape its output.
Any change to those makes every entry stale. A manifest per output folder records the inputs and
the files of the last package written there, so that a publish with nothing changed does nothing.
"""

import contextlib
import hashlib
import io
import json
import os
import pickle
import sys
import tempfile
from functools import cache
from importlib import metadata
from pathlib import Path

from pipeline.executor import Executor, LocalProcesses

PIPELINE_DIR = Path(__file__).resolve().parent
SCHEMA_DIR = PIPELINE_DIR.parent / "schemas"
LIBRARIES = ("pysbd", "pyyaml", "jsonschema", "frictionless")


def _version(library: str) -> str:
    try:
        return metadata.version(library)
    except metadata.PackageNotFoundError:
        return "absent"


@cache
def fingerprint() -> str:
    """Everything besides an article that decides what the pipeline makes of it."""
    digest = hashlib.sha256(sys.version.encode())
    for library in LIBRARIES:
        digest.update(f"{library}={_version(library)}".encode())
    files = sorted([*PIPELINE_DIR.rglob("*.py"), *PIPELINE_DIR.rglob("*.yaml"),
                    *PIPELINE_DIR.rglob("*.css"), *SCHEMA_DIR.rglob("*.json")])
    for path in files:
        digest.update(str(path.relative_to(PIPELINE_DIR.parent)).encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def article_key(source: str, content: bytes) -> str:
    digest = hashlib.sha256(fingerprint().encode())
    digest.update(source.encode("utf-8") + b"\0")
    digest.update(content)
    return digest.hexdigest()


def _write_atomically(path: Path, content: bytes) -> None:
    """Concurrent workers may write the same entry: each writes a whole file, then renames."""
    _write_with(path, lambda stream: stream.write(content))


def _write_with(path: Path, write) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    with os.fdopen(handle, "wb") as stream:
        write(stream)
    os.replace(temporary, path)


class ArticleCache:
    """Built articles on disk, one pickle per key. A missing or unreadable entry is a miss."""

    def __init__(self, folder: Path | None):
        self.folder = folder

    def _path(self, key: str) -> Path:
        return self.folder / "articles" / key[:2] / f"{key}.pickle"

    def holds(self, key: str) -> bool:
        return self.folder is not None and self._path(key).is_file()

    def get(self, key: str):
        if self.folder is None:
            return None
        try:
            return pickle.loads(self._path(key).read_bytes())
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            return None

    def put(self, key: str, article) -> None:
        if self.folder is not None:
            with contextlib.suppress(OSError):  # a cache that cannot be written only costs time
                _write_atomically(self._path(key), pickle.dumps(article, protocol=5))

    def manifest_path(self, out: Path) -> Path:
        name = hashlib.sha256(str(out.resolve()).encode()).hexdigest()[:16]
        return self.folder / "manifests" / f"{name}.json"

    def is_current(self, out: Path, inputs: str) -> bool:
        """True when `out` holds, unchanged, the package last built there from these inputs."""
        if self.folder is None:
            return False
        try:
            manifest = json.loads(self.manifest_path(out).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return False
        return manifest.get("inputs") == inputs and manifest.get("files") == folder_digest(out)

    def record(self, out: Path, inputs: str) -> None:
        if self.folder is not None:
            manifest = {"inputs": inputs, "files": folder_digest(out)}
            with contextlib.suppress(OSError):
                _write_atomically(self.manifest_path(out), json.dumps(manifest).encode())


MISSING = object()
MAX_SEGMENTS = 16  # a memo's folder is compacted when it holds this many
FEW = 32  # results a memo computes in this process rather than on the executor's workers


def apply(job: tuple):
    """Call a function on its inputs: one job of Memo.map, run in a worker."""
    function, inputs = job
    return function(*inputs)


class Memo:
    """Results of pure functions, kept between builds by a digest of the function's name, its
    inputs and the build's fingerprint, so that a rebuild computes again only what changed;
    what must be computed is spread over the executor's workers.

    A folder per kind of result, read when first needed, holds segments: `close` adds the
    entries this build computed as one new segment (a rebuild after an edit writes little), and
    compacts the folder into one segment of the entries this build used once most entries are
    stale, so it stays about the size of the current corpus. A segment is named for the build's
    fingerprint: one a different build wrote (before the code or a library changed) holds
    nothing this build can use, so it is not read, and it is deleted on closing. Closing also
    lets go of the entries: a large corpus's take much memory. Without a folder it remembers
    nothing.
    """

    def __init__(self, folder: Path | None, kind: str, executor: Executor | None = None):
        self.folder = folder / "memo" / kind if folder is not None else None
        self.executor = executor or LocalProcesses(1)
        self.old: dict | None = None
        self.segments: list[Path] = []
        self.foreign: list[Path] = []  # segments another build wrote
        self.used: dict[bytes, object] = {}

    def _load(self) -> dict:
        entries: dict = {}
        every = sorted(self.folder.glob("*.pickle")) if self.folder.is_dir() else []
        self.segments = [path for path in every if path.name.startswith(_segment_prefix())]
        self.foreign = [path for path in every if path not in self.segments]
        for segment in self.segments:
            try:
                entries.update(pickle.loads(segment.read_bytes()))
            except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError,
                    TypeError, ValueError):
                continue
        return entries

    def _key(self, function, inputs: tuple) -> bytes:
        digest = hashlib.sha256(f"{fingerprint()} {function.__qualname__}".encode())
        digest.update(_pickled_by_value(inputs))
        return digest.digest()

    def map(self, function, inputs: list[tuple], stand_ins: list | None = None) -> list:
        """function(*each of inputs), in order. `stand_ins`, one for each inputs, are what is
        digested instead of the inputs, where the caller knows something smaller that decides
        them."""
        if self.folder is None:
            return self.executor.map(apply, [(function, each) for each in inputs])
        if self.old is None:
            self.old = self._load()
        keys = [self._key(function, each) for each in (stand_ins or inputs)]
        results = [self.used.get(key, self.old.get(key, MISSING)) for key in keys]
        missing = [index for index, result in enumerate(results) if result is MISSING]
        jobs = [(function, inputs[index]) for index in missing]
        # A few documents' worth is quicker here than forking workers off a large process.
        computed = self.executor.map(apply, jobs) if len(jobs) > FEW else list(map(apply, jobs))
        for index, result in zip(missing, computed, strict=True):
            results[index] = result
        self.used.update(zip(keys, results, strict=True))
        return results

    def close(self) -> None:
        if self.folder is not None and self.old is not None:
            with contextlib.suppress(OSError):
                self._save()
        self.old, self.segments, self.foreign, self.used = None, [], [], {}

    def _save(self) -> None:
        for segment in self.foreign:
            segment.unlink(missing_ok=True)
        new = {key: value for key, value in self.used.items() if key not in self.old}
        stale = len(self.old) - (len(self.used) - len(new))
        if 2 * stale > len(self.old) + len(new) or len(self.segments) >= MAX_SEGMENTS:
            self._write_segment(self.used)
            for segment in self.segments:
                segment.unlink(missing_ok=True)
        elif new:
            self._write_segment(new)

    def _write_segment(self, entries: dict) -> None:
        """Pickled straight to the file: a segment can be the size of the package."""
        name = f"{_segment_prefix()}{os.urandom(10).hex()}.pickle"
        _write_with(self.folder / name, lambda stream: pickle.dump(entries, stream, protocol=5))


def _segment_prefix() -> str:
    return f"{fingerprint()[:16]}-"


def _pickled_by_value(value) -> bytes:
    """The value pickled without pickle's memo, so that equal values give equal bytes: with
    it, a string met twice is written again or referred back to depending on whether both are
    one object, which depends on how the rows were made (in this process, or unpickled)."""
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=5)
    pickler.fast = True
    pickler.dump(value)
    return buffer.getvalue()


def folder_digest(folder: Path) -> str | None:
    """One hash of every file's path, size and modification time in a folder (what `make`
    trusts too: hashing a large package's bytes took longer than a rebuild's other checks);
    None if it does not exist."""
    if not folder.is_dir():
        return None
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        status = path.stat()
        digest.update(f"{path.relative_to(folder)}\0{status.st_size}\0{status.st_mtime_ns}\n"
                      .encode())
    return digest.hexdigest()


def inputs_digest(keys: list[str]) -> str:
    return hashlib.sha256("\n".join(keys).encode()).hexdigest()
