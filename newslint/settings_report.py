"""``newslint check --show-settings``: the resolved configuration and where
each value came from (command line, config file, or default)."""

from __future__ import annotations

import json

from newslint.config import Settings


def _fmt(value) -> str:
    if value is None:
        return "none"
    return json.dumps(value, ensure_ascii=False)


def show_settings(session, opts) -> str:
    s: Settings = session.settings
    default = Settings()
    if opts.isolated:
        source = "none (--isolated: config files ignored)"
    elif s.source is not None:
        source = str(s.source)
    else:
        source = "none found (defaults)"
    cfg = f"config {s.source.name}" if s.source is not None else "config"
    rows: list[tuple[str, str, str]] = []

    def row(key: str, cli_value, cfg_value, default_value, shown=None) -> None:
        if cli_value not in (None, [], False):
            origin = "command line"
            value = cli_value if shown is None else shown
        elif cfg_value != default_value:
            origin = cfg
            value = cfg_value if shown is None else shown
        else:
            origin = "default"
            value = default_value if shown is None else shown
        rows.append((key, _fmt(value), origin))

    row("select", opts.select, s.select, default.select)
    if rows[-1][1] == "none":
        rows[-1] = ("select", "(rules on by default)", rows[-1][2])
    merged_extend = [*s.extend_select, *opts.extend_select]
    row("extend-select", opts.extend_select, s.extend_select, [], merged_extend)
    merged_ignore = [*s.ignore, *opts.ignore]
    row("ignore", opts.ignore, s.ignore, [], merged_ignore)
    row("language", opts.language, s.language, None)
    if rows[-1][1] == "none":
        rows[-1] = ("language", "(detected per article)", rows[-1][2])
    row("exclude", None, s.exclude, [])
    row("per-file-ignores", None, s.per_file_ignores, {})
    row("force-exclude", opts.force_exclude, False, False)
    row(
        "output-format",
        opts.output_format if opts.output_format != "full" else None,
        "full",
        "full",
    )
    row("output-file", str(opts.output_file) if opts.output_file else None, None, None)
    row("fail-on", opts.fail_on if opts.fail_on != "info" else None, "info", "info")
    for key, attr in (
        ("fix", "fix"),
        ("unsafe-fixes", "unsafe_fixes"),
        ("exit-zero", "exit_zero"),
        ("exit-non-zero-on-fix", "exit_non_zero_on_fix"),
    ):
        row(key, getattr(opts, attr), False, False)
    row("baseline", str(opts.baseline) if opts.baseline else None, None, None)

    width = max(len(k) for k, _, _ in rows)
    vwidth = min(40, max(len(v) for _, v, _ in rows))
    lines = [f"Settings file: {source}", f"Root for globs: {s.root}", ""]
    lines += [f"{k:<{width}} = {v:<{vwidth}}  # {o}" for k, v, o in rows]
    rules = session.linter.rules
    lines += ["", f"Enabled rules ({len(rules)}):"]
    lines += [f"  {r.code:<8} {r.name}  ({r.severity.value})" for r in rules]
    return "\n".join(lines) + "\n"
