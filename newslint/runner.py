"""``newslint check`` as a plain function, so tests and other front ends can
call it without click.  It reads inputs through ``sources``, runs the engine,
hands results to a formatter and returns the exit code.
"""

from __future__ import annotations

import difflib
import fnmatch
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from newslint.config import Settings, load_settings
from newslint.document import Document
from newslint.engine import Linter
from newslint.errors import ConfigError, NewslintError
from newslint.formatters import get_formatter
from newslint.registry import Registry, load_registry
from newslint.results import FileResult
from newslint.sources import (
    SourceText,
    encode,
    iter_files,
    read_file,
    read_stdin,
    write_atomic,
    write_stdout,
)

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


@dataclass
class CheckOptions:
    paths: list[str] = field(default_factory=list)
    fix: bool = False
    diff: bool = False
    unsafe_fixes: bool = False
    select: list[str] | None = None
    extend_select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    output_format: str = "text"
    language: str | None = None
    quiet: bool = False
    show_fixes: bool = False
    config: Path | None = None
    isolated: bool = False
    stdin_filename: str | None = None
    force_exclude: bool = False


@dataclass
class Summary:
    files: int = 0
    remaining: int = 0
    fixable: int = 0
    fixed: int = 0
    errors: int = 0
    changed: int = 0


def split_codes(values: tuple[str, ...] | list[str] | None) -> list[str]:
    """``--select A,B --select C`` -> ``[A, B, C]``."""
    out: list[str] = []
    for v in values or ():
        out.extend(c.strip() for c in v.split(",") if c.strip())
    return out


class Session:
    """Resolved settings, registry and linter for one run."""

    def __init__(self, opts: CheckOptions) -> None:
        self.opts = opts
        self.settings: Settings = Settings() if opts.isolated else load_settings(opts.config)
        self.registry: Registry = load_registry()
        s = self.settings
        # Name the file and key of an unknown code in the config.
        for key, codes in (
            ("select", s.select or []),
            ("extend-select", s.extend_select),
            ("ignore", s.ignore),
        ):
            for code in codes:
                if s.source is not None and not self.registry.matching(code):
                    raise ConfigError(f"{s.source}: {key}: unknown rule code or prefix {code!r}")
        select = opts.select if opts.select is not None else s.select
        rules = self.registry.select(
            select=select,
            extend_select=[*s.extend_select, *opts.extend_select],
            ignore=[*s.ignore, *opts.ignore],
        )
        for pattern, codes in s.per_file_ignores.items():
            for code in codes:
                if not self.registry.matching(code):
                    raise ConfigError(
                        f"{s.source}: per-file-ignores[{pattern!r}]: unknown rule code {code!r}"
                    )
        self.linter = Linter(rules)
        self.language = opts.language or s.language

    def ignores_for(self, name: str) -> list[str]:
        if not self.settings.per_file_ignores:
            return []
        try:
            rel = Path(name).resolve().relative_to(self.settings.root.resolve()).as_posix()
        except ValueError:
            rel = Path(name).as_posix()
        out: list[str] = []
        for pattern, codes in self.settings.per_file_ignores.items():
            if fnmatch.fnmatch(rel, pattern) or fnmatch.fnmatch(Path(rel).name, pattern):
                out.extend(codes)
        return out


def _err(stream: IO[str], message: str) -> None:
    stream.write(f"newslint: error: {message}\n")


def run_check(opts: CheckOptions, out: IO[str] | None = None, err: IO[str] | None = None) -> int:
    out = out or sys.stdout
    err = err or sys.stderr
    try:
        session = Session(opts)
    except NewslintError as exc:
        _err(err, str(exc))
        return EXIT_ERROR

    paths = opts.paths or ["."]
    stdin_fix = opts.fix and not opts.diff and "-" in paths
    # With `--fix -` the fixed text owns stdout; findings go to stderr.
    report_stream = err if stdin_fix else out
    color = report_stream.isatty() and "NO_COLOR" not in os.environ
    formatter = None
    if not opts.diff:
        formatter = get_formatter(opts.output_format)(
            report_stream, color=color, show_fixes=opts.show_fixes
        )
    summary = Summary()
    s = session.settings
    for item in iter_files(paths, exclude=s.exclude, root=s.root, force_exclude=opts.force_exclude):
        try:
            if item == "-":
                src = read_stdin(opts.stdin_filename or "-")
            else:
                src = read_file(item)  # type: ignore[arg-type]
            result = _check_one(session, src, opts, out, summary)
        except NewslintError as exc:
            _err(err, str(exc))
            summary.errors += 1
            continue
        summary.files += 1
        summary.remaining += len(result.diagnostics)
        summary.fixable += sum(1 for d in result.diagnostics if d.fix is not None)
        summary.fixed += len(result.fixed)
        if formatter is not None:
            formatter.add(result)
    if formatter is not None and not opts.quiet:
        formatter.finish(summary)
    elif formatter is not None and opts.output_format != "text":
        formatter.finish(summary)
    if opts.diff and not opts.quiet:
        n = summary.fixed
        err.write(f"Would fix {n} finding{'s' if n != 1 else ''} in {summary.changed} file(s).\n")
    if summary.errors:
        return EXIT_ERROR
    if opts.diff:
        return EXIT_FINDINGS if summary.changed else EXIT_OK
    return EXIT_FINDINGS if summary.remaining else EXIT_OK


def _check_one(
    session: Session, src: SourceText, opts: CheckOptions, out: IO[str], summary: Summary
) -> FileResult:
    doc = Document(src.text, src.name, session.language)
    ignore = session.ignores_for(src.name) if src.path is not None else []
    if not (opts.fix or opts.diff):
        return FileResult(src.name, doc, session.linter.lint(doc, ignore))
    fixed = session.linter.fix(doc, unsafe=opts.unsafe_fixes, ignore=ignore)
    if not fixed.converged:
        raise NewslintError(
            f"{src.name}: fixes did not converge after {fixed.iterations} passes; file left unchanged"
        )
    changed = fixed.text != src.text
    if changed:
        summary.changed += 1
    if opts.diff:
        if changed:
            out.writelines(
                difflib.unified_diff(
                    _diff_lines(src.text),
                    _diff_lines(fixed.text),
                    fromfile=f"a/{src.name}",
                    tofile=f"b/{src.name}",
                )
            )
    elif src.path is None:
        write_stdout(out, encode(src, fixed.text))
    elif changed:
        write_atomic(src.path, encode(src, fixed.text))
    return FileResult(src.name, fixed.document, fixed.remaining, fixed.applied, changed)


def _diff_lines(text: str) -> list[str]:
    """Lines split on ``\\n`` only, with diff's marker for a missing final newline."""
    lines = text.split("\n")
    out = [line + "\n" for line in lines[:-1]]
    if lines[-1]:
        out.append(lines[-1] + "\n\\ No newline at end of file\n")
    return out
