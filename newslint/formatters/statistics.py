"""``--statistics``: how many findings each rule produced, instead of the
findings themselves (text table, or JSON with ``--output-format json``)."""

from __future__ import annotations

import json
from collections import Counter

from newslint.formatters import Formatter


class StatisticsFormatter(Formatter):
    def __init__(self, stream, *, as_json: bool = False, **kw) -> None:
        super().__init__(stream, **kw)
        self.as_json = as_json
        self.counts: Counter[str] = Counter()
        self.fixable: Counter[str] = Counter()
        self.names: dict[str, str] = {}

    def add(self, result) -> None:
        for d in result.diagnostics:
            self.counts[d.code] += 1
            self.names[d.code] = d.name
            if self.fixable_now(d):
                self.fixable[d.code] += 1

    def finish(self, summary) -> None:
        rows = sorted(self.counts.items(), key=lambda kv: (-kv[1], kv[0]))
        if self.as_json:
            data = [
                {
                    "code": code,
                    "name": self.names[code],
                    "count": n,
                    "fixable": self.fixable[code],
                }
                for code, n in rows
            ]
            self.stream.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
            return
        if not rows:
            if not summary.errors:
                self.stream.write("All checks passed.\n")
            return
        width = max(len(str(n)) for _, n in rows)
        cw = max(len(c) for c, _ in rows)
        for code, n in rows:
            mark = "[*]" if self.fixable[code] == n else "[-]" if self.fixable[code] else "   "
            self.stream.write(f"{n:>{width}}\t{code:<{cw}}\t{mark} {self.names[code]}\n")
