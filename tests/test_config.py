import json

import pytest
from conftest import SEEDS

SEED = str(SEEDS / "antara-banten-sepatu-dox.txt")


def write(tmp_path, name, body):
    p = tmp_path / name
    p.write_text(body, encoding="utf-8")
    return p


def test_pyproject_select(cli, tmp_path, monkeypatch):
    write(tmp_path, "pyproject.toml", '[tool.newslint]\nselect = ["BP002"]\n')
    monkeypatch.chdir(tmp_path)
    r = cli("check", "--output-format", "json", SEED)
    assert {d["code"] for d in json.loads(r.output)} == {"BP002"}


def test_newslint_toml_and_cli_override(cli, tmp_path, monkeypatch):
    write(tmp_path, "newslint.toml", 'ignore = ["BP"]\n')
    monkeypatch.chdir(tmp_path)
    codes = {d["code"] for d in json.loads(cli("check", "--output-format", "json", SEED).output)}
    assert not any(c.startswith("BP") for c in codes)
    r = cli("check", "--select", "BP001", "--output-format", "json", SEED)
    assert {d["code"] for d in json.loads(r.output)} == set()  # config ignore still applies


def test_per_file_ignores_and_exclude(cli, tmp_path, monkeypatch):
    write(
        tmp_path,
        "newslint.toml",
        'exclude = ["drafts"]\n[per-file-ignores]\n"keep/*.txt" = ["BP002"]\n',
    )
    (tmp_path / "keep").mkdir()
    (tmp_path / "drafts").mkdir()
    write(tmp_path / "keep", "a.txt", "Isi.\nBaca juga: Judul\n")
    write(tmp_path / "drafts", "b.txt", "Isi.\nBaca juga: Judul\n")
    monkeypatch.chdir(tmp_path)
    r = cli("check", "--output-format", "json", ".")
    assert r.exit_code == 0, r.output
    assert json.loads(r.output) == []


@pytest.mark.parametrize(
    "body,message",
    [
        ('selekt = ["BP"]\n', "unknown key 'selekt'"),
        ('select = "BP"\n', "'select' must be a list"),
        ('language = "fr"\n', "'language' must be one of"),
        ("select = [\n", "invalid TOML"),
        ('[per-file-ignores]\n"*.txt" = ["NOPE9"]\n', "unknown rule code 'NOPE9'"),
    ],
)
def test_bad_config_exit_2(cli, tmp_path, monkeypatch, body, message):
    write(tmp_path, "newslint.toml", body)
    monkeypatch.chdir(tmp_path)
    r = cli("check", SEED)
    assert r.exit_code == 2
    assert message in r.stderr
    assert "newslint.toml" in r.stderr
    assert "Traceback" not in r.output


def test_language_from_config(cli, tmp_path, monkeypatch):
    write(tmp_path, "newslint.toml", 'language = "en"\nselect = ["NUM"]\n')
    write(tmp_path, "a.txt", "Jumlahnya 1.234.567 orang dan naik.\n")
    monkeypatch.chdir(tmp_path)
    r = cli("check", "--output-format", "json", "a.txt")
    assert [d["code"] for d in json.loads(r.output)] == ["NUM001"]
