"""The NUM tokenizer's shortcuts give what the plain computation gives.

`_numtokens` saves time three ways: it tries the trap patterns only where a
match can start, it finds the numbers the default rules judge with one regex
instead of visiting every number, and it works out each token's context on
demand.  Each test compares a shortcut with the plain way on real articles
(the 70-article sample) and on the NUM test sentences, so a new trap
pattern that starts somewhere the shortcut does not look fails here.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from newslint.checks import _numtokens as nt
from newslint.document import Document

DATA = Path(__file__).resolve().parent / "data"


def sentences() -> list[tuple[str, str]]:
    out = []
    for name, column in (("num_traps.tsv", 2), ("num_flags.tsv", 3), ("num_heldout.tsv", 2)):
        for line in (DATA / name).read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                cols = line.split("\t")
                out.append((cols[0], cols[column]))
    return out


@pytest.fixture(scope="module")
def texts(sample_articles) -> list[str]:
    return [a["text"] for a in sample_articles] + [t for _, t in sentences()]


def plain_traps(text: str, a: int, b: int) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.lastgroup or "mask") for m in nt._MASKS.finditer(text, a, b)]


def test_trap_search_equals_finditer_in_every_region(texts):
    regions = 0
    for text in texts:
        scan = nt._Scan(Document(text, language="id"))
        for a, b in scan._make_regions():
            regions += 1
            assert nt._find_traps(text, a, b) == plain_traps(text, a, b), text[a:b]
    assert regions > 300


TRICKY = [
    "kartu e-KTP: 3201",
    "x.Pukul 10.30 WIB",
    "Wi-Fi 6 dan No.5",
    "Permendagri123 5",
    "jl.Sudirman Kav.52-53",
    "(021) 5795 3233 / +62 812 3456",
    "sejak\n08.00 hingga 16.30",
]


@pytest.mark.parametrize("text", TRICKY)
def test_trap_search_equals_finditer_in_every_window(text):
    """Windows cut anywhere, also inside a word (`e-KTP` cut after `e`)."""
    for a in range(len(text) + 1):
        for b in range(a, len(text) + 1):
            assert nt._find_traps(text, a, b) == plain_traps(text, a, b), (a, b)


def test_trap_search_equals_finditer_in_sentence_windows():
    rnd = random.Random(11)
    found = 0
    for _, text in sentences():
        spans = [(0, len(text))]
        spans += sorted(
            (a, rnd.randrange(a, len(text) + 1))
            for a in (rnd.randrange(len(text) + 1) for _ in range(6))
        )
        for a, b in spans:
            want = plain_traps(text, a, b)
            found += bool(want)
            assert nt._find_traps(text, a, b) == want, (text, a, b)
    assert found > 50


def test_judgeable_numbers_are_the_number_spans(texts):
    for text in texts:
        scan = nt._Scan(Document(text, language="id"))
        numbers = list(nt._NUMBER.finditer(text))
        grouped = [m.span() for m in numbers if not m.group().isdigit()]
        near = [
            m.span()
            for m in numbers
            if not nt._CURRENCY_LAST.isdisjoint(text[max(0, m.start() - 4) : m.start()])
            and nt._may_follow_currency(text, m.start())
        ]
        assert scan.grouped == grouped
        assert scan.currency_near == near
        assert scan.spans == [m.span() for m in numbers]
        needy = [m.span() for m in numbers if nt._needs_masks(text, *m.span())]
        assert [m.span() for m in nt._NEEDY.finditer(text)] == needy
        percent = [m.span() for m in numbers if nt._WORD_AFTER.match(text, m.end())]
        percent = [
            (s, e)
            for s, e in percent
            if nt._WORD_AFTER.match(text, e).group(1).lower() in ("%", "persen", "percent")
        ]
        before = [m.span() for m in nt._BEFORE_PERCENT.finditer(text)]
        assert set(percent) <= set(before) <= set(scan.spans)


FIELDS = ("quantity", "mask", "locale", "currency", "cur_start", "prev", "next", "suffix")


def test_token_context_does_not_depend_on_the_order_it_is_asked(texts):
    """`quantity` before `mask` (as the rules ask) or the other way round,
    fields in any order: the same values."""
    for text in texts[:40] + texts[-60:]:
        for lang in ("id", "en"):
            a = nt.tokens(Document(text, language=lang))
            b = nt.tokens(Document(text, language=lang))
            for t, u in zip(a, b, strict=True):
                first = [getattr(t, f) for f in FIELDS]
                second = {f: getattr(u, f) for f in reversed(FIELDS)}
                assert first == [second[f] for f in FIELDS], (text, t)
