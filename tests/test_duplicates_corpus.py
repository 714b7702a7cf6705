"""The DUP and TXT rules against the real corpus, checked by independent,
deliberately simple counters (no newslint code decides what a duplicate is).

Runs on ``../shared/corpus`` when present (skipped otherwise) and always on
the 70-article sample in ``tests/data``.
"""

from __future__ import annotations

import html
from collections import Counter

import pytest
import regex

from newslint.api import fix_text, get_linter
from newslint.document import Document

DUP_TXT = ("DUP", "TXT")

_UNIT_SPLIT = regex.compile(r"\n|[ \t\u00a0]{3,}")
_NON_WORD = regex.compile(r"[^a-z0-9]+")


def units(text: str) -> list[str]:
    """Paragraphs the simple way: lines, and runs of 3+ spaces inside them."""
    return [u.strip() for u in _UNIT_SPLIT.split(text) if u.strip()]


def dup_key(unit: str) -> str:
    return " ".join(unit.split()).casefold()


def word_key(text: str) -> str:
    """ASCII letters and digits only (entities decoded): what every safe fix
    must preserve.  Mojibake and its repair both reduce to the same letters
    (`AntÃ³nio` and `António` to `antnio`)."""
    return _NON_WORD.sub("", html.unescape(text).casefold())


def duplicated_units(text: str, min_len: int = 40) -> dict[str, int]:
    counts = Counter(dup_key(u) for u in units(text))
    return {k: n for k, n in counts.items() if n > 1 and len(k) >= min_len}


@pytest.fixture(scope="module", params=["sample", "corpus"])
def articles(request, sample_articles):
    if request.param == "sample":
        return sample_articles
    return request.getfixturevalue("corpus_articles")


def _covered(diags, start: int, end: int, codes: tuple[str, ...]) -> bool:
    return any(d.code in codes and d.start <= start and end <= d.end for d in diags)


def test_every_duplicated_paragraph_is_flagged_and_its_second_copy_removed(articles):
    linter = get_linter(select=["DUP"])
    checked = 0
    for art in articles:
        text = art["text"]
        dups = duplicated_units(text)
        if not dups:
            continue
        doc = Document(text, art["id"], is_record=True)
        diags = linter.lint(doc)
        seen: Counter[str] = Counter()
        for s, e in doc.paragraphs:
            key = dup_key(text[s:e])
            if key not in dups:
                continue
            seen[key] += 1
            if seen[key] > 1:
                assert _covered(diags, s, e, ("DUP001", "DUP002")), (art["id"], key[:60])
                checked += 1
        fixed = fix_text(text, select=["DUP"], record=True)
        after = Counter(dup_key(u) for u in units(fixed))
        for key in dups:
            assert after[key] == 1, (art["id"], key[:60])
    if articles and len(articles) > 500:
        assert checked >= 8  # the corpus has at least this many second copies


def _quotes(text: str) -> list[tuple[int, str]]:
    return [
        (m.start(), " ".join(m.group(1).split()).casefold())
        for m in regex.finditer(r"[\"\u201c]([^\"\u201c\u201d\n]{60,})[\"\u201d]", text)
    ]


def test_repeated_quotes_are_flagged(articles):
    """A quotation of 60+ characters that occurs again, word for word, on
    another line (the Detik repeated quote) is covered by a DUP finding."""
    linter = get_linter(select=["DUP"])
    found = 0
    for art in articles:
        text = art["text"]
        if "\n" not in text.strip():
            continue  # line layouts only: flat ones are the pull-quote test's
        first: dict[str, int] = {}
        doc = None
        for pos, q in _quotes(text):
            if q not in first:
                first[q] = pos
                continue
            if text.count("\n", 0, first[q]) == text.count("\n", 0, pos):
                continue
            doc = doc or Document(text, art["id"], is_record=True)
            diags = linter.lint(doc)
            assert any(d.start <= pos < d.end for d in diags), (art["id"], q[:60])
            found += 1
    if len(articles) > 500:
        assert found >= 3


def test_antara_pull_quotes_are_flagged(articles):
    """Text before `(ANTARA) -` whose first eight words recur in the body."""
    linter = get_linter(select=["DUP004"])
    found = 0
    for art in articles:
        text = art["text"]
        m = regex.search(r"\(ANTARA\)\s*-", text[:1500])
        if not m:
            continue
        words = regex.findall(r"\w+", text[: m.start()].casefold())
        body = " ".join(regex.findall(r"\w+", text[m.end() :].casefold()))
        if len(words) < 10 or " ".join(words[:8]) not in body:
            continue
        diags = linter.lint(Document(text, art["id"], is_record=True))
        assert [d.code for d in diags] == ["DUP004"], art["id"]
        found += 1
    if len(articles) > 500:
        assert found >= 100


def test_no_paragraph_that_occurs_once_is_removed_by_a_safe_fix(articles):
    """Every paragraph occurring once survives the safe DUP and TXT fixes
    (compared on its ASCII letters and digits, which TXT fixes never change).  A
    pull-quote deleted by DUP004 must itself survive in the body."""
    linter = get_linter(select=DUP_TXT)
    for art in articles:
        text = art["text"]
        doc = Document(text, art["id"], is_record=True)
        result = linter.fix(doc)
        assert result.converged, art["id"]
        out = word_key(result.text)
        counts = Counter(dup_key(u) for u in units(text))
        pull = [d for d in result.applied if d.code == "DUP004"]
        for u in units(text):
            if counts[dup_key(u)] != 1:
                continue
            key = word_key(u)
            if key in out:
                continue
            assert pull, (art["id"], u[:80])
            quote = text[pull[0].start : pull[0].end]
            assert word_key(quote) in out, art["id"]
            assert word_key(u.replace(quote.strip(), "", 1)) in out, (art["id"], u[:80])


def test_fix_is_idempotent_on_the_corpus(articles):
    for art in articles:
        once = fix_text(art["text"], select=DUP_TXT, record=True)
        assert fix_text(once, select=DUP_TXT, record=True) == once, art["id"]
