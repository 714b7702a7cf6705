"""Files and bytes: what ``newslint check`` (and ``--fix``) does with every
kind of input a folder of articles can hold.

Each input has its exact exit code and the shape of its one-line message
(``newslint: error: <path>: <problem>``), and every run checks that no
traceback is printed and that the other files of the run are still checked.

Permissions: CI runs these tests as root, and root reads and writes files
whatever their mode.  Read-only files are handled by their mode bits (a file
without write bits is never rewritten, even by root), so that test runs
everywhere.  Unreadable files and folders are emulated as root (the read or
the folder listing raises ``PermissionError``, exactly what the kernel
does for other users) and tested for real with chmod when not root.
"""

from __future__ import annotations

import io
import os
import re
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from newslint.runner import CheckOptions, run_check

IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
ERROR_LINE = re.compile(r"^newslint: error: (?P<path>[^:]+): (?P<problem>.+)$")

ARTICLE = "Isi berita yang cukup panjang untuk dibaca.\nBaca juga: Judul lain\nPenutup berita.\n"
FIXED = "Isi berita yang cukup panjang untuk dibaca.\nPenutup berita.\n"


def run(*paths: str | Path, fix: bool = False, **kw) -> tuple[int, str, list[str]]:
    """run_check in-process: (exit code, stdout, stderr lines)."""
    out, err = io.StringIO(), io.StringIO()
    opts = CheckOptions(paths=[str(p) for p in paths], fix=fix, isolated=True, **kw)
    code = run_check(opts, out, err)
    assert "Traceback" not in out.getvalue() + err.getvalue()
    return code, out.getvalue(), err.getvalue().splitlines()


def one_error(lines: list[str], path: Path | str, problem: str) -> None:
    """Exactly one error line for ``path``, and it names the problem."""
    mine = [m for m in map(ERROR_LINE.match, lines) if m and m["path"] == str(path)]
    assert len(mine) == 1, lines
    assert re.search(problem, mine[0]["problem"]), mine[0].group(0)


@pytest.fixture
def good(tmp_path: Path) -> Path:
    """A valid article with one finding, checked alongside every bad input to
    show that the run goes on."""
    p = tmp_path / "good.txt"
    p.write_text(ARTICLE, encoding="utf-8")
    return p


def assert_good_was_checked(out: str, good: Path, fixed: bool = False) -> None:
    if fixed:
        assert good.read_text(encoding="utf-8") == FIXED
    else:
        assert f"{good}:2:1: BP002" in out


# -- encodings and newlines -------------------------------------------------------


@pytest.mark.parametrize(
    "raw,expected",
    [
        (ARTICLE.encode(), FIXED.encode()),
        (b"\xef\xbb\xbf" + ARTICLE.encode(), b"\xef\xbb\xbf" + FIXED.encode()),
        (
            ARTICLE.replace("\n", "\r\n").encode(),
            FIXED.replace("\n", "\r\n").encode(),
        ),
        (
            b"\xef\xbb\xbf" + ARTICLE.replace("\n", "\r\n").encode(),
            b"\xef\xbb\xbf" + FIXED.replace("\n", "\r\n").encode(),
        ),
        # Mixed newlines: each surviving line keeps its own terminator.
        (
            b"Isi berita yang cukup panjang untuk dibaca.\r\nBaca juga: Judul lain\nPenutup.\r\n",
            b"Isi berita yang cukup panjang untuk dibaca.\r\nPenutup.\r\n",
        ),
        # Unicode a fix must not touch: NBSP, U+2028, combining marks, emoji.
        (
            "Harga naik\u00a05 persen \u2028 kata Andr\u00e9 e\u0301 😀.\nBaca juga: x\n".encode(),
            "Harga naik\u00a05 persen \u2028 kata Andr\u00e9 e\u0301 😀.\n".encode(),
        ),
    ],
    ids=["utf8", "bom", "crlf", "bom-crlf", "mixed", "unicode"],
)
def test_fix_keeps_encoding_bom_and_newlines(tmp_path, raw, expected):
    """Only the read-also line is fixed here (other rules may rightly touch
    a no-break space); every other byte must come back as it was."""
    p = tmp_path / "a.txt"
    p.write_bytes(raw)
    code, _, err = run(p, fix=True, select=["BP002"])
    assert (code, err) == (0, [])
    assert p.read_bytes() == expected


@pytest.mark.parametrize("mode", [0o600, 0o640, 0o664, 0o755])
def test_fix_keeps_permissions(tmp_path, mode):
    p = tmp_path / "a.txt"
    p.write_text(ARTICLE, encoding="utf-8")
    p.chmod(mode)
    assert run(p, fix=True)[0] == 0
    assert stat.S_IMODE(p.stat().st_mode) == mode
    assert p.read_text(encoding="utf-8") == FIXED
    assert [f.name for f in tmp_path.iterdir()] == ["a.txt"]  # no temp file left


@pytest.mark.parametrize(
    "raw,problem",
    [
        ("Isi berita.\n".encode("utf-16"), r"^not valid UTF-8 .*looks like UTF-16; convert"),
        (
            b"\xfe\xff" + "Isi berita.\n".encode("utf-16-be"),
            r"^not valid UTF-8 .*looks like UTF-16; convert",
        ),
        (
            "Isi berita ini cukup.\n".encode("utf-16-le"),
            r"^not valid UTF-8; it looks like UTF-16 without a BOM; convert",
        ),
        (
            "Harga kopi di kafé naik.\n".encode("latin-1"),
            r"^not valid UTF-8 \(byte 0xe9 at offset 17\); it may be Latin-1/Windows-1252",
        ),
        (b"\x7fELF\x02\x01\x01\x00\x00\x00" + bytes(range(256)), r"^binary file \(contains NUL"),
    ],
    ids=["utf16-le-bom", "utf16-be-bom", "utf16-no-bom", "latin1", "binary"],
)
@pytest.mark.parametrize("fix", [False, True], ids=["check", "fix"])
def test_undecodable_files_are_reported_and_never_rewritten(tmp_path, good, raw, problem, fix):
    p = tmp_path / "bad.txt"
    p.write_bytes(raw)
    before = p.stat()
    code, out, err = run(p, good, fix=fix)
    assert code == 2
    one_error(err, p, problem)
    assert p.read_bytes() == raw and p.stat().st_mtime_ns == before.st_mtime_ns
    assert_good_was_checked(out, good, fixed=fix)


@pytest.mark.parametrize("body", [b"", b"\n", b"   \n"])
def test_empty_files(tmp_path, body):
    p = tmp_path / "empty.txt"
    p.write_bytes(body)
    code, out, err = run(p)
    expected = 0 if body != b"   \n" else 1  # trailing white space is a finding
    assert (code, err) == (expected, [])
    code, _, err = run(p, fix=True)
    assert (code, err) == (0, [])
    assert p.read_bytes() == body.strip(b" ")


def test_missing_file(tmp_path, good):
    code, out, err = run(tmp_path / "nope.txt", good)
    assert code == 2
    one_error(err, tmp_path / "nope.txt", r"^no such file or directory$")
    assert_good_was_checked(out, good)


# -- symbolic links ----------------------------------------------------------------


def test_symlink_to_file_is_checked_and_fixed_through(tmp_path):
    target = tmp_path / "real.txt"
    target.write_text(ARTICLE, encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(target.name)
    code, out, err = run(link)
    assert (code, err) == (1, []) and f"{link}:2:1: BP002" in out
    assert run(link, fix=True)[0] == 0
    assert link.is_symlink() and os.readlink(link) == "real.txt"  # still a link
    assert target.read_text(encoding="utf-8") == FIXED


def test_dangling_symlink(tmp_path, good):
    link = tmp_path / "dangling.txt"
    link.symlink_to("nowhere.txt")
    code, out, err = run(link, good)
    assert code == 2
    one_error(err, link, r"^broken symbolic link \(points to nowhere\.txt\), not checked$")
    assert_good_was_checked(out, good)


def test_symlink_loop(tmp_path, good):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.symlink_to("b.txt")
    b.symlink_to("a.txt")
    code, out, err = run(a, good)
    assert code == 2
    one_error(err, a, r"^symbolic link loop, not checked$")
    assert_good_was_checked(out, good)


def test_folder_walk_with_links_terminates_and_reports_each_bad_link(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "sub" / "up").symlink_to("..")  # a folder loop: never followed
    (tmp_path / "sub" / "dangling.txt").symlink_to("nowhere.txt")
    (tmp_path / "loop.txt").symlink_to("loop.txt")
    code, out, err = run(tmp_path)
    assert code == 2
    assert out.count("BP002") == 1
    one_error(err, tmp_path / "sub" / "dangling.txt", r"^broken symbolic link")
    one_error(err, tmp_path / "loop.txt", r"^symbolic link loop")
    assert len(err) == 2


# -- permissions ---------------------------------------------------------------------


def test_read_only_file_is_not_fixed(tmp_path, good):
    p = tmp_path / "ro.txt"
    p.write_text(ARTICLE, encoding="utf-8")
    p.chmod(0o444)
    code, out, err = run(p, good, fix=True)
    assert code == 2
    one_error(err, p, r"^file is read-only, not fixed$")
    assert p.read_text(encoding="utf-8") == ARTICLE
    assert stat.S_IMODE(p.stat().st_mode) == 0o444
    assert_good_was_checked(out, good, fixed=True)
    code, out, err = run(p)  # reading a read-only file is fine
    assert (code, err) == (1, [])


def _deny(monkeypatch, path: Path) -> None:
    """Emulate an unreadable file for root: reading it raises what the
    kernel raises for a user without read permission."""
    import builtins

    from newslint import sources

    def fake_open(file, *args, **kwargs):
        if Path(file) == path:
            raise PermissionError(13, "Permission denied", str(file))
        return builtins.open(file, *args, **kwargs)

    monkeypatch.setattr(sources, "open", fake_open, raising=False)


@pytest.mark.parametrize("emulated", [True, False], ids=["emulated", "chmod"])
def test_unreadable_file(tmp_path, good, monkeypatch, emulated):
    p = tmp_path / "secret.txt"
    p.write_text(ARTICLE, encoding="utf-8")
    if emulated:
        _deny(monkeypatch, p)
    elif IS_ROOT:
        pytest.skip("root reads any file; the emulated variant covers this")
    else:
        p.chmod(0)
    code, out, err = run(p, good, fix=True)
    assert code == 2
    one_error(err, p, r"^permission denied$")
    assert_good_was_checked(out, good, fixed=True)


@pytest.mark.parametrize("emulated", [True, False], ids=["emulated", "chmod"])
def test_unreadable_folder_is_reported_not_skipped(tmp_path, monkeypatch, emulated):
    (tmp_path / "ok").mkdir()
    (tmp_path / "ok" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "b.txt").write_text(ARTICLE, encoding="utf-8")
    if emulated:
        real = os.scandir

        def scandir(path="."):
            if Path(path) == locked:
                raise PermissionError(13, "Permission denied", str(path))
            return real(path)

        monkeypatch.setattr(os, "scandir", scandir)
    elif IS_ROOT:
        pytest.skip("root lists any folder; the emulated variant covers this")
    else:
        locked.chmod(0)
    try:
        code, out, err = run(tmp_path)
    finally:
        locked.chmod(0o755)
    assert code == 2
    one_error(err, locked, r"^permission denied, folder not checked$")
    assert out.count("BP002") == 1 and "ok/a.txt" in out


def test_unwritable_folder_under_fix(tmp_path, good, monkeypatch):
    """No temporary file can be created next to the file (emulated: root
    may write anywhere)."""
    import tempfile

    sub = tmp_path / "sub"
    sub.mkdir()
    p = sub / "a.txt"
    p.write_text(ARTICLE, encoding="utf-8")
    real = tempfile.mkstemp

    def mkstemp(*args, dir=None, **kw):
        if Path(dir) == sub:
            raise PermissionError(13, "Permission denied")
        return real(*args, dir=dir, **kw)

    monkeypatch.setattr(tempfile, "mkstemp", mkstemp)
    code, out, err = run(p, good, fix=True)
    assert code == 2
    one_error(err, p, r"^cannot write next to it: Permission denied$")
    assert p.read_text(encoding="utf-8") == ARTICLE
    assert_good_was_checked(out, good, fixed=True)


def test_disk_full_during_write(tmp_path, good, monkeypatch):
    p = tmp_path / "a.txt"
    p.write_text(ARTICLE, encoding="utf-8")
    real = os.fsync

    def fsync(fd):
        if Path(os.readlink(f"/proc/self/fd/{fd}")).name.startswith(".a.txt."):
            raise OSError(28, "No space left on device")
        return real(fd)

    if not Path("/proc/self/fd").is_dir():
        pytest.skip("needs /proc to tell the temporary file's descriptor")
    monkeypatch.setattr(os, "fsync", fsync)
    code, out, err = run(p, good, fix=True)
    assert code == 2
    one_error(err, p, r"^cannot write: No space left on device; file left unchanged$")
    assert p.read_text(encoding="utf-8") == ARTICLE
    assert sorted(f.name for f in tmp_path.iterdir()) == ["a.txt", "good.txt"]


# -- special files and a very large one ------------------------------------------------


def _cli(*args: str, input: bytes | None = None, env: dict | None = None, timeout: float = 60):
    return subprocess.run(
        [sys.executable, "-m", "newslint", *args],
        input=input,
        capture_output=True,
        timeout=timeout,
        env={**os.environ, **(env or {})},
    )


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_fifo_is_refused_not_read(tmp_path, good):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    r = _cli("check", "--isolated", str(fifo), str(good), timeout=30)  # would block if read
    err = r.stderr.decode().splitlines()
    assert r.returncode == 2
    one_error(err, fifo, r"^not a regular file \(a pipe, socket or device\), not checked$")
    assert f"{good}:2:1: BP002" in r.stdout.decode()


def test_directory_named_as_a_file_in_a_list(tmp_path):
    (tmp_path / "d.txt").mkdir()  # a folder with an article's name is walked, not read
    code, out, err = run(tmp_path / "d.txt")
    assert (code, err) == (0, [])


def test_fifty_megabyte_single_line_article(tmp_path, sample_articles):
    """A whole corpus flattened into one 50 MB line (the ANTARA layout):
    checked in one subprocess, with memory capped, in well under the
    timeout (5 s on the development machine; the timeout only catches a
    quadratic regression)."""
    paras = [" ".join(a["text"].split()) for a in sample_articles]
    big = tmp_path / "big.txt"
    with big.open("w", encoding="utf-8") as fh:
        size = i = 0
        while size < 50_000_000:
            chunk = f"{paras[i % len(paras)]} [{i}]   "
            fh.write(chunk)
            size += len(chunk.encode())
            i += 1
    prelude = "import resource; resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30)); "
    r = subprocess.run(
        [
            sys.executable,
            "-c",
            prelude + "import sys; from newslint.cli import main; sys.argv[0] = 'newslint'; main()",
            "check",
            "--isolated",
            "--quiet",
            "--output-format",
            "json",
            str(big),
        ],
        capture_output=True,
        timeout=240,
    )
    assert r.returncode == 1, r.stderr.decode()[-500:]
    assert r.stderr == b""
    import json

    findings = json.loads(r.stdout)
    assert {d["line"] for d in findings} == {1}
    assert any(d["code"] == "TXT002" for d in findings)


# -- standard input and output ------------------------------------------------------


def test_stdin_fix_writes_exact_bytes_bom_and_crlf():
    raw = b"\xef\xbb\xbf" + ARTICLE.replace("\n", "\r\n").encode()
    r = _cli("check", "--isolated", "--fix", "-", input=raw)
    assert r.returncode == 0, r.stderr
    assert r.stdout == b"\xef\xbb\xbf" + FIXED.replace("\n", "\r\n").encode()


def test_stdin_fix_on_an_ascii_terminal_keeps_utf8():
    raw = "Kata André: “naik” – ½ 😀.\nBaca juga: x\n".encode()
    r = _cli("check", "--isolated", "--fix", "-", input=raw, env={"PYTHONIOENCODING": "ascii"})
    assert r.returncode == 0, r.stderr
    assert r.stdout == "Kata André: “naik” – ½ 😀.\n".encode()


def test_report_on_a_terminal_that_cannot_show_the_text(tmp_path):
    p = tmp_path / "c.txt"
    p.write_text("Isi berita.\nCOPYRIGHT © ANTARA 2024\n", encoding="utf-8")
    r = _cli("check", "--isolated", str(p), env={"PYTHONIOENCODING": "ascii"})
    assert r.returncode == 1 and b"Traceback" not in r.stderr
    assert "'COPYRIGHT \\xa9 ANTARA 2024'" in r.stdout.decode("ascii")


def test_binary_stdin():
    r = _cli("check", "--isolated", "-", input=b"\x00\x01\x02 binary")
    assert r.returncode == 2 and r.stdout == b""
    assert r.stderr.decode().splitlines() == [
        "newslint: error: -: binary file (contains NUL bytes), not checked"
    ]


@pytest.mark.skipif(sys.platform != "linux", reason="needs a file system that takes any bytes")
def test_undecodable_file_name(tmp_path):
    name = os.fsencode(tmp_path) + b"/caf\xe9.txt"
    with open(name, "wb") as fh:
        fh.write(ARTICLE.encode())
    r = _cli("check", "--isolated", str(tmp_path))
    assert r.returncode == 1 and r.stderr == b""
    assert b"caf\xe9.txt:2:1: BP002" in r.stdout


def test_many_bad_inputs_in_one_run(tmp_path, good):
    """All of the above at once: one line per bad input, the good file fixed,
    exit 2."""
    (tmp_path / "u16.txt").write_bytes("Isi.\n".encode("utf-16"))
    (tmp_path / "latin.txt").write_bytes("kafé\n".encode("latin-1"))
    (tmp_path / "bin.txt").write_bytes(b"\x00" * 10)
    (tmp_path / "dangling.txt").symlink_to("nowhere")
    ro = tmp_path / "ro.txt"
    ro.write_text(ARTICLE, encoding="utf-8")
    ro.chmod(0o444)
    code, out, err = run(tmp_path, tmp_path / "missing.txt", fix=True)
    assert code == 2
    assert len(err) == 6 and all(ERROR_LINE.match(line) for line in err), err
    assert good.read_text(encoding="utf-8") == FIXED


@pytest.mark.skipif(not IS_ROOT, reason="only root can give a file to another user")
def test_fix_by_root_keeps_the_owner(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text(ARTICLE, encoding="utf-8")
    os.chown(p, 65534, 65534)
    assert run(p, fix=True)[0] == 0
    assert (p.stat().st_uid, p.stat().st_gid) == (65534, 65534)
    assert p.read_text(encoding="utf-8") == FIXED


def test_internal_error_is_one_line_not_a_traceback(cli, tmp_path, monkeypatch):
    """A bug in newslint itself still ends in one line and exit 2."""
    import newslint.runner as runner

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(runner, "_check_one", broken)
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    r = cli("check", "--isolated", str(tmp_path / "a.txt"))
    assert r.exit_code == 2
    assert r.stderr.splitlines() == [
        "newslint: error: internal error: RuntimeError: boom "
        "(set NEWSLINT_TRACEBACK=1 to see where; please report it)"
    ]
    monkeypatch.setenv("NEWSLINT_TRACEBACK", "1")
    with pytest.raises(RuntimeError, match="boom"):
        cli("check", "--isolated", str(tmp_path / "a.txt"))
