"""First-pass CPU time per rule on the real corpus (not part of the test run).

    python bench/rule_profile.py [corpus.jsonl ...] [--fix]

Runs in a fresh process (cached sketches and compiled patterns cold, as for
a user), times the Document's structure (language, layout, paragraphs) and
then each default rule's check, with ``time.process_time`` so other load on
the machine matters less.  Lazily computed shared data (sentences, the
pull-quote) is charged to the first rule that asks for it, in rule order.
Prints the total, MB/s, and the rules by cost.
"""

from __future__ import annotations

import collections
import sys
import time
from pathlib import Path

from bench import default_paths, load  # bench/bench.py, beside this script
from newslint.api import get_linter
from newslint.document import Document


def main(argv: list[str]) -> None:
    paths = [Path(a) for a in argv if not a.startswith("--")] or default_paths()
    texts = load(paths)
    size = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    linter = get_linter()
    clock = time.process_time
    per: collections.Counter[str] = collections.Counter()
    start = clock()
    for t in texts:
        a = clock()
        doc = Document(t, is_record=True)
        lang = doc.language
        doc.paragraphs  # noqa: B018 - the structure every rule uses
        per["(document)"] += clock() - a
        for r in linter.rules:
            if not r.applies_to(lang):
                continue
            a = clock()
            for _ in r.check(doc, r):
                pass
            per[r.code] += clock() - a
    rules_total = clock() - start
    a = clock()
    for t in texts:
        linter.lint(Document(t, is_record=True))
    lint_total = clock() - a
    print(f"{len(texts)} articles, {size:.2f} MB, {len(linter.rules)} rules")
    print(f"rules one by one: {rules_total:.3f} s CPU ({size / rules_total:.2f} MB/s, first pass)")
    print(f"Linter.lint:      {lint_total:.3f} s CPU ({size / lint_total:.2f} MB/s, second pass)")
    if "--fix" in argv:
        a = clock()
        for t in texts:
            linter.fix(Document(t, is_record=True))
        fix_total = clock() - a
        print(f"Linter.fix:       {fix_total:.3f} s CPU ({size / fix_total:.2f} MB/s)")
    for code, secs in per.most_common():
        print(f"  {code:<11} {secs * 1000:7.1f} ms")


if __name__ == "__main__":
    main(sys.argv[1:])
