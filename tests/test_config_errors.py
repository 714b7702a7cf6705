"""Bad configuration: exactly one line on stderr that names the file, the key
and the problem; exit 2; no traceback; nothing checked or fixed."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

ARTICLE = "Isi berita.\nBaca juga: Judul\n"


@pytest.mark.parametrize(
    "name,body,message",
    [
        ("newslint.toml", b"select = [\n", r"invalid TOML: Invalid value \(at end of document\)"),
        ("newslint.toml", b"\xff\xfeselect = []\n", r"invalid TOML: not UTF-8"),
        ("newslint.toml", b'select = ["BP"]\nselect = ["BP"]\n', r"invalid TOML: Cannot overwrite"),
        ("newslint.toml", b'selekt = ["BP"]\n', r"unknown key 'selekt' in top level"),
        ("newslint.toml", b'select = "BP"\n', r"'select' must be a list of rule codes, got 'BP'"),
        (
            "newslint.toml",
            b"extend-select = [1]\n",
            r"'extend-select' must be a list of rule codes",
        ),
        ("newslint.toml", b"ignore = true\n", r"'ignore' must be a list of rule codes"),
        ("newslint.toml", b"language = 3\n", r"'language' must be one of id, en, got 3"),
        ("newslint.toml", b'exclude = "x"\n', r"'exclude' must be a list of glob patterns"),
        (
            "newslint.toml",
            b'per-file-ignores = ["a"]\n',
            r"'per-file-ignores' must be a table of glob = \[rule codes\]",
        ),
        (
            "newslint.toml",
            b'[per-file-ignores]\n"*.txt" = "BP"\n',
            r"'per-file-ignores' must be a table",
        ),
        ("newslint.toml", b'select = ["NOPE1"]\n', r"select: unknown rule code or prefix 'NOPE1'"),
        (
            "newslint.toml",
            b'extend-select = ["BP", "Q9"]\n',
            r"extend-select: unknown rule code or prefix 'Q9'",
        ),
        ("newslint.toml", b'ignore = ["XX"]\n', r"ignore: unknown rule code or prefix 'XX'"),
        (
            "newslint.toml",
            b'[per-file-ignores]\n"*.txt" = ["NOPE9"]\n',
            r"per-file-ignores\['\*\.txt'\]: unknown rule code 'NOPE9'",
        ),
        ("pyproject.toml", b"[tool]\nnewslint = 3\n", r"\[tool\.newslint\] must be a table"),
        (
            "pyproject.toml",
            b'[tool.newslint]\nselect = ["ZZ9"]\n',
            r"select: unknown rule code or prefix 'ZZ9'",
        ),
        ("pyproject.toml", b"[tool.newslint\n", r"invalid TOML"),
    ],
)
def test_bad_config_is_one_line_naming_file_key_and_problem(
    cli, tmp_path, monkeypatch, name, body, message
):
    (tmp_path / name).write_bytes(body)
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    r = cli("check", "--fix", "a.txt")
    assert r.exit_code == 2
    lines = r.stderr.splitlines()
    assert len(lines) == 1, lines
    assert re.match(rf"^newslint: error: {re.escape(str(tmp_path / name))}: {message}", lines[0])
    assert r.stdout == ""
    assert article.read_text(encoding="utf-8") == ARTICLE  # nothing fixed


def test_config_named_on_the_command_line_is_missing(cli, tmp_path):
    r = cli("check", "--config", str(tmp_path / "nope.toml"), str(tmp_path))
    assert r.exit_code == 2
    assert r.stderr.splitlines() == [
        f"newslint: error: {tmp_path / 'nope.toml'}: config file not found"
    ]


def test_unknown_rule_on_the_command_line(cli, tmp_path):
    r = cli("check", "--isolated", "--select", "NOPE", str(tmp_path))
    assert r.exit_code == 2
    assert r.stderr.splitlines() == ["newslint: error: unknown rule code or prefix 'NOPE'"]


def test_bad_config_in_a_real_process_prints_no_traceback(tmp_path):
    (tmp_path / "newslint.toml").write_bytes(b"\xff\xfe\x00garbage")
    r = subprocess.run(
        [sys.executable, "-m", "newslint", "check", "."],
        cwd=tmp_path,
        capture_output=True,
        timeout=60,
    )
    assert r.returncode == 2
    assert b"Traceback" not in r.stderr and len(r.stderr.splitlines()) == 1
