"""The library API: lint and fix strings without touching files.

>>> from newslint import fix_text
>>> fix_text("Isi berita.\\nBaca juga: Judul lain\\n", language="id")
'Isi berita.\\n'
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from newslint.diagnostics import Diagnostic
from newslint.document import Document
from newslint.engine import Linter
from newslint.registry import load_registry


@lru_cache(maxsize=32)
def _linter(select: tuple[str, ...] | None, ignore: tuple[str, ...]) -> Linter:
    reg = load_registry()
    return Linter(reg.select(select=list(select) if select is not None else None, ignore=ignore))


def get_linter(select: Iterable[str] | None = None, ignore: Iterable[str] = ()) -> Linter:
    """A cached Linter for a selection (built once per process)."""
    return _linter(tuple(select) if select is not None else None, tuple(ignore))


def lint_text(
    text: str,
    *,
    language: str | None = None,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] = (),
    record: bool = False,
) -> list[Diagnostic]:
    """Findings for ``text``; ``record=True`` for a corpus field (no file rules)."""
    doc = Document(text, None, language, is_record=record)
    return get_linter(select, ignore).lint(doc)


def fix_text(
    text: str,
    *,
    language: str | None = None,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] = (),
    unsafe: bool = False,
    record: bool = False,
) -> str:
    """``text`` with every applicable fix applied (to a fixpoint)."""
    doc = Document(text, None, language, is_record=record)
    return get_linter(select, ignore).fix(doc, unsafe=unsafe).text
