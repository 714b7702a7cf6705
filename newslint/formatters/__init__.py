"""Output formats: the only code that prints findings.

A formatter is created with the output stream and receives results one at a
time (``add``), then ``finish`` with the run's totals, so that even a corpus
of millions of records streams with constant memory.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from typing import IO, Any

from newslint.errors import UsageError

#: format name -> "module:Class"
FORMATS = {
    "full": "newslint.formatters.full:FullFormatter",
    "concise": "newslint.formatters.text:TextFormatter",
    # ``text`` is the 0.1 name of ``concise``: kept as an alias so scripts
    # that parse one line per finding keep working.
    "text": "newslint.formatters.text:TextFormatter",
    "json": "newslint.formatters.json:JsonFormatter",
    "json-lines": "newslint.formatters.json:JsonLinesFormatter",
    "sarif": "newslint.formatters.sarif:SarifFormatter",
    "github": "newslint.formatters.ci:GithubFormatter",
    "gitlab": "newslint.formatters.ci:GitlabFormatter",
    "junit": "newslint.formatters.ci:JunitFormatter",
}

#: The format used when none is given.
DEFAULT_FORMAT = "full"


class Formatter:
    """Base class: override ``add`` and, if needed, ``finish``."""

    def __init__(
        self,
        stream: IO[str],
        *,
        color: bool = False,
        show_fixes: bool = False,
        unsafe_fixes: bool = False,
        rules: Sequence[Any] = (),
    ) -> None:
        self.stream = stream
        self.color = color
        self.show_fixes = show_fixes
        #: whether unsafe fixes are applied in this run (changes the hint)
        self.unsafe_fixes = unsafe_fixes
        #: the rules that ran, for formats that describe them (SARIF)
        self.rules = list(rules)

    def fixable_now(self, d) -> bool:
        """Whether ``d`` would be fixed by ``--fix`` with this run's flags."""
        return d.fix is not None and (d.fix.applicability.value == "safe" or self.unsafe_fixes)

    def add(self, result) -> None:  # pragma: no cover - interface
        raise NotImplementedError

    def finish(self, summary) -> None:
        pass

    #: ``add`` writes text that depends on its result alone (no state kept
    #: across results), so a worker process can render it (see :meth:`render`).
    stateless = False

    def render(self, result) -> Any:
        """What ``add(result)`` would print, computed where the result is (a
        ``--jobs`` worker), for :meth:`emit` to print in the parent; ``None``
        when this format keeps state across results and needs ``add``.
        Rendering in workers keeps the parent's serial work small."""
        if not self.stateless:
            return None
        import io

        stream, self.stream = self.stream, io.StringIO()
        try:
            self.add(result)
            return self.stream.getvalue()
        finally:
            self.stream = stream

    def emit(self, rendered: Any) -> None:
        """Print what :meth:`render` returned, exactly as ``add`` would have."""
        self.stream.write(rendered)


def get_formatter(name: str) -> type[Formatter]:
    try:
        target = FORMATS[name]
    except KeyError:
        raise UsageError(
            f"unknown output format {name!r} (choose from {', '.join(FORMATS)})"
        ) from None
    module, cls = target.split(":")
    return getattr(importlib.import_module(module), cls)
