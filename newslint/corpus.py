"""Corpus mode: lint or clean every record of JSONL / CSV corpora.

The parent process reads records and cuts them into chunks; workers (a
process pool, ``--jobs``) parse, lint and fix them and return one
:class:`Outcome` per record, with the cleaned record, the ``--changes`` line
and (for formats without state across records) the findings already
serialised; the parent writes them in input order, so its serial share of
the work stays small.  At most ``4 × jobs`` chunks are in flight, so memory stays flat
whatever the corpus size.  Nothing is dropped: a record that cannot be parsed
is reported with its line number and written back unchanged (or, with
``--strict``, the run stops with exit 2 and no output file is left behind).
"""

from __future__ import annotations

import json
import os
import time
from collections import Counter, deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import IO, Any

from newslint.diagnostics import Diagnostic
from newslint.document import Document
from newslint.engine import Linter
from newslint.errors import InputError, NewslintError, UsageError
from newslint.parallel import default_jobs, ordered_map
from newslint.records import RawRecord, RecordReader, RecordWriter, format_of, is_record_path
from newslint.results import FileResult

#: A chunk is sent to a worker when it holds this many bytes or records.
CHUNK_BYTES = 64 * 1024
CHUNK_RECORDS = 64
CROSSDUP_CODE = "DUP101"
#: --fail-on names -> Severity.rank
FAIL_ON = {"info": 0, "warning": 1, "error": 2}


# -- what a worker returns for one record ---------------------------------------------


@dataclass
class Outcome:
    """The result for one record, as the parent needs it.

    ``output`` is the new serialised record (JSONL bytes or CSV row), or
    ``None`` when the record is written back exactly as read.
    ``result`` carries the findings for the formatter (only when there are
    some, or when ``--show-fixes`` needs the applied fixes).
    """

    index: int
    line: int
    name: str
    error: str | None = None
    output: Any = None
    result: FileResult | None = None
    counts: dict[str, int] = field(default_factory=dict)
    remaining: int = 0
    fixable: int = 0
    unsafe_fixable: int = 0
    failing: int = 0
    fixed: int = 0
    size: int = 0
    text_bytes: int = 0
    text_chars: int = 0
    bytes_removed: int = 0
    removable: int = 0
    signature: Any = None
    source: str | None = None
    record_id: Any = None
    #: the findings as the run's formatter prints them (rendered in the
    #: worker: see ``WorkerConfig.formatter``), instead of ``result``
    rendered: Any = None
    #: the record's line of the ``--changes`` file (JSONL bytes)
    changes_line: bytes | None = None


@dataclass
class WorkerConfig:
    """Everything a worker needs; pickled once per worker (rules loaded once)."""

    linter: Linter
    field: str = "text"
    id_field: str | None = None
    source_field: str | None = None
    language: str | None = None
    fix: bool = False
    unsafe: bool = False
    changes: bool = False
    show_fixes: bool = False
    crossdup: bool = False
    keep_results: bool = True
    #: lowest severity rank (info 0, warning 1, error 2) that fails the run
    fail_on: int = 0
    #: a stream-less copy of the run's formatter when its output for a record
    #: depends on that record alone: workers then render the findings and the
    #: parent only writes text (``Formatter.render``/``emit``)
    formatter: Any = None


_CONFIG: WorkerConfig | None = None


def _init_worker(config: WorkerConfig) -> None:
    global _CONFIG
    _CONFIG = config


def _escape_separators(s: str) -> str:
    # Keep U+2028/U+2029/U+0085 escaped in JSONL so line-based tools that use
    # str.splitlines() do not cut a record in two.
    if "\u2028" in s or "\u2029" in s or "\x85" in s:
        s = s.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029").replace("\x85", "\\u0085")
    return s


def dump_json(obj: Any) -> bytes:
    """One JSONL record: UTF-8, non-ASCII kept, line separators escaped."""
    return _escape_separators(json.dumps(obj, ensure_ascii=False)).encode("utf-8")


def _parse(rec: RawRecord, fmt: str, header: list[str] | None) -> dict[str, Any]:
    if fmt == "jsonl":
        try:
            obj = json.loads(rec.payload)
        except UnicodeDecodeError as exc:
            raise ValueError(f"not valid UTF-8 ({exc.reason} at byte {exc.start})") from None
        except ValueError as exc:
            raise ValueError(f"invalid JSON: {exc}") from None
        if not isinstance(obj, dict):
            raise ValueError(f"not a JSON object but {type(obj).__name__}")
        return obj
    assert header is not None
    return dict(zip(header, rec.payload, strict=False))


def process_record(
    rec: RawRecord, fmt: str, name: str, header: list[str] | None, cfg: WorkerConfig
) -> Outcome:
    """Parse, lint (or fix) one record: the unit of work of corpus mode."""
    out = Outcome(rec.index, rec.line, f"{name}:#{rec.index}", size=rec.size)
    if rec.error:
        out.error = rec.error
        return out
    try:
        obj = _parse(rec, fmt, header)
    except ValueError as exc:
        out.error = str(exc)
        return out
    if cfg.id_field is not None:
        rid = obj.get(cfg.id_field)
        if rid is not None and rid != "":
            out.record_id = rid
            out.name = f"{name}:{rid}"
    if cfg.source_field is not None:
        src = obj.get(cfg.source_field)
        out.source = str(src) if src is not None else None
    if cfg.field not in obj:
        out.error = f"no field {cfg.field!r}"
        return out
    text = obj[cfg.field]
    if text is None:
        return out
    if not isinstance(text, str):
        out.error = f"field {cfg.field!r} is {type(text).__name__}, not a string"
        return out
    out.text_bytes = len(text.encode("utf-8"))
    out.text_chars = len(text)
    doc = Document(text, out.name, cfg.language, is_record=True)
    linter = cfg.linter
    if cfg.fix:
        audit: list[dict[str, Any]] | None = [] if cfg.changes else None

        def on_apply(d: Document, chosen: list[Diagnostic]) -> None:
            assert audit is not None
            for diag in chosen:
                for e in diag.fix.edits:  # type: ignore[union-attr]
                    line, col = d.position(e.start)
                    entry = {
                        "code": diag.code,
                        "name": diag.name,
                        "line": line,
                        "column": col,
                        "removed": d.text[e.start : e.end],
                    }
                    if e.content:
                        entry["inserted"] = e.content
                    audit.append(entry)

        fr = linter.fix(doc, unsafe=cfg.unsafe, on_apply=on_apply if cfg.changes else None)
        if not fr.converged:
            out.error = (
                f"fixes did not converge after {fr.iterations} passes; record left unchanged"
            )
            return out
        diags = fr.remaining
        applied = fr.applied
        final = fr.document
        if fr.text != text:
            out.bytes_removed = out.text_bytes - len(fr.text.encode("utf-8"))
            if fmt == "jsonl":
                obj[cfg.field] = fr.text
                out.output = dump_json(obj)
            else:
                row = list(rec.payload)
                row[header.index(cfg.field)] = fr.text  # type: ignore[union-attr]
                out.output = row
            if audit:
                # The --changes line, serialised here rather than in the parent.
                entry: dict[str, Any] = {"record": out.index, "line": out.line, "path": name}
                if out.record_id is not None:
                    entry["id"] = out.record_id
                entry["bytes_removed"] = out.bytes_removed
                entry["changes"] = audit
                out.changes_line = dump_json(entry) + b"\n"
    else:
        diags = linter.lint(doc)
        applied = []
        final = doc
    _count(out, diags, applied, cfg.fail_on)
    if cfg.crossdup:
        from newslint.crossdup import signature

        out.signature = signature(final.text)
    if (
        cfg.formatter is not None
        and cfg.keep_results
        and not cfg.crossdup
        and (diags or (applied and cfg.show_fixes))
    ):
        # What the parent would print for this record (the formatters read
        # only the text, through positions and lines): no result travels.
        fresh = FileResult(out.name, final, diags, applied, bool(out.output))
        out.rendered = cfg.formatter.render(fresh)
        if out.rendered is not None:
            return out
    if cfg.keep_results and (diags or (applied and cfg.show_fixes) or cfg.crossdup):
        # A fresh document: only the text and language travel back to the
        # parent, not the line and paragraph caches.
        slim = Document(final.text, out.name, final.language, is_record=True)
        out.result = FileResult(out.name, slim, diags, applied, bool(out.output))
    return out


def _count(out: Outcome, diags: list[Diagnostic], applied: list[Diagnostic], fail_on: int) -> None:
    """The record's totals for the summary, from its findings and applied fixes."""
    counts: Counter[str] = Counter(d.code for d in diags)
    counts.update(d.code for d in applied)
    out.counts = dict(counts)
    out.remaining = len(diags)
    out.fixable = sum(1 for d in diags if d.fix is not None)
    out.unsafe_fixable = sum(
        1 for d in diags if d.fix is not None and d.fix.applicability.value == "unsafe"
    )
    out.failing = sum(1 for d in diags if d.severity.rank >= fail_on)
    out.fixed = len(applied)
    out.removable = sum(
        e.end - e.start - len(e.content)
        for d in diags
        if d.fix is not None and d.fix.applicability.value == "safe"
        for e in d.fix.edits
    )


def _process_chunk(task: tuple[str, str, list[str] | None, list[RawRecord]]) -> list[Outcome]:
    fmt, name, header, records = task
    cfg = _CONFIG
    assert cfg is not None, "worker not initialised"
    out = []
    for r in records:
        try:
            out.append(process_record(r, fmt, name, header, cfg))
        except NewslintError:
            raise
        except Exception as exc:  # a bug must name the record, not show a traceback
            raise NewslintError(
                f"{name}:{r.line}: record #{r.index}: internal error: {type(exc).__name__}: {exc}"
            ) from None
    return out


# -- reading chunks ------------------------------------------------------------------------


def _chunks(
    reader: RecordReader, fmt: str, name: str, tick: Callable[[int], None] | None = None
) -> Iterator[tuple[str, str, list[str] | None, list[RawRecord]]]:
    batch: list[RawRecord] = []
    size = 0
    for rec in reader:
        batch.append(rec)
        size += rec.size
        if size >= CHUNK_BYTES or len(batch) >= CHUNK_RECORDS:
            yield fmt, name, reader.header, batch
            batch, size = [], 0
    if batch:
        yield fmt, name, reader.header, batch


# -- progress and summary -----------------------------------------------------------------


class ProgressBar:
    """One line on stderr, redrawn at most 5 times a second: records, MB, rate, ETA."""

    def __init__(self, stream: IO[str], total_bytes: int | None) -> None:
        self.stream = stream
        self.total = total_bytes
        self.start = time.monotonic()
        self.last = 0.0
        self.records = 0
        self.bytes = 0
        self.done_before = 0  # compressed/raw bytes of the inputs already finished
        self.reader: RecordReader | None = None

    def update(self, records: int, nbytes: int, force: bool = False) -> None:
        self.records += records
        self.bytes += nbytes
        now = time.monotonic()
        if not force and now - self.last < 0.2:
            return
        self.last = now
        elapsed = max(now - self.start, 1e-6)
        mb = self.bytes / 1e6
        rate = self.records / elapsed
        line = (
            f"\r{self.records:,} records  {mb:,.1f} MB  {rate:,.0f} rec/s  {mb / elapsed:,.1f} MB/s"
        )
        pos = self.reader.progress.position() if self.reader is not None else None
        if self.total and pos is not None:
            done = self.done_before + pos
            frac = min(done / self.total, 1.0)
            eta = elapsed * (1 - frac) / frac if frac > 0 else 0
            line += f"  {frac:4.0%}  ETA {int(eta) // 60}:{int(eta) % 60:02d}"
        self.stream.write(line + "\x1b[K")
        self.stream.flush()

    def clear(self) -> None:
        """Erase the line (before something else is printed on the terminal)."""
        self.stream.write("\r\x1b[K")
        self.stream.flush()
        self.last = 0.0

    close = clear


@dataclass
class CorpusSummary:
    """Totals of a corpus run (also what the text formatter's ``finish`` reads)."""

    files: int = 0
    records: int = 0
    with_findings: int = 0
    unparsable: int = 0
    changed: int = 0
    remaining: int = 0
    fixable: int = 0
    unsafe_fixable: int = 0
    failing: int = 0
    fixed: int = 0
    errors: int = 0
    text_bytes: int = 0
    bytes_removed: int = 0
    near_duplicates: int = 0
    rule_findings: Counter[str] = field(default_factory=Counter)
    rule_records: Counter[str] = field(default_factory=Counter)

    def add(self, o: Outcome) -> None:
        self.records += 1
        if o.error:
            self.unparsable += 1
            return
        self.text_bytes += o.text_bytes
        self.bytes_removed += o.bytes_removed
        self.remaining += o.remaining
        self.fixable += o.fixable
        self.unsafe_fixable += o.unsafe_fixable
        self.failing += o.failing
        self.fixed += o.fixed
        if o.output is not None:
            self.changed += 1
        if o.counts:
            self.with_findings += 1
            self.rule_findings.update(o.counts)
            self.rule_records.update(o.counts.keys())

    def table(self, names: dict[str, str], fix: bool) -> str:
        def pct(a: int, b: int) -> str:
            return f" ({a / b:.1%})" if b else ""

        rows = [
            ("records", f"{self.records:,}"),
            ("with findings", f"{self.with_findings:,}{pct(self.with_findings, self.records)}"),
            ("unparsable", f"{self.unparsable:,}"),
        ]
        if fix:
            rows.append(("records changed", f"{self.changed:,}"))
            rows.append(
                (
                    "bytes removed",
                    f"{self.bytes_removed:,}{pct(self.bytes_removed, self.text_bytes)}",
                )
            )
        lines = [f"{k:<16} {v}" for k, v in rows]
        if self.rule_findings:
            width = max(len(names.get(c, "")) for c in self.rule_findings)
            lines.append("")
            lines.append(f"{'rule':<8} {'name':<{width}} {'findings':>9} {'records':>8}")
            for code in sorted(self.rule_findings):
                lines.append(
                    f"{code:<8} {names.get(code, ''):<{width}} "
                    f"{self.rule_findings[code]:>9,} {self.rule_records[code]:>8,}"
                )
        return "\n".join(lines) + "\n"


# -- the command ----------------------------------------------------------------------------


def wants_corpus_mode(opts: Any) -> bool:
    """True when ``check`` should run in corpus mode (record files or
    ``--input-format`` given)."""
    if getattr(opts, "input_format", None):
        return True
    return any(is_record_path(p) for p in opts.paths)


@dataclass
class Input:
    path: str
    fmt: str


def resolve_inputs(paths: list[str], input_format: str | None) -> list[Input]:
    if not paths:
        raise UsageError("corpus mode needs a file (or - with --input-format)")
    inputs = []
    for p in paths:
        if p == "-" and not input_format:
            raise UsageError("reading records from stdin needs --input-format jsonl|csv")
        if p != "-" and not is_record_path(p) and not input_format:
            raise UsageError(
                f"{p}: mixing record corpora and plain files in one run is not supported"
            )
        if p != "-" and not os.path.isfile(p):
            what = "is a directory" if os.path.isdir(p) else "no such file or directory"
            raise InputError(f"{p}: {what}")
        inputs.append(Input(p, format_of(p, input_format)))
    return inputs


class CorpusRun:
    """Drive a corpus run: read, process in a pool, and hand outcomes on in order."""

    def __init__(
        self,
        inputs: list[Input],
        config: WorkerConfig,
        jobs: int,
        err: IO[str],
        progress: bool = False,
    ) -> None:
        self.inputs = inputs
        self.config = config
        self.jobs = jobs
        self.err = err
        self.headers: dict[str, list[str] | None] = {}
        self.newlines: dict[str, str] = {}
        self.bar: ProgressBar | None = None
        if progress:
            total = 0
            for i in inputs:
                try:
                    total += os.path.getsize(i.path) if i.path != "-" else 0
                except OSError:
                    pass
            self.bar = ProgressBar(err, total or None)

    def _tasks(self) -> Iterator[tuple[str, str, list[str] | None, list[RawRecord]]]:
        for inp in self.inputs:
            with RecordReader(inp.path, inp.fmt) as reader:
                if self.bar is not None:
                    self.bar.reader = reader
                for task in _chunks(reader, inp.fmt, inp.path):
                    self.headers[inp.path] = reader.header
                    self.newlines[inp.path] = reader.newline
                    yield task
                self.headers[inp.path] = reader.header
                self.newlines[inp.path] = reader.newline
                if self.bar is not None:
                    self.bar.done_before += reader.progress.total or 0
                    self.bar.reader = None

    def __iter__(self) -> Iterator[tuple[str, RawRecord, Outcome]]:
        """(input path, raw record, outcome) for every record, in input order."""
        pending: deque[tuple[str, list[RawRecord]]] = deque()

        def tasks() -> Iterator[Any]:
            for task in self._tasks():
                pending.append((task[1], task[3]))
                yield task

        try:
            for outcomes in ordered_map(
                _process_chunk, tasks(), self.jobs, _init_worker, (self.config,)
            ):
                path, raws = pending.popleft()
                nbytes = 0
                for raw, o in zip(raws, outcomes, strict=True):
                    nbytes += raw.size
                    yield path, raw, o
                if self.bar is not None:
                    self.bar.update(len(raws), nbytes)
        finally:
            if self.bar is not None:
                self.bar.close()


def run_corpus(opts: Any, out: IO[str], err: IO[str]) -> int:
    """``newslint check`` on record corpora; returns the exit code."""
    from newslint import runner
    from newslint.runner import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK

    try:
        session = runner.Session(opts)
        if getattr(opts, "show_settings", False):  # issue 6's flag, when present
            from newslint.settings_report import show_settings

            out.write(show_settings(session, opts))
            return EXIT_OK
        inputs = resolve_inputs(list(opts.paths), opts.input_format)
        if opts.diff:
            raise UsageError("--diff is not supported for record corpora; use --fix -o FILE")
        baseline = None
        if getattr(opts, "baseline", None) is not None:
            from newslint.baseline import Baseline

            # Keyed on the record's name: with --id-field, a record keeps its
            # key when others are added or removed around it.
            baseline = Baseline(opts.baseline, update=getattr(opts, "update_baseline", False))
        output_file = str(opts.output_file) if opts.output_file is not None else None
        if opts.fix and not output_file:
            if any(i.path == "-" for i in inputs):
                output_file = "-"
            else:
                raise UsageError(
                    "record corpora are never fixed in place: name the cleaned corpus with -o FILE"
                )
        if opts.fix and len({i.fmt for i in inputs}) > 1:
            raise UsageError("--fix over a mix of JSONL and CSV inputs: run them separately")
        if opts.fix and inputs[0].fmt == "csv" and len(inputs) > 1:
            raise UsageError("--fix -o takes one CSV corpus at a time (headers may differ)")
        if output_file and output_file != "-":
            for i in inputs:
                if (
                    i.path != "-"
                    and os.path.exists(output_file)
                    and os.path.samefile(i.path, output_file)
                ):
                    raise UsageError(
                        f"{output_file}: -o names an input; record corpora are never rewritten in place"
                    )
        if opts.changes and not opts.fix:
            raise UsageError("--changes records what --fix removed: add --fix")
        jobs = opts.jobs if opts.jobs is not None else default_jobs([i.path for i in inputs])
        if jobs < 1:
            raise UsageError("--jobs must be at least 1")
        if CROSSDUP_CODE in {r.code for r in session.linter.rules}:
            try:
                import datasketch  # noqa: F401
            except ImportError:
                raise UsageError(
                    f"{CROSSDUP_CODE} needs datasketch: pip install 'newslint[corpus]'"
                ) from None
    except NewslintError as exc:
        err.write(f"newslint: error: {exc}\n")
        return EXIT_ERROR

    cleaned_out = opts.fix and output_file
    report_file: IO[str] | None = None
    report_stream = out
    if output_file and not opts.fix:
        try:
            report_file = open(output_file, "w", encoding="utf-8")  # noqa: SIM115
        except OSError as exc:
            err.write(f"newslint: error: {output_file}: cannot write: {exc.strerror or exc}\n")
            return EXIT_ERROR
        report_stream = report_file
    elif cleaned_out == "-":
        report_stream = err
    try:
        formatter = _formatter(runner, opts, session, report_stream)
    except NewslintError as exc:
        err.write(f"newslint: error: {exc}\n")
        return EXIT_ERROR

    selected = {r.code for r in session.linter.rules}
    crossdup = CROSSDUP_CODE in selected and _crossdup_available(opts, err)
    linter = session.linter
    ignore = []
    for i in inputs:
        if i.path != "-":
            ignore.extend(session.ignores_for(i.path))
    if ignore:
        linter = Linter(linter.rules, (*linter.ignore, *ignore))
    config = WorkerConfig(
        linter=linter,
        field=opts.text_field,
        id_field=opts.id_field,
        language=session.language,
        fix=opts.fix,
        unsafe=opts.unsafe_fixes,
        changes=bool(opts.changes),
        show_fixes=opts.show_fixes,
        crossdup=crossdup,
        fail_on=FAIL_ON.get(getattr(opts, "fail_on", "info"), 0),
        # The parent sees every result when it still filters them.
        formatter=_renderer(formatter, crossdup or baseline is not None),
    )
    summary = CorpusSummary(files=len(inputs))
    run = CorpusRun(inputs, config, jobs, err, progress=err.isatty() and not opts.quiet)
    share_terminal = report_stream.isatty()
    writer: RecordWriter | None = None
    changes_fh: IO[bytes] | None = None
    dedup = None
    if crossdup:
        from newslint.crossdup import NearDuplicateIndex

        dedup = NearDuplicateIndex()
    dup_rule = session.registry.get(CROSSDUP_CODE)
    status = EXIT_OK
    try:
        if opts.changes:
            changes_fh = open(opts.changes, "wb")  # noqa: SIM115
        for path, raw, o in run:
            if writer is None and cleaned_out:
                writer = RecordWriter(
                    cleaned_out,
                    inputs[0].fmt,
                    run.headers.get(path),
                    run.newlines.get(path, "\r\n"),
                )
            if o.error:
                err.write(
                    f"newslint: {'error' if opts.strict else 'warning'}: {path}:{o.line}: "
                    f"record #{o.index}: {o.error}"
                    f"{'' if opts.strict else '; passed through unchanged'}\n"
                )
                if opts.strict:
                    summary.errors += 1
                    raise _Stop()
            if dedup is not None and o.signature is not None and o.result is not None:
                first = dedup.add(o.name, o.signature)
                if first is not None:
                    summary.near_duplicates += 1
                    d = dedup.diagnostic(dup_rule, o.result.document, first)
                    o.result.diagnostics.append(d)
                    o.counts[CROSSDUP_CODE] = 1
                    o.remaining += 1
                    o.failing += d.severity.rank >= config.fail_on
            if baseline is not None and o.result is not None:
                o.result.diagnostics = baseline.filter(o.result)
                _count(o, o.result.diagnostics, o.result.fixed, config.fail_on)
            summary.add(o)
            if writer is not None:
                if inputs[0].fmt == "jsonl":
                    writer.write_line(o.output if o.output is not None else raw.payload)
                else:
                    writer.write_row(o.output if o.output is not None else raw.payload)
            if changes_fh is not None and o.changes_line is not None:
                changes_fh.write(o.changes_line)
            if o.rendered is not None:
                if run.bar is not None and share_terminal:
                    run.bar.clear()
                formatter.emit(o.rendered)
            elif o.result is not None and (o.result.diagnostics or o.result.fixed):
                if run.bar is not None and share_terminal:
                    run.bar.clear()  # findings and the bar on one terminal
                formatter.add(o.result)
        if writer is None and cleaned_out:
            writer = RecordWriter(
                cleaned_out,
                inputs[0].fmt,
                next(iter(run.headers.values()), None),
                next(iter(run.newlines.values()), "\r\n"),
            )
        if writer is not None:
            writer.commit()
            writer = None
    except _Stop:
        status = EXIT_ERROR
    except NewslintError as exc:
        err.write(f"newslint: error: {exc}\n")
        summary.errors += 1
        status = EXIT_ERROR
    except BrokenPipeError:
        raise
    except OSError as exc:
        err.write(f"newslint: error: {exc.filename or ''}: {exc.strerror or exc}\n")
        summary.errors += 1
        status = EXIT_ERROR
    finally:
        if writer is not None:
            writer.abort()
        if changes_fh is not None:
            changes_fh.close()
    if baseline is not None and status != EXIT_ERROR:
        try:
            baseline.save()
        except NewslintError as exc:
            err.write(f"newslint: error: {exc}\n")
            return EXIT_ERROR
        if baseline.recording and not opts.quiet:
            n = baseline.suppressed
            err.write(f"newslint: baseline {opts.baseline} written with {n} finding(s)\n")
    if not opts.quiet or opts.output_format != "text":
        formatter.finish(summary)
    if report_file is not None:
        report_file.close()
    if not opts.quiet and status != EXIT_ERROR:
        names = {r.code: r.name for r in session.registry}
        err.write(summary.table(names, opts.fix))
    if status == EXIT_ERROR:
        return EXIT_ERROR
    if getattr(opts, "exit_zero", False):
        return EXIT_OK
    return EXIT_FINDINGS if (summary.failing or summary.unparsable) else EXIT_OK


def _formatter(runner: Any, opts: Any, session: Any, stream: IO[str]) -> Any:
    """The run's formatter, made the way ``check`` makes it for files."""
    make = getattr(runner, "_make_formatter", None)  # newer runners (issue 6)
    if make is not None:
        return make(opts, session, stream)
    from newslint.formatters import get_formatter

    color = stream.isatty() and "NO_COLOR" not in os.environ
    return get_formatter(opts.output_format)(stream, color=color, show_fixes=opts.show_fixes)


def _renderer(formatter: Any, crossdup: bool) -> Any:
    """A copy of ``formatter`` for the workers, without the stream, or None
    when the parent must see every result (DUP101 adds findings there; a
    format that keeps state across results)."""
    import copy

    from newslint.formatters import Formatter

    if crossdup or not isinstance(formatter, Formatter):
        return None
    if not formatter.stateless and type(formatter).render is Formatter.render:
        return None
    worker = copy.copy(formatter)
    worker.stream = None
    return worker


class _Stop(Exception):
    """--strict met a record it cannot parse."""


def _crossdup_available(opts, err: IO[str]) -> bool:
    """DUP101 needs the ``corpus`` extra.  Named by its code, a missing extra
    is an error; reached through ``--select DUP`` it is a warning and the rest
    of the DUP family still runs."""
    try:
        import datasketch  # noqa: F401
    except ImportError:
        named = any(
            c.strip().upper() == CROSSDUP_CODE for c in [*(opts.select or ()), *opts.extend_select]
        )
        message = (
            "DUP101 (near-duplicate-article) needs the corpus extra: pip install 'newslint[corpus]'"
        )
        if named:
            raise UsageError(message) from None
        err.write(f"newslint: warning: {message}; skipped\n")
        return False
    return True
