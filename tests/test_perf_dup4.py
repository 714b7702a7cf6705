"""Fourth-pass fast paths of the duplicate rules, each tested equal to the
code it short-cuts (traps included), and the premises they rest on."""

from __future__ import annotations

import random

from newslint.checks import duplicates as dup
from newslint.document import Document


def _every_char():
    return (chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)


def test_collapsing_and_folding_commute_for_one_to_one_folds():
    """A character that folds to one character is white space exactly when
    its fold is, and white space folds to itself: ``" ".join(x.split())``
    of the folded text is the folded collapsed text when folding keeps the
    length."""
    for c in _every_char():
        f = c.casefold()
        if len(f) == 1:
            assert c.isspace() == f.isspace(), hex(ord(c))
            if c.isspace():
                assert f == c, hex(ord(c))


def test_paragraph_keys_of_unprintable_paragraphs_equal_paragraph_key():
    """Paragraphs that are not printable (NBSP, tabs, soft hyphens, line
    separators) with cased non-ASCII letters, collapsed from the folded
    slice; texts whose folding changes their length take the old path."""
    rng = random.Random(41)
    pieces = ["ÉTÉ", "Ǆemal", "ΣΟΦΊΑ", "Kata", "\u00ad", "\u200b", "\x85", "\x1c", "ß", "İ"]
    seps = [" ", " ", "\u00a0", "\t", "\u2028", "\u3000", "  ", "\n", "\n\n", " \t "]
    unprintable = 0
    for _ in range(3000):
        n = rng.randint(1, 10)
        text = "".join(rng.choice(pieces) + rng.choice(seps) for _ in range(n))
        for path in (None, "a.md"):
            doc = Document(text, path)
            expected = [dup.paragraph_key(text[s:e]) for s, e in doc.paragraphs]
            assert dup._paragraph_keys(doc) == expected, text
            unprintable += len(doc.casefolded) == len(text) and not all(
                doc.casefolded[s:e].isprintable() for s, e in doc.paragraphs
            )
    assert unprintable > 300  # the new path is really taken


def test_cores_find_the_paragraph_of_each_quote():
    """``_cores`` locates a quote's paragraph by bisecting the spans
    themselves: equal to a scan of every paragraph, quotes between
    paragraphs and at their edges included."""
    rng = random.Random(42)
    bits = ['"', "\u201c", "\u201d", "x" * 22, " kata dia", "\n", "\n\n", "  ", "\n\n\n"]
    for _ in range(4000):
        text = "".join(rng.choice(bits) for _ in range(rng.randint(1, 25)))
        for path in (None, "a.md"):
            doc = Document(text, path)
            expected = {
                k: dup._quotation_core(text[s:e])
                for k, (s, e) in enumerate(doc.paragraphs)
                if '"' in text[s:e] or "\u201c" in text[s:e]
            }
            assert dup._cores(doc) == expected, text
