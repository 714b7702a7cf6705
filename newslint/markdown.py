"""Markdown articles (Hugo, Jekyll, Astro): which parts of the file are prose.

A content repository keeps articles as Markdown with YAML (``---``) or TOML
(``+++``) front matter, code blocks, inline code, links and HTML comments.
None of that is news prose, so none of it is linted: this module finds those
spans once per document (:func:`markup`), and the rest of newslint uses them
in two places only:

* ``Document.paragraphs`` is computed on a *view* of the text in which
  whole-line non-prose blocks are blanked out (same length, so every offset
  still points into the original file) — a paragraph never spans a code
  block or the front matter;
* the engine drops findings that start inside a masked span, and fixes that
  would touch the front matter or cut into a masked span (:func:`screen`).

A read-also line that still carries its link (``**Baca juga:** [Judul](url)``)
is a working link on a site, not an orphan: it is taken out of the prose
paragraphs (so BP002 does not see it) and reported by MD001 instead.

Plain-text documents get only the newslint suppression comments masked, so a
``<!-- newslint: ... -->`` line is never itself linted as a paragraph.
"""

from __future__ import annotations

from operator import attrgetter

import regex

from newslint import patterns
from newslint.diagnostics import Diagnostic, Fix, _Value
from newslint.document import Document, Span

MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdx", ".mkd")

_FRONT = patterns.compile(r"\A(?:(---)|(\+\+\+))[ \t]*\r?\n")
_FENCE = patterns.compile(r"^[ ]{0,3}(`{3,}|~{3,})")
_LIST_ITEM = patterns.compile(r"^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]")
_COMMENT = patterns.compile(r"<!--.*?-->", regex.DOTALL)
_DIRECTIVE_COMMENT = patterns.compile(r"<!--\s*newslint\s*:.*?-->", regex.DOTALL | regex.IGNORECASE)
_INLINE = patterns.compile(
    r"""
      (?P<code>(?<!`)(`+)(?!`).+?(?<!`)\2(?!`))          # inline code
    | \]\((?P<dest>[^)\s]*(?:\s+"[^"\n]*")?)\)            # link destination
    | <(?:https?|ftp|mailto):[^>\s]+>                     # autolink
    | (?:https?|ftp)://[^\s<>()\[\]]+[^\s<>()\[\].,;:!?'"]  # bare URL
    | \{\{[<%].*?[%>]\}\}                                 # Hugo shortcode
    | \{[{%].*?[%}]\}                                     # Liquid / template tag
    | </?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>\n]*)?/?>          # HTML tag
    """,
    regex.VERBOSE,
)
#: A paragraph that is only a read-also label plus one or more Markdown links.
_LINK = r"\[[^\]\n]+\]\([^)\n]+\)"
READ_ALSO_LINK = patterns.compile(
    rf"""(?ix)
    [*_]{{0,2}}
    (?:
        (?:baca|simak|lihat)[ \t]+(?:juga|pula)
      | read[ \t]+(?:also|more) | see[ \t]+also | related
    )
    [ \t]*:?[ \t]*[*_]{{0,2}}[ \t]*:?[ \t]*
    [*_]{{0,2}}{_LINK}[*_]{{0,2}}
    (?:[ \t]*[,;|·][ \t]*[*_]{{0,2}}{_LINK}[*_]{{0,2}})*
    [ \t]*\Z
    | [*_]{{0,2}}\[(?:baca|simak|lihat)[ \t]+(?:juga|pula)[ \t]*:[^\]\n]+\]\([^)\n]+\)[*_]{{0,2}}[ \t]*\Z
    """
)


class Markup(_Value):
    """Non-prose spans of one document: ``blocks`` are whole lines (front
    matter, code, comments), ``inline`` spans inside prose lines,
    ``link_lines`` read-also lines with their link.  A plain class (see
    ``diagnostics._Value``): creating a dataclass costs start-up time."""

    _FIELDS = __match_args__ = ("front_matter", "blocks", "inline", "link_lines")
    _key = attrgetter(*_FIELDS)
    __hash__ = None  # type: ignore[assignment]

    def __init__(
        self,
        front_matter: Span | None = None,
        blocks: list[Span] | None = None,
        inline: list[Span] | None = None,
        link_lines: list[Span] | None = None,
    ) -> None:
        self.front_matter = front_matter
        self.blocks = [] if blocks is None else blocks
        self.inline = [] if inline is None else inline
        self.link_lines = [] if link_lines is None else link_lines

    @property
    def masked(self) -> list[Span]:
        return sorted([*self.blocks, *self.inline])


def is_markdown(doc: Document) -> bool:
    return bool(doc.path) and str(doc.path).lower().endswith(MARKDOWN_SUFFIXES)


def markup(doc: Document) -> Markup:
    """The document's non-prose spans, computed once and cached on it."""
    cached = doc.__dict__.get("_markup")
    if cached is None:
        if is_markdown(doc):
            cached = _markdown(doc)
        else:
            cached = _plain(doc)
        doc.__dict__["_markup"] = cached
    return cached


def _plain(doc: Document) -> Markup:
    text = doc.text
    if "<!--" not in text:
        return Markup()
    out = Markup()
    for m in _DIRECTIVE_COMMENT.finditer(text):
        _add(doc, out, m.start(), m.end())
    return out


def _add(doc: Document, out: Markup, start: int, end: int) -> None:
    """File a span under blocks when it fills its line(s), else under inline."""
    text = doc.text
    a = doc.lines[doc.line_index(start)].start
    b = doc.lines[doc.line_index(max(start, end - 1))].end
    if not text[a:start].strip() and not text[end:b].strip():
        out.blocks.append(Span(start, end))
    else:
        out.inline.append(Span(start, end))


def _markdown(doc: Document) -> Markup:
    text = doc.text
    lines = doc.lines
    out = Markup()
    i = 0
    n = len(lines)
    # Front matter: only at the very start of the file.
    m = _FRONT.match(text)
    if m:
        close = "---" if m.group(1) else "+++"
        for j in range(1, n):
            if doc.line_text(j).strip() in (close, "..." if close == "---" else close):
                out.front_matter = Span(0, lines[j].end)
                out.blocks.append(out.front_matter)
                i = j + 1
                break
    prose: list[int] = []  # indices of lines that are prose (outside code blocks)
    prev_blank = True
    last_nonblank_is_list = False
    while i < n:
        line = doc.line_text(i)
        fence = _FENCE.match(line)
        if fence:
            mark = fence.group(1)
            j = i + 1
            while j < n:
                s = doc.line_text(j).strip()
                if s.startswith(mark[0] * len(mark)) and not s.strip(mark[0]):
                    break
                j += 1
            end = lines[min(j, n - 1)].end
            out.blocks.append(Span(lines[i].start, end))
            i = j + 1
            prev_blank = False
            last_nonblank_is_list = False
            continue
        indented = line.startswith(("    ", "\t")) and line.strip()
        if indented and prev_blank and not last_nonblank_is_list:
            j = i
            while j < n and (
                doc.line_text(j).startswith(("    ", "\t")) or not doc.line_text(j).strip()
            ):
                j += 1
            while j > i and not doc.line_text(j - 1).strip():
                j -= 1
            start, end = lines[i].start + _indent(line), lines[j - 1].end
            if not _looks_like_prose(text[start:end]):
                out.blocks.append(Span(start, end))
                i = j
                prev_blank = False
                continue
        if line.strip():
            prose.append(i)
            if not line.startswith((" ", "\t")):
                last_nonblank_is_list = bool(_LIST_ITEM.match(line))
            prev_blank = False
        else:
            prev_blank = True
        i += 1
    # HTML comments (possibly multi-line) and inline non-prose, on prose lines only.
    code = sorted(out.blocks)
    if prose:
        region_start = lines[prose[0]].start
        for cm in _COMMENT.finditer(text, region_start):
            if not _inside(code, cm.start()):
                _add(doc, out, cm.start(), cm.end())
        comments = sorted(out.blocks + out.inline)
        for k in prose:
            sp = lines[k]
            if _inside(comments, sp.start) and _inside(comments, max(sp.start, sp.end - 1)):
                continue
            for im in _INLINE.finditer(text, sp.start, sp.end):
                s, e = im.span()
                if im.group("dest") is not None:
                    s, e = im.span("dest")
                if e > s and not _inside(comments, s):
                    out.inline.append(Span(s, e))
            body = text[sp.start : sp.end].strip()
            if READ_ALSO_LINK.match(body):
                out.link_lines.append(_strip_span(text, sp))
    out.blocks.sort()
    out.inline.sort()
    return out


_PROSE_WORD = patterns.compile(r"\p{L}{2,}")
_NOT_NEWLINE = patterns.compile(r"[^\r\n]")
_CODE_SYMBOLS = frozenset("{}[]<>=;_\\|$#@*&^~`")
_SENTENCE_END = patterns.compile(r"[\p{L}\p{N})][.!?][\"”’)]?(?:\s|$)")


def _looks_like_prose(block: str) -> bool:
    """Scraped articles are often indented; CommonMark would make them code.
    An indented block of many words, mostly letters, with sentence ends is
    kept as prose (code and shell lines are short or full of symbols)."""
    words = len(_PROSE_WORD.findall(block))
    if words < 12 or not _SENTENCE_END.search(block):
        return False
    symbols = sum(1 for c in block if c in _CODE_SYMBOLS)
    return symbols / max(1, len(block)) < 0.01


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \t"))


def _strip_span(text: str, sp: Span) -> Span:
    s, e = sp
    while s < e and text[s] in " \t":
        s += 1
    while e > s and text[e - 1] in " \t":
        e -= 1
    return Span(s, e)


def _inside(spans: list[Span], offset: int) -> bool:
    return any(s <= offset < e for s, e in spans)


def prose_paragraphs(doc: Document) -> list[Span]:
    """Paragraphs of ``doc`` computed with non-prose blocks blanked out."""
    mk = markup(doc)
    text = doc.text
    parts = []
    pos = 0
    for s, e in sorted([*mk.blocks, *mk.link_lines]):
        if s < pos:  # nested (a comment inside front matter): already blank
            s = pos
        if e <= s:
            continue
        parts.append(text[pos:s])
        parts.append(_NOT_NEWLINE.sub(" ", text[s:e]))
        pos = e
    parts.append(text[pos:])
    view = Document("".join(parts), None, doc.language, is_record=doc.is_record)
    view.__dict__["masked"] = []  # the view is plain prose: no second masking pass
    return view.paragraphs


def screen(doc: Document, found: list[Diagnostic]) -> list[Diagnostic]:
    """Drop findings that start inside non-prose, and fixes that would touch
    the front matter or cut into a masked span."""
    mk = markup(doc)
    masked = mk.masked
    if not masked:
        return found
    fm = mk.front_matter
    out = []
    for d in found:
        if d.code.startswith("NL"):
            out.append(d)
            continue
        if _inside(masked, d.start) or (d.end > d.start and _within_any(masked, d.start, d.end)):
            continue
        if d.fix is not None and not _fix_allowed(d.fix, mk, fm):
            d.fix = None
        out.append(d)
    return out


def _within_any(spans: list[Span], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def _fix_allowed(fix: Fix, mk: Markup, fm: Span | None) -> bool:
    """A fix may delete an inline span (a URL inside a deleted line) whole,
    but never touch a block (code, front matter, a comment line): a repeated
    paragraph run that straddles a code block must not take the code with it."""
    for e in fix.edits:
        if fm is not None and e.start < fm.end:
            return False
        for s, t in mk.blocks:
            if e.start < t and s < e.end:
                return False
        for s, t in mk.inline:
            overlaps = e.start < t and s < e.end
            if overlaps and not (e.start <= s and t <= e.end):
                return False
    return True
