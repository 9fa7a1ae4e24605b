"""Regexes compiled once in a process, which a store of compiled regexes may fill ahead
(cache.compiled_regexes: parsing a pattern, in Python, is nearly all the time compiling takes,
and the rules' regexes and the date forms are long ones). Used by the modules that compile the
same long sources in every process that reads articles (extract/patterns.py,
normalise/dates.py).
"""

import re
from collections.abc import Callable

_COMPILED: dict[str, re.Pattern] = {}


def compiled(source: str) -> re.Pattern:
    if source not in _COMPILED:
        _COMPILED[source] = re.compile(source)
    return _COMPILED[source]


def compile_ahead(sources: list[str],
                  compile_many: Callable[[list[str]], list[re.Pattern]]) -> None:
    """Those of `sources` not compiled yet, compiled in one go by `compile_many`, which gives
    what re.compile would."""
    missing = [source for source in dict.fromkeys(sources) if source not in _COMPILED]
    if missing:
        _COMPILED.update(zip(missing, compile_many(missing), strict=True))
