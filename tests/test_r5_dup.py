"""Fifth-pass fast paths of the duplicate rules, each tested equal to the
code it short-cuts (traps included), and the premises they rest on."""

from __future__ import annotations

import random

from newslint.checks import duplicates as dup
from newslint.document import Document


def _reference_core(text: str) -> str | None:
    """``_quotation_core`` by the regex itself (no ``str.find`` scan)."""
    best = max((m.group(1) for m in dup._QUOTATION.finditer(text)), key=len, default=None)
    if best is None or len(best) * 2 < len(text):
        return None
    return dup.paragraph_key(best)


def test_core_of_one_quotation_equals_the_regex():
    """The one-quotation path of ``_core_of`` (no quote character between
    the first opening and the last closing quote): quotations of 19 to 22
    characters, an opening quote after the last closing one, straight and
    curly quotes mixed, quotes at the paragraph's edges."""
    rng = random.Random(51)
    quotes = ['"', "\u201c", "\u201d"]
    fill = ["a", "b ", " ", "  ", "\u00a0", "K", "ß"]
    taken = 0
    for _ in range(20000):
        inner = "".join(rng.choice(fill) for _ in range(rng.randint(17, 24)))
        before = "".join(rng.choice(fill) for _ in range(rng.randint(0, 6)))
        after = "".join(rng.choice(fill) for _ in range(rng.randint(0, 6)))
        tail = rng.choice(["", "", "\u201c", "\u201cx", '"', " \u201d"])
        text = before + rng.choice(quotes) + inner + rng.choice(quotes) + after + tail
        for path in (None, "a.md"):
            doc = Document(text, path)
            cores = dup._cores(doc)
            for k, (s, e) in enumerate(doc.paragraphs):
                assert cores.get(k) == _reference_core(text[s:e]), (text, k)
                taken += cores.get(k) is not None
    assert taken > 1000


def test_unmasked_paragraphs_have_no_space_at_either_end():
    """The premise of ``_paragraph_keys`` skipping the end test: without
    masked parts, every paragraph (each layout) starts and ends with no
    white space; a Markdown file may be masked and keeps the test."""
    rng = random.Random(52)
    pieces = ["Kata", "kata.", " ", "  ", "\t", "\u00a0", "\u3000", "\n", "\n\n", " \n ", "x" * 30]
    unmasked = 0
    for _ in range(4000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 30)))
        for doc in (Document(text), Document(text, is_record=True), Document(text, "a.md")):
            if doc.masked:
                continue
            unmasked += 1
            for s, e in doc.paragraphs:
                assert not text[s].isspace() and not text[e - 1].isspace(), (text, s, e)
    assert unmasked > 8000


def test_paragraph_and_sentence_keys_with_spaces_everywhere():
    """Keys of paragraphs and sentences with runs of spaces at sentence
    ends, inside sentences, after opening quotes and before closing ones
    (``_sentence_keys`` collapses only keys that keep two spaces in a row),
    equal ``paragraph_key`` and ``sentence_key``; Markdown files too."""
    rng = random.Random(53)
    pieces = ["Dia datang.", "Kata", "\u201cYa.\u201d", '"  Ini', 'benar  "', "Rp1.000.", "ß"]
    seps = [" ", "  ", "   ", "\n", "\n\n", " \n", "  \u201c", "\u201d  "]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) + rng.choice(seps) for _ in range(rng.randint(1, 20)))
        for path in (None, "a.md"):
            doc = Document(text, path)
            assert dup._paragraph_keys(doc) == [
                dup.paragraph_key(text[s:e]) for s, e in doc.paragraphs
            ], text
            sents = doc.sentences
            assert dup._sentence_keys(doc, sents) == [
                dup.sentence_key(text[s:e]) for s, e in sents
            ], text


def test_near_pairwise_single_neighbour_rows_equal_the_buckets(monkeypatch):
    """Rows with one length neighbour are scored by ``ratio`` instead of
    ``extract``: two- and three-paragraph articles (so most rows have one
    neighbour), near copies and unrelated text, thresholds down to a cutoff
    of 0 (where ``extract`` keeps a pair scoring 0)."""
    import test_perf_dup as ref

    monkeypatch.setattr(dup, "_PAIRWISE_PER_PARAGRAPH", 10**9)
    rng = random.Random(54)
    found = 0
    for threshold in (0.0, 0.5, 1.0, 50.0, 89.0, 90.0, 100.0):
        for _ in range(150):
            first = ref._sentence(rng, rng.randint(10, 20))
            paras = [first, ref._edit(rng, first, rng.randint(0, 3))]
            if rng.random() < 0.5:
                paras.append(rng.choice([ref._sentence(rng, 12), "x" * rng.randint(60, 80)]))
            rng.shuffle(paras)
            doc = Document("\n".join(paras) + "\n")
            keys = dup._near_keys(doc, 20)
            slow = dup._near_buckets(doc, keys, threshold)
            assert dup._near_pairwise(doc, keys, threshold) == slow, (threshold, paras)
            found += len(slow)
    assert found > 300


def test_near_pairwise_finds_pairs_scoring_exactly_the_threshold(monkeypatch):
    """The pair search's cutoff is a tenth of a point below the threshold:
    pairs whose score *is* the threshold (set from the pair itself, by the
    keys and by the quotations) are found as the bucket scan finds them."""
    import test_perf_dup as ref

    monkeypatch.setattr(dup, "_PAIRWISE_PER_PARAGRAPH", 10**9)
    rng = random.Random(55)
    found = 0
    for k in range(400):
        first = ref._sentence(rng, rng.randint(8, 20))
        second = ref._edit(rng, first, rng.randint(1, 4))
        if k % 2:
            first, second = f'"{first}," kata Agus.', f"\u201c{second},\u201d katanya."
        paras = [first, ref._sentence(rng, 10), second]
        doc = Document("\n".join(paras) + "\n")
        keys = dup._near_keys(doc, 20)
        if keys[0] is None or keys[2] is None or keys[0] == keys[2]:
            continue
        threshold, _ = dup._paragraph_similarity(doc, 0, 2)
        slow = dup._near_buckets(doc, keys, threshold)
        assert dup._near_pairwise(doc, keys, threshold) == slow, paras
        found += 2 in slow
    assert found > 150


def test_paragraph_keys_of_masked_and_unmasked_texts():
    """``_paragraph_keys`` tests all slices' printability at once and, for an
    unmasked text, skips the end test; Markdown with masked parts (code,
    comments, headings), unprintable characters and runs of spaces takes
    the per-paragraph path: both equal ``paragraph_key``, and the flags
    ``_sentence_keys`` and ``_cores`` read are right."""
    rng = random.Random(56)
    pieces = [
        "Kata",
        "`kode`",
        "<!-- c -->",
        "# Judul",
        "\u00a0",
        "\t",
        "  ",
        " ",
        "ß",
        "\u201cYa\u201d",
    ]
    seps = [" ", "  ", "\n", "\n\n", " \n", "\n\n```\ncode\n```\n\n"]
    masked = 0
    for _ in range(3000):
        text = "".join(rng.choice(pieces) + rng.choice(seps) for _ in range(rng.randint(1, 14)))
        for doc in (Document(text), Document(text, "a.md")):
            masked += bool(doc.masked)
            keys = dup._paragraph_keys(doc)
            assert keys == [dup.paragraph_key(text[s:e]) for s, e in doc.paragraphs], text
            if len(doc.casefolded) == len(text):
                slices = [doc.casefolded[s:e] for s, e in doc.paragraphs]
                assert doc.__dict__["_dup_printable"] == all(k.isprintable() for k in slices)
                assert [tuple(sp) for sp in doc.__dict__["_dup_spaced"]] == [
                    tuple(sp) for sp, k in zip(doc.paragraphs, slices, strict=True) if "  " in k
                ] or not doc.__dict__["_dup_printable"]
    assert masked > 1000


def _reference_body_segments(doc: Document, start: int) -> list[tuple[int, int, int]]:
    """``_body_segments`` as it was: one test per gap."""
    text, paras = doc.text, doc.paragraphs
    spans = [(start, paras[0].end), *((p.start, p.end) for p in paras[1:])]
    gaps = [text[a[1] : b[0]] for a, b in zip(spans, spans[1:], strict=False)]
    gaps.append(text[spans[-1][1] :])
    if all(not g or g.isspace() for g in gaps):
        return [(s, e, 0) for s, e in spans]
    return [(start, len(text), 0)]


def test_body_segments_equal_the_per_gap_test():
    """Gaps of white space only, Markdown whose masked parts leave text
    between paragraphs, trailing text, one paragraph, NBSP and line
    separators between paragraphs."""
    rng = random.Random(57)
    pieces = ["Kata ini", "`kode`", "<!-- c -->", "# Judul", "\u00a0", "\u2028", "x"]
    seps = [" ", "\n", "\n\n", " \n\u00a0\n", "\n\n```\ncode\n```\n\n", "\n<!-- k -->\n"]
    other = 0
    for _ in range(3000):
        text = "".join(rng.choice(pieces) + rng.choice(seps) for _ in range(rng.randint(1, 12)))
        for doc in (Document(text), Document(text, "a.md")):
            if not doc.paragraphs:
                continue
            p0 = doc.paragraphs[0]
            start = rng.randint(p0.start, p0.end)
            expected = _reference_body_segments(doc, start)
            assert dup._body_segments(doc, start) == expected, text
            other += len(expected) == 1 and len(doc.paragraphs) > 1
    assert other > 100
