"""A plugin from a separate package appears and works like a built-in.

The plugin in ``tests/data/plugin`` is a package plus its ``.dist-info``
(METADATA and ``entry_points.txt``), which is all an installed distribution
is.  The test copies both into a temporary folder and puts that folder on
``sys.path`` (in-process) or ``PYTHONPATH`` (a real ``newslint`` process), so
nothing is installed into the environment and nothing needs cleaning up.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from newslint.registry import load_registry

PLUGIN = Path(__file__).resolve().parent / "data" / "plugin"


@pytest.fixture
def plugin_path(tmp_path, monkeypatch):
    site = tmp_path / "site"
    shutil.copytree(PLUGIN, site)
    monkeypatch.syspath_prepend(str(site))
    yield site
    sys.modules.pop("newslint_demo_plugin", None)


def test_plugin_rule_is_registered(plugin_path):
    reg = load_registry()
    r = reg.get("XDEMO001")
    assert r is not None and r.name == "repeated-exclamation"
    assert r.origin == "plugin:demo"
    assert [x.code for x in reg.matching("plugin:demo")] == ["XDEMO001"]


def test_plugin_rule_lints_and_fixes(plugin_path):
    from newslint.document import Document
    from newslint.engine import Linter

    reg = load_registry()
    linter = Linter(reg.select(select=["XDEMO"]))
    doc = Document("Menang!! Kata dia.", language="id")
    assert [d.code for d in linter.lint(doc)] == ["XDEMO001"]
    assert linter.fix(doc).text == "Menang! Kata dia."


def test_plugin_in_a_real_process(plugin_path, tmp_path):
    art = tmp_path / "a.txt"
    art.write_text("Timnas menang!!\n", encoding="utf-8")
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(plugin_path), os.environ.get("PYTHONPATH", "")]),
    }
    cmd = [sys.executable, "-m", "newslint"]
    out = subprocess.run([*cmd, "rules"], capture_output=True, text=True, env=env, cwd=tmp_path)
    assert out.returncode == 0 and "XDEMO001" in out.stdout
    out = subprocess.run(
        [*cmd, "check", "--isolated", "--fix", "a.txt"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
    )
    assert out.returncode == 0, out.stderr
    assert art.read_text(encoding="utf-8") == "Timnas menang!\n"


def test_without_the_plugin_it_is_absent():
    assert load_registry().get("XDEMO001") is None
