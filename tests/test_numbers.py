"""NUM rules: the research note's traps must pass, every rule must flag in
both locales, fixes are safe only where the meaning is certain, and the
tokenizer runs once per document."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from newslint.api import fix_text, lint_text
from newslint.checks import _numtokens
from newslint.document import Document
from newslint.engine import Linter
from newslint.registry import load_registry

DATA = Path(__file__).resolve().parent / "data"


def rows(name: str) -> list[list[str]]:
    out = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            out.append(line.split("\t"))
    return out


TRAPS = rows("num_traps.tsv")
FLAGS = rows("num_flags.tsv")
DEFAULT_NUM = [r.code for r in load_registry() if r.code.startswith("NUM") and r.default]
ALL_NUM = [r.code for r in load_registry() if r.code.startswith("NUM")]


def test_every_research_trap_is_covered():
    covered = {int(trap) for _, trap, _ in TRAPS}
    assert set(range(1, 49)) <= covered


@pytest.mark.parametrize("locale,trap,text", TRAPS, ids=[f"{r[0]}-{r[1]}" for r in TRAPS])
def test_trap_passes(locale, trap, text):
    found = lint_text(text, language=locale, select=["NUM"])
    assert [(d.code, text[d.start : d.end]) for d in found] == []


@pytest.mark.parametrize(
    "locale,code,fix,text,expected", FLAGS, ids=[f"{r[1]}-{r[0]}-{i}" for i, r in enumerate(FLAGS)]
)
def test_rule_flags(locale, code, fix, text, expected):
    found = lint_text(text, language=locale, select=[code])
    assert found and {d.code for d in found} == {code}
    d = found[0]
    if fix == "none":
        assert d.fix is None
        assert fix_text(text, language=locale, select=[code], unsafe=True) == text
        return
    assert d.fix is not None and d.fix.applicability.value == fix
    assert fix_text(text, language=locale, select=[code], unsafe=True) == expected
    if fix == "unsafe":  # never applied by a plain --fix
        assert fix_text(text, language=locale, select=[code]) == text
    # a fix is stable: fixing the fixed text changes nothing
    assert fix_text(expected, language=locale, select=[code], unsafe=True) == expected


def test_every_num_rule_flags_in_both_locales():
    seen = {(r[1], r[0]) for r in FLAGS}
    for code in ALL_NUM:
        assert (code, "id") in seen and (code, "en") in seen, code


def test_default_rules_do_not_include_house_style():
    assert set(ALL_NUM) - set(DEFAULT_NUM) == {"NUM006", "NUM007", "NUM008"}
    # a family prefix does not switch house-style rules on; their code does
    text = "Harga cabai Rp 120 ribu. Harganya naik 10 %. Ada 3 orang antre."
    assert lint_text(text, language="id", select=["NUM"]) == []
    assert {
        d.code for d in lint_text(text, language="id", select=["NUM006", "NUM007", "NUM008"])
    } == {
        "NUM006",
        "NUM007",
        "NUM008",
    }


def test_seed_and_foundation_codes_are_stable():
    reg = load_registry()
    assert reg.get("NUM001").name == "thousands-separator-locale"
    assert reg.get("NUM002").name == "decimal-separator-locale"


# -- locale ----------------------------------------------------------------------


def test_english_quote_in_indonesian_is_judged_as_english():
    text = '"Growth reached 5.2 percent and 1,234,567 jobs," kata Menkeu. Inflasi 3.1 persen.'
    found = lint_text(text, language="id", select=["NUM"])
    assert [text[d.start : d.end] for d in found] == ["3.1"]
    # and inside that quote, Indonesian separators are the error
    text = '"Growth reached 5,2 percent this year, and that is the target," kata Menkeu.'
    assert [d.code for d in lint_text(text, language="id", select=["NUM"])] == ["NUM002"]


def test_document_language_decides_when_not_given():
    id_text = "Menurut data BPS, inflasi tahun ini turun menjadi 3.18 persen dan itu baik."
    en_text = "According to the agency, inflation fell to 3,18 percent and that is good."
    assert [d.code for d in lint_text(id_text, select=["NUM"])] == ["NUM002"]
    assert [d.code for d in lint_text(en_text, select=["NUM"])] == ["NUM002"]


# -- fixes ------------------------------------------------------------------------


def test_fix_touches_only_the_number():
    text = "Pemilih 1,234,567 orang, inflasi 7.5 persen, dan Rp.9.800 per liter.\n"
    fixed = fix_text(text, language="id", select=["NUM"])
    assert fixed == "Pemilih 1.234.567 orang, inflasi 7,5 persen, dan Rp9.800 per liter.\n"
    assert fix_text(fixed, language="id", select=["NUM"]) == fixed


def test_ambiguous_single_group_is_only_suggested():
    text = "Sebanyak 4,044 pasang sepatu diekspor."
    (d,) = lint_text(text, language="id", select=["NUM"])
    assert "4.044" in d.message and d.fix.applicability.value == "unsafe"
    assert fix_text(text, language="id", select=["NUM"]) == text


def test_malformed_grouping_suggests_the_likely_amount():
    (d,) = lint_text("Tiket Rp2.850.00 per orang.", language="id", select=["NUM"])
    assert d.code == "NUM003" and "2.850,00" in d.message and d.fix is None


def test_mixed_order_with_three_decimals_is_not_fixed():
    (d,) = lint_text("Upahnya Rp4,504.787 per bulan.", language="id", select=["NUM"])
    assert "4.504,787" in d.message and "4.504.787" in d.message and d.fix is None


def test_rp_in_all_caps_headline_is_left_alone():
    assert lint_text("HARGA CABAI TEMBUS RP80.000 PER KILO", language="id", select=["NUM"]) == []


# -- options ----------------------------------------------------------------------


def linter_with(code: str, **options):
    r = load_registry().get(code).with_options(**options)
    return Linter([r])


def test_rp_space_option():
    doc = Document("Harga Rp5.000 dan Rp 6.000.", language="id")
    none = linter_with("NUM006", **{"rp-space": "none"}).lint(doc)
    space = linter_with("NUM006", **{"rp-space": "space"}).lint(doc)
    assert [doc.text[d.start : d.end] for d in none] == ["Rp 6.000"]
    assert [doc.text[d.start : d.end] for d in space] == ["Rp5.000"]
    fixed = linter_with("NUM006", **{"rp-space": "space"}).fix(doc).text
    assert fixed == "Harga Rp 5.000 dan Rp 6.000."


@pytest.mark.parametrize(
    "mode,expected",
    [
        ("word", "Naik 5 persen, lalu 6 persen dan 7 persen."),
        ("symbol", "Naik 5%, lalu 6% dan 7%."),
        ("consistent", "Naik 5%, lalu 6% dan 7%."),
    ],
)
def test_percent_option(mode, expected):
    doc = Document("Naik 5%, lalu 6 persen dan 7%.", language="id")
    assert linter_with("NUM007", percent=mode).fix(doc).text == expected


def test_option_validators_reject_unknown_values():
    for code, key in (("NUM006", "rp-space"), ("NUM007", "percent")):
        r = load_registry().get(code)
        assert r.check.validate_options(r.options) is None
        assert "must be one of" in r.check.validate_options({key: "bogus"})


def test_spell_out_skips_lists_and_headlines():
    reg = load_registry()
    linter = Linter([reg.get("NUM008")])
    listed = Document("Dari 72 anggota, 52 orang setuju dan 5 orang abstain.", language="id")
    headline = Document("Polisi Tangkap 3 Orang Pelaku", language="id")
    assert linter.lint(listed) == [] and linter.lint(headline) == []


# -- tokenizer ----------------------------------------------------------------------


def test_tokenizer_runs_once_per_document(monkeypatch):
    calls = []
    real = _numtokens._scan
    monkeypatch.setattr(_numtokens, "_scan", lambda doc: calls.append(1) or real(doc))
    doc = Document("Inflasi 7.5 persen, pemilih 1,234,567 orang, Rp. 5.000.", language="id")
    Linter([r for r in load_registry() if r.code.startswith("NUM")]).lint(doc)
    assert len(calls) == 1


def test_tokenizer_context():
    doc = Document("Harga Rp. 1.500 per kg, pukul 10.30 WIB, versi 2.1.0, 12 orang.", language="id")
    toks = {t.text: t for t in _numtokens.tokens(doc)}
    assert toks["1.500"].currency == "Rp. " and toks["1.500"].next == "per"
    assert toks["10.30"].mask == "time" and toks["2.1.0"].mask == "version"
    assert toks["12"].quantity and toks["12"].next == "orang"


# -- the documentation tells the truth ---------------------------------------------

_TAG = re.compile(r"^(?P<text>.*?)\s+\((?P<lang>id|en)(?:, (?P<extra>.*))?\)$")


def doc_block(doc: str, heading: str) -> list[str]:
    part = doc.split(f"## {heading}", 1)[1]
    block = part.split("```text", 1)[1].split("```", 1)[0]
    return [line.strip() for line in block.strip().splitlines()]


@pytest.mark.parametrize("code", ALL_NUM)
def test_rule_doc_examples_flag_and_fix_as_documented(code):
    r = load_registry().get(code)
    examples = doc_block(r.doc, "Example")
    fixed = doc_block(r.doc, "Fixed")
    assert len(examples) == len(fixed)
    langs = set()
    for line, want in zip(examples, fixed, strict=True):
        m = _TAG.match(line)
        assert m, f"{code}: example without a (id|en) tag: {line!r}"
        langs.add(m["lang"])
        options = dict(re.findall(r'([\w-]+) = "(\w+)"', m["extra"] or ""))
        linter = Linter([r.with_options(**options)])
        doc = Document(m["text"], language=m["lang"])
        assert linter.lint(doc), f"{code}: documented example not flagged: {line!r}"
        if r.fix is not None:
            assert linter.fix(doc, unsafe=True).text == want
    assert langs == {"id", "en"}
