"""Regular expressions with a time limit, for built-in checks and rule packs.

The ``regex`` module can backtrack for a very long time on an unlucky
pattern and input (``(a|aa)+$`` against 40 ``a``s and a ``!``).  A linter
that runs on every commit must not hang, so every pattern a check or a pack
runs should go through :func:`compile`: the result behaves like a compiled
``regex`` pattern, but each call (``search``, ``match``, ``finditer``,
``sub``…) gets ``timeout=`` seconds, after which ``regex`` raises
:class:`TimeoutError`.  The engine turns that into a one-line
:class:`~newslint.errors.RuleError` naming the rule and the file; the file is
reported (exit 2) and left unchanged, and the run goes on.

The default limit is :data:`DEFAULT_TIMEOUT` seconds per call plus
:data:`PER_CHAR` seconds per character searched (a linear scan of a huge
article must not be mistaken for a hang), overridable with the
``NEWSLINT_REGEX_TIMEOUT`` environment variable (``0`` disables it).
A news article is matched in milliseconds, so the limit only ever bites on a
pattern that has gone exponential.

Two exceptions.  First, a check may use a standard-library ``re`` pattern with no
repetition at all (no ``*``, ``+``, ``?``, ``{m,n}``, no backreference),
such as a literal with a one-character lookahead.  Each attempt of such a
pattern costs at most a constant (its size, alternatives included), so a
scan is linear in the text and cannot hang; ``re`` finds a literal prefix far
faster than ``regex`` and skips the limit's clock reads (about 1 µs a call).
``tests/test_patterns_calls.py`` parses every ``re`` pattern of the check
modules and fails on any repetition.

Second, the limit is not free (``regex`` checks the clock as it goes: a few
microseconds a call, more for ``sub``), so a pattern that is linear by
construction may be compiled with ``timeout=None``: one character class
repeated (``\\s+``: each run is consumed once, nothing to backtrack into).
Each such pattern says so where it is defined, and a test checks its form
(``tests/test_pack_scan.py`` for the packs and BP checks).
"""

from __future__ import annotations

import os
from typing import Any

import regex

#: Seconds a single pattern call may run before it is abandoned.
DEFAULT_TIMEOUT = 2.0

_CALLS = (
    "search",
    "match",
    "fullmatch",
    "finditer",
    "findall",
    "sub",
    "subn",
    "split",
    "splititer",
)


def default_timeout() -> float | None:
    """The limit in force: ``NEWSLINT_REGEX_TIMEOUT`` or the default."""
    raw = os.environ.get("NEWSLINT_REGEX_TIMEOUT")
    if raw is None:
        return DEFAULT_TIMEOUT
    try:
        value = float(raw)
    except ValueError:
        return DEFAULT_TIMEOUT
    return value if value > 0 else None


class TimedPattern:
    """A compiled ``regex`` pattern whose calls pass ``timeout=`` by default."""

    __slots__ = ("_pattern", "_source", "timeout")

    def __init__(self, source: tuple[str, int], timeout: float | None) -> None:
        self._source = source  # compiled on first use: start-up stays fast
        self.timeout = timeout

    def __getattr__(self, name: str) -> Any:
        if name == "_pattern":  # first use: compile now
            self._pattern = regex.compile(*self._source)
            return self._pattern
        if name.startswith("__"):
            # Protocol probes (``__newslint_rule__`` while rules are
            # collected, ``__wrapped__``…) must not compile the pattern: a
            # compiled regex has none of them either.
            raise AttributeError(name)
        # Everything but the matching calls (pattern, flags, groups…).
        return getattr(self._pattern, name)

    def __reduce__(self) -> Any:
        return (TimedPattern, (self._source, self.timeout))

    def __repr__(self) -> str:
        return f"TimedPattern({self._source[0]!r}, timeout={self.timeout})"


class LazyRe:
    """A standard-library ``re`` pattern (one of the two untimed kinds
    above) compiled on first use: ``re`` spends up to 0.4 ms on a class
    with non-ASCII members, at every start, for patterns most runs never
    reach.  Everything else (``search``, ``finditer``, ``pattern``…) is the
    compiled pattern's."""

    __slots__ = ("_args", "_compiled")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._args = (pattern, flags)

    def __getattr__(self, name: str) -> Any:
        if name == "_compiled":
            import re

            self._compiled = re.compile(*self._args)
            return self._compiled
        if name.startswith("__"):  # protocol probes (see TimedPattern)
            raise AttributeError(name)
        return getattr(self._compiled, name)

    def __repr__(self) -> str:
        return f"LazyRe({self._args[0]!r})"


#: Extra seconds allowed per character of input: a linear scan of a 50 MB
#: article is slow but honest; only backtracking blows far past this.
PER_CHAR = 2e-6

#: "No ``timeout=`` given": ``None`` already means "no limit".
_DEFAULT: Any = object()


# The hot calls (tens of thousands per MB of text) mirror ``regex``'s own
# signatures and pass every argument by position: no ``*args`` tuple,
# kwargs dict or ``getattr`` per call, and ``regex`` skips parsing
# keywords (~0.3 µs).  What is left is ``regex`` reading the CPU clock for
# the limit (~1 µs a call); ``tests/test_hangs.py`` checks that each call
# still times out, so a ``regex`` that reorders its parameters fails there.


def _search(self, string, pos=None, endpos=None, concurrent=None, partial=False, timeout=_DEFAULT):  # type: ignore[no-untyped-def]
    if timeout is _DEFAULT:
        timeout = self.timeout
        if timeout is not None:
            timeout += len(string) * PER_CHAR
    return self._pattern.search(string, pos, endpos, concurrent, partial, timeout)


def _match(self, string, pos=None, endpos=None, concurrent=None, partial=False, timeout=_DEFAULT):  # type: ignore[no-untyped-def]
    if timeout is _DEFAULT:
        timeout = self.timeout
        if timeout is not None:
            timeout += len(string) * PER_CHAR
    return self._pattern.match(string, pos, endpos, concurrent, partial, timeout)


def _fullmatch(
    self, string, pos=None, endpos=None, concurrent=None, partial=False, timeout=_DEFAULT
):  # type: ignore[no-untyped-def]
    if timeout is _DEFAULT:
        timeout = self.timeout
        if timeout is not None:
            timeout += len(string) * PER_CHAR
    return self._pattern.fullmatch(string, pos, endpos, concurrent, partial, timeout)


def _finditer(  # type: ignore[no-untyped-def]
    self,
    string,
    pos=None,
    endpos=None,
    overlapped=False,
    concurrent=None,
    partial=False,
    timeout=_DEFAULT,
):
    if timeout is _DEFAULT:
        timeout = self.timeout
        if timeout is not None:
            timeout += len(string) * PER_CHAR
    return self._pattern.finditer(string, pos, endpos, overlapped, concurrent, partial, timeout)


def _findall(
    self, string, pos=None, endpos=None, overlapped=False, concurrent=None, timeout=_DEFAULT
):  # type: ignore[no-untyped-def]
    if timeout is _DEFAULT:
        timeout = self.timeout
        if timeout is not None:
            timeout += len(string) * PER_CHAR
    return self._pattern.findall(string, pos, endpos, overlapped, concurrent, timeout)


def _timed(name: str) -> Any:
    """The rarer calls, whose string argument is not the first."""
    at = 1 if name in ("sub", "subn") else 0  # where the string argument sits

    def call(self: TimedPattern, *args: Any, **kwargs: Any) -> Any:
        if "timeout" not in kwargs:
            limit = self.timeout
            if limit is not None and len(args) > at:
                limit += len(args[at]) * PER_CHAR
            kwargs["timeout"] = limit
        return getattr(self._pattern, name)(*args, **kwargs)

    return call


for _name, _call in (
    ("search", _search),
    ("match", _match),
    ("fullmatch", _fullmatch),
    ("finditer", _finditer),
    ("findall", _findall),
    ("sub", _timed("sub")),
    ("subn", _timed("subn")),
    ("split", _timed("split")),
    ("splititer", _timed("splititer")),
):
    _call.__name__ = _call.__qualname__ = _name
    _call.__doc__ = f"``Pattern.{_name}`` with ``timeout=`` defaulting to the pattern's limit."
    setattr(TimedPattern, _name, _call)
assert set(_CALLS) == {n for n in vars(TimedPattern) if n in _CALLS}


def compile(pattern: str, flags: int = 0, *, timeout: float | None = -1.0) -> TimedPattern:  # noqa: A001
    """``pattern`` for ``regex``, compiled on first use; calls run under
    ``timeout`` seconds (default: :func:`default_timeout`; ``None``: no
    limit).  Every built-in pattern is compiled by the test suite, so a typo
    cannot wait for a user to find it."""
    limit = default_timeout() if timeout == -1.0 else timeout
    return TimedPattern((pattern, flags), limit)
