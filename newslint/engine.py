"""The engine: run checks on a Document, and apply fixes to a fixpoint.

This is the only place that edits text.  Checks propose edits; the engine
applies the non-overlapping ones in one pass, re-lints the new text, and
repeats until no fix applies, with a cap that reports non-convergence instead
of looping for ever.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from operator import attrgetter

from newslint.diagnostics import Applicability, Diagnostic, Edit, _Value
from newslint.document import Document
from newslint.errors import RuleError
from newslint.registry import Rule

MAX_ITERATIONS = 20


class FixResult(_Value):
    """The fixed text, what was applied, what is left.

    A plain class with a dataclass's constructor, equality and repr (see
    ``diagnostics._Value``): creating a dataclass costs start-up time."""

    _FIELDS = __match_args__ = ("document", "applied", "remaining", "iterations", "converged")
    _key = attrgetter(*_FIELDS)
    __hash__ = None  # type: ignore[assignment]

    def __init__(
        self,
        document: Document,
        applied: list[Diagnostic] | None = None,
        remaining: list[Diagnostic] | None = None,
        iterations: int = 0,
        converged: bool = True,
    ) -> None:
        self.document = document
        self.applied = [] if applied is None else applied
        self.remaining = [] if remaining is None else remaining
        self.iterations = iterations
        self.converged = converged

    @property
    def text(self) -> str:
        return self.document.text


class Linter:
    """A selection of rules, ready to run on documents.

    A Linter is plain data (rules and their options), so it pickles and can
    be built once per worker process.
    """

    def __init__(self, rules: Sequence[Rule], ignore: Iterable[str] = ()) -> None:
        self.rules = list(rules)
        self.ignore = tuple(ignore)

    def lint(self, doc: Document, ignore: Iterable[str] = ()) -> list[Diagnostic]:
        if self.ignore or ignore:
            skip = tuple(c.upper() for c in (*self.ignore, *ignore))
        else:  # the usual: nothing ignored (no generator and tuple per document)
            skip = ()
        found: list[Diagnostic] = []
        append = found.append
        lang = doc.language
        size = len(doc.text)
        for r in self.rules:
            if not r.applies_to(lang) or (skip and r.code.startswith(skip)):
                continue
            try:
                # every finding is checked where it is yielded (a generator
                # around each rule cost more than the test itself)
                for d in r.check(doc, r):
                    if not 0 <= d.start <= d.end <= size:
                        _refuse(r, d, size)
                    fix = d.fix
                    if fix is not None:
                        edits = fix.edits
                        if len(edits) == 1:  # _edits_fit's usual case, inlined
                            e = edits[0]
                            if not 0 <= e.start <= e.end <= size:
                                _refuse(r, d, size)
                        elif not _edits_fit(edits, size):
                            _refuse(r, d, size)
                    append(d)
            except RuleError:
                raise
            except TimeoutError as exc:
                where = f" on {doc.path}" if doc.path else ""
                raise RuleError(
                    f"rule {r.code} ({r.name}) timed out{where}: {exc}; file left unchanged"
                ) from exc
            except Exception as exc:
                where = f" on {doc.path}" if doc.path else ""
                raise RuleError(
                    f"rule {r.code} ({r.name}) crashed{where}: {type(exc).__name__}: {exc}"
                ) from exc
        found = fold_superseded(found)
        found = screen_markup(doc, found, self.rules, skip)
        found.sort(key=_SORT_KEY)
        return found

    def fix(
        self,
        doc: Document,
        *,
        unsafe: bool = False,
        ignore: Iterable[str] = (),
        max_iterations: int = MAX_ITERATIONS,
        on_apply: Callable[[Document, list[Diagnostic]], object] | None = None,
    ) -> FixResult:
        """Apply fixes to a fixpoint; ``on_apply(doc, chosen)`` sees each pass's
        fixes with the document their offsets refer to (for an audit trail)."""
        ignore = tuple(ignore)
        result = FixResult(doc)
        for i in range(max_iterations):
            diags = self.lint(result.document, ignore)
            chosen = choose_fixes(diags, unsafe)
            if not chosen:
                result.remaining = diags
                result.iterations = i
                return result
            edits = [e for d in chosen for e in d.fix.edits]  # type: ignore[union-attr]
            new_text = apply_edits(result.document.text, edits)
            if new_text == result.document.text:
                result.remaining = diags
                result.iterations = i
                return result
            if on_apply is not None:
                on_apply(result.document, chosen)
            result.applied.extend(chosen)
            result.document = result.document.with_text(new_text)
        result.iterations = max_iterations
        result.converged = False
        result.remaining = self.lint(result.document, ignore)
        return result


#: ``Diagnostic.sort_key`` as a C getter: the same ``(start, end, code)``
#: tuple without a Python call per finding.
_SORT_KEY = attrgetter("start", "end", "code")


def screen_markup(
    doc: Document, found: list[Diagnostic], rules: Sequence[Rule], skip: tuple[str, ...]
) -> list[Diagnostic]:
    """Drop findings in non-prose (Markdown code, front matter…) and those
    silenced by suppression comments (see ``markdown.py``, ``suppression.py``)."""
    if doc.masked:
        from newslint.markdown import screen

        found = screen(doc, found)
    # a directive starts with "<!--" (``suppression.DIRECTIVE``, whose
    # "newslint" is matched case-insensitively): without it ``apply`` would
    # return ``found`` as it is
    if "<!--" in doc.text:
        from newslint import suppression

        ran = [r for r in rules if r.applies_to(doc.language) and not r.code.startswith(skip)]
        nl = next((r for r in ran if r.code == suppression.NL_UNUSED), None)
        found = suppression.apply(doc, found, ran, nl)
    return found


def fold_superseded(diags: list[Diagnostic]) -> list[Diagnostic]:
    """Drop findings that lie inside a block another finding deletes whole
    (an artifact inside the second copy of a pasted body is not news)."""
    blocks = [d for d in diags if d.supersedes]
    if not blocks:
        return diags
    if len(blocks) > 1:
        return _fold_sweep(diags, blocks)
    (block,) = blocks  # one block: no generator per finding
    return [d for d in diags if d is block or not _folds(block, d)]


def _folds(block: Diagnostic, d: Diagnostic) -> bool:
    """``block`` absorbs ``d`` when it contains it; of two superseding findings
    with the very same span, the first by code absorbs the other (never both)."""
    if not (block.start <= d.start and d.end <= block.end):
        return False
    if d.supersedes and (block.start, block.end) == (d.start, d.end):
        return (block.code, block.message) < (d.code, d.message)
    return True


def choose_fixes(diags: Sequence[Diagnostic], unsafe: bool) -> list[Diagnostic]:
    """The fixes to apply in one pass: allowed by applicability and not
    overlapping an earlier one (the rest wait for the next pass)."""
    candidates = [
        d
        for d in diags
        if d.fix is not None and (unsafe or d.fix.applicability is Applicability.SAFE)
    ]
    candidates.sort(key=lambda d: (d.fix.start, d.fix.end))  # type: ignore[union-attr]
    from bisect import insort

    chosen: list[Diagnostic] = []
    taken: list[tuple[int, int]] = []  # sorted, pairwise non-overlapping
    for d in candidates:
        spans = [(e.start, e.end) for e in d.fix.edits]  # type: ignore[union-attr]
        if any(_overlaps_taken(s, taken) for s in spans):
            continue
        chosen.append(d)
        for s in spans:
            insort(taken, s)
    return chosen


def _overlaps_taken(a: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    """Whether ``a`` overlaps a span of the sorted, pairwise non-overlapping
    ``taken``; looks only at its neighbours, so choosing n fixes is
    O(n log n) rather than O(n²)."""
    from bisect import bisect_left

    i = bisect_left(taken, a)
    if i < len(taken) and _overlaps(a, taken[i]):
        return True
    # Before ``a``, zero-width spans cannot overlap it and non-empty spans
    # are disjoint, so the nearest non-empty one is the only candidate.
    j = i - 1
    while j >= 0 and taken[j][0] == taken[j][1]:
        j -= 1
    return j >= 0 and _overlaps(a, taken[j])


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    if a == b:
        return True
    return a[0] < b[1] and b[0] < a[1]


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """Apply non-overlapping edits (offsets refer to ``text``)."""
    out = []
    pos = 0
    for e in sorted(edits, key=lambda e: (e.start, e.end)):
        if e.start < pos:
            raise ValueError(f"overlapping edits at offset {e.start}")
        out.append(text[pos : e.start])
        out.append(e.content)
        pos = e.end
    out.append(text[pos:])
    return "".join(out)


def _edits_fit(edits: tuple[Edit, ...], size: int) -> bool:
    """A fix's edits lie inside the text and do not overlap (one edit, the
    usual case, needs no sort): the engine must never apply a broken edit."""
    if len(edits) == 1:
        e = edits[0]
        return 0 <= e.start <= e.end <= size
    pos = 0
    for e in sorted(edits, key=lambda e: (e.start, e.end)):
        if not pos <= e.start <= e.end <= size:
            return False
        pos = e.end
    return True


def _refuse(r: Rule, d: Diagnostic, size: int) -> None:
    raise RuleError(
        f"rule {r.code} ({r.name}) produced an invalid finding or fix at offsets "
        f"{d.start}-{d.end} (text length {size})"
    )


def _fold_sweep(diags: list[Diagnostic], blocks: list[Diagnostic]) -> list[Diagnostic]:
    """``fold_superseded`` in O(n log n) instead of testing every finding
    against every block (minutes on a large file full of duplicates).

    A block folds a finding it contains; of two superseding findings with
    the very same span, the first by (code, message) folds the other.
    """
    from bisect import bisect_left, bisect_right

    blocks = sorted(blocks, key=lambda b: (b.start, b.end))
    starts = [b.start for b in blocks]
    max_end = [-1]  # max_end[k]: largest end among blocks[:k]
    same: dict[tuple[int, int], list[Diagnostic]] = {}
    for b in blocks:
        max_end.append(max(max_end[-1], b.end))
        same.setdefault((b.start, b.end), []).append(b)
    keep = []
    for d in diags:
        k = bisect_left(starts, d.start)
        if max_end[k] >= d.end:  # a block starting before d contains it
            continue
        k2 = bisect_right(starts, d.start, k)
        if k2 > k and blocks[k2 - 1].end > d.end:  # same start, longer
            continue
        twins = same.get((d.start, d.end), ())
        if d.supersedes:
            key = (d.code, d.message)
            if any(b is not d and (b.code, b.message) < key for b in twins):
                continue
        elif twins:
            continue
        keep.append(d)
    return keep
