"""The exit-code contract, flag by flag: 0 nothing to fail on · 1 findings
(or changes) to fail on · 2 usage, config or input error.

Four articles, one per worst severity (all their findings safely fixable):
clean, info (TXT002), warning (BP002), error (NUM001).
"""

from __future__ import annotations

import itertools

import pytest

ARTICLES = {
    "clean": "Pemerintah menyiapkan anggaran baru untuk program itu.\n",
    "info": "Pemerintah menyiapkan anggaran baru untuk program itu.",
    "warning": "Pemerintah menyiapkan anggaran baru untuk program itu.\nBaca juga: Harga cabai turun\n",
    "error": "Jumlah pemilih yang terdaftar mencapai 1,234,567 orang di kota itu.\n",
}
RANK = {"clean": -1, "info": 0, "warning": 1, "error": 2}
MODES = {
    "check": [],
    "fix": ["--fix"],
    "fix+enzof": ["--fix", "--exit-non-zero-on-fix"],
    "enzof-no-fix": ["--exit-non-zero-on-fix"],
    "diff": ["--diff"],
}
FAIL_ON = [None, "info", "warning", "error"]


def expected(kind: str, mode: str, fail_on: str | None, exit_zero: bool) -> int:
    """The contract, written out as a table rather than code paths."""
    dirty = kind != "clean"
    if exit_zero:
        return 0
    if mode == "diff":
        return 1 if dirty else 0  # diff: 1 when a file would change
    if mode == "fix+enzof":
        return 1 if dirty else 0  # every finding here is fixed, so only the change counts
    if mode == "fix":
        return 0  # everything fixable was fixed
    threshold = {"info": 0, "warning": 1, "error": 2, None: 0}[fail_on]
    return 1 if RANK[kind] >= threshold else 0


CASES = [
    pytest.param(
        kind,
        mode,
        fail_on,
        ez,
        expected(kind, mode, fail_on, ez),
        id=f"{kind}-{mode}-{fail_on or 'default'}-{'exit-zero' if ez else 'plain'}",
    )
    for kind, mode, fail_on, ez in itertools.product(ARTICLES, MODES, FAIL_ON, [False, True])
]


def test_articles_have_the_severity_they_claim():
    from newslint.api import lint_text

    for kind, text in ARTICLES.items():
        found = lint_text(text, language="id")
        if kind == "clean":
            assert found == []
        else:
            assert {d.severity.value for d in found} == {kind}, kind
            assert all(d.fix is not None for d in found)


@pytest.mark.parametrize("kind, mode, fail_on, exit_zero, code", CASES)
def test_exit_code_contract(cli, tmp_path, kind, mode, fail_on, exit_zero, code):
    p = tmp_path / "article.txt"
    p.write_text(ARTICLES[kind], encoding="utf-8")
    args = ["check", "--isolated", "--language", "id", *MODES[mode]]
    if fail_on:
        args += ["--fail-on", fail_on]
    if exit_zero:
        args.append("--exit-zero")
    r = cli(*args, str(p))
    assert r.exit_code == code, r.output


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["--exit-zero"],
        ["--fix"],
        ["--fix", "--exit-zero"],
        ["--diff", "--exit-zero"],
        ["--fail-on", "error"],
        ["--statistics", "--exit-zero"],
    ],
)
def test_input_error_is_2_whatever_the_flags(cli, tmp_path, args):
    r = cli("check", "--isolated", *args, str(tmp_path / "missing.txt"))
    assert r.exit_code == 2
    assert "newslint: error:" in r.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["--fail-on", "fatal"],
        ["--output-format", "yaml"],
        ["--select", "XYZ999"],
        ["--no-such-flag"],
    ],
)
def test_usage_errors_are_2(cli, tmp_path, args):
    p = tmp_path / "a.txt"
    p.write_text(ARTICLES["clean"], encoding="utf-8")
    assert cli("check", "--isolated", *args, str(p)).exit_code == 2


def test_unsafe_fix_only_applied_with_unsafe_fixes(cli, tmp_path):
    p = tmp_path / "post.md"
    p.write_text(
        "Pemerintah menyiapkan anggaran baru.\n\n"
        "**Baca juga:** [Harga beras naik](https://example.com/beras)\n",
        encoding="utf-8",
    )
    sel = ["--extend-select", "MD001"]
    assert cli("check", "--isolated", *sel, "--fix", str(p)).exit_code == 1  # unsafe: left
    assert cli("check", "--isolated", *sel, "--fix", "--fail-on", "warning", str(p)).exit_code == 0
    r = cli(
        "check", "--isolated", *sel, "--fix", "--unsafe-fixes", "--exit-non-zero-on-fix", str(p)
    )
    assert r.exit_code == 1
    assert "Baca juga" not in p.read_text(encoding="utf-8")
    assert cli("check", "--isolated", *sel, str(p)).exit_code == 0


def test_baseline_exit_codes(cli, tmp_path):
    p = tmp_path / "a.txt"
    p.write_text(ARTICLES["warning"], encoding="utf-8")
    base = tmp_path / "baseline.json"
    assert cli("check", "--isolated", "--baseline", str(base), str(p)).exit_code == 0  # recorded
    assert cli("check", "--isolated", "--baseline", str(base), str(p)).exit_code == 0  # known
    p.write_text(ARTICLES["warning"] + "Baca juga: Harga bawang naik\n", encoding="utf-8")
    assert cli("check", "--isolated", "--baseline", str(base), str(p)).exit_code == 1  # new one
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    assert cli("check", "--isolated", "--baseline", str(bad), str(p)).exit_code == 2


def test_exclude_and_per_file_ignores_hold_with_force_exclude(cli, tmp_path, monkeypatch):
    """pre-commit names every file: --force-exclude keeps `exclude`, and
    per-file-ignores apply to named files and to --stdin-filename."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "newslint.toml").write_text(
        'exclude = ["drafts"]\n[per-file-ignores]\n"wire/*.txt" = ["BP002"]\n'
    )
    (tmp_path / "drafts").mkdir()
    (tmp_path / "wire").mkdir()
    dirty = ARTICLES["warning"]
    (tmp_path / "drafts" / "a.txt").write_text(dirty, encoding="utf-8")
    (tmp_path / "wire" / "b.txt").write_text(dirty, encoding="utf-8")
    assert cli("check", "drafts/a.txt").exit_code == 1  # named explicitly: checked
    assert cli("check", "--force-exclude", "drafts/a.txt").exit_code == 0
    assert cli("check", ".").exit_code == 0  # walked: excluded + per-file ignore
    assert cli("check", "--force-exclude", "wire/b.txt").exit_code == 0
    r = cli("check", "--force-exclude", "--stdin-filename", "wire/c.txt", "-", input=dirty)
    assert r.exit_code == 0
    r = cli(
        "check", "--force-exclude", "--stdin-filename", "drafts/c.txt", "--fix", "-", input=dirty
    )
    assert r.exit_code == 0 and r.stdout == dirty  # excluded: passed through untouched
    assert cli("check", "--stdin-filename", "other.txt", "-", input=dirty).exit_code == 1
