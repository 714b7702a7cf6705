"""The exit-code contract, flag by flag: 0 nothing to fail on · 1 findings
(or changes) to fail on · 2 usage, config or input error.

Five articles, one per worst severity (all their findings safely fixable):
clean, info (TXT002), warning (BP002), error (NUM001), plus ``unsafe``: a
Markdown read-also link (MD001, info) whose only fix is unsafe.
"""

from __future__ import annotations

import itertools

import pytest

BODY = "Pemerintah menyiapkan anggaran baru untuk program itu."
ARTICLES = {
    "clean": f"{BODY}\n",
    "info": BODY,
    "warning": f"{BODY}\nBaca juga: Harga cabai turun\n",
    "error": "Jumlah pemilih yang terdaftar mencapai 1,234,567 orang di kota itu.\n",
    "unsafe": f"{BODY}\n\n**Baca juga:** [Harga beras naik](https://example.com/beras)\n",
}
RANK = {"clean": -1, "info": 0, "warning": 1, "error": 2, "unsafe": 0}
MODES = {
    "check": [],
    "statistics": ["--statistics"],
    "unsafe-no-fix": ["--unsafe-fixes"],
    "enzof-no-fix": ["--exit-non-zero-on-fix"],
    "fix": ["--fix"],
    "fix+show-fixes": ["--fix", "--show-fixes"],
    "fix+unsafe": ["--fix", "--unsafe-fixes"],
    "fix+enzof": ["--fix", "--exit-non-zero-on-fix"],
    "fix+unsafe+enzof": ["--fix", "--unsafe-fixes", "--exit-non-zero-on-fix"],
    "diff": ["--diff"],
    "diff+unsafe": ["--diff", "--unsafe-fixes"],
}
FAIL_ON = [None, "info", "warning", "error"]


def expected(kind: str, mode: str, fail_on: str | None, exit_zero: bool) -> int:
    """The contract, written out as a table rather than code paths."""
    flags = MODES[mode]
    unsafe = "--unsafe-fixes" in flags
    fixable = kind != "clean" and (kind != "unsafe" or unsafe)  # the fix would change the file
    if exit_zero:
        return 0  # --exit-zero wins over everything but errors
    if "--diff" in flags:
        return 1 if fixable else 0  # diff: 1 when a file would change
    if "--fix" in flags and "--exit-non-zero-on-fix" in flags and fixable:
        return 1  # the file was changed
    left = RANK[kind] if not ("--fix" in flags and fixable) else -1
    threshold = {"info": 0, "warning": 1, "error": 2, None: 0}[fail_on]
    return 1 if left >= threshold else 0


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


def _write(tmp_path, kind: str):
    p = tmp_path / ("post.md" if kind == "unsafe" else "article.txt")
    p.write_text(ARTICLES[kind], encoding="utf-8")
    return p


def test_articles_have_the_severity_they_claim(tmp_path):
    from newslint.document import Document
    from newslint.engine import Linter
    from newslint.registry import load_registry

    linter = Linter(load_registry().select(extend_select=["MD001"]))
    for kind in ARTICLES:
        p = _write(tmp_path, kind)
        found = linter.lint(Document(p.read_text(encoding="utf-8"), p.name, "id"))
        if kind == "clean":
            assert found == []
            continue
        assert {d.severity.value for d in found} == {"info" if kind == "unsafe" else kind}
        want = "unsafe" if kind == "unsafe" else "safe"
        assert {d.fix.applicability.value for d in found if d.fix} == {want}
        assert all(d.fix is not None for d in found)


@pytest.mark.parametrize("kind, mode, fail_on, exit_zero, code", CASES)
def test_exit_code_contract(cli, tmp_path, kind, mode, fail_on, exit_zero, code):
    p = _write(tmp_path, kind)
    args = ["check", "--isolated", "--language", "id", "--extend-select", "MD001", *MODES[mode]]
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
