"""The library API: lint and fix strings without touching files.

>>> from newslint import fix_text
>>> fix_text("Isi berita.\\nBaca juga: Judul lain\\n", language="id")
'Isi berita.\\n'
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache
from typing import Any

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
    path: str | None = None,
) -> list[Diagnostic]:
    """Findings for ``text``; ``record=True`` for a corpus field (no file rules);
    ``path`` names the text (a ``.md`` path lints it as Markdown)."""
    doc = Document(text, path, language, is_record=record)
    return get_linter(select, ignore).lint(doc)


def fix_text(
    text: str,
    *,
    language: str | None = None,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] = (),
    unsafe: bool = False,
    record: bool = False,
    path: str | None = None,
) -> str:
    """``text`` with every applicable fix applied (to a fixpoint); ``path`` as
    for :func:`lint_text`."""
    doc = Document(text, path, language, is_record=record)
    return get_linter(select, ignore).fix(doc, unsafe=unsafe).text


class RecordLinter:
    """Lint (or fix) records — dicts with a text field — in batches.

    A plain, picklable callable: ``RecordLinter("text")(records)`` returns a
    new list of dicts, each a copy of its record with ``findings_field`` set
    to the findings (the JSON contract, ``path`` being the record's id or
    ``#n``) and, with ``fix=True``, the text field replaced by the fixed
    text.  Pickling sends only the settings; each process builds its
    :class:`Linter` once, on first use, and keeps it (so a Dask, Ray or
    multiprocessing worker loads the rules once).  Records without a string
    text field get an empty findings list and are otherwise left as they are.
    """

    def __init__(
        self,
        field: str = "text",
        *,
        id_field: str | None = None,
        select: Iterable[str] | None = None,
        ignore: Iterable[str] = (),
        language: str | None = None,
        fix: bool = False,
        unsafe: bool = False,
        findings_field: str = "findings",
    ) -> None:
        self.field = field
        self.id_field = id_field
        self.select = tuple(select) if select is not None else None
        self.ignore = tuple(ignore)
        self.language = language
        self.fix = fix
        self.unsafe = unsafe
        self.findings_field = findings_field

    @property
    def linter(self) -> Linter:
        return get_linter(self.select, self.ignore)

    def text(self, text: str, name: str = "") -> tuple[str, list[dict[str, Any]]]:
        """(the text, fixed when ``fix``; its findings as JSON-contract dicts)."""
        from newslint.results import diagnostic_dict

        doc = Document(text, name or None, self.language, is_record=True)
        if self.fix:
            result = self.linter.fix(doc, unsafe=self.unsafe)
            doc, diags = result.document, result.remaining
        else:
            diags = self.linter.lint(doc)
        return doc.text, [diagnostic_dict(doc, d, name) for d in diags]

    def record(self, record: Mapping[str, Any], index: int | None = None) -> dict[str, Any]:
        """One record: a copy with findings (and the fixed text)."""
        out = dict(record)
        text = out.get(self.field)
        if not isinstance(text, str):
            out[self.findings_field] = []
            return out
        rid = out.get(self.id_field) if self.id_field else None
        name = str(rid) if rid is not None else (f"#{index}" if index is not None else "")
        new_text, findings = self.text(text, name)
        if self.fix:
            out[self.field] = new_text
        out[self.findings_field] = findings
        return out

    def __call__(self, records: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
        return [self.record(r) for r in records]


def lint_records(
    records: Iterable[Mapping[str, Any]], field: str = "text", **options: Any
) -> Iterator[dict[str, Any]]:
    """Stream records through :class:`RecordLinter` (options as its keywords);
    records are numbered from 1 for findings of records without an id."""
    rl = RecordLinter(field, **options)
    for i, r in enumerate(records, 1):
        yield rl.record(r, i)
