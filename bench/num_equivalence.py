"""Dump every NUM finding on a fixed set of inputs, to prove a refactor of the
NUM family changed no behaviour (not part of the test run).

    python bench/num_equivalence.py dump /tmp/num-baseline.json   # before
    python bench/num_equivalence.py dump /tmp/num-after.json      # after
    python bench/num_equivalence.py compare /tmp/num-baseline.json /tmp/num-after.json

The inputs are:

* every article of ``../shared/corpus`` (or the test sample), as a record,
  with its detected language and forced to ``id`` and to ``en``;
* the fixed texts ``Linter.fix(unsafe=True)`` produces from them;
* every ``Document`` the NUM tests build (captured by running
  ``tests/test_numbers*.py`` in-process), with its own language and forced to
  ``id`` and ``en``;
* windows cut around numbers of the corpus at seeded random offsets, so that
  numbers at the very start or end of a text are covered too.

For each input, every NUM rule runs (house-style rules with each of their
option values) and each finding is written as code, span, message, fix edits,
fix message and applicability.
"""

from __future__ import annotations

import hashlib
import json
import random
import sys
from pathlib import Path

import regex

from bench import default_paths, load  # bench/bench.py, beside this script
from newslint.document import Document
from newslint.engine import Linter
from newslint.registry import load_registry

ROOT = Path(__file__).resolve().parent.parent


def corpus() -> list[str]:
    return load(default_paths())


def test_inputs() -> list[tuple[str, str | None, bool]]:
    """Every Document the NUM tests construct, captured while they run."""
    import pytest

    seen: list[tuple[str, str | None, bool]] = []
    real = Document.__init__

    def spy(self, text, path=None, language=None, *, is_record=False):
        seen.append((text, language, is_record))
        real(self, text, path, language, is_record=is_record)

    Document.__init__ = spy  # type: ignore[method-assign]
    try:
        tests = sorted(str(p) for p in (ROOT / "tests").glob("test_numbers*.py"))
        code = pytest.main(["-q", "-p", "no:cacheprovider", "--no-header", *tests])
        if code != 0:
            raise SystemExit(f"the NUM tests failed (exit {code}): fix them first")
    finally:
        Document.__init__ = real  # type: ignore[method-assign]
    return seen


def windows(texts: list[str], n: int = 6000, seed: int = 7) -> list[str]:
    rnd = random.Random(seed)
    spots = [
        (i, m.start(), m.end()) for i, t in enumerate(texts) for m in regex.finditer(r"\d+", t)
    ]
    out = []
    for i, s, e in rnd.sample(spots, min(n, len(spots))):
        t = texts[i]
        a = max(0, s - rnd.choice((0, 0, 1, 2, 5, 13, 40, 90)))
        b = min(len(t), e + rnd.choice((0, 0, 1, 2, 3, 7, 15, 40, 90)))
        out.append(t[a:b])
    return out


def linters() -> dict[str, Linter]:
    reg = load_registry()
    num = [r for r in reg if r.code.startswith("NUM")]
    get = reg.get
    return {
        "all": Linter(num),
        "space-word": Linter(
            [
                get("NUM006").with_options(**{"rp-space": "space"}),
                get("NUM007").with_options(percent="word"),
            ]
        ),
        "symbol": Linter([get("NUM007").with_options(percent="symbol")]),
    }


def findings(linter: Linter, doc: Document) -> list:
    out = []
    for d in linter.lint(doc):
        fix = None
        if d.fix is not None:
            fix = [
                [[e.start, e.end, e.content] for e in d.fix.edits],
                d.fix.message,
                d.fix.applicability.value,
            ]
        out.append([d.code, d.start, d.end, d.message, fix])
    return out


def dump(path: Path) -> None:
    texts = corpus()
    default_num = Linter([r for r in load_registry().select(select=["NUM"])])
    inputs: list[tuple[str, str | None, bool]] = []
    for t in texts:
        inputs += [(t, None, True), (t, "id", True), (t, "en", True)]
        inputs.append((default_num.fix(Document(t, is_record=True), unsafe=True).text, None, True))
    for text, lang, rec in test_inputs():
        inputs += [(text, lang, rec), (text, "id", rec), (text, "en", rec)]
    for w in windows(texts):
        inputs += [(w, None, False), (w, "id", False), (w, "en", False)]
    runs = linters()
    result: dict[str, dict] = {}
    for text, lang, rec in inputs:
        key = hashlib.sha1(f"{lang}|{rec}|{text}".encode()).hexdigest()
        if key in result:
            continue
        doc = Document(text, language=lang, is_record=rec)
        result[key] = {
            "lang": doc.language,
            "head": text[:60],
            "findings": {name: findings(lt, doc) for name, lt in runs.items()},
        }
    total = sum(len(f) for v in result.values() for f in v["findings"].values())
    path.write_text(
        json.dumps(result, ensure_ascii=False, sort_keys=True, indent=0), encoding="utf-8"
    )
    print(f"{len(result)} inputs, {total} findings -> {path}")


def compare(a: Path, b: Path) -> int:
    """Exit 1 when an input of the first dump is missing from the second or
    has other findings there; inputs only in the second (a test added since)
    are counted, not compared."""
    old = json.loads(a.read_text(encoding="utf-8"))
    new = json.loads(b.read_text(encoding="utf-8"))
    diff = sorted(k for k in old if old[k] != new.get(k))
    for k in diff[:20]:
        print(k, json.dumps(old[k], ensure_ascii=False)[:400])
        print(" " * len(k), json.dumps(new.get(k), ensure_ascii=False)[:400])
    total = sum(len(f) for v in old.values() for f in v["findings"].values())
    added = len(new.keys() - old.keys())
    print(f"{len(old)} inputs, {total} findings; {len(diff)} differ; {added} new inputs")
    return 1 if diff else 0


if __name__ == "__main__":
    cmd, *args = sys.argv[1:]
    if cmd == "dump":
        dump(Path(args[0]))
    elif cmd == "compare":
        raise SystemExit(compare(Path(args[0]), Path(args[1])))
    else:
        raise SystemExit(__doc__)
