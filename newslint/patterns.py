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

The limit is not free (``regex`` checks the clock as it goes: a few
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
        # Everything but the matching calls (pattern, flags, groups…).
        return getattr(self._pattern, name)

    def __reduce__(self) -> Any:
        return (TimedPattern, (self._source, self.timeout))

    def __repr__(self) -> str:
        return f"TimedPattern({self._source[0]!r}, timeout={self.timeout})"


#: Extra seconds allowed per character of input: a linear scan of a 50 MB
#: article is slow but honest; only backtracking blows far past this.
PER_CHAR = 2e-6


def _timed(name: str) -> Any:
    at = 1 if name in ("sub", "subn") else 0  # where the string argument sits

    def call(self: TimedPattern, *args: Any, **kwargs: Any) -> Any:
        if "timeout" not in kwargs:
            limit = self.timeout
            if limit is not None and len(args) > at:
                limit += len(args[at]) * PER_CHAR
            kwargs["timeout"] = limit
        return getattr(self._pattern, name)(*args, **kwargs)

    call.__name__ = name
    call.__doc__ = f"``Pattern.{name}`` with ``timeout=`` defaulting to the pattern's limit."
    return call


for _name in _CALLS:
    setattr(TimedPattern, _name, _timed(_name))


def compile(pattern: str, flags: int = 0, *, timeout: float | None = -1.0) -> TimedPattern:  # noqa: A001
    """``pattern`` for ``regex``, compiled on first use; calls run under
    ``timeout`` seconds (default: :func:`default_timeout`; ``None``: no
    limit).  Every built-in pattern is compiled by the test suite, so a typo
    cannot wait for a user to find it."""
    limit = default_timeout() if timeout == -1.0 else timeout
    return TimedPattern((pattern, flags), limit)
