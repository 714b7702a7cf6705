"""The fifth NUM/TXT pass's fast paths, compared with the code they replaced."""

from __future__ import annotations

import random

import pytest

from newslint.checks._numtokens import _WORD_BEFORE, _word_before
from newslint.checks.numbers import _YEAR, _is_year
from newslint.document import Document
from tests.test_perf_num4 import _corpus_texts  # the corpus, or the sample


def _random_texts(seed: int, pieces: list[str], count: int = 4000) -> list[str]:
    """``count`` texts of one to ten ``pieces``, the same for a seed."""
    rng = random.Random(seed)
    return ["".join(rng.choices(pieces, k=rng.randint(1, 10))) for _ in range(count)]


# -- NumToken.prev: the word before a number without a regex search ---------------


def _before_by_regex(text: str, before: int) -> str:
    pw = _WORD_BEFORE.search(text, max(0, before - 30), before)
    return pw.group(1).lower() if pw else ""


def _every_offset(text: str) -> None:
    for at in range(len(text) + 1):
        assert _word_before(text, at) == _before_by_regex(text, at), (text, at)


BEFORE_TRAPS = [
    "",
    "tahun 2",
    "tahun\n2",
    "tahun \n2",
    "tahun\n\n2",
    "tahun\r\n2",
    "tahun. (2",
    "tahun..2",
    "tahun .2",
    "No.2",
    "(2",
    " . 2",
    "Rp. 2",
    "tahun\u00a0(2",
    "tahun\u20072",
    "tahun\t2",
    "x_tahun 2",
    "x1tahun 2",
    "e\u0301tude 2",
    "\u0301 2",
    "İstanbul 2",
    "ǅemal 2",
    "\u212aelvin 2",
    "ΣΟΦΙΑ 2",
    "中文 2",
    "a" * 40 + " 2",
    "a" * 29 + ". " + "2",
    "b" + " " * 29 + "2",
    "word" + " " * 28 + "2",
    "abc" + "(" * 27 + "2",
    "\n2",
    ".\n2",
    "\ud800 2",
]


@pytest.mark.parametrize("text", BEFORE_TRAPS)
def test_word_before_traps(text: str) -> None:
    _every_offset(text)


def test_word_before_random() -> None:
    pieces = [" ", "\u00a0", "(", ".", "\n", "\r", "a", "Z", "é", "\u0301", "_", "5"]
    pieces += ["٣", "-", "ß", "İ", "\u2007", "\t", "Σ", "ǅ", "\u212a", "中", "\ud800"]
    pieces += ["tahun", "sejak ", "Mei", "a" * 12, " " * 7]
    for text in _random_texts(51, pieces):
        _every_offset(text)


def test_word_before_on_the_corpus() -> None:
    for text in _corpus_texts():
        for s in range(len(text)):
            if text[s].isdigit() or text[s] in "R$€£¥₹":
                assert _word_before(text, s) == _before_by_regex(text, s)


# -- NUM004: a year's shape without a regex call ------------------------------------


def _years_by_regex(num: str, locale: str) -> bool:
    return _YEAR[locale].fullmatch(num) is not None


def test_is_year_every_shape() -> None:
    chars = ["0", "1", "2", "3", "9", ".", ",", "٢", "١", "a", " "]
    rng = random.Random(7)
    nums = ["1.234", "2.024", "2,024", "3.024", "1.23", "1.2345", "٢.٠٢٤", "2.٠٢٤", "١,234", ""]
    nums += ["".join(rng.choices(chars, k=rng.randint(0, 7))) for _ in range(20_000)]
    for num in nums:
        for locale in ("id", "en"):
            assert _is_year(num, locale) == _years_by_regex(num, locale), (num, locale)


# -- quotations: `_MACHINE` is searched only when the quotation holds a `:` ---------


def test_machine_needs_a_colon() -> None:
    from newslint.checks._numtokens import _MACHINE

    pieces = ["Mag", ":", "5", ".0", " ", "Lok", "ab", "é", "_", "：", "\ufe55", "٣", "x:"]
    for text in _random_texts(9, pieces, 3000):
        for a in range(0, len(text), 3):
            found = _MACHINE.search(text, a, len(text)) is not None
            assert found == (text.find(":", a) != -1 and found)
            assert not found or ":" in text[a:]


# -- _judgeable: the after-currency shapes found digit first, in reverse -----------


def _digits_forward(cls: bytes) -> list[int]:
    import re

    from newslint.checks._numtokens import _AFTER_CUR_SOURCE

    return [m.end() - 1 for m in re.finditer(_AFTER_CUR_SOURCE, cls)]


def _digits_backward(cls: bytes) -> list[int]:
    from newslint.checks._numtokens import _after_cur

    last = len(cls) - 1
    return sorted(last - m.start() for m in _after_cur().finditer(cls[::-1]))


def test_after_currency_reversed_every_short_text() -> None:
    """Every class string up to five bytes, and random longer ones."""
    from itertools import product

    alphabet = b"c0. nx"
    for k in range(6):
        for chars in product(alphabet, repeat=k):
            cls = bytes(chars)
            assert _digits_backward(cls) == _digits_forward(cls), cls
    rng = random.Random(11)
    for _ in range(20_000):
        cls = bytes(rng.choices(alphabet, k=rng.randint(6, 40)))
        assert _digits_backward(cls) == _digits_forward(cls), cls


def test_judgeable_same_as_the_regex() -> None:
    from newslint.checks._numtokens import _judgeable, _judgeable_by_regex

    pieces = ["Rp", "Rp.", "Rp ", "Rp. ", "Rp\n", "US$", "€", "₹", "¥", "$", "p", "D"]
    pieces += ["1", "23", "4.5", "6,7", ".", ",", " ", "\u00a0", "\n", "x", "?", "é", "中"]
    for text in _random_texts(13, pieces, 6000):
        assert _judgeable(text) == _judgeable_by_regex(text), text
    for text in _corpus_texts():
        assert _judgeable(text) == _judgeable_by_regex(text)


# -- TXT008: the glued-stop match and the next word in plain Python ------------------


_GLUE_PIECES = list('aZkP.!?\u2026"\u201c\u201d\u2018\u2019()[]%1 \n,') + [
    "\u00c9",  # É Lu
    "\u00e9",  # é Ll
    "\u00d7",  # × not a letter
    "\u0416",
    "\u0436",
    "\U0001d400",  # mathematical bold A: Lu beyond the BMP
    "\U0001d41a",  # mathematical bold a: Ll
    "\u01c5",  # ǅ: Lt, neither Lu nor Ll
    "\u0130",  # İ
    "\u0131",  # ı
    "\u00aa",  # ª: Lo, islower() in Python but not Ll
    "\u2160",  # Ⅰ: Nl, isupper() in Python but not Lu
    "\u24b6",  # Ⓐ: So, isupper() in Python
    "\u0663",  # Arabic-Indic digit: \\d
    "\u00b2",  # ²: not \\d
    "\u0301",  # combining mark
    "\ud800",  # lone surrogate
    "\u02b0",  # ʰ: Lm
    "Dr",
    "com",
    "Co",
    "..",
]


def test_glued_same_as_the_pattern() -> None:
    from newslint.checks import hygiene

    for text in _random_texts(21, _GLUE_PIECES, 20_000):
        want = [(m.start(), m.end(), m.start("close")) for m in hygiene._GLUED.finditer(text)]
        assert list(hygiene._glued(text)) == want, text


def test_next_word_same_as_the_pattern() -> None:
    from newslint.checks import hygiene

    for text in _random_texts(22, _GLUE_PIECES, 4000):
        for at in range(len(text) + 1):
            m = hygiene._NEXT_WORD.match(text, at)
            assert hygiene._next_word(text, at) == (m.group(1) if m else ""), (text, at)


def test_glued_on_the_corpus() -> None:
    from newslint.checks import hygiene

    for text in _corpus_texts():
        want = [(m.start(), m.end(), m.start("close")) for m in hygiene._GLUED.finditer(text)]
        assert list(hygiene._glued(text)) == want


# -- the shape patterns answered in plain Python --------------------------------------


def test_shape_tests_say_what_the_patterns_say() -> None:
    """Every shape over `0 . ,` up to ten characters (a digit's value is
    no part of any shape pattern), random numbers with every digit, and
    numbers the patterns must judge themselves."""
    from itertools import product

    from newslint.checks import numbers as nm

    nums = ["".join(p) for k in range(11) for p in product("0.,", repeat=k)]
    rng = random.Random(5)
    nums += ["".join(rng.choices("0123456789.,", k=rng.randint(1, 24))) for _ in range(20_000)]
    nums += [
        "٣.٤٥٦",
        "1.٠٠٠",
        "１,２３４",
        "1.234x",
        "1 234",
        "-1.234",
        "12,34,567",
        "1,23,45,678.9",
    ]
    nm._NUM_BITS.clear()
    nm._SHAPE_BITS.clear()
    # twice: computed (the shapes, then the random numbers mostly from the
    # shape cache), then answered from the number cache
    pats = [p for p, _ in nm._SHAPE_TESTS]
    want = [[p.fullmatch(num) is not None for p in pats] for num in nums]
    for _ in range(2):
        for num, verdicts in zip(nums, want, strict=True):
            assert [nm._shape_is(p, num) for p in pats] == verdicts, num


# -- _is_list in plain Python ------------------------------------------------------


def test_kind_of_every_character() -> None:
    import regex

    from newslint.checks import numbers as nm

    space, digit = regex.compile(r"\s"), regex.compile(r"\d")
    for code in range(0x110000):
        c = chr(code)
        want = 1 if space.match(c) else 2 if digit.match(c) else 0
        assert nm._kind(c) == want, hex(code)


def test_list_ahead_same_as_the_pattern() -> None:
    from newslint.checks import numbers as nm

    pieces = [",", " ", "\u00a0", "\t", "\n", "\x1c", "\u2009", "5", "٣", "x", "dan", "atau"]
    pieces += ["and", "or", "an", "at", "o", "d", "a", "Dan", "AND", ".", "²"]
    texts = _random_texts(31, pieces, 20_000) + ["", " ", ",", ",5", " dan 5", " dan5", "  or  ٣"]
    for text in texts:
        for s in (text, text[:6] + "  "):
            assert nm._list_ahead(s) == (nm._LIST.match(s) is not None), s


# -- grouped numbers get their locale with the list -------------------------------------


def test_grouped_locale_is_the_lazy_locale() -> None:
    from newslint.checks import _numtokens as nt
    from newslint.document import Document

    texts = _corpus_texts()
    texts += [
        'Inflasi 3,8 persen. "The economy grew 5.2 percent and the rate is 1,234 for the year,"'
        " kata Menkeu, 4.044 pasang.",
        'Data "Mag:5.0 Lok:4.48LS 1.234 km" dari BMKG, 2.500 orang.',
        "Tanpa kutipan 1.234 dan 5,6 persen.",
    ]
    for text in texts:
        doc = Document(text, is_record=True)
        toks = nt.grouped(doc)
        lazy = nt._Scan(Document(text, is_record=True))
        for t in toks:
            assert t.locale == nt.NumToken(lazy, t.start, t.end).locale, (text, t)


def test_after_currency_is_the_lazy_filter() -> None:
    from newslint.checks import _numtokens as nt
    from newslint.document import Document

    pieces = ["Rp", "Rp.", "Rp ", "RP", "rp,", "US$", "€", "x", "p", "1", "2.500", "3,5", " "]
    pieces += ["\n", "\u00a0", ".", ",", "é", "中"]
    # (a random text mostly has no language: prefixed with Indonesian words)
    texts = _corpus_texts() + ["yang dan di ini " + t for t in _random_texts(17, pieces, 3000)]
    for text in texts:
        doc = Document(text, is_record=True)
        fast = [(t.start, t.end, t._currency) for t in nt.after_currency(doc)]
        scan = nt._Scan(Document(text, is_record=True))
        lazy = [nt.NumToken(scan, s, e) for s, e in scan.currency_near]
        want = [(t.start, t.end, t._currency) for t in lazy if t.currency]
        assert fast == (want if doc.language_known else []), text


# -- TXT003: no hint search without a lead character --------------------------------


def test_hint_lead_screen() -> None:
    import regex

    from newslint.checks import hygiene

    lead = regex.compile("[\u00c2-\u00f4]")
    for code in range(0x110000):  # the screen's bytes are the class's characters
        c = chr(code)
        screened = bool(c.encode("latin-1", "ignore").translate(None, hygiene._NOT_LEAD))
        assert screened == bool(lead.match(c)), hex(code)
    pieces = [
        "\u00c3",
        "\u00a9",
        "\u201c",
        "\u0080",
        "\u00e2\u20ac\u0153",
        "x",
        " ",
        "\u00f5\u0080",
    ]
    for text in _random_texts(43, pieces, 5000) + _corpus_texts():
        doc = Document(text, is_record=True)
        starts, ends = hygiene._mojibake_spans(doc)
        hints = [m.start() for m in hygiene._MOJIBAKE_HINT.finditer(text)]
        assert bool(starts) == bool(hints), text
        assert all(any(s <= h < e for s, e in zip(starts, ends, strict=True)) for h in hints)


# -- TXT006: the screen without a failed strict encoding ----------------------------


def test_may_hold_invisible_with_surrogates_and_wide_text() -> None:
    from newslint.checks import hygiene

    pieces = ["a", "\ud800", "\udfff", "\U0001f600", "\u201c", "\u200b", "\u00ad", "\x85", "é"]
    pieces += ["\ufeff", "\u2060", "\x00", "\u180e", "\u200d"]
    for text in _random_texts(47, pieces, 20_000):
        want = hygiene._ANY_INVISIBLE.search(text) is not None
        assert hygiene._may_hold_invisible(text) == want, repr(text)
