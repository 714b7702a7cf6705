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


def test_last_tokens_are_the_tail_of_the_tokens():
    """``_last_tokens`` tokenises from a space near the end: the tokens it
    returns are the tail of all the tokens, at least ``_CITY_TOKENS + 1`` of
    them (or all), on texts where spaces are scarce (NBSP, newlines, tabs,
    glued words, punctuation-only chunks) or many in a row."""
    rng = random.Random(43)
    words = ["kata", "Jakarta", "dikontrolJakarta", "Rp1.000", "ke-2", "İstanbul", "straße"]
    words += ['"', "\u201c", ".", "—", "MTMimika", "ÉLAN", "x"]
    seps = [" ", " ", "  ", "\u00a0", "\n", "\t", "", ". ", " \u2028 "]
    need = dup._CITY_TOKENS + 1
    short_cut = 0
    for _ in range(6000):
        text = "".join(rng.choice(words) + rng.choice(seps) for _ in range(rng.randint(0, 40)))
        lo = rng.randint(0, min(3, len(text)))
        hi = rng.randint(lo, len(text))
        toks = dup._tokens(text, lo, hi)
        base, tail = dup._last_tokens(text, lo, hi, len(toks))
        assert tail == toks[base:], (text, lo, hi)
        assert len(tail) >= need or base == 0, (text, lo, hi)
        short_cut += base > 0
        if len(toks) > need:
            # the city found on the tail is the one found on all the tokens
            i = dup._city_start(text, tail)
            j = dup._city_start(text, toks)
            assert (None if i is None else base + i) == j, (text, lo, hi)
    assert short_cut > 1000  # the tail is really cut short


def test_pull_quote_with_a_city_after_many_words_equals_the_reference():
    """ANTARA pull-quotes of up to 65 words glued to the city, with few
    spaces near the end (the tail tokenised alone)."""
    from tests.test_perf_dup import _reference_pull_quote

    rng = random.Random(44)
    vocab = ["kata", "kami", "datang", "Menteri", "adil", "energi", "Rp1.000", "ke-2", "İzmir"]
    found = 0
    for _ in range(1500):
        quote = [rng.choice(vocab) for _ in range(rng.randint(3, 66))]
        glue = rng.choice(["", ".", ". ", "\u00a0", "\n", " "])
        seps = rng.choice([" ", " ", "\u00a0", "  "])
        pre = seps.join(quote)
        body = " ".join(rng.choice(vocab) for _ in range(rng.randint(5, 30)))
        copy = " ".join(quote)
        text = f'{pre}{glue}Jakarta (ANTARA) - {body}. "{copy}," katanya. {body}.'
        for min_words in (3, 6):
            doc = Document(text)
            expected = _reference_pull_quote(doc, min_words)
            assert dup._find_pull_quote(Document(text), min_words) == expected, text
            found += expected is not None
    assert found > 500


def test_token_at_equals_the_tokens_of_the_segment():
    """``_token_at`` starting the regex from a space near the token equals
    the token counted from the segment's start, for every index, on
    segments with scarce or many spaces, glued words and non-ASCII."""
    rng = random.Random(45)
    words = ["kata", "Jakarta", "dikontrolJakarta", "Rp1.000", "ke-2", "İstanbul", "straße"]
    words += ['"', "\u201c", ".", "—", "MTMimika", "ÉLAN", "x", "ABCdef", "a1b2"]
    seps = [" ", " ", " ", "  ", "\u00a0", "\t", "", ". ", " \u2028 "]
    jumped = 0
    for _ in range(1500):
        text = "".join(rng.choice(words) + rng.choice(seps) for _ in range(rng.randint(1, 60)))
        cut = sorted(rng.sample(range(len(text) + 1), 2))
        bounds = [(0, cut[0]), (cut[0], cut[1]), (cut[1], len(text))]
        segments = [(s, e, len(dup._tokens(text, s, e))) for s, e in bounds]
        expected = [
            (m.start(), m.end()) for s, e, _ in segments for m in dup._TOKEN.finditer(text, s, e)
        ]
        for index, span in enumerate(expected):
            m = dup._token_at(text, segments, index)
            assert (m.start(), m.end()) == span, (text, segments, index)
        jumped += any(n > dup._CITY_TOKENS + 2 for _, _, n in segments)
    assert jumped > 500
