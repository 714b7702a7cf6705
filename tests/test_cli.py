"""The CLI contract: exit codes, output shapes, --fix/--diff/stdin."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest
from conftest import SEEDS

SEED = SEEDS / "antara-banten-sepatu-dox.txt"
FIXED = SEEDS / "antara-banten-sepatu-dox.fixed.txt"


@pytest.fixture
def article(tmp_path):
    p = tmp_path / "article.txt"
    shutil.copyfile(SEED, p)
    return p


def test_check_reports_and_exits_1(cli):
    r = cli("check", "--isolated", str(SEED))
    assert r.exit_code == 1
    assert "DUP002" in r.output and "BP001" in r.output and "BP002" in r.output
    assert "Found" in r.output


def test_json_output_contract(cli):
    r = cli("check", "--isolated", "--output-format", "json", str(SEED))
    assert r.exit_code == 1
    data = json.loads(r.output)
    keys = {
        "code",
        "name",
        "message",
        "severity",
        "path",
        "line",
        "column",
        "end_line",
        "end_column",
        "fix",
    }
    assert all(keys <= set(d) for d in data)
    block = [d for d in data if d["code"] == "DUP002"]
    assert len(block) == 1 and (block[0]["line"], block[0]["end_line"]) == (17, 30)
    fix = block[0]["fix"]
    assert fix["applicability"] == "safe"
    assert set(fix["edits"][0]) == {"line", "column", "end_line", "end_column", "content"}
    assert sorted(d["line"] for d in data if d["code"] == "BP002") == [5, 10, 15]
    assert sorted(d["line"] for d in data if d["code"] == "BP001") == [16, 31]
    assert not [d for d in data if d["code"].startswith("NUM")]


def test_fix_in_place_then_clean_then_idempotent(cli, article):
    r = cli("check", "--isolated", "--fix", str(article))
    assert r.exit_code == 0, r.output
    assert article.read_text(encoding="utf-8") == FIXED.read_text(encoding="utf-8")
    assert cli("check", "--isolated", str(article)).exit_code == 0
    before = article.read_bytes()
    assert cli("check", "--isolated", "--fix", str(article)).exit_code == 0
    assert article.read_bytes() == before


def test_fix_stdin_prints_fixed_text(cli):
    r = cli("check", "--isolated", "--fix", "-", input=SEED.read_bytes())
    assert r.exit_code == 0
    assert r.stdout == FIXED.read_text(encoding="utf-8")


def test_diff_writes_nothing(cli, article):
    before = article.read_bytes()
    r = cli("check", "--isolated", "--diff", str(article))
    assert r.exit_code == 1
    assert r.stdout.startswith("--- a/")
    assert "-COPYRIGHT © ANTARA News Banten 2024" in r.stdout
    assert article.read_bytes() == before


def test_diff_on_clean_file_exits_0(cli):
    assert cli("check", "--isolated", "--diff", str(FIXED)).exit_code == 0


def test_folder_is_recursed(cli, tmp_path):
    (tmp_path / "sub").mkdir()
    shutil.copyfile(SEED, tmp_path / "sub" / "a.md")
    (tmp_path / "sub" / "ignored.csv").write_text("x", encoding="utf-8")
    r = cli("check", "--isolated", "--output-format", "json", str(tmp_path))
    paths = {d["path"] for d in json.loads(r.output)}
    assert paths == {str(tmp_path / "sub" / "a.md")}


def test_missing_path_exit_2_and_one_line(cli, tmp_path):
    r = cli("check", "--isolated", str(tmp_path / "nope.txt"))
    assert r.exit_code == 2
    assert r.stderr.strip().count("\n") == 0 and "no such file" in r.stderr
    assert "Traceback" not in r.output


def test_invalid_utf8_exit_2_and_never_rewritten(cli, tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"Baca juga: x\n\xff\xfe caf\xe9\n")
    before = bad.read_bytes()
    r = cli("check", "--isolated", "--fix", str(bad))
    assert r.exit_code == 2
    assert "not valid UTF-8" in r.stderr
    assert bad.read_bytes() == before


def test_unknown_rule_exit_2(cli):
    r = cli("check", "--isolated", "--select", "XYZ999", str(SEED))
    assert r.exit_code == 2
    assert "XYZ999" in r.stderr


def test_select_and_ignore(cli):
    r = cli(
        "check",
        "--isolated",
        "--select",
        "BP",
        "--ignore",
        "BP001",
        "--output-format",
        "json",
        str(SEED),
    )
    assert {d["code"] for d in json.loads(r.output)} == {"BP002"}


def test_rules_and_rule_commands(cli):
    r = cli("rules")
    assert r.exit_code == 0 and "DUP002" in r.output and "repeated-block" in r.output
    r = cli("rule", "BP002")
    assert r.exit_code == 0 and "## What it does" in r.output
    r = cli("rule", "read-also-line")
    assert r.exit_code == 0
    r = cli("rule", "NOPE1")
    assert r.exit_code == 2


def test_errors_in_one_file_do_not_stop_the_run(cli, tmp_path, article):
    r = cli("check", "--isolated", str(tmp_path / "missing.txt"), str(article))
    assert r.exit_code == 2
    assert "BP002" in r.stdout


def test_preserves_crlf_bom_and_mode(cli, tmp_path):
    p = tmp_path / "crlf.txt"
    text = SEED.read_text(encoding="utf-8").replace("\n", "\r\n")
    p.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    os.chmod(p, 0o640)
    assert cli("check", "--isolated", "--fix", str(p)).exit_code == 0
    data = p.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    expected = FIXED.read_text(encoding="utf-8").replace("\n", "\r\n")
    assert data[3:].decode("utf-8") == expected
    assert (os.stat(p).st_mode & 0o777) == 0o640


def test_version_and_module_entry_point():
    out = subprocess.run(
        [sys.executable, "-m", "newslint", "--version"], capture_output=True, text=True
    )
    assert out.returncode == 0 and "newslint" in out.stdout
