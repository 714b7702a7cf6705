"""Human-readable text: ``path:line:col: CODE [*] message`` and a summary."""

from __future__ import annotations

from newslint.formatters import Formatter


class TextFormatter(Formatter):
    def add(self, result) -> None:
        doc = result.document
        write = self.stream.write
        if self.show_fixes:
            for d in result.fixed:
                write(f"{result.name}: fixed {d.code} ({d.fix.message if d.fix else d.message})\n")
        for d in result.diagnostics:
            line, col = doc.position(d.start)
            mark = " [*]" if d.fix is not None and d.fix.applicability.value == "safe" else ""
            code = self._style(d.code, "1;31" if d.severity.value == "error" else "1;33")
            write(f"{result.name}:{line}:{col}: {code}{mark} {d.message}\n")

    def finish(self, summary) -> None:
        if summary.remaining:
            fixable = f" ({summary.fixable} fixable with --fix)" if summary.fixable else ""
            n = summary.remaining
            self.stream.write(f"Found {n} finding{'s' if n != 1 else ''}{fixable}.\n")
        if summary.fixed:
            n = summary.fixed
            self.stream.write(f"Fixed {n} finding{'s' if n != 1 else ''}.\n")
        if not summary.remaining and not summary.fixed and not summary.errors:
            self.stream.write("All checks passed.\n")

    def _style(self, text: str, code: str) -> str:
        return f"\x1b[{code}m{text}\x1b[0m" if self.color else text
