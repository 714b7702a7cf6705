"""Second-pass fast paths of the duplicate rules, each tested equal to the
code it short-cuts (traps included), and the premises they rest on."""

from __future__ import annotations

import random

from newslint.checks import duplicates as dup
from newslint.document import Document


def _reference_words(text: str, start: int, end: int | None = None) -> list[str]:
    return [w.casefold() for w in dup._TOKEN.findall(text, start, end)]


def test_separators_are_no_token_character():
    """Every character the fast path turns into a space is none of a token's
    classes (so also no lower-case letter or mark, which the look-ahead tests)."""
    import regex

    lower_or_mark = regex.compile(r"[\p{Ll}\p{M}]")
    seps = [chr(c) for c in range(128) if not chr(c).isalnum()] + list(dup._WIDE_SEPARATORS)
    for c in seps:
        assert dup._TOKEN.search(c) is None, f"U+{ord(c):04X}"
        assert lower_or_mark.match(c) is None, f"U+{ord(c):04X}"
        assert dup._LOWER_SEPARATORS.get(ord(c), c) == " " or not c.isascii()


def test_ascii_tables():
    for c in map(chr, range(128)):
        low, cls = dup._LOWER_SEPARATORS[ord(c)], dup._CLASSES[ord(c)]
        if c.isalnum():
            assert low == c.casefold()
            assert cls == ("0" if c.isdigit() else "a" if c.islower() else "A")
        else:
            assert low == cls == " "


def test_a_run_without_glued_classes_is_one_token():
    """The runs the fast path keeps whole: every ASCII run of letters and
    digits up to length 5 whose classes show no ``_GLUED`` pair."""
    import itertools

    alphabet = "aZ5bY"
    for n in range(1, 6):
        for chars in itertools.product(alphabet, repeat=n):
            run = "".join(chars)
            classes = run.translate(dup._CLASSES)
            glued = any(p in classes for p in dup._GLUED)
            assert (dup._TOKEN.findall(run) == [run]) is not glued, run


def test_folded_words_fast_path_equals_the_regex():
    rng = random.Random(21)
    pieces = [
        "MTMimika",
        "kata",
        "KATA",
        "Kata",
        "McD",
        "kAta",
        "dikontrolJakarta",
        "Rp14",
        "Rp1.000",
        "COVID19",
        "19a",
        "a1b",
        "ABc",
        "2024",
        "x",
        "X",
        "_",
        "a_b",
        "ke-2",
        "O'Neil",
        "(ANTARA)",
        "\u201cKami\u201d",
        "\u2018ya\u2019",
        "\u00a9",
        "\u00abx\u00bb",
        "\u200bkata",
        "\u2022",
        "\u2026",
        "é",
        "Élan",
        "straße",
        "ab\u0301c",
        "\u00bd",
        "\u0663",
        "\u200c",
        "\x7f",
        "\x00",
    ]
    seps = [" ", "  ", "\n", "\t", "\x1c", "", ",", ".", "-", "\u2013", "\u2014", "\u00a0"]
    for _ in range(8000):
        text = "".join(rng.choice(pieces) + rng.choice(seps) for _ in range(rng.randint(0, 14)))
        start = rng.randint(0, len(text))
        end = rng.choice([None, rng.randint(start, len(text))])
        assert dup._folded_words(text, start, end) == _reference_words(text, start, end), (
            text,
            start,
            end,
        )


def test_folded_words_on_random_ascii():
    rng = random.Random(22)
    alphabet = "aAbBzZ09 .,-_'\"()\t\n"
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        assert dup._folded_words(text, 0) == _reference_words(text, 0), text


def test_paragraph_keys_fast_paths_equal_paragraph_key():
    """Texts whose folding keeps their length (the keys are sliced from the
    folded text; runs of spaces collapsed by ``str.replace``), with and
    without the traps that must take the slow path."""
    rng = random.Random(23)
    pieces = ["Kata", "kata", "\u201cKami", "Dia", "Rp1.000.", "Ini.", "\u00ad", "\u200b", "\x85"]
    seps = [" ", " ", " ", " ", "\n", "\n\n", "  ", "\u00a0", "\t", " \n", "\n "]
    sliced = 0
    for _ in range(3000):
        n = rng.randint(1, 12)
        text = "".join(
            rng.choice(pieces) + (rng.choice(seps) if rng.random() < 0.3 else " ") for _ in range(n)
        )
        for path in (None, "a.md"):
            doc = Document(text, path)
            expected = [dup.paragraph_key(text[s:e]) for s, e in doc.paragraphs]
            assert dup._paragraph_keys(doc) == expected, text
            sliced += [text[s:e].casefold() for s, e in doc.paragraphs] == expected
    assert sliced > 300


def test_pull_quote_coverage_bound_on_folded_text():
    """The coverage bound reads ``doc.casefolded`` when folding keeps the
    length: the same words are found as in the folded body slice."""
    rng = random.Random(24)
    words = ["kata", "Straße", "ini", "İstanbul", "Jakarta", "dan"]
    for _ in range(500):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(1, 20)))
        at = rng.randint(0, len(text))
        folded = Document(text).casefolded
        if len(folded) != len(text):
            continue
        for w in words:
            w = w.casefold()
            assert (folded.find(w, at) >= 0) == (w in text[at:].casefold())


def test_collapse_spaces_equals_split_join():
    for n in range(0, 40):
        for key in (
            " " * n,
            "a" + " " * n + "b",
            " " * n + "a b" + " " * (n // 2),
            "a  b   c    d",
        ):
            assert dup._collapse_spaces(key) == " ".join(key.split())


def test_pull_quote_word_count_bounds_the_city_cut():
    """The pull-quote is the words before the dateline, or all but the last
    one to ``_CITY_TOKENS``: ``_city_start`` looks no further back."""
    # Only the first token can start the city: it is found while it lies
    # within the last _CITY_TOKENS + 1 tokens, and never beyond.
    text = "A " + "b " * 11
    toks = [(k * 2, k * 2 + 1, text[k * 2].casefold()) for k in range(12)]
    for n in range(1, 13):
        r = dup._city_start(text, toks[:n])
        assert r == (0 if n <= dup._CITY_TOKENS else None), n


def test_sentence_keys_printable_path_equals_sentence_key():
    """Texts whose folding keeps their length and whose paragraphs are
    printable (the path without a paragraph index), runs of spaces inside
    and around sentences, quotes at their ends; and the traps that leave it."""
    rng = random.Random(25)
    pieces = ["Kata", "kata", "\u201cKami", "datang.\u201d", '"Ya."', "Dia", "Rp1.000.", "Ini."]
    seps = [" ", " ", " ", "  ", "   ", "\n", "\n\n", " \n", "\n  "]
    traps = ["\u00a0", "\t", "\u200b", "\u00ad"]
    taken = 0
    for _ in range(3000):
        text = "".join(rng.choice(pieces) + rng.choice(seps) for _ in range(rng.randint(1, 25)))
        if rng.random() < 0.2:
            at = rng.randint(0, len(text))
            text = text[:at] + rng.choice(traps) + text[at:]
        for path in (None, "a.md"):
            doc = Document(text, path)
            sents = doc.sentences
            fast = dup._sentence_keys(doc, sents)
            assert fast == [dup.sentence_key(text[s:e]) for s, e in sents], text
            taken += bool(doc.__dict__.get("_dup_printable") and doc.__dict__.get("_dup_spaced"))
    assert taken > 500


def test_sentences_lie_inside_paragraphs():
    """The premise of the printable path (and of the paragraph index)."""
    rng = random.Random(26)
    pieces = ["Kata", "kata.", "Dia datang.", "\u201cYa.\u201d", "Ini!", "Rp1.000."]
    seps = [" ", "  ", "\n", "\n\n", " \n", "\t"]
    for _ in range(2000):
        text = "".join(rng.choice(pieces) + rng.choice(seps) for _ in range(rng.randint(1, 25)))
        for path in (None, "a.md"):
            doc = Document(text, path)
            paras = doc.paragraphs
            for s, e in doc.sentences:
                assert any(ps <= s and e <= pe for ps, pe in paras), (text, s, e)


def test_cores_equal_the_quotation_core():
    """``_core_of`` (span bound, longest span, key sliced from the folded
    text) equals ``_quotation_core`` of the paragraph, on texts whose
    folding keeps their length and on texts where it does not."""
    rng = random.Random(27)
    bits = ['"', "\u201c", "\u201d", "kata ", "Kami  datang", "x" * 25, ", katanya.", "\t", "ß"]
    bits += ["\u00a0", " ", "  ", "\n", "\n\n", "\u00ad", "Dia berkata bahwa "]
    found = 0
    for _ in range(4000):
        text = "".join(rng.choice(bits) for _ in range(rng.randint(1, 30)))
        for path in (None, "a.md"):
            doc = Document(text, path)
            cores = dup._cores(doc)
            for k, (s, e) in enumerate(doc.paragraphs):
                expected = dup._quotation_core(text[s:e])
                assert cores.get(k) == expected, (text, k)
                found += expected is not None
    assert found > 500


def test_quotation_spans_within_bounds_equal_the_regex_on_the_slice():
    rng = random.Random(28)
    alphabet = ['"', "\u201c", "\u201d", "a", " ", "b"]
    for _ in range(20000):
        text = "".join(
            rng.choice(alphabet) if rng.random() < 0.3 else "a" for _ in range(rng.randint(0, 70))
        )
        lo = rng.randint(0, len(text))
        hi = rng.randint(lo, len(text))
        expected = [(m.start(1) + lo, m.end(1) + lo) for m in dup._QUOTATION.finditer(text[lo:hi])]
        assert dup._quotation_spans(text, lo, hi) == expected, (text, lo, hi)


def test_pull_quote_stops_tokenising_early_and_still_equals_the_reference(monkeypatch):
    """Articles of many paragraphs whose pull-quote is copied early: the
    body is tokenised only up to a checkpoint, and the result is the full
    search's (the reference tokenises everything with the regex)."""
    import test_perf_dup as ref

    rng = random.Random(29)
    calls = []
    real = dup._folded_words
    monkeypatch.setattr(
        dup,
        "_folded_words",
        lambda *a: calls.append(a) or real(*a),  # type: ignore[func-returns-value]
    )
    early = found = 0
    for _ in range(400):
        quote = " ".join(
            rng.choice(["kami", "akan", "terus", "Dia", "datang", "ke", "sana"])
            for _ in range(rng.randint(6, 14))
        )
        filler = [
            f"Paragraf {k} berisi kata lain {rng.randint(0, 9)}." for k in range(rng.randint(2, 30))
        ]
        at = rng.randint(0, len(filler))
        cut = rng.choice([quote, quote + " lagi", quote.replace(" ", " x ", 1)])
        body = [*filler[:at], f"\u201c{cut},\u201d katanya.", *filler[at:]]
        text = f"{quote.capitalize()}Jakarta (ANTARA) - " + "\n".join(body) + "\n"
        for min_words in (3, 6):
            doc = Document(text)
            calls.clear()
            got = dup._find_pull_quote(doc, min_words)
            assert got == ref._reference_pull_quote(Document(text), min_words), text
            found += got is not None
            early += got is not None and len(calls) - 1 < len(dup._body_segments(doc, 0))
    assert found > 200 and early > 100
