"""TXT: text hygiene that every fixed file needs."""

from __future__ import annotations

from collections.abc import Iterator

from newslint.diagnostics import Diagnostic, Edit, Fix
from newslint.document import HSPACE, Document
from newslint.registry import Rule, rule


@rule("TXT001", "trailing-whitespace", severity="info", fix="safe")
def trailing_whitespace(doc: Document, rule: Rule) -> Iterator[Diagnostic]:
    """White space at the end of a line.

    ## What it does
    Flags spaces, tabs and non-breaking spaces before a line break or the
    end of the text.

    ## Why it matters
    Invisible trailing space makes diffs noisy and survives into corpora
    as junk tokens.

    ## Example
    ```text
    Ekspor perdana dilakukan ke Senegal.␠␠
    ```

    ## Fixed
    ```text
    Ekspor perdana dilakukan ke Senegal.
    ```
    """
    text = doc.text
    for s, e in doc.lines:
        end = e
        while end > s and text[end - 1] in HSPACE:
            end -= 1
        if end < e:
            yield rule.diagnostic(
                end, e, "Trailing whitespace", Fix.replace(end, e, "", "Remove trailing whitespace")
            )


@rule("TXT002", "final-newline", severity="info", fix="safe")
def final_newline(doc: Document, rule: Rule) -> Iterator[Diagnostic]:
    """A file that does not end with exactly one newline.

    ## What it does
    Flags a non-empty file whose last line has no line break, or that ends
    with blank lines.  Corpus records (JSONL/CSV fields) are exempt: their
    text is a value, not a file.

    ## Why it matters
    POSIX tools and `cat`-ed corpora glue the last line of one file to the
    first of the next; trailing blank lines are noise in diffs.

    ## Example
    ```text
    Ekspor perdana dilakukan ke Senegal.⏎⏎⏎
    ```

    ## Fixed
    ```text
    Ekspor perdana dilakukan ke Senegal.⏎
    ```
    """
    text = doc.text
    if doc.is_record or not text.strip():
        return
    body_end = len(text.rstrip(" \t\r\n"))
    tail = text[body_end:]
    nl = doc.newline
    if "\n" not in tail:
        yield rule.diagnostic(
            len(text),
            len(text),
            "No newline at end of file",
            Fix((Edit(len(text), len(text), nl),), message="Add a final newline"),
        )
    elif tail.count("\n") > 1:
        keep = body_end + tail.index("\n") + 1
        yield rule.diagnostic(
            keep,
            len(text),
            f"{tail.count(chr(10)) - 1} blank line(s) at end of file",
            Fix.replace(keep, len(text), "", "Remove blank lines at end of file"),
        )
