"""Prove that a change leaves every finding and every fix as it was.

    python bench/equivalence.py dump OUT.json [corpus.jsonl ...]
    python bench/equivalence.py compare A.json B.json [--ignore NUM]

``dump`` lints every article of the corpus (``../shared/corpus/*.jsonl`` by
default, as records) and the seed article(s) in ``seeds/`` (as files), once
with the default rules and once with every rule (``--select ALL``), and
writes each finding (code, name, span, message, severity, supersedes,
related, fix edits, applicability and message) plus the text ``fix`` gives
(safe fixes, default rules; unsafe fixes, every rule).  ``compare`` prints
the documents whose dumps differ and exits 1 if any does; ``--ignore``
leaves out the findings of rules whose code starts with a prefix (fixed
texts are then not compared, since those rules' fixes change them).

A performance change must keep ``compare`` silent: run ``dump`` before and
after it.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def _finding(d: Any) -> list[Any]:
    fix = None
    if d.fix is not None:
        fix = [
            [[e.start, e.end, e.content] for e in d.fix.edits],
            d.fix.applicability.value,
            d.fix.message,
        ]
    return [
        d.code,
        d.name,
        d.start,
        d.end,
        d.message,
        d.severity.value,
        d.supersedes,
        [list(r) for r in d.related],
        fix,
    ]


def _documents(paths: list[Path]) -> list[tuple[str, Any]]:
    from newslint.document import Document

    docs = []
    for p in paths:
        with p.open(encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                if line.strip():
                    rec = json.loads(line)
                    key = f"{p.name}:{rec.get('id', n)}"
                    docs.append((key, Document(rec["text"], key, is_record=True)))
    for seed in sorted((ROOT / "seeds").glob("*.txt")):
        if seed.name.endswith(".fixed.txt"):
            continue
        text = seed.read_text(encoding="utf-8")
        docs.append((f"seeds/{seed.name}", Document(text, str(seed.relative_to(ROOT)))))
    return docs


def dump(out: Path, paths: list[Path]) -> None:
    from newslint.api import get_linter

    default = get_linter()
    every = get_linter(select=["ALL"])
    result: dict[str, Any] = {
        "rules": {
            "default": [r.code for r in default.rules],
            "all": [r.code for r in every.rules],
        },
        "documents": {},
    }
    for key, doc in _documents(paths):
        entry = {}
        for mode, linter, unsafe in (("default", default, False), ("all", every, True)):
            fresh = doc.with_text(doc.text)  # no cached structure shared between modes
            entry[mode] = [_finding(d) for d in linter.lint(fresh)]
            fixed = linter.fix(doc.with_text(doc.text), unsafe=unsafe).text
            entry[f"fixed-{mode}"] = hashlib.sha256(fixed.encode("utf-8")).hexdigest()
        result["documents"][key] = entry
    out.write_text(json.dumps(result, ensure_ascii=False, indent=0, sort_keys=True), "utf-8")
    n = sum(len(e["all"]) for e in result["documents"].values())
    print(f"{out}: {len(result['documents'])} documents, {n} findings with every rule")


def compare(a: Path, b: Path, ignore: tuple[str, ...]) -> int:
    da = json.loads(a.read_text("utf-8"))
    db = json.loads(b.read_text("utf-8"))
    bad = 0
    for mode in ("default", "all"):
        ra = [c for c in da["rules"][mode] if not c.startswith(ignore)]
        rb = [c for c in db["rules"][mode] if not c.startswith(ignore)]
        if ra != rb:
            print(f"rules ({mode}) differ: {sorted(set(ra) ^ set(rb))}")
            bad += 1
    keys = sorted(set(da["documents"]) | set(db["documents"]))
    for key in keys:
        ea, eb = da["documents"].get(key), db["documents"].get(key)
        if ea is None or eb is None:
            print(f"{key}: only in {'B' if ea is None else 'A'}")
            bad += 1
            continue
        for mode in ("default", "all"):
            fa = [f for f in ea[mode] if not f[0].startswith(ignore)]
            fb = [f for f in eb[mode] if not f[0].startswith(ignore)]
            if fa != fb:
                bad += 1
                gone = [f for f in fa if f not in fb]
                new = [f for f in fb if f not in fa]
                print(f"{key} ({mode}): {len(gone)} findings only in A, {len(new)} only in B")
                for f in (gone + new)[:4]:
                    print("   ", json.dumps(f, ensure_ascii=False)[:200])
            if not ignore and ea[f"fixed-{mode}"] != eb[f"fixed-{mode}"]:
                bad += 1
                print(f"{key} ({mode}): fixed text differs")
    print(f"{len(keys)} documents compared: {'identical' if not bad else f'{bad} differences'}")
    return 1 if bad else 0


def main(argv: list[str]) -> int:
    if len(argv) >= 2 and argv[0] == "dump":
        paths = [Path(p) for p in argv[2:]]
        if not paths:
            paths = sorted((ROOT.parent / "shared" / "corpus").glob("*.jsonl"))
        dump(Path(argv[1]), paths)
        return 0
    if len(argv) >= 3 and argv[0] == "compare":
        ignore: tuple[str, ...] = ()
        if "--ignore" in argv:
            i = argv.index("--ignore")
            ignore = tuple(s.upper() for s in argv[i + 1].split(","))
            argv = argv[:i] + argv[i + 2 :]
        return compare(Path(argv[1]), Path(argv[2]), ignore)
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
