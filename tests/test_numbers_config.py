"""`[tool.newslint.options.CODE]`: per-rule options from the config, validated
strictly, applied to the rules the runner builds its Linter from."""

from __future__ import annotations

import json

import pytest

ARTICLE = "Harga cabai Rp 120 ribu dan bawang Rp35.000 per kilogram.\n"


def write(tmp_path, name, body):
    p = tmp_path / name
    p.write_text(body, encoding="utf-8")
    return p


def findings(r):
    return [(d["code"], d["message"]) for d in json.loads(r.output)]


def test_option_from_pyproject_is_applied(cli, tmp_path, monkeypatch):
    write(
        tmp_path,
        "pyproject.toml",
        '[tool.newslint]\nextend-select = ["NUM006"]\n'
        '[tool.newslint.options.NUM006]\nrp-space = "space"\n',
    )
    write(tmp_path, "a.txt", ARTICLE)
    monkeypatch.chdir(tmp_path)
    r = cli("check", "--output-format", "json", "a.txt")
    assert r.exit_code == 1
    assert findings(r) == [("NUM006", "House style writes 'Rp 35.000' with a space")]
    assert cli("check", "--fix", "a.txt").exit_code == 0
    assert (tmp_path / "a.txt").read_text() == ARTICLE.replace("Rp35.000", "Rp 35.000")


def test_option_default_without_config(cli, tmp_path, monkeypatch):
    write(tmp_path, "a.txt", ARTICLE)
    monkeypatch.chdir(tmp_path)
    r = cli("check", "--isolated", "--select", "NUM006", "--output-format", "json", "a.txt")
    assert [c for c, _ in findings(r)] == ["NUM006"] and "Rp120" in findings(r)[0][1]


def test_options_in_newslint_toml(cli, tmp_path, monkeypatch):
    write(tmp_path, "newslint.toml", '[options.NUM007]\npercent = "word"\n')
    write(tmp_path, "a.txt", "Inflasi naik 5% tahun ini.\n")
    monkeypatch.chdir(tmp_path)
    r = cli("check", "--select", "NUM007", "--output-format", "json", "a.txt")
    assert [c for c, _ in findings(r)] == ["NUM007"]


def test_options_of_unselected_rule_are_still_checked(cli, tmp_path, monkeypatch):
    write(tmp_path, "newslint.toml", '[options.NUM006]\nrp-space = "nope"\n')
    monkeypatch.chdir(tmp_path)
    r = cli("check", "--select", "NUM001", "-")
    assert r.exit_code == 2


@pytest.mark.parametrize(
    "body,message",
    [
        ('[options.NUM999]\nx = "y"\n', "options.NUM999: unknown rule code 'NUM999'"),
        ('[options.NUM006]\nrp-spice = "space"\n', "rule NUM006 has no option 'rp-spice'"),
        ("[options.NUM006]\nrp-space = 1\n", "option 'rp-space' must be a str, got 1"),
        (
            '[options.NUM006]\nrp-space = "spaced"\n',
            "option 'rp-space' must be one of 'none', 'space', got 'spaced'",
        ),
        ('[options.NUM007]\npercent = "pct"\n', "option 'percent' must be one of"),
        ("options = 3\n", "'options' must be a table"),
        ('[options]\nNUM006 = "space"\n', "'options' must be a table"),
        ("[options.NUM001]\nstrict = true\n", "rule NUM001 has no option 'strict' (options: none)"),
    ],
)
def test_bad_options_exit_2_naming_file_and_key(cli, tmp_path, monkeypatch, body, message):
    write(tmp_path, "newslint.toml", body)
    write(tmp_path, "a.txt", ARTICLE)
    monkeypatch.chdir(tmp_path)
    r = cli("check", "a.txt")
    assert r.exit_code == 2
    assert message in r.stderr and "newslint.toml" in r.stderr
    assert "Traceback" not in r.output


def test_pyproject_option_error_names_the_file(cli, tmp_path, monkeypatch):
    write(tmp_path, "pyproject.toml", '[tool.newslint.options.NUM006]\nrp-spice = "x"\n')
    monkeypatch.chdir(tmp_path)
    r = cli("check", "-")
    assert r.exit_code == 2 and "pyproject.toml: options.NUM006" in r.stderr
