"""DUP: text that the CMS or scraper pasted more than once.

Paragraphs (DUP001, DUP002) and sentences (DUP003) are compared by a
normalised key (white space collapsed, case folded) in one hashing pass, so
the cost is linear in the number of paragraphs and sentences.  The pull-quote
check (DUP004) builds one set of the body's four-word runs.  Near-duplicates
(DUP005) are compared only within buckets of shared word-trigram hashes (a
bottom-k sketch per paragraph), so they stay sub-quadratic.  The first copy
is always the one kept, except for a pull-quote: it precedes the dateline, so
the body holds the original.
"""

from __future__ import annotations

import sys
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from functools import lru_cache
from itertools import compress, islice
from math import frexp, ldexp
from operator import gt
from typing import Any, NamedTuple

import regex

from newslint import patterns
from newslint.diagnostics import Applicability, Diagnostic, Fix
from newslint.document import HSPACE, Document, Span
from newslint.registry import Rule, rule

#: Copies of a paragraph compared against when looking for a repeated run;
#: keeps pathological inputs (the same line 10,000 times) linear.
_MAX_CANDIDATES = 8


def paragraph_key(text: str) -> str:
    return " ".join(text.split()).casefold()


def paragraph_keys(doc: Document) -> list[str]:
    """``paragraph_key`` of every paragraph, computed once per document."""
    keys = doc.__dict__.get("_dup_paragraph_keys")
    if keys is None:
        keys = doc.__dict__["_dup_paragraph_keys"] = _paragraph_keys(doc)
    return keys


def _paragraph_keys(doc: Document) -> list[str]:
    """``paragraph_key`` of each paragraph, sliced from the case-folded text
    where that is the same.

    When case folding keeps the text's length it maps each character to one
    (never to none), so a slice of ``doc.casefolded`` is the folded slice,
    with white space where the text has it (folding maps white space to
    itself and nothing else to white space: tested).  A slice that is
    printable holds no white space but spaces (tested); without two in a row
    or one at either end, collapsing its white space changes nothing, else
    collapsing its runs of spaces and stripping its ends is the same.  A
    slice that is not printable is collapsed as it is: white space folds to
    itself and nothing else folds to white space, so collapsing and folding
    commute.
    """
    text = doc.text
    folded = doc.casefolded
    if len(folded) != len(text):
        return [" ".join(text[s:e].split()).casefold() for s, e in doc.paragraphs]
    paras = doc.paragraphs
    keys = [folded[s:e] for s, e in paras]
    spaced: list[tuple[int, int]] = []
    # Without masked parts a paragraph is stripped of white space at both
    # ends (``Document.paragraphs``; tested), and when every slice is
    # printable (one test of them all, in C; the usual case) only those
    # with two spaces in a row need work, and none has them when the text
    # has none (about half the articles).
    if not doc.masked and "".join(keys).isprintable():
        printable = True
        if "  " in folded:
            for k, key in enumerate(keys):
                if "  " in key:
                    keys[k] = _collapse_spaces(key)
                    spaced.append(paras[k])
    else:
        keys = []
        append = keys.append
        printable = True
        for s, e in paras:
            key = folded[s:e]
            if not key.isprintable():
                key = " ".join(key.split())
                printable = False
            elif "  " in key:
                key = _collapse_spaces(key)
                spaced.append((s, e))
            elif key[:1] == " " or key[-1:] == " ":
                key = key.strip(" ")
            append(key)
    # For _sentence_keys: whether every paragraph's folded slice is
    # printable, and the paragraphs holding two spaces in a row.
    doc.__dict__["_dup_printable"] = printable
    doc.__dict__["_dup_spaced"] = spaced
    return keys


def _collapse_spaces(key: str) -> str:
    """``" ".join(key.split())`` for a key whose only white space is spaces,
    by ``str.replace`` (each pass halves every run of spaces)."""
    while "  " in key:
        key = key.replace("  ", " ")
    return key.strip(" ")


def where(doc: Document, span: tuple[int, int]) -> str:
    """Human description of a span's place: lines for line layouts,
    line:column inside a flattened article."""
    (l1, c1), (l2, _) = doc.position(span[0]), doc.position(max(span[0], span[1] - 1))
    if doc.layout == "flat" or (l1 == l2 and _shares_line(doc, span, l1 - 1)):
        return f"{l1}:{c1}"  # inside a line: a line number alone would not find it
    return f"line {l1}" if l1 == l2 else f"lines {l1}–{l2}"


_HSPACES = patterns.compile(f"[{HSPACE}]*")


def _shares_line(doc: Document, span: tuple[int, int], index: int) -> bool:
    """Whether line ``index`` has text outside ``span`` (without slicing it)."""
    start, end = doc.lines[index]
    return _HSPACES.match(doc.text, start).end() < span[0] or (
        _HSPACES.match(doc.text, span[1]).end() < end
    )


def _find_copies(doc: Document, min_length: int) -> Iterator[tuple[int, int, int]]:
    """Yield ``(i, j, n)``: paragraphs ``i..i+n-1`` repeat ``j..j+n-1`` (j < i).

    Runs are extended as far as they match and then trimmed so that they
    start and end on a paragraph long enough to count; short lines (a
    copyright line, a dateline) may sit inside a run but never end one.
    """
    keys = paragraph_keys(doc)
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
        keys = paragraph_keys(doc)
        # A copy needs two paragraphs with one key.
        cache[key] = [] if len(set(keys)) == len(keys) else list(_find_copies(doc, key))
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


# -- shared helpers for the sentence, pull-quote and near-duplicate rules ------

_QUOTE_CHARS = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb"
#: A quotation inside a paragraph: straight or curly double quotes.
_QUOTATION = patterns.compile(r"[\"\u201c]([^\"\u201c\u201d]{20,})[\"\u201d]")
#: Word tokens, split at case changes so that glued text (`dikontrolJakarta`,
#: `MTMimika`) tokenises like spaced text.
_TOKEN = patterns.compile(r"\p{Lu}?[\p{Ll}\p{M}]+|\p{Lu}+(?![\p{Ll}\p{M}])|\d+|[^\W\d_]+")
#: A photo caption ends with a credit such as `(ANTARA/HO-Disney)`.
_CAPTION_CREDIT = patterns.compile(
    r"\([^()]{0,60}/[^()]{1,60}\)\s*$|\((?:foto|dok)\b[^()]*\)\s*$", regex.I
)


_LIST_MARKER = patterns.compile(r"(?:\d{1,3}|[a-z]|[ivx]{1,4})[.)]\s")


def _list_marker(key: str) -> str | None:
    m = _LIST_MARKER.match(key)
    return m.group() if m else None


def sentence_key(text: str) -> str:
    return paragraph_key(text).strip(_QUOTE_CHARS + " ")


def _words(key: str) -> int:
    return len(key.split())


def _quotation_core(text: str) -> str | None:
    """The quoted words of a paragraph that is mostly a quotation, else None."""
    if '"' not in text and "\u201c" not in text:
        return None  # no opening quote: spare the scan (most paragraphs)
    best = max(_quotations(text), key=len, default=None)
    if best is None or len(best) * 2 < len(text):
        return None
    return paragraph_key(best)


def _quotations(text: str) -> list[str]:
    """``_QUOTATION.finditer(text)``'s groups, by ``str.find`` (no regex call)."""
    return [text[a:b] for a, b in _quotation_spans(text)]


def _quotation_spans(text: str, lo: int = 0, hi: int | None = None) -> list[tuple[int, int]]:
    """Spans of the groups of ``_QUOTATION.finditer(text[lo:hi])`` (offsets
    in ``text``), by ``str.find`` (no regex call, no slice).

    The group excludes every quote character, so a match opening at ``p``
    can only close at the next quote character ``r``: it matches when that
    one is a closing quote and at least 20 characters lie between; else the
    search resumes at ``r``, the next possible opening (tested equal to the
    regex in tests/test_perf_dup.py).
    """
    out = []
    find = text.find
    end = len(text) if hi is None else hi
    p = find('"', lo, end)
    q = find("\u201c", lo, end)
    if p < 0 or 0 <= q < p:
        p = q
    while p >= 0:
        # the next quote character after p: r; its kind decides
        r1 = find('"', p + 1, end)
        r2 = find("\u201c", p + 1, r1 if r1 >= 0 else end)
        r3 = find("\u201d", p + 1, r2 if r2 >= 0 else (r1 if r1 >= 0 else end))
        if r3 >= 0:
            r, closing = r3, True
        elif r2 >= 0:
            r, closing = r2, False
        elif r1 >= 0:
            r, closing = r1, True
        else:
            break
        if closing and r - p > 20:
            out.append((p + 1, r))
            r += 1
            p = find('"', r, end)
            q = find("\u201c", r, p if p >= 0 else end)
            if q >= 0:
                p = q
        elif closing:  # a straight quote opens again; a curly closing one does not
            p = r if text[r] == '"' else -2
            if p == -2:
                p = find('"', r + 1, end)
                q = find("\u201c", r + 1, p if p >= 0 else end)
                if q >= 0:
                    p = q
        else:
            p = r  # an opening curly quote
    return out


def _core_of(
    text: str,
    folded: str | None,
    s: int,
    e: int,
    printable: bool = False,
    first: int | None = None,
) -> str | None:
    """``_quotation_core(text[s:e])`` without slicing the paragraph.

    A quotation lies after an opening quote and before a closing one, so
    when the span from the first opening quote to the last closing quote is
    under half the paragraph, no quotation can be half of it.  The longest
    quotation is the first of the longest (as ``max``).  Its key is sliced
    from ``folded`` (``doc.casefolded``, given when folding keeps the
    text's length) when printable, as for ``_paragraph_keys`` (known
    without a test when ``printable``: every paragraph's folded slice is,
    so is a part of one).  ``first``, the first opening quote, may be given
    (``_cores`` has found it).
    """
    if first is None:
        o1, o2 = text.find('"', s, e), text.find("\u201c", s, e)
        first = o1 if o2 < 0 or 0 <= o1 < o2 else o2
    last = max(text.rfind('"', s, e), text.rfind("\u201d", s, e))
    if first < 0 or (last - first - 1) * 2 < e - s:
        return None
    if (
        text.find('"', first + 1, last) < 0
        and text.find("\u201d", first + 1, last) < 0
        and text.find("\u201c", first + 1, last) < 0
    ):
        # No quote character between the first opening and the last closing
        # one (the usual paragraph with one quotation): a quotation opening
        # at ``first`` closes at ``last``, the one after it cannot close, so
        # it is the only one, and it is long enough (as above) if it matches.
        if last - first <= 20:
            return None
        a, b = first + 1, last
    else:
        best = None
        longest = -1
        for a, b in _quotation_spans(text, s, e):
            if b - a > longest:
                best, longest = (a, b), b - a
        if best is None or longest * 2 < e - s:
            return None
        a, b = best
    if folded is not None:
        key = folded[a:b]
        if printable or key.isprintable():
            return _collapse_spaces(key) if "  " in key else key.strip(" ")
    return paragraph_key(text[a:b])


def _similarity(a: str, b: str, cutoff: float = 0, doc: Document | None = None) -> float:
    """``rapidfuzz.fuzz.ratio(a, b, score_cutoff=cutoff)``, in Python when
    ``_python_scoring`` says so for ``doc`` (the document compared)."""
    if doc is not None and _python_possible(doc) and _python_scoring(doc, len(a) * len(b)):
        return _indel_ratio(a, b, cutoff)
    return _rapidfuzz()[0](a, b, score_cutoff=cutoff)


# -- DUP005 scores without rapidfuzz, for a small document ----------------------
#
# Importing rapidfuzz costs ~5.5 ms of CPU (its package loads every scorer),
# more than the few dozen pairs of a news article cost to score in Python
# (~0.3 ns more than in C per unit of length product, ~0.2 ms for a median
# article).  So until rapidfuzz is imported, the pairs of a small article
# given as a file are scored here with the same number: the LCS by the
# bit-parallel algorithm on Python ints, then rapidfuzz's float arithmetic
# and cutoff test (tested equal bit for bit).  A corpus record is always
# scored by rapidfuzz: a corpus run imports it anyway, and then scores
# ~10x faster.

#: Summed length products (``len(a) * len(b)`` over the pairs) a process may
#: score in Python before rapidfuzz is imported instead (~2 ms of Python,
#: about a third of the import; see docs/performance.md, r6-indel).  Per
#: process, not per document: a run over many files imports rapidfuzz after
#: at most this much Python work, and one article's lint (or the few lints
#: of ``fix``) usually stays under it.  The pair search takes Python only
#: when twice its work fits (the pairs it finds are scored again).
_PYTHON_BUDGET = 6_000_000
#: The length products scored in Python so far in this process.
_PYTHON_SPENT = [0]
#: None: choose by the budget; True / False: always / never score in Python
#: (for tests; both give the same scores).
_PYTHON_INDEL: bool | None = None


def _python_possible(doc: Document) -> bool:
    """Whether ``doc``'s pairs may be scored in Python at all (the test that
    costs nothing, made before the work is counted): a document that is not
    a corpus record, while rapidfuzz is not imported."""
    if _PYTHON_INDEL is not None:
        return _PYTHON_INDEL
    return not (doc.is_record or _RAPIDFUZZ or "rapidfuzz" in sys.modules)


def _python_scoring(doc: Document, cost: int, reserve: int = 1) -> bool:
    """Whether to score pairs of ``doc`` of ``cost`` (summed length products)
    in Python, and if so charge them: only when ``_python_possible`` and the
    process's budget holds ``cost * reserve``."""
    if _PYTHON_INDEL is not None:
        return _PYTHON_INDEL
    if not _python_possible(doc):
        return False
    spent = _PYTHON_SPENT[0]
    if spent + cost * reserve > _PYTHON_BUDGET:
        return False
    _PYTHON_SPENT[0] = spent + cost
    return True


def _indel_masks(a: str) -> dict[str, int]:
    """For each character of ``a``, the int whose bit ``k`` is set where
    ``a[k]`` is that character."""
    masks: dict[str, int] = {}
    get = masks.get
    bit = 1
    for c in a:
        masks[c] = get(c, 0) | bit
        bit <<= 1
    return masks


def _lcs(masks: dict[str, int], n: int, b: str, need: int = 0) -> int:
    """Length of the longest common subsequence of ``a`` (``n`` characters,
    ``masks = _indel_masks(a)``) and ``b``: Hyyrö's bit-parallel algorithm
    (Allison–Dix), one column per character of ``b``.  ``v`` starts with
    ``n`` ones, and the LCS is the number of its low ``n`` bits that are
    zero at the end.  Bits from ``n`` up are never masked off: carries and
    borrows only move upwards, so they cannot change the low bits.

    With ``need`` (a length below which the caller's score fails its
    cutoff), it stops once the LCS cannot reach it and returns an upper
    bound still below it: after ``k`` characters of ``b`` the LCS is at
    most the LCS so far plus the ``len(b) - k`` characters left, checked
    every ``_LCS_STEP`` characters."""
    get = masks.get
    v = full = (1 << n) - 1
    if need:
        lb = len(b)
        slack = lb - need  # characters of b that may go unmatched
        for at in range(0, lb - _LCS_STEP, _LCS_STEP):
            for c in b[at : at + _LCS_STEP]:
                u = v & get(c, 0)
                v = (v + u) | (v - u)
            lcs = n - (v & full).bit_count()
            if at + _LCS_STEP - lcs > slack:
                return lcs + lb - at - _LCS_STEP
        b = b[len(range(0, lb - _LCS_STEP, _LCS_STEP)) * _LCS_STEP :]
    for c in b:
        u = v & get(c, 0)
        v = (v + u) | (v - u)
    return n - (v & full).bit_count()


#: Characters of ``b`` between ``_lcs``'s tests of the bound.
_LCS_STEP = 32


def _indel_sim(lcs: int, m: int) -> float:
    """rapidfuzz's normalised Indel similarity ``1 - dist / m`` from the LCS
    of two strings of summed length ``m`` (``dist = m - 2 * lcs``; 1 for
    two empty strings), in the same double operations as its C++
    (``NormalizedMetricBase``)."""
    return 1.0 - (m - 2 * lcs) / m if m else 1.0


def _indel_passes(lcs: int, m: int, cutoff: float) -> bool:
    """Whether rapidfuzz keeps a score of this LCS at ``cutoff`` (below)."""
    return _indel_sim(lcs, m) >= cutoff / 100


def _indel_score(lcs: int, m: int, cutoff: float) -> float:
    """``rapidfuzz.fuzz.ratio``'s result from the LCS: the similarity, kept
    when at least ``cutoff / 100`` (else 0), times 100 (its distance cutoff
    lies 1e-5 beyond this test, so it never decides alone).  The test is
    monotone in ``lcs`` (each operation rounds monotonically)."""
    sim = _indel_sim(lcs, m)
    return sim * 100 if sim >= cutoff / 100 else 0.0


def _indel_need(la: int, lb: int, cutoff: float) -> int:
    """The least LCS whose score passes ``cutoff`` for lengths ``la`` and
    ``lb`` (``min(la, lb) + 1`` when none can; 0 when any does), found by
    ``_indel_passes`` itself from an estimate a little below it."""
    top = min(la, lb)
    m = la + lb
    if not _indel_passes(top, m, cutoff):
        return top + 1
    need = max(0, int(cutoff * m / 200) - 2)
    while need and _indel_passes(need - 1, m, cutoff):
        need -= 1
    while not _indel_passes(need, m, cutoff):
        need += 1
    return need


def _indel_ratio(a: str, b: str, cutoff: float = 0) -> float:
    """``rapidfuzz.fuzz.ratio(a, b, score_cutoff=cutoff)``, in Python."""
    return _indel_against(_indel_masks(a), len(a), b, cutoff)


def _indel_against(masks: dict[str, int], n: int, b: str, cutoff: float) -> float:
    """:func:`_indel_ratio` of ``a`` (``n`` characters, its masks) and ``b``."""
    need = _indel_need(n, len(b), cutoff) if cutoff else 0
    if need > n or need > len(b):
        return 0.0  # (no LCS can pass)
    return _indel_score(_lcs(masks, n, b, need), n + len(b), cutoff)


def _float32(x: float) -> float:
    """``x`` rounded to the nearest single-precision float (ties to even), as
    C's ``(float)x``: the 24-bit significand rounded by ``round`` (exact:
    scaling by a power of two is), or the subnormal step 2**-149."""
    m, e = frexp(x)
    if e >= -125:
        return ldexp(round(ldexp(m, 24)), e - 24)
    return ldexp(round(ldexp(x, 149)), -149)


def _indel_extract(query: str, choices: list[str], cutoff: float) -> list[int]:
    """The indices of ``choices`` that ``rapidfuzz.process.extract(query,
    choices, scorer=ratio, score_cutoff=cutoff, limit=None)`` returns, in
    Python; the query's masks are built once.  ``extract`` converts its
    cutoff to a C ``float`` (``get_score_cutoff_f64``), scores each choice
    with that cutoff and keeps it when the score is at least that cutoff
    (a score that passes ``sim >= cutoff / 100`` may still be rounded below
    the cutoff by ``* 100``, so the score itself is compared, as there)."""
    cutoff = _float32(cutoff)
    n = len(query)
    masks = _indel_masks(query) if choices else {}
    kept = []
    for q, b in enumerate(choices):
        # (a pair no LCS can pass scores 0.0, below any cutoff that has a need)
        if _indel_against(masks, n, b, cutoff) >= cutoff:
            kept.append(q)
    return kept


_RAPIDFUZZ: list[Any] = []


def _rapidfuzz() -> tuple[Any, Any]:
    """rapidfuzz's ``fuzz.ratio`` and ``process.extract``, imported on first
    use (keeps start-up fast) and kept (an import statement per call costs
    more than a lookup)."""
    if not _RAPIDFUZZ:
        from rapidfuzz.fuzz import ratio
        from rapidfuzz.process import extract

        _RAPIDFUZZ[:] = [ratio, extract]
    return _RAPIDFUZZ[0], _RAPIDFUZZ[1]


def _core(doc: Document, i: int) -> str | None:
    """``_quotation_core`` of paragraph ``i``, cached on the document."""
    return _cores(doc).get(i)


#: Greater than any offset: ``(at, _AFTER_ANY)`` sorts after every span
#: starting at ``at`` (spans are sorted tuples of offsets).
_AFTER_ANY = float("inf")


def _cores(doc: Document) -> dict[int, str | None]:
    """``_quotation_core`` of every paragraph holding an opening quote (`"`,
    `\u201c`), the only ones it can find a quotation in; found by one scan of
    the text for the quote characters instead of a test per paragraph."""
    cores = doc.__dict__.get("_dup_cores")
    if cores is not None:
        return cores
    text, paras = doc.text, doc.paragraphs
    # The first opening quote of each paragraph holding one (``at`` is the
    # first of its kind in its paragraph: the scan resumes at the next one).
    firsts: dict[int, int] = {}
    for q in ('"', "\u201c"):
        at = text.find(q)
        while at >= 0:
            # the last paragraph starting at or before ``at``: the spans
            # ``(s, e) <= (at, _AFTER_ANY)`` are those with ``s <= at``
            k = bisect_right(paras, (at, _AFTER_ANY)) - 1
            if k >= 0 and at < paras[k].end:  # (else between paragraphs: in none)
                if firsts.get(k, at) >= at:
                    firsts[k] = at
            if k + 1 == len(paras):
                break
            at = text.find(q, paras[k + 1].start)  # this paragraph is done
    folded = doc.casefolded
    printable = False
    if len(folded) != len(text):
        folded = None
    else:
        paragraph_keys(doc)  # (sets the flag)
        printable = doc.__dict__["_dup_printable"]
    cores = doc.__dict__["_dup_cores"] = {
        k: _core_of(text, folded, *paras[k], printable, firsts[k]) for k in sorted(firsts)
    }
    return cores


def _paragraph_similarity(doc: Document, i: int, j: int, cutoff: float = 0) -> tuple[float, bool]:
    """Similarity (0–100) of paragraphs ``i`` and ``j``, and whether it came
    from their quotations (a quote repeated with a different attribution)."""
    keys = paragraph_keys(doc)
    score = _similarity(keys[i], keys[j], cutoff, doc)
    qa, qb = _core(doc, i), _core(doc, j)
    if qa and qb:
        qscore = _similarity(qa, qb, cutoff, doc)
        if qscore > score:
            return qscore, True
    return score, False


# -- DUP004 pull-quote: text in front of the dateline --------------------------

#: Datelines.  Group ``city`` is absent when the city precedes the match
#: (ANTARA: `Jakarta (ANTARA) -`); the city is then found by `_city_start`.
_DATELINE = patterns.compile(
    r"\((?:ANTARA|Antara)(?:\s+News)?\)\s*[-\u2013\u2014]"
    r"|(?P<city>(?<![\p{L}\d])\p{Lu}{2,}(?:\s\p{Lu}{2,}){0,2}),\s*"
    r"(?:KOMPAS\.com|Kompas\.com|KONTAN\.CO\.ID|Bisnis\.com)\s*[-\u2013\u2014,]"
    r"|(?P<city>(?<![\p{L}\d])\p{Lu}\p{Ll}+(?:\s\p{Lu}\p{Ll}+)?)\s+[-\u2013\u2014]\s"
)
_DATELINE_WINDOW = 1500
#: A highlighted quote is a sentence or two; longer text before a "dateline"
#: is the article itself.
_MAX_PULL_QUOTE_WORDS = 60


def _may_hold_dateline(window: str) -> bool:
    """False when ``_DATELINE`` cannot match inside ``window``.  Each of its
    branches needs `(ANTARA`/`(Antara`, an outlet name after a comma and
    maybe white space, or a dash with white space on both sides after a city
    and white space (``\\s`` implies ``str.isspace``: tested)."""
    if "(ANTARA" in window or "(Antara" in window:
        return True
    for outlet in ("KOMPAS.com", "Kompas.com", "KONTAN.CO.ID", "Bisnis.com"):
        i = window.find(outlet)
        while i >= 0:  # after `CITY,` and maybe white space
            k = i - 1
            while k >= 0 and window[k].isspace():
                k -= 1
            if k >= 0 and window[k] == ",":
                return True
            i = window.find(outlet, i + 1)
    last = len(window) - 1
    for dash in "-\u2013\u2014":
        i = window.find(dash, 1, last)
        while i > 0:
            if window[i - 1].isspace() and window[i + 1].isspace():
                k = i - 2
                while k >= 0 and window[k].isspace():
                    k -= 1
                if _may_end_city(window, k):
                    return True
            i = window.find(dash, i + 1, last)
    return False


def _may_end_city(window: str, k: int) -> bool:
    """False when ``window[: k + 1]`` cannot end with the city of a dateline,
    a word `\\p{Lu}\\p{Ll}+` after no letter or digit.  Only ASCII is ruled
    out (`\\p{Lu}`, `\\p{Ll}` are `A-Z`, `a-z` there); any other character
    may be one (the regex module's Unicode may be newer than ``str``'s)."""
    lower = k
    while lower >= 0 and "a" <= window[lower] <= "z":
        lower -= 1
    if lower < 0 or not window[lower].isascii():
        return True
    if lower == k or not "A" <= window[lower] <= "Z":
        return False
    return lower == 0 or not (window[lower - 1].isascii() and window[lower - 1].isalnum())


def _dateline_follows_break(text: str, at: int) -> bool:
    """A dateline whose match holds the city (`JAKARTA, KOMPAS.com -`,
    `Jakarta -`) follows a sentence end or is glued to the text before it."""
    before = text[max(0, at - 3) : at]
    if not before or not before[-1].isspace():
        return True
    return before.rstrip()[-1:] in tuple(".!?\u2026\"\u201d'\u2019)")


class PullQuote(NamedTuple):
    start: int  # where the pull-quote starts
    end: int  # where it ends (the city of the dateline starts here)
    body: tuple[int, int]  # the copy in the body
    coverage: float  # share of its words found in the body, in order
    exact: bool  # its words occur in the body as one contiguous run


def _tokens(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group().casefold()) for m in _TOKEN.finditer(text, start, end)]


#: Characters no ``_TOKEN`` class matches (tested): stripped from the ends of
#: a white-space-separated chunk, they cannot change its tokens.
_NON_TOKEN = ".,;:!?\"'()[]-/\u201c\u201d\u2018\u2019\u2013\u2014\u2026"


#: Non-ASCII characters of news text that no ``_TOKEN`` class matches
#: (tested): replaced by spaces, they leave the tokens as they are.
_WIDE_SEPARATORS = "\u00a0\u00a9\u00ab\u00bb\u200b\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2026"
#: Every ASCII character but letters and digits to a space (none is part of
#: a token, none is a lower-case letter or mark: tested), capitals to lower
#: case (``casefold`` for ASCII).
_LOWER_SEPARATORS = str.maketrans(
    {chr(c): chr(c).lower() if chr(c).isalnum() else " " for c in range(128)}
)
#: ASCII characters by class: ``a`` lower case, ``A`` capital, ``0`` digit,
#: a space for any other.
_CLASSES = str.maketrans(
    {
        chr(c): "a"
        if chr(c).islower()
        else "A"
        if chr(c).isupper()
        else "0"
        if chr(c).isdigit()
        else " "
        for c in range(128)
    }
)
#: Classes next to each other inside a run of letters and digits that is
#: more than one token (`dikontrolJakarta`, `MTMimika`, `Rp14`, `19a`).
_GLUED = ("aA", "AAa", "0a", "0A", "a0", "A0")


def _folded_words(text: str, start: int, end: int | None = None) -> list[str]:
    """``[w.casefold() for w in _TOKEN.findall(text, start, end)]`` without
    running the regex over most of the text.

    No ``_TOKEN`` class matches white space and the pattern looks behind
    nothing and ahead only for a lower-case letter or a mark, so the tokens
    of the text are those of its white-space-separated chunks, in order.  A
    chunk that is, but for punctuation at its ends, one ASCII word (all
    lower case, capitalised, all upper case, or all digits) is one token;
    any other chunk is tokenised by the regex.

    Most stretches of news text take a faster way, with no Python step per
    word: once the characters that no ``_TOKEN`` class matches (and that are
    no lower-case letter or mark, which the look-ahead tests) are spaces, an
    ASCII stretch's tokens lie in its runs of letters and digits (the
    look-ahead at a run's end sees a separator, as at the text's end), and a
    run is one token unless two of its classes next to each other show a
    digit beside a letter or a case change (``_GLUED``: `dikontrolJakarta`,
    `MTMimika`, `Rp14`): a run of lower-case letters, a capital and
    lower-case letters, capitals only, or digits only is matched whole by
    one branch.  Only the other runs go to
    the regex (tested equal to the regex).
    """
    seg = text[start:end]
    if not seg.isascii():
        for c in _WIDE_SEPARATORS:
            if c in seg:
                seg = seg.replace(c, " ")
    if seg.isascii():
        classes = seg.translate(_CLASSES)
        glued = set()
        for pair in _GLUED:
            at = classes.find(pair)
            while at >= 0:
                a = classes.rfind(" ", 0, at) + 1
                b = classes.find(" ", at)
                if b < 0:
                    b = len(classes)
                glued.add((a, b))
                at = classes.find(pair, b)
        lowered = seg.translate(_LOWER_SEPARATORS)
        if not glued:
            return lowered.split()
        words: list[str] = []
        done = 0
        for a, b in sorted(glued):
            words += lowered[done:a].split()
            words += [w.lower() for w in _TOKEN.findall(seg, a, b)]
            done = b
        words += lowered[done:].split()
        return words
    out: list[str] = []
    add = out.append
    for chunk in text[start:end].split():
        word = chunk.strip(_NON_TOKEN)
        if not word:
            continue  # punctuation only
        if word.isascii() and (
            word.isdigit()
            or (word.isalpha() and (word.islower() or word.istitle() or word.isupper()))
        ):
            add(word.lower())  # casefold is lower for ASCII
        else:
            out.extend(w.casefold() for w in _TOKEN.findall(word))
    return out


#: Tokens at the end of the text before an ANTARA dateline where its city
#: may start.
_CITY_TOKENS = 5


def _city_start(text: str, toks: list[tuple[int, int, str]]) -> int | None:
    """Index of the token where an ANTARA dateline's city starts: the last of
    the final few capitalised tokens that is glued to the text before it
    (`dikontrolJakarta`) or follows a sentence end (`Indonesia.Jakarta`)."""
    for i in range(len(toks) - 1, max(-1, len(toks) - 1 - _CITY_TOKENS), -1):
        s = toks[i][0]
        if not text[s].isupper():
            continue
        if i == 0:
            return 0
        gap = text[toks[i - 1][1] : s]
        if gap == "" or any(c in gap for c in '.!?)]\u2026"\u201d'):
            return i
    return None


def _last_tokens(
    text: str, start: int, end: int, count: int
) -> tuple[int, list[tuple[int, int, str]]]:
    """``(base, toks)``: ``toks`` are ``_tokens(text, start, end)[base:]``
    for a ``base`` that leaves at least ``_CITY_TOKENS + 1`` of them (all
    when there are no more), ``count`` being how many there are in all.

    ``_city_start`` looks at the last ``_CITY_TOKENS`` tokens and the one
    before each, and returns 0 only for the first token, which ``toks``
    then holds (``base`` is 0), so it finds ``base`` less on ``toks``.
    The tokens after a space are those the regex finds from there (the
    premise of ``_token_at``): the text is tokenised from a space some
    chunks before the end, twice as many again while too few tokens follow.
    """
    need = _CITY_TOKENS + 1
    b, chunks = end, need
    while count > need:
        for _ in range(chunks):
            b = text.rfind(" ", start, b)
            if b < 0:
                return 0, _tokens(text, start, end)
        toks = _tokens(text, b + 1, end)
        if len(toks) >= need:
            return count - len(toks), toks
        chunks *= 2
    return 0, _tokens(text, start, end)


def find_pull_quote(doc: Document, min_words: int = 6) -> PullQuote | None:
    """The pull-quote pasted in front of the dateline, when it repeats the body."""
    cache = doc.__dict__.setdefault("_dup_pull_quote", {})
    if min_words in cache:
        return cache[min_words]
    cache[min_words] = result = _find_pull_quote(doc, min_words)
    return result


def _find_pull_quote(doc: Document, min_words: int) -> PullQuote | None:
    text = doc.text
    if not doc.paragraphs:
        return None
    p0 = doc.paragraphs[0]  # after any front matter
    end = min(p0.end, p0.start + _DATELINE_WINDOW)
    if not _may_hold_dateline(text[p0.start : end]):
        return None
    m = _DATELINE.search(text, p0.start, end)
    if m is None:
        return None  # a pull-quote is glued to the first paragraph's dateline
    # The words before the dateline, counted first without their offsets:
    # the pull-quote is all of them, or (ANTARA) all but the city's last
    # one to five, and must have min_words to _MAX_PULL_QUOTE_WORDS.
    # Those words are the tokens' folded texts; offsets are taken only for
    # the first token and the last few (where the city may start).
    pw = _folded_words(text, p0.start, m.start())
    count = len(pw)
    if not min_words <= count <= _MAX_PULL_QUOTE_WORDS + _CITY_TOKENS:
        return None
    if m.group("city") is not None and count and not _dateline_follows_break(text, m.start()):
        return None  # `… rute Jakarta - Bandung …`: prose, not a dateline
    if m.group("city") is None:
        base, tail = _last_tokens(text, p0.start, m.start(), count)
        i = _city_start(text, tail)
        if i is None:
            return None
        city_at = tail[i][0]
        pw = pw[: base + i]
    else:
        city_at = m.start("city")
    if not min_words <= len(pw) <= _MAX_PULL_QUOTE_WORDS:
        return None
    n = 4
    # A covered word is a body token, hence a substring of the case-folded
    # body (casefold maps character by character): a cheap upper bound on the
    # coverage, before tokenising the whole body.  When folding keeps the
    # text's length each character folds to one, so the body's folded text
    # is the same slice of ``doc.casefolded`` (no copy needed).
    folded, at = doc.casefolded, m.end()
    if len(folded) != len(text):
        folded, at = text[at:].casefold(), 0
    if sum(folded.find(w, at) >= 0 for w in pw) / len(pw) < 0.8:
        return None
    # The body's words (offsets only later, for the two that are needed), and
    # where each of the pull-quote's 4-grams first occurs in them.
    segments = _body_segments(doc, m.end())
    # The pull-quote's 4-grams in order (one per starting word), as needles
    # padded with spaces.
    grams = [f" {' '.join(gram)} " for gram in zip(*(pw[i:] for i in range(n)), strict=False)]
    needles = set(grams)
    run = " ".join(pw)
    # The words so far, joined by single spaces a segment at a time (the
    # segments with words: joining these is joining all the words).
    parts: list[str] = []
    check = 1
    for k, (s, e, _) in enumerate(segments):
        seg_words = _folded_words(text, s, e)
        segments[k] = (s, e, len(seg_words))
        if seg_words:
            parts.append(" ".join(seg_words))
        if k + 1 == check < len(segments):
            # After 1, 2, 4… segments (linear overall): when every gram and
            # the whole run occur in the words so far, their first
            # occurrences are these, whatever follows: stop tokenising.
            check *= 2
            joined = f" {' '.join(parts)} "
            if run in joined and all(needle in joined for needle in needles):
                break
    # Tokens hold no space, so a gram's first occurrence is the first match of
    # its words between spaces, and its index the number of spaces before it
    # (counted only for the first and the last gram found, the ones needed).
    joined = f" {' '.join(parts)} "
    found = {}
    for needle in needles:
        at = joined.find(needle)
        if at >= 0:
            found[needle] = at
    covered = [False] * len(pw)
    first_gram = last_gram = None
    for k, gram in enumerate(grams):
        if gram in found:
            covered[k : k + n] = [True] * n
            if first_gram is None:
                first_gram = gram
            last_gram = gram
    first_hit = last_hit = -1
    if first_gram is not None:
        first_hit = joined.count(" ", 0, found[first_gram])
        last_hit = joined.count(" ", 0, found[last_gram]) + n - 1
    cov = sum(covered) / len(pw)
    if cov < 0.8 or first_hit < 0:
        return None
    # The first and the last word may be cut (`ravel`, `diha`): no delimiter
    # around the needle lets them match as part of a body word.
    exact = run in joined  # (the padding spaces cannot add a match)
    start = _TOKEN.search(text, p0.start, m.start()).start()  # (the first token)
    while start > p0.start and text[start - 1] in _QUOTE_CHARS + ".\u2026":
        start -= 1
    last_hit = max(last_hit, first_hit)
    # Only the copy's tokens are needed (the words are the same matches, in order).
    first, last = _token_at(text, segments, first_hit), _token_at(text, segments, last_hit)
    return PullQuote(start, city_at, (first.start(), last.end()), cov, exact)


def _body_segments(doc: Document, start: int) -> list[tuple[int, int, int]]:
    """``(start, end, tokens)`` of the white-space-separated stretches of
    text that hold all tokens of ``_TOKEN.finditer(doc.text, start)``: the
    rest of the first paragraph and the following paragraphs when only white
    space lies between and after them, else the whole rest of the text.
    ``tokens`` is filled in by ``_find_pull_quote``."""
    text, paras = doc.text, doc.paragraphs
    # The text between and after the paragraphs, tested at once (only white
    # space when all of it is).
    gaps = [text[a.end : b.start] for a, b in zip(paras, paras[1:], strict=False)]
    gaps.append(text[paras[-1].end :])
    between = "".join(gaps)
    if not between or between.isspace():
        return [(start, paras[0].end, 0), *[(s, e, 0) for s, e in paras[1:]]]
    return [(start, len(text), 0)]


def _token_at(text: str, segments: list[tuple[int, int, int]], index: int) -> regex.Match[str]:
    """Token ``index`` of the segments' tokens, found by the regex in its own
    segment only.  Tokens never span white space, and the pattern looks
    behind nothing and ahead only for a lower-case letter or a mark (which
    white space and a segment's end are not), so a segment's tokens are the
    same whether it is matched alone or in the text.

    So the regex need not start at the segment: from a space about where
    the token should be (by its rank), when ``_folded_words`` counts no more
    tokens before that space than ``index``, the token is that many fewer
    matches on from it (else from the segment's start, as before).
    """
    for s, e, n in segments:
        if index < n:
            if index > _CITY_TOKENS:
                b = text.rfind(" ", s, s + (e - s) * (index - _CITY_TOKENS) // n)
                if b > s:
                    before = len(_folded_words(text, s, b))
                    if before <= index:
                        s, index = b + 1, index - before
            return next(islice(_TOKEN.finditer(text, s, e), index, None))
        index -= n
    raise AssertionError("token index beyond the body")  # pragma: no cover


@rule(
    "DUP004",
    "pull-quote-repeated",
    severity="warning",
    fix="safe",
    options={"min-words": 6},
)
def pull_quote_repeated(doc: Document, rule: Rule) -> Iterator[Diagnostic]:
    """A pull-quote pasted in front of the dateline that the body repeats.

    ## What it does
    Looks at the text before the dateline (`Jakarta (ANTARA) -`,
    `JAKARTA, KOMPAS.com -`, `Jakarta -`) when the dateline is in the first
    paragraph and the first 1,500 characters.  When that text has between
    `min-words` (default 6) and 60 words and at least 80% of them recur in
    the body in the same order (shared four-word runs), it is a highlighted
    quote the CMS pasted in front of the article, and it is reported with
    the place of its copy in the body.  Here the *body* copy is the original
    that is kept.  A dateline that holds its city (`Jakarta -`) counts only
    after a sentence end or glued to the text before it, so `rute Jakarta -
    Bandung` in prose is not one.

    ## Why it matters
    ANTARA pages paste the highlighted quote in front of the dateline and
    glue it to the city (`…dapat dikontrolJakarta (ANTARA) - …`).  The
    article then starts mid-quote and the quote is read twice.

    ## Example
    ```text
    Ini langkah konkret untuk transisi energi yang adilJakarta (ANTARA) - Menteri ESDM meresmikan PLTS. "Ini langkah konkret untuk transisi energi yang adil," katanya.
    ```

    ## Fixed
    ```text
    Jakarta (ANTARA) - Menteri ESDM meresmikan PLTS. "Ini langkah konkret untuk transisi energi yang adil," katanya.
    ```
    The fix is safe when every word of the pull-quote occurs in the body as
    one run (its first and last word may be cut short); otherwise it is
    unsafe.
    """
    pq = find_pull_quote(doc, rule.options["min-words"])
    if pq is None:
        return
    pct = round(pq.coverage * 100)
    applicability = Applicability.SAFE if pq.exact else Applicability.UNSAFE
    yield rule.diagnostic(
        pq.start,
        pq.end,
        f"Pull-quote before the dateline repeats the body ({pct}% of its words): "
        f"repeats {where(doc, pq.body)}",
        Fix.replace(pq.start, pq.end, "", "Delete the pull-quote", applicability),
        supersedes=pq.exact,
        related=(pq.body,),
    )


def _pull_quote_end(doc: Document) -> int:
    pq = find_pull_quote(doc)
    return pq.end if pq is not None else 0


# -- DUP003 duplicate sentence ---------------------------------------------------


@rule(
    "DUP003",
    "duplicate-sentence",
    severity="warning",
    fix="unsafe",
    options={"min-length": 40, "min-words": 6},
)
def duplicate_sentence(doc: Document, rule: Rule) -> Iterator[Diagnostic]:
    """A sentence that repeats an earlier sentence word for word.

    ## What it does
    Compares every sentence (white space collapsed, case and surrounding
    quotes ignored) with the earlier sentences of the article, inside or
    across paragraphs, in one hashing pass.  Sentences shorter than
    `min-length` characters (default 40) or `min-words` words (default 6) are
    not compared, so `"Ya," katanya.` twice is not an artifact.  Consecutive
    repeated sentences that repeat a consecutive run are reported as **one**
    finding: in a flattened article whose paragraphs cannot be recovered
    (Kompas joins them with one or two spaces) this is how a body pasted
    twice shows.  Short sentences may sit inside such a run but never end
    it.  Whole paragraphs repeated are left to DUP001/DUP002 (they
    fold these findings), paragraphs that are near-duplicates of each other
    to DUP005, and the pull-quote before the dateline to DUP004.

    ## Why it matters
    Scrapers double single sentences, and editors paste a quote again in a
    recap paragraph; the reader reads the same words twice.

    ## Example
    ```text
    Dia datang ke kantor polisi pada Senin pagi bersama pengacaranya. Dia datang ke kantor polisi pada Senin pagi bersama pengacaranya. Pemeriksaan berlangsung lima jam.
    ```

    ## Fixed
    ```text
    Dia datang ke kantor polisi pada Senin pagi bersama pengacaranya. Pemeriksaan berlangsung lima jam.
    ```
    The second copy is deleted and the first kept.  The fix is unsafe for one
    or two sentences (the paragraph may repeat them on purpose, e.g. a quote
    recalled in a recap) and safe for a run of three or more, which is a
    pasted block as DUP002 sees it.
    """
    sents = doc.sentences
    min_len, min_words = rule.options["min-length"], rule.options["min-words"]
    paras = doc.paragraphs
    raw = _sentence_keys(doc, sents)
    # A finding needs two sentences long enough to compare with one key (a
    # fortiori two sentences with one key: tested first, without a filter).
    if len(set(raw)) == len(raw):
        return
    if len(set(compared := [k for k in raw if len(k) >= min_len])) == len(compared):
        return
    para_of = _paragraph_index(paras, sents)
    # Long enough to be compared.  A key's words are single-spaced (case
    # folding makes no white space: tested), so it has one more than spaces.
    long_enough = [
        len(key) >= min_len and (key.count(" ") + 1 if key else 0) >= min_words for key in raw
    ]
    skip_before = _pull_quote_end(doc)
    # Sentences of a paragraph that repeats an earlier paragraph whole are
    # DUP001/DUP002's: they get no key, so they neither match nor extend a run.
    repeated_para: set[int] = set()
    para_seen: set[str] = set()
    for k, pkey in enumerate(paragraph_keys(doc)):
        if pkey in para_seen:
            repeated_para.add(k)
        para_seen.add(pkey)
    keys = [
        key if s >= skip_before and para_of[k] not in repeated_para else None
        for k, ((s, _), key) in enumerate(zip(sents, raw, strict=True))
    ]
    counts = [ok and key is not None for ok, key in zip(long_enough, keys, strict=True)]

    para_starts = [p.start for p in paras]
    seen: dict[str, int] = {}
    n = len(sents)
    i = 0
    while i < n:
        key = keys[i]
        j = seen.get(key) if counts[i] else None  # type: ignore[arg-type]
        if j is None or not _different_paragraph_copies(
            doc, paras, para_starts, sents[j], sents[i]
        ):
            if counts[i]:
                seen.setdefault(key, i)  # type: ignore[arg-type]
            i += 1
            continue
        length = 1
        while (
            i + length < n
            and j + length < i
            and keys[i + length] is not None
            and keys[i + length] == keys[j + length]
        ):
            length += 1
        while length > 1 and not counts[i + length - 1]:
            length -= 1  # a run never ends on a short sentence
        for k in range(i, i + length):
            if counts[k]:
                seen.setdefault(keys[k], k)  # type: ignore[arg-type]
        yield _sentence_finding(doc, rule, sents, i, j, length)
        i += length


def _sentence_finding(
    doc: Document, rule: Rule, sents: list[Span], i: int, j: int, n: int
) -> Diagnostic:
    span = (sents[i].start, sents[i + n - 1].end)
    first = (sents[j].start, sents[j + n - 1].end)
    if n >= _SAFE_RUN:
        return rule.diagnostic(
            *span,
            f"Repeated run of {n} sentences: repeats {where(doc, first)}",
            Fix.delete(doc.deletion(*span), f"Delete the repeated {n} sentences"),
            supersedes=True,
            related=(first,),
        )
    what = "Duplicate sentence" if n == 1 else f"Repeated run of {n} sentences"
    return rule.diagnostic(
        *span,
        f"{what}: repeats {where(doc, first)}",
        Fix.delete(doc.deletion(*span), "Delete the second copy", Applicability.UNSAFE),
        related=(first,),
    )


def _sentence_keys(doc: Document, sents: list[Span], para_of: list[int] | None = None) -> list[str]:
    """``sentence_key`` of each sentence, sliced from the case-folded text
    in the paragraphs where that is the same.

    When case folding keeps the text's length it maps each character to one
    (never to none), so a slice of ``doc.casefolded`` is the folded slice.
    A paragraph whose key equals its folded slice has only single spaces
    between words (folding maps white space to itself and nothing else to
    white space: tested), so collapsing a sentence of it only drops a space
    at either end, which the key's ``strip`` drops too (folding makes no
    quote character either: tested).  When every paragraph's folded slice
    is printable (the usual case), so is every sentence's (sentences lie
    inside paragraphs), its only white space is spaces (tested), and
    collapsing is ``_collapse_spaces``, needed only in the paragraphs that
    hold two spaces in a row: no paragraph index is needed.
    """
    text = doc.text
    strip = _QUOTE_CHARS + " "
    folded = doc.casefolded
    if len(folded) == len(text):
        paragraph_keys(doc)  # (sets the flag)
        if doc.__dict__.get("_dup_printable"):
            keys = [folded[s:e].strip(strip) for s, e in sents]
            spaced = doc.__dict__["_dup_spaced"]
            if spaced:  # only sentences of these paragraphs hold two spaces
                # (the spans ``(s, e) >= (ps,)`` are those with ``s >= ps``)
                for ps, pe in spaced:
                    for k in range(bisect_left(sents, (ps,)), bisect_left(sents, (pe,))):
                        # (a key without two spaces in a row had them only
                        # in its stripped ends, if at all: it is final)
                        if "  " in keys[k]:
                            s, e = sents[k]
                            keys[k] = _collapse_spaces(folded[s:e]).strip(strip)
            return keys
        if para_of is None:
            para_of = _paragraph_index(doc.paragraphs, sents)
        clean = [
            key == folded[s:e]
            for key, (s, e) in zip(paragraph_keys(doc), doc.paragraphs, strict=True)
        ]
        return [
            folded[s:e].strip(strip)
            if clean[p]
            else " ".join(text[s:e].split()).casefold().strip(strip)
            for (s, e), p in zip(sents, para_of, strict=True)
        ]
    return [" ".join(text[s:e].split()).casefold().strip(strip) for s, e in sents]


def _paragraph_index(paras: list[Span], sents: list[Span]) -> list[int]:
    """For each sentence, the index of its paragraph (both lists are sorted)."""
    out = []
    k = 0
    for sp in sents:
        while k + 1 < len(paras) and paras[k + 1].start <= sp.start:
            k += 1
        out.append(k)
    return out


#: Consecutive repeated sentences from which the copy is a pasted block.
_SAFE_RUN = 3


def _different_paragraph_copies(
    doc: Document, paras: list[Span], starts: list[int], a: Span, b: Span
) -> bool:
    """False when the two sentences sit in paragraphs that are near-duplicates
    of each other (DUP005 reports those paragraphs as a whole)."""
    from bisect import bisect_right

    ia = bisect_right(starts, a.start) - 1
    ib = bisect_right(starts, b.start) - 1
    if ia == ib or (paras[ia] == a and paras[ib] == b):
        return True
    score, _ = _paragraph_similarity(doc, ia, ib, NEAR_THRESHOLD)
    return score < NEAR_THRESHOLD


# -- DUP005 near-duplicate paragraph ---------------------------------------------

#: Default similarity (rapidfuzz `ratio`, 0–100) from which two paragraphs are
#: near-duplicates.
NEAR_THRESHOLD = 90.0
_SKETCH = 8  # shingle hashes kept per paragraph (bottom-k sketch)
_BUCKET_CAP = 16  # earlier paragraphs compared per shared sketch hash


_WORD_HASHES: dict[str, int] = {}


def crc32(data: bytes) -> int:
    """``zlib.crc32``, imported on first use (most single files never hash a
    word: ~0.3 ms of start-up); the first call puts the C function in this
    name's place."""
    from zlib import crc32 as real

    globals()["crc32"] = real
    return real(data)


def _word_hash(word: str) -> int:
    """CRC-32 of a word, memoised (news vocabulary repeats; the table is
    bounded by being cleared when it grows large)."""
    h = _WORD_HASHES.get(word)
    if h is None:
        if len(_WORD_HASHES) > 200_000:
            _WORD_HASHES.clear()
        h = _WORD_HASHES[word] = crc32(word.encode())
    return h


@lru_cache(maxsize=4096)
def _sketch(key: str) -> tuple[int, ...]:
    """Bottom-k of the paragraph's word-trigram hashes: near-identical
    paragraphs share most of them.  A trigram's hash mixes its words' CRC-32
    (the same in every run, unlike ``hash``), so no string is built per
    trigram.  Cached: ``fix`` lints a text again after each pass."""
    words = key.split()
    if len(words) < 3:
        return (crc32(key.encode()),)
    hs = list(map(_WORD_HASHES.get, words))  # C-speed lookups; fill the misses
    if None in hs:
        hs = [h if h is not None else _word_hash(w) for h, w in zip(hs, words, strict=True)]
    mask = 0xFFFFFFFF
    trigrams = {
        ((a * 0x01000193) ^ (b * 0x0100019B) ^ c) & mask
        for a, b, c in zip(hs, hs[1:], hs[2:], strict=False)
    }
    return tuple(sorted(trigrams)[:_SKETCH])


@rule(
    "DUP005",
    "near-duplicate-paragraph",
    severity="warning",
    fix="unsafe",
    options={"min-length": 60, "threshold": NEAR_THRESHOLD},
)
def near_duplicate_paragraph(doc: Document, rule: Rule) -> Iterator[Diagnostic]:
    """A paragraph that repeats an earlier one with small edits.

    ## What it does
    Flags a paragraph of at least `min-length` characters (default 60) whose
    text is at least `threshold` percent similar (default 90; rapidfuzz's
    normalised Indel similarity on the case-folded text) to an earlier
    paragraph without being equal to it.  A paragraph that is mostly a
    quotation is also compared by its quotation alone, so a quote repeated
    with another attribution (`kata Agus` / `katanya`) is found.  The
    message gives the similarity and where the first copy is.  Photo
    captions (`… (ANTARA/Name)`) that share a template, and numbered list
    items with different numbers (`2. Menyatakan…`, `3. Menyatakan…`), are
    not compared.
    Candidates are found by shared word-trigram hashes (a bottom-8 sketch per
    paragraph), so the cost stays near-linear.

    ## Why it matters
    Articles assembled from two versions of a story repeat a paragraph or a
    quote with a word changed; readers see it twice and corpora count it
    twice, while exact-match deduplication misses it.

    ## Example
    ```text
    "Ya, kami lumpuhkan supaya nggak kabur lagi. Itu sudah kasus extraordinary," kata Agus.
    Kamal akhirnya ditangkap di Bitung.
    "Ya, kami lumpuhkan supaya nggak kabur lagi. Itu sudah kasus extraordinary," katanya.
    ```

    ## Fixed
    ```text
    "Ya, kami lumpuhkan supaya nggak kabur lagi. Itu sudah kasus extraordinary," kata Agus.
    Kamal akhirnya ditangkap di Bitung.
    ```
    The later paragraph is deleted (unsafe fix: its edits may carry
    information).
    """
    paras = doc.paragraphs
    threshold = float(rule.options["threshold"])
    min_len = rule.options["min-length"]
    all_keys = paragraph_keys(doc)
    if len(all_keys) < 2 or sorted(map(len, all_keys))[-2] < min_len:
        return  # nothing to compare (a one-paragraph Kompas body, a short text)
    keys = _near_keys(doc, min_len)
    best = _near_pairwise(doc, keys, threshold)
    if best is None:  # too many similar-length pairs: the bucket scan is cheaper
        best = _near_buckets(doc, keys, threshold)
    for i, (score, j, by_quote) in sorted(best.items()):
        sp = paras[i]
        what = "similar quotation" if by_quote else "similar"
        yield rule.diagnostic(
            sp.start,
            sp.end,
            f"Near-duplicate paragraph ({score:.0f}% {what}): repeats the paragraph at "
            f"{where(doc, paras[j])}",
            Fix.delete(
                doc.deletion(sp.start, sp.end), "Delete the later copy", Applicability.UNSAFE
            ),
            related=(tuple(paras[j]),),
        )


def _near_keys(doc: Document, min_len: int) -> list[str | None]:
    """Paragraph keys DUP005 compares: None before the pull-quote or short."""
    skip_before = _pull_quote_end(doc)
    if not skip_before:  # (no pull-quote: every paragraph starts at 0 or later)
        return [key if len(key) >= min_len else None for key in paragraph_keys(doc)]
    return [
        key if sp.start >= skip_before and len(key) >= min_len else None
        for sp, key in zip(doc.paragraphs, paragraph_keys(doc), strict=True)
    ]


_Match = tuple[float, int, bool]  # (score, earlier paragraph, by its quotation)


def _comparable(doc: Document, keys: list[str | None], j: int, i: int) -> bool:
    """The filters DUP005 applies to a candidate ``j`` of paragraph ``i``
    before scoring: not equal (DUP001's), not two captions, same list marker."""
    key, other = keys[i], keys[j]
    if other is None or other == key:
        return False
    if _is_caption(doc, i) and _is_caption(doc, j):
        return False
    # Items 2. and 3. of a list share their frame.
    return _list_marker(other) == _list_marker(key)  # type: ignore[arg-type]


def _is_caption(doc: Document, i: int) -> bool:
    """Whether paragraph ``i`` ends with a photo credit, cached on the document."""
    cache = doc.__dict__.setdefault("_dup_captions", {})
    if i not in cache:
        s, e = doc.paragraphs[i]
        cache[i] = bool(_CAPTION_CREDIT.search(doc.text[s:e]))
    return cache[i]


def _better(best: dict[int, _Match], i: int, j: int, score: float, by_quote: bool) -> None:
    old = best.get(i)
    if old is None or (score, -j) > (old[0], -old[1]):
        best[i] = (score, j, by_quote)


def _hashes(doc: Document, keys: list[str | None], i: int) -> set[int]:
    """Sketch hashes of paragraph ``i``: its key's and its quotation's."""
    core = _core(doc, i)
    return set(_sketch(keys[i])) | (set(_sketch(core)) if core else set())  # type: ignore[arg-type]


def _near_buckets(doc: Document, keys: list[str | None], threshold: float) -> dict[int, _Match]:
    """The definition of DUP005's matches: each paragraph is scored against
    the earlier paragraphs that share a sketch hash with it, up to
    ``_BUCKET_CAP`` (the first ones) per hash.  Near-linear on any input."""
    buckets: dict[int, list[int]] = {}
    best: dict[int, _Match] = {}
    for i, key in enumerate(keys):
        if key is None:
            continue
        hashes = _hashes(doc, keys, i)
        tried: set[int] = set()
        for h in hashes:
            for j in buckets.get(h, ()):
                if j in tried:
                    continue
                tried.add(j)
                if not _comparable(doc, keys, j, i):
                    continue
                score, by_quote = _paragraph_similarity(doc, j, i, threshold)
                if score >= threshold:
                    _better(best, i, j, score, by_quote)
        for h in hashes:
            bucket = buckets.setdefault(h, [])
            if len(bucket) < _BUCKET_CAP:
                bucket.append(i)
    return best


#: Similar-length pairs (per paragraph compared) above which the pairwise
#: search costs more than the sketches it saves: a pair scored in C costs
#: ~0.5 µs, a paragraph's sketches and bucket lookups in Python ~20 µs, so
#: 16 keeps a wide margin (both paths find the same matches: tested).
_PAIRWISE_PER_PARAGRAPH = 16
#: Paragraphs compared beyond which the bucket scan is used at once (a news
#: article has a few dozen; a huge input would only pay for sorting them).
_PAIRWISE_MAX = 500


def _near_pairwise(
    doc: Document, keys: list[str | None], threshold: float
) -> dict[int, _Match] | None:
    """``_near_buckets``'s matches found the other way round, or None when
    that would be slower (many paragraphs of similar length).

    A match needs a score of at least ``threshold`` (by the keys or by the
    quotations), so the pairs that can score that high are found first, by
    rapidfuzz in C (or the same scores in Python, for a small article while
    rapidfuzz is not imported: ``_python_scoring``): an Indel ratio ``r``
    needs ``|la - lb| <= (1 - r/100)(la + lb)``, so only paragraphs of
    similar length are scored, each against its neighbours in length order.
    Scores are taken at a cutoff a tenth of a point lower (rapidfuzz's
    score for a pair is the same whatever the cutoff, when it reaches it;
    the margin only absorbs rounding, which is ~1e-13 here, and the C float
    ``extract`` rounds its cutoff to), then every such pair is checked and
    scored exactly as
    ``_near_buckets`` does and kept only when ``_near_buckets`` would have
    compared it: the two share a sketch hash ``h`` and the earlier one is
    among the first ``_BUCKET_CAP`` paragraphs holding ``h``.  Sketches are
    computed only for those rare pairs (and, for the cap, for the paragraphs
    before the earlier one when it has ``_BUCKET_CAP`` or more before it).
    """
    # Each group sorted by length, ties in paragraph order (as a stable sort
    # by length would: the indices are unique and ascending).
    by_key = sorted([(len(k), i, k) for i, k in enumerate(keys) if k is not None])
    if len(by_key) > _PAIRWISE_MAX:
        return None
    # (the cores of compared paragraphs, in paragraph order as ``_cores`` is)
    by_core = sorted([(len(c), i, c) for i, c in _cores(doc).items() if c and keys[i] is not None])
    groups = [by_key, by_core] if len(by_core) > 1 else [by_key]  # (a pair is needed)
    cutoff = min(100.0, max(0.0, threshold - 0.1))
    spread = 1.0 - cutoff / 100.0
    # |la - lb| <= spread * (la + lb), la <= lb  <=>  lb <= la * widen
    widen = (1.0 + spread) / (1.0 - spread) if spread < 1.0 else float("inf")
    work = 0
    bounds = []
    for group in groups:
        m = len(group)
        lengths = [t[0] for t in group]
        if widen == float("inf"):
            his = [m] * m
        else:
            his = [bisect_right(lengths, n * widen + 1, p) for p, n in enumerate(lengths, 1)]
        work += sum(his) - m * (m + 1) // 2
        bounds.append(his)
    if work > _PAIRWISE_PER_PARAGRAPH * len(by_key):
        return None
    pairs: set[tuple[int, int]] = set()
    if not work:
        return {}
    if _python_possible(doc) and _python_scoring(doc, _window_cost(groups, bounds), 2):
        # (reserving as much again for scoring the pairs found, below)
        for group, his in zip(groups, bounds, strict=True):
            texts = [t[2] for t in group]
            for p in compress(range(len(his)), map(gt, his, range(1, len(his) + 1))):
                if his[p] == p + 2:  # (as below: ``ratio`` takes the cutoff as it is)
                    if _indel_ratio(texts[p], texts[p + 1], cutoff) >= cutoff:
                        a, b = group[p][1], group[p + 1][1]
                        pairs.add((a, b) if a < b else (b, a))
                    continue
                for q in _indel_extract(texts[p], texts[p + 1 : his[p]], cutoff):
                    a, b = group[p][1], group[p + 1 + q][1]
                    pairs.add((a, b) if a < b else (b, a))
        return _near_pairs_kept(doc, keys, threshold, pairs)
    ratio, extract = _rapidfuzz()
    for group, his in zip(groups, bounds, strict=True):
        texts = [t[2] for t in group]
        for p in compress(range(len(his)), map(gt, his, range(1, len(his) + 1))):
            if his[p] == p + 2:
                # One neighbour (a third of the rows): ``ratio`` itself costs
                # less than ``extract``'s call (it returns 0 below the cutoff,
                # so ``>=`` keeps what ``extract`` keeps, also at a cutoff of 0,
                # but for a score between the cutoff and the C float
                # ``extract`` rounds it to: such a pair fails the threshold
                # below either way).
                if ratio(texts[p], texts[p + 1], score_cutoff=cutoff) >= cutoff:
                    a, b = group[p][1], group[p + 1][1]
                    pairs.add((a, b) if a < b else (b, a))
                continue
            for _, _, q in extract(
                texts[p], texts[p + 1 : his[p]], scorer=ratio, score_cutoff=cutoff, limit=None
            ):
                a, b = group[p][1], group[p + 1 + q][1]
                pairs.add((a, b) if a < b else (b, a))
    return _near_pairs_kept(doc, keys, threshold, pairs)


def _window_cost(groups: list[list[tuple[int, int, str]]], bounds: list[list[int]]) -> int:
    """Summed length products of the pairs ``_near_pairwise`` scores: row
    ``p`` of a group against rows ``p + 1 .. his[p] - 1`` (by prefix sums)."""
    cost = 0
    for group, his in zip(groups, bounds, strict=True):
        sums = [0]
        total = 0
        for t in group:
            total += t[0]
            sums.append(total)
        for p, hi in enumerate(his):
            if hi > p + 1:
                cost += group[p][0] * (sums[hi] - sums[p + 1])
    return cost


def _near_pairs_kept(
    doc: Document, keys: list[str | None], threshold: float, pairs: set[tuple[int, int]]
) -> dict[int, _Match]:
    """``_near_pairwise``'s matches among the candidate ``pairs``: scored as
    ``_near_buckets`` scores them, kept when it would have compared them."""
    best: dict[int, _Match] = {}
    if not pairs:
        return best
    hashes: dict[int, set[int]] = {}

    def hashes_of(i: int) -> set[int]:
        if i not in hashes:
            hashes[i] = _hashes(doc, keys, i)
        return hashes[i]

    # For the cap: the hashes whose bucket paragraph k entered, filled in
    # paragraph order as far as needed (once, so linear overall).
    eligible = [i for i, k in enumerate(keys) if k is not None]
    rank = {i: r for r, i in enumerate(eligible)}
    entered: dict[int, set[int]] = {}
    holders: dict[int, int] = {}
    filled = 0
    for j, i in sorted(pairs):
        if not _comparable(doc, keys, j, i):
            continue
        score, by_quote = _paragraph_similarity(doc, j, i, threshold)
        if score < threshold:
            continue
        shared = hashes_of(i) & hashes_of(j)
        if not shared:
            continue
        if rank[j] >= _BUCKET_CAP:  # else fewer than the cap hold any hash before j
            while filled <= rank[j]:
                k = eligible[filled]
                entered[k] = set()
                for h in hashes_of(k):
                    if holders.get(h, 0) < _BUCKET_CAP:
                        entered[k].add(h)
                    holders[h] = holders.get(h, 0) + 1
                filled += 1
            if not shared & entered[j]:
                continue  # every bucket j shares with i was full before j
        _better(best, i, j, score, by_quote)
    return best
