"""Inline suppression comments in Markdown and text articles.

Forms (codes or code prefixes, separated by commas or spaces; no code means
every rule):

* ``<!-- newslint: disable BP002 -->`` … ``<!-- newslint: enable BP002 -->``
  — a range; without ``enable`` it runs to the end of the file.  ``enable``
  closes the ``disable`` that named the same codes (``enable`` alone closes
  every open range).
* ``<!-- newslint: disable-next-line NUM -->`` — the next non-blank line.
* ``<!-- newslint: disable-line NUM001 -->`` — the line the comment is on.
* ``<!-- newslint: disable-file DUP -->`` — the whole file, wherever it stands.

A finding is suppressed when its start lies in a region that names its code.
Suppressions that suppress nothing are reported by NL001 (only for rules that
ran on the document: a selection or a per-file ignore does not make a
comment "unused").  Unknown codes are reported too, so a typo is not silent.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

import regex

from newslint.diagnostics import Diagnostic, Fix
from newslint.document import Document

DIRECTIVE = regex.compile(
    r"<!--[ \t]*newslint[ \t]*:[ \t]*"
    r"(?P<kind>disable-next-line|disable-line|disable-file|disable|enable)\b"
    r"(?P<codes>[^>]*?)[ \t]*-->",
    regex.IGNORECASE,
)
_CODE = regex.compile(r"[A-Za-z]+[0-9]*")

NL_UNUSED = "NL001"


@dataclass
class Directive:
    kind: str
    codes: tuple[str, ...]  # empty: every rule
    start: int
    end: int
    used: set[str] = field(default_factory=set)  # selectors that suppressed something


@dataclass
class Region:
    directive: Directive
    start: int
    end: int


def parse(doc: Document) -> list[Directive]:
    text = doc.text
    if "<!--" not in text:  # every directive starts with it ("NEWSLINT" may be upper case)
        return []
    out = []
    masked = doc.masked
    for m in DIRECTIVE.finditer(text):
        a, b = m.span()
        if any(s <= a and b <= e and (s, e) != (a, b) for s, e in masked):
            continue  # quoted in a code block or inline code: an example, not a directive
        codes = tuple(c.upper() for c in _CODE.findall(m.group("codes")))
        out.append(Directive(m.group("kind").lower(), codes, m.start(), m.end()))
    return out


def regions(doc: Document, directives: Sequence[Directive]) -> list[Region]:
    out: list[Region] = []
    open_: list[Directive] = []
    n = len(doc.text)
    for d in directives:
        if d.kind == "disable-file":
            out.append(Region(d, 0, n))
        elif d.kind == "disable-line":
            line = doc.lines[doc.line_index(d.start)]
            out.append(Region(d, line.start, line.end))
        elif d.kind == "disable-next-line":
            i = doc.line_index(d.end) + 1
            while i < len(doc.lines) and not doc.line_text(i).strip():
                i += 1
            if i < len(doc.lines):
                out.append(Region(d, doc.lines[i].start, doc.lines[i].end))
        elif d.kind == "disable":
            open_.append(d)
        elif d.kind == "enable":
            closing = [o for o in open_ if not d.codes or o.codes == d.codes]
            if not closing:
                d.used.add("<unmatched>")  # reported as an enable with no disable
            for o in closing:
                out.append(Region(o, o.end, d.start))
                open_.remove(o)
    for o in open_:
        out.append(Region(o, o.end, n))
    return out


def _matches(selector: str, code: str) -> bool:
    return code.startswith(selector)


def apply(
    doc: Document,
    found: list[Diagnostic],
    active: Iterable,  # the Rule objects that ran on this document
    unused_rule=None,  # the NL001 Rule when it is selected
) -> list[Diagnostic]:
    """Drop suppressed findings; add NL001 findings for suppressions that
    suppressed nothing when ``unused_rule`` is given."""
    directives = parse(doc)
    if not directives:
        return found
    regs = regions(doc, directives)
    keep: list[Diagnostic] = []
    for f in found:
        hit = False
        if not f.code.startswith("NL"):
            for r in regs:
                if r.start <= f.start <= r.end:
                    sel = next(
                        (c for c in r.directive.codes if _matches(c, f.code)),
                        None if r.directive.codes else "*",
                    )
                    if sel is not None:
                        r.directive.used.add(sel)
                        hit = True
        if not hit:
            keep.append(f)
    if unused_rule is not None:
        keep.extend(_unused(doc, directives, [r.code for r in active], unused_rule))
        keep.sort(key=Diagnostic.sort_key)
    return keep


def _unused(
    doc: Document, directives: list[Directive], active: list[str], rule
) -> Iterator[Diagnostic]:
    known: set[str] | None = None
    for d in directives:
        fix = Fix.delete(doc.deletion(d.start, d.end), "Remove the unused suppression comment")
        if d.kind == "enable":
            if "<unmatched>" in d.used:
                yield rule.diagnostic(
                    d.start, d.end, "`enable` comment with no matching `disable` before it", fix
                )
            continue
        if not d.codes:
            if not d.used and active:
                yield rule.diagnostic(
                    d.start, d.end, f"Unused suppression: `{d.kind}` suppresses nothing", fix
                )
            continue
        unused: list[str] = []
        unknown: list[str] = []
        for c in d.codes:
            if c in d.used:
                continue
            if any(_matches(c, a) for a in active):
                unused.append(c)
                continue
            if known is None:
                from newslint.registry import load_registry

                try:
                    known = {r.code for r in load_registry()}
                except Exception:  # a broken plugin is reported elsewhere
                    known = set()
            if not any(_matches(c, k) for k in known):
                unknown.append(c)
        if not unused and not unknown:
            continue
        whole = len(unused) + len(unknown) == len(d.codes)
        parts = []
        if unused:
            parts.append(f"{', '.join(unused)} suppress{'es' if len(unused) == 1 else ''} nothing")
        if unknown:
            parts.append(f"unknown rule code {', '.join(unknown)}")
        yield rule.diagnostic(
            d.start, d.end, f"Unused suppression: {'; '.join(parts)}", fix if whole else None
        )
