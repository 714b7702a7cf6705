"""The fast paths of perf-doc give what the code they replaced gave.

``RefDocument`` keeps the previous implementation of the Document's
structure (language, lines, layout, paragraphs, sentences) verbatim; it is
compared with :class:`Document` on crafted traps, seeded random texts built
from the characters each fast path is sensitive to, and the corpus sample.
The NUM and engine helpers are compared with the patterns and loop they
stand in for.
"""

from __future__ import annotations

import json
import random
import re
from functools import cached_property
from pathlib import Path

import pytest
import regex

from newslint import document as dm
from newslint.checks import _numtokens as nt
from newslint.checks import numbers as nb
from newslint.diagnostics import Diagnostic, Edit, Fix
from newslint.document import HSPACE, Document, Span
from newslint.engine import Linter, _edits_fit
from newslint.errors import RuleError
from newslint.registry import Rule

SAMPLE = Path(__file__).parent / "data" / "corpus-sample.jsonl"
CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"

# -- the previous implementation -------------------------------------------------

_OLD_FLAT_SPLIT = regex.compile(r"[ \t\u00a0]{3,}")
_OLD_WORD = regex.compile(r"[^\W\d_]+")


def old_guess_language(text: str) -> str | None:
    ids = ens = 0
    words: list[str] = []
    limit = min(len(text), 8_000)
    pos = 0
    while pos < limit:
        end = min(limit, pos + 1_500)
        if end < limit:
            while end < limit and text[end].isalpha():
                end += 1
        chunk = _OLD_WORD.findall(text, pos, end)
        words.extend(chunk)
        for w in chunk:
            if w in dm._ID_WORDS:
                ids += 1
            elif w in dm._EN_WORDS:
                ens += 1
        pos = end
        if max(ids, ens) >= 15 and max(ids, ens) >= 4 * min(ids, ens):
            break
    if not ids and not ens and words:
        folded = [w.lower() for w in words]
        ids = sum(1 for w in folded if w in dm._ID_WORDS)
        ens = sum(1 for w in folded if w in dm._EN_WORDS)
    if ids == ens:
        return None
    return "id" if ids > ens else "en"


def _old_strip(text: str, start: int, end: int) -> Span:
    while start < end and (text[start] in HSPACE or text[start] in "\r\n"):
        start += 1
    while end > start and (text[end - 1] in HSPACE or text[end - 1] in "\r\n"):
        end -= 1
    return Span(start, end)


class RefDocument(Document):
    """Document with the structure computed as before perf-doc."""

    @cached_property
    def _guessed_language(self) -> str | None:
        return old_guess_language(self.text) if self._language is None else None

    @cached_property
    def lines(self) -> list[Span]:
        text = self.text
        starts = self.line_starts
        spans = []
        for i, s in enumerate(starts):
            if i + 1 < len(starts):
                e = starts[i + 1] - 1
                if e > s and text[e - 1] == "\r":
                    e -= 1
            else:
                e = len(text)
            spans.append(Span(s, e))
        return spans

    @cached_property
    def layout(self) -> str:
        text = self.text
        nonblank = [sp for sp in self.lines if text[sp.start : sp.end].strip(HSPACE)]
        if not nonblank:
            return "lines"
        runs = 0
        for sp in nonblank:
            line = text[sp.start : sp.end]
            first = sp.start + len(line) - len(line.lstrip(HSPACE))
            runs += len(_OLD_FLAT_SPLIT.findall(text, first, sp.start + len(line.rstrip(HSPACE))))
        if runs >= len(nonblank):
            return "flat"
        if len(nonblank) < len(self.lines) and self._looks_hard_wrapped(nonblank):
            return "blank"
        return "lines"

    @cached_property
    def paragraphs(self) -> list[Span]:
        if self.masked:
            from newslint.markdown import prose_paragraphs

            return prose_paragraphs(self)
        text = self.text
        out: list[Span] = []
        if self.layout == "blank":
            block: list[Span] = []
            for sp in [*self.lines, Span(len(text), len(text))]:
                if text[sp.start : sp.end].strip(HSPACE):
                    block.append(sp)
                elif block:
                    out.append(_old_strip(text, block[0].start, block[-1].end))
                    block = []
            return out
        flat = self.layout == "flat"
        for sp in self.lines:
            pos = sp.start
            if flat:
                for m in _OLD_FLAT_SPLIT.finditer(text, sp.start, sp.end):
                    seg = _old_strip(text, pos, m.start())
                    if seg.end > seg.start:
                        out.append(seg)
                    pos = m.end()
            seg = _old_strip(text, pos, sp.end)
            if seg.end > seg.start:
                out.append(seg)
        return out

    @cached_property
    def sentences(self) -> list[Span]:
        text = self.text
        out: list[Span] = []
        for ps, pe in self.paragraphs:
            pos = ps
            for m in dm._sent_end().finditer(text, ps, pe):
                if m.group(1) == "." and dm._no_break_before(text, ps, m.start()):
                    continue
                seg = _old_strip(text, pos, m.end())
                if seg.end > seg.start:
                    out.append(seg)
                pos = m.end()
            seg = _old_strip(text, pos, pe)
            if seg.end > seg.start:
                out.append(seg)
        return out


# -- inputs ------------------------------------------------------------------------

#: Pieces each fast path is sensitive to: function words in both cases, word
#: characters that are letters to ``regex`` but not to ``re`` (marks, joiners)
#: or the reverse (``²``), every HSPACE and line-break form, sentence ends,
#: closing and opening quotes, abbreviations, initials, dotted tokens, list
#: numbers.
PIECES = [
    "yang",
    "Yang",
    "YANG",
    "dan",
    "DAN",
    "di",
    "the",
    "THE",
    "and",
    "of",
    "said",
    "a",
    "x",
    "Tbk",
    "Dr",
    "jo",
    "M",
    "S.H",
    "1",
    "12",
    "123",
    "2019",
    "e\u0301",
    "yang\u0301",
    "\u0301dan",
    "the\u200d",
    "\u200cand",
    "é",
    "ẞ",
    "Σ",
    "²",
    "ⅻ",
    "_",
    "a_b",
    "di2",
    "٣",
    " ",
    " ",
    " ",
    "  ",
    "   ",
    "    ",
    "\t",
    "\t\t\t",
    "\u00a0",
    "\u00a0 \u00a0",
    "\u2007",
    "\u202f",
    "\u3000",
    "\r",
    "\n",
    "\r\n",
    "\n\n",
    " \n",
    "\u2028",
    "\u0085",
    "\x0b",
    "\x1c",
    ".",
    ".",
    ". ",
    "..",
    "...",
    "!",
    "?",
    "…",
    "?!",
    '"',
    "'",
    "“",
    "”",
    "‘",
    "’",
    "(",
    ")",
    "[",
    "]",
    "Pada",
    "A",
    "Z",
    "Ä",
]


def random_texts(n: int, seed: int, longest: int = 120) -> list[str]:
    rnd = random.Random(seed)
    texts = []
    for _ in range(n):
        k = rnd.randrange(longest)
        texts.append("".join(rnd.choice(PIECES) for _ in range(k)))
    return texts


TRAPS = [
    "",
    " ",
    "\n",
    "\r\n",
    "\r",
    "abc   \r",  # a final lone \r is content: the run is inside the line
    "abc   \r\ndef",
    "abc \u2007  def",
    "\u2007   abc   def   \u3000",
    "a\t\t\tb\u00a0\u00a0\u00a0c",
    "Kata Dr. Ali. Lalu M. Chatib pergi. Ia (S.H.) datang.",
    "1. Alec datang. 12. Budi pergi. 123. Cici.",
    '"Ya." Dia pergi! "Tidak?" (Benar.) [Oke.] Lalu…  Pergi.',
    "Pada 2019).Pada hari itu.",
    "YANG DAN DI THE AND OF",
    "The And Of Yang",
    "yang\u0301 dan\u0301 the\u200d and",
    "x" * 1499 + "\u0301yang dan",
    ("kata yang " * 200) + "é" + (" the and" * 900),
    ("The and of " * 700) + "yang\u0301" * 30,
    "one line\n\nanother line that goes on\nand wraps here\n\nthird block.",
    "Judul\n\nParagraf pertama berlanjut\ndi baris kedua\n\nParagraf kedua.",
]


def _sample() -> list[str]:
    with SAMPLE.open(encoding="utf-8") as fh:
        return [json.loads(line)["text"] for line in fh if line.strip()]


def _assert_same_structure(text: str) -> None:
    new, old = Document(text, is_record=True), RefDocument(text, is_record=True)
    assert new._guessed_language == old._guessed_language, text
    assert new.lines == old.lines, text
    assert all(type(sp) is Span for sp in new.lines)
    assert new.layout == old.layout, text
    assert new.paragraphs == old.paragraphs, text
    assert all(type(sp) is Span for sp in new.paragraphs)
    assert new.sentences == old.sentences, text
    assert all(type(sp) is Span for sp in new.sentences)


# -- Document ------------------------------------------------------------------------


@pytest.mark.parametrize("text", TRAPS)
def test_structure_matches_the_previous_code_on_traps(text):
    _assert_same_structure(text)


def test_structure_matches_the_previous_code_on_random_text():
    for text in random_texts(3000, seed=7):
        _assert_same_structure(text)
    for text in random_texts(40, seed=8, longest=6000):  # several language chunks
        _assert_same_structure(text)


def test_structure_matches_the_previous_code_on_the_corpus_sample():
    for text in _sample():
        _assert_same_structure(text)
        # and cut anywhere: a chunk may now end on any character
        _assert_same_structure(text[len(text) // 3 :])


def test_ascii_words_are_the_regex_words():
    for text in random_texts(2000, seed=9, longest=60) + TRAPS:
        words = dm._ascii_words(text)
        if words is not None:
            assert [w.decode() for w in words] == dm._word().findall(text), text


def test_non_ascii_letters_send_a_chunk_to_the_regex():
    for text in ["é", "e\u0301", "a\u200db", "ẞ", "ⅻ", "Σx"]:
        assert dm._ascii_words(text) is None
    for text in ["“a” – b…", "²", "\u00a0x", "٣"]:  # not in the class: separators
        assert dm._ascii_words(text) is not None


def test_flat_split_is_the_regex_class():
    chars = "     \t\u00a0\u2007\u202f\u3000xa\n"
    rnd = random.Random(3)
    for _ in range(2000):
        text = "".join(rnd.choice(chars) for _ in range(rnd.randrange(30)))
        want = [m.span() for m in _OLD_FLAT_SPLIT.finditer(text)]
        assert [m.span() for m in dm._flat_split().finditer(text)] == want
        assert dm._has_flat_run(text) == bool(want)
        a = rnd.randrange(len(text) + 1)
        b = rnd.randrange(a, len(text) + 1)
        assert dm._flat_runs(text, a, b) == [
            m.span() for m in _OLD_FLAT_SPLIT.finditer(text, a, b)
        ], (text, a, b)


def test_weights_count_each_list_apart():
    assert not dm._ID_WORDS & dm._EN_WORDS
    assert {w for w, n in dm._WEIGHT.items() if n == 1} == dm._ID_WORDS


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus not present")
def test_structure_matches_the_previous_code_on_the_corpus():
    for path in sorted(CORPUS.glob("*.jsonl")):
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    _assert_same_structure(json.loads(line)["text"])


# -- NUM ---------------------------------------------------------------------------


def _numbers(rnd: random.Random, n: int) -> list[str]:
    out = []
    for _ in range(n):
        groups = [
            "".join(rnd.choice("0123456789") for _ in range(rnd.randint(1, 5)))
            for _ in range(rnd.randint(1, 5))
        ]
        num = groups[0]
        for g in groups[1:]:
            num += rnd.choice(".,") + g
        out.append(num)
    return out


SHAPE_PATTERNS = [
    *[p for shapes in nb._SHAPES.values() for p in shapes],
    nb._ID_DECIMAL_POINT,
    nb._EN_DECIMAL_COMMA,
    nb._ID_GROUPED,
    nb._EN_GROUPED,
    nb._ID_WELL,
    nb._EN_WELL,
    nb._LAKH,
]


def test_shape_cache_gives_the_pattern_verdict():
    numbers = _numbers(random.Random(11), 4000) + ["٣.٠٠٠", "1.٠٠٠", "1,234,567.5", "4,044"]
    for num in numbers:
        for p in SHAPE_PATTERNS:
            assert nb._shape_is(p, num) == (p.fullmatch(num) is not None), (p, num)


def test_currency_filter_is_necessary_for_a_currency_match():
    syms = nt.CURRENCY_SYMBOLS + ["p", "up", "Rpx", "RM", "xRp"]
    tails = ["", ".", ",", " ", "\u00a0", ". ", ",\u00a0", ".,", "  ", "\n", ".\n", " \n", "\n\n"]
    heads = ["", " ", "a", "(", "\n", "7"]
    seen = 0
    for h in heads:
        for sym in syms:
            for tail in tails:
                text = f"{h}{sym}{tail}5.000"
                s = len(text) - 5
                cur = nt.CURRENCY.search(text, max(0, s - 7), s)
                if cur:
                    seen += 1
                    assert nt._may_follow_currency(text, s), text
    assert seen > 200
    rnd = random.Random(5)
    for _ in range(5000):
        text = (
            "".join(
                rnd.choice(["Rp", "$", "US", "D", "p", ".", ",", " ", "\n", "\u00a0", "x"])
                for _ in range(rnd.randrange(6))
            )
            + "9"
        )
        s = len(text) - 1
        if nt.CURRENCY.search(text, max(0, s - 7), s):
            assert nt._may_follow_currency(text, s), text


# -- engine ------------------------------------------------------------------------


def _old_fix_ok(edits: tuple[Edit, ...], size: int) -> bool:
    pos = 0
    for e in sorted(edits, key=lambda e: (e.start, e.end)):
        if not pos <= e.start <= e.end <= size:
            return False
        pos = e.end
    return True


def test_edits_fit_is_the_checked_test():
    rnd = random.Random(2)
    for _ in range(5000):
        edits = tuple(
            Edit(a, a + rnd.randint(-1, 3))
            for a in (rnd.randint(-2, 12) for _ in range(rnd.randint(1, 3)))
        )
        assert _edits_fit(edits, 10) == _old_fix_ok(edits, 10), edits


def _rule(found: list[Diagnostic], crash: bool = False) -> Rule:
    def check(doc, rule):
        yield from found
        if crash:
            raise ValueError("boom")

    return Rule("XX001", "test-rule", check)


def _diag(start: int, end: int, fix: Fix | None = None) -> Diagnostic:
    return Diagnostic(code="XX001", name="test-rule", message="m", start=start, end=end, fix=fix)


@pytest.mark.parametrize(
    "diag",
    [
        _diag(-1, 2),
        _diag(3, 2),
        _diag(0, 99),
        _diag(0, 1, Fix((Edit(0, 99),))),
        _diag(0, 1, Fix((Edit(0, 3), Edit(2, 4)))),
    ],
)
def test_lint_refuses_what_checked_refused(diag):
    """As the former ``_checked`` generator did: at the bad finding, before
    the rule's later crash."""
    r = _rule([_diag(0, 1), diag], crash=True)
    with pytest.raises(RuleError) as new:
        Linter([r]).lint(Document("0123456789"))
    assert str(new.value) == (
        "rule XX001 (test-rule) produced an invalid finding or fix at offsets "
        f"{diag.start}-{diag.end} (text length 10)"
    )


def test_lint_keeps_good_findings_in_order():
    good = [_diag(0, 1), _diag(2, 3, Fix((Edit(4, 5), Edit(2, 3)))), _diag(1, 1)]
    assert Linter([_rule(good)]).lint(Document("0123456789")) == sorted(
        good, key=Diagnostic.sort_key
    )
    assert re.search("crashed", _crash_message())


def _crash_message() -> str:
    try:
        Linter([_rule([_diag(0, 1)], crash=True)]).lint(Document("0123456789"))
    except RuleError as exc:
        return str(exc)
    return ""


def _old_quote_language(text: str, start: int = 0, end: int | None = None) -> str | None:
    ids = ens = 0
    for w in nt._QWORD.findall(text, start, len(text) if end is None else end):
        w = w.lower()
        if w in nt._QUOTE_ID:
            ids += 1
        elif w in nt._QUOTE_EN:
            ens += 1
    if ens >= 2 and ens > 2 * ids:
        return "en"
    if ids >= 2 and ids > 2 * ens:
        return "id"
    return None


def test_quote_language_matches_the_previous_code():
    assert not nt._QUOTE_ID & nt._QUOTE_EN
    pieces = [*PIECES, "We", "OUR", "Percent", "persen", "Kami", "BISA", "harus", "İ", "K"]
    rnd = random.Random(4)
    verdicts = set()
    for _ in range(3000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randrange(40)))
        a = rnd.randrange(len(text) + 1)
        b = rnd.choice([None, rnd.randrange(a, len(text) + 1)])
        want = _old_quote_language(text, a, b)
        verdicts.add(want)
        assert nt._quote_language(text, a, b) == want, (text, a, b)
    assert verdicts == {None, "id", "en"}


def test_sentences_match_the_previous_code_around_sentence_ends():
    """Dense in what the sentence-end shortcut decides on: marks, closers,
    every kind of white space, openers and what follows them."""
    ends = [".", "..", "!", "?", "…", ".)", '."', ".”", "!’", ".]", "?'"]
    gaps = [" ", "  ", "\t", "\n", "\u2028", "\u00a0", "\x1c", "\x0b", " \u3000", ""]
    heads = ["A", "a", "1", "Ä", "ä", "Σ", "٣", "(", '"', "“", "‘", "'", "[", "(B", '"a', "“Ä", "_"]
    words = ["Tbk", "x", "M", "12", "S.H", "kata", "Dr", "123", "(Jo", "“dan"]
    rnd = random.Random(12)
    for _ in range(4000):
        parts = []
        for _ in range(rnd.randrange(1, 8)):
            parts += [rnd.choice(words), rnd.choice(ends), rnd.choice(gaps), rnd.choice(heads)]
        _assert_same_structure(" ".join(parts) if rnd.random() < 0.3 else "".join(parts))


def test_regex_white_space_is_within_str_isspace():
    """The sentence-end shortcut drops a candidate when the character after
    it is not ``str.isspace()``: sound because regex's ``\\s`` is a subset."""
    space = regex.compile(r"\s")
    chars = "".join(map(chr, range(0x110000)))
    assert all(c.isspace() for c in space.findall(chars))
    assert set(dm._ASCII_SPACE) == set(space.findall(chars[:128]))


def test_sentences_stay_linear_without_spaces():
    """Many sentence ends in one paragraph with no space (U+2028 is white
    space but no line break): the word before each full stop is found
    nearby, not by searching back to the paragraph's start."""
    import time

    def cost(n: int) -> float:
        doc = Document("Ab.\u2028Cd.\u2028" * n)
        assert len(doc.paragraphs) == 1
        start = time.process_time()
        assert len(doc.sentences) == 2 * n
        return time.process_time() - start

    small = min(cost(5_000) for _ in range(3))
    big = min(cost(40_000) for _ in range(3))
    assert big < 8 * small * 3  # linear (8x the input), with room for noise
