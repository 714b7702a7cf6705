"""r5-doc: each fast path of the fifth pass against the code it replaced.

The previous code is kept here as the reference; every comparison runs on
crafted traps, seeded random texts over the characters the shortcut is
sensitive to, the corpus sample and, when present, the corpus.
"""

from __future__ import annotations

import json
import random
from itertools import repeat
from pathlib import Path

import pytest

from newslint import document as dm

SAMPLE = Path(__file__).parent / "data" / "corpus-sample.jsonl"
CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"


def _sample() -> list[str]:
    with SAMPLE.open(encoding="utf-8") as fh:
        return [json.loads(line)["text"] for line in fh if line.strip()]


def _corpus() -> list[str]:
    texts = []
    for path in sorted(CORPUS.glob("*.jsonl")):
        with path.open(encoding="utf-8") as fh:
            texts.extend(json.loads(line)["text"] for line in fh if line.strip())
    return texts


# -- the language guess: function words counted by an automaton -------------------


def ref_guess_language(text: str) -> str | None:
    """``guess_language`` before r5-doc: every chunk split into words."""
    ids = ens = 0
    any_words = False
    for pos, end in dm._chunks(text):
        chunk = dm._ascii_words(text[pos:end])
        if chunk is None:
            words = dm._word().findall(text, pos, end)
            both = sum(map(dm._WEIGHT.get, words, repeat(0)))
        else:
            words = chunk
            both = sum(map(dm._WEIGHT_BYTES.get, words, repeat(0)))
        ids += both & dm._ID_MASK
        ens += both >> 20
        any_words = any_words or bool(words)
        if max(ids, ens) >= 15 and max(ids, ens) >= 4 * min(ids, ens):
            break
    if not ids and not ens and any_words:
        return dm._guess_folded(text)
    if ids == ens:
        return None
    return "id" if ids > ens else "en"


_FUNCTION_WORDS = sorted(dm._ID_WORDS | dm._EN_WORDS)
#: Function words, their prefixes, extensions and capitalised forms, and the
#: separators a chunk may hold (ASCII and not, letters of the class and not).
_LANG_PIECES = [
    *_FUNCTION_WORDS,
    *(w[:-1] for w in _FUNCTION_WORDS if len(w) > 1),
    *(w + "s" for w in _FUNCTION_WORDS),
    *("a" + w for w in _FUNCTION_WORDS[:20]),
    *(w.upper() for w in _FUNCTION_WORDS[:20]),
    *(w.capitalize() for w in _FUNCTION_WORDS[20:40]),
    " ",
    " ",
    " ",
    "  ",
    "\n",
    ".",
    ",",
    "-",
    "'",
    "1",
    "_",
    "\t",
    "\u201c",
    "\u2014",
    "\u00a0",
    "\u2026",
    "\u00b2",  # non-ASCII separators
    "\u00e9",
    "e\u0301",
    "\u00df",  # non-ASCII letters: the regex path
    "\ud800",  # a lone surrogate
]


def _lang_texts(n: int, seed: int, longest: int) -> list[str]:
    rnd = random.Random(seed)
    out = []
    for _ in range(n):
        pieces = _LANG_PIECES if rnd.random() < 0.5 else _LANG_PIECES[:-8]  # half all-ASCII-ish
        out.append("".join(rnd.choice(pieces) for _ in range(rnd.randrange(longest))))
    return out


_LANG_TRAPS = [
    "",
    " ",
    "yang",
    "yang yang",
    "di dia dia di",
    "the.the,the-the_the",
    "itu itu\nitu\titu",
    "YANG DAN DI",
    "Yang Dan",
    "1yang2dan3",
    "yang\u00e9 dan",
    "\u201cthe\u201d \u2014 of",
    "x" * 1600 + " yang" * 40,  # a chunk stretched to the end of a word
    "the " * 2000,
    ("di " * 14 + "the " * 3) * 40,
]


def test_automaton_weight_is_the_split_weight():
    count = dm._weight_counter()
    assert count is not dm._split_weight  # the library is a base dependency
    rnd = random.Random(51)
    cases = [b"", b" ", b"   ", b"yang", b" yang ", b"yangyang", b"di dia", b"a the an"]
    for text in _lang_texts(3000, seed=52, longest=40) + _LANG_TRAPS:
        letters = dm._ascii_letters(text)
        if letters is not None:
            cases.append(letters)
    for _ in range(2000):  # bare letters and spaces
        cases.append(bytes(rnd.choice(b"  ydangtheofiwasA") for _ in range(rnd.randrange(30))))
    for letters in cases:
        assert count(letters) == dm._split_weight(letters), letters


def test_guess_language_is_the_split_guess():
    for text in _lang_texts(3000, seed=53, longest=60) + _LANG_TRAPS:
        assert dm.guess_language(text) == ref_guess_language(text), repr(text)
    for text in _lang_texts(200, seed=54, longest=3000):  # several chunks
        assert dm.guess_language(text) == ref_guess_language(text), repr(text)


def test_guess_language_on_the_sample():
    for text in _sample():
        assert dm.guess_language(text) == ref_guess_language(text)
        cut = text[len(text) // 3 :]
        assert dm.guess_language(cut) == ref_guess_language(cut)


def test_guess_language_without_the_library(monkeypatch):
    monkeypatch.setattr(dm, "_weight_counter", lambda: dm._split_weight)
    for text in _lang_texts(500, seed=55, longest=60) + _LANG_TRAPS + _sample():
        assert dm.guess_language(text) == ref_guess_language(text), repr(text)


def test_ascii_letters_split_is_ascii_words():
    for text in _lang_texts(2000, seed=56, longest=40):
        letters = dm._ascii_letters(text)
        words = dm._ascii_words(text)
        assert (letters is None) == (words is None)
        if letters is not None:
            assert set(letters) <= set(b" abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
            assert letters.split() == words
            assert [w.decode() for w in words] == dm._word().findall(text)


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus not present")
def test_guess_language_on_the_corpus():
    for text in _corpus():
        assert dm.guess_language(text) == ref_guess_language(text)


# -- Document.masked: a plain text without "<" masks nothing --------------------

_MASK_PIECES = [
    "a",
    " ",
    "\n",
    "<",
    "!",
    "-",
    "--",
    "<!--",
    "-->",
    " newslint: disable ",
    "NEWSLINT:",
    "`x`",
    "```\n",
    "---\n",
    "http://x.y ",
    "é",
]


def _ref_masked(text: str, path: str | None) -> list:
    from newslint.markdown import markup

    return markup(dm.Document(text, path, "id")).masked


def test_masked_is_markups_reading():
    rnd = random.Random(57)
    texts = [
        "",
        "<",
        "<!--",
        "<!-- newslint: disable TXT001 -->",
        "a <!-- newslint:x --> b",
        "a < b",
    ]
    for _ in range(3000):
        texts.append("".join(rnd.choice(_MASK_PIECES) for _ in range(rnd.randrange(25))))
    for text in texts:
        for path in (None, "", "a.txt", "a.md", "A.MARKDOWN", "c.jsonl:#12", "notes.mdx"):
            got = dm.Document(text, path, "id").masked
            assert got == _ref_masked(text, path), (text, path)


# -- the engine: no ignore tuple built per document; suppression needs a "<" ----


def _ref_lint(linter, doc, ignore=()):
    """``Linter.lint`` before r5-doc (the same loop, the old screens)."""
    from newslint.engine import _SORT_KEY, _edits_fit, _refuse, fold_superseded

    skip = tuple(c.upper() for c in (*linter.ignore, *ignore))
    found = []
    lang = doc.language
    size = len(doc.text)
    for r in linter.rules:
        if not r.applies_to(lang) or (skip and r.code.startswith(skip)):
            continue
        for d in r.check(doc, r):
            if not 0 <= d.start <= d.end <= size or (
                d.fix is not None and not _edits_fit(d.fix.edits, size)
            ):
                _refuse(r, d, size)
            found.append(d)
    found = fold_superseded(found)
    if doc.masked:
        from newslint.markdown import screen

        found = screen(doc, found)
    # (the reference applies suppression to every text: the pre-checks in
    # front of it must not change a thing, upper-case "NEWSLINT:" included)
    from newslint import suppression

    ran = [r for r in linter.rules if r.applies_to(lang) and not r.code.startswith(skip)]
    nl = next((r for r in ran if r.code == suppression.NL_UNUSED), None)
    found = suppression.apply(doc, found, ran, nl)
    found.sort(key=_SORT_KEY)
    return found


_SUPPRESSION_TEXTS = [
    "newslint: disable BP002\nBaca juga: Berita lain yang  menarik.\n",
    "newslint disable-file\nHarga naik  Rp 1.000.000,00 kemarin.\n",
    "<!-- newslint: disable -->\nHarga naik  dua kali.\n",
    "<!-- NEWSLINT: disable-line TXT -->Harga naik  dua kali.\n",
    "<!-- newslint: disable-next-line NUM -->\nPada 2019).Pada hari itu  ada 1.5 juta.\n",
    "Tulisan tentang newslint < alat lain.  Dua spasi di sini.\n",
    "<!-- newslint: enable -->\n<b>newslint</b>   tiga spasi\n",
]


@pytest.mark.parametrize("select", [None, ["ALL"]])
def test_lint_is_the_previous_lint(select):
    from newslint.api import get_linter
    from newslint.engine import Linter

    base = get_linter(select)
    texts = _sample()[:40] + _SUPPRESSION_TEXTS
    for ignore_init in [(), ("bp",), ("TXT002", "num")]:
        linter = Linter(base.rules, ignore_init)
        for ignore in [(), [], ("dup",), ["BP0"], {"TXT"}]:
            for text in texts:
                for path in (None, "a.md", "a.txt"):
                    doc, ref = dm.Document(text, path), dm.Document(text, path)
                    assert linter.lint(doc, ignore) == _ref_lint(linter, ref, ignore), (text, path)
            gen = (c for c in ["NUM"])  # a one-shot iterable is read once, as before
            doc, ref = dm.Document(texts[0]), dm.Document(texts[0])
            assert linter.lint(doc, gen) == _ref_lint(linter, ref, ["NUM"])


# -- Document.deletion: line look-ups inlined ------------------------------------


def _ref_deletion(doc, start, end):
    """``Document.deletion`` before r5-doc."""
    from newslint.diagnostics import Edit

    text = doc.text
    first = doc.line_index(start)
    last = doc.line_index(max(start, end - 1)) if end > start else first
    lstart = doc.lines[first].start
    lend = doc.lines[last].end
    a = start
    while a > lstart and text[a - 1] in dm.HSPACE:
        a -= 1
    b = end
    while b < lend and text[b] in dm.HSPACE:
        b += 1
    if a == lstart and b == lend:
        if last + 1 < len(doc.lines):
            e = doc.line_starts[last + 1]
            prev_blank = first == 0 or not doc.line_text(first - 1).strip(dm.HSPACE)
            nxt = last + 1
            if prev_blank and nxt + 1 < len(doc.lines) and not doc.line_text(nxt).strip(dm.HSPACE):
                e = doc.line_starts[nxt + 1]
            return Edit(lstart, e)
        if first > 0:
            return Edit(doc.lines[first - 1].end, lend)
        return Edit(0, lend)
    if b == lend:
        return Edit(a, b)
    if start - a > b - end:
        return Edit(start, b)
    if b - end > start - a:
        return Edit(a, end)
    return Edit(start, b)


def test_deletion_is_the_previous_deletion():
    rnd = random.Random(58)
    pieces = ["a", "b", " ", "  ", "   ", "\t", "\u00a0", "\u3000", "\n", "\r\n", "\n\n", "x y"]
    texts = ["", "a", "\n", "a\n\nb\n\nc", "  a  \n\n  b  \n", "a   b   c"]
    texts += ["".join(rnd.choice(pieces) for _ in range(rnd.randrange(16))) for _ in range(400)]
    for text in texts:
        doc = dm.Document(text)
        n = len(text)
        for start in range(n + 1):
            for end in range(start, n + 1):
                assert doc.deletion(start, end) == _ref_deletion(doc, start, end), (
                    text,
                    start,
                    end,
                )


# -- Document.sentences: marks found from the last paragraph's; ". X" at once ----

_SENT_ENDS = [".", ". ", "..", "!", "?", "…", ".)", '."', ".”", "?'", ".]", ". .", ".\u00a0"]
_SENT_GAPS = [" ", "  ", "\t", "\n", "\n\n", "   ", "\u2028", "\u00a0", "\x0b", "", " \n", "\r\n"]
_SENT_HEADS = ["A", "a", "1", "Ä", "ä", "(", '"', "“", "[", "(B", '"a', "_", "é", " A", ". B"]
_SENT_WORDS = ["Tbk", "tbk", "x", "M", "12", "123", "S.H", "kata", "Dr", "(Jo", "ß", "a" * 41]


def _sentence_texts(n: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    out = []
    for _ in range(n):
        parts = []
        for _ in range(rnd.randrange(1, 10)):
            parts += [
                rnd.choice(_SENT_WORDS),
                rnd.choice(_SENT_ENDS),
                rnd.choice(_SENT_GAPS),
                rnd.choice(_SENT_HEADS),
            ]
        out.append(" ".join(parts) if rnd.random() < 0.4 else "".join(parts))
    return out


def test_sentences_match_the_regex_code():
    from test_perf_doc import RefDocument

    for text in _sentence_texts(3000, seed=59) + _sample():
        new, old = dm.Document(text, is_record=True), RefDocument(text, is_record=True)
        assert new.paragraphs == old.paragraphs, ascii(text)
        assert new.sentences == old.sentences, ascii(text)


def test_sentences_of_paragraphs_in_any_order():
    """The marks of a paragraph are found from where the last paragraph left
    them only when it starts after them; any other order (not made by
    ``paragraphs``, but allowed) starts over with a bisect."""
    from test_perf_doc import RefDocument

    rnd = random.Random(60)
    for text in _sentence_texts(1500, seed=61):
        n = len(text)
        paras = []
        for _ in range(rnd.randrange(1, 6)):
            a = rnd.randrange(n + 1)
            paras.append(dm.Span(a, rnd.randrange(a, n + 1)))
        if rnd.random() < 0.3:
            paras.sort()
        new, old = dm.Document(text, is_record=True), RefDocument(text, is_record=True)
        for doc in (new, old):  # given spans: not stripped, so say "masked"
            doc.__dict__["paragraphs"] = list(paras)
            doc.__dict__["masked"] = [dm.Span(0, 0)]
        assert new.sentences == old.sentences, (ascii(text), paras)


# -- Document.layout: a line's runs all counted at once when all are inside ------


def test_layout_matches_the_regex_code_on_flat_random_text():
    from test_perf_doc import RefDocument

    pieces = [
        "Kata",
        "dia.",
        "x",
        "   ",
        "    ",
        " \t ",
        "\t\t\t",
        "\u00a0\u00a0\u00a0",
        " ",
        "\u2007",
    ]
    pieces += ["\u3000", "\n", "\n\n", "\r\n", "  \u2007   "]
    rnd = random.Random(62)
    for _ in range(4000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randrange(20)))
        new, old = dm.Document(text, is_record=True), RefDocument(text, is_record=True)
        assert new.layout == old.layout, ascii(text)
        assert new.paragraphs == old.paragraphs, ascii(text)
        assert new.sentences == old.sentences, ascii(text)


def test_runs_inside_a_stretch_are_counted_as_before():
    """The prefix/suffix count of ``layout`` against the filter it replaced,
    on sorted disjoint runs and any stretch (not only a line's)."""
    rnd = random.Random(63)
    for _ in range(5000):
        cuts = sorted(rnd.sample(range(60), 2 * rnd.randrange(8)))
        found = list(zip(cuts[::2], cuts[1::2], strict=True))
        first = rnd.randrange(-2, 62)
        last = rnd.randrange(-2, 62)
        want = sum(1 for a, b in found if a >= first and b <= last)
        assert dm._runs_within(found, first, last) == want, (found, first, last)


def test_fold_with_one_block_is_the_pairwise_fold():
    from newslint.diagnostics import Diagnostic
    from newslint.engine import _folds, fold_superseded

    rng = random.Random(64)
    for _ in range(3000):
        diags = [
            Diagnostic(
                code=rng.choice(["DUP001", "DUP002", "BP010"]),
                name="x",
                message=rng.choice(["a", "b"]),
                start=(s := rng.randint(0, 12)),
                end=s + rng.randint(0, 8),
                supersedes=False,
            )
            for _ in range(rng.randint(0, 8))
        ]
        block = Diagnostic(
            code=rng.choice(["DUP001", "DUP002"]),
            name="x",
            message=rng.choice(["a", "b"]),
            start=(s := rng.randint(0, 12)),
            end=s + rng.randint(0, 8),
            supersedes=True,
        )
        diags.insert(rng.randint(0, len(diags)), block)
        expected = [d for d in diags if not any(_folds(b, d) for b in [block] if b is not d)]
        assert [id(d) for d in fold_superseded(diags)] == [id(d) for d in expected]


def test_lint_checks_findings_as_before():
    """The single-edit bounds test inlined in the loop: the same findings
    pass, the same are refused, with the same message."""
    from newslint.diagnostics import Diagnostic, Edit, Fix
    from newslint.engine import Linter
    from newslint.errors import RuleError
    from newslint.registry import Rule

    rnd = random.Random(65)

    def diag():
        a = rnd.randint(-1, 11)
        fix = None
        if rnd.random() < 0.7:
            edits = []
            for _ in range(rnd.choice([1, 1, 1, 2, 3, 0])):
                s = rnd.randint(-1, 11)
                edits.append(Edit(s, s + rnd.randint(-1, 3)))
            fix = Fix(tuple(edits))
        return Diagnostic(
            code="XX001", name="t", message="m", start=a, end=a + rnd.randint(-1, 3), fix=fix
        )

    for _ in range(3000):
        found = [diag() for _ in range(rnd.randint(0, 4))]

        def check(doc, rule, found=found):
            yield from found

        linter = Linter([Rule("XX001", "t", check)])
        outcome = []
        for lint in (linter.lint, lambda d, linter=linter: _ref_lint(linter, d)):
            try:
                outcome.append(lint(dm.Document("0123456789")))
            except RuleError as exc:
                outcome.append(str(exc))
            except Exception as exc:  # the reference raises the bare refusal
                outcome.append(str(exc))
        assert outcome[0] == outcome[1], found


# -- casefolded: one casefold of the non-ASCII characters -----------------------


def test_no_code_point_folds_to_nothing():
    """What makes ``rest.casefold() == rest`` mean "every character folds
    to itself"."""
    for cp in range(0x110000):
        assert chr(cp).casefold() != ""


def test_casefold_of_mixed_non_ascii_text():
    rnd = random.Random(68)
    chars = ["a", "B", " ", "\u201c", "\u2014", "\u00e9", "\u00c9", "\u00df", "\u1e9e", "\u03a3"]
    chars += ["\u03c3", "\u03c2", "\ufb01", "\u0130", "\u212a", "\ud800", "\u0345", "\u1f88", "x"]
    for _ in range(5000):
        text = "".join(rnd.choice(chars) for _ in range(rnd.randrange(12)))
        assert dm._casefold(text) == text.casefold(), ascii(text)
