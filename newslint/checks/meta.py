"""NL: findings about newslint's own comments in the article."""

from __future__ import annotations

from collections.abc import Iterator

from newslint.diagnostics import Diagnostic
from newslint.document import Document
from newslint.registry import Rule, rule


@rule("NL001", "unused-suppression", severity="warning", fix="safe")
def unused_suppression(doc: Document, rule: Rule) -> Iterator[Diagnostic]:
    """A `<!-- newslint: disable … -->` comment that suppresses nothing.

    ## What it does
    Flags suppression comments (`disable`, `disable-next-line`,
    `disable-line`, `disable-file`) that did not hide any finding of a rule
    that ran, `enable` comments with no `disable` before them, and rule
    codes in a suppression that no rule has.  Rules that were not selected,
    or are ignored for the file, do not make a comment unused.

    ## Why it matters
    A suppression outlives the artifact it was written for: once the text
    is clean, a stale `disable` silently hides the next real problem in the
    same place.  A misspelt code suppresses nothing at all.

    ## Example
    ```text
    <!-- newslint: disable-next-line BP001 -->
    Harga cabai turun pekan ini.
    ```

    ## Fixed
    ```text
    Harga cabai turun pekan ini.
    ```
    A comment whose every code is unused is deleted (safe fix: the comment is
    not part of the article).  The engine computes these findings after all
    other rules ran (see `newslint/suppression.py`); this function only
    declares the rule.
    """
    return iter(())
