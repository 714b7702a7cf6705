"""The shipped integration files are well formed and only use real options."""

from __future__ import annotations

import re

import pytest
import yaml
from conftest import ROOT


def _check_options(cli) -> set[str]:
    return set(re.findall(r"--[a-z][a-z-]+", cli("check", "--help").output))


def test_pre_commit_hooks(cli):
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    by_id = {h["id"]: h for h in hooks}
    assert set(by_id) == {"newslint", "newslint-fix"}
    assert by_id["newslint"]["entry"].split()[:2] == ["newslint", "check"]
    assert "--fix" in by_id["newslint-fix"]["entry"].split()
    options = _check_options(cli)
    for h in hooks:
        assert h["language"] == "python"
        assert "--force-exclude" in h["entry"]
        assert set(re.findall(r"--[a-z-]+", h["entry"])) <= options
        assert set(h["types_or"]) == {"plain-text", "markdown"}


def test_hook_types_match_articles():
    identify = pytest.importorskip("identify.identify")
    assert "plain-text" in identify.tags_from_filename("a.txt")
    assert "markdown" in identify.tags_from_filename("a.md")
    assert not {"plain-text", "markdown"} & identify.tags_from_filename("a.py")


def test_github_action(cli):
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    assert action["runs"]["using"] == "composite"
    steps = action["runs"]["steps"]
    scripts = "\n".join(s.get("run", "") for s in steps)
    used = set(re.findall(r"--[a-z][a-z-]+", scripts)) - {"--disable-pip-version-check"}
    assert used <= _check_options(cli)
    assert "--output-format github" in scripts and "--output-format sarif" in scripts
    assert any(s.get("uses", "").startswith("github/codeql-action/upload-sarif") for s in steps)
    for s in steps:
        if "run" in s:
            assert s["shell"] == "bash"
            assert "${{ inputs." not in s["run"]  # inputs reach scripts through env only
