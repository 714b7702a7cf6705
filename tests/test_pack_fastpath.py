"""``check_pack_rule``'s fast path (r3-packs): the rule's verdict is read
from the document's scan without calling ``_scanned`` when the scan is up to
date, and ``regex`` gets its time limit by position.  Both must give what
the plain path gives, and every call must still time out."""

from __future__ import annotations

import dataclasses

import pytest

from newslint import packs
from newslint.document import Document
from newslint.engine import Linter
from newslint.errors import RuleError
from newslint.packs import builtin_rules, check_pack_rule

BUILTIN = builtin_rules()

TEXTS = [
    "Pewarta: Nama Lengkap\nEditor: Nama Editor",
    "Baca juga: Judul lain\n\nADVERTISEMENT\n\nScroll to continue with content",
    "Tonton video selengkapnya di sini.\n\n(ANTARA) - Kata dia.",
    "Straße. Pewarta: Nama",
    "Tidak ada apa-apa di sini.",
    "",
]


def _plain(r):
    """The rule without its pre-filter: every unit searched."""
    return dataclasses.replace(r, spec=r.spec.replace(requires=()))


def test_absent_words_return_an_empty_tuple_not_a_generator():
    doc = Document("Tidak ada apa-apa di sini.", language="id", is_record=True)
    for r in BUILTIN:
        if r.spec.requires:
            assert check_pack_rule(doc, r) == ()


@pytest.mark.parametrize("text", TEXTS)
def test_fast_path_gives_the_plain_findings(text):
    for lang in ("id", "en"):
        shared = Document(text, language=lang, is_record=True)  # one scan for all rules
        for r in BUILTIN:
            plain = Document(text, language=lang, is_record=True)
            assert list(check_pack_rule(shared, r)) == list(check_pack_rule(plain, _plain(r)))


def test_new_words_after_the_scan_are_scanned_for(monkeypatch):
    """A document scanned already (its state counts every known word) meets
    a rule whose words nobody asked for: the fast path must not trust the
    stale state."""
    monkeypatch.setattr(packs, "_KNOWN", {})
    monkeypatch.setattr(packs, "_REGISTERED", {})
    monkeypatch.setattr(packs, "_KNOWN_TUPLE", [()])
    base = next(r for r in BUILTIN if r.code == "BP013")
    doc = Document("Halaman 2. Kata zzqx di sini.", language="id", is_record=True)
    list(check_pack_rule(doc, base))
    state = doc.__dict__[packs._HITS]
    assert state.known == len(packs._KNOWN)
    spec = base.spec.replace(pattern_source=r"zzqx", requires=("zzqx",), scope="text")
    new = dataclasses.replace(base, code="HS900", spec=spec)
    assert [doc.span_text((d.start, d.end)) for d in check_pack_rule(doc, new)] == ["zzqx"]
    same_words = dataclasses.replace(new, spec=spec.replace(requires=("zzq" + "x",)))
    assert len(list(check_pack_rule(doc, same_words))) == 1


def _rule(kind: str, pattern: str, **extra):
    base = next(r for r in BUILTIN if r.code == "BP013")
    spec = base.spec.replace(kind=kind, pattern_source=pattern, requires=(), fix="none", **extra)
    return dataclasses.replace(base, code="HS901", name="slow", spec=spec)


@pytest.mark.parametrize(
    ("kind", "pattern", "text"),
    [
        ("pattern", r"(?:a|a)*$", "a" * 40 + "b"),  # search
        ("pattern", r"b|(?:a|a)*c", "b" + "a" * 40),  # search matches at once; finditer hangs
        ("tail", r"(?:(?:a|a)*$)\Z", "a" * 40 + "b"),
    ],
)
def test_positional_time_limit_still_stops_each_call(monkeypatch, kind, pattern, text):
    monkeypatch.setattr(packs, "TIMEOUT", 0.2)
    r = _rule(kind, pattern, within=400) if kind == "tail" else _rule(kind, pattern)
    with pytest.raises(RuleError, match=r"pattern timed out after 0.2s"):
        Linter([r]).lint(Document(text, language="id", is_record=True))


def test_substitution_passes_the_limit_in_timeouts_place(monkeypatch):
    """``finditer(string, pos, endpos, overlapped, concurrent, partial, timeout)``."""
    seen = []
    real = packs._compiled

    class Spy:
        def __init__(self, p):
            self.p = p

        def finditer(self, *args):
            seen.append(args)
            return self.p.finditer(*args)

    monkeypatch.setattr(packs, "_compiled", lambda source: Spy(real(source)))
    monkeypatch.setattr(packs, "TIMEOUT", 0.7)
    sp = next(r for r in BUILTIN if r.spec.kind == "substitution")
    list(check_pack_rule(Document("Kata di sini.", language="id"), sp))
    assert seen and all(a[3:] == (False, None, False, 0.7) for a in seen)


def test_found_holds_exactly_the_words_present():
    """``_found`` (what ``_scanned`` uses) lists only words that occur, each
    with every offset ``str.find`` gives; the state maps the others to ()."""
    words = tuple(dict.fromkeys(w for r in BUILTIN for w in r.spec.requires)) + ("©", "rights")
    for text in [*TEXTS, "(ANTARA) (ant (c)(c) editoreditor ©©", "((((ant"]:
        folded = text.casefold()
        want = {}
        for w in words:
            i = folded.find(w)
            while i != -1:
                want.setdefault(w, []).append(i)
                i = folded.find(w, i + 1)
        assert packs._found(folded, words) == want
        doc = Document(text, language="id", is_record=True)
        hits = packs.literal_offsets(doc, words)
        assert {w: list(hits[w]) for w in words} == {w: want.get(w, []) for w in words}
        assert doc.__dict__[packs._HITS].present & set(words) == set(want)  # + other known words


def test_lowering_never_makes_a_notice_word_casefolding_lacks():
    """BP001 skips ``text.lower()`` when ``text.casefold()`` holds no notice
    word and the text has no ``İ``.  Exact because, over all of Unicode,
    a character whose lower case holds a character of a notice word folds
    to that same lower case, and only ``İ`` changes length when lowered."""
    import sys

    from newslint.checks.boilerplate import _NOTICE_LITERALS

    alphabet = set("".join(_NOTICE_LITERALS))
    longer = []
    for i in range(sys.maxunicode + 1):
        c = chr(i)
        low = c.lower()
        if len(low) != 1:
            longer.append(c)
        if not alphabet.isdisjoint(low):
            assert c.casefold() == low, hex(i)
    assert longer == ["\u0130"]


NOTICE_TRAPS = [
    "All rightſ reserved",  # long s: in casefold() only
    "İstanbul kota.",  # lower() changes length, no notice word
    "İstanbul copyright",
    "ΣΟΦΙΑ (Ϲ) ℂopyright ℭ © ＣＯＰＹＲＩＧＨＴ",
    "Kota besar ſaja.\n\nTidak ada.",
    "Copyright © 2024 Kompas.com",
    "",
]


def _old_notice_paragraphs(doc):
    """BP001's pre-filter before the early return (main's code)."""
    from bisect import bisect_right

    from newslint.checks.boilerplate import _NOTICE_LITERALS

    text = doc.text
    low = text.lower()
    if len(low) != len(text):
        return doc.paragraphs
    hits = []
    for lit in _NOTICE_LITERALS:
        i = low.find(lit)
        while i != -1:
            hits.append(i)
            i = low.find(lit, i + 1)
    paras = doc.paragraphs
    starts = [p.start for p in paras]
    return [paras[i] for i in sorted({bisect_right(starts, h) - 1 for h in hits}) if i >= 0]


@pytest.mark.parametrize("text", NOTICE_TRAPS + TEXTS)
def test_notice_paragraphs_with_the_early_return(text):
    from newslint.checks.boilerplate import _notice_paragraphs

    doc = Document(text, language="id", is_record=True)
    assert _notice_paragraphs(doc) == _old_notice_paragraphs(doc)


BP008_TRAPS = [
    "Dapatkan update berita pilihan dan breaking news setiap hari.",
    "Simak informasi berita terkini di kanal kami.",
    "Simak\tberita   berita\nterbaru",
    "Ikuti kabar terbaru dari kami.",
    "Ikuti berita terkini",
    "Ikuti berita hari ini.",  # no required word, no match
    "Mendapatkan update berita pilihan.",  # not at the paragraph start
    "Download aplikasi kami.",
    "Unduh app sekarang.",
    "Gabunglah ke saluran kami.",
    "Follow us on X.",
    "Sign up for our daily newsletter to get the news first.",
    "Subscribe to the newsletter.",
    "Sign up for our newsletters today",
    "Download the Kompas app",
    "Kata dia. Baca berita selengkapnya di sini.",
    "Read the full story here.",
    "Bagus sekali.” Read the full story",
    "Klik di sini untuk membaca ulasannya.",
    "Klik disini untuk berita lain",
    "He signed up for a newsletter. Already read the story?",
]


def test_bp008_requires_are_in_every_match():
    """BP008's words: each alternative of its (case-sensitive) pattern holds
    one of them; its findings on traps and random word salads built from
    the pattern's own words equal those of the rule without ``requires``."""
    import random

    r = next(r for r in BUILTIN if r.code == "BP008")
    vocab = (
        "Dapatkan Simak Ikuti update informasi berita terkini terbaru pilihan Download Unduh "
        "aplikasi app Gabung Gabunglah di ke grup saluran channel Follow us kami Sign up "
        "Subscribe for to our the weekly newsletter Baca selengkapnya sini Read full story "
        'here Klik disini untuk membaca . ” " !'
    ).split()
    rng = random.Random(8)
    texts = list(BP008_TRAPS)
    lead = [BP008_TRAPS[i].split(" ", 1)[0] for i in range(len(BP008_TRAPS))]
    for _ in range(4000):  # salads, half of them led by an alternative's first word
        words = rng.choices(vocab, k=rng.randint(1, 7))
        if rng.random() < 0.5:
            words[0] = rng.choice(lead)
        texts.append(" ".join(words) + " ")
    for _ in range(4000):  # a trap with one word swapped and white space changed
        words = rng.choice(BP008_TRAPS).split()
        words[rng.randrange(len(words))] = rng.choice(vocab)
        seps = [rng.choice([" ", " ", "  ", "\t", "\n", ""]) for _ in words]
        texts.append(
            rng.choice(["", "Kata dia. ", "x\n"])
            + "".join(w + s for w, s in zip(words, seps, strict=True))
        )
    hits = 0
    for text in texts:
        for lang in ("id", "en"):
            a = list(check_pack_rule(Document(text, language=lang, is_record=True), r))
            b = list(check_pack_rule(Document(text, language=lang, is_record=True), _plain(r)))
            assert a == b, text
            hits += bool(a)
    assert hits > 400  # the texts do reach the pattern (510 findings)
