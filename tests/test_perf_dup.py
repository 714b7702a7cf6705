"""The DUP fast paths give what the code they short-cut gives, traps included."""

from __future__ import annotations

import itertools
import random

import pytest

from newslint.checks import duplicates as dup
from newslint.document import Document

_VOCAB = [f"kata{k}" for k in range(400)] + "yang dan di ini itu dengan untuk dari".split()


def _sentence(rng: random.Random, words: int) -> str:
    return " ".join(rng.choices(_VOCAB, k=words)).capitalize() + "."


def _edit(rng: random.Random, para: str, edits: int) -> str:
    words = para.split()
    for _ in range(edits):
        words[rng.randrange(len(words))] = rng.choice(_VOCAB)
    return " ".join(words)


def _near_article(rng: random.Random, n: int) -> str:
    """Paragraphs with near-copies, quotations repeated under another
    attribution, captions, list items, exact copies and a pull-quote."""
    paras: list[str] = []
    for _ in range(n):
        kind = rng.randrange(10)
        if kind == 0 and paras:
            para = _edit(rng, rng.choice(paras), rng.randint(0, 4))
        elif kind == 1:
            quote = _sentence(rng, rng.randint(8, 20))
            who = rng.choice(
                ["kata Agus.", "katanya.", "ujar Menteri Keuangan Sri Mulyani Indrawati."]
            )
            para = f'"{quote}," {who}'
            if rng.random() < 0.5:
                paras.append(f"\u201c{quote},\u201d {rng.choice(['katanya.', 'kata dia.'])}")
        elif kind == 2:
            para = _sentence(rng, rng.randint(6, 12)) + f" (ANTARA/{rng.choice(['Ali', 'Budi'])})"
        elif kind == 3:
            para = f"{rng.randint(1, 4)}. " + _sentence(rng, 12)
        elif kind == 4 and paras:
            para = rng.choice(paras)
        else:
            para = " ".join(_sentence(rng, rng.randint(5, 15)) for _ in range(rng.randint(1, 3)))
        paras.append(para)
    if rng.random() < 0.3 and paras:
        quote = paras[-1].split(".")[0]
        paras[0] = f"{quote}Jakarta (ANTARA) - {paras[0]}"
    return "\n".join(paras) + "\n"


def _template_article(rng: random.Random, n: int) -> str:
    """Many paragraphs sharing one template: every sketch hash is held by more
    than ``_BUCKET_CAP`` paragraphs, so the caps decide what is compared."""
    frame = _sentence(rng, 25)
    paras = [_edit(rng, frame, rng.randint(1, 6)) for _ in range(n)]
    for _ in range(n // 4):
        paras.insert(rng.randrange(len(paras) + 1), _sentence(rng, rng.randint(20, 30)))
    return "\n".join(paras) + "\n"


def _both(doc: Document, min_len: int, threshold: float) -> tuple[object, object]:
    keys = dup._near_keys(doc, min_len)
    return dup._near_buckets(doc, keys, threshold), dup._near_pairwise(doc, keys, threshold)


@pytest.mark.parametrize("threshold", [50.0, 80.0, 90.0, 95.0, 100.0])
def test_near_pairwise_finds_what_the_buckets_find(monkeypatch, threshold):
    monkeypatch.setattr(dup, "_PAIRWISE_PER_PARAGRAPH", 10**9)
    monkeypatch.setattr(dup, "_PAIRWISE_MAX", 10**9)  # never fall back
    rng = random.Random(int(threshold))
    found = 0
    for k in range(120):
        maker = _template_article if k % 3 == 0 else _near_article
        text = maker(rng, rng.randint(2, 45))
        for min_len in (20, 60):
            slow, fast = _both(Document(text), min_len, threshold)
            assert fast == slow, text
            found += len(slow)  # type: ignore[arg-type]
    assert found > 50  # the inputs do exercise matches


def test_near_pairwise_respects_the_bucket_cap(monkeypatch):
    """A late near-copy of a template paragraph is compared only with the
    first ``_BUCKET_CAP`` holders of each hash; the pairwise search agrees."""
    monkeypatch.setattr(dup, "_PAIRWISE_PER_PARAGRAPH", 10**9)
    monkeypatch.setattr(dup, "_PAIRWISE_MAX", 10**9)
    rng = random.Random(7)
    capped = 0
    for _ in range(30):
        doc = Document(_template_article(rng, 40))
        keys = dup._near_keys(doc, 60)
        slow = dup._near_buckets(doc, keys, 90.0)
        monkeypatch.setattr(dup, "_BUCKET_CAP", 10**9)
        uncapped = dup._near_buckets(doc, keys, 90.0)
        monkeypatch.setattr(dup, "_BUCKET_CAP", 16)
        capped += slow != uncapped
        assert dup._near_pairwise(doc, keys, 90.0) == slow
    assert capped  # the trap is really set


def test_near_pairwise_falls_back_on_many_similar_lengths():
    text = _template_article(random.Random(3), 60)
    doc = Document(text)
    keys = dup._near_keys(doc, 60)
    assert dup._near_pairwise(doc, keys, 90.0) is None
    assert [d.code for d in dup.near_duplicate_paragraph(doc, _rule("DUP005"))]


def _rule(code: str):
    from newslint.api import get_linter

    return next(r for r in get_linter(select=[code]).rules if r.code == code)


def test_quotations_scan_equals_the_regex():
    rng = random.Random(0)
    alphabet = "\"\u201c\u201d \n'x"
    for _ in range(30_000):
        text = "".join(
            rng.choice(alphabet) if rng.random() < 0.3 else "a" for _ in range(rng.randint(0, 80))
        )
        expected = [m.group(1) for m in dup._QUOTATION.finditer(text)]
        assert dup._quotations(text) == expected, text


def _every_char():
    return (chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)


def test_folded_words_split_premises():
    """No token class matches white space (``str.split``'s) or the stripped
    punctuation, so chunks can be tokenised one by one."""
    for c in _every_char():
        if c.isspace():
            assert dup._TOKEN.search(c) is None, f"U+{ord(c):04X}"
    for c in dup._NON_TOKEN:
        assert dup._TOKEN.search(c) is None, f"U+{ord(c):04X}"


def test_folded_words_equal_the_regex():
    rng = random.Random(1)
    pieces = [
        "kata",
        "Kata",
        "KATA",
        "kAta",
        "McD",
        "2024",
        "Rp10",
        "a",
        "A",
        "x2",
        "é",
        "Élan",
        "straße",
        "İstanbul",
        "dikontrolJakarta",
        "MTMimika",
        "ab\u0301c",
        "_",
        "__init__",
        "(ANTARA)",
        "\u201cKami",
        "katanya,",
        "...",
        "-",
        "\u2014",
        "Rp1.000",
        "ke-2",
        "O'Neil",
        "\u00bd",
        "\u0663\u0664",
        "\u200c",
        "\u00a0",
        "\u3000",
        "\x1c",
        "\u2028",
    ]
    seps = [" ", "  ", "\n", "\t", "\u00a0", "\u3000", "\x1c", "\u2028", "", ",", "."]
    for _ in range(5000):
        text = "".join(rng.choice(pieces) + rng.choice(seps) for _ in range(rng.randint(0, 12)))
        start = rng.randint(0, len(text))
        expected = [w.casefold() for w in dup._TOKEN.findall(text, start)]
        assert dup._folded_words(text, start) == expected, (text, start)
        end = rng.randint(start, len(text))
        expected = [w.casefold() for w in dup._TOKEN.findall(text, start, end)]
        assert dup._folded_words(text, start, end) == expected, (text, start, end)


def test_casefold_adds_no_space():
    """Case-folded tokens hold no space: the pull-quote search finds 4-grams
    of tokens as space-delimited runs of a joined string."""
    for c in _every_char():
        if dup._TOKEN.search(c):
            assert " " not in c.casefold() and not any(x.isspace() for x in c.casefold())


def test_core_cache_equals_the_quotation_core():
    rng = random.Random(5)
    bits = [
        '"',
        "\u201c",
        "\u201d",
        "kata ",
        "Ya, kami lumpuhkan supaya nggak kabur lagi ",
        "\n",
        "   ",
    ]
    for _ in range(2000):
        text = "".join(rng.choice(bits) for _ in range(rng.randint(1, 40)))
        doc = Document(text)
        for i, (s, e) in enumerate(doc.paragraphs):
            assert dup._core(doc, i) == dup._quotation_core(text[s:e]), text


def _reference_pull_quote(doc, min_words):
    """The pull-quote search as it was before the fast paths (regex tokens,
    a scan of every body 4-gram)."""
    text = doc.text
    if not doc.paragraphs:
        return None
    p0 = doc.paragraphs[0]  # after any front matter
    m = dup._DATELINE.search(text, p0.start, min(p0.end, p0.start + dup._DATELINE_WINDOW))
    if m is None:
        return None  # a pull-quote is glued to the first paragraph's dateline
    pre = dup._tokens(text, p0.start, m.start())
    if m.group("city") is not None and pre and not dup._dateline_follows_break(text, m.start()):
        return None  # `… rute Jakarta - Bandung …`: prose, not a dateline
    if m.group("city") is None:
        i = dup._city_start(text, pre)
        if i is None:
            return None
        city_at = pre[i][0]
        pre = pre[:i]
    else:
        city_at = m.start("city")
    if not min_words <= len(pre) <= dup._MAX_PULL_QUOTE_WORDS:
        return None
    n = 4
    pw = [t[2] for t in pre]
    # A covered word is a body token, hence a substring of the case-folded
    # body (casefold maps character by character): a cheap upper bound on the
    # coverage, before tokenising the whole body.
    folded = text[m.end() :].casefold()
    if sum(w in folded for w in pw) / len(pw) < 0.8:
        return None
    # The body's words (offsets only later, for the two that are needed), and
    # where each of the pull-quote's 4-grams first occurs in them.
    words = [w.casefold() for w in dup._TOKEN.findall(text, m.end())]
    wanted = set(zip(*(pw[i:] for i in range(n)), strict=False))
    grams: dict[tuple[str, ...], int] = {}
    for k, gram in enumerate(zip(*(words[i:] for i in range(n)), strict=False)):
        if gram in wanted and gram not in grams:
            grams[gram] = k
    covered = [False] * len(pw)
    first_hit = last_hit = -1
    for k in range(len(pw) - n + 1):
        hit = grams.get(tuple(pw[k : k + n]))
        if hit is not None:
            covered[k : k + n] = [True] * n
            if first_hit < 0:
                first_hit = hit
            last_hit = hit + n - 1
    cov = sum(covered) / len(pw)
    if cov < 0.8 or first_hit < 0:
        return None
    # The first and the last word may be cut (`ravel`, `diha`): no delimiter
    # around the needle lets them match as part of a body word.
    exact = " ".join(pw) in " ".join(words)
    start = pre[0][0]
    while start > p0.start and text[start - 1] in dup._QUOTE_CHARS + ".\u2026":
        start -= 1
    last_hit = max(last_hit, first_hit)
    # Only the copy's tokens are needed (`words` are the same matches, in order).
    body = list(itertools.islice(dup._TOKEN.finditer(text, m.end()), first_hit, last_hit + 1))
    return dup.PullQuote(start, city_at, (body[0].start(), body[-1].end()), cov, exact)


def _pull_quote_article(rng: random.Random) -> str:
    quote = _sentence(rng, rng.randint(3, 40)).rstrip(".")
    if rng.random() < 0.4:  # words the fast tokeniser leaves to the regex
        odd = ["straße", "İstanbul", "dikontrolJakarta", "Rp1.000", "ke-2", "Élan", "MTMimika"]
        quote = " ".join(w if rng.random() < 0.8 else rng.choice(odd) for w in quote.split())
    body = [_sentence(rng, rng.randint(8, 20)) for _ in range(rng.randint(1, 8))]
    copy = _edit(rng, quote, rng.choice([0, 0, 1, 3])) if rng.random() < 0.8 else quote.upper()
    if rng.random() < 0.3:
        copy = copy[rng.randint(0, 3) :]  # cut first word
    body.insert(rng.randrange(len(body) + 1), f'"{copy}," katanya.')
    if rng.random() < 0.3:  # text between the paragraphs that is no paragraph
        body.insert(rng.randrange(len(body) + 1), rng.choice(_NOT_PROSE))
    glue = rng.choice(["", ". ", " ", "\u201d"])
    dateline = rng.choice(["Jakarta (ANTARA) - ", "JAKARTA, KOMPAS.com - ", "Bandung - "])
    joiner = rng.choice([" ", "\n", "\n\n", "   ", " \u2028 "])
    return quote + glue + dateline + joiner.join(body) + rng.choice(["\n", "", "\n\n kata"])


_NOT_PROSE = [
    "https://example.com/kata-kata",
    "<!-- newslint-disable DUP -->",
    "<!-- kata kata -->",
    "```\nkata kata\n```",
    "---\ntitle: kata\n---",
]


def test_pull_quote_search_equals_the_reference():
    rng = random.Random(11)
    found = 0
    for _ in range(1500):
        text = _pull_quote_article(rng)
        for min_words in (3, 6):
            for path in (None, "a.md"):
                expected = _reference_pull_quote(Document(text, path), min_words)
                assert dup._find_pull_quote(Document(text, path), min_words) == expected, text
                found += expected is not None
    assert found > 200


def test_regex_white_space_and_lower_case_imply_str_methods():
    import regex

    space, lower = regex.compile(r"\s"), regex.compile(r"\p{Ll}")
    for c in _every_char():
        if space.match(c):
            assert c.isspace(), f"U+{ord(c):04X}"
        if lower.match(c):
            assert c.islower() or not c.isascii(), f"U+{ord(c):04X}"


def test_dateline_prefilter_never_skips_a_dateline():
    rng = random.Random(2)
    pieces = [
        "(ANTARA)",
        "(Antara News)",
        "(ANTARA",
        "JAKARTA, ",
        "KOMPAS.com",
        "Kompas.com",
        "KONTAN.CO.ID",
        "Bisnis.com",
        "Jakarta",
        "Bandung Barat",
        "kata",
        "-",
        "\u2013",
        "\u2014",
        " ",
        "\u00a0",
        "\u3000",
        "\n",
        "\t",
        ",",
        ".",
        "terus-menerus",
        "2019 -2020",
        "detik.com",
        "xJakarta",
        "Élan",
        "éJakarta",
        "J",
        "_Jakarta",
        "1Jakarta",
        "Jakartaé",
        "KONTAN.CO.ID - JAKARTA.",
        ", \u00a0Bisnis.com",
    ]
    hits = skipped = 0
    for _ in range(40_000):
        window = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 10)))
        if dup._DATELINE.search(window):
            hits += 1
            assert dup._may_hold_dateline(window), window
        else:
            skipped += not dup._may_hold_dateline(window)
    assert hits > 1000 and skipped > 1000


def test_sentence_key_words_are_its_spaces_plus_one():
    rng = random.Random(4)
    pieces = ["kata", "\u201c", '"', " ", "  ", "\n", "\u00a0", "\u3000", "\x85", "ß", "İ", "'", ""]
    for _ in range(20_000):
        key = dup.sentence_key("".join(rng.choice(pieces) for _ in range(rng.randint(0, 12))))
        assert dup._words(key) == (key.count(" ") + 1 if key else 0), repr(key)


def test_casefold_maps_white_space_and_quotes_only_to_themselves():
    """The premises of ``_sentence_keys``: folding maps white space to itself,
    and makes no white space or quote character out of anything else."""
    special = dup._QUOTE_CHARS + " "
    for c in _every_char():
        folded = c.casefold()
        if c.isspace():
            assert folded == c, f"U+{ord(c):04X}"
        elif c not in special:
            assert not any(x.isspace() or x in special for x in folded), f"U+{ord(c):04X}"


def test_sentence_keys_equal_sentence_key():
    rng = random.Random(9)
    pieces = [
        "Kata",
        "kata",
        "ß",
        "İ",
        "\u201cKami",
        "datang.\u201d",
        '"Ya."',
        "Dia",
        "Rp1.000.",
        "Ini.",
    ]
    seps = [" ", " ", " ", "  ", "\u00a0", "\n", "\n\n", "   ", "\t", " \u2028 "]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) + rng.choice(seps) for _ in range(rng.randint(1, 30)))
        doc = Document(text)
        sents = doc.sentences
        fast = dup._sentence_keys(doc, sents, dup._paragraph_index(doc.paragraphs, sents))
        assert fast == [dup.sentence_key(text[s:e]) for s, e in sents], text


def test_printable_white_space_is_the_space():
    for c in _every_char():
        if c.isspace() and c.isprintable():
            assert c == " ", f"U+{ord(c):04X}"


def test_paragraph_keys_equal_paragraph_key():
    rng = random.Random(10)
    pieces = ["Kata", "kata", "ß", "İ", "\u201cKami", "\u00ad", "\x85", "Dia", "Rp1.000.", "Ini."]
    seps = [" ", " ", " ", "  ", "\u00a0", "\n", "\n\n", "   ", "\t", " \u2028 ", "\u200b"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) + rng.choice(seps) for _ in range(rng.randint(1, 30)))
        for path in (None, "a.md"):
            doc = Document(text, path)
            expected = [dup.paragraph_key(text[s:e]) for s, e in doc.paragraphs]
            assert dup._paragraph_keys(doc) == expected, text
