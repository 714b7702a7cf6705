"""Property tests: the fix invariants over generated articles.

Articles are assembled from real paragraphs (``tests/data/corpus-sample.jsonl``)
plus the artifacts newslint exists for — ``Baca juga:`` lines, copyright
notices, a body pasted twice, a repeated paragraph, English numbers in
Indonesian text — in the three layouts, with LF, CRLF or mixed newlines,
trailing spaces, odd final newlines and unusual Unicode.  The invariants are
those of docs/guarantees.md (see tests/_invariants.py).  Example counts are
bounded so the file runs in a few seconds; raise them for a release check
with ``NEWSLINT_PROPERTY_EXAMPLES=2000``.
"""

from __future__ import annotations

import os
import textwrap
from functools import lru_cache

import pytest
from _invariants import (
    check_edits_inside_spans,
    check_positions,
    fix_passes,
)
from conftest import DATA, load_jsonl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newslint.api import fix_text, get_linter
from newslint.diagnostics import Diagnostic
from newslint.document import Document
from newslint.engine import choose_fixes, fold_superseded

EXAMPLES = int(os.environ.get("NEWSLINT_PROPERTY_EXAMPLES", "60"))
SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@lru_cache(maxsize=1)
def real_paragraphs() -> tuple[str, ...]:
    """Paragraphs of the sample articles, as each article's layout splits them."""
    out = []
    for row in load_jsonl(DATA / "corpus-sample.jsonl"):
        doc = Document(row["text"])
        for s, e in doc.paragraphs:
            p = " ".join(row["text"][s:e].split())
            if 20 <= len(p) <= 700:
                out.append(p)
    return tuple(out)


COPYRIGHTS = (
    "COPYRIGHT © ANTARA News Banten 2024",
    "© 2024 detikcom",
    "Copyright © 2023 Kompas.com. All rights reserved.",
    "Hak cipta dilindungi undang-undang.",
    "(c) 2021 Kontan",
)
READ_ALSO = (
    "Baca juga:",
    "Baca Juga :",
    "BACA JUGA:",
    "**Baca juga:**",
    "Simak juga:",
    "Read also:",
)
NUMBERS = (
    "1,234,567",
    "12,500,000",
    "7.5 persen",
    "3.18%",
    "Rp1.5 triliun",
    "pukul 10.30",
    "4.044",
)
ODD_CHARS = (
    "\u00a0",
    "\u2028",
    "\u0085",
    "\u200b",
    "\u202f",
    "é",
    "e\u0301",
    "😀",
    "\u05d0",
    "\t",
    "©",
)


@st.composite
def articles(draw) -> str:
    paras = real_paragraphs()
    body = list(draw(st.lists(st.sampled_from(paras), min_size=1, max_size=8)))

    def spot() -> int:
        return draw(st.integers(0, len(body)))

    # Artifacts, each maybe.
    for _ in range(draw(st.integers(0, 2))):
        headline = " ".join(draw(st.sampled_from(paras)).split()[: draw(st.integers(1, 14))])
        body.insert(spot(), f"{draw(st.sampled_from(READ_ALSO))} {headline}")
    for _ in range(draw(st.integers(0, 2))):
        body.insert(spot(), draw(st.sampled_from(COPYRIGHTS)))
    if draw(st.booleans()):
        i = draw(st.integers(0, len(body) - 1))
        words = body[i].split(" ")
        words.insert(draw(st.integers(0, len(words))), draw(st.sampled_from(NUMBERS)))
        body[i] = " ".join(words)
    if len(body) > 1 and draw(st.integers(0, 3)) == 0:
        body.insert(spot(), body[draw(st.integers(0, len(body) - 1))])  # one paragraph twice
    if len(body) > 2 and draw(st.integers(0, 2)) == 0:
        k = draw(st.integers(0, len(body) - 2))
        copy = body[k:]
        if draw(st.booleans()):
            copy.insert(draw(st.integers(0, len(copy))), draw(st.sampled_from(COPYRIGHTS)))
        body += copy  # the body pasted twice
    if draw(st.integers(0, 3)) == 0:
        i = draw(st.integers(0, len(body) - 1))
        j = draw(st.integers(0, len(body[i])))
        body[i] = body[i][:j] + draw(st.sampled_from(ODD_CHARS)) + body[i][j:]

    layout = draw(st.sampled_from(["lines", "blank", "flat"]))
    if layout == "flat":
        sep = draw(st.sampled_from(["   ", "    ", "     ", "\u00a0\u00a0\u00a0 "]))
        lines = [sep.join(body)]
    elif layout == "blank":
        width = draw(st.sampled_from([60, 72, 80, 10_000]))
        lines = []
        for p in body:
            lines += textwrap.wrap(p, width) or [p]
            lines.append("")
        lines.pop()
    else:
        lines = body

    trailing = draw(st.sampled_from(["", "", " ", "  ", "\t", "\u00a0"]))
    if trailing:
        for i in draw(st.sets(st.integers(0, len(lines) - 1), max_size=3)):
            lines[i] += trailing
    newline = draw(st.sampled_from(["\n", "\n", "\r\n", "mixed"]))
    if newline == "mixed":
        text = "".join(line + draw(st.sampled_from(["\n", "\r\n"])) for line in lines)[:-1]
    else:
        text = newline.join(lines)
    return text + draw(st.sampled_from(["", "\n", "\r\n", "\n\n", "\n\n\n", " \n"]))


def linter():
    return get_linter()


@SETTINGS
@given(articles(), st.sampled_from([None, "id", "en"]), st.booleans())
def test_lint_never_raises_and_positions_point_at_the_text(text, language, record):
    doc = Document(text, "a.txt", language, is_record=record)
    diags = linter().lint(doc)
    check_positions(doc, diags)
    check_edits_inside_spans(text, diags)


@SETTINGS
@given(articles())
def test_safe_fixes_touch_only_their_spans_and_keep_everything_else(text):
    doc = Document(text, "a.txt")
    fixed = fix_passes(linter(), doc)
    assert fixed.text == linter().fix(Document(text, "a.txt")).text
    check_positions(fixed, linter().lint(fixed))


@SETTINGS
@given(articles(), st.booleans())
def test_fixing_is_idempotent(text, unsafe):
    once = fix_text(text, unsafe=unsafe)
    assert fix_text(once, unsafe=unsafe) == once
    result = linter().fix(Document(text), unsafe=unsafe)
    assert result.converged
    assert not choose_fixes(result.remaining, unsafe)  # nothing fixable is left


@SETTINGS
@given(st.text(max_size=400), st.sampled_from([None, "id", "en"]))
def test_arbitrary_unicode_never_raises(text, language):
    doc = Document(text, None, language)
    check_positions(doc, linter().lint(doc))
    once = linter().fix(doc).text
    assert linter().fix(doc.with_text(once)).text == once


# -- the engine's fast paths against the obvious quadratic definitions ----------


def _naive_fold(diags):
    """A block folds a finding it contains; of two superseding findings with
    the same span, the first by (code, message) folds the other."""

    def folds(b, d):
        if not (b.start <= d.start and d.end <= b.end):
            return False
        if d.supersedes and (b.start, b.end) == (d.start, d.end):
            return (b.code, b.message) < (d.code, d.message)
        return True

    blocks = [d for d in diags if d.supersedes]
    return [d for d in diags if not any(folds(b, d) for b in blocks if b is not d)]


def _naive_choose(diags):
    from newslint.engine import _overlaps

    cands = sorted((d for d in diags if d.fix), key=lambda d: (d.fix.start, d.fix.end))
    chosen, taken = [], []
    for d in cands:
        spans = [(e.start, e.end) for e in d.fix.edits]
        if any(_overlaps(s, t) for s in spans for t in taken):
            continue
        chosen.append(d)
        taken.extend(spans)
    return chosen


@st.composite
def diagnostics(draw):
    from newslint.diagnostics import Edit, Fix

    out = []
    for _ in range(draw(st.integers(0, 25))):
        s = draw(st.integers(0, 60))
        e = s + draw(st.integers(0, 12))
        fix = None
        if draw(st.booleans()):
            a = draw(st.integers(max(0, s - 2), e))
            b = a + draw(st.integers(0, 6))
            edits = [Edit(a, b)]
            if draw(st.integers(0, 4)) == 0:
                c = b + draw(st.integers(0, 5))
                edits.append(Edit(c, c + draw(st.integers(0, 3))))
            fix = Fix(tuple(edits))
        code = draw(st.sampled_from(["X001", "X002"]))
        out.append(Diagnostic(code, "x", "m", s, e, fix=fix, supersedes=draw(st.booleans())))
    return out


@settings(max_examples=150, deadline=None)
@given(diagnostics())
def test_fold_and_choose_match_their_definitions(diags):
    assert fold_superseded(diags) == _naive_fold(diags)
    assert choose_fixes(diags, unsafe=True) == _naive_choose(diags)


def test_generator_produces_every_layout_and_artifact():
    """The generator is only useful if it reaches what it claims to."""
    seen_layouts, codes = set(), set()

    @settings(max_examples=120, deadline=None, database=None, derandomize=True)
    @given(articles())
    def collect(text):
        doc = Document(text)
        seen_layouts.add(doc.layout)
        codes.update(d.code for d in linter().lint(doc))

    collect()
    assert seen_layouts == {"lines", "blank", "flat"}
    assert {"BP001", "BP002", "DUP001", "DUP002", "TXT001", "TXT002"} <= codes


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\n",
        "\r\n\r\n",
        "   ",
        "Baca juga:",
        "©",
        "\u2028\u0085",
        "Isi.\r\nBaca juga: x\r\n\r\n\r\n",
        "a" * 50 + "\n" + "a" * 50,
        # A fix that removes every word the language was detected from must
        # not make the next run judge the numbers in the other language.
        "1,234,567 SCROLL TO CONTINUE WITH CONTENT",
    ],
)
def test_edge_texts(text):
    doc = Document(text, "a.txt")
    check_positions(doc, linter().lint(doc))
    fixed = fix_passes(linter(), doc)
    assert fix_text(fixed.text) == fixed.text
