"""r3-doc: the Document's lock-free cached properties, the sentence loop and
the engine's rule selection, each compared with what it replaced."""

from __future__ import annotations

from functools import cached_property

import pytest

from newslint import document as dm
from newslint.document import Document

CACHED = [
    "_guessed_language",
    "language",
    "casefolded",
    "line_starts",
    "lines",
    "newline",
    "layout",
    "masked",
    "paragraphs",
    "sentences",
]


class _Probe:
    calls = 0

    @dm._cached
    def value(self) -> int:
        """The probe's doc."""
        type(self).calls += 1
        return type(self).calls

    @dm._cached
    def boom(self) -> int:
        type(self).calls += 1
        raise ValueError("no")


class _Old:
    calls = 0

    @cached_property
    def value(self) -> int:
        """The probe's doc."""
        type(self).calls += 1
        return type(self).calls

    @cached_property
    def boom(self) -> int:
        type(self).calls += 1
        raise ValueError("no")


@pytest.mark.parametrize("cls", [_Probe, _Old])
def test_cached_behaves_as_cached_property(cls):
    """The same observable behaviour for both: computed once into
    ``__dict__``, settable and deletable, an exception caches nothing, the
    class attribute is the descriptor with the function's docstring."""
    cls.calls = 0
    a = cls()
    assert "value" not in a.__dict__
    assert a.value == 1 and a.value == 1 and cls.calls == 1
    assert a.__dict__["value"] == 1
    a.value = 7
    assert a.value == 7
    del a.value
    assert a.value == 2
    b = cls()
    assert b.value == 3  # per instance
    for _ in range(2):
        with pytest.raises(ValueError):
            b.boom  # noqa: B018
    assert cls.calls == 5 and "boom" not in b.__dict__
    assert cls.__dict__["value"].__doc__ == "The probe's doc."
    assert cls.value is cls.__dict__["value"]
    assert not hasattr(type(cls.__dict__["value"]), "__set__")  # non-data


@pytest.mark.parametrize("name", CACHED)
def test_document_properties_are_cached_once(name):
    text = "Kata Dr. Ali pergi. Lalu datang.\n\nThe end.\r\nnewslint"
    doc = Document(text, is_record=True)
    assert isinstance(Document.__dict__[name], dm._cached)
    first = getattr(doc, name)
    assert doc.__dict__[name] is first
    assert getattr(doc, name) is first


# -- sentences -------------------------------------------------------------------------


def test_a_sentence_ends_on_no_white_space():
    """A sentence cut after a mark and its closers needs no stripping at its
    end: neither a mark nor a closer is white space the strip removes."""
    assert not set(dm._MARKS + dm._CLOSERS) & set(dm._WS)
    assert " " not in dm._MARKS + dm._CLOSERS


@pytest.mark.parametrize(
    "word",
    ["a", "M", "é", "1", "12", "123", "S.H", "Tbk", "TBK", "dr", "Dr", "kata", "ß", "ẞ", "٣", "²"],
)
def test_cached_verdict_is_no_break_before(word):
    text = f"x {word}. Y"
    dot = text.index(". Y")
    assert dm._closes_no_sentence(word) == dm._no_break_before(text, 0, dot)


# -- casefolded ------------------------------------------------------------------------


def test_casefold_is_str_casefold_on_every_code_point():
    chars = [chr(i) for i in range(0x110000)]
    for c in chars:
        assert dm._casefold(c) == c.casefold(), hex(ord(c))
        assert dm._casefold("Ab" + c + "Z\u201c") == ("Ab" + c + "Z\u201c").casefold(), hex(ord(c))
    block = "".join(chars)
    assert dm._casefold(block) == block.casefold()


def test_casefold_on_random_mixed_text():
    import random

    pieces = [
        "A",
        "z",
        "É",
        "é",
        "ß",
        "ẞ",
        "Σ",
        "ς",
        "ﬁ",
        "İ",
        "\u201c",
        "—",
        "\ud800",
        "1",
        " ",
        "\n",
    ]
    rnd = random.Random(5)
    for _ in range(3000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randrange(12)))
        assert dm._casefold(text) == text.casefold(), ascii(text)
        assert Document(text).casefolded == text.casefold()


def test_sentences_match_the_regex_code_on_dense_random_text():
    """The r3 sentence loop (one-space fast path, capital-first look-ahead,
    cached abbreviation verdicts) against the regex-era reference of
    ``test_perf_doc``: marks at paragraph ends, runs, every gap kind, long
    words (the 40-character window) and words seen twice (the cache)."""
    import random

    from test_perf_doc import RefDocument

    ends = [".", ". ", "..", "!", "?", "…", ".)", '."', ".”", "?'", ".]"]
    gaps = [" ", "  ", "\t", "\n", "\n\n", "   ", "\u2028", "\u00a0", "\x1c", "\x0b", ""]
    gaps += ["\r\n\r\n", "\n\r\n", "\r", "\n \t\n", " \u3000 ", "\n\u00a0\n"]
    heads = ["A", "a", "1", "Ä", "ä", "(", '"', "“", "[", "(B", '"a', "_", "é"]
    words = ["Tbk", "tbk", "x", "M", "12", "123", "S.H", "kata", "Dr", "(Jo", "“dan", "ß", "Σ"]
    words += ["a" * 39, "b" * 40, "c" * 41, "d" * 45 + "." + "e", "ﬆ", "ST", "2019)"]
    rnd = random.Random(31)
    for _ in range(3000):
        parts = []
        for _ in range(rnd.randrange(1, 10)):
            parts += [rnd.choice(words), rnd.choice(ends), rnd.choice(gaps), rnd.choice(heads)]
        text = " ".join(parts) if rnd.random() < 0.4 else "".join(parts)
        new, old = Document(text, is_record=True), RefDocument(text, is_record=True)
        assert new.paragraphs == old.paragraphs, ascii(text)
        assert new.sentences == old.sentences, ascii(text)


# -- Rule.diagnostic -------------------------------------------------------------------


def test_rule_diagnostic_positional_path_builds_the_same_finding():
    """Without extra fields the finding is built positionally; with a field
    at its default the keyword path (the old code) runs: both agree."""
    from newslint.diagnostics import Fix, Severity
    from newslint.registry import Rule

    r = Rule("TST001", "test-rule", lambda doc, rule: iter(()), severity=Severity.ERROR)
    fix = Fix.replace(1, 2, "x", "Replace")
    for args in [(0, 3, "m"), (0, 3, "m", fix), (1, 1, "z", None)]:
        got = r.diagnostic(*args)
        want = r.diagnostic(*args, supersedes=False)
        assert got == want and got.__dict__ == want.__dict__
    got = r.diagnostic(0, 3, "m", fix, supersedes=True, related=((5, 6),))
    assert got.supersedes is True and got.related == ((5, 6),) and got.fix is fix


def test_unmasked_paragraphs_are_stripped():
    """What the sentence loop's last-sentence shortcut relies on: without
    masked parts, a non-empty paragraph starts and ends on a character
    outside ``_WS`` (the blank layout may give an empty paragraph)."""
    from test_perf_doc import random_texts

    for text in random_texts(3000, seed=11):
        doc = Document(text, is_record=True)
        if doc.masked:
            continue
        for s, e in doc.paragraphs:
            assert e == s or (text[s] not in dm._WS and text[e - 1] not in dm._WS), ascii(text)


def test_abbreviation_cache_stays_small():
    """Only short words are cached, and at most 65,536 of them."""
    long_words = " ".join(f"{'k' * 30}{i}. Kata" for i in range(200))
    assert Document(long_words).sentences
    many = " ".join(f"w{i}x. Kata" for i in range(70_000))
    assert len(Document(many).sentences) == 70_001
    assert len(dm._NO_BREAK) <= 65_536
    assert all(len(w) <= 24 for w in dm._NO_BREAK)
