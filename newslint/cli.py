"""Command line: thin click commands over :mod:`newslint.runner`.

Exit codes: 0 nothing left to report, 1 findings remain, 2 usage, config or
input error.  Errors are one line on stderr, never a traceback.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from newslint import __version__
from newslint.errors import NewslintError
from newslint.runner import EXIT_ERROR, CheckOptions, run_check, split_codes

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
    default="text",
    show_default=True,
    metavar="FORMAT",
    help="Output format: text, json.",
)
@click.option(
    "--language",
    type=click.Choice(["id", "en"]),
    help="Language of the articles (default: detected).",
)
@click.option("-q", "--quiet", is_flag=True, help="Print findings only, no summary.")
@click.option(
    "--config", type=click.Path(path_type=Path, dir_okay=False), help="Config file to use."
)
@click.option("--isolated", is_flag=True, help="Ignore all config files.")
@click.option("--stdin-filename", metavar="NAME", help="Name to report for text read from stdin.")
@click.option(
    "--force-exclude", is_flag=True, help="Apply `exclude` even to paths named explicitly."
)
def check(
    paths,
    fix,
    diff,
    unsafe_fixes,
    show_fixes,
    select,
    extend_select,
    ignore,
    output_format,
    language,
    quiet,
    config,
    isolated,
    stdin_filename,
    force_exclude,
) -> None:
    """Check articles (files, folders, or - for stdin) for artifacts."""
    opts = CheckOptions(
        paths=list(paths),
        fix=fix,
        diff=diff,
        unsafe_fixes=unsafe_fixes,
        show_fixes=show_fixes,
        select=split_codes(select) if select else None,
        extend_select=split_codes(extend_select),
        ignore=split_codes(ignore),
        output_format=output_format,
        language=language,
        quiet=quiet,
        config=config,
        isolated=isolated,
        stdin_filename=stdin_filename,
        force_exclude=force_exclude,
    )
    sys.exit(run_check(opts))


@cli.command("rule", context_settings=CONTEXT)
@click.argument("code")
def rule_cmd(code: str) -> None:
    """Show the documentation of a rule (by code or name)."""
    from newslint.registry import load_registry

    r = load_registry().get(code)
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
@click.option("--output-format", type=click.Choice(["text", "json"]), default="text")
def rules_cmd(output_format: str) -> None:
    """List every rule: code, name, severity, fixability."""
    import json

    from newslint.registry import load_registry

    reg = load_registry()
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
    width = max((len(r.name) for r in reg), default=10)
    for r in reg:
        fix = r.fix.value if r.fix else "-"
        mark = "" if r.default else " (off by default)"
        click.echo(
            f"{r.code:<8} {r.name:<{width}}  {r.severity.value:<7}  fix:{fix:<6}  {r.summary}{mark}"
        )


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
