"""A content-hash cache of per-article work, so that a rebuild redoes only what changed.

An article's entry is keyed by its bytes, its name and the build's fingerprint: the code, rules
and schemas of the pipeline and the versions of Python and the libraries that shape its output.
Any change to those makes every entry stale. A manifest per output folder records the inputs and
the files of the last package written there, so that a publish with nothing changed does nothing.

The cache lives in the user's cache folder (platformdirs, which honours XDG_CACHE_HOME), or
where `--cache` or ARTICLE_FACTS_CACHE says; a folder is used as a cache only when it is new,
empty or already one (it carries a CACHEDIR.TAG, so backup tools skip it), since clearing it
deletes what it holds. It is kept under a size limit by deleting the least recently used
entries after each publish; an entry deleted under a concurrent publish is only a miss.

Every file in the cache (articles, memo segments, manifests) is written and read by one pair,
write_entry and read_entry: a header (format, the payload's length and SHA-256) and a pickle
that only the pipeline's own records and plain values may be read from. A file that does not
check out is a miss: a warning names it, and what it held is made again and written anew.
"""

import _sre
import contextlib
import hashlib
import io
import mmap
import os
import pickle
import re
import shutil
import struct
import sys
import tempfile
import zlib
from array import array
from collections.abc import Callable
from functools import cache
from importlib import metadata
from pathlib import Path
from re import _compiler, _parser

import platformdirs

from pipeline.errors import InputError
from pipeline.executor import Executor, LocalProcesses, remove_orphans, stamped
from pipeline.manifest import read_manifest
from pipeline.schemas import SCHEMA_DIR  # in the wheel, inside the package

PIPELINE_DIR = Path(__file__).resolve().parent
LIBRARIES = ("pysbd", "pyyaml", "jsonschema", "frictionless", "pycountry", "langcodes",
             "language-data")


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
                    *PIPELINE_DIR.rglob("*.css"), *PIPELINE_DIR.rglob("*.js"),
                    *SCHEMA_DIR.rglob("*.json")])
    for path in files:
        digest.update(str(path.relative_to(PIPELINE_DIR.parent)).encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def article_key(source: str, content: bytes) -> str:
    digest = hashlib.sha256(fingerprint().encode())
    digest.update(source.encode("utf-8") + b"\0")
    digest.update(content)
    return digest.hexdigest()


FORMAT = 1  # of an entry's payload: an entry of another format is a miss
MAGIC = b"pipecach"
HEADER = struct.Struct(">8sHQ32s")  # MAGIC, FORMAT, the payload's length and its SHA-256
TEMPORARY = ".tmp-"  # an entry being written (see write_entry)
MAPPED = 2**20  # bytes of an entry from which it is read through a map of its file

# What a cache file may hold besides plain values (str, bytes, int, float, bool, None and
# lists, tuples, dicts and sets of them): the pipeline's own records, which are only data.
# Unpickling anything else could run code (a pickle names a callable and its arguments), so an
# entry that names anything else is refused: a cache folder may be shared.
RECORDS = frozenset({
    ("pipeline.publish", "Article"),
    ("pipeline.resolve", "ArticleFacts"),
    ("pipeline.read", "Document"),
    ("pipeline.read", "Section"),
    ("pipeline.read", "Block"),
    ("pipeline.segment", "Sentence"),
    ("pipeline.errors", "Diagnostic"),
    ("pipeline.extract.model", "Found"),
    ("pipeline.extract.model", "Reading"),
    ("pipeline.extract.model", "Draft"),
    ("pipeline.extract.model", "Skip"),
    ("pipeline.package", "Fragment"),
    ("pipeline.site", "Page"),
})


class BadEntry(Exception):
    """A cache file that does not check out; its text says why."""


class _RecordsOnly(pickle.Unpickler):
    def find_class(self, module: str, name: str):
        if (module, name) not in RECORDS:
            raise BadEntry(f"names {module}.{name}, which a cache entry may not hold")
        return super().find_class(module, name)


class _Hashing:
    """A file that a pickle is written to, counting and hashing what goes through."""

    def __init__(self, stream):
        self.stream = stream
        self.length = 0
        self.digest = hashlib.sha256()

    def write(self, data) -> int:
        self.digest.update(data)
        self.length += len(data)
        return self.stream.write(data)


def write_entry(path: Path, value) -> None:
    """`value` in the cache file `path`, behind its header. It is written to a temporary file
    renamed into place, so that a reader finds the old entry or the new one, never a part (and
    concurrent workers may write one entry); a write that fails leaves nothing. The pickle
    goes straight to the file, hashed on the way: a memo segment can be the package's size."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=stamped(TEMPORARY))
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(bytes(HEADER.size))
            hashing = _Hashing(stream)
            pickle.dump(value, hashing, protocol=5)
            stream.seek(0)
            stream.write(HEADER.pack(MAGIC, FORMAT, hashing.length, hashing.digest.digest()))
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def read_entry(path: Path):
    """The value in the cache file `path`. FileNotFoundError if there is none; BadEntry if it
    cannot be read, is short or long, is not an entry of this format, does not match its hash,
    or names anything but plain values and RECORDS. A large entry (a memo's segment can be the
    package's size) is read through a map of the file: read into memory, it was a copy of the
    whole file made before anything in it was used."""
    try:
        with open(path, "rb") as stream:
            if os.fstat(stream.fileno()).st_size < MAPPED:
                data = stream.read()
                return _unpickled(_checked(data, io.BytesIO(data)))
            with mmap.mmap(stream.fileno(), 0, access=mmap.ACCESS_READ) as mapped:
                return _unpickled(_checked(mapped, mapped))
    except FileNotFoundError:
        raise
    except (OSError, ValueError) as error:  # ValueError: the file was emptied meanwhile
        raise BadEntry(f"cannot be read ({getattr(error, 'strerror', None) or error})"
                       ) from None


def _checked(data, stream):
    """`stream` (a file of `data`, an entry's bytes) at the start of its payload, once the
    bytes are checked against their header."""
    header = data[:HEADER.size]
    if len(header) < HEADER.size:
        raise BadEntry(f"{len(header)} bytes, shorter than an entry's header")
    magic, version, length, digest = HEADER.unpack(header)
    if magic != MAGIC:
        raise BadEntry("not a cache entry (no header)")
    if version != FORMAT:
        raise BadEntry(f"an entry of format {version}, not {FORMAT}")
    if len(data) - HEADER.size != length:
        raise BadEntry(f"{len(data) - HEADER.size} bytes of content where its header says "
                       f"{length}")
    with memoryview(data) as view:
        if hashlib.sha256(view[HEADER.size:]).digest() != digest:
            raise BadEntry("its content does not match its hash")
    stream.seek(HEADER.size)
    return stream


def packed(value) -> bytes:
    """A value as bytes inside a cache entry, to be unpickled only when it is needed."""
    return pickle.dumps(value, protocol=5)


def unpacked(data: bytes):
    """A `packed` value, unpickled as its entry was (RECORDS only: the entry's hash covered
    these bytes, not what they name); BadEntry if it cannot be."""
    return _unpickled(io.BytesIO(data))


def _unpickled(stream):
    try:
        return _RecordsOnly(stream).load()
    except BadEntry:
        raise
    except Exception as error:  # of any kind: the pickle is read from outside
        raise BadEntry(f"does not unpickle ({type(error).__name__}: {error})") from None


def warn_on_stderr(line: str) -> None:
    print(line, file=sys.stderr)


def read_or_warn(path: Path, warn: Callable[[str], None], holds: Callable[[object], bool]):
    """The value in the cache file `path`, or None: when there is none, and, with a warning
    naming the file, when it does not check out or `holds` refuses what it holds (another
    entry's value: a file copied over another checks out)."""
    try:
        value = read_entry(path)
        if not holds(value):
            raise BadEntry("holds another entry's value")
        return value
    except FileNotFoundError:
        return None
    except BadEntry as error:
        warn(f"warning [cache]: {path}: {error}; rebuilt")
        return None
    finally:
        with contextlib.suppress(OSError):
            os.utime(path)  # recently used: the last to go when the cache is trimmed


class ArticleCache:
    """Built articles on disk, an entry per key, which holds the key too. A missing entry is a
    miss, and so is a bad one (with a warning): the article is built and its entry written
    again."""

    def __init__(self, folder: Path | None, warn: Callable[[str], None] = warn_on_stderr):
        self.folder = folder
        self.warn = warn

    def _path(self, key: str) -> Path:
        return self.folder / "articles" / key[:2] / f"{key}.pickle"

    def holds(self, key: str) -> bool:
        return self.folder is not None and self._path(key).is_file()

    def get(self, key: str):
        if self.folder is None:
            return None
        entry = read_or_warn(self._path(key), self.warn,
                             lambda value: isinstance(value, tuple) and len(value) == 2
                             and value[0] == key)
        return None if entry is None else entry[1]

    def put(self, key: str, article) -> None:
        if self.folder is not None:
            with contextlib.suppress(OSError):  # a cache that cannot be written only costs time
                write_entry(self._path(key), (key, article))

    def manifest_path(self, out: Path) -> Path:
        name = hashlib.sha256(str(out.resolve()).encode()).hexdigest()[:16]
        return self.folder / "manifests" / f"{name}.pickle"

    def is_current(self, out: Path, inputs: str) -> bool:
        """True when `out` holds, unchanged, the package last built there from these inputs."""
        if self.folder is None:
            return False
        manifest = read_or_warn(self.manifest_path(out), self.warn,
                                lambda value: isinstance(value, dict))
        return (manifest is not None and manifest.get("inputs") == inputs
                and manifest.get("files") == folder_digest(out))

    def record(self, out: Path, inputs: str) -> None:
        if self.folder is not None:
            manifest = {"inputs": inputs, "files": folder_digest(out)}
            with contextlib.suppress(OSError):
                write_entry(self.manifest_path(out), manifest)


class PreviousPackage:
    """The package a publish replaces, as a store of the files it would write again unchanged:
    one its manifest lists with the same size, whose bytes are still those to be written, is
    linked into the new package instead of written. A rebuild after one edit writes again
    only the few review pages it changed, not the site's tens of megabytes, and removing the
    old package then frees only what changed. A file that does not check out (missing, edited
    since, a link, on another disk) is written as usual; without a folder, every file is.
    The old file's bytes are compared with the new ones, which is stricter than comparing
    hashes and cheaper than hashing both; a file this build did not make again, known by its
    digest alone (`link`), is linked where the old bytes hash to it."""

    def __init__(self, folder: Path | None):
        self.folder = folder
        self.files: dict[str, dict] | None = None

    def write(self, package: Path, name: str, data: bytes) -> None:
        """`data` as the file `name` of the package being staged at `package`."""
        if not self._linked(package, name, len(data), data.__eq__):
            (package / name).write_bytes(data)

    def link(self, package: Path, name: str, entry: dict) -> bool:
        """Whether the file `name` of the package being staged at `package` is now the old
        package's file of that name, linked: it is, where the old file's bytes are those of
        the manifest entry `entry` (manifest.digest) of a file this build did not make
        again."""
        return self._linked(package, name, entry["bytes"],
                            lambda old: hashlib.sha256(old).hexdigest() == entry["sha256"])

    def _linked(self, package: Path, name: str, size: int, same: Callable[[bytes], bool]
                ) -> bool:
        if self.files is None:
            self.files = (read_manifest(self.folder) if self.folder is not None else None) or {}
        listed = self.files.get(name)
        if not isinstance(listed, dict) or listed.get("bytes") != size:
            return False
        old = self.folder / name
        try:
            if old.is_symlink() or not same(_read_at_most(old, size)):
                return False
            os.link(old, package / name, follow_symlinks=False)
        except OSError:
            return False
        return True


def _read_at_most(path: Path, size: int) -> bytes:
    """The file's first `size` bytes and one more, if it has more (a file grown since its
    manifest was written is not read whole)."""
    with path.open("rb") as handle:
        return handle.read(size + 1)


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
    nothing this build can use, so it is not read, and it is deleted on closing, as is a bad
    one (read_entry; `warn` is given a line naming it, and what it held is computed again).
    Closing also lets go of the entries: a large corpus's take much memory. Without a folder it
    remembers nothing.
    """

    def __init__(self, folder: Path | None, kind: str, executor: Executor | None = None,
                 warn: Callable[[str], None] = warn_on_stderr):
        self.folder = folder / "memo" / kind if folder is not None else None
        self.executor = executor or LocalProcesses(1)
        self.warn = warn
        self.old: dict | None = None
        self.segments: list[Path] = []
        self.foreign: list[Path] = []  # segments another build wrote, or bad ones
        self.used: dict[bytes, object] = {}

    def _load(self) -> dict:
        entries: dict = {}
        every = sorted(self.folder.glob("*.pickle")) if self.folder.is_dir() else []
        self.segments = [path for path in every if path.name.startswith(_segment_prefix())]
        self.foreign = [path for path in every if path not in self.segments]
        for segment in list(self.segments):
            read = read_or_warn(segment, self.warn, lambda value: isinstance(value, dict))
            if read is None:
                self.segments.remove(segment)
                self.foreign.append(segment)
            else:
                entries.update(read)
        return entries

    def _key(self, function, inputs: tuple) -> bytes:
        digest = hashlib.sha256(f"{fingerprint()} {function.__qualname__}".encode())
        digest.update(_pickled_by_value(inputs))
        return digest.digest()

    def map(self, function, inputs: list[tuple], stand_ins: list | None = None,
            keep: Callable | None = None) -> list:
        """function(*each of inputs), in order. `stand_ins`, one for each inputs, are what is
        digested instead of the inputs, where the caller knows something smaller that decides
        them. `keep`, if given, makes what is remembered of a result, where the result is
        large and its bytes are kept elsewhere (a page's digest: the replaced package holds
        the page): a result computed now is returned whole, a remembered one as `keep` made
        it."""
        if self.folder is None:
            return self.executor.map(apply, [(function, each) for each in inputs])
        if self.old is None:
            self.old = self._load()
        keys = [self._key(function, each) for each in (stand_ins or inputs)]
        results = [self.used.get(key, self.old.get(key, MISSING)) for key in keys]
        missing = [index for index, result in enumerate(results) if result is MISSING]
        computed = self.computed(function, [inputs[index] for index in missing])
        for index, result in zip(missing, computed, strict=True):
            results[index] = result
        kept = list(results)
        for index in missing if keep is not None else ():
            kept[index] = keep(results[index])
        self.used.update(zip(keys, kept, strict=True))
        return results

    def computed(self, function, inputs: list[tuple]) -> list:
        """function(*each of inputs) computed now, over the workers, remembering nothing: what
        `map` computes, and what a caller computes again where what a remembered result
        stood for (see `keep`) is gone."""
        jobs = [(function, each) for each in inputs]
        # A few documents' worth is quicker here than forking workers off a large process.
        return self.executor.map(apply, jobs) if len(jobs) > FEW else list(map(apply, jobs))

    def close(self) -> None:
        if self.folder is not None and self.old is not None:
            with contextlib.suppress(OSError):
                self._save()
        self.old, self.segments, self.foreign, self.used = None, [], [], {}

    def _save(self) -> None:
        remove_orphans(self.folder, TEMPORARY)  # segments whose writer was killed
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
        write_entry(self.folder / f"{_segment_prefix()}{os.urandom(10).hex()}.pickle", entries)


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


CODE_WORD = "I"  # the matcher's code is of 32-bit words (CPython's SRE_CODE)


def regex_parts(source: str) -> tuple:
    """What re.compile makes of a pattern before its last step, as plain values: the flags,
    the matcher's code (as bytes: read back at once, where a list of millions of numbers was
    read back one by one), and the groups (CPython's re._compiler.compile, whose parsing, in
    Python, is nearly all the time a rule takes to compile). The memo's key holds the Python
    version through the fingerprint, and the matcher checks the code as it takes it."""
    tree = _parser.parse(source)
    names = [None] * tree.state.groups
    for name, index in tree.state.groupdict.items():
        names[index] = name
    code = array(CODE_WORD, _compiler._code(tree, tree.state.flags)).tobytes()
    return (int(tree.state.flags), code, tree.state.groups - 1, dict(tree.state.groupdict),
            tuple(names))


class Record:
    """What a memo's `map` handed out in this process, kept so that it can be handed on to
    workers that cannot inherit this process's compiled rules (Dask's), which would otherwise
    parse every regex again. Its `map` is the memo's, recording as it goes. It pickles without
    the memo, its results compressed (Dask serializes a message over 10 MiB in a thread that
    then stays, and a process with another thread running cannot fork safely); a Record without
    a memo gives what it holds and computes only the rest."""

    def __init__(self, memo: "Memo | None" = None, results: dict | None = None):
        self.memo = memo
        self.results = results if results is not None else {}

    def map(self, function, inputs: list[tuple]) -> list:
        keys = [(function.__qualname__, each) for each in inputs]
        if self.memo is not None:
            self.results.update(zip(keys, self.memo.map(function, inputs), strict=True))
        return [self.results[key] if key in self.results else function(*each)
                for key, each in zip(keys, inputs, strict=True)]

    def __reduce__(self):
        return _unpacked_record, (zlib.compress(pickle.dumps(self.results, protocol=5), 1),)


def _unpacked_record(packed: bytes) -> Record:
    return Record(None, pickle.loads(zlib.decompress(packed)))


def compiled_regexes(memo: "Memo | Record", sources: list[str]) -> list[re.Pattern]:
    """re.compile(source) for each source, from what an earlier build kept in `memo`: a rule
    set of a few hundred regexes compiled in seconds, and is read back in a tenth of one."""
    parts = memo.map(regex_parts, [(source,) for source in sources])
    return [_sre.compile(source, flags, memoryview(code).cast(CODE_WORD).tolist(), *groups)
            for source, (flags, code, *groups) in zip(sources, parts, strict=True)]


def folder_digest(folder: Path) -> str | None:
    """One hash of every file's path, size and modification time in a folder (what `make`
    trusts too: hashing a large package's bytes took longer than a rebuild's other checks);
    None if it does not exist."""
    if not folder.is_dir():
        return None
    digest = hashlib.sha256()
    for root, _, files in sorted(os.walk(folder)):
        base = Path(root).relative_to(folder)
        for name in sorted(files):
            try:
                status = os.stat(os.path.join(root, name))
            except FileNotFoundError:  # a link to nothing, or gone meanwhile
                continue
            digest.update(f"{base / name}\0{status.st_size}\0{status.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def inputs_digest(keys: list[str]) -> str:
    return hashlib.sha256("\n".join(keys).encode()).hexdigest()


APPLICATION = "article-facts"
ENVIRONMENT = "ARTICLE_FACTS_CACHE"
CACHE_LIMIT = 2**30  # bytes
TAG = "CACHEDIR.TAG"  # https://bford.info/cachedir/
TAG_TEXT = ("Signature: 8a477f597d28d172789f06886806bc55\n"
            f"# This file is a cache directory tag created by {APPLICATION}.\n"
            "# For information about cache directory tags, see https://bford.info/cachedir/\n")
KINDS = ("articles", "memo", "manifests")  # the cache's folders; nothing else is written there


def default_folder() -> Path:
    """ARTICLE_FACTS_CACHE if it is set, else the user's cache folder for this tool."""
    return Path(os.environ.get(ENVIRONMENT) or platformdirs.user_cache_dir(APPLICATION))


def _ours(folder: Path, path: Path) -> bool:
    """A file of the cache's own layout (a cache made before the tag was, say)."""
    parts = path.relative_to(folder).parts
    return (len(parts) > 1 and parts[0] in KINDS
            and (path.suffix == ".pickle" or path.name.startswith(TEMPORARY)))


def check(folder: Path) -> None:
    """Refuse a `folder` that holds anything but a cache's own files (clearing a cache deletes
    what it holds); a missing folder is fine."""
    if (folder / TAG).is_file() or not folder.exists():
        return
    if not folder.is_dir():
        raise InputError(str(folder), "the cache path exists and is not a folder")
    strange = next((p for p in sorted(folder.rglob("*")) if p.is_symlink()
                    or (p.is_file() and not _ours(folder, p))), None)
    if strange is not None:
        raise InputError(str(folder), f"holds {strange.relative_to(folder)}, so it is not a "
                         f"cache of {APPLICATION}; choose another --cache")


def claim(folder: Path) -> None:
    """Make `folder` a cache (tagged), or check that it is one."""
    check(folder)
    if (folder / TAG).is_file():
        return
    try:
        folder.mkdir(parents=True, exist_ok=True)
        (folder / TAG).write_text(TAG_TEXT, encoding="utf-8")
    except OSError as error:
        raise InputError(str(folder), f"the cache cannot be written: {error.strerror}") from None


def entries(folder: Path) -> list[Path]:
    """The cache's files, tag aside."""
    return [p for kind in KINDS for p in (folder / kind).rglob("*")
            if p.is_file() and not p.is_symlink()]


def size(folder: Path) -> tuple[int, int]:
    """How many files the cache holds, and their bytes."""
    sizes = [_stat(path).st_size for path in entries(folder)]
    return len(sizes), sum(sizes)


def _stat(path: Path) -> os.stat_result:
    try:
        return path.stat()
    except FileNotFoundError:  # gone under a concurrent publish
        return os.stat_result((0,) * 10)


def trim(folder: Path, limit: int) -> None:
    """The least recently used entries deleted until the cache is within `limit` bytes."""
    files = [(stat.st_mtime_ns, stat.st_size, path)
             for path in entries(folder) for stat in [_stat(path)]]
    total = sum(size for _, size, _ in files)
    for _, size_of, path in sorted(files, key=lambda f: (f[0], str(f[2]))):
        if total <= limit:
            break
        with contextlib.suppress(OSError):
            path.unlink()
        total -= size_of


def clear(folder: Path) -> None:
    """Every entry deleted; the folder stays."""
    check(folder)
    for kind in KINDS:
        shutil.rmtree(folder / kind, ignore_errors=True)
