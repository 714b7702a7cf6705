"""The fix invariants of docs/guarantees.md, as functions the property tests
(generated articles) and the corpus-wide tests (real articles) both call.

Each ``check_*`` function raises ``AssertionError`` with a message that says
which finding broke which promise.
"""

from __future__ import annotations

import re

from newslint.checks.duplicates import paragraph_key
from newslint.diagnostics import Applicability, Diagnostic, Edit
from newslint.document import HSPACE, Document
from newslint.engine import Linter, apply_edits, choose_fixes

#: White space a deletion may take along with its span (Document.deletion).
WS = HSPACE + "\r\n"


def allowed_region(text: str, start: int, end: int) -> tuple[int, int]:
    """The finding span ``[start, end)`` extended over the white space
    (spaces, tabs, no-break spaces, line breaks) that touches it on either
    side: the most ``Document.deletion`` may take with it."""
    a, b = start, end
    while a > 0 and text[a - 1] in WS:
        a -= 1
    while b < len(text) and text[b] in WS:
        b += 1
    return a, b


def check_edits_inside_spans(text: str, diags: list[Diagnostic]) -> None:
    """Every edit of a fix lies inside its finding's allowed region."""
    for d in diags:
        if d.fix is None:
            continue
        a, b = allowed_region(text, d.start, d.end)
        for e in d.fix.edits:
            assert a <= e.start <= e.end <= b, (
                f"{d.code} at {d.start}-{d.end} edits {e.start}-{e.end}, outside "
                f"{a}-{b}: {text[e.start : e.end]!r} vs span {text[d.start : d.end]!r}"
            )


def check_outside_survives(text: str, diags: list[Diagnostic], fixed: str) -> None:
    """Every character outside the allowed regions of the applied findings
    is still in ``fixed``, in the same order (each untouched stretch stays
    one contiguous piece)."""
    regions = sorted(allowed_region(text, d.start, d.end) for d in diags)
    pieces, pos = [], 0
    for a, b in regions:
        if a > pos:
            pieces.append((pos, text[pos:a]))
        pos = max(pos, b)
    pieces.append((pos, text[pos:]))
    at = 0
    for offset, piece in pieces:
        found = fixed.find(piece, at)
        if found == -1:
            raise AssertionError(
                f"text at offset {offset}, outside every fixed finding, was lost or "
                f"reordered: {piece[:60]!r}"
            )
        at = found + len(piece)


def image(start: int, end: int, edits: list[Edit]) -> tuple[int, int]:
    """Where the text ``[start, end)`` is after ``edits``: an edit that covers
    an end of the span takes it to the edge of the edit's new content, so a
    deleted span becomes an empty span and a rewritten one its new text."""
    ordered = sorted(edits, key=lambda e: (e.start, e.end))

    def move(x: int, is_end: bool) -> int:
        shift = 0
        for e in ordered:
            size = len(e.content) - (e.end - e.start)
            if e.start == e.end == x or (e.start < x <= e.end if is_end else e.start <= x < e.end):
                return e.start + shift + (len(e.content) if is_end else 0)
            if e.end <= x:
                shift += size
            else:
                break
        return x + shift

    return move(start, False), move(end, True)


def check_fixed_findings_gone(
    linter: Linter, doc: Document, chosen: list[Diagnostic], fixed_doc: Document
) -> None:
    """No safe fix leaves its own finding behind: a re-lint of the fixed text
    does not report the same code at the image of the finding's text (for a
    deletion an empty span, so a later copy that moved up is not confused
    with the deleted one)."""
    edits = [e for d in chosen for e in d.fix.edits]  # type: ignore[union-attr]
    after = {(d.code, d.start, d.end) for d in linter.lint(fixed_doc)}
    for d in chosen:
        if d.fix is None or d.fix.applicability is not Applicability.SAFE:
            continue
        where = image(d.start, d.end, edits)
        assert (d.code, *where) not in after, (
            f"{d.code} {d.message!r} survived its own safe fix at {where}: "
            f"{doc.text[d.start : d.end]!r} -> {fixed_doc.text[where[0] : where[1]]!r}"
        )


def fix_passes(linter: Linter, doc: Document, max_passes: int = 20) -> Document:
    """Fix ``doc`` pass by pass as the engine does, checking every invariant
    at every pass; returns the fixed document (which must equal the
    engine's own ``Linter.fix`` result)."""
    for _ in range(max_passes):
        diags = linter.lint(doc)
        chosen = choose_fixes(diags, unsafe=False)
        if not chosen:
            break
        check_edits_inside_spans(doc.text, chosen)
        new_text = apply_edits(doc.text, [e for d in chosen for e in d.fix.edits])  # type: ignore[union-attr]
        if new_text == doc.text:
            break
        check_outside_survives(doc.text, chosen, new_text)
        new_doc = doc.with_text(new_text)
        check_fixed_findings_gone(linter, doc, chosen, new_doc)
        doc = new_doc
    else:
        raise AssertionError(f"fixes did not converge in {max_passes} passes")
    return doc


_QUOTED = re.compile(r"'((?:[^'\\]|\\.)*)'|\"((?:[^\"\\]|\\.)*)\"")
_LINES = re.compile(r"lines? (\d+)(?:–(\d+))?|(\d+):(\d+)")


def independent_position(text: str, offset: int) -> tuple[int, int]:
    """Line and column counted directly from the text (no line index)."""
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, col


def check_positions(doc: Document, diags: list[Diagnostic]) -> None:
    """Line and column of every finding point at the text the message
    describes."""
    text = doc.text
    for d in diags:
        assert 0 <= d.start <= d.end <= len(text), f"{d.code} span {d.start}-{d.end} out of text"
        assert doc.position(d.start) == independent_position(text, d.start), d
        assert doc.position(d.end) == independent_position(text, d.end), d
        span = text[d.start : d.end]
        if d.code in ("BP001", "NUM001", "NUM002"):
            quoted = _QUOTED.search(d.message)
            assert quoted, d.message
            q = eval(quoted.group(0))  # a repr() the rule wrote
            assert q.strip() == span.strip(), f"{d.code}: message quotes {q!r}, span is {span!r}"
        elif d.code == "BP002":
            label = d.message.split('"')[1].rstrip(":").lower().split()
            words = re.sub(r"[*_:]", " ", span).lower().split()
            assert words[: len(label)] == label, f"BP002: {label} vs {span[:40]!r}"
        elif d.code in ("DUP001", "DUP002"):
            (rs, re_), *_ = d.related
            first = text[rs:re_]
            assert paragraph_key(span) == paragraph_key(first), f"{d.code}: copy differs"
            m = _LINES.search(d.message.rsplit("repeats", 1)[-1])
            assert m, d.message
            if m.group(3):
                assert (int(m.group(3)), int(m.group(4))) == doc.position(rs), d.message
            else:
                assert int(m.group(1)) == doc.position(rs)[0], d.message
                last = doc.position(max(rs, re_ - 1))[0]
                assert int(m.group(2) or m.group(1)) == last, d.message
        elif d.code == "TXT001":
            assert span and not span.strip(HSPACE), f"TXT001 span {span!r}"
            assert d.end == len(text) or text[d.end] in "\r\n", "TXT001 not at a line end"
        elif d.code == "TXT002":
            if d.message.startswith("No newline"):
                assert d.start == d.end == len(text) and not text.endswith("\n")
            else:
                assert d.end == len(text) and not span.strip(WS), f"TXT002 span {span!r}"
