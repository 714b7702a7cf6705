"""The number tokenizer shared by every NUM rule.

One pass per document finds each run of digits joined by ``.`` or ``,``
(``4.044``, ``1,234,567``, ``7,5``).  Each number's context (currency before
it, the word or symbol after it, the word before it, a glued suffix) tells
whether it is a *quantity* the separator rules may judge, or something that
only looks like one (a time, a date, a version, an IP address, a phone
number, a law's number, a designator such as ``G20``), which is *masked*
with the reason.  The scan is cached on the document, so all NUM rules share
it.

Context is worked out lazily, per number and per property, because most
numbers in news are never judged: a rule first tests what is cheap (the
digits, the locale, the word after) and asks whether the number is a
quantity, which may need the trap patterns, only for a number it would
report.  Every property is computed once and is the same whichever order it
is asked in.

Locale is per token: the document's language, except inside a quotation
whose own words are clearly in the other language (``"The economy grew 5.2
percent," kata Menkeu`` is judged as English).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from functools import cache
from itertools import repeat

import regex

from newslint import patterns
from newslint.document import _LOWER_LETTERS_ONLY, Document, _ascii_words, _cached

# -- word lists -------------------------------------------------------------------

CURRENCY_SYMBOLS = "Rp RP rp IDR USD US$ S$ SGD A$ AUD HK$ EUR € £ GBP ¥ JPY RM CNY RMB ₹ $".split()
CURRENCY = patterns.compile(
    r"(?<![^\W\d_])(?P<sym>"
    + "|".join(regex.escape(sym) for sym in CURRENCY_SYMBOLS)
    + r")(?P<punct>[.,]?)(?P<space>[ \u00a0]?)$"
)

MAGNITUDE = frozenset(
    "ribu rb juta jt miliar milyar milyard triliun trilyun thousand million billion trillion "
    "mn bn t k".split()
)
PERCENT = frozenset("% persen percent pct prosen".split())
UNITS = frozenset(
    """kg kilogram gram gr g ton tonne tonnes tons kuintal ons ounce ounces km kilometer
    kilometre kilometers kilometres m meter metre meters metres cm mm mil mile miles ha
    hektare hektar acre acres liter litre liters litres l ml barel barrel barrels mw kw kwh
    gw gwh mwh watt volt inci inch inches derajat degrees degree poin point points
    sr magnitudo knot knots gb tb mb mah feet ft foot pounds lbs mph kph celsius
    fahrenheit tahun years year bulan months kubik persegi hz khz mhz ghz kbps mbps gbps
    kb byte bytes ppm ppb mg mcg µg dl mmol kkal kcal kalori calories desibel db lux psi bar
    pascal mmbtu mmscfd bopd bwpd troy karat carat lot sen cent cents basis bps""".split()
) | frozenset(  # SI-prefixed power, energy and data units: megawatt, gigawatts, terabyte
    p + u
    for p in ("kilo", "mega", "giga", "tera")
    for u in ("watt", "watts", "byte", "bytes", "hertz", "liter", "litre", "meter", "metre")
)
# `1,125 kali` is a decimal ratio; but `12.12 kali ini` ("this time") is no unit
RATIO_WORDS = frozenset("kali lipat fold times x".split())
TIME_UNITS = frozenset(
    "detik menit jam hari pekan minggu seconds second minutes minute hours hour days".split()
)
# Words that may follow a number without being what it counts.
FUNCTION_WORDS = frozenset(
    """dan atau per pada di ke dari yang hingga sampai untuk dengan dalam itu ini sedangkan
    serta sementara namun menjadi adalah ialah sejak oleh bagi terhadap lebih kurang hanya
    saja pun juga akan telah sudah masih dinilai disebut atas antara sebesar sebanyak setara
    senilai naik turun atau sekitar selama seperti bila jika kalau karena tersebut lalu kemudian
    and or to in of from a an the on at for with by as than up down is are was were be been
    against compared each apiece while but so since after before over under about around""".split()
)
COORD = frozenset("ls lu bt bb lintang bujur °".split())
COUNT_NOUNS = frozenset(
    """orang warga jiwa penduduk pasang unit ekor kasus rumah kendaraan peserta pemilih
    siswa murid mahasiswa pekerja karyawan buruh pasien korban lembar buah batang butir
    kursi suara personel petugas anggota keluarga kk desa sekolah pohon bibit dosis paket
    pengunjung penumpang wisatawan pelanggan nasabah guru prajurit tentara polisi relawan
    pengungsi bayi anak pelajar pendaftar penonton atlet tersangka narapidana pegawai
    pelamar akun perusahaan kapal mobil motor sepeda toko gerai pelaku tiket eksemplar
    people persons residents voters votes cases units homes houses households students
    pupils workers employees patients victims vehicles cars members families schools trees
    doses jobs troops soldiers deaths visitors tourists passengers participants children
    women men refugees seats villages companies customers users followers fans spectators
    infections pairs copies tickets""".split()
)
MONTHS = frozenset(
    """januari februari maret april mei juni juli agustus september oktober november
    desember jan feb mar apr jun jul agu agt aug sep sept okt oct nov des dec january
    february march may june july august october december""".split()
)
YEAR_WORDS = frozenset("tahun sejak periode ta year since".split()) | MONTHS

# -- masks: spans that contain digits but no quantity ---------------------------------

_CLOCK = r"(?:[01]?\d|2[0-4])[.:][0-5]\d(?:[.:][0-5]\d)?"
_ZONE = (
    r"(?:WIB|WITA|Wita|WIT|GMT|UTC|waktu\s+setempat|pagi|siang|sore|malam|dini\s+hari|"
    r"a\.m\.|p\.m\.|am|pm)\b"
)
_QUANTITY_AHEAD = r"(?!\s*(?:%|persen\b|percent\b|poin\b|juta\b|miliar\b|triliun\b))"

_B = r"(?<![\w.,])"  # a numeric mask starts and ends with a whole number
_E = r"(?![\w]|[.,]\d)"

_MASKS = patterns.compile(
    rf"""(?x)
      (?P<time>(?i:\b(?:pukul|pkl\.?|pk\.|jam)\s*){_CLOCK}
        (?:\s*(?:[-–—]|s\.?d\.?|sampai|hingga)\s*{_CLOCK})?
      | \b{_CLOCK}(?:\s*(?:[-–—]|s\.?d\.?|sampai|hingga)\s*{_CLOCK})?(?=\s*{_ZONE})
      | (?i:\b(?:sejak|hingga|sampai|mulai|sekitar|antara|at)\s+){_CLOCK}\b{_QUANTITY_AHEAD})
    | (?P<date>{_B}\d{{1,2}}([./-])\d{{1,2}}\g{{-1}}\d{{2,4}}{_E}
      | {_B}(?:19|20)\d\d([./-])\d{{1,2}}\g{{-1}}\d{{1,2}}{_E})
    | (?P<npwp>{_B}\d{{2}}\.\d{{3}}\.\d{{3}}\.\d-\d{{3}}\.\d{{3}}{_E})
    | (?P<ip>{_B}(?:\d{{1,3}}\.){{3}}\d{{1,3}}{_E})
    | (?P<phone>(?:\+62|{_B}0)\d{{1,4}}(?:[ -]?\d{{3,4}}){{1,3}}{_E} | \(0\d{{2,3}}\)\s?\d{{3,4}}[ -]?\d{{3,4}})
    | (?P<version>(?i:\b(?:versi|version|ver\.?|v|update|rilis|release|android|ios|ipados|macos
        |windows|python|php|java|web|html|bluetooth|usb|wi-?fi|linux|ubuntu|chrome|firefox
        |miui|hyperos|coloros|emui|harmonyos|kernel|firmware|bios|industri|industry|society)\s?)
        \d+(?:\.\d+)+)
    | (?P<section>(?i:\b(?:tabel|gambar|grafik|bagan|bab|butir|subbab|lampiran|pasal|ayat
        |table|figure|fig\.|section|chapter|article)\s+)\d+(?:\.\d+)+)
    | (?P<ident>(?:\b(?i:nomor|nomer|no\.?|nrp|nip|nik|npwp|nisn|kode|ktp|isbn|issn|rekening|rek\.
        |hlm\.?|halaman|page|kav\.?|km\.|lt\.|blok|gg\.|jl\.|jalan|pasal|ayat|uu|perpres|perppu
        |permen\w*|perda|pergub|perwali|perbup|keppres|kepmen\w*|inpres|putusan|nopol)
        |\b(?:ID|SE|SK|PP|RT|RW|KM))\s*[:.]?\s*\d[\d.,/-]*\d?)
    """
)


_NUMBER = patterns.compile(r"(?<!\d)\d+(?:[.,]\d+)*")
_WORD_AFTER = patterns.compile(r"[ \u00a0]*(%|°|[^\W\d_]+)")
_WORD_BEFORE = patterns.compile(r"([^\W\d_]+)\.?[ \u00a0(]*$")
_GLUED = patterns.compile(r"-an\b|[^\W\d_]+")
_QUOTES = patterns.compile(r"“[^”\n]{8,1500}”|\"[^\"\n]{8,1500}\"")
_QUOTE_CLOSE = {"“": "”", '"': '"'}


def _quote_spans(text: str) -> list[tuple[int, int]]:
    """``[m.span() for m in _QUOTES.finditer(text)]`` by ``str.find`` (the
    regex scans every character at ~8 ns; quote marks are a few per article).

    A match starts at an opening mark; its run excludes the closing mark and
    ``\n``, so it can only end at the first closing mark or line break after
    the opener: a match exactly when that is a closing mark with 8 to 1,500
    characters between.  Openers are tried in order, from the end of the
    last match on, as ``finditer`` does (tests/test_perf_num2.py compares)."""
    find = text.find
    starts = []
    for mark in _QUOTE_CLOSE:
        i = find(mark)
        while i != -1:
            starts.append(i)
            i = find(mark, i + 1)
    starts.sort()
    found: list[tuple[int, int]] = []
    resume = 0
    for p in starts:
        if p < resume:
            continue
        hi = p + 1502  # the 1,500th run character is at p + 1500, its closer at p + 1501
        close = find(_QUOTE_CLOSE[text[p]], p + 1, hi)
        if close == -1:
            continue
        if find("\n", p + 1, close) != -1 or close - p - 1 < 8:
            continue
        found.append((p, close + 1))
        resume = close + 1
    return found


# key:value without a space (`Mag:5.0`, `Lok:4.48LS`): text pasted from a feed
_MACHINE = patterns.compile(r"[^\W\d_]{2,}:\d")
_QWORD = patterns.compile(r"[^\W\d_]+")
_QUOTE_ID = frozenset(
    "yang dan di ini itu dengan untuk dari dalam tidak akan pada juga ke karena oleh ada "
    "adalah kami kita persen sudah telah bisa harus".split()
)
_QUOTE_EN = frozenset(
    "the and of to in is that for it was on with as by are be at from this have has will "
    "we our percent would not".split()
)


#: A word's weight in one sum for both counts (the lists are disjoint).
_QUOTE_WEIGHT = {
    w.encode(): n for words, n in ((_QUOTE_ID, 1), (_QUOTE_EN, 1 << 20)) for w in words
}


def _quote_language(text: str, start: int = 0, end: int | None = None) -> str | None:
    """``id``, ``en`` or None (undecided) for the words of ``text[start:end]``."""
    stop = len(text) if end is None else end
    # _QWORD is Document's word pattern: its words as bytes when that is exact
    words = _ascii_words(text[start:stop], _LOWER_LETTERS_ONLY)
    if words is not None:
        both = sum(map(_QUOTE_WEIGHT.get, words, repeat(0)))
        ids, ens = both & ((1 << 20) - 1), both >> 20
    else:
        ids = ens = 0
        for w in _QWORD.findall(text, start, stop):
            w = w.lower()
            if w in _QUOTE_ID:
                ids += 1
            elif w in _QUOTE_EN:
                ens += 1
    if ens >= 2 and ens > 2 * ids:
        return "en"
    if ids >= 2 and ids > 2 * ens:
        return "id"
    return None


_MARGIN = 60  # a trap pattern reaches at most this far from the number it masks
# a URL, e-mail, hashtag, handle or file name: judged on the chunk holding the number
_URLISH = patterns.compile(
    r"://|@|^www\.|^#|\.(?:com|id|net|org|go|ac|co|io|tv|pdf|jpe?g|png|html?|php|xlsx?|docx?)\b"
)
_CHUNK_END = patterns.compile(r"\s")
# The last character of each currency symbol: `CURRENCY` can only match when
# one of them is among the four characters before a number (the symbol, then
# at most a dot or comma, a space and a final newline before `$`).
_CURRENCY_LAST = frozenset(sym[-1] for sym in CURRENCY_SYMBOLS)


def _may_follow_currency(text: str, s: int) -> bool:
    """Whether ``CURRENCY`` can match just before offset ``s``: a match ends
    at ``s`` (or before a final line break there) with a symbol, then at
    most one ``.``/``,`` and one space; so the symbol's last character is
    one of the three characters this looks at.  (A necessary condition,
    tighter than "among the four characters before": half the candidates
    go.)"""
    ends = (s, s - 1) if s and text[s - 1] == "\n" else (s,)
    for end in ends:
        if end < 1:
            continue
        c = text[end - 1]
        if c in _CURRENCY_LAST:
            return True
        if end >= 2 and c in "., \u00a0":
            c2 = text[end - 2]
            if c2 in _CURRENCY_LAST:
                return True
            if end >= 3 and c in " \u00a0" and c2 in ".," and text[end - 3] in _CURRENCY_LAST:
                return True
    return False


# The symbols by their last character, each with its place in CURRENCY's
# alternation (the first alternative that matches at a start wins).
_SYMBOLS_BY_LAST: dict[str, list[tuple[int, str]]] = {}
for _k, _sym in enumerate(CURRENCY_SYMBOLS):
    _SYMBOLS_BY_LAST.setdefault(_sym[-1], []).append((_k, _sym))
_LETTER = patterns.compile(r"[^\W\d_]")
_IS_LETTER: dict[str, bool] = {}


def _currency_before(text: str, s: int) -> tuple[str, int]:
    """``CURRENCY.search(text, max(0, s - 7), s)`` as (match, start), or
    ("", -1), in plain Python (~1,700 timed regex calls per corpus lint).

    A match is a symbol, at most one ``.``/``,``, at most one space, then
    ``$``: the end ``s``, or a line break just before it.  The tail after
    the symbol has one parse (a dot or comma is never a space or a line
    break), so each way the text before ``s`` can end such a tail gives
    where a symbol must end; the symbols ending there are read off their
    last character.  Of the matches, ``search`` returns the leftmost, and at
    one start the first alternative: the smallest (start, place).  The
    look-behind (no letter before the symbol) is asked of the regex itself,
    once per character.  tests/test_perf_num4.py compares it with the
    regex."""
    lo = max(0, s - 7)
    ends = [s]
    if s and text[s - 1] == "\n":
        ends.append(s - 1)
    best: tuple[int, int, str] | None = None
    for t in ends:
        cands = [t]
        if t - 1 >= lo:
            c = text[t - 1]
            if c in ".,":
                cands.append(t - 1)
            elif c in " \u00a0":
                cands.append(t - 1)
                if t - 2 >= lo and text[t - 2] in ".,":
                    cands.append(t - 2)
        for e in cands:
            if e <= lo:
                continue
            syms = _SYMBOLS_BY_LAST.get(text[e - 1])
            if syms is None:
                continue
            for k, sym in syms:
                i = e - len(sym)
                if i < lo or not text.startswith(sym, i):
                    continue
                if i and _is_letter(text[i - 1]):
                    continue
                if best is None or (i, k) < best[:2]:
                    best = (i, k, sym)
    if best is None:
        return "", -1
    i = best[0]
    # the match runs to the end of the tail (the `$` is zero-width)
    j = i + len(best[2])
    if j < s and text[j] in ".,":
        j += 1
    if j < s and text[j] in " \u00a0":
        j += 1
    return text[i:j], i


def _is_letter(c: str) -> bool:
    """``_LETTER.match(c)`` for one character: an ASCII one by ``isalpha``
    (the same on ASCII), any other asked of the pattern once."""
    if c.isascii():
        return c.isalpha()
    letter = _IS_LETTER.get(c)
    if letter is None:
        if len(_IS_LETTER) > 65_536:  # bounded, whatever the script
            _IS_LETTER.clear()
        letter = _IS_LETTER[c] = _LETTER.match(c) is not None
    return letter


def _word_after(text: str, e: int) -> str:
    """``_WORD_AFTER.match(text, e).group(1).lower()``, or "" without a match,
    in plain Python (a timed regex call per number asked).  Spaces and
    no-break spaces are skipped; then `%`, `°` or a run of letters (neither
    is a letter, and a space is neither, so backtracking over the spaces
    finds nothing else).  tests/test_perf_num4.py compares it."""
    n = len(text)
    while e < n and text[e] in " \u00a0":
        e += 1
    if e == n:
        return ""
    c = text[e]
    if c == "%" or c == "°":
        return c
    j = e
    while j < n and _is_letter(text[j]):
        j += 1
    return text[e:j].lower()


def _word_before(text: str, before: int) -> str:
    """``_WORD_BEFORE.search(text, max(0, before - 30), before).group(1).lower()``,
    or "" without a match, in plain Python (a timed search over 30
    characters per number asked, ~10 µs each).

    A match ends at ``$``: ``before``, or ``before - 1`` when that is a line
    break (``$`` also matches before a final ``\n``; the break is in no class
    of the pattern, so no match ends at ``before`` then).  Reading back from
    there, the tail ``[ \u00a0(]*`` is the whole run of those characters
    (the character before it is a dot or a letter, neither in the run), then
    a dot if there is one (a dot is no letter), then the letters; the
    leftmost start is the first letter of that run, not before the window.
    tests/test_r5_numtxt.py compares it with the regex."""
    lo = before - 30 if before > 30 else 0
    end = before - 1 if before and text[before - 1] == "\n" else before
    while end > lo and text[end - 1] in " \u00a0(":
        end -= 1
    if end > lo and text[end - 1] == ".":
        end -= 1
    start = end
    while start > lo and _is_letter(text[start - 1]):
        start -= 1
    return text[start:end].lower() if start < end else ""


# The numbers the default rules look at, found without visiting the others:
# one with a separator, or a plain one with the last character of a currency
# symbol among the four characters before it.  A _NUMBER match starts at a
# digit that does not continue a number (no digit, nor a digit and `.` or `,`,
# just before it), so the spans are the ones _NUMBER gives.
_LAST_CLASS = "".join(regex.escape(c) for c in sorted(_CURRENCY_LAST))
_JUDGEABLE = patterns.compile(
    r"\d(?<!\d\d|\d[.,]\d)"  # a digit that starts a number
    r"(?:\d*+(?:[.,]\d++)++"  # with a separator
    rf"|(?<=[{_LAST_CLASS}](?s:.){{0,3}}\d)\d*+)"  # plain, after a currency's last character
)

# _JUDGEABLE's numbers without the regex scan (~2x faster).  The text is
# written one byte per character (latin-1, `?` for any other character: the
# offsets stay) and mapped to a few classes: `0` a digit, `.` a separator,
# `c` maybe the last character of a currency symbol (any of them below
# U+0100, and `?`), ` ` a space or no-break space, `n` a line break, `x` the
# rest.  Exact when every character ``\d`` matches is an ASCII digit
# (checked first, per character, by the pattern itself): a number with a
# separator holds `0.0`; a plain number that _may_follow_currency accepts
# ends one of _AFTER_CUR_SOURCE's shapes (see there); each candidate is then
# checked on the text as the scan would.
_ZERO, _DOT, _CUR = 0x30, 0x2E, 0x63


def _class_table() -> bytes:
    table = bytearray(b"x" * 256)
    for c in b"0123456789":
        table[c] = _ZERO
    table[ord(".")] = table[ord(",")] = _DOT
    for ch in _CURRENCY_LAST:
        if ord(ch) < 256:
            table[ord(ch)] = _CUR
    table[ord("?")] = _CUR  # stands for every character beyond latin-1 (`€`, `₹`)
    table[ord(" ")] = table[0xA0] = ord(" ")
    table[ord("\n")] = ord("n")
    return bytes(table)


_CLASSES = _class_table()
# _may_follow_currency's shapes, a symbol's last character `c` to the digit:
# `c0`, `c.0`, `c 0`, `c. 0`, and with a line break before the digit `cn0`,
# `c.n0`, `c n0`, `c. n0`.  No repetition: a linear `re` scan (see patterns).
_AFTER_CUR_SOURCE = rb"c(?:0|[. n]0|\.[ n]0|[. ]n0|\. n0)"
# The same shapes read backwards, digit first, searched in the reversed
# classes: `re` stops at each byte its literal prefix names, and digits are
# rarer than `c` (`p` of `Rp` is a common letter; 48,000 against 128,000 in
# the corpus).  Between a symbol's `c` and its digit there is no `c` nor
# digit, so each digit ends at most one shape and no two shapes share a
# `c`: both scans find the same digits (tests/test_r5_numtxt.py compares).
_AFTER_CUR_REVERSED = rb"0(?:c|[. n]c|[ n]\.c|n[. ]c|n \.c)"


@cache
def _after_cur() -> re.Pattern[bytes]:
    """Compiled on first use (start-up); tests/test_perf_num2.py checks that
    the pattern has no repetition."""
    return re.compile(_AFTER_CUR_REVERSED)


_ASCII = bytes(range(128))
_DIGIT = patterns.compile(r"\d")
_IS_DIGIT: dict[str, bool] = {}  # non-ASCII character -> matched by \d


def _digits_are_ascii(text: str) -> bool:
    r"""True when no character of ``text`` beyond ASCII is a ``\d``."""
    if text.isascii():
        return True
    rest = text.encode("utf-8", "surrogatepass").translate(None, _ASCII)
    for c in set(rest.decode("utf-8", "surrogatepass")):
        digit = _IS_DIGIT.get(c)
        if digit is None:
            if len(_IS_DIGIT) > 65_536:  # bounded, whatever the script
                _IS_DIGIT.clear()
            digit = _IS_DIGIT[c] = _DIGIT.fullmatch(c) is not None
        if digit:
            return False
    return True


def _judgeable(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The numbers with a separator and those _may_follow_currency accepts,
    as _JUDGEABLE finds them (tests/test_perf_num2.py compares)."""
    if not _digits_are_ascii(text):
        return _judgeable_by_regex(text)
    cls = text.encode("latin-1", "replace").translate(_CLASSES)
    n = len(cls)
    grouped: list[tuple[int, int]] = []
    near: list[tuple[int, int]] = []
    i = cls.find(b"0.0")
    while i != -1:
        s = i  # back to the number's first digit (_JUDGEABLE's start)
        while s and (cls[s - 1] == _ZERO or (cls[s - 1] == _DOT and s > 1 and cls[s - 2] == _ZERO)):
            s -= 1
        e = i + 3  # on over digits and separators followed by a digit
        while e < n and (cls[e] == _ZERO or (cls[e] == _DOT and e + 1 < n and cls[e + 1] == _ZERO)):
            e += 1
        grouped.append((s, e))
        # _may_follow_currency needs a symbol's last character among the
        # four before `s`: each is a `c` in the classes
        if cls.find(b"c", s - 4 if s > 4 else 0, s) != -1 and _may_follow_currency(text, s):
            near.append((s, e))
        i = cls.find(b"0.0", e)
    plain = []
    last = n - 1
    for s in reversed([last - m.start() for m in _after_cur().finditer(cls[::-1])]):
        if s and (cls[s - 1] == _ZERO or (cls[s - 1] == _DOT and s > 1 and cls[s - 2] == _ZERO)):
            continue  # not the start of a number
        e = s + 1
        while e < n and cls[e] == _ZERO:
            e += 1
        if e + 1 < n and cls[e] == _DOT and cls[e + 1] == _ZERO:
            continue  # a number with a separator: seen above
        if _may_follow_currency(text, s):
            plain.append((s, e))
    if plain:
        near = sorted(near + plain)
    return grouped, near


def _judgeable_by_regex(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    grouped: list[tuple[int, int]] = []
    near: list[tuple[int, int]] = []
    for m in _JUDGEABLE.finditer(text):
        s = m.start()
        num = m.group()
        if "." not in num and "," not in num:
            if _may_follow_currency(text, s):
                near.append(m.span())
            continue
        grouped.append(m.span())
        if _may_follow_currency(text, s):
            near.append(m.span())
    return grouped, near


# A number followed by `%`, `persen` or `percent` (after spaces, if any): the
# only numbers whose `next` can be a percent sign or word.
_BEFORE_PERCENT = patterns.compile(
    r"\d(?<!\d\d|\d[.,]\d)\d*+(?:[.,]\d++)*+(?=[ \u00a0]*+(?:%|(?i:persen|percent)))"
)


_CHUNK_REACH = 500  # a URL or file name longer than this is not looked at whole


def _urlish(text: str, s: int, e: int) -> bool:
    """True when the white-space-delimited chunk holding ``s:e`` is a URL,
    e-mail, handle or file name (bounded: linear on a single-line article)."""
    lo = max(0, s - _CHUNK_REACH)
    a = max(text.rfind(" ", lo, s), text.rfind("\n", lo, s), text.rfind("\t", lo, s), lo - 1) + 1
    hi = min(len(text), e + _CHUNK_REACH)
    m = _CHUNK_END.search(text, e, hi)
    return bool(_URLISH.search(text[a : m.start() if m else hi]))


def _needs_masks(text: str, s: int, e: int) -> bool:
    """Only numbers a rule can judge need the trap patterns: with a separator,
    after a currency, before a percent, or a single digit.  (The definition;
    _NEEDY finds the same numbers in one pass.)"""
    if e - s == 1 or not text[s:e].isdigit():
        return True
    before = text[max(0, s - 4) : s]
    return (
        any(c in before for c in "pP$€£¥") or "%" in text[e : e + 2] or "persen" in text[e : e + 8]
    )


# The numbers _needs_masks accepts, found in one pass (a number starts as in
# _JUDGEABLE; tests/test_numbers_scan.py compares the two).
_NEEDY = patterns.compile(
    r"\d(?<!\d\d|\d[.,]\d)"  # a digit that starts a number
    r"(?:\d*+(?:[.,]\d++)++"  # with a separator
    r"|(?![.,]?\d)"  # a single digit
    r"|(?<=[pP$€£¥](?s:.){0,3}\d)\d*+"  # after one of pP$€£¥
    r"|\d*+(?=(?s:.)?%|(?s:.){0,2}persen))"  # before a percent
)

_PER_WORD = patterns.compile(r"/([^\W\d_]+)")


def _per_unit(text: str, at: int) -> str | None:
    """The unit of `6.550/liter`, `150 km/jam` style rates, else None."""
    m = _PER_WORD.match(text, at)
    if m and m.group(1).islower():
        return m.group(1)
    return None


# Where a trap can start.  Every _MASKS alternative starts at a word boundary
# with `0` or with at most four digits and `.`, `:`, `/` or `-` (phones,
# times, dates, IP and NPWP numbers), with `+` or `(` (phones), or with a
# keyword at a word boundary (`pukul`, `versi`, `Nomor`, `Jl.`, `Wi-Fi`,
# `Permendagri` ...).  What a keyword match holds before its first digit is
# word characters other than digits, `.` and `-`, then white space, `:` or
# `.`: so it starts at a word start inside such a run that ends just before a
# digit.  _KEYWORD_RUN finds those runs, matching backwards from each digit.
# A new _MASKS alternative must start in one of these ways
# (tests/test_numbers_scan.py checks it on the test sentences and the corpus
# sample).
_DIGIT_START = patterns.compile(r"[+(]|\b(?:0|\d{1,4}[.:/\-])")
_KEYWORD_RUN = patterns.compile(r"(?r)(?:[^\W\d]|[.\-])++[\s:.]*+(?=\d)")


def _find_traps(text: str, a: int, b: int) -> list[tuple[int, int, str]]:
    """``_MASKS.finditer(text, a, b)`` as (start, end, kind), computed faster.

    The pattern is tried only where a match can start (see _KEYWORD_RUN), in
    order, resuming after each match as ``finditer`` does; a match attempt
    sees the same text around it (look-behinds see before ``a``, nothing
    after ``b``), so the result is the same, for ~3x less time."""
    starts = [m.start() for m in _DIGIT_START.finditer(text, a, b)]
    for m in _KEYWORD_RUN.finditer(text, a, b):
        r, f = m.span()
        starts.append(r)
        run = text[r:f]
        if "." in run or "-" in run:  # `e-KTP`, `No.Pol`: a word may start inside
            starts.extend(r + i + 1 for i, ch in enumerate(run) if ch in ".-")
    starts.sort()
    found: list[tuple[int, int, str]] = []
    pos = a
    for q in starts:
        if q < pos:
            continue
        m = _MASKS.match(text, q, b)
        if m:
            found.append((q, m.end(), m.lastgroup or "mask"))
            pos = m.end()
    return found


class _Scan:
    """One document's numbers; the context around them is worked out on demand.

    The constructor only lists the numbers with a separator and those that
    may follow a currency symbol.  Every number, the trap regions and their
    matches, and the quotations with their language are searched the first
    time something needs them, each region and quotation once.
    """

    def __init__(self, doc: Document) -> None:
        text = self.text = doc.text
        self.lang = lang = doc.language
        self.other = "en" if lang == "id" else "id"
        # the numbers with a separator; those that may follow a currency symbol
        self.grouped, self.currency_near = _judgeable(text)
        self._spans: list[tuple[int, int]] | None = None
        self._tokens: dict[int, NumToken] = {}
        self._regions: list[list[int]] | None = None
        self._region_ends: list[int] = []
        self._traps: dict[int, list[tuple[int, int, str]]] = {}
        self._quotes: list[tuple[int, int]] | None = None
        self._quote_starts: list[int] = []
        self._quote_kinds: dict[int, str | None] = {}

    @property
    def spans(self) -> list[tuple[int, int]]:
        """Every number, in text order."""
        if self._spans is None:
            self._spans = [m.span() for m in _NUMBER.finditer(self.text)]
        return self._spans

    def token(self, s: int, e: int) -> NumToken:
        t = self._tokens.get(s)
        if t is None:
            t = self._tokens[s] = NumToken(self, s, e)
        return t

    # -- trap patterns ------------------------------------------------------------

    def _make_regions(self) -> list[list[int]]:
        """Trap patterns are searched in windows of _MARGIN characters around
        the numbers that need them (running them over a whole article costs
        ~10x); overlapping windows merge into one region, searched as a whole."""
        text = self.text
        regions: list[list[int]] = []
        for m in _NEEDY.finditer(text):
            s, e = m.span()
            a, b = max(0, s - _MARGIN), min(len(text), e + _MARGIN)
            if regions and a <= regions[-1][1]:
                regions[-1][1] = b
            else:
                regions.append([a, b])
        self._region_ends = [b for _, b in regions]
        return regions

    def _region_traps(self, k: int) -> list[tuple[int, int, str]]:
        found = self._traps.get(k)
        if found is None:
            a, b = self._regions[k]  # type: ignore[index]
            found = self._traps[k] = _find_traps(self.text, a, b)
        return found

    def trap(self, s: int, e: int) -> str | None:
        """The kind of the first trap match overlapping ``[s, e)``, if any.

        Regions are disjoint and a match never leaves its region, so only the
        regions overlapping the number are searched."""
        if self._regions is None:
            self._regions = self._make_regions()
        regions = self._regions
        k = bisect_right(self._region_ends, s)
        while k < len(regions) and regions[k][0] < e:
            for ts, te, kind in self._region_traps(k):
                if te > s:
                    if ts < e:
                        return kind
                    break
            k += 1
        return None

    # -- quotations -----------------------------------------------------------------

    def quote(self, s: int) -> str | None:
        """``machine``, the other language, or None for the quotation holding ``s``."""
        if self._quotes is None:  # all of them: _quote_spans costs two str.find scans
            self._quotes = _quote_spans(self.text)
            self._quote_starts = [q[0] for q in self._quotes]
        j = bisect_right(self._quote_starts, s) - 1
        if j < 0 or s >= self._quotes[j][1]:
            return None
        if j not in self._quote_kinds:
            qs, qe = self._quotes[j]
            kind = None
            # _MACHINE needs a `:` (most quotations have none: no timed search)
            if self.text.find(":", qs, qe) != -1 and _MACHINE.search(self.text, qs, qe):
                kind = "machine"
            elif _quote_language(self.text, qs, qe) == self.other:
                kind = self.other
            self._quote_kinds[j] = kind
        return self._quote_kinds[j]


class NumToken:
    """A digit run ``text[start:end]`` (digits joined by ``.`` or ``,``).

    ``mask`` names why it is not a quantity (``None``: a quantity); ask
    ``quantity`` when the reason does not matter: it tries the cheap reasons
    first and the trap patterns last.  Trap patterns are searched only around
    numbers a rule can judge (with a separator, after a currency, before a
    percent, or a single digit).  ``currency`` is the symbol before it as
    written (``Rp``, ``Rp.``, ``US$``) starting at ``cur_start``; ``prev``
    the word before (before the currency), ``next`` the word or symbol
    after, ``suffix`` letters or ``-an`` glued to its end, ``after`` the six
    characters after it; all lower-cased except ``currency``.  Each is
    computed on first access.
    """

    def __init__(self, scan: _Scan, start: int, end: int) -> None:
        self._scan = scan
        self.start = start
        self.end = end
        self.text = scan.text[start:end]

    def __repr__(self) -> str:
        return f"NumToken({self.start}, {self.end}, {self.text!r})"

    @_cached  # lock-free cached_property (see document.py); _grouped_tokens sets it too
    def locale(self) -> str:
        quote = self._scan.quote(self.start)
        return self._scan.lang if quote is None or quote == "machine" else quote

    @_cached  # lock-free cached_property (see document.py)
    def _currency(self) -> tuple[str, int]:
        text, s = self._scan.text, self.start
        if not _may_follow_currency(text, s):
            return "", -1
        return _currency_before(text, s)

    @property
    def currency(self) -> str:
        return self._currency[0]

    @property
    def cur_start(self) -> int:
        return self._currency[1]

    @_cached  # lock-free cached_property (see document.py)
    def suffix(self) -> str:
        text, e = self._scan.text, self.end
        a1 = text[e] if e < len(text) else ""
        g = _GLUED.match(text, e) if a1 and (a1.isalpha() or a1 == "-") else None
        return g.group().lower() if g else ""

    @_cached  # lock-free cached_property (see document.py)
    def next(self) -> str:
        if self.suffix:
            return ""
        return _word_after(self._scan.text, self.end)

    @_cached  # lock-free cached_property (see document.py)
    def prev(self) -> str:
        before = self.cur_start if self.currency else self.start
        return _word_before(self._scan.text, before)

    @property
    def after(self) -> str:
        return self._scan.text[self.end : self.end + 6]

    @_cached  # lock-free cached_property (see document.py)
    def _url(self) -> bool:
        return _urlish(self._scan.text, self.start, self.end)

    @_cached  # lock-free cached_property (see document.py)
    def _near_mask(self) -> str | None:
        """The mask the characters around the number, its suffix or a
        machine-text quotation give (every reason but URLs and traps)."""
        text, s, e = self._scan.text, self.start, self.end
        n = len(text)
        b1 = text[s - 1] if s else ""
        b2 = text[s - 2] if s > 1 else ""
        if not self.currency:
            if b1.isalpha() or b1 == "_" or (b1 != "" and b1 in "-–" and b2.isalpha()):
                return "designator"
            if (b1 != "" and b1 in ":/") or (b1 == "." and (b2.isdigit() or b2.isalpha())):
                return "identifier"  # 3:16, 1/2, M.2.24, No.5
        a1 = text[e] if e < n else ""
        a2 = text[e + 1] if e + 1 < n else ""
        if (a1 == ":" and a2.isdigit()) or (a1 == "/" and _per_unit(text, e) is None):
            return "identifier"  # 10:30, 11/2020, 7/PK/II  (but Rp6.550/liter stays)
        suffix = self.suffix
        if (
            suffix
            and suffix != "-an"
            and suffix not in UNITS
            and suffix not in COORD
            and suffix not in PERCENT
            and suffix not in MAGNITUDE
        ):
            return "designator"
        if self._scan.quote(s) == "machine":
            return "machine-text"
        return None

    @_cached  # lock-free cached_property (see document.py)
    def mask(self) -> str | None:
        if self._url:
            return "url"
        return self._scan.trap(self.start, self.end) or self._near_mask

    @property
    def quantity(self) -> bool:
        if "mask" in self.__dict__:
            return self.mask is None
        return (
            self._near_mask is None
            and not self._url
            and self._scan.trap(self.start, self.end) is None
        )

    @property
    def quantity_context(self) -> bool:
        """Followed by a unit, percent, magnitude or counted noun, or after a currency."""
        w = self.suffix or self.next
        return (
            bool(self.currency)
            or w in UNITS
            or w in PERCENT
            or w in MAGNITUDE
            or (w in COUNT_NOUNS)
        )


def _state(doc: Document) -> _Scan:
    state = doc.__dict__.get("_num_scan")
    if state is None:
        state = doc.__dict__["_num_scan"] = _scan(doc)
    return state


def _scan(doc: Document) -> _Scan:
    """The per-document scan; run once per document (see ``_state``)."""
    return _Scan(doc)


def _cached(doc: Document, key: str, build: Callable[[_Scan], list[NumToken]]) -> list[NumToken]:
    found = doc.__dict__.get(key)
    if found is None:
        # No language evidence, no verdict on separators (see Document.language_known).
        found = doc.__dict__[key] = build(_state(doc)) if doc.language_known else []
    return found


def tokens(doc: Document) -> list[NumToken]:
    """Every number in ``doc``, in text order; computed once per document."""
    return _cached(doc, "_num_tokens", lambda scan: [scan.token(*sp) for sp in scan.spans])


def grouped(doc: Document) -> list[NumToken]:
    """The numbers written with a separator (``4.044``, ``7,5``), in text order:
    the only ones the separator rules (NUM001–NUM004) can judge."""
    return _cached(doc, "_num_grouped", _grouped_tokens)


def _grouped_tokens(scan: _Scan) -> list[NumToken]:
    """The grouped numbers' tokens, each with its ``locale`` already set:
    every separator rule asks it of every grouped number first, and one
    loop here spares a descriptor call and a quotation lookup per number
    (the value is the one ``NumToken.locale`` computes)."""
    found = []
    known = scan._tokens
    lang = scan.lang
    for s, e in scan.grouped:
        t = known.get(s)
        if t is None:
            t = known[s] = NumToken(scan, s, e)
        found.append(t)
    if not found:
        return found
    if scan._quotes is None:  # all of them: _quote_spans costs two str.find scans
        scan._quotes = _quote_spans(scan.text)
        scan._quote_starts = [q[0] for q in scan._quotes]
    if not scan._quotes:  # no quotation: the document's language throughout
        for t in found:
            if "locale" not in t.__dict__:
                t.__dict__["locale"] = lang
    else:
        for t in found:
            if "locale" not in t.__dict__:
                quote = scan.quote(t.start)
                t.__dict__["locale"] = lang if quote is None or quote == "machine" else quote
    return found


def after_currency(doc: Document) -> list[NumToken]:
    """The numbers after a currency symbol (``Rp5.000``, ``US$ 3``), in text order."""

    def build(scan: _Scan) -> list[NumToken]:
        # every number in currency_near passed _may_follow_currency in the
        # scan: its `_currency` is _currency_before's, set here in one loop
        known = scan._tokens
        text = scan.text
        found = []
        for s, e in scan.currency_near:
            t = known.get(s)
            if t is None:
                t = known[s] = NumToken(scan, s, e)
            d = t.__dict__
            cur = d.get("_currency")
            if cur is None:
                cur = d["_currency"] = _currency_before(text, s)
            if cur[0]:
                found.append(t)
        return found

    return _cached(doc, "_num_after_currency", build)


def before_percent(doc: Document) -> list[NumToken]:
    """The numbers that may be followed by ``%``, ``persen`` or ``percent``
    (check ``next``), in text order."""
    scan = _state(doc)
    return [scan.token(*m.span()) for m in _BEFORE_PERCENT.finditer(scan.text)]
