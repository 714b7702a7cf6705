"""The pack rules' shared scan for required words gives exactly what the
per-rule ``str.find`` loops gave: every occurrence, overlapping ones too,
and therefore the same candidate units, tail verdicts and findings."""

from __future__ import annotations

import dataclasses
import json
import random
import re
from bisect import bisect_right
from pathlib import Path

import pytest

from newslint import packs
from newslint.document import Document, Span
from newslint.engine import Linter
from newslint.packs import builtin_rules

BUILTIN = builtin_rules()
SAMPLE = Path(__file__).parent / "data" / "corpus-sample.jsonl"
ALL_WORDS = tuple(dict.fromkeys(w for r in BUILTIN for w in r.spec.requires))


def _finds(text: str, literals) -> dict[str, list[int]]:
    """The old way: str.find from each hit + 1."""
    out = {}
    for lit in literals:
        found = out[lit] = []
        i = text.find(lit)
        while i != -1:
            found.append(i)
            i = text.find(lit, i + 1)
    return out


def _scanned(text: str, literals) -> dict[str, list[int]]:
    hits: dict[str, list[int]] = {}
    packs._scan(text, tuple(literals), hits)
    return hits


TRAPS = [
    "",
    "o",
    "tontonton tonton",  # overlapping occurrences of one word
    "aaaa",
    "(antara) (ant) (ANT (ap(ap",  # words sharing their anchor at one offset
    "repoRTER reporter reporting reporterreporting",
    "pewartapewarta: editoreditor",
    "[gambas:video_20detik] video videografer",
    "selengkapnyaa story. unduhh",
    "advertisement\nadvertisement",
    "klik klikklik iklan",
    "/ // ///",
    "[gambas:x] x[gambas a[[gambas #tag q##tag [",
    "ẞtraße",
]

CRAFTED_WORDS = [
    ("aa", "a"),
    ("(ant", "(antara", "(ap", "ant", "ra"),
    ("tonton", "ton", "on"),
    ("tonton", "tonton", "(ant", "(ant"),  # a word named twice
    ("reporter", "reporting", "porter", "ter"),
    ("(c)", "[gambas", "a.b", "x*", "\\", "é", "ss", "\n"),
    ("story", "y", "ry", "tory"),
    ("x[gambas", "[gambas", "a[", "#tag", "q#"),  # rare non-letter anchors ("char" passes)
    ("gabung", "sign", "editing", "simak", "ikuti", "saksikan"),  # singletons joining groups
]


@pytest.mark.parametrize("text", TRAPS)
def test_scan_finds_what_str_find_finds_on_traps(text):
    for words in (ALL_WORDS, *CRAFTED_WORDS):
        folded = text.casefold()
        assert _scanned(folded, words) == _finds(folded, words), (text, words)


def test_scan_finds_what_str_find_finds_on_random_text():
    rng = random.Random(7)
    alphabet = "aeiknorst(/ \n"
    for _ in range(300):
        words = tuple(
            dict.fromkeys(
                "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 5)))
                for _ in range(rng.randint(1, 8))
            )
        )
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 200)))
        assert _scanned(text, words) == _finds(text, words), (text, words)


def _sample_texts() -> list[str]:
    with SAMPLE.open(encoding="utf-8") as fh:
        texts = [json.loads(line)["text"] for line in fh if line.strip()]
    for r in BUILTIN:
        texts.extend(
            e if isinstance(e, str) else e["text"] for k in ("flag", "pass") for e in r.examples[k]
        )
    return texts + TRAPS


def test_scan_finds_what_str_find_finds_on_the_sample():
    for text in _sample_texts():
        folded = text.casefold()
        assert _scanned(folded, ALL_WORDS) == _finds(folded, ALL_WORDS)


def test_scanner_patterns_are_plain_literals():
    """No repetition, no class, no group to backtrack into: a pass is linear
    in the text, which is why they need no time limit."""
    import re._parser as sre_parse  # type: ignore[import-not-found]

    allowed = {"LITERAL", "BRANCH", "ASSERT", "SUBPATTERN", "IN"}  # IN: a set of literals

    def ops(tree):
        for op, av in tree:
            yield str(op)
            if str(op) == "IN":
                assert {str(o) for o, _ in av} == {"LITERAL"}, av
            elif str(op) == "BRANCH":
                for alt in av[1]:
                    yield from ops(alt)
            elif str(op) in ("ASSERT", "SUBPATTERN"):
                yield from ops(av[-1])

    for words in (ALL_WORDS, *CRAFTED_WORDS):
        for how, pattern, _items in packs._scanner(tuple(words)):
            if how == "re":
                assert set(ops(sre_parse.parse(pattern.pattern))) <= allowed, pattern.pattern


def test_scan_of_a_huge_run_of_anchors_is_linear():
    text = "(" * 100_000 + "repo" * 50_000 + "o" * 100_000
    assert _scanned(text, ALL_WORDS) == _finds(text, ALL_WORDS)


# -- what the rules see --------------------------------------------------------


def _old_candidate_units(doc: Document, units: list[Span], requires) -> list[Span]:
    """The per-rule filter this branch replaced (kept here as the reference)."""
    folded = doc.casefolded
    if len(folded) != len(doc.text):
        return units
    firsts = [(lit, folded.find(lit)) for lit in requires]
    if all(i == -1 for _, i in firsts):
        return []
    starts = [u.start for u in units]
    keep: set[int] = set()
    for lit, i in firsts:
        while i != -1:
            k = bisect_right(starts, i) - 1
            if k >= 0 and i + len(lit) <= units[k].end:
                keep.add(k)
            i = folded.find(lit, i + 1)
    return [units[k] for k in sorted(keep)]


UNIT_TRAPS = [
    "Straße gesperrt.\nADVERTISEMENT\nIa datang.",  # folding changes the length
    "Pewar\nta: Nama",  # a word across a unit break is in no unit
    "Simak juga Video: Judul   Editor: Nama Editor   (ant)",  # flat layout
    "\n\n  video  \n\nvideo video\n",
]


@pytest.mark.parametrize("scope", ["paragraph", "line"])
def test_candidate_units_are_the_old_ones(scope):
    for text in _sample_texts() + UNIT_TRAPS:
        for words in [r.spec.requires for r in BUILTIN if r.spec.requires] + [("o", "a", "\n")]:
            doc = Document(text, language="id", is_record=True)
            units = packs._units(doc, scope)
            old = _old_candidate_units(doc, units, words)
            if not any(w in doc.casefolded for w in words):
                old = []  # new: no word anywhere, no unit even when folding moved offsets
            assert packs._candidate_units(doc, scope, words) == old


TAIL_TRAPS = [
    # BP010's words just before the window, across its start, inside it
    "Editor " + "x" * 400 + "\nPewarta: Nama Lengkap\nEditor: Nama Editor",
    "Editor: Nama " + "x" * 395 + " kata dia.Pewarta: Nama Lengkap",
    "x" * 500 + "Pewarta: Nama Lengkap Editor: Nama",
    "Straße. " + "x" * 500 + "Pewarta: Nama Lengkap",
    "Pewarta: Nama Lengkap\n\n  \n",
    "Pewarta",
]


def _without_requires(r):
    return dataclasses.replace(r, spec=r.spec.replace(requires=()))


@pytest.mark.parametrize("r", [r for r in BUILTIN if r.spec.requires], ids=lambda r: r.code)
def test_findings_with_and_without_the_scan_on_traps(r):
    with_hint, without = Linter([r]), Linter([_without_requires(r)])
    for text in TAIL_TRAPS + UNIT_TRAPS + TRAPS:
        for lang in ("id", "en"):
            a = with_hint.lint(Document(text, language=lang, is_record=True))
            b = without.lint(Document(text, language=lang, is_record=True))
            assert a == b, (r.code, text[:60])


def test_findings_do_not_depend_on_which_rule_scans_first(monkeypatch):
    """The first document of a run (each rule adds its words as it is
    checked, in any order) gives each rule the findings a full registry does."""
    texts = _sample_texts() + TAIL_TRAPS + UNIT_TRAPS
    for t in texts:
        monkeypatch.setattr(packs, "_KNOWN", {})
        monkeypatch.setattr(packs, "_REGISTERED", {})
        monkeypatch.setattr(packs, "_KNOWN_TUPLE", [()])
        first = Document(t, language="id", is_record=True)
        early = {r.code: list(r.check(first, r)) for r in reversed(BUILTIN)}
        later = Document(t, language="id", is_record=True)
        assert {r.code: list(r.check(later, r)) for r in BUILTIN} == early, t[:60]


def test_user_rule_without_requires_and_with_requires_share_a_document(tmp_path):
    pack = tmp_path / "house.yaml"
    pack.write_text(
        """\
pack: house
rules:
  - code: HS001
    name: no-laughter
    message: 'Laughter {match}'
    pattern: '(?i)\\bwk(?:wk)+\\b'
    fix: delete-match
    examples:
      flag: ["Lucu sekali wkwkwk kata dia."]
      pass: ["Lucu sekali, kata dia."]
  - code: HS002
    name: no-haha
    message: 'Laughter {match}'
    pattern: '(?i)\\bha(?:ha)+\\b'
    requires: ['haha']
    scope: text
    examples:
      flag: ["Lucu HAHAHA kata dia."]
      pass: ["Lucu sekali, kata dia."]
""",
        encoding="utf-8",
    )
    rules = packs.load_pack(pack).rules
    linter = Linter(rules + BUILTIN)
    got = linter.lint(Document("Lucu wkwk HAHA sekali. (ant)", language="id"))
    assert {d.code for d in got} >= {"HS001", "HS002"}
    assert not any(d.code == "HS002" for d in linter.lint(Document("Lucu wkwk.", language="id")))


def test_scanner_uses_every_kind_of_pass():
    kinds = {how: what for how, what, _ in packs._scanner(ALL_WORDS + ("[gambas", "zz"))}
    assert isinstance(kinds["re"], re.Pattern)
    assert kinds["char"] == "[" and "find" in kinds


def _old_notice_paragraphs(doc: Document) -> list:
    """What BP001's pre-filter selected before the shared scan, by brute
    force: the paragraphs in which ``text.lower()`` holds a notice word at
    some offset (every paragraph when lowering moves offsets)."""
    from newslint.checks.boilerplate import _NOTICE_LITERALS

    low = doc.text.lower()
    if len(low) != len(doc.text):
        return doc.paragraphs
    starts = [i for i in range(len(low)) if low.startswith(_NOTICE_LITERALS, i)]
    return [
        p
        for k, p in enumerate(doc.paragraphs)
        if any(
            p.start <= i and (k + 1 == len(doc.paragraphs) or i < doc.paragraphs[k + 1].start)
            for i in starts
        )
    ]


NOTICE_TRAPS = [
    "Copyright (C) 2024 Kompas.com. All Rights Reserved.",
    "COPYRIGHT © ANTARA News Banten 2024",
    "Hak Cipta dilindungi undang-undang\n\nmenciptakan (c)(c)",
    "All rightſ reserved",  # long s: lower() keeps it, casefold() would not
    "İstanbul copyright",  # lower() changes the length (and equals casefold())
    "İ" * 30 + ".\n\nCopyright kata.\n\n" + "x" * 100,
    "rights\nrights  rights   Copyright",
]


def test_notice_paragraphs_are_the_old_ones():
    from newslint.checks.boilerplate import _notice_paragraphs

    for text in _sample_texts() + NOTICE_TRAPS:
        for seen in (False, True):  # with and without the pack rules' scan done first
            doc = Document(text, language="id", is_record=True)
            if seen:
                packs.literal_offsets(doc, ALL_WORDS)
            assert _notice_paragraphs(doc) == _old_notice_paragraphs(doc), text[:60]


READ_ALSO_TRAPS = [
    "Kata dia. Baca juga: Judul Berita  Isi berita. BACA  JUGA : Judul lain\tSIMAK\t\tJUGA\t:x",
    "baca juga: baca juga:: lihat pula:simak juga:read more: see also: related: read  also :",
    "xbaca juga: abaca juga: 1baca juga: (baca juga: _baca juga:",
    "Baca Juga:\nJudul di baris baru\nbaca\njuga: terputus",
    "ſee alſo: ſimak juga: KELVIN ſ baca JUGA: sımak juga: lihat pula :",  # ſ, dotless i
    "Straße. Baca juga: Judul",  # folding changes the length: the whole paragraph is scanned
    "Baca juga:Judul   Baca juga:   Judul   Read more:Judul",
    "          juga:  also: more:  pula:",
    "bacajuga: baca\u00a0juga: baca \u2003juga:",
]


def test_read_also_labels_are_those_of_the_pattern():
    from newslint.checks.boilerplate import (
        _READ_ALSO_ANY,
        _read_also_labels,
        _read_also_paragraphs,
    )

    for text in _sample_texts() + READ_ALSO_TRAPS:
        doc = Document(text, language="id", is_record=True)
        for p in doc.paragraphs:
            want = [m.span() for m in _READ_ALSO_ANY.finditer(text, p.start, p.end)]
            _read_also_paragraphs(doc)
            got = [m.span() for m in _read_also_labels(doc, p)]
            if p in _read_also_paragraphs(doc):
                assert got == want, (text[:60], p)
            else:
                assert want == [], (text[:60], p)


def test_untimed_patterns_are_one_repeated_class():
    """A pattern of this family compiled without a time limit must be linear
    by construction: a single character class (or escape) repeated."""
    import importlib

    from newslint.patterns import TimedPattern

    names = ["newslint.packs", "newslint.checks.boilerplate"]
    untimed = [
        (name, attr, value._source[0])
        for name in names
        for attr, value in vars(importlib.import_module(name)).items()
        if isinstance(value, TimedPattern) and value.timeout is None
    ]
    assert untimed  # the white-space collapse at least
    one_class = re.compile(r"^(?:\\[sSdDwW]|\[[^\[\]]*\])[+*]$")
    for name, attr, source in untimed:
        assert one_class.match(source), f"{name}.{attr} = {source!r} has no time limit"
