"""r2-num2's shortcuts give what the code they replaced gives.

Each fast path is compared with the plain computation (the regex it stands
for) on traps built around its boundaries, on seeded random texts made of
the characters it is sensitive to, and on the corpus sample.
"""

from __future__ import annotations

import random

import pytest

from newslint.checks import _numtokens as nt


def plain_quotes(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in nt._QUOTES.finditer(text)]


QUOTE_TRAPS = [
    "",
    '"',
    '""',
    '"1234567"',  # 7 characters: too short
    '"12345678"',  # 8: a quotation
    "“12345678”",
    "“12345678\"",  # the wrong closer
    '"1234\n5678"',  # a line break inside
    '"abcdefgh" ijk "lmnopqrs"',
    '"abcdefgh"ijklmnop"',  # the closer is no opener again
    '"abc "defghijk"',  # a failed opener, then a match
    "“ab“cdefghijk”",  # two openers, one closer
    "“abcdefgh” “ijklmnop”",
    '"' + "x" * 1500 + '"',  # the longest
    '"' + "x" * 1501 + '"',  # one too long
    "“" + "x" * 1500 + "”",
    "“" + "x" * 1501 + "”",
    "“" + "x" * 1499 + "”",
    '"' + "x" * 1501 + '" "' + "y" * 20 + '"',
    'a "b\r\nc d e f g h" "ijklmnopq"',
]


@pytest.mark.parametrize("text", QUOTE_TRAPS)
def test_quote_spans_on_traps(text):
    assert nt._quote_spans(text) == plain_quotes(text)


def test_quote_spans_on_random_texts():
    rng = random.Random(20261129)
    alphabet = ['"', "“", "”", "\n", " ", "a", "b", "x" * 7, "y" * 300, "z" * 1490]
    for _ in range(4000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 30)))
        assert nt._quote_spans(text) == plain_quotes(text), text


def test_quote_spans_on_the_sample(sample_articles):
    for a in sample_articles:
        assert nt._quote_spans(a["text"]) == plain_quotes(a["text"])
