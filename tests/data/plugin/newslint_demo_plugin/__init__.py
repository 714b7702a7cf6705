"""A tiny third-party newslint plugin, used by tests/test_plugins.py.

It is found through the ``newslint.checks`` entry point declared in the
dist-info next to it, exactly as a pip-installed plugin would be.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from newslint.diagnostics import Diagnostic, Fix
from newslint.document import Document
from newslint.registry import Rule, rule

_SHOUT = regex.compile(r"!{2,}")


@rule("XDEMO001", "repeated-exclamation", severity="info", languages=["id", "en"], fix="safe")
def repeated_exclamation(doc: Document, rule: Rule) -> Iterator[Diagnostic]:
    """Two or more exclamation marks in a row.

    ## What it does
    Flags `!!` and longer runs.

    ## Why it matters
    House style allows one.

    ## Example
    ```text
    Menang!!
    ```

    ## Fixed
    ```text
    Menang!
    ```
    """
    for m in _SHOUT.finditer(doc.text):
        yield rule.diagnostic(
            m.start(),
            m.end(),
            "Repeated exclamation mark",
            Fix.replace(m.start(), m.end(), "!", "Keep one"),
        )
