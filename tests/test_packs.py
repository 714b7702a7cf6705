"""Rule packs: every pack's own examples, validation errors, config and CLI."""

from __future__ import annotations

import pickle
import textwrap
from pathlib import Path

import pytest

from newslint.document import Document
from newslint.engine import Linter
from newslint.errors import RuleError
from newslint.packs import (
    PackRule,
    builtin_pack_dir,
    builtin_rules,
    load_pack,
    pack_files,
    verify_examples,
)
from newslint.registry import load_registry

BUILTIN = builtin_rules()


def test_builtin_packs_are_found():
    folder = builtin_pack_dir()
    assert folder is not None
    names = {p.stem for p in pack_files(folder)}
    assert {"boilerplate", "antara", "detik", "spelling-id"} <= names


@pytest.mark.parametrize("r", BUILTIN, ids=lambda r: r.code)
def test_builtin_examples_behave(r: PackRule):
    """Each rule's own must-flag and must-pass examples (the same check runs
    on user packs when they are loaded)."""
    assert r.examples["flag"] and r.examples["pass"]
    assert verify_examples(r) is None


@pytest.mark.parametrize("r", BUILTIN, ids=lambda r: r.code)
def test_builtin_pack_rules_document_themselves(r: PackRule):
    for heading in ("## What it does", "## Example"):
        assert heading in r.doc
    assert r.origin.startswith("pack:")


def test_bp_codes_stay_in_their_range():
    for r in BUILTIN:
        if r.code.startswith("BP"):
            assert 4 <= int(r.code[2:]) <= 19, r.code


def test_pack_rules_pickle_with_the_linter():
    linter = Linter(BUILTIN)
    clone = pickle.loads(pickle.dumps(linter))
    text = "Harga naik.\nADVERTISEMENT\nPemerintah menyiapkan operasi pasar.\n"
    doc = Document(text, language="id")
    assert [d.code for d in clone.lint(doc)] == [d.code for d in linter.lint(doc)] == ["BP004"]


@pytest.mark.parametrize("r", [r for r in BUILTIN if r.default], ids=lambda r: r.code)
def test_examples_still_flag_among_all_default_rules(r: PackRule):
    """No other default rule hides a pack rule's finding (two rules folding
    each other's identical blocks would)."""
    linter = Linter(load_registry().select())
    for e in r.examples["flag"]:
        text = e if isinstance(e, str) else e["text"]
        doc = Document(text, language=e.get("language", "id") if isinstance(e, dict) else "id")
        found = linter.lint(doc)
        for mine in Linter([r]).lint(doc):
            # reported itself, or folded into a block another finding deletes whole
            assert any(
                d.code == r.code or (d.supersedes and d.start <= mine.start and mine.end <= d.end)
                for d in found
            ), text


def test_fixes_are_idempotent_on_examples():
    linter = Linter([r for r in BUILTIN if r.default])
    for r in BUILTIN:
        for e in r.examples["flag"]:
            text = e if isinstance(e, str) else e["text"]
            once = linter.fix(Document(text, language="id", is_record=True)).text
            twice = linter.fix(Document(once, language="id", is_record=True)).text
            assert once == twice, r.code


# -- validation ------------------------------------------------------------------

GOOD = """\
pack: house
rules:
  - code: HS001
    name: no-alay
    message: 'Slang {match} in the text'
    pattern: '(?i)\\bwk(?:wk)+\\b'
    fix: delete-match
    examples:
      flag: ["Lucu sekali wkwkwk kata dia."]
      pass: ["Lucu sekali, kata dia."]
"""


def write(tmp_path: Path, text: str, name: str = "house.yaml") -> Path:
    p = tmp_path / name
    p.write_text(textwrap.dedent(text), encoding="utf-8")
    return p


def test_good_pack_loads(tmp_path):
    pack = load_pack(write(tmp_path, GOOD))
    (r,) = pack.rules
    assert (r.code, r.name, r.origin) == ("HS001", "no-alay", "pack:house")
    diags = Linter([r]).lint(Document("Lucu wkwk sekali.", language="id"))
    assert [d.message for d in diags] == ["Slang wkwk in the text"]


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (
            ("    fix: delete-match\n", "    fix: delete-match\n    colour: red\n"),
            "rule HS001: unknown key 'colour'",
        ),
        (("'(?i)\\bwk(?:wk)+\\b'", "'(?i)(wkwk'"), "rule HS001: bad regex in `pattern`"),
        (
            ('pass: ["Lucu sekali, kata dia."]', 'pass: ["wkwk"]'),
            "rule HS001 (no-alay): example pass[0] is flagged",
        ),
        (
            ('flag: ["Lucu sekali wkwkwk kata dia."]', 'flag: ["Lucu."]'),
            "rule HS001 (no-alay): example flag[0] is not flagged",
        ),
        (
            ("message: 'Slang {match} in the text'", "message: 'Slang {word}'"),
            "unknown placeholder {word}",
        ),
        (
            ("    fix: delete-match\n", "    fix: delete-line\n"),
            "`fix: delete-line` needs `scope: line`",
        ),
        (("pack: house", "pack: house\nauthor: me"), "unknown key 'author'"),
        (("code: HS001", "code: hs1"), "code 'hs1' must be"),
        (
            ("    fix: delete-match\n", "    fix: delete-match\n    within: 100\n"),
            "`within` applies only to tail rules",
        ),
        (
            ("    fix: delete-match\n", "    fix: delete-match\n    kind: tail\n    scope: line\n"),
            "a tail rule has no `scope`",
        ),
    ],
)
def test_broken_pack_names_file_rule_and_problem(tmp_path, edit, expected):
    path = write(tmp_path, GOOD.replace(*edit))
    with pytest.raises(RuleError) as info:
        load_pack(path)
    msg = str(info.value)
    assert msg.startswith(str(path)) and expected in msg and "\n" not in msg


def test_duplicate_code_in_a_pack(tmp_path):
    rule = GOOD.split("rules:\n", 1)[1]
    path = write(tmp_path, GOOD + rule.replace("no-alay", "no-alay-two"))
    with pytest.raises(RuleError, match=r"rule HS001 \(no-alay-two\): duplicate code"):
        load_pack(path)


def test_duplicate_code_with_a_builtin(tmp_path):
    path = write(tmp_path, GOOD.replace("HS001", "BP001"))
    with pytest.raises(
        RuleError, match=r"house.yaml: rule BP001 \(no-alay\): duplicate rule code BP001"
    ):
        load_registry(load_pack(path).rules)


def test_substitution_to_itself_is_an_error(tmp_path):
    path = write(
        tmp_path,
        """\
        pack: words
        rules:
          - code: WD001
            name: words
            message: '{match} -> {replacement}'
            kind: substitution
            table: {resiko: risiko, dikonsumsi: dikonsumsi}
            examples: {flag: [resiko], pass: [risiko]}
        """,
    )
    with pytest.raises(RuleError, match=r"rule WD001: `table` maps 'dikonsumsi' to itself"):
        load_pack(path)


def test_invalid_yaml_is_one_line(tmp_path):
    path = write(tmp_path, "pack: x\nrules: [\n")
    with pytest.raises(RuleError, match="invalid YAML"):
        load_pack(path)


def test_yaml_cannot_execute_code(tmp_path):
    path = write(tmp_path, "!!python/object/apply:os.system ['echo hacked']\n")
    with pytest.raises(RuleError, match="invalid YAML"):
        load_pack(path)


def test_pathological_pattern_times_out_with_a_clear_error(tmp_path, monkeypatch):
    import newslint.packs as packs

    monkeypatch.setattr(packs, "TIMEOUT", 0.2)
    text = (
        GOOD.replace("'(?i)\\bwk(?:wk)+\\b'", "'(?:a|a)*$'")
        .replace('flag: ["Lucu sekali wkwkwk kata dia."]', 'flag: ["aaa"]')
        .replace('pass: ["Lucu sekali, kata dia."]', 'pass: ["bbb"]')
    )
    (r,) = load_pack(write(tmp_path, text)).rules
    doc = Document("a" * 40 + "b", language="id")
    with pytest.raises(RuleError, match=r"rule HS001 \(no-alay\): pattern timed out after 0.2s"):
        Linter([r]).lint(doc)


# -- substitution traps ------------------------------------------------------------


def sp(text: str) -> list[tuple[str, str]]:
    reg = load_registry()
    # off-by-default rules are enabled by their own codes
    linter = Linter(reg.select(select=["SP001", "SP002", "SP003"]))
    doc = Document(text, language="id")
    return [(d.code, text[d.start : d.end]) for d in linter.lint(doc)]


def test_spelling_pack_is_off_by_default():
    reg = load_registry()
    assert not any(r.code.startswith("SP") for r in reg.select())


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Aktifitas warga meningkat.", [("SP001", "Aktifitas")]),
        ("RESIKO tinggi.", [("SP001", "RESIKO")]),
        ("Barang di ekspor ke Jepang.", [("SP002", "di ekspor")]),
        ("Harga diatas rata-rata.", [("SP003", "diatas")]),
        ("Lihat #aktifitas di media sosial.", []),
        ("Email resiko@example.com untuk tanya.", []),
        ("Film Resiko Tinggi tayang.", []),
        ('Ia berkata "resiko itu kecil" kemarin.', []),
        ("Masalah itu diatasi segera.", []),
        ("Reaktifitas bahan itu tinggi.", []),
    ],
)
def test_spelling_traps(text, found):
    assert sp(text) == found


def test_substitution_keeps_case():
    from newslint.api import fix_text

    assert fix_text("Resiko naik. RESIKO turun.", select=["SP001"]) == "Risiko naik. RISIKO turun."


# -- config, --rules and the CLI ------------------------------------------------------


def test_extend_rules_in_config_lists_checks_and_fixes(tmp_path, monkeypatch, cli):
    (tmp_path / "house-style").mkdir()
    write(tmp_path / "house-style", GOOD)
    (tmp_path / "newslint.toml").write_text('extend-rules = ["house-style"]\n', encoding="utf-8")
    art = tmp_path / "a.txt"
    art.write_text("Lucu sekali wkwkwk kata dia.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    r = cli("rules")
    assert "HS001" in r.output and "no-alay" in r.output
    r = cli("rule", "HS001")
    assert r.exit_code == 0 and "Origin: pack:house" in r.output
    r = cli("check", "a.txt")
    assert r.exit_code == 1 and "HS001" in r.output and "Slang wkwkwk" in r.output
    r = cli("check", "--fix", "a.txt")
    assert r.exit_code == 0
    assert art.read_text(encoding="utf-8") == "Lucu sekali kata dia.\n"


def test_rules_option_and_pack_selector(tmp_path, monkeypatch, cli):
    pack = write(tmp_path, GOOD)
    art = tmp_path / "a.txt"
    art.write_text("Lucu wkwk.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    r = cli("check", "--isolated", "--rules", str(pack), "a.txt")
    assert r.exit_code == 1 and "HS001" in r.output
    r = cli("check", "--isolated", "--rules", str(pack), "--ignore", "pack:house", "a.txt")
    assert r.exit_code == 0
    r = cli("rules", "--rules", str(pack))
    assert "HS001" in r.output


def test_ignore_a_publisher_pack_as_a_unit():
    reg = load_registry()
    antara = {r.code for r in reg.matching("pack:antara")}
    assert antara == {"BP010", "BP011", "BP012", "BP013"}
    chosen = {r.code for r in reg.select(ignore=["pack:antara"])}
    assert not antara & chosen and "BP004" in chosen


def test_broken_pack_exits_2_naming_file_and_rule(tmp_path, monkeypatch, cli):
    pack = write(tmp_path, GOOD.replace('pass: ["Lucu sekali, kata dia."]', 'pass: ["wkwk"]'))
    (tmp_path / "a.txt").write_text("Teks.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    for args in (
        ("check", "--isolated", "--rules", str(pack), "a.txt"),
        ("rules", "--rules", str(pack)),
    ):
        r = cli(*args)
        assert r.exit_code == 2
        assert "house.yaml: rule HS001 (no-alay): example pass[0] is flagged" in r.output
        assert "Traceback" not in r.output


def test_missing_rules_path_is_a_config_error(tmp_path, monkeypatch, cli):
    monkeypatch.chdir(tmp_path)
    r = cli("check", "--isolated", "--rules", "nope/", "-")
    assert r.exit_code == 2 and "rule pack file or folder not found" in r.output


def test_per_file_ignores_accept_a_pack(tmp_path, monkeypatch, cli):
    (tmp_path / "newslint.toml").write_text(
        'per-file-ignores = { "a.txt" = ["pack:boilerplate"] }\n', encoding="utf-8"
    )
    (tmp_path / "a.txt").write_text("Harga naik.\nADVERTISEMENT\nIa pergi.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert cli("check", "a.txt").exit_code == 0
