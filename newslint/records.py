"""Record corpora: streaming readers and writers for JSONL, ``.jsonl.gz`` and CSV.

A corpus is read one record at a time, so memory stays flat whatever its
size.  JSONL is split on ``\\n`` only (reading the file in binary mode does
exactly that): article texts contain U+2028 and U+0085, which
``str.splitlines()`` would treat as line breaks and so cut a record in two.

A record that cannot be parsed is not dropped: it comes out as a
:class:`RawRecord` with ``error`` set and its original bytes (or CSV row), so
a cleaning run can report it by line number and write it back unchanged.
"""

from __future__ import annotations

import io
import itertools
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from newslint.errors import InputError, UsageError
from newslint.sources import RECORD_SUFFIXES, is_record_path, read_error  # noqa: F401 (re-exported)

#: Input formats, by name.
FORMATS = ("jsonl", "csv")


def format_of(path: str, given: str | None = None) -> str:
    """``jsonl`` or ``csv``: ``given`` wins, else the file suffix decides."""
    if given:
        if given not in FORMATS:
            raise UsageError(f"unknown input format {given!r} (choose from {', '.join(FORMATS)})")
        return given
    low = path.lower().removesuffix(".gz")
    if low.endswith(".csv"):
        return "csv"
    if low.endswith((".jsonl", ".ndjson")):
        return "jsonl"
    raise UsageError(f"{path}: cannot tell the record format; use --input-format jsonl|csv")


class RawRecord:
    """One record as read, before its text is parsed out.

    ``payload`` is the JSONL line (bytes, without its ``\\n``) or the CSV row
    (a list of cells).  ``index`` counts records from 1; ``line`` is the line
    of the file where the record starts.  ``error`` is set when the reader
    already knows the record is bad (a CSV row with the wrong number of cells).
    """

    __slots__ = ("index", "line", "payload", "error")

    def __init__(self, index: int, line: int, payload: Any, error: str | None = None) -> None:
        self.index = index
        self.line = line
        self.payload = payload
        self.error = error

    @property
    def size(self) -> int:
        if isinstance(self.payload, bytes):
            return len(self.payload) + 1
        return sum(len(c) for c in self.payload) + len(self.payload)


class Progress:
    """Bytes consumed from the underlying (possibly compressed) file."""

    def __init__(self, fh: IO[bytes] | None, total: int | None) -> None:
        self.fh = fh
        self.total = total

    def position(self) -> int | None:
        try:
            return self.fh.tell() if self.fh is not None else None
        except (OSError, ValueError):
            return None


class RecordReader:
    """Iterate the records of one input (a path or ``-`` for stdin).

    ``header`` holds the CSV column names (``None`` for JSONL), ``newline``
    the CSV's row terminator.
    """

    def __init__(self, path: str, fmt: str) -> None:
        self.path = path
        self.fmt = fmt
        self.header: list[str] | None = None
        self.newline = "\r\n"  # a CSV's row terminator, as read
        self._raw: IO[bytes]
        try:
            if path == "-":
                self._raw = sys.stdin.buffer
                total = None
            else:
                self._raw = open(path, "rb")  # noqa: SIM115 - closed in close()
                total = os.fstat(self._raw.fileno()).st_size
        except OSError as exc:
            raise read_error(Path(path), exc) from None
        self.progress = Progress(self._raw if path != "-" else None, total)
        self._stream: IO[bytes] = self._raw
        if path.lower().endswith(".gz"):
            import gzip

            self._stream = gzip.GzipFile(fileobj=self._raw, mode="rb")  # type: ignore[assignment]

    def close(self) -> None:
        if self._stream is not self._raw:
            self._stream.close()
        if self._raw is not sys.stdin.buffer:
            self._raw.close()

    def __enter__(self) -> RecordReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __iter__(self) -> Iterator[RawRecord]:
        try:
            if self.fmt == "jsonl":
                yield from self._jsonl()
            else:
                yield from self._csv()
        except (OSError, EOFError) as exc:  # gzip.BadGzipFile is an OSError
            raise InputError(f"{self.path}: cannot read: {exc}") from None

    def _jsonl(self) -> Iterator[RawRecord]:
        index = 0
        # Binary iteration splits on b"\n" only; U+2028/U+0085 stay inside a record.
        for lineno, line in enumerate(self._stream, 1):
            if line.endswith(b"\n"):
                line = line[:-1]
            if line.endswith(b"\r"):
                line = line[:-1]
            if lineno == 1 and line.startswith(b"\xef\xbb\xbf"):
                line = line[3:]
            if not line.strip():
                continue
            index += 1
            yield RawRecord(index, lineno, line)

    def _csv(self) -> Iterator[RawRecord]:
        import csv

        csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
        text = io.TextIOWrapper(self._stream, encoding="utf-8-sig", newline="")
        try:
            first = text.readline()
        except UnicodeDecodeError as exc:
            raise InputError(
                f"{self.path}: not valid UTF-8 near line 1 ({exc.reason}); convert it to UTF-8"
            ) from None
        # The cleaned copy ends its rows as the input does (the csv module
        # would write "\r\n" whatever it read).
        self.newline = next((nl for nl in ("\r\n", "\n", "\r") if first.endswith(nl)), "\r\n")
        reader = csv.reader(itertools.chain((first,) if first else (), text))
        try:
            start = 1
            try:
                header = next(reader)
            except StopIteration:
                return
            self.header = header
            start = reader.line_num + 1
            index = 0
            for row in reader:
                line = start
                start = reader.line_num + 1
                if not row:
                    continue
                index += 1
                error = None
                if len(row) != len(header):
                    error = f"{len(row)} cells where the header has {len(header)}"
                yield RawRecord(index, line, row, error)
        except UnicodeDecodeError as exc:
            raise InputError(
                f"{self.path}: not valid UTF-8 near line {reader.line_num + 1} ({exc.reason}); "
                "convert it to UTF-8"
            ) from None
        except csv.Error as exc:
            raise InputError(f"{self.path}:{reader.line_num}: malformed CSV: {exc}") from None
        finally:
            text.detach()


class RecordWriter:
    """Write a cleaned corpus: to a temporary file next to ``path``, renamed
    over it by :meth:`commit`, so a failed run leaves no half-written output.

    ``path`` ``-`` writes to stdout.  A ``.gz`` suffix compresses.
    """

    def __init__(
        self, path: str, fmt: str, header: list[str] | None = None, newline: str = "\r\n"
    ) -> None:
        self.path = path
        self.fmt = fmt
        self._tmp: str | None = None
        import gzip
        import tempfile

        if path == "-":
            raw: IO[bytes] = sys.stdout.buffer
        else:
            target = Path(path)
            try:
                fd, self._tmp = tempfile.mkstemp(
                    prefix=f".{target.name}.", suffix=".newslint", dir=target.parent or "."
                )
            except OSError as exc:
                raise InputError(f"{path}: cannot write: {exc.strerror or exc}") from None
            raw = os.fdopen(fd, "wb")
        self._raw = raw
        self._out: IO[bytes] = raw
        if path.lower().endswith(".gz"):
            self._out = gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=6)  # type: ignore[assignment]
        self._csv = None
        self._text: io.TextIOWrapper | None = None
        self.header = header
        if fmt == "csv":
            import csv

            self._text = io.TextIOWrapper(self._out, encoding="utf-8", newline="")
            self._csv = csv.writer(self._text, lineterminator=newline)
            if header is not None:
                self._csv.writerow(header)

    def write_line(self, data: bytes) -> None:
        """A JSONL record (without its newline)."""
        self._out.write(data)
        self._out.write(b"\n")

    def write_row(self, row: list[str]) -> None:
        assert self._csv is not None
        self._csv.writerow(row)

    def commit(self) -> None:
        if self._text is not None:
            self._text.flush()
            self._text.detach()
        if self._out is not self._raw:
            self._out.close()
        self._raw.flush()
        if self._tmp is None:
            return
        try:
            os.fsync(self._raw.fileno())
        except OSError:
            pass
        self._raw.close()
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(self._tmp, 0o666 & ~umask)
        os.replace(self._tmp, self.path)
        self._tmp = None

    def abort(self) -> None:
        if self._tmp is None:
            return
        try:
            self._raw.close()
        finally:
            try:
                os.unlink(self._tmp)
            except OSError:
                pass
            self._tmp = None
