"""DUP: text that the CMS or scraper pasted more than once.

Paragraphs are compared by a normalised key (white space collapsed, case
folded) in one hashing pass, so the cost is linear in the number of
paragraphs.  The first copy is always the one kept.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from newslint.diagnostics import Diagnostic, Fix
from newslint.document import Document, Span
from newslint.registry import Rule, rule

_SPACES = regex.compile(r"\s+")

#: Copies of a paragraph compared against when looking for a repeated run;
#: keeps pathological inputs (the same line 10,000 times) linear.
_MAX_CANDIDATES = 8


def paragraph_key(text: str) -> str:
    return _SPACES.sub(" ", text).strip().casefold()


def where(doc: Document, span: tuple[int, int]) -> str:
    """Human description of a span's place: lines for line layouts,
    line:column inside a flattened article."""
    (l1, c1), (l2, _) = doc.position(span[0]), doc.position(max(span[0], span[1] - 1))
    if doc.layout == "flat":
        return f"{l1}:{c1}"
    return f"line {l1}" if l1 == l2 else f"lines {l1}–{l2}"


def _find_copies(doc: Document, min_length: int) -> Iterator[tuple[int, int, int]]:
    """Yield ``(i, j, n)``: paragraphs ``i..i+n-1`` repeat ``j..j+n-1`` (j < i).

    Runs are extended as far as they match and then trimmed so that they
    start and end on a paragraph long enough to count; short lines (a
    copyright line, a dateline) may sit inside a run but never end one.
    """
    text = doc.text
    paras = doc.paragraphs
    keys = [paragraph_key(text[s:e]) for s, e in paras]
    long_enough = [len(k) >= min_length for k in keys]
    seen: dict[str, list[int]] = {}
    i = 0
    n = len(keys)
    while i < n:
        best_j, best_len = -1, 0
        for j in seen.get(keys[i], ())[-_MAX_CANDIDATES:]:
            length = 0
            while i + length < n and j + length < i and keys[i + length] == keys[j + length]:
                length += 1
            if length > best_len:
                best_j, best_len = j, length
        start, stop = 0, best_len
        while start < stop and not long_enough[i + start]:
            start += 1
        while stop > start and not long_enough[i + stop - 1]:
            stop -= 1
        if stop > start:
            yield i + start, best_j + start, stop - start
            for k in range(i, i + stop):
                seen.setdefault(keys[k], []).append(k)
            i += stop
            continue
        seen.setdefault(keys[i], []).append(i)
        i += 1


def _copies(doc: Document, rule_: Rule) -> list[tuple[int, int, int]]:
    # Both rules need the same scan; cache it on the document per threshold.
    cache = doc.__dict__.setdefault("_dup_copies", {})
    key = rule_.options["min-length"]
    if key not in cache:
        cache[key] = list(_find_copies(doc, key))
    return cache[key]


def _span(paras: list[Span], i: int, n: int) -> tuple[int, int]:
    return paras[i].start, paras[i + n - 1].end


@rule(
    "DUP001",
    "duplicate-paragraph",
    severity="warning",
    fix="safe",
    options={"min-length": 40},
)
def duplicate_paragraph(doc: Document, rule: Rule) -> Iterator[Diagnostic]:
    """A paragraph that repeats an earlier paragraph word for word.

    ## What it does
    Flags a paragraph whose text (white space collapsed, case ignored) equals
    an earlier paragraph of the same article.  Paragraphs shorter than
    `min-length` characters (default 40) are not compared: a short line such
    as `"Ya," katanya.` may legitimately occur twice.

    ## Why it matters
    Scrapers and CMS templates paste a quote box or a paragraph twice; a
    reader sees the same words again and a corpus counts them twice.

    ## Example
    ```text
    "Kami akan terus mendukung pelaku IKM di daerah," katanya.
    Ekspor perdana dilakukan ke Senegal.
    "Kami akan terus mendukung pelaku IKM di daerah," katanya.
    ```

    ## Fixed
    ```text
    "Kami akan terus mendukung pelaku IKM di daerah," katanya.
    Ekspor perdana dilakukan ke Senegal.
    ```
    The second copy is deleted; the first is always kept (safe fix).
    """
    paras = doc.paragraphs
    for i, j, n in _copies(doc, rule):
        if n != 1:
            continue
        span = _span(paras, i, 1)
        first = _span(paras, j, 1)
        yield rule.diagnostic(
            *span,
            f"Duplicate paragraph: repeats the paragraph at {where(doc, first)}",
            Fix.delete(doc.deletion(*span), "Delete the second copy"),
            supersedes=True,
            related=(first,),
        )


@rule(
    "DUP002",
    "repeated-block",
    severity="error",
    fix="safe",
    options={"min-length": 40},
)
def repeated_block(doc: Document, rule: Rule) -> Iterator[Diagnostic]:
    """A run of paragraphs that repeats an earlier run: the body pasted twice.

    ## What it does
    Finds two or more consecutive paragraphs that repeat an earlier run of
    paragraphs in the same order, and reports the whole copy as **one**
    finding that names where the original is.  Findings inside the copy
    (a read-also line, a copyright line) are folded into it.

    ## Why it matters
    A CMS export or a scraper that reads both the page and its AMP version
    often appends the whole body a second time.  The article doubles in
    length and every statistic drawn from it is wrong.

    ## Example
    ```text
    Lede paragraph.
    Body paragraph one, long enough to count as prose.
    Body paragraph two, long enough to count as prose.
    Body paragraph one, long enough to count as prose.
    Body paragraph two, long enough to count as prose.
    ```

    ## Fixed
    ```text
    Lede paragraph.
    Body paragraph one, long enough to count as prose.
    Body paragraph two, long enough to count as prose.
    ```
    The copy is deleted and the first run kept (safe fix).
    """
    paras = doc.paragraphs
    for i, j, n in _copies(doc, rule):
        if n < 2:
            continue
        span = _span(paras, i, n)
        first = _span(paras, j, n)
        yield rule.diagnostic(
            *span,
            f"Repeated block of {n} paragraphs: repeats {where(doc, first)}",
            Fix.delete(doc.deletion(*span), f"Delete the repeated {n} paragraphs"),
            supersedes=True,
            related=(first,),
        )
