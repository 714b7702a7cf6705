"""The default human format: each finding with its source line, a caret under
the span and the fix title, then a summary saying how many are fixable.

```
article.txt:5:1: BP002 [*] Orphan "Baca juga:" line: a link to another article without its link
  |
5 | Baca juga: Briket arang produksi IKM binaan Pemprov Banten ekspor perdana
  | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ BP002
  = fix: Delete the "Baca juga:" line
```

A whole ANTARA article is one line, so the source line is cut to a window
around the span; a span over several lines shows its first line and says how
many more follow.
"""

from __future__ import annotations

import unicodedata

from newslint.formatters import Formatter
from newslint.formatters.text import fix_summary

#: Characters of context shown before and after a span on a long line.
CONTEXT = 40
#: Widest source excerpt shown.
WIDTH = 100

_COLORS = {"error": "1;31", "warning": "1;33", "info": "1;36"}


def _width(s: str) -> int:
    # Fast path: no combining character lies below U+0300 and no wide or
    # full-width one below U+1100, so such text is one column per character.
    if s.isascii() or max(s) < "\u0300":
        return len(s)
    return sum(
        0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1
        for c in s
    )


def _printable(s: str) -> str:
    if s.isprintable():  # nothing to replace (a tab is not printable)
        return s
    return "".join(" " if c == "\t" else c if c.isprintable() else "\ufffd" for c in s)


class FullFormatter(Formatter):
    stateless = True

    def add(self, result) -> None:
        doc = result.document
        write = self.stream.write
        if self.show_fixes:
            for d in result.fixed:
                title = d.fix.message if d.fix and d.fix.message else d.message
                write(f"{result.name}: fixed {self._b(d.code)} {title}\n")
        for d in result.diagnostics:
            line, col = doc.position(d.start)
            end_line, _ = doc.position(max(d.start, d.end - 1)) if d.end > d.start else (line, 0)
            safe = self.fixable_now(d)
            mark = " [*]" if safe else ""
            code = self._c(d.code, _COLORS.get(d.severity.value, "1"))
            write(f"{self._b(result.name)}:{line}:{col}: {code}{mark} {d.message}\n")
            write(self._snippet(doc, d, line, col, end_line))
            if d.fix is not None and d.fix.message:
                how = "" if safe else " (unsafe: --unsafe-fixes)"
                write(f"{' ' * self._gutter}= {self._c('fix', '1;32')}: {d.fix.message}{how}\n")
            write("\n")

    _gutter = 2

    def _snippet(self, doc, d, line: int, col: int, end_line: int) -> str:
        s, e = doc.lines[line - 1]
        text = doc.text[s:e]
        a = d.start - s
        b = min(d.end, e) - s
        if b <= a:
            b = a
        lo, hi = 0, len(text)
        if len(text) > WIDTH:
            lo = max(0, a - CONTEXT)
            hi = min(len(text), max(b, a + 1) + CONTEXT, lo + WIDTH)
            if hi - lo < WIDTH:
                lo = max(0, hi - WIDTH)
        pre = "…" if lo > 0 else ""
        post = "…" if hi < len(text) else ""
        shown = _printable(text[lo:hi])
        num = str(line)
        g = len(num) + 1
        self._gutter = g
        pad = " " * g
        caret_col = _width(pre) + _width(_printable(text[lo:a]))
        caret_len = max(1, _width(_printable(text[a : min(b, hi)])))
        more = ""
        if end_line > line:
            n = end_line - line
            more = f" (+{n} more line{'s' if n != 1 else ''})"
        carets = self._c("^" * caret_len, _COLORS.get(d.severity.value, "1"))
        return f"{pad}|\n{num} | {pre}{shown}{post}\n{pad}| {' ' * caret_col}{carets}{more}\n"

    def finish(self, summary) -> None:
        self.stream.write(fix_summary(summary, self.unsafe_fixes))

    def _c(self, text: str, code: str) -> str:
        return f"\x1b[{code}m{text}\x1b[0m" if self.color else text

    def _b(self, text: str) -> str:
        return self._c(text, "1")
