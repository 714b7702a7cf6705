"""The r4-txt fast paths equal the code they replaced: memoised read-also
labels (BP002/BP003), memoised ftfy repairs (TXT003), the engine's C sort
key."""

from __future__ import annotations

import random

from ftfy import fix_encoding

from newslint.checks import boilerplate, hygiene
from newslint.diagnostics import Diagnostic, Severity
from newslint.document import Document
from newslint.engine import _SORT_KEY

_LABELS = [
    "Baca juga:",
    "Baca  juga :",
    "BACA\tJUGA\t:",
    "**Baca juga:**",
    "__Simak juga__ :",
    "*Read \u00a0more*:",
    "Lihat\u2003juga:",
    " see also: ",
    "Baca juga::",
    "_ Baca juga _:",
    "",
    ":",
    "*",
]


def _old_label(matched: str, lead: bool) -> str:
    if lead:
        return boilerplate._WHITE_RUN.sub(" ", matched.strip("*_ \t")).rstrip(":").strip()
    return boilerplate._WHITE_RUN.sub(" ", matched).rstrip(":").strip()


def test_label_equals_the_old_clean_up() -> None:
    rng = random.Random(4)
    parts = ["Baca", "juga", "Read", "more", " ", "\t", "\u00a0", "\u2003", "*", "_", ":", "  "]
    texts = _LABELS + [
        "".join(rng.choice(parts) for _ in range(rng.randint(0, 8))) for _ in range(3000)
    ]
    for lead in (True, False):
        for t in texts:
            assert boilerplate._label(t, lead) == _old_label(t, lead), (t, lead)
            assert boilerplate._label(t, lead) == _old_label(t, lead), (t, lead)  # memoised


def test_label_memo_is_bounded(monkeypatch) -> None:
    monkeypatch.setattr(boilerplate, "_MAX_LABELS", 3)
    boilerplate._LABELS.clear()
    for t in _LABELS * 2:
        assert boilerplate._label(t, False) == _old_label(t, False)
        assert len(boilerplate._LABELS) <= 3


def _old_tokens(doc: Document) -> list[tuple[int, int, str]]:
    starts, ends = hygiene._mojibake_spans(doc)
    out = []
    for s, e in zip(starts, ends, strict=True):
        token = doc.text[s:e]
        fixed = fix_encoding(token)
        if fixed != token:
            out.append((s, e, fixed))
    return out


_BROKEN = [
    "â€œKami",
    "siap,â€",
    "AntÃ³nio",
    "Ø£Ù\x8eÙ\x86",
    "Û\x9a",
    "Ã",  # a lone lead byte: no signature
    "Â©2024",
    "Ã©Ã©Ã©" * 100,  # longer than the memo keeps
    "kata",
    "cafÃ©s",
    "Ã\u00a0",
]


def test_mojibake_memo_equals_ftfy_per_token(monkeypatch) -> None:
    rng = random.Random(7)
    monkeypatch.setattr(hygiene, "_MAX_FIXED", 5)  # clears often
    hygiene._FIXED.clear()
    for _ in range(400):
        words = [rng.choice(_BROKEN) for _ in range(rng.randint(1, 12))]
        text = "".join(w + rng.choice([" ", "\n", "\t", "  "]) for w in words)
        got = hygiene._mojibake_tokens(Document(text))
        assert got == _old_tokens(Document(text)), text
        assert len(hygiene._FIXED) <= 5
        assert all(len(k) <= hygiene._MAX_FIXED_TOKEN for k in hygiene._FIXED)


def test_sort_key_equals_diagnostic_sort_key() -> None:
    rng = random.Random(3)
    diags = [
        Diagnostic(
            rng.choice(["TXT001", "BP002", "A", "TXT010"]),
            "n",
            "m",
            s,
            s + rng.randint(0, 3),
            Severity.WARNING,
            None,
        )
        for s in (rng.randint(0, 20) for _ in range(500))
    ]
    assert [_SORT_KEY(d) for d in diags] == [d.sort_key() for d in diags]
    assert sorted(diags, key=_SORT_KEY) == sorted(diags, key=Diagnostic.sort_key)


def _old_headline_end(text: str, start: int, end: int):  # type: ignore[no-untyped-def]
    b = boilerplate
    m = b._CERTAIN_END.search(text, start, end)
    if m is not None and m.start() - start <= b._MAX_HEADLINE:
        stop = m.start()
        while stop > start and text[stop - 1] in " \t\u00a0":
            stop -= 1
        if not b._SENTENCE_BREAK.search(text, start, stop):
            return stop, True
    elif m is None and end - start <= b._MAX_HEADLINE:
        if not b._SENTENCE_BREAK.search(text, start, end):
            return end, True
    return b._guess_title_case_end(text, start, min(end, start + b._MAX_HEADLINE + 100))


_HEADLINE_PARTS = [
    "Pemerintah",
    "Siapkan",
    "subsidi",
    "dan",
    "Pewarta:",
    "Pewarta \t:",
    "PewartaX",
    "Penerjemah:",
    "Editor:",
    "Editor",
    "Penulis :",
    "Halaman berikut:",
    "Halaman\tberikut :",
    "Halaman  Berikut",
    "Baca juga:",
    "Baca  juga:",
    "Simak juga :",
    "Lihat juga:",
    "Lihat",
    "kata dia.",
    "dia.",
    "Dia.",
    "ia.)",
    "“Kami",
    '"Kami',
    "'Ya",
    "(Foto",
    "2024",
    "IKM",
    "MigasPewarta:",
    "ab.",
    ".",
    "\u00a0",
    "\u00a0\u00a0",
    "\t",
    "  ",
    "   ",
    " \u00a0",
    "\u00a0 ",
    " \t",
]


def test_headline_end_equals_the_unfiltered_searches() -> None:
    rng = random.Random(11)
    texts = [
        "Pemerintah Siapkan Subsidi  Heliantopo menjelaskan",
        "Pemerintah Siapkan SubsidiPewarta: Budi",
        "Judul berita ini. Dan kalimat lain",
        "Judul berita ini.",
        "Judul berita tanpa titik",
        "Aa bb cc" * 40 + "  Xx",
        "x" * 199 + "  A",
        "x" * 200 + "  A",
        "x" * 201 + "  A",
        "x" * 198 + "   " + " " * 500 + "A",
        "x" * 190 + "Baca" + " " * 300 + "juga:",
        "",
        " ",
        "  ",
        "\u00a0\u00a01",
    ]
    for _ in range(6000):
        n = rng.randint(0, 40)
        texts.append(" ".join(rng.choice(_HEADLINE_PARTS) for _ in range(n)))
    for t in texts:
        for start in {0, min(1, len(t)), len(t) // 3}:
            for end in {len(t), max(start, len(t) - 2)}:
                assert boilerplate._headline_end(t, start, end) == _old_headline_end(
                    t, start, end
                ), (
                    t,
                    start,
                    end,
                )


def test_read_also_first_characters_over_every_code_point() -> None:
    import regex

    first = regex.compile(r"(?i)[bslr*_]")
    for cp in range(0x110000):
        c = chr(cp)
        assert (first.match(c) is not None) == (c in boilerplate._READ_ALSO_FIRST), hex(cp)


def test_lead_label_equals_the_match() -> None:
    from newslint.document import Span

    rng = random.Random(5)
    parts = [
        "Baca juga:",
        "ſimak juga:",
        "**Baca Juga:**",
        "__see also__:",
        "READ MORE :",
        "related:",
    ]
    parts += ["Kata", "baca", " ", "\t", ":", "x", "\u017f", "\u212a", "Related", "Lihat pula:"]
    for _ in range(4000):
        t = "".join(rng.choice(parts) for _ in range(rng.randint(0, 6)))
        for s in range(min(len(t), 3) + 1):
            for e in {len(t), s, min(len(t), s + 4)}:
                if e < s:
                    continue
                p = Span(s, e)
                old = boilerplate._READ_ALSO.match(t, s, e)
                new = boilerplate._lead_label(t, p)
                assert (old and old.span()) == (new and new.span()), (t, s, e)


def _old_blank_lines(doc: Document) -> list[tuple[int, int, str, tuple]]:  # type: ignore[type-arg]
    from newslint.checks import whitespace as w

    text = doc.text
    second = text.find("\n", text.find("\n") + 1)
    if second == -1 or text.find("\n", second + 1) == -1 or w._TWO_BLANK_LINES.search(text) is None:
        return []
    lines = doc.lines
    paras = doc.paragraphs
    out = []
    for p, q in zip(paras, paras[1:], strict=False):
        i = doc.line_index(p.end - 1) + 1
        j = doc.line_index(q.start)
        if j - i < 2 or any(text[s:e].strip(w.HSPACE) for s, e in lines[i:j]):
            continue
        out.append(
            (
                lines[i].start,
                lines[j - 1].end,
                f"{j - i} blank lines in a row",
                (doc.line_starts[i + 1], doc.line_starts[j]),
            )
        )
    return out


def test_blank_lines_equals_the_bisect_walk() -> None:
    from newslint.api import get_linter

    rule = next(r for r in get_linter().rules if r.code == "TXT010")
    rng = random.Random(9)
    parts = [
        "Paragraf satu.",
        "Kata",
        "\n",
        "\n",
        "\n",
        "\r\n",
        " ",
        "\t",
        "\u00a0",
        "```",
        "---",
        "# Judul",
        "  \n",
    ]
    for _ in range(5000):
        t = "".join(rng.choice(parts) for _ in range(rng.randint(0, 14)))
        doc = Document(t)
        got = [
            (d.start, d.end, d.message, (d.fix.edits[0].start, d.fix.edits[0].end))
            for d in rule.check(doc, rule)
        ]
        assert got == _old_blank_lines(Document(t)), repr(t)


def test_invisible_above_latin1_over_every_code_point() -> None:
    above = {c for c in map(chr, range(0x100, 0x110000)) if hygiene._ANY_INVISIBLE.match(c)}
    assert above == set(hygiene._INVISIBLE_ABOVE_LATIN1)


def test_may_hold_invisible_equals_the_class_search() -> None:
    rng = random.Random(13)
    alphabet = [
        "a",
        " ",
        "\u201c",
        "\u2014",
        "é",
        "\u0627",
        "😀",
        "\u00ad",
        "\x85",
        "\x00",
        "\x7f",
        "\t",
        "\n",
    ]
    alphabet += list(hygiene._INVISIBLE_ABOVE_LATIN1) + ["\u200a", "\u2061", "\ufefe", "\u180d"]
    for _ in range(20000):
        t = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 6)))
        assert hygiene._may_hold_invisible(t) == (hygiene._ANY_INVISIBLE.search(t) is not None), (
            repr(t)
        )
