"""The TXT checks' fast paths (pre-filters, candidate scans) against the
plain way they replace, on crafted and random texts full of the traps."""

from __future__ import annotations

import random
import sys

import pytest
import regex

from newslint.checks import hygiene
from newslint.document import HSPACE, Document
from newslint.registry import load_registry


def _findings(code: str, text: str, path: str | None = None) -> list[tuple]:
    r = load_registry(plugins=False).get(code)
    doc = Document(text, path) if path else Document(text, is_record=True)
    return [(d.start, d.end, d.message, d.fix) for d in r.check(doc, r)]


def _random_texts(alphabet: list[str], n: int, seed: int, max_len: int = 60) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice(alphabet) for _ in range(rnd.randrange(max_len))) for _ in range(n)]


# -- TXT008 ------------------------------------------------------------------------

_GLUE_ALPHABET = list('aZkP.!?\u2026"\u201c\u201d\u2018\u2019()[]%1 \n\t,') + [
    "\u00c9",
    "\u00e9",
    "\u00d7",
    "\u0416",
    "\u0436",
    "\U0001d400",
    "\u01c5",
    "Dr",
    "Jl",
    "com",
    "www",
    "@",
    "://",
    "Ph.D",
]


def test_every_upper_case_letter_is_a_glue_candidate():
    lu = regex.compile(r"\p{Lu}")
    nxt = regex.compile(hygiene._GLUE_NEXT.removeprefix("(?=").removesuffix(")"))
    missing = [
        hex(c) for c in range(sys.maxunicode + 1) if lu.match(chr(c)) and not nxt.match(chr(c))
    ]
    assert not missing


@pytest.mark.parametrize(
    "text",
    [
        "a.Bc",
        "a..Bc",
        "a.).Bc",
        "a?!.Bc x.\u201cKami y.\u2019Ka",
        'kata."Kami dan ."Ka',
        "a\u2026Bc a.\u2026Bc a\u2026.Bc",
        "(22/1/2019).Pada x%.Ab y].Ab",
        "Kompas.com Tempo.Co M.Chatib Dr.Ir S.Sos Ph.D",
        "a.\u00c9t\u00e9 b.\u0416\u0436 c.\U0001d400b d.\u01c5a",
        "." * 50 + "Ab",
        "",
    ],
)
def test_glue_candidates_find_what_the_scan_finds(text):
    assert list(hygiene._glued(text)) == _glued_by_regex(text)


def _glued_by_regex(text: str) -> list[tuple[int, int, int]]:
    return [(m.start(), m.end(), m.start("close")) for m in hygiene._GLUED.finditer(text)]


def test_glue_candidates_on_random_texts():
    for text in _random_texts(_GLUE_ALPHABET, 6000, seed=8):
        assert list(hygiene._glued(text)) == _glued_by_regex(text), text


# -- TXT009 ------------------------------------------------------------------------

_SPACE_ALPHABET = [
    " ",
    " ",
    " ",
    "  ",
    "\t",
    "\n",
    "\r\n",
    "a",
    "B",
    ",",
    ".",
    "|",
    "\u00a0",
    "\x1c",
    "\x1f",
    "\x85",
    "\u3000",
    "x",
]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "  ",
        "a  b",
        "  a  b  ",
        "a\x1c  b",
        "a  \x1fb",
        "a\u00a0  b",
        "a  \nb",
        "a \t b",
        "|a  b|\nc  d",
        "a, \r\n  b",
    ],
)
def test_space_runs_find_what_the_pattern_finds(text):
    from newslint.checks import whitespace

    assert whitespace._space_runs(text) == [m.span() for m in whitespace._SPACE_RUN.finditer(text)]


def test_space_runs_on_random_texts():
    from newslint.checks import whitespace

    for text in _random_texts(_SPACE_ALPHABET, 6000, seed=9):
        assert whitespace._space_runs(text) == [
            m.span() for m in whitespace._SPACE_RUN.finditer(text)
        ], text


def _multiple_spaces_per_line(text: str, flat: bool) -> list[tuple[int, int]]:
    """TXT009 as it was: one search per line, table rows skipped."""
    from newslint.checks import whitespace

    out = []
    doc = Document(text, is_record=True)
    for s, e in doc.lines:
        if "|" in text[s:e]:
            continue
        for m in whitespace._SPACE_RUN.finditer(text, s, e):
            if flat and len(m.group()) >= 3:
                continue
            if text[m.end()].islower() or text[m.start() - 1] == ",":
                out.append(m.span())
    return out


def _list_separators(text: str, runs: list[tuple[int, int]], flat: bool) -> list[bool]:
    """TXT009's flattened-list exemption in one pass over all runs (the rule
    asks ``_list_chain`` only for runs it would report)."""
    from newslint.checks import whitespace

    out = [False] * len(runs)
    start = 0
    for i in range(1, len(runs) + 1):
        if i < len(runs) and whitespace._linked(text, runs, i, flat):
            continue
        n = i - start
        lower = sum(1 for a, b in runs[start:i] if text[b].islower())
        if n >= whitespace._LIST_RUNS and lower * 4 <= n:
            out[start:i] = [True] * n
        start = i
    return out


def test_list_chains_on_demand_equal_the_one_pass_definition():
    from newslint.checks import whitespace

    texts = _random_texts(_SPACE_ALPHABET, 3000, seed=11, max_len=80)
    texts += ["A  B  c  D  E  f.  G  h  I  J  K  L", "x  y  z  w  v  u  t"]
    for text in texts:
        flat = Document(text, is_record=True).layout == "flat"
        runs = whitespace._space_runs(text)
        known: dict[int, bool] = {}
        got = [whitespace._list_chain(text, runs, i, flat, known) for i in range(len(runs))]
        assert got == _list_separators(text, runs, flat), text


def test_multiple_spaces_agrees_with_the_per_line_search():
    texts = _random_texts(_SPACE_ALPHABET, 4000, seed=10, max_len=80)
    texts += [
        "Kata dia,  rupiah  melemah.\n| a  b |\nc  d\r\n",
        "x   y   z   w  v",
        "a  b\t\tc   d",
    ]
    from newslint.checks import whitespace

    exempted = 0
    for text in texts:
        doc = Document(text, is_record=True)
        flat = doc.layout == "flat"
        got = [(a, b) for a, b, _, _ in _findings("TXT009", text)]
        # The per-line search, less the runs the flattened-list exemption
        # (added after it) leaves alone.
        runs = whitespace._space_runs(text)
        listed = {r for r, x in zip(runs, _list_separators(text, runs, flat), strict=True) if x}
        want = _multiple_spaces_per_line(text, flat)
        exempted += sum(1 for r in want if r in listed)
        assert got == [r for r in want if r not in listed], text
    assert exempted  # the random texts do reach the exemption


# -- TXT003, TXT006, TXT007: tokens carrying mojibake ------------------------------

_MOJI_ALPHABET = list(
    "a \t\r\n\u00a0\u0085\u00ad\u200b\u00c3\u00a9\u00e2\u20ac\u0153\u00c2\u00a9\u00f4\u00f5\u0080\u009d\u0081x"
) + [
    "\u00c3\u00b3",
    "\u00e2\u20ac\u0153",
    "AntÃ³nio",
]


_HINT_REGEX = hygiene._MOJIBAKE_HINT
_ASCII_TOKEN = regex.compile(r"[^ \t\r\n]+")  # the old token pattern


def _in_mojibake_old(text: str, offset: int) -> bool:
    s = max(text.rfind(c, 0, offset) for c in " \t\r\n") + 1
    m = _ASCII_TOKEN.match(text, s)
    return bool(m and _HINT_REGEX.search(m.group()))


def _mojibake_token_spans_old(text: str) -> list[tuple[int, int]]:
    out = []
    pos = 0
    hint = _HINT_REGEX.search(text)
    while hint is not None:
        s = text.rfind(" ", 0, hint.start()) + 1
        for ws in "\t\r\n":
            s = max(s, text.rfind(ws, 0, hint.start()) + 1)
        m = _ASCII_TOKEN.match(text, max(s, pos))
        out.append(m.span())
        pos = m.end()
        hint = _HINT_REGEX.search(text, pos)
    return out


def test_mojibake_spans_and_lookup_agree_with_the_token_search():
    texts = _random_texts(_MOJI_ALPHABET, 3000, seed=3, max_len=40)
    texts += [
        "",
        "plain ascii",
        "\u00c3\u00a9",
        " \u00c3\u00a9\u00a0x\u00ad \tAntÃ³nio\u0081\r\n\u00e2\u20ac",
    ]
    for text in texts:
        doc = Document(text, is_record=True)
        starts, ends = hygiene._mojibake_spans(doc)
        assert list(zip(starts, ends, strict=True)) == _mojibake_token_spans_old(text), text
        for i, c in enumerate(text):
            if c not in " \t\r\n":
                assert hygiene._in_mojibake(doc, i) == _in_mojibake_old(text, i), (text, i)


def test_mojibake_tokens_repairs_what_ftfy_repairs():
    from ftfy import fix_encoding

    text = "\u00e2\u20ac\u0153Kami siap,\u00e2\u20ac\u009d kata Ant\u00c3\u00b3nio.\n\u00c3\u00a9t\u00c3 x\u00c2\u00a9"
    doc = Document(text, is_record=True)
    expected = [(s, e, fix_encoding(text[s:e])) for s, e in _mojibake_token_spans_old(text)]
    assert hygiene._mojibake_tokens(doc) == [t for t in expected if t[2] != text[t[0] : t[1]]]


def test_invisible_prefilter_agrees_with_the_class():
    for c in map(chr, range(0x3000)):
        for text in (c, "ab" + c + "\u00e9", "x" + c + "\u201c"):
            assert hygiene._may_hold_invisible(text) == (
                hygiene._ANY_INVISIBLE.search(text) is not None
            ), hex(ord(c))
    for text in [
        "",
        "plain",
        "caf\u00e9\n\t\r",
        "\ufeffx",
        "a\u200db",
        "\u00a0\u00ad",
        "\U0001f600\u200d",
    ]:
        assert hygiene._may_hold_invisible(text) == (
            hygiene._ANY_INVISIBLE.search(text) is not None
        ), text


def test_not_before_glue_is_outside_the_lookbehind_class():
    behind = regex.compile(r"[\p{L}\d)\]%]")
    assert all(not behind.match(c) for c in hygiene._NOT_BEFORE_GLUE)
    assert all(behind.match(c) for c in map(chr, range(128)) if c not in hygiene._NOT_BEFORE_GLUE)


def _glue_exempt_old(text: str, stop: int, after: int) -> bool:
    i = stop
    while i > 0 and not text[i - 1].isspace():
        i -= 1
    token = text[i:stop]
    if "://" in token or "www." in token.casefold() or "@" in token:
        return True
    word = token.lstrip("(\"'\u201c\u2018[")
    if len(word) == 1 and word.isalpha():
        return True
    tail = hygiene._LAST_WORD.search(word)
    if tail and tail.group().casefold() in hygiene._EXEMPT_WORDS:
        return True
    if hygiene._DOTTED.fullmatch(word):
        return True
    nxt = hygiene._NEXT_WORD.match(text, after)
    return bool(nxt and nxt.group(1).casefold() in hygiene._DOMAIN_PARTS)


def test_glue_exemptions_agree_with_the_pattern_checks():
    words = [
        "Dr",
        "dr",
        "Jl",
        "S.Sos",
        "Ph.D",
        "M",
        "tbk",
        "Tbk",
        "PN Jkt",
        "Pdt.Sus",
        "(22/1/2019)",
        "0,36%",
        "katanya",
        "\u00e9t\u00e9",
        "caf\u00e9",
        "x1y",
        "a.b.c.d.e",
        "abcde.fgh",
        "\u017fus",
        "[Dr",
        "\u201cJl",
    ]
    nexts = ["Com", "Co.id", "Pewarta", '"Kami', "(Id", "\u212aom", "Saham", "Net"]
    for w in words:
        for stop in [".", "?", "\u2026", ".\u201d"]:
            for n in nexts:
                text = f"lalu {w}{stop}{n} x"
                at = len("lalu ") + len(w)
                after = at + len(stop)
                assert hygiene._glue_exempt(text, at, after) == _glue_exempt_old(text, at, after), (
                    text
                )


# -- TXT010 ------------------------------------------------------------------------

_BLANK_ALPHABET = [
    "\n",
    "\n",
    "\r\n",
    "\r",
    " ",
    "\t",
    "\u00a0",
    "\u3000",
    "a",
    "Kata dia.",
    "   ",
    "\x0b",
]


def test_blank_lines_prefilter_skips_only_texts_without_findings():
    from newslint.checks import whitespace

    texts = _random_texts(_BLANK_ALPHABET, 6000, seed=11, max_len=30)
    texts += [
        "a\n\n\nb",
        "a\n \r\n\t\r\nb",
        "a\r\n\r\n\r\nb",
        "a\n\r\r\n\nb",
        "a\n\u3000\n\u00a0\nb",
        "a\n\n\n",
    ]
    for text in texts:
        if whitespace._TWO_BLANK_LINES.search(text) is None:
            doc = Document(text, is_record=True)
            lines, paras = doc.lines, doc.paragraphs
            for p, q in zip(paras, paras[1:], strict=False):
                i = doc.line_index(p.end - 1) + 1
                j = doc.line_index(q.start)
                assert j - i < 2 or any(
                    text[s:e].strip(whitespace.HSPACE) for s, e in lines[i:j]
                ), text
    assert _findings("TXT010", "Satu.\n \r\n\t\r\nDua.\n")


def test_regex_space_set_is_regex_whitespace():
    from newslint.checks import whitespace

    space = regex.compile(r"\s")
    assert {
        chr(c) for c in range(sys.maxunicode + 1) if space.match(chr(c))
    } == whitespace._REGEX_SPACE


def test_invisible_runs_are_the_pattern_runs():
    alphabet = [
        "a",
        " ",
        "\n",
        "\u00ad",
        "\x85",
        "\x00",
        "\u200b",
        "\u200d",
        "\ufeff",
        "\u00e9",
        "\u2060",
        "\x7f",
    ]
    texts = _random_texts(alphabet, 4000, seed=12) + [
        "",
        "\ufeff",
        "a\u200b",
        "\u200ba",
        "\x00\x01\x02",
    ]
    for text in texts:
        assert hygiene._invisible_runs(text) == [
            m.span() for m in hygiene._INVISIBLE.finditer(text)
        ], text


# -- TXT007 ------------------------------------------------------------------------

_NBSP = regex.compile(r"[\u00a0\u2007\u202f]+")  # the old per-line pattern


def _non_breaking_space_old(text: str) -> list[tuple[int, int]]:
    doc = Document(text, is_record=True)
    out = []
    for s, e in doc.lines:
        for m in _NBSP.finditer(text, s, e):
            if not text[m.end() : e].strip(HSPACE):
                continue
            if _in_mojibake_old(text, m.start()):
                continue
            out.append(m.span())
    return out


def test_non_breaking_space_agrees_with_the_per_line_search():
    alphabet = [
        "a",
        " ",
        "\t",
        "\n",
        "\r\n",
        "\r",
        "\u00a0",
        "\u2007",
        "\u202f",
        "\u3000",
        "\u00e2\u0081",
        "x",
        "\u00c3",
    ]
    texts = _random_texts(alphabet, 5000, seed=13) + [
        "a\u00a0b\u00a0\r",
        "a\u00a0\r\nb \u202f\u2007c\u00a0",
    ]
    for text in texts:
        got = [(a, b) for a, b, _, _ in _findings("TXT007", text)]
        assert got == _non_breaking_space_old(text), text


def test_glue_lookahead_is_the_documented_class():
    """``_GLUE_NEXT`` is written cheaply for ``re`` to compile; it must be
    the class it replaces: stops, quotes, brackets, upper case, and every
    character above U+00FF."""
    import re

    from newslint.checks import hygiene

    wide = re.compile('(?=[.!?"\u201d\u2019)\u201c\u2018(A-Z\u00c0-\u00de\u0100-\U0010ffff])')
    cheap = re.compile(hygiene._GLUE_NEXT)
    assert all(
        bool(wide.match(chr(c))) == bool(cheap.match(chr(c))) for c in range(sys.maxunicode + 1)
    )
