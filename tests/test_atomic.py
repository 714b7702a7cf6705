"""Atomic writes: ``--fix`` writes a temporary file in the same folder and
renames it over the article, so at every moment the article is either the
original or the fixed text, never a mix or a truncated file.

The kill test runs ``newslint check --fix`` on a large file in a subprocess
and SIGKILLs it at seeded random moments around the write.  To make the
write last long enough to be hit, the subprocess writes in small chunks
with a short sleep between them and pauses before ``fsync``; the code path
(temporary file, fsync, chmod, rename) is the real one.
"""

from __future__ import annotations

import os
import random
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newslint import sources
from newslint.api import fix_text

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals and renames")

# Runs the CLI with a slow writer: 64 KiB chunks, 2 ms apart, then 100 ms
# before fsync.
SLOW_CLI = """
import os, sys, time
real_fdopen, real_fsync = os.fdopen, os.fsync
class Slow:
    def __init__(self, fh): self.fh = fh
    def __enter__(self): return self
    def __exit__(self, *a): self.fh.close()
    def write(self, data):
        for i in range(0, len(data), 65536):
            self.fh.write(data[i:i + 65536]); self.fh.flush(); time.sleep(0.002)
    def flush(self): self.fh.flush()
    def fileno(self): return self.fh.fileno()
os.fdopen = lambda fd, mode="r", *a, **k: Slow(real_fdopen(fd, mode, *a, **k))
os.fsync = lambda fd: (time.sleep(0.1), real_fsync(fd))
from newslint.cli import main
sys.argv[0] = "newslint"
main()
"""


def _article(sample_articles, size: int) -> str:
    """Real paragraphs, one per line, with artifacts to fix all along."""
    out, n, i = [], 0, 0
    while n < size:
        p = " ".join(sample_articles[i % len(sample_articles)]["text"].split())[:400]
        line = f"{p} [{i}]" + ("  " if i % 3 == 0 else "")
        if i % 5 == 0:
            line += "\nBaca juga: Judul artikel lain nomor " + str(i)
        out.append(line)
        n += len(line) + 1
        i += 1
    return "\n".join(out) + "\n"


def _temps(folder: Path) -> list[Path]:
    return [p for p in folder.iterdir() if p.name.endswith(".newslint")]


def test_kill_during_fix_leaves_old_or_new_never_partial(tmp_path, sample_articles):
    text = _article(sample_articles, 1_500_000)
    original = text.encode("utf-8")
    expected = fix_text(text).encode("utf-8")
    assert expected != original and len(expected) > 1_000_000
    rng = random.Random(8)
    target = tmp_path / "big.txt"
    outcomes = {"old": 0, "new": 0}
    killed_mid_write = 0
    for trial in range(5):
        for t in _temps(tmp_path):
            t.unlink()
        target.write_bytes(original)
        target.chmod(0o640)
        proc = subprocess.Popen(
            [sys.executable, "-c", SLOW_CLI, "check", "--isolated", "-q", "--fix", str(target)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            deadline = time.monotonic() + 60
            while not _temps(tmp_path) and proc.poll() is None:
                assert time.monotonic() < deadline, "the fix never started writing"
                time.sleep(0.001)
            # The write lasts ~0.15 s from here; kill somewhere in or just after it.
            time.sleep(rng.uniform(0, 0.2))
            temps = _temps(tmp_path)
            if temps and proc.poll() is None:
                killed_mid_write += 1
            proc.send_signal(signal.SIGKILL)
        finally:
            proc.wait(timeout=60)
        data = target.read_bytes()
        assert data in (original, expected), (
            f"trial {trial}: partial file of {len(data)} bytes "
            f"(original {len(original)}, fixed {len(expected)})"
        )
        outcomes["old" if data == original else "new"] += 1
        assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert killed_mid_write >= 1, outcomes  # the kills did land inside the write


def test_state_just_before_the_rename(tmp_path, monkeypatch):
    """At the last moment before the rename the article is untouched and
    the complete new text, with the article's mode, sits next to it."""
    target = tmp_path / "a.txt"
    target.write_bytes(b"old text\n")
    target.chmod(0o604)
    seen = {}
    real_replace = os.replace

    def replace(src, dst):
        seen["tmp_dir"] = Path(src).parent
        seen["tmp_data"] = Path(src).read_bytes()
        seen["tmp_mode"] = stat.S_IMODE(os.stat(src).st_mode)
        seen["target_data"] = Path(dst).read_bytes()
        return real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    sources.write_atomic(target, b"new text\n")
    assert seen == {
        "tmp_dir": tmp_path,
        "tmp_data": b"new text\n",
        "tmp_mode": 0o604,
        "target_data": b"old text\n",
    }
    assert target.read_bytes() == b"new text\n"
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]


def test_interrupt_during_write_removes_the_temporary_file(tmp_path, monkeypatch):
    target = tmp_path / "a.txt"
    target.write_bytes(b"old text\n")

    def interrupted(fd):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        sources.write_atomic(target, b"new text\n")
    assert target.read_bytes() == b"old text\n"
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]
