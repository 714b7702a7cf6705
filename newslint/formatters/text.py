"""Concise text (``concise``, alias ``text``): ``path:line:col: CODE [*] message``
and a summary line."""

from __future__ import annotations

from newslint.formatters import Formatter


def _n(n: int, word: str) -> str:
    return f"{n} {word}{'s' if n != 1 else ''}"


def fix_summary(summary, unsafe_fixes: bool = False) -> str:
    """The closing lines shared by the human formats."""
    out = []
    if summary.remaining:
        unsafe = getattr(summary, "unsafe_fixable", 0)
        safe = summary.fixable if unsafe_fixes else summary.fixable - unsafe
        parts = []
        if safe:
            parts.append(f"{safe} fixable with --fix" + (" --unsafe-fixes" if unsafe_fixes else ""))
        if unsafe and not unsafe_fixes:
            parts.append(f"{unsafe} more with --unsafe-fixes")
        extra = f" ({'; '.join(parts)})" if parts else ""
        out.append(f"Found {_n(summary.remaining, 'finding')}{extra}.\n")
    if summary.fixed:
        out.append(f"Fixed {_n(summary.fixed, 'finding')}.\n")
    if not summary.remaining and not summary.fixed and not summary.errors:
        out.append("All checks passed.\n")
    return "".join(out)


class TextFormatter(Formatter):
    stateless = True

    def add(self, result) -> None:
        doc = result.document
        write = self.stream.write
        if self.show_fixes:
            for d in result.fixed:
                write(f"{result.name}: fixed {d.code} ({d.fix.message if d.fix else d.message})\n")
        for d in result.diagnostics:
            line, col = doc.position(d.start)
            safe = self.fixable_now(d)
            mark = " [*]" if safe else ""
            code = self._style(d.code, "1;31" if d.severity.value == "error" else "1;33")
            write(f"{result.name}:{line}:{col}: {code}{mark} {d.message}\n")

    def finish(self, summary) -> None:
        self.stream.write(fix_summary(summary, self.unsafe_fixes))

    def _style(self, text: str, code: str) -> str:
        return f"\x1b[{code}m{text}\x1b[0m" if self.color else text
