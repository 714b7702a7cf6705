"""r2-num2's shortcuts give what the code they replaced gives.

Each fast path is compared with the plain computation (the regex it stands
for) on traps built around its boundaries, on seeded random texts made of
the characters it is sensitive to, and on the corpus sample.
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pytest

from newslint import document as D
from newslint.checks import _numtokens as nt
from newslint.checks import numbers as nm
from newslint.document import HSPACE, Document


def plain_quotes(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in nt._QUOTES.finditer(text)]


QUOTE_TRAPS = [
    "",
    '"',
    '""',
    '"1234567"',  # 7 characters: too short
    '"12345678"',  # 8: a quotation
    "“12345678”",
    '“12345678"',  # the wrong closer
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


# -- Document._looks_hard_wrapped: each line stripped once ---------------------------


def old_looks_hard_wrapped(doc) -> bool:
    text = doc.text
    follow = mid = 0
    for a, b in zip(doc.lines, doc.lines[1:], strict=False):
        la = text[a.start : a.end].rstrip(HSPACE)
        if la and text[b.start : b.end].strip(HSPACE):
            follow += 1
            if la[-1] not in ".!?:\"”’')":
                mid += 1
    return follow >= 2 and mid * 2 > follow


WRAP_TRAPS = [
    "",
    "a\nb\nc\n\nd",
    "a\n \t\nb\nc",
    "a.\nb\nc\nd\n\ne",
    "a\u3000\nb\u00a0\n\u2007c\n\u202f\nd",
    "x\r\ny\r\nz\r\n\r\nw",
    "a”\nb’\nc)\nd'\n\ne",
]


def test_hard_wrap_test_matches_the_previous_code():
    rng = random.Random(7)
    alphabet = ["a", "b.", "c”", " ", "\t", "\u00a0", "\u3000", "\n", "\n", "\r\n", "?", ")"]
    texts = WRAP_TRAPS + [
        "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 40))) for _ in range(3000)
    ]
    for text in texts:
        doc = Document(text)
        assert doc._looks_hard_wrapped([]) == old_looks_hard_wrapped(doc), repr(text)


def test_hard_wrap_test_on_the_sample(sample_articles):
    for a in sample_articles:
        doc = Document(a["text"])
        assert doc._looks_hard_wrapped([]) == old_looks_hard_wrapped(doc)


# -- numbers._shape_is: answers cached by the number as written ----------------------


def test_shape_answers_by_number_are_the_pattern_verdict():
    rng = random.Random(11)
    pats = [p for shapes in nm._SHAPES.values() for p in shapes]
    pats += [nm._ID_DECIMAL_POINT, nm._EN_DECIMAL_COMMA, nm._ID_GROUPED, nm._EN_GROUPED]
    pats += [nm._ID_WELL, nm._EN_WELL, nm._LAKH]  # (NUM004's _YEAR is no shape test)
    nums = ["1", "1.234", "1,234", "1.234.567", "12,34,567", "1,234.5", "٣.٤٥٦", "１,２３４"]
    nums += [
        "".join(rng.choice("0123456789.,") for _ in range(rng.randrange(1, 12)))
        for _ in range(2000)
    ]
    for _ in range(2):  # the second round answers from the caches
        for num in nums:
            for p in pats:
                assert nm._shape_is(p, num) == (p.fullmatch(num) is not None), (p, num)


# -- _numtokens._judgeable: the scan's numbers without the regex --------------------

JUDGEABLE_TRAPS = [
    "",
    "5",
    "1.234",
    "Rp5",
    "Rp. 5 dan Rp 5.000, Rp,5 Rp.\n5 Rp \n5 Rp. \n5 Rp\n5",
    "Rp.  5",  # two spaces: too far
    "Rp\u00a05 Rp.\u00a05 Rp\u00a0\n5",
    "€5 €.5 € 5 ₹ 10 ₹10.000 £3 ¥4 US$7 HK$ 8 SGD9",
    "x€5 a₹\n5 ?5 ?.5 “5 ”5",
    "1.2.3 1..2 12. .5 ,5 1,2,3.4 1.a 9.",
    "p1 P12 R123 D1 Y1 M1 B1 $1 q1",
    "pp5 p5p5 p5.5p5",
    "Rp1.000.000,00 dan Rp2,5",
    "\ud800 5 Rp\ud8005",
    "٣.٤٥٦ Rp٥",  # Arabic-Indic digits: the regex decides
    "Rp5 １,２３４",  # fullwidth digits
    "Rp5 1\u0660.5",
    "5.\n5 5,\n5",
    "Rp" + "5" * 50 + ".5",
    "é5 ñ5.5 ß3 £ 3 ¥.3",
]


@pytest.mark.parametrize("text", JUDGEABLE_TRAPS)
def test_judgeable_on_traps(text):
    assert nt._judgeable(text) == nt._judgeable_by_regex(text)


def test_judgeable_on_random_texts():
    rng = random.Random(2026)
    alphabet = list("0123456789.,pPRDYMB$€₹£¥? \u00a0\nx-?“é") + ["Rp", "Rp.", "US$", "\u0661"]
    for _ in range(6000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 25)))
        assert nt._judgeable(text) == nt._judgeable_by_regex(text), repr(text)


def test_judgeable_on_the_sample(sample_articles):
    for a in sample_articles:
        assert nt._judgeable(a["text"]) == nt._judgeable_by_regex(a["text"])


def test_latin1_holds_no_digit_but_ascii_ones():
    """The byte classes write every character below U+0100 as itself."""
    for c in map(chr, range(256)):
        assert (nt._DIGIT.fullmatch(c) is not None) == ("0" <= c <= "9"), repr(c)


def test_non_ascii_digits_send_a_text_to_the_regex():
    assert nt._digits_are_ascii("Rp5 “kutip” é\u00a0€")
    assert not nt._digits_are_ascii("Rp\u0665")
    assert not nt._digits_are_ascii("５")


CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus not present")
def test_fast_paths_on_the_corpus():
    for path in sorted(CORPUS.glob("*.jsonl")):
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    text = json.loads(line)["text"]
                    assert nt._judgeable(text) == nt._judgeable_by_regex(text)
                    assert nt._quote_spans(text) == plain_quotes(text)
                    doc = Document(text)
                    assert doc._looks_hard_wrapped([]) == old_looks_hard_wrapped(doc)


# -- document._ascii_words: non-ASCII characters found without a regex scan ---------


def old_ascii_words(chunk, table):
    if chunk.isascii():
        return chunk.encode("ascii").translate(table).split()
    for c in set(re.findall(r"[^\x00-\x7f]", chunk)):
        if D._word().fullmatch(c) is not None:
            return None
    return chunk.encode("ascii", "replace").translate(table).split()


def test_ascii_words_match_the_previous_code():
    rng = random.Random(5)
    alphabet = list("abZ yang The,.-'1\n\t") + [
        "“",
        "”",
        "—",
        "\u00a0",
        "é",
        "\ud800",
        "😀",
        "\u0301",
    ]
    texts = ["", "é", "\ud83d\ude00", "a\u2028b", "ab—cd"]
    texts += [
        "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 30))) for _ in range(4000)
    ]
    for text in texts:
        for table in (D._LETTERS_ONLY, D._LOWER_LETTERS_ONLY):
            assert D._ascii_words(text, table) == old_ascii_words(text, table), repr(text)


def test_after_currency_pattern_has_no_repetition():
    """A repetition-free ``re`` pattern runs untimed (see newslint.patterns);
    compiled lazily, so test_patterns_calls does not see it."""
    try:
        from re import _constants as c
        from re import _parser
    except ImportError:  # pragma: no cover - Python 3.10
        import sre_constants as c
        import sre_parse as _parser

    def ops(tree):
        for op, av in tree:
            yield op
            for part in av if isinstance(av, tuple | list) else ():
                for sub in part if isinstance(part, tuple | list) else (part,):
                    if isinstance(sub, _parser.SubPattern):
                        yield from ops(sub)

    for source in (nt._AFTER_CUR_SOURCE, nt._AFTER_CUR_REVERSED):
        found = set(ops(_parser.parse(source)))
        assert c.BRANCH in found  # the parse is seen
        assert not found & {c.MAX_REPEAT, c.MIN_REPEAT, c.GROUPREF, c.GROUPREF_EXISTS}
    assert nt._after_cur().pattern == nt._AFTER_CUR_REVERSED
