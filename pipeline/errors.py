"""Errors the CLI turns into one readable line and an exit code, never a traceback."""

import errno
from dataclasses import dataclass

NO_SPACE = (errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC))
SQLITE_NO_SPACE = (13, 778)  # SQLITE_FULL; SQLITE_IOERR_WRITE, as SQLite reports EFBIG
EXCERPT_CHARACTERS = 60  # of a user's value quoted in a message
LINE_CHARACTERS = 500  # the longest message line: a file's worth never reaches the terminal


def excerpt(value, limit: int = EXCERPT_CHARACTERS) -> str:
    """A user's value as a message quotes it: its repr, cut to `limit` characters with the
    total length said, so that a 1 MB field or a whole file is never echoed."""
    text = value if isinstance(value, str) else repr(value)
    shown = repr(text[:limit]) if isinstance(value, str) else text[:limit]
    return shown if len(text) <= limit else f"{shown}... ({len(text)} characters)"


def schema_message(error) -> str:
    """A JSON Schema validation error's message with the value it quotes (the whole instance,
    which may be a whole file) cut to an excerpt."""
    whole = repr(error.instance)
    if len(whole) <= EXCERPT_CHARACTERS:
        return error.message
    return error.message.replace(whole, excerpt(error.instance), 1)


def one_line(message: str, limit: int = LINE_CHARACTERS) -> str:
    """A message as one line of at most `limit` characters (line breaks shown as \\n), the
    last net under messages that quote more than an excerpt."""
    flat = message.replace("\r", "\\r").replace("\n", "\\n")
    return flat if len(flat) <= limit else flat[:limit - 3] + "..."


def out_of_space(error: Exception) -> bool:
    """A write that failed for want of room: a full disk, a quota or a file-size limit."""
    if isinstance(error, OSError):
        return error.errno in NO_SPACE
    return getattr(error, "sqlite_errorcode", None) in SQLITE_NO_SPACE


def no_space(what: str, error: Exception) -> OSError:
    """The one error a writer raises when it ran out of room (the publish turns it into one
    line); other failures to write stay problems of the package."""
    return OSError(errno.ENOSPC, f"{what} could not be written: {error}")


class InputError(Exception):
    """The user's input cannot be published (exit code 2). The package is left untouched."""

    def __init__(self, source: str, message: str, line: int | None = None):
        self.source = source
        self.line = line
        self.message = message
        super().__init__(str(self))

    def __reduce__(self):
        """Rebuilt from its parts when it crosses from a worker process."""
        return (InputError, (self.source, self.message, self.line))

    def __str__(self) -> str:
        where = self.source if self.line is None else f"{self.source}:{self.line}"
        return f"{where}: {self.message}"


class PackageInvalid(Exception):
    """A built or published package failed validation (exit code 1)."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__(f"{len(problems)} problem(s)")

    def __reduce__(self):
        return (PackageInvalid, (self.problems,))


@dataclass(frozen=True)
class Diagnostic:
    """Something read as well as it could be, and reported rather than hidden."""

    source: str
    line: int | None
    code: str
    message: str

    def __str__(self) -> str:
        where = self.source if self.line is None else f"{self.source}:{self.line}"
        return one_line(f"{where}: warning [{self.code}] {self.message}")
