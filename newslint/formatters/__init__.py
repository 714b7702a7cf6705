"""Output formats: the only code that prints findings.

A formatter is created with the output stream and receives results one at a
time (``add``), then ``finish`` with the run's totals, so that even a corpus
of millions of records streams with constant memory.
"""

from __future__ import annotations

import importlib
from typing import IO

from newslint.errors import UsageError

#: format name -> "module:Class"
FORMATS = {
    "text": "newslint.formatters.text:TextFormatter",
    "json": "newslint.formatters.json:JsonFormatter",
}


class Formatter:
    """Base class: override ``add`` and, if needed, ``finish``."""

    def __init__(self, stream: IO[str], *, color: bool = False, show_fixes: bool = False) -> None:
        self.stream = stream
        self.color = color
        self.show_fixes = show_fixes

    def add(self, result) -> None:  # pragma: no cover - interface
        raise NotImplementedError

    def finish(self, summary) -> None:
        pass


def get_formatter(name: str) -> type[Formatter]:
    try:
        target = FORMATS[name]
    except KeyError:
        raise UsageError(
            f"unknown output format {name!r} (choose from {', '.join(FORMATS)})"
        ) from None
    module, cls = target.split(":")
    return getattr(importlib.import_module(module), cls)
