"""What a run produced for one input, as formatters see it."""

from __future__ import annotations

from typing import Any

from newslint import _Fields
from newslint.diagnostics import Diagnostic
from newslint.document import Document


class FileResult(_Fields):
    """Findings for one file, stdin or record.

    ``document`` is the text the diagnostics' offsets refer to (after
    ``--fix``, the fixed text).  ``fixed`` lists what ``--fix`` applied.
    """

    def __init__(
        self,
        name: str,
        document: Document,
        diagnostics: list[Diagnostic] | None = None,
        fixed: list[Diagnostic] | None = None,
        changed: bool = False,
    ) -> None:
        self.name = name
        self.document = document
        self.diagnostics: list[Diagnostic] = [] if diagnostics is None else diagnostics
        self.fixed: list[Diagnostic] = [] if fixed is None else fixed
        self.changed = changed


def diagnostic_dict(doc: Document, d: Diagnostic, name: str) -> dict[str, Any]:
    """The JSON contract for one finding (see README, "JSON output")."""
    line, col = doc.position(d.start)
    end_line, end_col = doc.position(d.end)
    fix = None
    if d.fix is not None:
        edits = []
        for e in d.fix.edits:
            el, ec = doc.position(e.start)
            eel, eec = doc.position(e.end)
            edits.append(
                {"line": el, "column": ec, "end_line": eel, "end_column": eec, "content": e.content}
            )
        fix = {"applicability": d.fix.applicability.value, "message": d.fix.message, "edits": edits}
    related = []
    for s, e in d.related:
        rl, rc = doc.position(s)
        rel, rec = doc.position(e)
        related.append({"line": rl, "column": rc, "end_line": rel, "end_column": rec})
    return {
        "code": d.code,
        "name": d.name,
        "message": d.message,
        "severity": d.severity.value,
        "path": name,
        "line": line,
        "column": col,
        "end_line": end_line,
        "end_column": end_col,
        "fix": fix,
        "related": related,
    }
