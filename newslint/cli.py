"""Command line: thin click commands over :mod:`newslint.runner`.

Exit codes: 0 nothing left to report, 1 findings remain, 2 usage, config or
input error.  Errors are one line on stderr, never a traceback.
"""

from __future__ import annotations

import os
import sys

import click

from newslint import __version__
from newslint.errors import NewslintError

# The runner (and through it the engine, documents, pathlib) is imported by
# the commands that need it, so `--version` and `--help` start fast.
EXIT_ERROR = 2  # == runner.EXIT_ERROR (tests/test_perf_io.py)
#: Options holding a file path: given to the runner as ``pathlib.Path``.
_PATH_OPTIONS = ("output_file", "baseline", "config")

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


class _Group(click.Group):
    def main(self, *args, **kwargs):  # type: ignore[override]
        # click's own usage errors exit 2 already; make sure nothing else
        # escapes as a traceback.
        try:
            return super().main(*args, standalone_mode=False, **kwargs)
        except click.exceptions.Exit as exc:
            sys.exit(exc.exit_code)
        except click.Abort:
            click.echo("newslint: aborted", err=True)
            sys.exit(EXIT_ERROR)
        except click.ClickException as exc:
            exc.show()
            sys.exit(EXIT_ERROR)
        except NewslintError as exc:
            click.echo(f"newslint: error: {exc}", err=True)
            sys.exit(exc.exit_code)
        except KeyboardInterrupt:
            click.echo("newslint: interrupted", err=True)
            sys.exit(130)
        except BrokenPipeError:
            sys.stderr.close()
            sys.exit(EXIT_ERROR)
        except Exception as exc:  # a bug: still one line, unless asked for more
            if os.environ.get("NEWSLINT_TRACEBACK"):
                raise
            click.echo(
                f"newslint: error: internal error: {type(exc).__name__}: {exc} "
                "(set NEWSLINT_TRACEBACK=1 to see where; please report it)",
                err=True,
            )
            sys.exit(EXIT_ERROR)


@click.group(cls=_Group, context_settings=CONTEXT)
@click.version_option(__version__, "-V", "--version", prog_name="newslint")
def cli() -> None:
    """newslint: find and safely fix artifacts in news articles."""


_RULES_OPTION = click.option(
    "--rules",
    "rules",
    multiple=True,
    metavar="PATH",
    help="Also load the rule packs in this YAML file or folder (repeatable).",
)


def _registry(rules: tuple[str, ...]):
    """Built-ins, plugins, the config's `extend-rules` and `--rules` packs."""
    from newslint.config import load_settings
    from newslint.packs import user_rules
    from newslint.registry import load_registry

    return load_registry(user_rules(load_settings(), rules))


@cli.command(context_settings=CONTEXT)
@click.argument("paths", nargs=-1, type=str)
@click.option("--fix", is_flag=True, help="Apply safe fixes in place (stdin: print fixed text).")
@click.option("--diff", is_flag=True, help="Show the fixes as a unified diff; write nothing.")
@click.option("--unsafe-fixes", is_flag=True, help="Also apply fixes that may delete prose.")
@click.option("--show-fixes", is_flag=True, help="List what --fix changed.")
@click.option(
    "--select",
    multiple=True,
    metavar="CODES",
    help="Rules to run (codes or prefixes, comma-separated).",
)
@click.option(
    "--extend-select", multiple=True, metavar="CODES", help="Rules to add to the selection."
)
@click.option("--ignore", multiple=True, metavar="CODES", help="Rules to skip.")
@click.option(
    "--output-format",
    default="full",
    show_default=True,
    metavar="FORMAT",
    help="Output format: full, concise (alias: text), json, json-lines, sarif, github, "
    "gitlab, junit.",
)
@click.option(
    "-o",
    "--output-file",
    type=click.Path(dir_okay=False),
    help="Write the report to this file instead of stdout.",
)
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "info"]),
    default="info",
    show_default=True,
    help="Lowest severity of a remaining finding that makes the exit code 1.",
)
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when findings remain (2 on errors).")
@click.option(
    "--exit-non-zero-on-fix", is_flag=True, help="Exit 1 when --fix changed a file, even if clean."
)
@click.option("--statistics", is_flag=True, help="Print how many findings each rule produced.")
@click.option(
    "--baseline",
    type=click.Path(dir_okay=False),
    help="Report only findings not recorded in this file (recorded when it does not exist).",
)
@click.option(
    "--update-baseline",
    is_flag=True,
    help="Record today's findings in the --baseline file, replacing it (exit 0).",
)
@click.option(
    "--show-settings", is_flag=True, help="Print the resolved settings and where they came from."
)
@click.option(
    "--language",
    type=click.Choice(["id", "en"]),
    help="Language of the articles (default: detected).",
)
@click.option("-q", "--quiet", is_flag=True, help="Print findings only, no summary.")
@click.option("--config", type=click.Path(dir_okay=False), help="Config file to use.")
@click.option("--isolated", is_flag=True, help="Ignore all config files.")
@click.option("--stdin-filename", metavar="NAME", help="Name to report for text read from stdin.")
@click.option(
    "--force-exclude", is_flag=True, help="Apply `exclude` even to paths named explicitly."
)
@click.option("--field", default="text", show_default=True, help="Record field holding the text.")
@click.option("--id-field", metavar="NAME", help="Record field naming a record in findings.")
@click.option(
    "--input-format",
    type=click.Choice(["jsonl", "csv"]),
    help="Read records in this format (for stdin or an unusual suffix).",
)
@click.option(
    "-j", "--jobs", type=click.IntRange(min=1), help="Worker processes (default: CPU count)."
)
@click.option("--strict", is_flag=True, help="Stop with exit 2 at a record that cannot be parsed.")
@click.option(
    "--changes", metavar="FILE", help="With --fix on records: write what was removed (JSONL)."
)
@_RULES_OPTION
def check(paths, field, select, extend_select, ignore, rules, **options) -> None:
    """Check articles (files, folders, or - for stdin) for artifacts."""
    from newslint.runner import CheckOptions, run_check, split_codes

    _paths(options)
    # Every other option is named as its CheckOptions field.
    opts = CheckOptions(
        paths=list(paths),
        text_field=field,
        select=split_codes(select) if select else None,
        extend_select=split_codes(extend_select),
        ignore=split_codes(ignore),
        rules=list(rules),
        **options,
    )
    sys.exit(run_check(opts))


@cli.command("rule", context_settings=CONTEXT)
@click.argument("code")
@_RULES_OPTION
def rule_cmd(code: str, rules: tuple[str, ...]) -> None:
    """Show the documentation of a rule (by code or name)."""
    r = _registry(rules).get(code)
    if r is None:
        raise NewslintError(f"unknown rule {code!r} (see `newslint rules`)")
    langs = ", ".join(sorted(r.languages)) if r.languages else "all"
    fix = r.fix.value if r.fix else "none"
    click.echo(f"# {r.code} {r.name}\n")
    click.echo(
        f"Severity: {r.severity.value} · Fix: {fix} · Languages: {langs} · "
        f"Default: {'on' if r.default else 'off'} · Origin: {r.origin}"
    )
    if r.options:
        opts = ", ".join(f"{k} = {v!r}" for k, v in r.options.items())
        click.echo(f"Options: {opts}")
    click.echo("")
    click.echo(r.doc or r.summary)


@cli.command("rules", context_settings=CONTEXT)
@click.option("--output-format", type=click.Choice(["text", "json", "markdown"]), default="text")
@_RULES_OPTION
def rules_cmd(output_format: str, rules: tuple[str, ...]) -> None:
    """List every rule: code, name, severity, fixability."""
    import json

    reg = _registry(rules)
    if output_format == "json":
        click.echo(
            json.dumps(
                [
                    {
                        "code": r.code,
                        "name": r.name,
                        "severity": r.severity.value,
                        "fix": r.fix.value if r.fix else None,
                        "default": r.default,
                        "languages": sorted(r.languages) if r.languages else None,
                        "summary": r.summary,
                        "origin": r.origin,
                    }
                    for r in reg
                ],
                indent=2,
                ensure_ascii=False,
            )
        )
        return
    if output_format == "markdown":
        click.echo(rules_markdown(reg), nl=False)
        return
    width = max((len(r.name) for r in reg), default=10)
    for r in reg:
        fix = r.fix.value if r.fix else "-"
        mark = "" if r.default else " (off by default)"
        click.echo(
            f"{r.code:<8} {r.name:<{width}}  {r.severity.value:<7}  fix:{fix:<6}  {r.summary}{mark}"
        )


def rules_markdown(reg) -> str:
    """The rule table of the README (kept in sync by tests/test_readme.py)."""
    rows = [
        "| code | name | severity | fix | default | what it finds |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for r in reg:
        summary = r.summary.replace("|", "\\|")
        rows.append(
            f"| {r.code} | {r.name} | {r.severity.value} | {r.fix.value if r.fix else '-'} "
            f"| {'on' if r.default else 'off'} | {summary} |"
        )
    return "\n".join(rows) + "\n"


@cli.command("report", context_settings=CONTEXT)
@click.argument("paths", nargs=-1, type=str, required=True)
@click.option("--html", "html_file", required=True, metavar="FILE", help="Write the report here.")
@click.option("--field", default="text", show_default=True, help="Record field holding the text.")
@click.option("--id-field", metavar="NAME", help="Record field naming a record.")
@click.option("--source-field", default="source", show_default=True, help="Field to group by.")
@click.option("--input-format", type=click.Choice(["jsonl", "csv"]), help="Record format.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), help="Worker processes.")
@click.option("--select", multiple=True, metavar="CODES", help="Rules to run.")
@click.option("--extend-select", multiple=True, metavar="CODES", help="Rules to add.")
@click.option("--ignore", multiple=True, metavar="CODES", help="Rules to skip.")
@click.option("--language", type=click.Choice(["id", "en"]), help="Language of the articles.")
@click.option("--examples", default=3, show_default=True, help="Example findings per rule.")
@click.option("--config", type=click.Path(dir_okay=False), help="Config file.")
@click.option("--isolated", is_flag=True, help="Ignore all config files.")
def report_cmd(paths, html_file, source_field, examples, **kw) -> None:
    """Write a self-contained HTML report on a JSONL/CSV corpus."""
    from newslint.report import write_report
    from newslint.runner import split_codes

    _paths(kw)
    for key in ("select", "extend_select", "ignore"):
        kw[key] = split_codes(kw[key]) if kw[key] or key != "select" else None
    sys.exit(write_report(list(paths), html_file, source_field, examples, **kw))


def _paths(options: dict) -> None:
    """``click.Path(path_type=Path)``'s conversion, done here so that parsing
    the command line does not need pathlib (nor a run that names no such
    file)."""
    for key in _PATH_OPTIONS:
        if options.get(key) is not None:
            from pathlib import Path

            options[key] = Path(options[key])


def main() -> None:
    # Findings quote the article; a terminal that cannot show a character
    # gets an escape rather than a UnicodeEncodeError.  (Fixed text on stdout
    # is written as UTF-8 bytes, see sources.write_stdout.)
    for stream in (sys.stdout, sys.stderr):
        if getattr(stream, "errors", None) == "strict" and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    cli()


if __name__ == "__main__":  # pragma: no cover
    main()
