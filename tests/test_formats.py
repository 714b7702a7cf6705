"""Every output format has a test; SARIF validates against the 2.1.0 schema."""

from __future__ import annotations

import io
import json
from xml.etree import ElementTree as ET

import pytest
from conftest import ROOT, SEEDS

from newslint.formatters import FORMATS
from newslint.runner import CheckOptions, run_check

SEED = SEEDS / "antara-banten-sepatu-dox.txt"
SCHEMA = ROOT.parent / "shared" / "schemas" / "sarif-schema-2.1.0.json"
SEED_CODES = ["BP002", "BP002", "BP002", "BP001", "DUP002", "BP001", "TXT002"]


def run(*args: str, cli) -> tuple[int, str]:
    r = cli("check", "--isolated", *args)
    return r.exit_code, r.stdout


def test_every_registered_format_runs(cli):
    for name in FORMATS:
        code, out = run("--output-format", name, str(SEED), cli=cli)
        assert code == 1, name
        assert out.strip(), name


def test_full_is_default_with_source_caret_fix_and_summary(cli):
    code, out = run(str(SEED), cli=cli)
    assert code == 1
    first = out.split("\n\n")[0].splitlines()
    assert first[0].startswith(f"{SEED}:5:1: BP002 [*] Orphan")
    assert (
        first[2] == "5 | Baca juga: Briket arang produksi IKM binaan Pemprov Banten ekspor perdana"
    )
    assert first[3] == "  | " + "^" * len(
        "Baca juga: Briket arang produksi IKM binaan Pemprov Banten ekspor perdana"
    )
    assert first[4] == '  = fix: Delete the "Baca juga:" line'
    assert "(+13 more lines)" in out  # the repeated block spans 14 lines
    assert out.rstrip().endswith("Found 7 findings (7 fixable with --fix).")


def test_full_cuts_a_flat_article_line_around_the_span(cli, tmp_path):
    words = "Pemerintah menyiapkan anggaran baru untuk program itu. " * 20
    p = tmp_path / "flat.txt"
    p.write_text(words + "Jumlahnya 1,234,567 orang. " + words + "\n", encoding="utf-8")
    code, out = run("--language", "id", "--select", "NUM", str(p), cli=cli)
    assert code == 1
    src = [line for line in out.splitlines() if line.startswith("1 | ")][0]
    caret = [line for line in out.splitlines() if "^" in line][0]
    assert src.startswith("1 | …") and src.endswith("…") and len(src) < 120
    start = caret.index("^")
    assert src[start : start + 9] == "1,234,567" and caret.count("^") == 9


def test_summary_counts_unsafe_fixes_apart(cli, tmp_path):
    p = tmp_path / "post.md"
    p.write_text(
        "Pemerintah menyiapkan anggaran baru.\n\n"
        "**Baca juga:** [Harga beras naik](https://example.com/beras)\n",
        encoding="utf-8",
    )
    code, out = run("--extend-select", "MD001", str(p), cli=cli)
    assert code == 1
    assert "Found 1 finding (1 more with --unsafe-fixes)." in out
    assert "(unsafe: --unsafe-fixes)" in out


def test_concise_and_text_alias(cli):
    _, concise = run("--output-format", "concise", str(SEED), cli=cli)
    _, text = run("--output-format", "text", str(SEED), cli=cli)
    assert concise == text
    lines = concise.splitlines()
    assert lines[0] == (
        f'{SEED}:5:1: BP002 [*] Orphan "Baca juga:" line: a link to another article without its link'
    )
    assert [line.split(": ")[1].split()[0] for line in lines[:-1]] == SEED_CODES


def test_json_contract_unchanged_and_json_lines_same_objects(cli):
    _, j = run("--output-format", "json", str(SEED), cli=cli)
    _, jl = run("--output-format", "json-lines", str(SEED), cli=cli)
    data = json.loads(j)
    lines = [json.loads(line) for line in jl.splitlines()]
    assert data == lines
    assert [d["code"] for d in data] == SEED_CODES


def test_sarif_is_valid_and_carries_rules_help_and_fixes(cli):
    jsonschema = pytest.importorskip("jsonschema")
    if not SCHEMA.is_file():
        pytest.skip("../shared/schemas/sarif-schema-2.1.0.json not present (fresh clone)")
    _, out = run("--output-format", "sarif", str(SEED), cli=cli)
    log = json.loads(out)
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.validate(log, schema)
    run0 = log["runs"][0]
    rules = {r["id"]: r for r in run0["tool"]["driver"]["rules"]}
    assert {"BP001", "BP002", "DUP002", "TXT002"} <= set(rules)
    assert "## Why it matters" in rules["BP002"]["help"]["markdown"]
    assert rules["DUP002"]["defaultConfiguration"]["level"] == "error"
    results = run0["results"]
    assert [r["ruleId"] for r in results] == SEED_CODES
    for r in results:
        assert run0["tool"]["driver"]["rules"][r["ruleIndex"]]["id"] == r["ruleId"]
    bp = results[0]
    region = bp["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"]) == (5, 1)
    rep = bp["fixes"][0]["artifactChanges"][0]["replacements"][0]
    assert rep["deletedRegion"] == {"startLine": 5, "startColumn": 1, "endLine": 6, "endColumn": 1}
    assert rep["insertedContent"]["text"] == ""
    assert results[-1]["level"] == "note"  # TXT002 is info
    assert run0["columnKind"] == "unicodeCodePoints"


def test_sarif_valid_when_clean(cli, tmp_path):
    jsonschema = pytest.importorskip("jsonschema")
    if not SCHEMA.is_file():
        pytest.skip("../shared/schemas/sarif-schema-2.1.0.json not present (fresh clone)")
    p = tmp_path / "ok.txt"
    p.write_text("Pemerintah menyiapkan anggaran baru.\n", encoding="utf-8")
    code, out = run("--output-format", "sarif", str(p), cli=cli)
    assert code == 0
    log = json.loads(out)
    jsonschema.validate(log, json.loads(SCHEMA.read_text(encoding="utf-8")))
    assert log["runs"][0]["results"] == []


def test_github_annotations(cli, monkeypatch):
    monkeypatch.chdir(ROOT)
    _, out = run("--output-format", "github", str(SEED), cli=cli)
    lines = out.splitlines()
    assert lines[0].startswith(
        "::warning file=seeds/antara-banten-sepatu-dox.txt,line=5,col=1,endColumn=74,"
        "title=newslint (BP002 read-also-line)::BP002 Orphan"
    )
    assert any(line.startswith("::error ") and "line=17,endLine=30" in line for line in lines)
    assert lines[-1].startswith("::notice ")  # info -> notice
    assert len(lines) == 7


def test_github_escapes_newlines_and_separators():
    from newslint.formatters.ci import _gh_data, _gh_prop

    assert _gh_data("a\nb%c") == "a%0Ab%25c"
    assert _gh_prop("x:y,z") == "x%3Ay%2Cz"


def test_gitlab_code_quality(cli):
    _, out = run("--output-format", "gitlab", str(SEED), cli=cli)
    items = json.loads(out)
    assert len(items) == 7
    for it in items:
        assert {"description", "check_name", "fingerprint", "severity", "location"} <= set(it)
        assert it["severity"] in {"info", "minor", "major", "critical", "blocker"}
        assert it["location"]["lines"]["begin"] >= 1
    fps = [it["fingerprint"] for it in items]
    assert len(set(fps)) == len(fps)
    assert items[4]["check_name"] == "DUP002" and items[4]["severity"] == "major"


def test_junit_xml(cli, tmp_path):
    clean = tmp_path / "ok.txt"
    clean.write_text("Pemerintah menyiapkan anggaran baru.\n", encoding="utf-8")
    _, out = run("--output-format", "junit", str(SEED), str(clean), cli=cli)
    root = ET.fromstring(out.encode("utf-8"))
    assert root.tag == "testsuites"
    assert root.get("tests") == "8" and root.get("failures") == "7"
    suites = root.findall("testsuite")
    assert len(suites) == 2
    assert len(suites[0].findall("testcase/failure")) == 7
    assert suites[1].find("testcase/failure") is None


def test_output_file(cli, tmp_path):
    target = tmp_path / "reports" / "newslint.sarif"
    r = cli("check", "--isolated", "--output-format", "sarif", "-o", str(target), str(SEED))
    assert r.exit_code == 1
    assert r.stdout == ""
    assert json.loads(target.read_text(encoding="utf-8"))["version"] == "2.1.0"


def test_output_file_unwritable_is_exit_2(cli, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    r = cli("check", "--isolated", "-o", str(blocker / "sub" / "out.txt"), str(SEED))
    assert r.exit_code == 2
    assert "cannot write report" in r.stderr


def test_unknown_format_is_exit_2(cli):
    r = cli("check", "--isolated", "--output-format", "xml", str(SEED))
    assert r.exit_code == 2
    assert "unknown output format" in r.stderr


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("no_color, colored", [(False, True), (True, False)])
def test_colour_only_on_a_tty_and_no_color(monkeypatch, no_color, colored):
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    if no_color:
        monkeypatch.setenv("NO_COLOR", "1")
    out = _Tty()
    run_check(CheckOptions(paths=[str(SEED)], isolated=True), out=out, err=io.StringIO())
    assert ("\x1b[" in out.getvalue()) is colored
    plain = io.StringIO()  # not a TTY: never coloured
    run_check(CheckOptions(paths=[str(SEED)], isolated=True), out=plain, err=io.StringIO())
    assert "\x1b[" not in plain.getvalue()


def test_statistics(cli):
    _, out = run("--statistics", str(SEED), cli=cli)
    assert out.splitlines()[0].split() == ["3", "BP002", "[*]", "read-also-line"]
    assert "DUP002" in out and "Found" not in out
    _, js = run("--statistics", "--output-format", "json", str(SEED), cli=cli)
    data = json.loads(js)
    assert data[0] == {"code": "BP002", "name": "read-also-line", "count": 3, "fixable": 3}


def test_show_fixes_lists_what_fix_changed(cli, tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes(SEED.read_bytes())
    r = cli("check", "--isolated", "--fix", "--show-fixes", str(p))
    assert r.exit_code == 0
    assert f'{p}: fixed BP002 Delete the "Baca juga:" line' in r.stdout
    assert "Fixed 7 findings." in r.stdout


def test_show_settings_names_the_config_file(cli, tmp_path, monkeypatch):
    (tmp_path / "newslint.toml").write_text('ignore = ["TXT"]\nexclude = ["drafts"]\n')
    monkeypatch.chdir(tmp_path)
    r = cli("check", "--show-settings", "--fail-on", "warning")
    assert r.exit_code == 0
    out = r.stdout
    assert f"Settings file: {tmp_path / 'newslint.toml'}" in out
    assert 'ignore               = ["TXT"]' in out and "# config newslint.toml" in out
    assert "fail-on" in out and "# command line" in out
    assert "TXT001" not in out.split("Enabled rules")[1]


def test_sarif_uris_are_relative_to_the_working_directory(cli, monkeypatch):
    monkeypatch.chdir(ROOT)
    _, out = run("--output-format", "sarif", str(SEED.resolve()), cli=cli)
    loc = json.loads(out)["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == "seeds/antara-banten-sepatu-dox.txt"
