"""The start-up and corpus-pipeline fast paths give exactly what the slow
paths gave: findings rendered in workers (``Formatter.render``/``emit``)
against the parent's ``add``, the full format's ASCII fast paths against the
per-character loops, and rule collection without compiling lazy patterns."""

from __future__ import annotations

import io
import json
import shutil
import sys
import unicodedata

import pytest
from conftest import DATA

from newslint import corpus
from newslint.runner import CheckOptions, run_check

SAMPLE = DATA / "corpus-sample.jsonl"

#: Traps for the renderers: tabs, control and format characters, wide and
#: combining characters, line separators inside a record, CRLF, long lines.
TRAPS = [
    "Jakarta (ANTARA) - Harga naik  10 %\tdi pasar.\n\nBaca juga: Harga cabai naik\n\n"
    "Copyright © 2024",
    "Berita\u200b ini\u00a0penting.\r\nBaris kedua  dengan spasi ganda.\r\n",
    "中文 全角 ＡＢＣ text with wide chars  and e\u0301 combining.\n\nBaca juga: 中文",
    "Teks\u2028dengan pemisah\u0085baris dan \x07 kontrol  ganda.\n" + "kata " * 80 + " akhir",
    "\tTab di awal  dan spasi ganda.\n\n\n\nBaca juga: X\n",
    "",
]


def _corpus(tmp_path):
    path = tmp_path / "c.jsonl"
    shutil.copy(SAMPLE, path)
    with path.open("a", encoding="utf-8") as fh:
        for i, text in enumerate(TRAPS):
            fh.write(json.dumps({"id": f"trap-{i}", "text": text}, ensure_ascii=False) + "\n")
        fh.write("not json\n")
    return path


def _run(path, slow: bool, **kw):
    out, err = io.StringIO(), io.StringIO()
    opts = CheckOptions(paths=[str(path)], isolated=True, id_field="id", **kw)
    with pytest.MonkeyPatch.context() as mp:
        if slow:  # the old path: every result travels to the parent's formatter
            mp.setattr(corpus, "_renderer", lambda formatter, crossdup: None)
        code = run_check(opts, out, err)
    return code, out.getvalue(), err.getvalue()


FORMATS = ["full", "concise", "json", "json-lines", "sarif", "github", "gitlab", "junit"]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("jobs", [1, 2])
def test_rendered_in_workers_equals_parent_add(tmp_path, fmt, jobs):
    path = _corpus(tmp_path)
    for extra in ({}, {"show_fixes": True, "select": ["ALL"]}):
        slow = _run(path, True, jobs=jobs, output_format=fmt, **extra)
        fast = _run(path, False, jobs=jobs, output_format=fmt, **extra)
        assert fast == slow
        assert slow[1]


@pytest.mark.parametrize("jobs", [1, 2])
def test_fix_output_and_changes_identical(tmp_path, jobs):
    path = _corpus(tmp_path)
    results = []
    for slow in (True, False):
        out_file = tmp_path / f"clean-{slow}.jsonl"
        changes = tmp_path / f"changes-{slow}.jsonl"
        res = _run(
            path,
            slow,
            jobs=jobs,
            fix=True,
            show_fixes=True,
            output_file=out_file,
            changes=str(changes),
            output_format="json",
        )
        results.append((res, out_file.read_bytes(), changes.read_bytes()))
    assert results[0] == results[1]
    assert results[0][2].count(b"\n") > 3


def test_changes_line_matches_the_documented_shape(tmp_path):
    path = _corpus(tmp_path)
    out_file, changes = tmp_path / "clean.jsonl", tmp_path / "changes.jsonl"
    _run(path, False, jobs=1, fix=True, output_file=out_file, changes=str(changes))
    first = json.loads(changes.read_bytes().splitlines()[0])
    assert list(first) == ["record", "line", "path", "id", "bytes_removed", "changes"]
    assert first["path"] == str(path)


def test_stateful_formats_are_not_rendered_in_workers():
    from newslint.formatters import get_formatter

    for name in ("sarif", "gitlab", "junit"):
        f = get_formatter(name)(io.StringIO())
        assert corpus._renderer(f, False) is None
    f = get_formatter("full")(io.StringIO())
    assert corpus._renderer(f, True) is None  # DUP101 adds findings in the parent
    r = corpus._renderer(f, False)
    assert r is not None and r.stream is None and f.stream is not None


def test_full_format_fast_paths_match_every_code_point():
    from newslint.formatters import full

    def width(s):
        return sum(
            0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1
            for c in s
        )

    def printable(s):
        return "".join(" " if c == "\t" else c if c.isprintable() else "\ufffd" for c in s)

    # Both are sums/joins over characters, so every code point alone and a
    # few mixes cover them.
    for cp in range(sys.maxunicode + 1):
        c = chr(cp)
        assert full._width(c) == width(c), hex(cp)
        assert full._printable(c) == printable(c), hex(cp)
    for s in ("abc def", "a\tb", "a\x00b", "é e\u0301 中", "x" * 200, "", "\u2028a"):
        assert full._width(s) == width(s) and full._printable(s) == printable(s)


def test_collecting_rules_compiles_no_lazy_pattern():
    import importlib

    from newslint.patterns import TimedPattern
    from newslint.registry import BUILTIN_MODULES, rules_in_module

    for name in BUILTIN_MODULES:
        module = importlib.import_module(name)
        lazy = [v for v in vars(module).values() if type(v) is TimedPattern]
        before = [p for p in lazy if _compiled(p)]
        list(rules_in_module(module))
        after = [p for p in lazy if _compiled(p)]
        assert len(after) == len(before), name


def _compiled(p) -> bool:
    try:
        object.__getattribute__(p, "_pattern")
    except AttributeError:
        return False
    return True


def test_cli_exit_code_constant_matches_the_runner():
    from newslint import cli, runner

    assert cli.EXIT_ERROR == runner.EXIT_ERROR


def test_cli_path_options_are_paths(tmp_path, monkeypatch):
    from pathlib import Path

    from click.testing import CliRunner

    from newslint import cli, runner

    seen = {}

    def fake(opts):
        seen.update(output_file=opts.output_file, config=opts.config, baseline=opts.baseline)
        return 0

    monkeypatch.setattr(runner, "run_check", fake)
    cfg = tmp_path / "newslint.toml"
    cfg.write_text("")
    args = ["check", "x.txt", "-o", "r.txt", "--config", str(cfg), "--baseline", "b.json"]
    CliRunner().invoke(cli.cli, args)
    assert seen == {"output_file": Path("r.txt"), "config": cfg, "baseline": Path("b.json")}
    assert all(type(v) is type(cfg) for v in seen.values())


def test_plain_findings_behave_as_the_dataclasses_they_replace():
    import copy
    import dataclasses
    import pickle

    from newslint.diagnostics import Applicability, Diagnostic, Edit, Fix, Severity

    @dataclasses.dataclass(frozen=True)
    class RefEdit:
        start: int
        end: int
        content: str = ""

    @dataclasses.dataclass(frozen=True)
    class RefFix:
        edits: tuple
        applicability: Applicability = Applicability.SAFE
        message: str = ""

    @dataclasses.dataclass
    class RefDiagnostic:
        code: str
        name: str
        message: str
        start: int
        end: int
        severity: Severity = Severity.WARNING
        fix: Fix | None = None
        supersedes: bool = False
        related: tuple = ()

    for cls in (RefEdit, RefFix, RefDiagnostic):  # dataclass reprs show the qualname
        cls.__qualname__ = cls.__name__[3:]

    def same_repr(ours, ref):
        assert repr(ours) == repr(ref)

    e, r = Edit(1, 2, "x"), RefEdit(1, 2, "x")
    same_repr(e, r)
    assert (e == Edit(1, 2, "x"), e == Edit(1, 3)) == (r == RefEdit(1, 2, "x"), r == RefEdit(1, 3))
    assert hash(e) == hash(r) and e.__match_args__ == r.__match_args__
    f = Fix((e,), Applicability.UNSAFE, "m")
    same_repr(f, RefFix((r,), Applicability.UNSAFE, "m"))
    assert hash(f) == hash(Fix((Edit(1, 2, "x"),), Applicability.UNSAFE, "m"))
    for obj in (e, f):
        assert pickle.loads(pickle.dumps(obj)) == obj and copy.deepcopy(obj) == obj
        with pytest.raises(dataclasses.FrozenInstanceError):
            obj.message = "y"  # type: ignore[misc]
        with pytest.raises(dataclasses.FrozenInstanceError):
            del obj.message  # type: ignore[misc]
    d = Diagnostic("A1", "n", "m", 0, 1, fix=f, supersedes=True, related=((1, 2),))
    ref = RefDiagnostic("A1", "n", "m", 0, 1, fix=f, supersedes=True, related=((1, 2),))
    same_repr(d, ref)
    assert d.__match_args__ == ref.__match_args__
    assert pickle.loads(pickle.dumps(d)) == d and d != Diagnostic("A1", "n", "m", 0, 2)
    with pytest.raises(TypeError):
        hash(d)  # mutable, unhashable, as the dataclass
    d.message = "changed"
    assert d.message == "changed"
