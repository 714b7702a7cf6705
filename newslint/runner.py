"""``newslint check`` as a plain function, so tests and other front ends can
call it without click.  It reads inputs through ``sources``, runs the engine,
hands results to a formatter and returns the exit code.
"""

from __future__ import annotations

import os
import sys
from typing import IO, TYPE_CHECKING

from newslint import _Fields
from newslint.config import Settings, load_settings
from newslint.document import Document
from newslint.engine import Linter
from newslint.errors import ConfigError, InputError, NewslintError
from newslint.formatters import get_formatter
from newslint.registry import Registry, Rule, load_registry
from newslint.results import FileResult
from newslint.sources import (
    SourceText,
    encode,
    is_record_path,
    iter_files,
    read_file,
    read_stdin,
    write_atomic,
    write_stdout,
)

if TYPE_CHECKING:
    from pathlib import Path

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class CheckOptions(_Fields):
    def __init__(
        self,
        paths: list[str] | None = None,
        # Corpus mode and --jobs (newslint.corpus, newslint.parallel)
        text_field: str = "text",
        id_field: str | None = None,
        input_format: str | None = None,
        jobs: int | None = None,
        strict: bool = False,
        changes: str | None = None,
        fix: bool = False,
        diff: bool = False,
        unsafe_fixes: bool = False,
        select: list[str] | None = None,
        extend_select: list[str] | None = None,
        ignore: list[str] | None = None,
        output_format: str = "full",
        language: str | None = None,
        quiet: bool = False,
        show_fixes: bool = False,
        config: Path | None = None,
        isolated: bool = False,
        stdin_filename: str | None = None,
        force_exclude: bool = False,
        output_file: Path | None = None,
        fail_on: str = "info",
        exit_zero: bool = False,
        exit_non_zero_on_fix: bool = False,
        statistics: bool = False,
        baseline: Path | None = None,
        update_baseline: bool = False,
        show_settings: bool = False,
        rules: list[str] | None = None,
    ) -> None:
        self.paths: list[str] = [] if paths is None else paths
        self.text_field = text_field
        self.id_field = id_field
        self.input_format = input_format
        self.jobs = jobs
        self.strict = strict
        self.changes = changes
        self.fix = fix
        self.diff = diff
        self.unsafe_fixes = unsafe_fixes
        self.select = select
        self.extend_select: list[str] = [] if extend_select is None else extend_select
        self.ignore: list[str] = [] if ignore is None else ignore
        self.output_format = output_format
        self.language = language
        self.quiet = quiet
        self.show_fixes = show_fixes
        self.config = config
        self.isolated = isolated
        self.stdin_filename = stdin_filename
        self.force_exclude = force_exclude
        #: where the report goes (None: stdout); see docs/integrations.md
        self.output_file = output_file
        #: lowest severity that makes the exit code 1 (error|warning|info)
        self.fail_on = fail_on
        self.exit_zero = exit_zero
        self.exit_non_zero_on_fix = exit_non_zero_on_fix
        self.statistics = statistics
        self.baseline = baseline
        #: re-record the baseline from this run's findings (see baseline.py)
        self.update_baseline = update_baseline
        self.show_settings = show_settings
        self.rules: list[str] = [] if rules is None else rules


FAIL_ON = {"info": 0, "warning": 1, "error": 2}


class Summary(_Fields):
    def __init__(
        self,
        files: int = 0,
        remaining: int = 0,
        fixable: int = 0,
        fixed: int = 0,
        errors: int = 0,
        changed: int = 0,
        unsafe_fixable: int = 0,
        failing: int = 0,
    ) -> None:
        self.files = files
        self.remaining = remaining
        self.fixable = fixable
        self.fixed = fixed
        self.errors = errors
        self.changed = changed
        self.unsafe_fixable = unsafe_fixable
        self.failing = failing  # remaining findings at or above --fail-on


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
        from newslint.packs import user_rules

        self.registry: Registry = load_registry(user_rules(self.settings, opts.rules))
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
        configured = _apply_options(self.registry, s)
        self.linter = Linter([configured.get(r.code, r) for r in rules])
        self.language = opts.language or s.language

    def ignores_for(self, name: str) -> list[str]:
        if not self.settings.per_file_ignores:
            return []
        import fnmatch

        try:
            from pathlib import Path  # (only with per-file ignores: start-up)

            rel = Path(name).resolve().relative_to(self.settings.root.resolve()).as_posix()
        except ValueError:
            rel = Path(name).as_posix()
        out: list[str] = []
        for pattern, codes in self.settings.per_file_ignores.items():
            if fnmatch.fnmatch(rel, pattern) or fnmatch.fnmatch(Path(rel).name, pattern):
                for c in codes:  # `pack:NAME` stands for the codes of its rules
                    out.extend([r.code for r in self.registry.matching(c)] if ":" in c else [c])
        return out


def _apply_options(registry: Registry, s: Settings) -> dict[str, Rule]:
    """Rules with their ``[options.CODE]`` table applied.  Every code, option
    name, value type and (through the check's ``validate_options``) value is
    checked, whether or not the rule is selected: a typo must not be silent."""
    out: dict[str, Rule] = {}
    for code, values in s.options.items():
        where = f"{s.source}: options.{code}"
        r = registry.rules.get(code.strip().upper())
        if r is None:
            raise ConfigError(f"{where}: unknown rule code {code!r}")
        for key, value in values.items():
            if key not in r.options:
                known = ", ".join(sorted(r.options)) or "none"
                raise ConfigError(
                    f"{where}: rule {r.code} has no option {key!r} (options: {known})"
                )
            default = r.options[key]
            if default is not None and type(value) is not type(default):
                raise ConfigError(
                    f"{where}: option {key!r} must be a {type(default).__name__}, got {value!r}"
                )
        r = r.with_options(**values)
        validate = getattr(r.check, "validate_options", None)
        problem = validate(r.options) if validate is not None else None
        if problem:
            raise ConfigError(f"{where}: {problem}")
        out[r.code] = r
    return out


def _err(stream: IO[str], message: str) -> None:
    stream.write(f"newslint: error: {message}\n")


def run_check(opts: CheckOptions, out: IO[str] | None = None, err: IO[str] | None = None) -> int:
    out = out or sys.stdout
    err = err or sys.stderr
    if opts.update_baseline and opts.baseline is None:
        _err(err, "--update-baseline needs --baseline FILE")
        return EXIT_ERROR
    if opts.input_format or any(is_record_path(p) for p in opts.paths):
        from newslint.corpus import run_corpus  # JSONL/CSV corpora: docs/corpus.md

        return run_corpus(opts, out, err)
    try:
        session = Session(opts)
    except NewslintError as exc:
        _err(err, str(exc))
        return EXIT_ERROR

    if opts.show_settings:
        from newslint.settings_report import show_settings

        out.write(show_settings(session, opts))
        return EXIT_OK
    if opts.fail_on not in FAIL_ON:
        _err(err, f"--fail-on must be one of {', '.join(FAIL_ON)}, got {opts.fail_on!r}")
        return EXIT_ERROR
    paths = opts.paths or ["."]
    stdin_fix = opts.fix and not opts.diff and "-" in paths
    # With `--fix -` the fixed text owns stdout; findings go to stderr.
    report_stream = err if stdin_fix else out
    report_file = None
    baseline = None
    try:
        if opts.baseline is not None:
            from newslint.baseline import Baseline

            baseline = Baseline(opts.baseline, update=opts.update_baseline)
        if opts.output_file is not None and not opts.diff:
            report_file = report_stream = _open_report(opts.output_file)
        formatter = None if opts.diff else _make_formatter(opts, session, report_stream)
    except NewslintError as exc:
        _err(err, str(exc))
        return EXIT_ERROR
    try:
        code = _run(session, opts, paths, formatter, baseline, out, err)
    finally:
        if report_file is not None:
            report_file.close()
    return code


def _stdin_excluded(session: Session, opts: CheckOptions) -> bool:
    """``--force-exclude`` also holds for ``--stdin-filename`` (editors and
    pre-commit-like tools pipe excluded files too)."""
    if not (opts.force_exclude and opts.stdin_filename):
        return False
    from newslint.sources import is_excluded

    s = session.settings
    return is_excluded(opts.stdin_filename, s.exclude, s.source_dir)


def _open_report(path: Path) -> IO[str]:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        return path.open("w", encoding="utf-8", newline="\n")
    except OSError as exc:
        raise InputError(f"{path}: cannot write report: {exc.strerror or exc}") from None


def _make_formatter(opts: CheckOptions, session: Session, stream: IO[str]):
    color = stream.isatty() and "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb"
    kw = {
        "color": color,
        "show_fixes": opts.show_fixes,
        "unsafe_fixes": opts.unsafe_fixes,
        "rules": session.linter.rules,
    }
    if opts.statistics:
        from newslint.formatters.statistics import StatisticsFormatter

        get_formatter(opts.output_format)  # still reject an unknown name
        return StatisticsFormatter(
            stream, as_json=opts.output_format in ("json", "json-lines"), **kw
        )
    return get_formatter(opts.output_format)(stream, **kw)


def _run(session, opts, paths, formatter, baseline, out, err) -> int:
    summary = Summary()
    s = session.settings
    items = iter_files(
        paths, exclude=s.exclude, root=s.source_dir, force_exclude=opts.force_exclude
    )
    pool = None
    if opts.jobs != 1 and "-" not in paths:  # --jobs over files (newslint.parallel)
        from newslint.parallel import FilePool

        items = pool = FilePool(session, opts, items)
    for item in items:
        try:
            if pool is not None:
                result = pool.take(out, summary)
            elif item == "-":
                src = read_stdin(opts.stdin_filename or "-")
                if _stdin_excluded(session, opts):
                    if opts.fix and not opts.diff:
                        out.write(src.text)  # pass the text through untouched
                    continue
            else:
                src = read_file(item)  # type: ignore[arg-type]
            if pool is None:
                result = _check_one(session, src, opts, out, summary)
        except NewslintError as exc:
            _err(err, str(exc))
            summary.errors += 1
            continue
        summary.files += 1
        if baseline is not None:
            result.diagnostics = baseline.filter(result)
        summary.remaining += len(result.diagnostics)
        summary.fixable += sum(1 for d in result.diagnostics if d.fix is not None)
        summary.unsafe_fixable += sum(
            1 for d in result.diagnostics if d.fix is not None and d.fix.applicability == "unsafe"
        )
        summary.failing += sum(
            1 for d in result.diagnostics if FAIL_ON[d.severity.value] >= FAIL_ON[opts.fail_on]
        )
        summary.fixed += len(result.fixed)
        if formatter is not None:
            formatter.add(result)
    if formatter is not None and not opts.quiet:
        formatter.finish(summary)
    elif formatter is not None and (
        opts.statistics or opts.output_format not in ("text", "full", "concise")
    ):
        formatter.finish(summary)
    if baseline is not None:
        try:
            baseline.save()
        except NewslintError as exc:
            _err(err, str(exc))
            return EXIT_ERROR
        if baseline.recording and not opts.quiet:
            n = baseline.suppressed
            err.write(f"newslint: baseline {opts.baseline} written with {n} finding(s)\n")
    if opts.diff and not opts.quiet:
        n = summary.fixed
        err.write(f"Would fix {n} finding{'s' if n != 1 else ''} in {summary.changed} file(s).\n")
    return exit_code(opts, summary)


def exit_code(opts: CheckOptions, summary: Summary) -> int:
    """The exit-code contract (tested flag by flag in tests/test_exit_codes.py):
    2 on any input error; else 0 with --exit-zero; else 1 when --diff would
    change a file, when --exit-non-zero-on-fix and --fix changed a file, or
    when a finding at or above --fail-on is left; else 0."""
    if summary.errors:
        return EXIT_ERROR
    if opts.exit_zero:
        return EXIT_OK
    if opts.diff:
        return EXIT_FINDINGS if summary.changed else EXIT_OK
    if opts.exit_non_zero_on_fix and opts.fix and summary.changed:
        return EXIT_FINDINGS
    return EXIT_FINDINGS if summary.failing else EXIT_OK


def _check_one(
    session: Session, src: SourceText, opts: CheckOptions, out: IO[str], summary: Summary
) -> FileResult:
    doc = Document(src.text, src.name, session.language)
    named = src.path is not None or opts.stdin_filename is not None
    ignore = session.ignores_for(src.name) if named else []
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
            import difflib

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
