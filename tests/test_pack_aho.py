"""The Aho–Corasick scan (``packs._found``, ``ahocorasick_rs``) gives exactly
the offsets of repeated ``str.find`` and of the stdlib scan it replaced
(``packs._found_re``, still the fallback): every occurrence, overlapping ones
included, as code-point offsets; texts it cannot take (lone surrogates) and
a missing library fall back to the stdlib scan."""

from __future__ import annotations

import random
import subprocess
import sys

import pytest

from newslint import packs
from newslint.packs import builtin_rules

ALL_WORDS = tuple(dict.fromkeys(w for r in builtin_rules() for w in r.spec.requires))
EXTRA = ("©", "rights", "aa", "aaa", "a", "é😀", "😀", "straße", "ss", "ı", "(", "((")


def _finds(text: str, literals) -> dict[str, list[int]]:
    """The reference: ``str.find`` from each hit + 1, words that occur only."""
    out: dict[str, list[int]] = {}
    for lit in literals:
        i = text.find(lit)
        while i != -1:
            out.setdefault(lit, []).append(i)
            i = text.find(lit, i + 1)
    return out


TRAPS = [
    "",
    " ",
    "a",
    "aaaaaaa",  # a, aa, aaa overlapping at every offset
    "tontonton tonton",
    "(antara) (ant) (ANT (ap(ap (((",
    "reporterreporting pewartapewarta editoreditor",
    "[gambas:video_20detik] video [[gambas",
    "😀aaa é😀aa 😀😀 é😀é😀",  # astral characters: code points, not UTF-8 bytes
    "straße strasse ıi İi",
    "© 2024 all rights reserved ©©",
    "\x00(ant\x00ara)\n\n(afp)",
    "日本語 (antara) 日本語 baca juga: 😀",
]


@pytest.mark.parametrize("text", TRAPS)
@pytest.mark.parametrize(
    "words", [ALL_WORDS, ALL_WORDS + EXTRA, EXTRA, ("aa",), ("(antara", "(ant")]
)
def test_automaton_equals_find_and_stdlib_scan(text, words):
    folded = text.casefold()
    assert packs._automaton(words) is not None
    want = _finds(folded, words)
    assert packs._found(folded, words) == want
    assert packs._found_re(folded, words) == want


def test_random_texts():
    """10,000 seeded random texts over the words' own characters, pieces of
    the words (so words inside words and overlaps are common) and non-ASCII."""
    rng = random.Random(7)
    words = ALL_WORDS + EXTRA
    pieces = [*words, *{w[: len(w) // 2] for w in words}, *{w[len(w) // 2 :] for w in words}]
    chars = sorted(set("".join(words)) | set(" \n.:()[]é😀ßİ"))
    for _ in range(10_000):
        parts = [
            rng.choice(pieces) if rng.random() < 0.5 else rng.choice(chars)
            for _ in range(rng.randrange(0, 40))
        ]
        text = "".join(parts)
        want = _finds(text, words)
        assert packs._found(text, words) == want, text
        assert packs._found_re(text, words) == want, text


def test_lone_surrogates_fall_back():
    """A text with a lone surrogate is not UTF-8: the automaton refuses it,
    the stdlib scan answers, with the same offsets as ``str.find``."""
    for text in ["(ant\ud800ara) (antara)", "\udcff", "aa\udcffaa(afp)"]:
        assert packs._found(text, ALL_WORDS + EXTRA) == _finds(text, ALL_WORDS + EXTRA)


def test_empty_word_takes_the_stdlib_path():
    assert packs._automaton(("a", "")) is None
    assert packs._automaton(()) is None


def test_missing_library_falls_back(monkeypatch):
    monkeypatch.setitem(sys.modules, "ahocorasick_rs", None)  # import raises ImportError
    packs._automaton.cache_clear()
    try:
        words = ALL_WORDS + ("zq",)
        assert packs._automaton(words) is None
        for text in TRAPS:
            assert packs._found(text.casefold(), words) == _finds(text.casefold(), words)
    finally:
        packs._automaton.cache_clear()


def test_library_not_imported_at_start_up():
    code = "import sys, newslint.cli, newslint.packs; print('ahocorasick_rs' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_ascii_texts_by_bytes_equal_by_str():
    """An ASCII text is searched as bytes: the same matches, offsets
    included, as the ``str`` automaton gives (non-ASCII words cannot occur)."""
    words = ALL_WORDS + EXTRA
    by_str, by_bytes, _ = packs._automaton(words)
    rng = random.Random(11)
    ascii_chars = sorted({c for c in "".join(words) if c.isascii()} | set(" \n.:()"))
    texts = [t.casefold() for t in TRAPS if t.isascii()]
    texts += [
        "".join(rng.choice(ascii_chars) for _ in range(rng.randrange(60))) for _ in range(2000)
    ]
    for text in texts:
        assert text.isascii()
        got = by_bytes.find_matches_as_indexes(text.encode("ascii"), overlapping=True)
        assert got == by_str.find_matches_as_indexes(text, overlapping=True)
        assert packs._found(text, words) == _finds(text, words)


def test_word_with_a_lone_surrogate_takes_the_stdlib_path():
    words = ("ab", "a\ud800")
    assert packs._automaton(words) is None
    for text in ["ab a\ud800 ab", "abab", "a\ud800a\ud800"]:
        assert packs._found(text, words) == _finds(text, words)
