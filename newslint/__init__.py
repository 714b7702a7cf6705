"""newslint: a content-quality linter for news articles.

The public, stable entry points are :func:`lint_text` and :func:`fix_text`;
everything they need is imported lazily so that ``import newslint`` stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = ["__version__", "lint_text", "fix_text", "lint_records", "RecordLinter"]

if TYPE_CHECKING:  # pragma: no cover
    from newslint.api import RecordLinter, fix_text, lint_records, lint_text


class _Fields:
    """``__repr__`` and ``__eq__`` over an instance's attributes, as a
    dataclass has.  Records made at every start (options, settings, results,
    findings) are written out instead of being ``@dataclass``es: creating a
    dataclass costs 0.3-0.9 ms of start-up each, paid by every
    ``newslint check one.txt``."""

    __slots__ = ()

    def __repr__(self) -> str:
        fields = ", ".join(f"{k}={v!r}" for k, v in vars(self).items())
        return f"{type(self).__name__}({fields})"

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return vars(self) == vars(other)

    __hash__ = None  # type: ignore[assignment]  # mutable records, as dataclasses


def __getattr__(name: str) -> Any:
    if name in ("lint_text", "fix_text", "lint_records", "RecordLinter"):
        from newslint import api

        return getattr(api, name)
    raise AttributeError(f"module 'newslint' has no attribute {name!r}")
