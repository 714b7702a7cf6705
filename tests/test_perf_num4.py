"""The fourth NUM pass's fast paths, compared with the code they replaced."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from newslint.checks._numtokens import (
    _WORD_AFTER,
    CURRENCY,
    CURRENCY_SYMBOLS,
    _currency_before,
    _word_after,
)

ROOT = Path(__file__).resolve().parent.parent


def _by_regex(text: str, s: int) -> tuple[str, int]:
    cur = CURRENCY.search(text, max(0, s - 7), s)
    return (cur.group(), cur.start()) if cur else ("", -1)


def _every_offset(fast, slow, text: str) -> None:
    """``fast`` and ``slow`` agree at every offset of ``text``."""
    for at in range(len(text) + 1):
        assert fast(text, at) == slow(text, at), (text, at)


def _all_ends(text: str) -> None:
    _every_offset(_currency_before, _by_regex, text)


TRAPS = [
    "",
    "Rp",
    "Rp5",
    "Rp.5",
    "Rp. 5",
    "Rp 5",
    "Rp\u00a05",
    "Rp,\u00a05",
    "Rp\n5",
    "Rp.\n5",
    "Rp. \n5",
    "Rp  5",
    "Rp..5",
    "Rp \n\n5",
    "Rp\r\n5",
    "xRp5",
    "éRp5",
    "_Rp5",
    "1Rp5",
    "\u0301Rp5",
    "(Rp5",
    "RMB5",
    "RM5",
    "RMB 5",
    "US$5",
    "USD 5",
    "S$5",
    "HK$ 5",
    "A$5",
    "AUD5",
    "$5",
    "$$5",
    "US$$5",
    "€ 5",
    "£5",
    "¥5",
    "₹5",
    "IDR. 5",
    "rpRp5",
    "SGD$5",
    "aUS$ 5",
    "a US$ 5",
    "RpRp",
    "Rp.Rp. 5",
]


def _random_texts(seed: int, pieces: list[str], count: int = 4000) -> list[str]:
    """``count`` texts of one to eight ``pieces``, the same for a seed."""
    rng = random.Random(seed)
    return ["".join(rng.choices(pieces, k=rng.randint(1, 8))) for _ in range(count)]


def test_currency_random() -> None:
    pieces = [*CURRENCY_SYMBOLS, "R", "p", "U", "S", "D", "B", "M", "$", ".", ",", " "]
    pieces += ["\u00a0", "\n", "\r", "5", "a", "é", "_", "\u0301", "٣", "(", "x", "ß"]
    for text in _random_texts(4, pieces):
        _all_ends(text)


def _corpus_texts() -> list[str]:
    """The shared corpus when present, else the sample shipped with the tests."""
    paths = sorted((ROOT.parent / "shared" / "corpus").glob("*.jsonl"))
    paths = paths or [ROOT / "tests" / "data" / "corpus-sample.jsonl"]
    texts = []
    for p in paths:
        with p.open(encoding="utf-8") as fh:
            texts.extend(json.loads(line)["text"] for line in fh if line.strip())
    return texts


def test_currency_on_the_corpus() -> None:
    for text in _corpus_texts():
        for s in range(len(text)):
            if text[s].isdigit():
                assert _currency_before(text, s) == _by_regex(text, s)


# -- NumToken.next: the word after a number without a regex call -------------------


def _word_by_regex(text: str, e: int) -> str:
    w = _WORD_AFTER.match(text, e)
    return w.group(1).lower() if w else ""


WORD_TRAPS = [
    "",
    " ",
    "5 persen",
    "5\u00a0 %",
    "5 °C",
    "5°",
    "5  _x",
    "5 \u2007juta",
    "5 Ünïcode",
    "5 naïve-ly",
    "5 e\u0301tude",
    "5 \u0301x",
    "5 x٣y",
    "5 İstanbul",
    "5 ǅemal",
    "5 ΣΟΦΙΑ",
    "5 ß",
    "5 \u212akelvin",
    "5\tkm",
    "5\nkm",
    "5 ABC123",
]


@pytest.mark.parametrize(
    ("fast", "slow", "text"),
    [(_currency_before, _by_regex, t) for t in TRAPS]
    + [(_word_after, _word_by_regex, t) for t in WORD_TRAPS],
)
def test_traps(fast, slow, text: str) -> None:
    _every_offset(fast, slow, text)


def test_word_after_random() -> None:
    pieces = [" ", "\u00a0", "%", "°", "a", "Z", "é", "\u0301", "_", "5", "٣", "-", "ß", "İ"]
    pieces += ["\u2007", "\t", "\n", "Σ", "ǅ", "\u212a", "中", "ー", "\U0001d400", "\ud800"]
    for text in _random_texts(45, pieces):
        _all_words(text)


def _all_words(text: str) -> None:
    _every_offset(_word_after, _word_by_regex, text)


def test_word_after_on_the_corpus() -> None:
    for text in _corpus_texts():
        for e in range(1, len(text) + 1):
            if text[e - 1].isdigit():
                assert _word_after(text, e) == _word_by_regex(text, e)
