"""JSON: one array of findings, in the documented contract shape."""

from __future__ import annotations

import json

from newslint.formatters import Formatter
from newslint.results import diagnostic_dict


class JsonFormatter(Formatter):
    def __init__(self, stream, **kw) -> None:
        super().__init__(stream, **kw)
        self._first = True
        self.stream.write("[")

    def add(self, result) -> None:
        self.emit(self.render(result))

    def render(self, result) -> list[str]:
        """The findings' JSON objects; the separators depend on what came
        before, so :meth:`emit` adds them."""
        doc, name = result.document, result.name
        return [
            json.dumps(diagnostic_dict(doc, d, name), ensure_ascii=False)
            for d in result.diagnostics
        ]

    def emit(self, rendered: list[str]) -> None:
        for item in rendered:
            self.stream.write(("\n  " if self._first else ",\n  ") + item)
            self._first = False

    def finish(self, summary) -> None:
        self.stream.write("]\n" if self._first else "\n]\n")


class JsonLinesFormatter(Formatter):
    """One finding per line (same objects as ``json``): streams, greps, appends."""

    stateless = True

    def add(self, result) -> None:
        for d in result.diagnostics:
            item = json.dumps(diagnostic_dict(result.document, d, result.name), ensure_ascii=False)
            self.stream.write(item + "\n")
