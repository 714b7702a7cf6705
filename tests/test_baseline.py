"""--baseline: record once, then report only new findings, keyed on rule +
file + normalised span text (not line numbers)."""

from __future__ import annotations

import json

ORPHAN = "Baca juga: Harga cabai turun lagi"
BODY = "Pemerintah menyiapkan anggaran baru untuk program itu."


def test_record_then_only_new_findings(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    a = tmp_path / "a.txt"
    a.write_text(f"{BODY}\n{ORPHAN}\n", encoding="utf-8")
    r = cli("check", "--isolated", "--baseline", "nl-baseline.json", "a.txt")
    assert r.exit_code == 0
    assert "baseline nl-baseline.json written with 1 finding" in r.stderr
    data = json.loads((tmp_path / "nl-baseline.json").read_text(encoding="utf-8"))
    assert data["version"] == 1
    assert [(f["code"], f["path"], f["count"]) for f in data["findings"]] == [("BP002", "a.txt", 1)]
    assert "line" not in data["findings"][0]

    # Lines above move the old artifact: still known.  Case and spacing too.
    a.write_text(f"Judul baru.\n\n{BODY}\nBACA  JUGA: Harga  cabai turun lagi\n", encoding="utf-8")
    r = cli(
        "check",
        "--isolated",
        "--select",
        "BP",
        "--output-format",
        "concise",
        "--baseline",
        "nl-baseline.json",
        "a.txt",
    )
    assert r.exit_code == 0, r.output
    assert "All checks passed." in r.stdout

    # A second copy of the same artifact is new (keys are counted).
    a.write_text(f"{BODY}\n{ORPHAN}\nAnggaran dibahas.\n{ORPHAN}\n", encoding="utf-8")
    r = cli(
        "check", "--isolated", "--output-format", "json", "--baseline", "nl-baseline.json", "a.txt"
    )
    assert r.exit_code == 1
    assert [d["line"] for d in json.loads(r.stdout)] == [4]


def test_same_text_in_another_file_is_new(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(f"{BODY}\n{ORPHAN}\n", encoding="utf-8")
    assert cli("check", "--isolated", "--baseline", "b.json", "a.txt").exit_code == 0
    (tmp_path / "b.txt").write_text(f"{BODY}\n{ORPHAN}\n", encoding="utf-8")
    r = cli("check", "--isolated", "--output-format", "concise", "--baseline", "b.json", ".")
    assert r.exit_code == 1
    assert r.stdout.startswith("b.txt:2:1: BP002")


def test_fixed_findings_just_disappear(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(f"{BODY}\n{ORPHAN}\n", encoding="utf-8")
    assert cli("check", "--isolated", "--baseline", "b.json", "a.txt").exit_code == 0
    (tmp_path / "a.txt").write_text(f"{BODY}\n", encoding="utf-8")
    assert cli("check", "--isolated", "--baseline", "b.json", "a.txt").exit_code == 0


def test_not_a_baseline_is_a_config_error(cli, tmp_path):
    f = tmp_path / "b.json"
    f.write_text('{"version": 99, "findings": []}')
    (tmp_path / "a.txt").write_text(f"{BODY}\n", encoding="utf-8")
    r = cli("check", "--isolated", "--baseline", str(f), str(tmp_path / "a.txt"))
    assert r.exit_code == 2 and "not a newslint baseline" in r.stderr


def test_key_ignores_position_but_not_rule_or_text():
    from newslint.baseline import key
    from newslint.diagnostics import Diagnostic
    from newslint.document import Document

    d1 = Document(f"{ORPHAN}\n", "a.txt")
    d2 = Document(f"x\n\n{ORPHAN}\n", "a.txt")
    a = Diagnostic("BP002", "read-also-line", "m", 0, len(ORPHAN))
    b = Diagnostic("BP002", "read-also-line", "m", 3, 3 + len(ORPHAN))
    assert key(d1, a, "a.txt") == key(d2, b, "a.txt")
    c = Diagnostic("BP001", "copyright-notice", "m", 0, len(ORPHAN))
    assert key(d1, a, "a.txt") != key(d1, c, "a.txt")
    assert key(d1, a, "a.txt") != key(d1, a, "b.txt")


def test_update_baseline_records_afresh(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("Harga naik.\nBaca juga: Harga turun\n", encoding="utf-8")
    assert cli("check", "--isolated", "--baseline", "b.json", "a.txt").exit_code == 0
    # A new artifact fails the run until the baseline is updated...
    (tmp_path / "a.txt").write_text(
        "Harga naik.\nBaca juga: Harga turun\nCOPYRIGHT © ANTARA 2024\n", encoding="utf-8"
    )
    assert cli("check", "--isolated", "--baseline", "b.json", "a.txt").exit_code == 1
    r = cli("check", "--isolated", "--baseline", "b.json", "--update-baseline", "a.txt")
    assert r.exit_code == 0 and "written with 2 finding(s)" in r.stderr
    assert cli("check", "--isolated", "--baseline", "b.json", "a.txt").exit_code == 0
    # ...and a fixed one leaves it: the old orphan line comes back as new.
    (tmp_path / "a.txt").write_text("Harga naik.\n", encoding="utf-8")
    r = cli("check", "--isolated", "--baseline", "b.json", "--update-baseline", "a.txt")
    assert "written with 0 finding(s)" in r.stderr
    (tmp_path / "a.txt").write_text("Harga naik.\nBaca juga: Harga turun\n", encoding="utf-8")
    assert cli("check", "--isolated", "--baseline", "b.json", "a.txt").exit_code == 1


def test_update_baseline_without_a_baseline_is_a_usage_error(cli, tmp_path):
    (tmp_path / "a.txt").write_text("Harga naik.\n", encoding="utf-8")
    r = cli("check", "--isolated", "--update-baseline", str(tmp_path / "a.txt"))
    assert (
        r.exit_code == 2
        and r.stderr.strip() == "newslint: error: --update-baseline needs --baseline FILE"
    )
