"""TXT: text hygiene that every fixed file needs."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator

from newslint import patterns
from newslint.checks.hygiene import _char_runs, _in_mojibake
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


#: A non-breaking space, walked over the whole text in runs (no repetition:
#: linear, untimed; one ``regex`` search per line paid the clock each time).
_ANY_NBSP = patterns.LazyRe(r"[\u00a0\u2007\u202f]")  # (compiled for a text with one)


@rule("TXT007", "non-breaking-space", severity="info", fix="safe")
def non_breaking_space(doc: Document, rule: Rule) -> Iterator[Diagnostic]:
    """A non-breaking space inside the text.

    ## What it does
    Flags U+00A0 (and the figure and narrow no-break spaces U+2007, U+202F)
    between words and replaces each with a plain space.  Non-breaking
    spaces at the end of a line are left to TXT001, and a U+00A0 that is a
    byte of mojibake (`â<U+0081><U+00A0>`) to TXT003.

    ## Why it matters
    A scraper copies `&nbsp;` from the page as U+00A0: it looks like a space
    but `potensi<U+00A0>inflow` is one token to `split()`, search and
    deduplication.

    ## Example
    ```text
    Commonwealth Bank melihat potensi<U+00A0>inflow dari investor.
    ```

    ## Fixed
    ```text
    Commonwealth Bank melihat potensi inflow dari investor.
    ```
    """
    text = doc.text
    if "\u00a0" not in text and "\u2007" not in text and "\u202f" not in text:
        return  # none of them anywhere: spare a regex call per line
    lines, starts = doc.lines, doc.line_starts
    for a, b in _char_runs(_ANY_NBSP, text):  # a run never spans a line break
        e = lines[bisect_right(starts, a) - 1].end
        if not text[b:e].strip(HSPACE):
            continue  # trailing: TXT001
        if _in_mojibake(doc, a):
            continue  # a byte of mojibake (`â\x81\xa0`): TXT003
        n = b - a
        yield rule.diagnostic(
            a,
            b,
            "Non-breaking space" + (f"s ({n})" if n > 1 else ""),
            Fix.replace(a, b, " " * n, "Replace with a plain space"),
        )


_SPACE_RUN = patterns.compile(r"(?<=\S)[ \t]{2,}(?=\S)")


@rule("TXT009", "multiple-spaces", severity="info", fix="safe")
def multiple_spaces(doc: Document, rule: Rule) -> Iterator[Diagnostic]:
    """Two or more spaces in the middle of a sentence.

    ## What it does
    Flags a run of spaces or tabs between two words when it cannot be a
    paragraph separator: the next word starts with a lower-case letter, or
    the run follows a comma.  In the flattened layout three or more spaces
    *are* the paragraph separator and ANTARA and Kompas also separate
    paragraphs (and `Baca juga:` lines) with two, so runs before a
    capital or after a full stop pass.  Indentation, trailing space and
    table rows (`|`) are not touched, nor is a flattened list: a chain of
    at least four runs joining short items (four words at most, no full
    stop), at most a quarter of them starting in lower case, such as award
    nominees once set one per line, where the double space is all that
    separates `FIFTY FIFTY` from the next name.

    ## Why it matters
    A double space mid-sentence is where a link or a word was removed;
    it shows in print and splits tokens oddly.

    ## Example
    ```text
    Sedangkan dalam sepekan,  rupiah melemah  0,9 persen.
    ```

    ## Fixed
    ```text
    Sedangkan dalam sepekan, rupiah melemah 0,9 persen.
    ```
    """
    text = doc.text
    if "  " not in text and "\t" not in text:
        return  # no run of two spaces or tabs anywhere
    flat = doc.layout == "flat"
    ls = le = -1  # the line of the last run, and whether it holds a `|`
    bar = False
    runs = _space_runs(text)
    chains: dict[int, bool] = {}
    for i, (a, b) in enumerate(runs):
        if flat and b - a >= 3:
            continue
        if not (text[b].islower() or text[a - 1] == ","):
            continue
        if _list_chain(text, runs, i, flat, chains):
            continue  # separates the items of a flattened list
        if a >= le:  # a run never spans a line break: its line is [ls, le)
            ls = text.rfind("\n", 0, a) + 1
            le = text.find("\n", a)
            le = len(text) if le == -1 else le
            bar = text.find("|", ls, le) != -1
        if bar:
            continue  # a table row
        yield rule.diagnostic(
            a,
            b,
            f"{b - a} spaces in a sentence",
            Fix.replace(a, b, " ", "Collapse to one space"),
        )


#: A flattened list: this many runs in a row, each pair joined by a short item.
_LIST_RUNS = 4
_LIST_ITEM_WORDS = 4


def _linked(text: str, runs: list[tuple[int, int]], j: int, flat: bool) -> bool:
    """Whether runs ``j - 1`` and ``j`` are joined by a short list item (at
    most ``_LIST_ITEM_WORDS`` words, on one line, no sentence end).  A run
    of three or more spaces in the flattened layout is a paragraph break
    and is joined to nothing."""
    (a0, b0), (a1, b1) = runs[j - 1], runs[j]
    if flat and (b1 - a1 >= 3 or b0 - a0 >= 3):
        return False
    item = text[b0:a1]
    return "\n" not in item and item[-1] not in ".!?" and len(item.split()) <= _LIST_ITEM_WORDS


def _list_chain(
    text: str, runs: list[tuple[int, int]], i: int, flat: bool, known: dict[int, bool]
) -> bool:
    """Whether run ``i`` is one of a chain of at least ``_LIST_RUNS`` linked
    runs, at most a quarter of them before a lower-case letter: the
    separators of a list whose line breaks a scraper turned into double
    spaces.  Asked only for runs about to be reported; each chain is walked
    once (``known`` keeps the verdict for all its runs)."""
    if i in known:
        return known[i]
    lo = hi = i
    while lo > 0 and _linked(text, runs, lo, flat):
        lo -= 1
    while hi + 1 < len(runs) and _linked(text, runs, hi + 1, flat):
        hi += 1
    n = hi - lo + 1
    # Items of a list mostly start with a capital, a digit or a quote;
    # words a removed link left behind mostly do not.
    lower = sum(1 for _, b in runs[lo : hi + 1] if text[b].islower())
    verdict = n >= _LIST_RUNS and lower * 4 <= n
    for k in range(lo, hi + 1):
        known[k] = verdict
    return verdict


#: ``regex``'s ``\s`` (Unicode White_Space; ``str.isspace`` adds U+001C-U+001F).
_REGEX_SPACE = frozenset("\t\n\x0b\x0c\r \x85\xa0\u1680\u2028\u2029\u202f\u205f\u3000") | frozenset(
    map(chr, range(0x2000, 0x200B))
)


def _space_runs(text: str) -> list[tuple[int, int]]:
    """The spans of ``_SPACE_RUN.finditer(text)``.

    Without tabs a match is a maximal run of two or more spaces with a
    non-space on each side; ``str.find`` locates the runs far faster than
    the pattern's scan, which tries its lookbehind at every offset.
    (Lines need no separate search: a run holds no line break, and the
    lookarounds see a line break, white space, on either side of a line.)"""
    if "\t" in text:
        return [m.span() for m in _SPACE_RUN.finditer(text)]
    out = []
    n = len(text)
    find = text.find
    space = _REGEX_SPACE
    a = find("  ")
    while a != -1:  # `a` is the first space of its run: the last search began after one
        b = a + 2
        while b < n and text[b] == " ":
            b += 1
        if a and b < n and text[a - 1] not in space and text[b] not in space:
            out.append((a, b))
        a = find("  ", b)
    return out


#: Two blank lines in a row, each ``HSPACE*`` (a ``\r`` before its ``\n``):
#: a finding needs them, after a paragraph's line and before another's.
#: Each line break starts one short attempt, so the search is linear.
_TWO_BLANK_LINES = patterns.compile(f"\n[{HSPACE}]*\r?\n[{HSPACE}]*\r?\n")


@rule("TXT010", "blank-lines", severity="info", fix="safe")
def blank_lines(doc: Document, rule: Rule) -> Iterator[Diagnostic]:
    """More than one blank line between two paragraphs.

    ## What it does
    Flags a run of two or more blank (or white-space-only) lines between
    two paragraphs and deletes all but one.  One blank line is the
    paragraph separator of the blank-line layout and passes; blank lines at
    the start of a text, at the end of a file (TXT002's) or next to
    something that is not prose (Markdown front matter, code) are left
    alone.

    ## Why it matters
    Runs of empty lines are left where a scraper dropped an image, a video
    or an advertisement; they carry nothing and make paragraph counts
    wrong.

    ## Example
    ```text
    Paragraf pertama.⏎⏎⏎⏎Paragraf kedua.
    ```

    ## Fixed
    ```text
    Paragraf pertama.⏎⏎Paragraf kedua.
    ```
    """
    text = doc.text
    second = text.find("\n", text.find("\n") + 1)
    if second == -1 or text.find("\n", second + 1) == -1 or _TWO_BLANK_LINES.search(text) is None:
        return  # no two blank lines in a row anywhere (they take three line breaks)
    lines = doc.lines
    paras = doc.paragraphs
    count = text.count
    for p, q in zip(paras, paras[1:], strict=False):
        # j - i below is the line breaks in text[p.end - 1 : q.start], less
        # one (a line index counts the breaks before its offset): fewer than
        # three is one blank line at most, found without two bisects
        if p.end > 0 and count("\n", p.end - 1, q.start) < 3:
            continue
        i = doc.line_index(p.end - 1) + 1  # first line after paragraph p
        j = doc.line_index(q.start)  # first line of paragraph q
        if j - i < 2 or any(text[s:e].strip(HSPACE) for s, e in lines[i:j]):
            continue  # one blank line, or something that is not prose between
        yield rule.diagnostic(
            lines[i].start,
            lines[j - 1].end,
            f"{j - i} blank lines in a row",
            Fix.replace(doc.line_starts[i + 1], doc.line_starts[j], "", "Keep one blank line"),
        )
