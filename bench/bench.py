"""Throughput of lint and fix on the real corpus (not part of the test run).

    python bench/bench.py                 # ../shared/corpus, or the test sample
    python bench/bench.py path/*.jsonl    # any JSONL with a "text" field

Prints articles/s and MB/s for lint and for fix, best of three runs.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from newslint.api import get_linter
from newslint.document import Document

ROOT = Path(__file__).resolve().parent.parent


def default_paths() -> list[Path]:
    """The shared corpus, or the sample the tests ship when it is absent."""
    shared = ROOT.parent / "shared" / "corpus"
    return sorted(shared.glob("*.jsonl")) or [ROOT / "tests" / "data" / "corpus-sample.jsonl"]


def load(paths: list[Path]) -> list[str]:
    texts = []
    for p in paths:
        with p.open(encoding="utf-8") as fh:
            texts.extend(json.loads(line)["text"] for line in fh if line.strip())
    return texts


def bench(name: str, texts: list[str], fn) -> None:
    size = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    best = float("inf")
    for _ in range(3):
        t0 = time.perf_counter()
        for t in texts:
            fn(t)
        best = min(best, time.perf_counter() - t0)
    print(
        f"{name:<6} {len(texts):>6} articles  {size:6.2f} MB  {best:6.2f} s  "
        f"{len(texts) / best:8.0f} articles/s  {size / best:6.2f} MB/s"
    )


def main(argv: list[str]) -> None:
    paths = [Path(a) for a in argv] or default_paths()
    texts = load(paths)
    linter = get_linter()
    print(f"corpus: {', '.join(p.name for p in paths)}; {len(linter.rules)} rules")
    bench("lint", texts, lambda t: linter.lint(Document(t, is_record=True)))
    bench("fix", texts, lambda t: linter.fix(Document(t, is_record=True)))


if __name__ == "__main__":
    main(sys.argv[1:])
