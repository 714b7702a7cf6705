"""``newslint report``: one self-contained HTML page about a corpus.

For people who would rather look than read: findings per rule, per source,
articles by how much of their text is removable boilerplate, the articles
with the most of it, and example findings with their context.  The page is a
single file: inline CSS and inline SVG charts, no script, no CDN, so it can be
mailed or archived as is.

The corpus is streamed through the same pool as ``check`` (:mod:`newslint.corpus`);
the report keeps only counters and a capped number of examples, so memory
stays flat.
"""

from __future__ import annotations

import html
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import IO, Any

import regex

from newslint.corpus import CorpusRun, Outcome, WorkerConfig, resolve_inputs

#: Share of an article's text that safe fixes would remove -> histogram bucket.
BUCKETS = (
    (0.0, "none"),
    (0.01, "< 1%"),
    (0.05, "1–5%"),
    (0.10, "5–10%"),
    (0.25, "10–25%"),
    (0.50, "25–50%"),
    (1.01, "≥ 50%"),
)
_ROW_SUFFIX = regex.compile(r"(?:[#:,\s]+(?:row|line|r)?\s*\d+)+$", regex.I)


def source_group(value: str | None, path: str) -> str:
    """A source name without its row number (``repo@commit:file.csv#row12`` ->
    ``repo@commit:file.csv``); the input file when there is none."""
    if not value:
        return path
    return _ROW_SUFFIX.sub("", value) or value


def bucket(share: float) -> int:
    if share <= 0:
        return 0
    for i, (limit, _) in enumerate(BUCKETS[1:], 1):
        if share < limit:
            return i
    return len(BUCKETS) - 1


@dataclass
class Example:
    name: str
    line: int
    column: int
    code: str
    message: str
    before: str
    span: str
    after: str


@dataclass
class SourceStats:
    records: int = 0
    with_findings: int = 0
    findings: int = 0
    text_chars: int = 0
    removable: int = 0


@dataclass
class CorpusReport:
    """What the page shows, aggregated record by record."""

    inputs: list[str]
    examples_per_rule: int = 3
    records: int = 0
    unparsable: int = 0
    with_findings: int = 0
    text_chars: int = 0
    removable: int = 0
    rule_findings: Counter[str] = field(default_factory=Counter)
    rule_records: Counter[str] = field(default_factory=Counter)
    sources: dict[str, SourceStats] = field(default_factory=dict)
    histogram: list[int] = field(default_factory=lambda: [0] * len(BUCKETS))
    examples: dict[str, list[Example]] = field(default_factory=dict)
    worst: list[tuple[float, str, int]] = field(default_factory=list)
    seconds: float = 0.0

    def add(self, path: str, o: Outcome) -> None:
        self.records += 1
        if o.error:
            self.unparsable += 1
            return
        src = self.sources.setdefault(source_group(o.source, path), SourceStats())
        src.records += 1
        n = sum(o.counts.values())
        chars = o.text_chars
        removable = min(o.removable, chars)
        self.text_chars += chars
        self.removable += removable
        src.text_chars += chars
        src.removable += removable
        share = removable / chars if chars else 0.0
        self.histogram[bucket(share)] += 1
        if n:
            self.with_findings += 1
            src.with_findings += 1
            src.findings += n
            self.rule_findings.update(o.counts)
            self.rule_records.update(o.counts.keys())
        if share > 0:
            self.worst.append((share, o.name, removable))
            if len(self.worst) > 40:
                self.worst.sort(reverse=True)
                del self.worst[10:]
        if o.result is None:
            return
        doc = o.result.document
        for d in o.result.diagnostics:
            ex = self.examples.setdefault(d.code, [])
            if len(ex) >= self.examples_per_rule:
                continue
            line, col = doc.position(d.start)
            end = min(d.end, d.start + 300)
            ex.append(
                Example(
                    o.name,
                    line,
                    col,
                    d.code,
                    d.message,
                    doc.text[max(0, d.start - 80) : d.start],
                    doc.text[d.start : end] + ("…" if end < d.end else ""),
                    doc.text[d.end : d.end + 80],
                )
            )


# -- rendering ------------------------------------------------------------------------------

CSS = """
body{font:15px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:1000px;color:#222;padding:0 1rem}
h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ddd}
table{border-collapse:collapse;margin:.5rem 0}td,th{padding:.2rem .6rem;text-align:left;
border-bottom:1px solid #eee}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
.cards{display:flex;gap:1rem;flex-wrap:wrap}.card{border:1px solid #ddd;border-radius:6px;
padding:.6rem 1rem;min-width:9rem}.card b{display:block;font-size:1.4rem}
.ex{border-left:3px solid #c33;background:#fafafa;padding:.4rem .8rem;margin:.5rem 0;
white-space:pre-wrap;word-break:break-word;font-size:13px}.ex mark{background:#fdd}
.meta{color:#666;font-size:13px}code{background:#f3f3f3;padding:0 .2rem}
"""


def _e(s: object) -> str:
    return html.escape(str(s), quote=True)


def bar_chart(rows: list[tuple[str, float, str]], color: str = "#3a7bd5") -> str:
    """A horizontal bar chart as inline SVG: (label, value, value text) rows."""
    if not rows:
        return "<p class=meta>Nothing to show.</p>"
    label_w, bar_w, row_h = 260, 520, 22
    top = max(v for _, v, _ in rows) or 1
    h = row_h * len(rows) + 4
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{label_w + bar_w + 90}" height="{h}" '
        f'role="img" font-size="12" font-family="system-ui,sans-serif">'
    ]
    for i, (label, value, text) in enumerate(rows):
        y = i * row_h + 2
        w = max(1.0, bar_w * value / top) if value else 0
        short = label if len(label) <= 40 else label[:39] + "…"
        parts.append(
            f'<text x="{label_w - 6}" y="{y + 15}" text-anchor="end"><title>{_e(label)}</title>'
            f"{_e(short)}</text>"
            f'<rect x="{label_w}" y="{y + 3}" width="{w:.1f}" height="{row_h - 6}" fill="{color}"/>'
            f'<text x="{label_w + w + 5:.1f}" y="{y + 15}">{_e(text)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def render(report: CorpusReport, names: dict[str, str]) -> str:
    r = report
    pct = lambda a, b: f"{a / b:.1%}" if b else "–"  # noqa: E731
    out = [
        "<!doctype html><html lang=en><head><meta charset=utf-8>",
        "<meta name=viewport content='width=device-width,initial-scale=1'>",
        f"<title>newslint report: {_e(', '.join(r.inputs))}</title><style>{CSS}</style></head><body>",
        "<h1>newslint corpus report</h1>",
        f"<p class=meta>{_e(', '.join(r.inputs))} · {r.seconds:.1f} s</p>",
        "<div class=cards>",
    ]
    for label, value in (
        ("records", f"{r.records:,}"),
        ("with findings", f"{r.with_findings:,} ({pct(r.with_findings, r.records)})"),
        ("findings", f"{sum(r.rule_findings.values()):,}"),
        ("removable text", pct(r.removable, r.text_chars)),
        ("unparsable", f"{r.unparsable:,}"),
    ):
        out.append(f"<div class=card>{_e(label)}<b>{_e(value)}</b></div>")
    out.append("</div>")

    out.append("<h2>Findings per rule</h2>")
    rules = sorted(r.rule_findings.items(), key=lambda kv: -kv[1])
    out.append(bar_chart([(f"{c} {names.get(c, '')}", n, f"{n:,}") for c, n in rules], "#c0392b"))
    out.append("<table><tr><th>rule</th><th>name</th><th class=n>findings</th>")
    out.append("<th class=n>records</th></tr>")
    for c, n in rules:
        out.append(
            f"<tr><td><code>{_e(c)}</code></td><td>{_e(names.get(c, ''))}</td>"
            f"<td class=n>{n:,}</td><td class=n>{r.rule_records[c]:,}</td></tr>"
        )
    out.append("</table>")

    out.append("<h2>Findings per source</h2>")
    srcs = sorted(r.sources.items(), key=lambda kv: -kv[1].findings)[:30]
    out.append(
        bar_chart(
            [
                (
                    s,
                    st.findings / st.records if st.records else 0,
                    f"{st.findings / max(st.records, 1):.2f} per article",
                )
                for s, st in srcs
            ],
            "#8e44ad",
        )
    )
    out.append("<table><tr><th>source</th><th class=n>records</th><th class=n>with findings</th>")
    out.append("<th class=n>findings</th><th class=n>removable</th></tr>")
    for s, st in srcs:
        out.append(
            f"<tr><td>{_e(s)}</td><td class=n>{st.records:,}</td>"
            f"<td class=n>{pct(st.with_findings, st.records)}</td><td class=n>{st.findings:,}</td>"
            f"<td class=n>{pct(st.removable, st.text_chars)}</td></tr>"
        )
    out.append("</table>")
    if len(r.sources) > 30:
        out.append(f"<p class=meta>{len(r.sources) - 30} more sources not shown.</p>")

    out.append("<h2>Articles by amount of boilerplate</h2>")
    out.append(
        "<p class=meta>Share of each article's text that <code>--fix</code> would remove.</p>"
    )
    out.append(
        bar_chart(
            [
                (label, n, f"{n:,} ({pct(n, r.records - r.unparsable)})")
                for (_, label), n in zip(BUCKETS, r.histogram, strict=True)
            ],
            "#27ae60",
        )
    )
    worst = sorted(r.worst, reverse=True)[:10]
    if worst:
        out.append("<h3>Most boilerplate</h3><table><tr><th>record</th><th class=n>removable</th>")
        out.append("<th class=n>chars</th></tr>")
        for share, name, chars in worst:
            out.append(
                f"<tr><td>{_e(name)}</td><td class=n>{share:.1%}</td><td class=n>{chars:,}</td></tr>"
            )
        out.append("</table>")

    out.append("<h2>Example findings</h2>")
    for code, _ in rules:
        exs = r.examples.get(code, [])
        if not exs:
            continue
        out.append(f"<h3><code>{_e(code)}</code> {_e(names.get(code, ''))}</h3>")
        for ex in exs:
            out.append(
                f"<div class=meta>{_e(ex.name)}:{ex.line}:{ex.column} — {_e(ex.message)}</div>"
                f"<div class=ex>…{_e(ex.before)}<mark>{_e(ex.span)}</mark>{_e(ex.after)}…</div>"
            )
    out.append(
        "<p class=meta>Generated by newslint. Counts are findings before any fix; "
        "“removable” counts safe fixes only.</p></body></html>\n"
    )
    return "\n".join(out)


def build_report(
    session: Any,
    paths: list[str],
    *,
    field: str = "text",
    id_field: str | None = None,
    source_field: str | None = "source",
    input_format: str | None = None,
    jobs: int = 1,
    examples: int = 3,
    err: IO[str] | None = None,
) -> CorpusReport:
    """Stream the corpus through the linter and aggregate a :class:`CorpusReport`."""
    import sys

    err = err or sys.stderr
    inputs = resolve_inputs(paths, input_format)
    config = WorkerConfig(
        linter=session.linter,
        field=field,
        id_field=id_field,
        source_field=source_field,
        language=session.language,
    )
    report = CorpusReport([i.path for i in inputs], examples_per_rule=examples)
    t0 = time.perf_counter()
    for path, _raw, o in CorpusRun(inputs, config, jobs, err, progress=err.isatty()):
        if o.error:
            err.write(f"newslint: warning: {path}:{o.line}: record #{o.index}: {o.error}\n")
        report.add(path, o)
    report.seconds = time.perf_counter() - t0
    return report


def write_report(
    paths: list[str],
    html_file: str,
    source_field: str | None,
    examples: int,
    *,
    field: str = "text",
    id_field: str | None = None,
    input_format: str | None = None,
    jobs: int | None = None,
    err: IO[str] | None = None,
    **check_options: Any,
) -> int:
    """``newslint report``: build and write the page; returns the exit code."""
    import sys

    from newslint.corpus import default_jobs
    from newslint.errors import NewslintError
    from newslint.runner import EXIT_ERROR, EXIT_OK, CheckOptions, Session

    err = err or sys.stderr
    try:
        session = Session(CheckOptions(paths=paths, **check_options))
        report = build_report(
            session,
            paths,
            field=field,
            id_field=id_field,
            source_field=source_field or None,
            input_format=input_format,
            jobs=jobs if jobs is not None else default_jobs(paths),
            examples=examples,
            err=err,
        )
        names = {r.code: r.name for r in session.registry}
        with open(html_file, "w", encoding="utf-8") as fh:
            fh.write(render(report, names))
    except NewslintError as exc:
        err.write(f"newslint: error: {exc}\n")
        return EXIT_ERROR
    except OSError as exc:
        err.write(f"newslint: error: {html_file}: {exc.strerror or exc}\n")
        return EXIT_ERROR
    err.write(
        f"Wrote {html_file}: {report.records:,} records, "
        f"{sum(report.rule_findings.values()):,} findings.\n"
    )
    return EXIT_OK
