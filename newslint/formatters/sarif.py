"""SARIF 2.1.0 (GitHub code scanning, Azure DevOps, IDE viewers).

One run; the driver lists every rule that ran with its summary and full
documentation as help text; each finding becomes a result with its region
(columns counted in Unicode code points, declared in ``columnKind``) and,
when it has one, a SARIF fix whose replacements are the fix's edits.
"""

from __future__ import annotations

import json
from pathlib import PurePath
from urllib.parse import quote

from newslint import __version__
from newslint.baseline import display_path, key
from newslint.formatters import Formatter

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def uri(name: str) -> str:
    if name in ("-", ""):
        return "stdin"
    return quote(
        PurePath(display_path(name)).as_posix().replace("\\", "/"), safe="/:@-._~!$&'()*+,;="
    )


def _region(doc, start: int, end: int) -> dict:
    line, col = doc.position(start)
    end_line, end_col = doc.position(end)
    return {"startLine": line, "startColumn": col, "endLine": end_line, "endColumn": end_col}


class SarifFormatter(Formatter):
    def __init__(self, stream, **kw) -> None:
        super().__init__(stream, **kw)
        self._results: list[dict] = []
        self._rules: dict[str, dict] = {}
        for r in self.rules:
            self._describe(r.code, r)

    def _describe(self, code: str, r=None, name: str = "") -> int:
        if code not in self._rules:
            desc: dict = {"id": code, "name": getattr(r, "name", name) or code}
            if r is not None:
                desc["shortDescription"] = {"text": r.summary or r.name}
                if r.doc:
                    desc["fullDescription"] = {"text": r.summary or r.name}
                    desc["help"] = {"text": r.doc, "markdown": r.doc}
                desc["defaultConfiguration"] = {
                    "level": LEVELS.get(r.severity.value, "warning"),
                    "enabled": bool(r.default),
                }
                desc["properties"] = {"fix": r.fix.value if r.fix else "none"}
            self._rules[code] = desc
        return list(self._rules).index(code)

    def add(self, result) -> None:
        doc = result.document
        loc_uri = uri(result.name)
        for d in result.diagnostics:
            index = self._describe(d.code, name=d.name)
            res: dict = {
                "ruleId": d.code,
                "ruleIndex": index,
                "level": LEVELS.get(d.severity.value, "warning"),
                "message": {"text": d.message},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": {"uri": loc_uri},
                            "region": _region(doc, d.start, d.end),
                        }
                    }
                ],
                "partialFingerprints": {"newslint/v1": key(doc, d, result.name)},
            }
            if d.related:
                res["relatedLocations"] = [
                    {
                        "id": i,
                        "physicalLocation": {
                            "artifactLocation": {"uri": loc_uri},
                            "region": _region(doc, s, e),
                        },
                    }
                    for i, (s, e) in enumerate(d.related)
                ]
            if d.fix is not None:
                res["fixes"] = [
                    {
                        "description": {"text": d.fix.message or d.message},
                        "artifactChanges": [
                            {
                                "artifactLocation": {"uri": loc_uri},
                                "replacements": [
                                    {
                                        "deletedRegion": _region(doc, e.start, e.end),
                                        "insertedContent": {"text": e.content},
                                    }
                                    for e in d.fix.edits
                                ],
                            }
                        ],
                    }
                ]
                res["properties"] = {"applicability": d.fix.applicability.value}
            self._results.append(res)

    def finish(self, summary) -> None:
        log = {
            "$schema": SCHEMA,
            "version": "2.1.0",
            "runs": [
                {
                    "tool": {
                        "driver": {
                            "name": "newslint",
                            "version": __version__,
                            "semanticVersion": __version__,
                            "rules": list(self._rules.values()),
                        }
                    },
                    "columnKind": "unicodeCodePoints",
                    "results": self._results,
                }
            ],
        }
        self.stream.write(json.dumps(log, indent=2, ensure_ascii=False) + "\n")
