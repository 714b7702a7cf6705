"""The pre-commit round trip, for real: ``pre-commit try-repo`` builds the
hook environment from this checkout (pip reaches the package index, as in
CI), the check hook fails on an article with artifacts, the fix hook fixes
it, and the check hook then passes.

Marked ``precommit`` (deselect with ``-m "not precommit"`` when offline).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, SEEDS

pytestmark = pytest.mark.precommit

#: Building the hook's virtualenv installs newslint and its dependencies.
TIMEOUT = 600


def _precommit() -> list[str]:
    exe = Path(sys.executable).with_name("pre-commit")
    if exe.exists():
        return [str(exe)]
    pytest.importorskip("pre_commit")
    return [sys.executable, "-m", "pre_commit"]


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.email=t@example.com", "-c", "user.name=test", *args],
        cwd=cwd,
        check=True,
        capture_output=True,
        timeout=60,
    )


@pytest.fixture
def content_repo(tmp_path):
    if shutil.which("git") is None:
        pytest.skip("git not installed")
    if not (ROOT / ".git").exists():
        pytest.skip("newslint checkout is not a git repository (sdist): try-repo needs one")
    repo = tmp_path / "site"
    repo.mkdir()
    _git(repo, "init", "-q")
    (repo / "content").mkdir()
    shutil.copyfile(SEEDS / "antara-banten-sepatu-dox.txt", repo / "content" / "article.txt")
    md = (
        "---\ntitle: Harga 1,234,567\n---\n\n"
        "Pemerintah menyiapkan anggaran baru untuk program itu.\n\n"
        "Baca juga: Harga cabai turun lagi pekan ini\n\n"
        "Anggaran itu akan dibahas pekan depan.\n"
    )
    (repo / "content" / "post.md").write_text(md, encoding="utf-8")
    _git(repo, "add", ".")
    _git(repo, "commit", "-qm", "articles")
    return repo


def _try(repo: Path, hook: str, home: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "NO_COLOR": "1"}
    return subprocess.run(
        [*_precommit(), "try-repo", str(ROOT), hook, "--all-files", "--color", "never"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
    )


def test_precommit_try_repo_round_trip(content_repo, tmp_path):
    home = tmp_path / "pre-commit-home"
    first = _try(content_repo, "newslint", home)
    assert first.returncode == 1, first.stdout + first.stderr
    assert "BP002" in first.stdout and "DUP002" in first.stdout

    fixed = _try(content_repo, "newslint-fix", home)
    # pre-commit fails a hook that modified files.
    assert fixed.returncode == 1, fixed.stdout + fixed.stderr
    assert "files were modified by this hook" in fixed.stdout
    article = (content_repo / "content" / "article.txt").read_text(encoding="utf-8")
    expected = (SEEDS / "antara-banten-sepatu-dox.fixed.txt").read_text(encoding="utf-8")
    assert article == expected
    post = (content_repo / "content" / "post.md").read_text(encoding="utf-8")
    assert "Baca juga" not in post
    assert post.startswith("---\ntitle: Harga 1,234,567\n---\n")  # front matter untouched

    again = _try(content_repo, "newslint", home)
    assert again.returncode == 0, again.stdout + again.stderr
