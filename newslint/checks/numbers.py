"""NUM: numbers written in the wrong convention for the article's language.

Indonesian writes `4.044` (thousands) and `7,5` (decimal); English the
reverse.  Real news is full of things that look like numbers but are not
quantities (`pukul 10.30 WIB`, `UU Nomor 11 Tahun 2020`, `192.168.1.10`,
`COVID-19`), so every rule reads the shared token list from
:mod:`newslint.checks._numtokens`, where those are already masked, and
judges each quantity in its own locale (an English quotation inside an
Indonesian article is English).

Default rules flag only forms whose meaning is certain or clearly broken;
house-style choices (NUM006–NUM009) are off by default and configured with
``[tool.newslint.options.NUM00x]``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import regex

from newslint import patterns
from newslint.checks._numtokens import (
    COORD,
    COUNT_NOUNS,
    FUNCTION_WORDS,
    MAGNITUDE,
    PERCENT,
    RATIO_WORDS,
    TIME_UNITS,
    UNITS,
    YEAR_WORDS,
    NumToken,
    after_currency,
    before_percent,
    grouped,
    tokens,
)
from newslint.diagnostics import Applicability, Diagnostic, Fix
from newslint.document import Document
from newslint.registry import Rule, rule

_LANG = {"id": "Indonesian", "en": "English"}
_SWAP = str.maketrans({",": ".", ".": ","})
UNSAFE = Applicability.UNSAFE

# Shapes, for a locale's thousands separator T and decimal separator D.
_SHAPES = {
    # locale: (foreign_multi, foreign_mixed, foreign_single, own_malformed)
    "id": (
        patterns.compile(r"\d{1,3}(?:,\d{3}){2,}(?:\.\d+)?"),  # 1,234,567 / 1,234,567.5
        patterns.compile(r"\d{1,3},\d{3}\.\d+"),  # 1,234.5
        patterns.compile(r"\d{1,3},\d{3}"),  # 4,044
    ),
    "en": (
        patterns.compile(r"\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?"),
        patterns.compile(r"\d{1,3}\.\d{3},\d+"),
        patterns.compile(r"\d{1,3}\.\d{3}"),
    ),
}
_SEP = {"id": (".", ","), "en": (",", ".")}  # (thousands, decimal)


#: Each number's answers to the shape patterns, one bit per pattern (see
#: ``_SHAPE_TESTS`` at the end of the module); bounded.
_NUM_BITS: dict[str, int] = {}
#: The same by shape (every digit written ``0``): a shape's bits are the
#: bits of each number of that shape.
_SHAPE_BITS: dict[str, int] = {}
_DIGITS = str.maketrans("", "", "0123456789")
_ZEROS = str.maketrans("123456789", "000000000")


def _shape_is(pattern: patterns.TimedPattern, num: str) -> bool:
    """``pattern.fullmatch(num)`` for one of the shape patterns, cached by
    the number as written (each rule asks of the same numbers)."""
    bits = _NUM_BITS.get(num)
    if bits is None:
        bits = _shape_bits(num)
    return (bits & _SHAPE_BIT[pattern]) != 0


def _shape_bits(num: str) -> int:
    """Every shape pattern's verdict on ``num``, as bits.

    The shape patterns' only character tests are ``\\d`` and the literal
    separators, so a number of ASCII digits, ``.`` and ``,`` is judged from
    its separators, in order, and the lengths of its digit groups, in plain
    Python (no compile, no regex call: each test below says what its pattern
    says; tests/test_r5_numtxt.py compares them on every shape up to ten
    characters).  Any other number is asked of the patterns."""
    seps = num.translate(_DIGITS)
    if seps.strip(".,"):  # not only ASCII digits and separators
        bits = 0
        for i, (pattern, _) in enumerate(_SHAPE_TESTS):
            if pattern.fullmatch(num) is not None:
                bits |= 1 << i
        return bits  # (not kept: rare)
    shape = num.translate(_ZEROS)  # ~50 shapes cover the corpus' ~3,000 numbers
    bits = _SHAPE_BITS.get(shape)
    if bits is None:
        bits = 0
        lens = [len(g) for g in num.replace(",", ".").split(".")]
        if 0 not in lens:  # every pattern needs digits around each separator
            for i, (_, test) in enumerate(_SHAPE_TESTS):
                if test(seps, lens):
                    bits |= 1 << i
        if len(_SHAPE_BITS) > 4096:  # bounded: pathological numbers
            _SHAPE_BITS.clear()
        _SHAPE_BITS[shape] = bits
    if len(_NUM_BITS) > 16384:
        _NUM_BITS.clear()
    _NUM_BITS[num] = bits
    return bits


def _leading(seps: str, x: str, y: str) -> int:
    """``m`` when ``seps`` is ``x`` written ``m`` times, then ``y`` or
    nothing; else -1."""
    m = len(seps) - len(seps.lstrip(x))
    return m if m == len(seps) or seps[m:] == y else -1


def _multi(x: str, y: str) -> Callable[[str, list[int]], bool]:
    """``\\d{1,3}(?:X\\d{3}){2,}(?:Y\\d+)?``"""

    def test(seps: str, lens: list[int]) -> bool:
        m = _leading(seps, x, y)
        return m >= 2 and lens[0] <= 3 and all(n == 3 for n in lens[1 : m + 1])

    return test


def _mixed(x: str, y: str) -> Callable[[str, list[int]], bool]:
    """``\\d{1,3}X\\d{3}Y\\d+``"""
    return lambda seps, lens: seps == x + y and lens[0] <= 3 and lens[1] == 3


def _single(x: str) -> Callable[[str, list[int]], bool]:
    """``\\d{1,3}X\\d{3}``"""
    return lambda seps, lens: seps == x and lens[0] <= 3 and lens[1] == 3


def _decimal(x: str) -> Callable[[str, list[int]], bool]:
    """``\\d+X(?:\\d{1,2}|\\d{4,})``"""
    return lambda seps, lens: seps == x and lens[1] != 3


def _grouped(x: str, y: str, group: int | None) -> Callable[[str, list[int]], bool]:
    """``\\d{1,3}(?:X\\d+)+(?:Y\\d+)?``, or with ``\\d{3}`` groups after ``X``
    when ``group`` is 3."""

    def test(seps: str, lens: list[int]) -> bool:
        m = _leading(seps, x, y)
        return m >= 1 and lens[0] <= 3 and (group is None or all(n == 3 for n in lens[1 : m + 1]))

    return test


def _lakh(seps: str, lens: list[int]) -> bool:
    """``\\d{1,2}(?:,\\d{2})*,\\d{3}(?:\\.\\d+)?``"""
    m = _leading(seps, ",", ".")
    return m >= 1 and lens[0] <= 2 and all(n == 2 for n in lens[1:m]) and lens[m] == 3


def _word_after(t: NumToken) -> str:
    return t.suffix or t.next


def _counts(doc: Document, t: NumToken) -> bool:
    """The number is followed by what it counts (`4,044 pasang`, `19,876 wajib
    pajak`): a lower-case word that is not a unit, a magnitude, a time unit or a
    function word.  No decimal with three places counts people or things."""
    w = t.next
    if t.suffix or not w.isalpha() or w in COUNT_NOUNS:
        return w in COUNT_NOUNS
    if w in UNITS or w in PERCENT or w in MAGNITUDE or w in COORD or w in TIME_UNITS:
        return False
    if w in RATIO_WORDS:
        return False
    if w in FUNCTION_WORDS:
        return False
    return _char_after(doc.text, t.end).islower()


_SPACES = patterns.compile(r"[ \u00a0]*")


def _char_after(text: str, at: int) -> str:
    """The first character from ``at`` on that is not a space or no-break space."""
    i = _SPACES.match(text, at).end()
    return text[i : i + 1]


_LIST = patterns.compile(r",\s*\d|\s+(?:dan|atau|and|or)\s+\d")


def _is_list(t: NumToken) -> bool:
    """`1,2, dan 3` / `1.2 and 3`: an enumeration, not a number."""
    return _list_ahead(t.after + "  ")


#: ``regex``'s ``\\s`` on ASCII (Unicode White_Space: not U+001C-U+001F).
_ASCII_SPACE = frozenset(" \t\n\x0b\x0c\r")
_CHAR_IS = patterns.compile(r"(\s)|(\d)")
_CHAR_KIND: dict[str, int] = {}  # non-ASCII character -> 1 \s, 2 \d, 0 neither


def _kind(c: str) -> int:
    """1 when ``c`` is a ``\\s``, 2 a ``\\d``, else 0 (the classes are disjoint)."""
    if c.isascii():
        return 1 if c in _ASCII_SPACE else 2 if "0" <= c <= "9" else 0
    k = _CHAR_KIND.get(c)
    if k is None:
        if len(_CHAR_KIND) > 65_536:  # bounded, whatever the script
            _CHAR_KIND.clear()
        m = _CHAR_IS.match(c)
        k = _CHAR_KIND[c] = 0 if m is None else m.lastindex or 0
    return k


def _list_ahead(s: str) -> bool:
    """``_LIST.match(s)`` in plain Python (a timed call per number asked).

    ``,`` then white space then a digit; or white space, a conjunction,
    white space, a digit.  Each white-space run is taken whole: what
    follows it (a digit, a conjunction's letter) is never white space, so
    giving back a space cannot help; the conjunctions start with different
    letters but ``atau``/``and``, which differ at the second.
    tests/test_r5_numtxt.py compares."""
    n = len(s)
    if not n:
        return False
    if s[0] == ",":
        i = 1
        while i < n and _kind(s[i]) == 1:
            i += 1
        return i < n and _kind(s[i]) == 2
    i = 0
    while i < n and _kind(s[i]) == 1:
        i += 1
    if i == 0:
        return False
    for word in ("dan", "atau", "and", "or"):
        if s.startswith(word, i):
            j = i + len(word)
            k = j
            while k < n and _kind(s[k]) == 1:
                k += 1
            return k > j and k < n and _kind(s[k]) == 2
    return False


def _judged(t: NumToken) -> bool:
    """A quantity the separator rules judge (they loop over `grouped(doc)`, the
    numbers with a separator).  Ringgit amounts (`RM2.30`) follow Malaysian,
    English-like separators even when quoted in Indonesian copy.  Rules ask
    this last, once a number's digits and words would be reported: it may
    need the trap patterns."""
    return not (t.locale == "id" and t.currency.startswith("RM")) and t.quantity


# -- NUM001 ------------------------------------------------------------------------


@rule("NUM001", "thousands-separator-locale", severity="error", fix="safe")
def thousands_separator(doc: Document, rule: Rule) -> Iterator[Diagnostic]:
    """A number grouped with the other language's thousands separator.

    ## What it does
    In Indonesian (`id`) text, flags English grouping: `1,234,567` or
    `1,234.5`; in English (`en`) text, flags Indonesian grouping:
    `1.234.567` or `1.234,5`.  Two or more groups, or a group followed by a
    two-digit decimal part, leave no doubt and get a safe fix.  A single
    group (`4,044 pasang`, `US$ 1,870` in `id`; `4.044 people` in `en`) is
    flagged only before a counted noun or after a currency, with an unsafe
    fix: `3,125 persen` or `35,386 kg` are ordinary Indonesian decimals and
    are never flagged.  Times, dates, versions, IP addresses, phone and
    law numbers are masked first; an English quotation inside an Indonesian
    article is judged as English.

    ## Why it matters
    `1,234` is one thousand two hundred thirty-four to an English reader
    and one point two three four to an Indonesian one.  A number in the
    wrong convention is at best a style slip and at worst a wrong figure.

    ## Example
    ```text
    Jumlah pemilih mencapai 1,234,567 orang.          (id)
    Sebanyak 4,044 pasang sepatu diekspor.            (id, unsafe fix)
    The ministry counted 1.234.567 voters.            (en)
    The budget is Rp 2.165,5 trillion.                (en)
    ```

    ## Fixed
    ```text
    Jumlah pemilih mencapai 1.234.567 orang.
    Sebanyak 4.044 pasang sepatu diekspor.
    The ministry counted 1,234,567 voters.
    The budget is Rp 2,165.5 trillion.
    ```
    The separators are swapped.  `1,234.567` in `id` (or `1.234,567` in
    `en`) is reported without a fix: it may be a decimal or a typo for
    `1.234.567`.
    """
    known = _NUM_BITS.get
    for t in grouped(doc):
        # _shape_is's bits, read once per number: ~4 pattern questions each
        multi, mixed, single = _SHAPE_MASKS[t.locale]
        num = t.text
        bits = known(num)
        if bits is None:
            bits = _shape_bits(num)
        if bits & multi or (bits & mixed and len(_decimals(num)) <= 2):
            if not _judged(t):
                continue
            own, fixed = _LANG[t.locale], num.translate(_SWAP)
            yield rule.diagnostic(
                t.start,
                t.end,
                f"{num!r} uses {_LANG['en' if t.locale == 'id' else 'id']} separators;"
                f" in {own} text write {fixed!r}",
                Fix.replace(t.start, t.end, fixed, f"Write {fixed!r}"),
            )
        elif bits & mixed:
            if not _judged(t):
                continue
            own, fixed = _LANG[t.locale], num.translate(_SWAP)
            thousands = num.replace(",", "").replace(".", _SEP[t.locale][0])
            yield rule.diagnostic(
                t.start,
                t.end,
                f"{num!r} mixes separators the {'English' if t.locale == 'id' else 'Indonesian'}"
                f" way; in {own} text it is either {fixed!r} or {_group(thousands, t.locale)!r}",
            )
        elif bits & single and not _is_list(t):
            w = _word_after(t)
            if (
                (_counts(doc, t) and not num.startswith("0"))
                or (t.currency and w not in MAGNITUDE and w not in UNITS)
            ) and _judged(t):
                own, fixed = _LANG[t.locale], num.translate(_SWAP)
                yield rule.diagnostic(
                    t.start,
                    t.end,
                    f"{num!r} reads as a decimal in {own} text; if it means a whole"
                    f" number write {fixed!r}",
                    Fix.replace(t.start, t.end, fixed, f"Write {fixed!r}", UNSAFE),
                )


_SEPARATOR = patterns.compile(r"[.,]")


def _decimals(num: str) -> str:
    return _SEPARATOR.split(num)[-1]


def _group(digits: str, locale: str) -> str:
    """`4504787` -> `4.504.787` (id) / `4,504,787` (en)."""
    plain = digits.replace(".", "").replace(",", "")
    sep = _SEP[locale][0]
    head = len(plain) % 3 or 3
    parts = [plain[:head]] + [plain[i : i + 3] for i in range(head, len(plain), 3)]
    return sep.join(parts)


# -- NUM002 ------------------------------------------------------------------------

_ID_DECIMAL_POINT = patterns.compile(r"\d+\.(?:\d{1,2}|\d{4,})")
_EN_DECIMAL_COMMA = patterns.compile(r"\d+,(?:\d{1,2}|\d{4,})")
_MAGNITUDE_HEADS = frozenset("magnitudo m sr".split())


@rule("NUM002", "decimal-separator-locale", severity="error", fix="safe")
def decimal_separator(doc: Document, rule: Rule) -> Iterator[Diagnostic]:
    """A decimal written with the other language's separator.

    ## What it does
    In `id`, flags a decimal point in a quantity: before a percentage, a
    magnitude word, a unit or `poin` (`7.5 persen`, `3.18%`, `1.2 juta`,
    `7.5 ton`), after a currency (`Rp1.5 triliun`, `US$3.50`) or a quake
    magnitude (`magnitudo 5.6`).  In `en`, a decimal comma in the same
    places (`7,5 percent`, `1,5 billion`, `€3,50`).  A dot followed by
    exactly three digits is never a decimal in `id` (`4.044`, `USD2.372`);
    clock times (`pukul 10.30`), versions, section numbers and lists
    (`1,2 dan 3`) are skipped.

    ## Why it matters
    `7.5 persen` is English punctuation in an Indonesian sentence, and an
    Indonesian reader may take the dot for a thousands separator;
    `7,5 percent` reads as a list to an English one.

    ## Example
    ```text
    Inflasi turun menjadi 3.18 persen.     (id)
    Inflation fell to 3,18 percent.        (en)
    ```

    ## Fixed
    ```text
    Inflasi turun menjadi 3,18 persen.
    Inflation fell to 3.18 percent.
    ```
    Coordinates (`6.43 LS`) are reported with an unsafe fix: they usually
    come in pairs copied from a machine source, which an editor should fix
    together.
    """
    for t in grouped(doc):
        pattern = _ID_DECIMAL_POINT if t.locale == "id" else _EN_DECIMAL_COMMA
        if not _shape_is(pattern, t.text) or _is_list(t):
            continue
        w = _word_after(t)
        coord = w in COORD
        if not (
            t.currency
            or coord
            or w in PERCENT
            or w in MAGNITUDE
            or w in UNITS
            or t.prev in _MAGNITUDE_HEADS
        ) or not _judged(t):
            continue
        fixed = t.text.translate(_SWAP)
        yield rule.diagnostic(
            t.start,
            t.end,
            f"Decimal {t.text!r} uses the {'English' if t.locale == 'id' else 'Indonesian'}"
            f" separator; in {_LANG[t.locale]} text write {fixed!r}",
            Fix.replace(
                t.start,
                t.end,
                fixed,
                f"Write {fixed!r}",
                UNSAFE if coord or len(_decimals(t.text)) > 3 else Applicability.SAFE,
            ),
        )


# -- NUM003 ------------------------------------------------------------------------

_ID_GROUPED = patterns.compile(r"\d{1,3}(?:\.\d+)+(?:,\d+)?")
_EN_GROUPED = patterns.compile(r"\d{1,3}(?:,\d+)+(?:\.\d+)?")
_ID_WELL = patterns.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?")
_EN_WELL = patterns.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_LAKH = patterns.compile(r"\d{1,2}(?:,\d{2})*,\d{3}(?:\.\d+)?")


@rule("NUM003", "malformed-grouping", severity="error")
def malformed_grouping(doc: Document, rule: Rule) -> Iterator[Diagnostic]:
    """A grouped number whose digit groups are not groups of three.

    ## What it does
    Flags an amount with two or more thousands separators where a group
    after the first does not have three digits: `Rp1.000.00`,
    `12.34.567 orang` in `id`; `$1,000,00`, `12,34,5678 people` in `en`.
    Only quantities are judged (after a currency, or before a unit,
    percentage, magnitude word or counted noun), so versions (`MIUI
    14.0.6`), dates (`29.11.2026`), NPWP and letter numbers stay silent.
    Indian lakh grouping (`12,34,567`) is accepted in `en`.

    ## Why it matters
    `Rp2.850.00` is neither two thousand eight hundred fifty rupiah written
    properly (`Rp2.850,00`) nor two million eight hundred fifty thousand
    (`Rp2.850.000`): the reader cannot know which figure was meant.

    ## Example
    ```text
    Harga tiket Rp2.850.00 per orang.          (id)
    The ticket costs $1,000,00.                (en)
    ```

    ## Fixed
    ```text
    Harga tiket Rp2.850,00 per orang.
    The ticket costs $1,000.00.
    ```
    No automatic fix: only the author knows the amount.  The message
    suggests the likely reading.
    """
    for t in grouped(doc):
        shape, well = (_ID_GROUPED, _ID_WELL) if t.locale == "id" else (_EN_GROUPED, _EN_WELL)
        num = t.text
        thousands, decimal = _SEP[t.locale]
        if num.count(thousands) < 2 or not _shape_is(shape, num) or _shape_is(well, num):
            continue
        if t.locale == "en" and _shape_is(_LAKH, num):
            continue
        if not t.quantity_context or _is_list(t) or not _judged(t):
            continue
        head, _, tail = num.rpartition(thousands)
        hint = ""
        if len(tail) == 2 and well.fullmatch(head):
            hint = f"; did you mean {head + decimal + tail!r}?"
        elif len(tail) > 3 and well.fullmatch(head + thousands + tail[:3]):
            hint = f"; is {tail[3:]!r} (a list number?) glued to {head + thousands + tail[:3]!r}?"
        yield rule.diagnostic(
            t.start,
            t.end,
            f"{num!r} has digit groups that are not groups of three{hint}",
        )


# -- NUM004 ------------------------------------------------------------------------

_YEAR = {"id": patterns.compile(r"[12]\.\d{3}"), "en": patterns.compile(r"[12],\d{3}")}


def _is_year(num: str, locale: str) -> bool:
    """``_YEAR[locale].fullmatch(num)``; for an ASCII number (all but those
    with other decimal digits) in plain Python, where ``\\d`` is ``0-9``:
    ~900 timed calls per corpus lint.  tests/test_r5_numtxt.py compares."""
    if not num.isascii():
        return _YEAR[locale].fullmatch(num) is not None
    return len(num) == 5 and num[0] in "12" and num[1] == _SEP[locale][0] and num[2:].isdigit()


@rule("NUM004", "year-with-separator", severity="error", fix="safe")
def year_with_separator(doc: Document, rule: Rule) -> Iterator[Diagnostic]:
    """A calendar year written with a thousands separator.

    ## What it does
    Flags a year between 1000 and 2999 grouped like a quantity after
    `tahun`, `sejak`, `periode`, `TA` or a month name in `id` (`tahun
    2.024`, `Desember 2.023`), and after `year`, `since` or a month name in
    `en` (`since 2,019`).  A grouped number followed by a counted noun
    (`tahun ini 2.024 orang`) is a quantity and is not flagged.

    ## Why it matters
    Years are names, not amounts: EYD V (Tanda Titik 9) and every English
    style guide write them without a separator.  `tahun 2.024` usually
    comes from a template or a spreadsheet export that formatted every
    number.

    ## Example
    ```text
    Program ini berjalan sejak tahun 2.019.     (id)
    The law was passed in May 2,019.            (en)
    ```

    ## Fixed
    ```text
    Program ini berjalan sejak tahun 2019.
    The law was passed in May 2019.
    ```
    """
    for t in grouped(doc):
        if len(t.text) != 5 or not _is_year(t.text, t.locale):  # [12][.,]\d{3}
            continue
        if t.prev not in YEAR_WORDS:
            continue
        if t.currency or _word_after(t) in COUNT_NOUNS or _word_after(t) in UNITS:
            continue
        if not _judged(t):
            continue
        fixed = t.text.replace(".", "").replace(",", "")
        yield rule.diagnostic(
            t.start,
            t.end,
            f"Year {t.text!r} written with a thousands separator; write {fixed!r}",
            Fix.replace(t.start, t.end, fixed, f"Write {fixed!r}"),
        )


# -- NUM005 ------------------------------------------------------------------------

_UPPER_CONTEXT = patterns.compile(r"[^\W\d_]{2,}")


def _shouting(doc: Document, start: int, end: int) -> bool:
    """True inside all-caps text (a headline), where `RP` is not a slip."""
    words = _UPPER_CONTEXT.findall(doc.text, max(0, start - 40), min(len(doc.text), end + 40))
    words = [w for w in words if w not in ("RP", "Rp", "rp")]
    return bool(words) and all(w.isupper() for w in words)


@rule("NUM005", "rupiah-symbol-form", severity="warning", fix="safe")
def rupiah_symbol_form(doc: Document, rule: Rule) -> Iterator[Diagnostic]:
    """The rupiah symbol written as `Rp.`, `RP` or `rp`, or an amount ending in `,-`.

    ## What it does
    Flags `Rp.5.000`, `Rp. 5.000`, `Rp,5.000`, `RP5.000` and `rp5.000`
    (the symbol is `Rp`, with no dot: EYD V Singkatan 5, PUEBI II.H.5), and
    the old receipt tail `,-` after a rupiah amount (`Rp10.850,-`).
    All-caps headlines (`HARGA CABAI RP80.000`) are left alone.  Whether a
    space follows `Rp` is house style (NUM006), so the fix keeps the
    spacing as written.  Applies to both languages (English Indonesian
    media write `Rp` too).

    ## Why it matters
    `Rp.` reads as an abbreviation followed by a sentence end, and `Rp.5.000`
    glues a stray dot onto the number; both are the most common rupiah slips
    in Indonesian copy.

    ## Example
    ```text
    Harga bensin naik menjadi Rp.9.800 per liter.     (id)
    Tiket masuk Rp10.850,- per orang.                 (id)
    The fare rose to RP 10,000 last week.             (en)
    ```

    ## Fixed
    ```text
    Harga bensin naik menjadi Rp9.800 per liter.
    Tiket masuk Rp10.850 per orang.
    The fare rose to Rp 10,000 last week.
    ```
    """
    text = doc.text
    for t in after_currency(doc):
        sym = t.currency.rstrip(" \u00a0")
        if sym in ("Rp.", "Rp,", "RP", "RP.", "RP,", "rp", "rp.", "rp,") and t.quantity:
            if not (sym.startswith("RP") and _shouting(doc, t.cur_start, t.end)):
                space = t.currency[len(sym) :]
                end = t.cur_start + len(t.currency)
                yield rule.diagnostic(
                    t.cur_start,
                    end,
                    f"Rupiah symbol written {sym!r}; the symbol is 'Rp', without a dot",
                    Fix.replace(t.cur_start, end, "Rp" + space, "Write 'Rp'"),
                )
        if sym.lower().startswith("rp") and text.startswith(",-", t.end):
            if t.end + 2 < len(text) and text[t.end + 2].isdigit():
                continue
            yield rule.diagnostic(
                t.end,
                t.end + 2,
                f"Amount 'Rp{t.text},-' ends in ',-'; write the amount without it",
                Fix.replace(t.end, t.end + 2, "", "Delete ',-'"),
            )


# -- NUM006 (opt-in) -----------------------------------------------------------------


def _choices(options: dict, name: str, allowed: tuple[str, ...]) -> str:
    value = options[name]
    return value if value in allowed else allowed[0]


def _validate(allowed: dict[str, tuple[str, ...]]):
    def validate(options: dict) -> str | None:
        for key, values in allowed.items():
            if options.get(key) not in values:
                shown = ", ".join(repr(v) for v in values)
                return f"option {key!r} must be one of {shown}, got {options.get(key)!r}"
        return None

    return validate


@rule(
    "NUM006",
    "rupiah-spacing",
    severity="info",
    fix="safe",
    default=False,
    options={"rp-space": "none"},
)
def rupiah_spacing(doc: Document, rule: Rule) -> Iterator[Diagnostic]:
    """House style: a space, or none, between `Rp` and the amount.

    ## What it does
    With `rp-space = "none"` (EYD V and PUEBI, ANTARA, Bisnis), flags
    `Rp 5.000`; with `rp-space = "space"` (Kompas, Tempo, Kontan), flags
    `Rp5.000`.  Off by default: newsrooms split evenly and both are
    correct.  Enable it with `--extend-select NUM006` or in the config:

    ```toml
    [tool.newslint]
    extend-select = ["NUM006"]
    [tool.newslint.options.NUM006]
    rp-space = "space"          # or "none" (the default)
    ```

    ## Why it matters
    One article, one form: `Rp 120 ribu` next to `Rp140.000` looks like
    two copy desks.  Only the `Rp` symbol is judged; `Rp.` is NUM005's.

    ## Example
    ```text
    Harga cabai Rp 120 ribu per kilogram.      (id, rp-space = "none")
    The fare is Rp10,000.                      (en, rp-space = "space")
    ```

    ## Fixed
    ```text
    Harga cabai Rp120 ribu per kilogram.
    The fare is Rp 10,000.
    ```
    """
    want_space = _choices(rule.options, "rp-space", ("none", "space")) == "space"
    for t in after_currency(doc):
        if not t.currency.startswith("Rp"):
            continue
        sym = t.currency.rstrip(" \u00a0")
        if sym != "Rp":
            continue
        has_space = t.currency != sym
        gap = doc.text[t.cur_start + 2 : t.start]
        if has_space == want_space and (not want_space or gap in (" ", "\u00a0")):
            continue
        if not t.quantity:
            continue
        at = t.cur_start + 2
        if want_space:
            yield rule.diagnostic(
                t.cur_start,
                t.end,
                f"House style writes 'Rp {t.text}' with a space",
                Fix.replace(at, t.start, " ", "Insert a space after 'Rp'"),
            )
        else:
            yield rule.diagnostic(
                t.cur_start,
                t.end,
                f"House style writes 'Rp{t.text}' without a space (EYD V)",
                Fix.replace(at, t.start, "", "Delete the space after 'Rp'"),
            )


rupiah_spacing.validate_options = _validate({"rp-space": ("none", "space")})  # type: ignore[attr-defined]


# -- NUM007 (opt-in) -----------------------------------------------------------------

_PERCENT_WORD = {"id": "persen", "en": "percent"}
_PERCENT_AFTER = patterns.compile(r"[ \u00a0]+(?:persen|percent)\b", regex.I)


@rule(
    "NUM007",
    "percent-style",
    severity="info",
    fix="safe",
    default=False,
    options={"percent": "consistent"},
)
def percent_style(doc: Document, rule: Rule) -> Iterator[Diagnostic]:
    """House style: `persen`/`percent` or `%`, one form per article.

    ## What it does
    `percent = "consistent"` (the default when enabled) flags the less
    used form when an article mixes `3,8 persen` and `3,8%`;
    `percent = "word"` flags every `%` after a number; `percent = "symbol"`
    flags every `persen`/`percent`.  In every mode a space before `%`
    (`10 %`) is flagged: EYD V and AP both write `10%`.  Off by default;
    enable and configure it with:

    ```toml
    [tool.newslint]
    extend-select = ["NUM007"]
    [tool.newslint.options.NUM007]
    percent = "consistent"      # or "word", "symbol"
    ```

    ## Why it matters
    EYD V accepts both `5%` and `7 persen`, and AP switched to `%` in 2019,
    so the choice is the newsroom's; mixing them in one article is not.

    ## Example
    ```text
    Inflasi 3,8 persen, sedangkan suku bunga 6%, dan pajak 11 persen.   (id)
    Prices rose 10 % last year.                                          (en)
    ```

    ## Fixed
    ```text
    Inflasi 3,8 persen, sedangkan suku bunga 6 persen, dan pajak 11 persen.
    Prices rose 10% last year.
    ```
    """
    mode = _choices(rule.options, "percent", ("consistent", "word", "symbol"))
    text = doc.text
    found: list[tuple[NumToken, str, int, int]] = []  # token, form, span of the form
    for t in before_percent(doc):
        if t.next not in ("%", "persen", "percent") or not t.quantity:
            continue
        if t.next == "%":
            pct = text.index("%", t.end)
            found.append((t, "symbol", t.end, pct + 1))
        elif t.next in ("persen", "percent"):
            w = _PERCENT_AFTER.match(text[t.end : t.end + 12])
            if w:
                found.append((t, "word", t.end, t.end + w.end()))
    if mode == "consistent":
        words = sum(1 for f in found if f[1] == "word")
        symbols = len(found) - words
        target = "word" if words > symbols else "symbol" if symbols > words else None
    else:
        target = mode
    for t, form, s, e in found:
        if form == "symbol" and e - s > 1:
            yield rule.diagnostic(
                t.start,
                e,
                f"Space before '%' in '{text[t.start : e]}'; write '{t.text}%'",
                Fix.replace(s, e, "%", "Delete the space before '%'"),
            )
            continue
        if target is None or form == target:
            continue
        if target == "word":
            new = f" {_PERCENT_WORD[t.locale]}"
            msg = f"'{t.text}%': this article writes '{_PERCENT_WORD[t.locale]}'"
        else:
            new = "%"
            msg = f"'{text[t.start : e]}': this article writes '%'"
        yield rule.diagnostic(t.start, e, msg, Fix.replace(s, e, new, f"Write {new.strip()!r}"))


percent_style.validate_options = _validate({"percent": ("consistent", "word", "symbol")})  # type: ignore[attr-defined]


# -- NUM008 (opt-in) -----------------------------------------------------------------

_SMALL = {
    "id": "satu dua tiga empat lima enam tujuh delapan sembilan".split(),
    "en": "one two three four five six seven eight nine".split(),
}
_SPELL_NOUNS = COUNT_NOUNS | {"kali", "times"}


@rule("NUM008", "spell-out-small-numbers", severity="info", fix="unsafe", default=False)
def spell_out_small_numbers(doc: Document, rule: Rule) -> Iterator[Diagnostic]:
    """House style: a number below ten written in digits in running text.

    ## What it does
    Flags a single digit 1–9 before a counted noun (`3 orang`, `5 kali`,
    `3 children`), the numbers EYD V (Angka dan Bilangan 2: "dapat
    dinyatakan dengan satu kata") and AP spell out.  Skipped: a sentence
    holding other numbers (EYD's *perincian*: `72 anggota, 52 orang setuju,
    5 orang abstain`), measures, money, percentages, times and dates,
    `No. 5`, designators (`Liga 1`, `5G`).  Off by default: many newsrooms
    keep digits.

    ## Why it matters
    `tiga orang` and `three children` are what the style guides ask for;
    digits in prose look like notes that were never edited.

    ## Example
    ```text
    Polisi menangkap 3 orang tersangka.        (id)
    She has 3 children.                        (en)
    ```

    ## Fixed
    ```text
    Polisi menangkap tiga orang tersangka.
    She has three children.
    ```
    The fix is unsafe (`--unsafe-fixes`): spelling out may clash with a
    sentence the rule could not see as a list.
    """
    text = doc.text
    numbers = tokens(doc)
    for t in numbers:
        if len(t.text) != 1 or t.text == "0" or t.currency:
            continue
        noun = _char_after(text, t.end)
        if (
            t.next not in _SPELL_NOUNS
            or t.suffix
            or noun.isupper()
            or text[t.start - 1 : t.start] in ("-", "(", "–")
            or not t.quantity
        ):
            continue
        begin, end = _sentence(text, t.start)
        if any(
            u is not t and begin <= u.start < end and (u.quantity or u.mask == "designator")
            for u in numbers
        ):
            continue  # perincian: numbers in a row stay digits
        word = _SMALL[t.locale][int(t.text) - 1]
        if not text[begin : t.start].strip(" \t\"“'‘("):
            word = word.capitalize()
        yield rule.diagnostic(
            t.start,
            t.end,
            f"Spell out {t.text!r} in running text: {word!r}",
            Fix.replace(t.start, t.end, word, f"Write {word!r}", UNSAFE),
        )


_SENTENCE_END = patterns.compile(r"[!?\n]|\.(?!\d)")


def _sentence(text: str, at: int) -> tuple[int, int]:
    """Bounds of the sentence holding offset ``at`` (a dot between digits is no end)."""
    begin = max(0, at - 400)
    for m in _SENTENCE_END.finditer(text, begin, at):
        begin = m.end()
    m = _SENTENCE_END.search(text, at)
    return begin, (m.start() if m else len(text))


#: The shape patterns ``_shape_is`` answers, each with its test in plain
#: Python on (separators, group lengths).
_SHAPE_TESTS: list[tuple[patterns.TimedPattern, Callable[[str, list[int]], bool]]] = [
    (_SHAPES["id"][0], _multi(",", ".")),
    (_SHAPES["id"][1], _mixed(",", ".")),
    (_SHAPES["id"][2], _single(",")),
    (_SHAPES["en"][0], _multi(".", ",")),
    (_SHAPES["en"][1], _mixed(".", ",")),
    (_SHAPES["en"][2], _single(".")),
    (_ID_DECIMAL_POINT, _decimal(".")),
    (_EN_DECIMAL_COMMA, _decimal(",")),
    (_ID_GROUPED, _grouped(".", ",", None)),
    (_EN_GROUPED, _grouped(",", ".", None)),
    (_ID_WELL, _grouped(".", ",", 3)),
    (_EN_WELL, _grouped(",", ".", 3)),
    (_LAKH, _lakh),
]
_SHAPE_BIT = {pattern: 1 << i for i, (pattern, _) in enumerate(_SHAPE_TESTS)}
#: NUM001's three shapes per locale as ``_SHAPE_BIT`` masks.
_SHAPE_MASKS = {locale: tuple(_SHAPE_BIT[p] for p in shapes) for locale, shapes in _SHAPES.items()}
