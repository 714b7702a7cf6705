"""r5-bp fast paths, each compared with the code path it skips.

* ``_last_char``: a pack rule whose every match ends its unit (or tail
  window) with one punctuation character skips the units that do not.
"""

from __future__ import annotations

import random
import sys

import pytest
import regex

from newslint import packs
from newslint.document import Document
from newslint.packs import builtin_rules, check_pack_rule

BUILTIN = builtin_rules()


def _rule(code):
    return next(r for r in BUILTIN if r.code == code)


def _findings(doc, r):
    return [
        (
            d.code,
            d.start,
            d.end,
            d.message,
            d.fix and [(e.start, e.end, e.content) for e in d.fix.edits],
        )
        for d in check_pack_rule(doc, r)
    ]


def _both(text, r, monkeypatch, lang="id"):
    """The rule's findings with the fast path, and with ``_last_char`` off."""
    fast = _findings(Document(text, language=lang, is_record=True), r)
    with monkeypatch.context() as m:
        m.setattr(packs, "_last_char", lambda source, kind: None)
        plain = _findings(Document(text, language=lang, is_record=True), r)
    return fast, plain


# -- _last_char: what it proves -----------------------------------------------------


def test_every_regex_white_space_is_stripped_by_rstrip():
    """The filter strips with ``str.rstrip``; what follows the last character
    of a match is ``\\s`` (and ``$``'s final ``\\n``): each must be white space
    to ``str.rstrip``, over all of Unicode, with and without ``(?a)``."""
    ws = regex.compile(r"\s", regex.VERSION1)
    ws_ascii = regex.compile(r"(?a)\s", regex.VERSION1)
    for cp in range(sys.maxunicode + 1):
        ch = chr(cp)
        if ws.match(ch) or ws_ascii.match(ch):
            assert ch.isspace() and not (ch + "x" + ch).rstrip().endswith(ch), hex(cp)


def test_escaped_punctuation_is_the_character_itself():
    """``_last_char`` reads ``\\X`` (X ASCII punctuation) as the literal X:
    no such escape is an assertion or a class in ``regex`` V1."""
    import string

    for p in string.punctuation:
        pat = regex.compile("\\" + p, regex.VERSION1)
        assert pat.fullmatch(p) and not pat.search("x") and not pat.search(""), p


def test_punctuation_has_no_case_variants():
    """``(?i)`` cannot make an escaped ASCII punctuation character match
    anything else (full case folding included)."""
    import string

    alts = "|".join(regex.escape(p) for p in string.punctuation)
    pat = regex.compile(rf"(?i)(?:{alts})", regex.VERSION1 | regex.FULLCASE)
    others = "".join(
        chr(cp) for cp in range(sys.maxunicode + 1) if chr(cp) not in string.punctuation
    )
    assert pat.search(others) is None
    assert len(pat.findall(string.punctuation)) == len(string.punctuation)


@pytest.mark.parametrize(
    ("source", "kind", "expected"),
    [
        (r"(?<=[.!?]\s{0,3})\((?i:ant|rtr)\)\s*$", "pattern", ")"),
        (r"\((?:a|b)\)$", "pattern", ")"),
        (r"x\.$", "pattern", "."),
        (r"(?:\(\p{Lu}+\))\Z", "tail", ")"),
        (r"(?:\(\p{Lu}+\)\s*)\Z", "tail", ")"),
        (r"(?:\(\p{Lu}+\)\s*$)\Z", "tail", ")"),
        # not provable: the pattern may end elsewhere
        (r"\(ant\)", "pattern", None),  # no $: a match may end mid-unit
        (r"\(ant\)\s+$", "pattern", None),  # only \s* is understood
        (r"\(ant\)\s*?$", "pattern", None),
        (r"\(ant\)?$", "pattern", None),
        (r"\(ant\){1,2}$", "pattern", None),
        (r"a|\(ant\)$", "pattern", None),  # top-level alternation
        (r"(?:a|\(ant\)\Z", "tail", None),  # malformed wrapper content
        (r"(?:a|\(ant\))\Z", "tail", None),  # the user's pattern alternates
        (r"(?m)\(ant\)$", "pattern", None),  # $ before any line break
        (r"(?x)\(ant\) # \)$", "pattern", None),  # comments
        (r"(?w)\(ant\)$", "pattern", None),
        (r"(?i-m:x)\(ant\)$", "pattern", None),
        (r"[\]]\)$", "pattern", ")"),
        (r"[]x]\)$", "pattern", None),  # a leading ] in a class
        (r"[[a-z]--[aeiou]]\)$", "pattern", None),  # nested sets
        (r"[a(]|\)$", "pattern", None),  # "(" inside a class is not a group
        (r"[a|]\)$", "pattern", ")"),  # "|" inside a class is not an alternation
        (r"\p{Lu}$", "pattern", None),
        (r"\x29$", "pattern", None),
        (r"a\\)$", "pattern", None),  # an escaped backslash, then a group close
        (r"\)(?=\s*$)", "pattern", None),
        (r"\)", "substitution", None),
        (r"(?:a)|(\))\Z", "tail", None),  # the user's "a)|(\)" escapes the wrapper
        (r"(?:a)|(?:\))\Z", "tail", None),
        (r"", "pattern", None),
    ],
)
def test_last_char_is_conservative(source, kind, expected):
    assert packs._last_char(source, kind) == expected


def test_builtin_rules_with_a_last_char():
    got = {r.code: r.spec.last for r in BUILTIN if r.spec.last is not None}
    assert got == {"BP009": ")", "BP012": ")", "BP016": ")"}


# -- the fast path gives the plain findings -------------------------------------------

TRAPS = [
    "Pemerintah akan mengumumkan hasilnya pekan depan. (ant)",
    "Pemerintah akan mengumumkan hasilnya pekan depan. (ant)  \n",
    "Pemerintah akan mengumumkan hasilnya pekan depan. (ant)\u2028",
    "Pemerintah akan mengumumkan hasilnya pekan depan. (ant)\u3000\u00a0",
    "Pemerintah akan mengumumkan hasilnya pekan depan. (ant)\x1c",
    "Pemerintah akan mengumumkan. (ANT)\n\nParagraf lain. (rtr)\r\n",
    '"Kami siap," katanya. (rtr)\nBaris berikut.',
    "Kata dia. (ant) lalu pergi.",
    "WASHINGTON (AP) — The Senate voted on Tuesday. (ap)",
    "Biaya operasional naik 1,6% dari periode sama. (Nama Penulis)",
    "Biaya naik. (Nama Penulis)\n\n\t ",
    '"Kami optimistis," kata dia. (Nama Satu, Nama Dua)  ',
    "Kata dia. (Nama Satu/Nama Dua)",
    "Kata dia. (Nama Satu/Nama Dua/Foto)\u2029",
    "Kata dia. (Nama Satu/Nama Dua) x",
    "(ant)",
    ")",
    "",
    " \n ",
    "Kata dia. (Nama Penulis)" + " " * 300,
    "Kata dia. (Nama Penulis)\u2028" + "\n" * 5,
]


@pytest.mark.parametrize("text", TRAPS)
def test_fast_path_equals_plain_on_traps(text, monkeypatch):
    for r in BUILTIN:
        if r.spec.last is None:
            continue
        for lang in ("id", "en"):
            fast, plain = _both(text, r, monkeypatch, lang)
            assert fast == plain, (r.code, text)


_PIECES = [  # fmt: skip
    "(ant)",
    "(ANT)",
    "(antara)",
    "(ant/ab)",
    "(rtr)",
    "(AP)",
    "(Nama Penulis)",
    "(Nama/Foto)",
    "(Nama Satu, Nama Dua)",
    "(x",
    ")",
    "(",
    ".",
    ". ",
    "!",
    '"',
    "”",
    "’",
    " ",
    "  ",
    "\t",
    "\n",
    "\n\n",
    "\r\n",
    "\u00a0",
    "\u2028",
    "\u3000",
    "\x1c",
    "\x85",
    "kata",
    "Dia",
    "/",
    ",",
]


def test_fast_path_equals_plain_on_random_texts(monkeypatch):
    rnd = random.Random(5)
    rules = [r for r in BUILTIN if r.spec.last is not None]
    flagged = 0
    for _ in range(3000):
        text = "".join(rnd.choice(_PIECES) for _ in range(rnd.randint(0, 14)))
        for r in rules:
            fast, plain = _both(text, r, monkeypatch)
            assert fast == plain, (r.code, text)
            flagged += bool(fast)
    assert flagged > 100  # the texts do reach the regex


def test_user_rule_with_a_last_char(tmp_path, monkeypatch):
    """A user pattern rule (line scope) and tail rule ending with ``\\.``."""
    pack = tmp_path / "p.yaml"
    pack.write_text(
        "pack: p\nrules:\n"
        "  - code: ZZ001\n    name: dot-line\n    message: 'x {match}'\n    scope: line\n"
        "    pattern: 'END\\s*\\.\\s*$'\n"
        "    examples:\n      flag: ['a END.']\n      pass: ['a END. b']\n"
        "  - code: ZZ002\n    name: dot-tail\n    message: 'x {match}'\n    kind: tail\n    within: 20\n"
        "    pattern: 'FIN\\.'\n"
        "    examples:\n      flag: ['a FIN.']\n      pass: ['a FIN. b']\n",
        encoding="utf-8",
    )
    rules = packs.load_rule_paths([pack])
    assert [r.spec.last for r in rules] == [".", "."]
    rnd = random.Random(7)
    pieces = ["END", "FIN", ".", " ", "\n", "\u2028", "x", "\r\n", "\t"]
    for _ in range(2000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 10)))
        for r in rules:
            fast, plain = _both(text, r, monkeypatch)
            assert fast == plain, (r.code, text)


def test_plain_rule_replacement_keeps_last_char():
    """``PackSpec.replace`` (the tests' plain rules) keeps the property."""
    r = _rule("BP009")
    assert r.spec.replace(requires=()).last == ")"


# -- BP001: text.lower()'s notice words from the shared scan --------------------------


def test_casefold_never_drops_a_character():
    """With ``len(casefold) == len(text)`` every character folds to exactly one."""
    assert all(chr(i).casefold() for i in range(sys.maxunicode + 1))


_NOTICE_PIECES = [
    "Copyright", "COPYRIGHT", "copyriGHT", "©", "(c)", "(C)", "Hak Cipta", "cipta", "rights",
    "All Rights Reserved", "rightſ", "riGHTS", "ſ", "ß", "İ", "Σ", "ΣΑ", "ς", "\u212a", "ﬀ",
    "µ", " ", "\n", "\n\n", ".", "kata", "2024", "Kompas.com", "\u2028", "é", "“",
]  # fmt: skip


def test_notice_paragraphs_equal_the_old_code_on_random_texts():
    from test_pack_fastpath import _old_notice_paragraphs

    from newslint.checks.boilerplate import _notice_paragraphs

    rnd = random.Random(11)
    nonempty = 0
    for _ in range(4000):
        text = "".join(rnd.choice(_NOTICE_PIECES) for _ in range(rnd.randint(0, 12)))
        doc = Document(text, language="id", is_record=True)
        got = _notice_paragraphs(doc)
        assert got == _old_notice_paragraphs(Document(text, language="id", is_record=True)), text
        nonempty += bool(got)
    assert nonempty > 1000


# -- BP002/BP003: the paragraphs holding a read-also hint -----------------------------


def _old_read_also_paragraphs(doc):
    """main's loop: every paragraph, the first hint starting in it decides."""
    from bisect import bisect_left

    from newslint.checks.boilerplate import _read_also_hints

    folded = doc.casefolded
    hints = _read_also_hints(folded)
    if not hints:
        return []
    if len(folded) != len(doc.text):
        return doc.paragraphs
    starts = [s for s, _ in hints]
    out = []
    for p in doc.paragraphs:
        k = bisect_left(starts, p.start)
        if k < len(hints) and hints[k][1] <= p.end:
            out.append(p)
    return out


_READ_ALSO_PIECES = [
    "Baca juga:", "baca juga :", "juga:", "pula:", "also:", "more:", "related:", "Related:",
    ":", " ", "\t", "\n", "\n\n", "\r\n", "\n \n", "Kata", "dia.", "ß", "ſ", "\u2028", "x",
]  # fmt: skip


def test_read_also_paragraphs_equal_the_old_loop():
    from test_pack_scan import READ_ALSO_TRAPS

    from newslint.checks.boilerplate import _read_also_paragraphs

    rnd = random.Random(13)
    texts = list(READ_ALSO_TRAPS)
    texts += [
        "".join(rnd.choice(_READ_ALSO_PIECES) for _ in range(rnd.randint(0, 16)))
        for _ in range(4000)
    ]
    kept = 0
    for text in texts:
        got = _read_also_paragraphs(Document(text, language="id", is_record=True))
        assert got == _old_read_also_paragraphs(Document(text, language="id", is_record=True)), text
        kept += bool(got)
    assert kept > 1000


def test_ends_with_is_rstrip_endswith():
    spaces = [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()]
    rnd = random.Random(23)
    pieces = spaces + [")", ".", "a", "(", "\u200b", "\ufeff"]
    for _ in range(5000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 8)))
        a = rnd.randint(0, len(text))
        b = rnd.randint(a, len(text))
        for last in (")", "."):
            assert packs._ends_with(text, a, b, last) == text[a:b].rstrip().endswith(last)


# -- messages: the white-space ``sub`` only when there is something to collapse -------


def test_every_white_space_but_the_space_is_unprintable():
    ws = regex.compile(r"\s", regex.VERSION1)
    for cp in range(sys.maxunicode + 1):
        ch = chr(cp)
        if ws.match(ch) and ch != " ":
            assert not ch.isprintable(), hex(cp)


def test_message_equals_the_plain_sub():
    spec = _rule("BP004").spec
    spaces = [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()]
    pieces = [*spaces, " ", " ", "a", "B", "ADVERTISEMENT", "\u200b", "\x00", "é", "x" * 40]
    rnd = random.Random(29)
    for _ in range(5000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 8)))
        shown = packs._WHITE_RUN.sub(" ", text.strip())
        if len(shown) > 80:
            shown = shown[:77] + "…"
        assert packs._message(spec, text) == spec.message.format(match=shown, replacement="")


def _old_tail_may_match(doc, requires, lo, end):
    state = packs._scanned(doc, requires)
    if state.present.isdisjoint(requires):
        return False
    if len(doc.casefolded) != len(doc.text):
        return True
    for lit in state.present.intersection(requires):
        last = end - len(lit)
        for i in state.hits[lit]:
            if i > last:
                break
            if i >= lo:
                return True
    return False


def test_tail_may_match_equals_the_old_loop():
    words = ("ab", "b", "abc")
    rnd = random.Random(31)
    for _ in range(3000):
        text = "".join(
            rnd.choice(["a", "b", "c", "ab", " ", "ß"]) for _ in range(rnd.randint(0, 14))
        )
        doc = Document(text, language="id", is_record=True)
        for _ in range(4):
            lo = rnd.randint(0, len(text))
            end = rnd.randint(lo, len(text))
            assert packs._tail_may_match(doc, words, lo, end) == _old_tail_may_match(
                doc, words, lo, end
            )
