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


def __getattr__(name: str) -> Any:
    if name in ("lint_text", "fix_text", "lint_records", "RecordLinter"):
        from newslint import api

        return getattr(api, name)
    raise AttributeError(f"module 'newslint' has no attribute {name!r}")
