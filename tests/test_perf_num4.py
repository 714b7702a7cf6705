"""The fourth NUM pass's fast paths, compared with the code they replaced."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from newslint.checks._numtokens import CURRENCY, CURRENCY_SYMBOLS, _currency_before

ROOT = Path(__file__).resolve().parent.parent


def _by_regex(text: str, s: int) -> tuple[str, int]:
    cur = CURRENCY.search(text, max(0, s - 7), s)
    return (cur.group(), cur.start()) if cur else ("", -1)


def _all_ends(text: str) -> None:
    for s in range(len(text) + 1):
        assert _currency_before(text, s) == _by_regex(text, s), (text, s)


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


@pytest.mark.parametrize("text", TRAPS)
def test_currency_traps(text: str) -> None:
    _all_ends(text)


def test_currency_random() -> None:
    rng = random.Random(4)
    pieces = [*CURRENCY_SYMBOLS, "R", "p", "U", "S", "D", "B", "M", "$", ".", ",", " "]
    pieces += ["\u00a0", "\n", "\r", "5", "a", "é", "_", "\u0301", "٣", "(", "x", "ß"]
    for _ in range(4000):
        _all_ends("".join(rng.choice(pieces) for _ in range(rng.randint(1, 8))))


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
