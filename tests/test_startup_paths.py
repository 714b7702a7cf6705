"""Start-up without ``pathlib``: config discovery, command-line file names
and the built-in packs walk paths as strings, each tested equal to the
``pathlib`` code it replaced."""

from __future__ import annotations

import os
import random
import subprocess
import sys
from pathlib import Path, PurePosixPath

import pytest

from newslint import config, packs
from newslint.sources import iter_files, pure_path_str


@pytest.mark.skipif(os.name != "posix", reason="the string rules are POSIX's")
def test_pure_path_str_is_str_of_path():
    crafted = [
        "",
        ".",
        "./",
        "/",
        "//",
        "///",
        "////a",
        "//a//b/",
        "a",
        "a/",
        "./a.txt",
        "a/./b",
        "a//b",
        "a/../b",
        "../a",
        "/./a/.",
        ".a/.b",
        "a/...",
        "~/a",
        " a /b ",
    ]
    rng = random.Random(7)
    randoms = ["".join(rng.choice("/.a ") for _ in range(rng.randrange(12))) for _ in range(5000)]
    for raw in crafted + randoms:
        assert pure_path_str(raw) == str(PurePosixPath(raw)), raw


def _find_config_reference(start: Path | None = None) -> Path | None:
    """``config.find_config`` as it was, with ``pathlib``."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        for name in config.CONFIG_FILES:
            candidate = folder / name
            if not candidate.is_file():
                continue
            if name != "pyproject.toml":
                return candidate
            if "newslint" in config._read_toml(candidate).get("tool", {}):
                return candidate
    return None


def test_find_config_is_the_pathlib_walk(tmp_path, monkeypatch):
    deep = tmp_path / "a" / "b" / "c"
    deep.mkdir(parents=True)
    (tmp_path / "a" / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    (tmp_path / "a" / "b" / "pyproject.toml").write_text(
        '[tool.newslint]\nselect = ["BP"]\n', encoding="utf-8"
    )
    (tmp_path / "newslint.toml").write_text("", encoding="utf-8")
    (tmp_path / "link").symlink_to(deep)
    starts = [
        deep,
        tmp_path / "a",
        tmp_path,
        tmp_path / "link",
        Path("/"),
        None,
    ]
    for start in starts:
        for cwd in (deep, tmp_path, tmp_path / "a"):
            monkeypatch.chdir(cwd)
            assert config.find_config(start) == _find_config_reference(start), (start, cwd)
    monkeypatch.chdir(deep)
    assert config.find_config(Path("..")) == _find_config_reference(Path(".."))
    assert config.find_config() == tmp_path.resolve() / "a" / "b" / "pyproject.toml"


def test_a_pyproject_that_never_names_newslint_is_not_parsed(tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    monkeypatch.setattr(config, "_read_toml", lambda p: pytest.fail("parsed"))
    assert config.find_config(tmp_path) is None


def test_a_pyproject_naming_newslint_by_escapes_is_still_found(tmp_path):
    p = tmp_path / "pyproject.toml"
    p.write_text('[tool."\\u006eewslint"]\nselect = ["BP"]\n', encoding="utf-8")
    assert config.find_config(tmp_path) == p.resolve()
    assert config.load_settings(p).select == ["BP"]


def test_a_broken_pyproject_naming_newslint_is_still_an_error(tmp_path):
    from newslint.errors import ConfigError

    (tmp_path / "pyproject.toml").write_text("[tool.newslint\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="invalid TOML"):
        config.find_config(tmp_path)


def test_named_files_keep_their_path_names(tmp_path, monkeypatch):
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "a.txt").write_text("x\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    got = list(iter_files(["./d/a.txt", "d//a.txt", "d", "-", "missing.txt"]))
    assert [str(x) for x in got] == ["d/a.txt", "d/a.txt", "d/a.txt", "-", "missing.txt"]


def test_builtin_packs_load_as_before():
    """The string walk gives the packs ``pack_files(builtin_pack_dir())`` gives."""
    folder = packs.builtin_pack_dir()
    want = [r for p in packs.pack_files(folder) for r in packs.load_pack(p, verify=False).rules]
    got = packs.builtin_rules()
    assert [(r.code, r.doc, r.spec) for r in got] == [(r.code, r.doc, r.spec) for r in want]


def test_checking_one_file_imports_no_pathlib_json_or_zlib(tmp_path):
    """``newslint check one.txt`` without a config: none of these modules is
    needed (``pathlib`` alone, with ``urllib`` and ``ipaddress``, is ~3 ms
    of a ~55 ms start)."""
    one = tmp_path / "one.txt"
    one.write_text("Isi berita pendek.\nBaca juga: Judul lain\n", encoding="utf-8")
    code = (
        "import sys\n"
        "before = {m for m in ('pathlib', 'json', 'zlib') if m in sys.modules}\n"
        "from newslint.cli import main\n"
        f"sys.argv = ['newslint', 'check', {str(one)!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(sorted({m for m in ('pathlib', 'json', 'zlib') if m in sys.modules} - before))\n"
        "print(sorted(before))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, check=True
    ).stdout.splitlines()
    assert out[-2] == "[]", f"imported by newslint: {out[-2]} (already there: {out[-1]})"
