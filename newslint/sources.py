"""Where text comes from and goes back to: the only place that decodes bytes
and writes files.

A file is read as bytes and decoded as strict UTF-8 (a BOM is remembered and
put back).  Anything else is an :class:`InputError` with a hint, and such a
file is never written.  Fixed text is written to a temporary file in the same
folder, given the original's permissions, and renamed over it, so a crash
leaves either the old file or the new one.
"""

from __future__ import annotations

import errno
import fnmatch
import os
import stat
import sys
from collections.abc import Iterable, Iterator
from typing import IO, TYPE_CHECKING

from newslint import _Fields
from newslint.errors import InputError

if TYPE_CHECKING:
    from pathlib import Path

BOM = "\ufeff"
#: Suffixes of record corpora (newslint.records; here so that ``check`` on
#: plain files decides without importing the record readers).
RECORD_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz", ".csv", ".csv.gz")


def is_record_path(path: str) -> bool:
    """True for a path that names a record corpus (by its suffix)."""
    return path.lower().endswith(RECORD_SUFFIXES)


DEFAULT_SUFFIXES = (".txt", ".md", ".markdown")
#: Folders never descended into when a directory is given.
SKIP_DIRS = {".git", ".hg", ".svn", "__pycache__", "node_modules", ".venv", "venv", ".tox"}


class SourceText(_Fields):
    """Decoded text of one input plus what is needed to write it back."""

    def __init__(
        self, name: str, text: str, bom: bool = False, path: str | Path | None = None
    ) -> None:
        self.name = name
        self.text = text
        self.bom = bom
        self.path = path  # None for stdin


def _decode_hint(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "it looks like UTF-16; convert it to UTF-8"
    if data[:4096].count(b"\x00") > len(data[:4096]) // 4:
        return "it looks like UTF-16 without a BOM, or binary data"
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return "convert it to UTF-8"
    return "it may be Latin-1/Windows-1252; convert it to UTF-8"


def _utf16_without_bom(head: bytes) -> bool:
    """Text in UTF-16 without a BOM: NUL in (nearly) every other byte."""
    if len(head) < 4:
        return False
    even, odd = head[0::2], head[1::2]
    return max(even.count(0) / len(even), odd.count(0) / len(odd)) > 0.9


def decode(data: bytes, name: str) -> SourceText:
    """Strict UTF-8 decoding with a one-line error naming the first bad byte."""
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        if _utf16_without_bom(data[:8192]):
            raise InputError(
                f"{name}: not valid UTF-8; it looks like UTF-16 without a BOM; convert it to UTF-8"
            )
        raise InputError(f"{name}: binary file (contains NUL bytes), not checked")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{name}: not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            f"{_decode_hint(data)}"
        ) from None
    bom = text.startswith(BOM)
    return SourceText(name, text[1:] if bom else text, bom)


def read_error(path: str | Path, exc: OSError) -> InputError:
    """The one-line message for an input that cannot be opened or read (files
    here, record corpora in ``records.py``)."""
    name = str(path)
    if isinstance(exc, FileNotFoundError):
        if os.path.islink(path):
            return InputError(
                f"{name}: broken symbolic link (points to {os.readlink(path)}), not checked"
            )
        return InputError(f"{name}: no such file or directory")
    if isinstance(exc, IsADirectoryError):
        # iter_files yields a folder it could not list; say why.
        try:
            os.scandir(path).close()
        except PermissionError:
            return InputError(f"{name}: permission denied, folder not checked")
        except OSError as err:
            return InputError(f"{name}: cannot list folder: {err.strerror or err}")
        return InputError(f"{name}: is a directory")
    if isinstance(exc, PermissionError):
        return InputError(f"{name}: permission denied")
    if exc.errno == errno.ELOOP:
        return InputError(f"{name}: symbolic link loop, not checked")
    return InputError(f"{name}: cannot read: {exc.strerror or exc}")


def read_file(path: str | Path) -> SourceText:
    name = str(path)
    try:
        # Only regular files: a FIFO or a device (/dev/zero) would block or
        # never end.
        st = os.stat(path)
        if not stat.S_ISREG(st.st_mode) and not stat.S_ISDIR(st.st_mode):
            raise InputError(f"{name}: not a regular file (a pipe, socket or device), not checked")
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        raise read_error(path, exc) from None
    src = decode(data, name)
    src.path = path
    return src


def read_stdin(name: str = "-") -> SourceText:
    return decode(sys.stdin.buffer.read(), name)


def encode(src: SourceText, text: str) -> bytes:
    return ((BOM if src.bom else "") + text).encode("utf-8")


def write_stdout(stream: IO[str], data: bytes) -> None:
    """Write fixed text to stdout as the exact bytes a file would get (UTF-8,
    BOM kept, newlines untouched), whatever the locale's encoding."""
    buffer = getattr(stream, "buffer", None)
    if buffer is None:  # an in-memory text stream
        stream.write(data.decode("utf-8"))
    else:
        stream.flush()
        buffer.write(data)
        buffer.flush()


def write_atomic(path: str | Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` atomically, keeping its permissions.

    A symlink is followed: its target is replaced, the link stays a link.
    """
    import tempfile  # only when writing: keeps start-up fast
    from pathlib import Path

    target = Path(os.path.realpath(path))
    try:
        st = target.stat()
        mode = stat.S_IMODE(st.st_mode)
    except OSError as exc:
        raise InputError(f"{path}: cannot write: {exc.strerror or exc}") from None
    # Write bits are checked too: root passes os.access, but a file someone
    # made read-only is still not ours to rewrite.
    if not os.access(target, os.W_OK) or not mode & 0o222:
        raise InputError(f"{path}: file is read-only, not fixed")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".newslint", dir=target.parent)
    except OSError as exc:
        raise InputError(f"{path}: cannot write next to it: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        if hasattr(os, "chown") and (st.st_uid, st.st_gid) != _owner(tmp):
            try:  # keep the owner when allowed (root fixing someone's file)
                os.chown(tmp, st.st_uid, st.st_gid)
            except OSError:
                pass
        os.replace(tmp, target)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(exc, OSError):  # disk full, quota, I/O error: say so, keep the file
            raise InputError(
                f"{path}: cannot write: {exc.strerror or exc}; file left unchanged"
            ) from None
        raise


def _owner(path: str) -> tuple[int, int]:
    st = os.stat(path)
    return st.st_uid, st.st_gid


def is_excluded(path: str | Path, patterns: Iterable[str], root: str | Path | None) -> bool:
    """True when ``path`` (or one of its parent folders) matches a glob.

    Patterns match the path relative to ``root`` (None: the working
    directory), or any single path part, as in ruff's ``exclude``.
    """
    patterns = list(patterns)
    if not patterns:
        return False
    from pathlib import Path

    path = Path(path)
    root = Path(root) if root is not None else Path.cwd()
    try:
        rel = path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        rel = path.as_posix()
    parts = rel.split("/")
    for pat in patterns:
        pat = pat.rstrip("/")
        if fnmatch.fnmatch(rel, pat) or any(fnmatch.fnmatch(p, pat) for p in parts):
            return True
        if any(fnmatch.fnmatch("/".join(parts[:i]), pat) for i in range(1, len(parts))):
            return True
    return False


def iter_files(
    paths: Iterable[str],
    *,
    exclude: Iterable[str] = (),
    root: str | Path | None = None,
    suffixes: tuple[str, ...] = DEFAULT_SUFFIXES,
    force_exclude: bool = False,
) -> Iterator[Path | str]:
    """Expand the command-line paths into files, in a stable order.

    Folders are walked for ``suffixes`` (hidden folders and VCS folders
    skipped, excludes applied).  A path named explicitly is checked even if
    excluded, unless ``force_exclude`` (for pre-commit, which names every
    file).  ``-`` is passed through for stdin; a missing path is yielded as
    is so the caller reports it, and so is a folder that cannot be listed
    (``os.walk`` would skip it silently; ``read_file`` says why).
    """
    exclude = list(exclude)
    for raw in paths:
        if raw == "-":
            yield raw
            continue
        if os.path.isdir(raw):
            from pathlib import Path

            p = Path(raw)
            unreadable: list[OSError] = []
            for dirpath, dirnames, filenames in os.walk(p, onerror=unreadable.append):
                while unreadable:
                    yield Path(unreadable.pop(0).filename or p)
                d = Path(dirpath)
                dirnames[:] = sorted(
                    n
                    for n in dirnames
                    if n not in SKIP_DIRS
                    and not n.startswith(".")
                    and not is_excluded(d / n, exclude, root)
                )
                for fn in sorted(filenames):
                    f = d / fn
                    if f.suffix.lower() in suffixes and not is_excluded(f, exclude, root):
                        yield f
            while unreadable:
                yield Path(unreadable.pop(0).filename or p)
        elif force_exclude and is_excluded(raw, exclude, root):
            continue
        else:
            yield pure_path_str(raw)


def pure_path_str(raw: str) -> str:
    """``str(Path(raw))`` without importing ``pathlib`` (with the ``urllib``
    and ``ipaddress`` it imports, ~3 ms of every start): a file named on the
    command line keeps the name a ``Path`` would give it (``./a.txt`` is
    ``a.txt``), in messages and baselines alike.  POSIX rules: empty and
    ``.`` parts dropped, one or three-plus leading slashes are one, exactly
    two stay two (tested against ``pathlib`` on random paths)."""
    if os.name != "posix":
        from pathlib import Path

        return str(Path(raw))
    lead = "//" if raw.startswith("//") and not raw.startswith("///") else "/" * raw.startswith("/")
    return lead + "/".join(part for part in raw.split("/") if part and part != ".") or "."
