"""Declarative rule packs: YAML files of rules that need no Python.

A pack is one YAML file (``rules/*.yaml`` ships with newslint; users add
their own folders with ``extend-rules`` or ``--rules``).  It is read with
``yaml.safe_load`` and validated strictly: an unknown key, a bad regex, a
duplicate code or an example that does not behave as declared is a one-line
:class:`~newslint.errors.RuleError` naming the file, the rule and the
problem.  Nothing in a pack executes code: patterns are ``regex`` patterns
run with a timeout, replacements are templates.

Three kinds of rule (see ``docs/rule-packs.md``):

* ``pattern`` — a regex searched in each line, paragraph, or the whole text
  (``scope``);
* ``substitution`` — a table of wrong → right words, matched on word
  boundaries;
* ``tail`` — a trailing block (a footer) that starts with the pattern and runs
  to the end of the text.

A rule may declare ``requires``: plain strings of which any matched text
contains at least one.  The check first looks for them in the case-folded
text (one scan per document shared by all pack rules, see ``_scanned``) and
skips the rule, without compiling or running its regex, when none is there
(for a tail rule: none inside its window); otherwise only the units holding
one are searched.  Most articles contain none of a boilerplate rule's
words, so this is where most of the time of pack rules went.  Patterns are
compiled on first use (those of user packs are also compiled at load, to
report a bad regex there).

Each becomes a :class:`PackRule`: a :class:`~newslint.registry.Rule` whose
validated data sits in ``spec`` and whose check is the module-level
:func:`check_pack_rule`, so a Linter holding pack rules still pickles.
"""

from __future__ import annotations

import os
import re as _stdre
import string
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from operator import attrgetter
from typing import TYPE_CHECKING, Any

import regex

from newslint import patterns
from newslint.diagnostics import Applicability, Diagnostic, Edit, Fix, Severity, _Frozen, _Value
from newslint.document import HSPACE, Document, Span
from newslint.errors import ConfigError, RuleError
from newslint.registry import Rule

if TYPE_CHECKING:
    from pathlib import Path

#: Seconds one regex operation may take before the rule is stopped with an error.
TIMEOUT = 1.0

PACK_KEYS = {"pack", "description", "languages", "default", "rules"}
RULE_KEYS = {
    "code",
    "name",
    "summary",
    "message",
    "severity",
    "languages",
    "default",
    "kind",
    "scope",
    "pattern",
    "within",
    "table",
    "case-sensitive",
    "skip-quoted",
    "skip-capitalized",
    "fix",
    "replacement",
    "applicability",
    "fix-message",
    "what",
    "why",
    "example",
    "fixed",
    "examples",
    "requires",
}
KINDS = ("pattern", "substitution", "tail")
SCOPES = ("line", "paragraph", "text")
FIXES = ("delete-line", "delete-paragraph", "delete-match", "replace", "none")
CODE_RE = _stdre.compile(r"^[A-Z]{1,6}[0-9]{3}$")
NAME_RE = _stdre.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
PLACEHOLDERS = {"match", "replacement"}

#: Letters, digits and joiners that continue a word: a substitution never
#: matches inside a longer word, a URL, an e-mail address or a hashtag.
_WORD_EDGE_BEFORE = r"(?<![\p{L}\p{N}_@#/.\-])"
_WORD_EDGE_AFTER = r"(?![\p{L}\p{N}_@/\-]|\.[\p{L}\p{N}])"
_QUOTES = '"“”'
#: White-space runs, collapsed in messages and table keys: compiled once (the
#: module-level ``regex.sub`` looks its pattern up on every call) and, as
#: there, without a time limit, which costs ``regex`` more than this
#: replacement: one character class repeated cannot backtrack (each run is
#: consumed once), so a call is linear in its input.
_WHITE_RUN = patterns.compile(r"\s+", timeout=None)
_SENTENCE_END = patterns.compile(r"[.!?:;]['\"”’)]*\s*$|^\s*$")


class PackSpec(_Frozen):
    """Validated, picklable data of one pack rule (the pattern is kept as its
    source and compiled once per process, on first use).  ``requires``
    holds case-folded literals (empty: no pre-filter).

    Written out rather than a frozen ``@dataclass`` (same constructor,
    equality, hash, repr and immutability; ``replace`` for
    ``dataclasses.replace``): creating a dataclass costs start-up time."""

    __slots__ = _FIELDS = __match_args__ = (
        "kind",
        "scope",
        "pattern_source",
        "message",
        "fix",
        "applicability",
        "fix_message",
        "replacement",
        "table",
        "case_sensitive",
        "skip_quoted",
        "skip_capitalized",
        "within",
        "source",
        "requires",
    )
    _key = attrgetter(*_FIELDS)

    kind: str
    scope: str
    pattern_source: str
    message: str
    fix: str
    applicability: Applicability
    fix_message: str
    replacement: str | None
    table: tuple[tuple[str, str], ...]
    case_sensitive: bool
    skip_quoted: bool
    skip_capitalized: bool
    within: int
    source: str
    requires: tuple[str, ...]

    def __init__(
        self,
        kind: str,
        scope: str,
        pattern_source: str,
        message: str,
        fix: str,
        applicability: Applicability,
        fix_message: str,
        replacement: str | None = None,
        table: tuple[tuple[str, str], ...] = (),
        case_sensitive: bool = False,
        skip_quoted: bool = False,
        skip_capitalized: bool = False,
        within: int = 400,
        source: str = "",
        requires: tuple[str, ...] = (),
    ) -> None:
        _set = object.__setattr__
        for name, value in zip(
            self._FIELDS,
            (
                kind,
                scope,
                pattern_source,
                message,
                fix,
                applicability,
                fix_message,
                replacement,
                table,
                case_sensitive,
                skip_quoted,
                skip_capitalized,
                within,
                source,
                requires,
            ),
            strict=True,
        ):
            _set(self, name, value)

    def replace(self, **changes: Any) -> PackSpec:
        """A copy with some fields changed (``dataclasses.replace``)."""
        unknown = set(changes) - set(self._FIELDS)
        if unknown:
            raise TypeError(f"PackSpec has no field {sorted(unknown)[0]!r}")
        return PackSpec(**{**dict(zip(self._FIELDS, self._key(self), strict=True)), **changes})

    @property
    def pattern(self) -> Any:
        """The compiled pattern (``regex.Pattern``), cached per process."""
        return _compiled(self.pattern_source)

    @property
    def last(self) -> str | None:
        """The character every match ends with, before trailing white space
        only (see ``_last_char``), or None when that is not known."""
        return _last_char(self.pattern_source, self.kind)


@lru_cache(maxsize=1024)
def _compiled(source: str) -> Any:
    return regex.compile(source, regex.VERSION1)


#: Inline flags that change what ``$`` or white space mean (``x`` verbose:
#: comments; ``m`` multi-line; ``w`` word, other line ends): ``_last_char``
#: gives up on a pattern that may set one.
_RISKY_FLAGS = patterns.LazyRe(r"\(\?[A-Za-z0-9\-]*[xmwXMW]")


@lru_cache(maxsize=1024)
def _last_char(source: str, kind: str) -> str | None:
    """A character ``c`` such that, for every match in a unit (a tail
    window), the unit with its trailing white space removed
    (``str.rstrip``) ends with ``c``: the units that do not cannot match.
    None unless provable from the source alone, conservatively: the
    pattern (a tail rule's, inside its ``(?:…)\\Z``) is a sequence at the
    top level (no ``|`` outside groups) ending with an escaped ASCII
    punctuation character (``\\)``), optionally then ``\\s*``, then ``$``
    (required for a pattern rule, whose match may otherwise end anywhere; a
    tail match ends at the window's end).  Non-multi-line ``$`` is the end
    or a final ``\\n``, so only ``\\s`` characters follow ``c``, and every
    ``\\s`` character is white space to ``str.rstrip`` (a test checks all
    of Unicode); punctuation has no case variants, so ``(?i)`` cannot
    matter.  Gives up on character classes it cannot read simply (nested
    sets, a leading ``]``) and on inline flags that could change ``$`` or
    add comments."""
    if kind == "tail":
        if not (source.startswith("(?:") and source.endswith(")\\Z")):
            return None
        source = source[3:-3]
    elif kind != "pattern":
        return None
    if "#" in source or _RISKY_FLAGS.search(source):
        return None
    tokens: list[str] = []
    depth = 0
    i, n = 0, len(source)
    while i < n:
        c = source[i]
        if c == "\\":
            if i + 1 >= n:
                return None
            tokens.append(source[i : i + 2])
            i += 2
            continue
        if c == "[":
            j = i + 1
            if j < n and source[j] == "^":
                j += 1
            if j < n and source[j] == "]":
                return None
            while j < n and source[j] != "]":
                if source[j] == "[":
                    return None
                j += 2 if source[j] == "\\" else 1
            if j >= n:
                return None
            tokens.append(source[i : j + 1])
            i = j + 1
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth < 0:  # closes the tail wrapper's group: ``a)|(\)`` in ``(?:…)\Z``
                return None
        elif c == "|" and depth == 0:
            return None
        tokens.append(c)
        i += 1
    if depth != 0:
        return None
    if tokens[-1:] == ["$"]:
        tokens.pop()
    elif kind == "pattern":
        return None
    if tokens[-2:] == ["\\s", "*"]:
        del tokens[-2:]
    if not tokens or len(tokens[-1]) != 2 or tokens[-1][1] not in string.punctuation:
        return None
    return tokens[-1][1]


def _may_match(doc: Document, requires: tuple[str, ...]) -> bool:
    """True when the text contains one of ``requires`` (case-folded)."""
    folded = doc.casefolded
    return any(lit in folded for lit in requires)


# -- the shared pre-filter -------------------------------------------------------
#
# Every pack rule with ``requires`` needs to know where its words occur in the
# case-folded text.  Asked rule by rule, that was ~75 ``str.find`` passes over
# each document (BP010 repeats 7 of BP007's words, BP009's 13 all start with
# ``(``).  Instead, the first rule to ask scans once for the words of every
# pack rule checked so far in this process (``_KNOWN``) and leaves, in the
# Document's ``__dict__``, each word's start offsets; later rules only read
# them.  A word nobody scanned for yet (the first document, a rule checked
# for the first time) is scanned for then, so the offsets are always those
# of ``str.find`` repeated from each hit + 1: every occurrence, overlapping
# ones included.

#: Characters roughly by frequency in Indonesian and English news text, most
#: common first; a character not listed counts as rare.  Only speed depends
#: on it: a word is looked for at the occurrences of its rarest character.
_COMMON = " aneitrusk\nmdgplbohy,jc.wf"

#: Words of the pack rules checked so far (an ordered set).
_KNOWN: dict[str, None] = {}
_HITS = "_pack_literal_hits"


def _rarity(ch: str) -> int:
    i = _COMMON.find(ch)
    return len(_COMMON) - i if i >= 0 else -1


@lru_cache(maxsize=64)
def _scanner(literals: tuple[str, ...]) -> tuple[tuple[str, Any, tuple[tuple[str, int], ...]], ...]:
    """How to find every occurrence of ``literals`` in few passes.  The words
    are grouped by an *anchor*, one of their characters, as rare as possible
    and shared between words where one will do; a word alone in its group
    joins a larger group when it holds that group's anchor.  A group of
    several words is found in one stdlib ``re`` pass (``"re"``): the anchor,
    then per word the character after it, a fixed-width look-behind for the
    word so far and the rest of the word (searched again from each hit's
    start + 1, so no occurrence is skipped); every alternative is a fixed
    string, so each position costs at most the words' total length of work
    and a pass is linear in the text: no time limit is needed.  A word
    alone is found with ``str.find`` (``"find"``), or, when its anchor is a
    rare non-letter (``[gambas``), by finding that character (``"char"``, a
    ``memchr``).  The passes only say where a word may be; each hit is
    confirmed with ``str.startswith``.  Only speed depends on the grouping."""
    chosen: set[str] = set()
    groups: dict[str, list[tuple[str, int]]] = {}
    for lit in sorted(set(literals), key=lambda w: (min(map(_rarity, w)), w)):
        have = [c for c in lit if c in chosen]
        anchor = min(have or lit, key=_rarity)
        chosen.add(anchor)
        groups.setdefault(anchor, []).append((lit, lit.index(anchor)))

    def rare_char(anchor: str, lit: str) -> bool:
        return len(lit) > 1 and _rarity(anchor) < 0 and not anchor.isalnum()

    shared = {a for a, items in groups.items() if len(items) > 1}
    for anchor, items in list(groups.items()):
        lit = items[0][0]
        joinable = [c for c in lit if c in shared]
        if len(items) == 1 and joinable and not rare_char(anchor, lit):
            to = min(joinable, key=_rarity)
            groups[to].append((lit, lit.index(to)))
            del groups[anchor]
    out: list[tuple[str, Any, tuple[tuple[str, int], ...]]] = []
    for anchor, items in groups.items():
        if len(items) == 1:
            lit = items[0][0]
            kind = "char" if rare_char(anchor, lit) else "find"
            out.append((kind, anchor if kind == "char" else lit, tuple(items)))
            continue
        alts = []  # after the anchor: the next character first (quick to reject)
        for lit, k in sorted(items, key=lambda item: len(item[0]) == item[1] + 1):
            if k + 1 == len(lit):  # the anchor ends the word
                alts.append(f"(?<={_stdre.escape(lit)})")
                continue
            behind = f"(?<={_stdre.escape(lit[: k + 2])})" if k else ""
            alts.append(_stdre.escape(lit[k + 1]) + behind + _stdre.escape(lit[k + 2 :]))
        pattern = _stdre.compile(f"{_stdre.escape(anchor)}(?:{'|'.join(alts)})")
        out.append(("re", pattern, tuple(items)))
    return tuple(out)


def _scan(folded: str, literals: tuple[str, ...], hits: dict[str, list[int]]) -> None:
    """Add to ``hits`` the start offsets of every occurrence of each of
    ``literals`` in ``folded``, ascending (what repeated ``str.find`` from
    each hit + 1 gives); an absent word gets an empty list."""
    found = _found(folded, literals)
    for lit in literals:
        hits[lit] = found.get(lit) or []


@lru_cache(maxsize=64)
def _automaton(literals: tuple[str, ...]) -> Any:
    """Aho–Corasick automata (``ahocorasick_rs``, imported here, on the
    first scan, not at start-up) for ``literals``, built once per set of
    words: one for ``str`` texts and one for the UTF-8 bytes of ASCII texts
    (the library's ``str`` path costs ~4 ns a character more than its bytes
    path on long texts); ``None`` when the library cannot be imported or a
    word is empty or not UTF-8 (then ``_found_re`` is used).  One pass over
    the text in Rust finds every word at once, ~3× faster than
    ``_found_re``'s passes, which stop at every occurrence of a common
    anchor letter.  Returned with the words they number (``literals``
    without repeats: a word named twice is still one word, as in
    ``_found_re``)."""
    if not literals or not all(literals):
        return None
    try:
        import ahocorasick_rs
    except ImportError:  # pragma: no cover - a base dependency; kept as a safety net
        return None
    words = tuple(dict.fromkeys(literals))
    kind = ahocorasick_rs.MatchKind.Standard
    try:
        by_bytes = [w.encode("utf-8") for w in words]
    except UnicodeEncodeError:  # a lone surrogate in a word
        return None
    return (
        ahocorasick_rs.AhoCorasick(words, matchkind=kind),
        ahocorasick_rs.BytesAhoCorasick(by_bytes, matchkind=kind),
        words,
    )


def _found(folded: str, literals: tuple[str, ...]) -> dict[str, list[int]]:
    """The start offsets of every occurrence of each of ``literals`` in
    ``folded``, ascending, for the words that occur (most do not: no list
    is made for them, and the set of words present is this dict's keys).

    Exactly what repeated ``str.find`` from each hit + 1 gives: the
    automaton's ``Standard`` match kind with ``overlapping=True`` reports
    every (word, end) pair once, in order of end, so a word's starts come
    ascending.  Its ``str`` offsets are code points, as ``str`` indexes; an
    ASCII text is searched as bytes, whose offsets are then the same (one
    byte a character; a non-ASCII word's bytes, all ≥ 0x80 but none, cannot
    occur in it).  A text that is not valid UTF-8 (lone surrogates) cannot
    be handed to the library and takes ``_found_re``, as does everything
    when the library is missing."""
    built = _automaton(literals)
    if built is None:
        return _found_re(folded, literals)
    by_str, by_bytes, words = built
    if folded.isascii():
        matches = by_bytes.find_matches_as_indexes(folded.encode("ascii"), overlapping=True)
    else:
        try:
            matches = by_str.find_matches_as_indexes(folded, overlapping=True)
        except UnicodeEncodeError:
            return _found_re(folded, literals)
    found: dict[str, list[int]] = {}
    get = found.get
    for i, start, _end in matches:
        lit = words[i]
        at = get(lit)
        if at is None:
            found[lit] = [start]
        else:
            at.append(start)
    return found


def _found_re(folded: str, literals: tuple[str, ...]) -> dict[str, list[int]]:
    """``_found`` with the stdlib only (``_scanner``'s passes): the fallback
    when ``ahocorasick_rs`` is missing or the text has lone surrogates, and
    the reference the tests compare the automaton with."""
    found: dict[str, list[int]] = {}
    find = folded.find
    startswith = folded.startswith
    for how, what, items in _scanner(literals):
        if how == "find":
            i = find(what)
            if i != -1:
                at = found[what] = []
                while i != -1:
                    at.append(i)
                    i = find(what, i + 1)
        elif how == "char":
            ((lit, k),) = items
            i = find(what)
            while i != -1:
                if i >= k and startswith(lit, i - k):
                    found.setdefault(lit, []).append(i - k)
                i = find(what, i + 1)
        else:  # a match may run past the next anchor: search again from its start + 1
            search = what.search
            m = search(folded)
            while m is not None:
                a = m.start()
                for lit, k in items:
                    if a >= k and startswith(lit, a - k):
                        found.setdefault(lit, []).append(a - k)
                m = search(folded, a + 1)
    return found


#: The offsets of a word that does not occur: one shared, immutable value.
_NOWHERE: tuple[int, ...] = ()


class _Scanned:
    """A document's scan: ``hits`` maps each word scanned for to its start
    offsets (``_NOWHERE`` when it does not occur), ``present`` holds the words that occur, ``known`` is how many
    words ``_KNOWN`` had when the scan was last brought up to date."""

    __slots__ = ("hits", "known", "present")

    def __init__(self) -> None:
        self.hits: dict[str, Sequence[int]] = {}
        self.present: set[str] = set()
        self.known = -1


#: The ``requires`` tuples whose words are in ``_KNOWN``, by identity (each
#: is kept here, so its id cannot be reused): one dict look-up per call.
_REGISTERED: dict[int, tuple[str, ...]] = {}
_KNOWN_TUPLE: list[tuple[str, ...]] = [()]  # tuple(_KNOWN), rebuilt as it grows


def _scanned(doc: Document, requires: tuple[str, ...]) -> _Scanned:
    """The document's scan, covering ``requires`` and every known word:
    done once per document for all pack rules (and again only for words a
    rule checked for the first time adds)."""
    if _REGISTERED.get(id(requires)) is not requires:
        for lit in requires:
            _KNOWN.setdefault(lit)
        _REGISTERED[id(requires)] = requires
    state = doc.__dict__.get(_HITS)
    if state is None:
        state = doc.__dict__[_HITS] = _Scanned()
    if state.known != len(_KNOWN):  # _KNOWN only grows: its size says what is new
        hits = state.hits
        if hits:
            todo = tuple(lit for lit in _KNOWN if lit not in hits)
            found = _found(doc.casefolded, todo)
            hits.update(dict.fromkeys(todo, _NOWHERE))  # in C: no list per absent word
            hits.update(found)
            state.present.update(found)
        else:  # the usual case: a new document, every known word
            if len(_KNOWN_TUPLE[0]) != len(_KNOWN):
                _KNOWN_TUPLE[0] = tuple(_KNOWN)
            todo = _KNOWN_TUPLE[0]
            found = _found(doc.casefolded, todo)
            state.hits = hits = dict.fromkeys(todo, _NOWHERE)  # built in place, not copied
            hits.update(found)
            state.present = set(found)
        state.known = len(_KNOWN)
    return state


def literal_offsets(doc: Document, words: tuple[str, ...]) -> dict[str, Sequence[int]]:
    """Start offsets of every occurrence of each of ``words`` (case-folded
    already) in ``doc.casefolded``, from the scan the pack rules share: for
    Python checks with a literal pre-filter of their own."""
    return _scanned(doc, words).hits


def _unit_starts(doc: Document, scope: str, units: list[Span]) -> list[int]:
    key = f"_pack_unit_starts_{scope}"
    starts = doc.__dict__.get(key)
    if starts is None:
        starts = doc.__dict__[key] = [u.start for u in units]
    return starts


def paragraph_starts(doc: Document) -> list[int]:
    """The start offset of each of ``doc.paragraphs``, built once per document
    and shared with the pack rules' paragraph units."""
    return _unit_starts(doc, "paragraph", doc.paragraphs)


def _candidate_units(
    doc: Document, scope: str, requires: tuple[str, ...], state: _Scanned | None = None
) -> list[Span]:
    """The units (in order) that wholly contain an occurrence of one of
    ``requires``: a match lies inside its unit and contains such an
    occurrence, so no other unit can match.  When case folding changed the
    text's length (``ß`` → ``ss``), offsets in the folded text are not
    offsets in the text, and every unit is kept (if a word occurs at all).
    ``state``: the document's up-to-date scan, when the caller has it."""
    if state is None:
        state = _scanned(doc, requires)
    if state.present.isdisjoint(requires):
        return []  # the common case: no unit to search
    hits = state.hits
    units = _units(doc, scope)
    if len(doc.casefolded) != len(doc.text):
        return units
    starts = _unit_starts(doc, scope, units)
    keep: set[int] = set()
    for lit in state.present.intersection(requires):
        n = len(lit)
        for i in hits[lit]:
            k = bisect_right(starts, i) - 1
            if k >= 0 and i + n <= units[k].end:
                keep.add(k)
    return [units[k] for k in sorted(keep)]


def _tail_may_match(
    doc: Document, requires: tuple[str, ...], lo: int, end: int, state: _Scanned | None = None
) -> bool:
    """True when one of ``requires`` occurs wholly inside ``text[lo:end]``
    (the tail window, where every match lies), case-folded; when case
    folding changed the text's length, when it occurs anywhere."""
    if state is None:
        state = _scanned(doc, requires)
    if state.present.isdisjoint(requires):
        return False
    if len(doc.casefolded) != len(doc.text):
        return True
    hits = state.hits
    for lit in state.present.intersection(requires):
        at = hits[lit]  # ascending: the first occurrence from lo decides
        k = bisect_left(at, lo)
        if k < len(at) and at[k] <= end - len(lit):
            return True
    return False


@dataclass
class PackRule(Rule):
    """A rule declared in a YAML pack."""

    spec: PackSpec | None = None
    examples: dict[str, tuple[Any, ...]] = field(default_factory=dict)


class Pack(_Value):
    """One loaded pack file (a plain class: see ``PackSpec``)."""

    _FIELDS = __match_args__ = ("name", "path", "description", "rules")
    _key = attrgetter(*_FIELDS)
    __hash__ = None  # type: ignore[assignment]

    def __init__(self, name: str, path: Path, description: str, rules: list[PackRule]) -> None:
        self.name = name
        self.path = path
        self.description = description
        self.rules = rules


# -- running -------------------------------------------------------------------


def check_pack_rule(doc: Document, rule: Rule) -> Iterable[Diagnostic]:
    """The check of every pack rule: dispatch on the rule's kind.  Not a
    generator: a rule none of whose ``requires`` words the document holds
    (most rules, most documents) returns ``()`` after a few dict look-ups,
    without creating a generator or calling ``_scanned``."""
    spec: PackSpec = rule.spec  # type: ignore[attr-defined]
    requires = spec.requires
    if requires:
        state = doc.__dict__.get(_HITS)
        if (
            state is None
            or state.known != len(_KNOWN)
            or _REGISTERED.get(id(requires)) is not requires
        ):  # what ``_scanned`` tests: is the scan up to date for these words?
            state = _scanned(doc, requires)
        if state.present.isdisjoint(requires):
            return ()  # none of the words every match contains: the regex cannot match
    else:
        state = None
    kind = spec.kind
    if kind == "tail":  # at most one finding: a tuple, no generator
        last = spec.last
        if last is not None and _tail_cannot_match(doc.text, spec, last):
            return ()
        try:
            return _check_tail(doc, rule, spec, state)
        except TimeoutError:
            raise _timed_out(doc, rule, spec) from None
    if kind == "substitution":
        return _check_substitution(doc, rule, spec)
    return _check_pattern(doc, rule, spec, state)


def _timed_out(doc: Document, rule: Rule, spec: PackSpec) -> RuleError:
    """The error for a pack rule's pattern that ran out of time."""
    where = f" on {doc.path}" if doc.path else ""
    return RuleError(
        f"{spec.source}: rule {rule.code} ({rule.name}): pattern timed out after "
        f"{TIMEOUT:g}s{where}; simplify the pattern"
    )


def _units(doc: Document, scope: str) -> list[Span]:
    if scope == "line":
        return doc.lines
    if scope == "paragraph":
        return doc.paragraphs
    return [Span(0, len(doc.text))]


def delete_edit(doc: Document, start: int, end: int) -> Edit:
    """Like ``doc.deletion`` but, inside a line, take the white space *before*
    the span and keep the one after it: in flattened text the run of spaces
    after an artifact is often the paragraph separator."""
    edit = doc.deletion(start, end)
    if edit.start == start and edit.end > end:
        a = start
        while a > 0 and doc.text[a - 1] in HSPACE:
            a -= 1
        if a > doc.lines[doc.line_index(start)].start:
            return Edit(a, end)
    return edit


def _message(spec: PackSpec, matched: str, replacement: str = "") -> str:
    shown = matched.strip()
    if not shown.isprintable() or "  " in shown:
        # Otherwise there is nothing to collapse: every white-space
        # character but " " is unprintable (a test checks all of Unicode),
        # so the only runs are single spaces, which the ``sub`` keeps.
        shown = _WHITE_RUN.sub(" ", shown)
    if len(shown) > 80:
        shown = shown[:77] + "…"
    return spec.message.format(match=shown, replacement=replacement)


def _check_pattern(
    doc: Document, rule: Rule, spec: PackSpec, state: _Scanned | None = None
) -> Iterator[Diagnostic]:
    try:
        text = doc.text
        if spec.requires and spec.scope != "text":
            units = _candidate_units(doc, spec.scope, spec.requires, state)
        else:
            units = _units(doc, spec.scope)
        if not units:
            return
        # ``regex``'s arguments by position (string, pos, endpos, [overlapped,]
        # concurrent, partial, timeout): it skips parsing keywords (~0.3 µs a call).
        # Each unit is searched by ``finditer`` alone: a ``search`` first (to
        # skip the iterator for units without a match) saves ~0.1 µs there but
        # repeats the whole search in every unit that matches.
        finditer = spec.pattern.finditer
        limit = TIMEOUT
        last = spec.last
        for unit in units:
            if last is not None and not _ends_with(text, unit.start, unit.end, last):
                continue  # every match ends the unit with ``last`` (``_last_char``)
            # Each unit is matched on its own, so ^ and $ are its start and end.
            chunk = text[unit.start : unit.end]
            for m in finditer(chunk, None, None, False, None, False, limit):
                if m.end() == m.start():
                    continue
                start, end = unit.start + m.start(), unit.start + m.end()
                fix = None
                if spec.fix in ("delete-line", "delete-paragraph"):
                    start, end = unit
                    fix = Fix.delete(
                        delete_edit(doc, start, end), spec.fix_message, spec.applicability
                    )
                elif spec.fix == "delete-match":
                    fix = Fix.delete(
                        delete_edit(doc, start, end), spec.fix_message, spec.applicability
                    )
                elif spec.fix == "replace":
                    try:
                        new = m.expand(spec.replacement or "")
                    except (regex.error, IndexError) as exc:
                        raise RuleError(
                            f"{spec.source}: rule {rule.code} ({rule.name}): bad replacement: {exc}"
                        ) from None
                    fix = Fix.replace(start, end, new, spec.fix_message, spec.applicability)
                yield rule.diagnostic(start, end, _message(spec, m.group()), fix)
                if spec.fix in ("delete-line", "delete-paragraph"):
                    break  # one finding per unit when the unit goes
    except TimeoutError:
        raise _timed_out(doc, rule, spec) from None


def _tail_end(text: str) -> int:
    """Where a tail rule's window ends: before trailing blanks and line breaks."""
    end = len(text)
    while end > 0 and (text[end - 1] in HSPACE or text[end - 1] in "\r\n"):
        end -= 1
    return end


def _tail_cannot_match(text: str, spec: PackSpec, last: str) -> bool:
    """True when the tail window does not end with ``last`` (trailing white
    space aside), which every match of the rule ends with (``_last_char``):
    then the rule cannot match."""
    end = _tail_end(text)
    return not _ends_with(text, max(0, end - spec.within), end, last)


def _ends_with(text: str, start: int, end: int, last: str) -> bool:
    """``text[start:end].rstrip().endswith(last)``, without copying the span
    (a unit can be a whole 5 MB line): ``rstrip`` strips what ``isspace``
    says is white space."""
    while end > start and text[end - 1].isspace():
        end -= 1
    return end > start and text[end - 1] == last


def _check_tail(
    doc: Document, rule: Rule, spec: PackSpec, state: _Scanned | None = None
) -> tuple[Diagnostic, ...]:
    """The tail rule's finding, if any (a tuple: at most one, no generator)."""
    text = doc.text
    end = _tail_end(text)
    lo = max(0, end - spec.within)
    if spec.requires and not _tail_may_match(doc, spec.requires, lo, end, state):
        return ()  # every match lies in text[lo:end] and holds one of the words
    m = spec.pattern.search(text[lo:end], None, None, None, False, TIMEOUT)
    if m is None or lo + m.end() != end:
        return ()
    start = lo + m.start()
    fix = None
    if spec.fix != "none":
        fix = Fix.delete(doc.deletion(start, end), spec.fix_message, spec.applicability)
    return (
        rule.diagnostic(start, end, _message(spec, m.group()), fix, supersedes=fix is not None),
    )


def _inside_quotes(text: str, unit_start: int, pos: int) -> bool:
    before = text[unit_start:pos]
    n = sum(before.count(q) for q in _QUOTES)
    return n % 2 == 1


def _sentence_start(text: str, unit_start: int, pos: int) -> bool:
    return bool(_SENTENCE_END.search(text[max(unit_start, pos - 4) : pos]))


def _match_case(found: str, right: str) -> str:
    if found.isupper() and len(found) > 1:
        return right.upper()
    if found[:1].isupper():
        return right[:1].upper() + right[1:]
    return right


def _check_substitution(doc: Document, rule: Rule, spec: PackSpec) -> Iterator[Diagnostic]:
    try:
        text = doc.text
        table = dict(spec.table) if spec.case_sensitive else {k.lower(): v for k, v in spec.table}
        for unit in doc.paragraphs:
            for m in spec.pattern.finditer(text, unit.start, unit.end, False, None, False, TIMEOUT):
                found = m.group()
                if spec.skip_quoted and _inside_quotes(text, unit.start, m.start()):
                    continue
                if (
                    spec.skip_capitalized
                    and found[:1].isupper()
                    and not _sentence_start(text, unit.start, m.start())
                ):
                    continue
                key = found if spec.case_sensitive else _WHITE_RUN.sub(" ", found.lower())
                right = table.get(key)
                if right is None:
                    continue
                new = right if spec.case_sensitive else _match_case(found, right)
                fix = None
                if spec.fix != "none":
                    fix = Fix.replace(
                        m.start(),
                        m.end(),
                        new,
                        spec.fix_message.format(match=found, replacement=new),
                        spec.applicability,
                    )
                yield rule.diagnostic(m.start(), m.end(), _message(spec, found, new), fix)
    except TimeoutError:
        raise _timed_out(doc, rule, spec) from None


# -- loading and validation ----------------------------------------------------


class _PackError(Exception):
    """Raised inside validation; turned into a RuleError naming file and rule."""


def _fail(path: Path, where: str, problem: str) -> RuleError:
    return RuleError(f"{path}: {where}: {problem}" if where else f"{path}: {problem}")


def builtin_pack_dir() -> Path | None:
    """``newslint/_rules`` in an installed wheel, else the repository's ``rules/``."""
    from pathlib import Path

    folder = _builtin_dir()
    return None if folder is None else Path(folder)


def _builtin_dir() -> str | None:
    """:func:`builtin_pack_dir` as a string: the built-in packs load at
    every start, without ``pathlib`` (~3 ms with the ``urllib`` and
    ``ipaddress`` it imports)."""
    here = os.path.dirname(os.path.realpath(__file__))
    for candidate in (os.path.join(here, "_rules"), os.path.join(os.path.dirname(here), "rules")):
        if os.path.isdir(candidate):
            return candidate
    return None


def pack_files(path: Path) -> list[Path]:
    """The pack files a path names: the file itself, or a folder's ``*.yaml``."""
    if path.is_dir():
        return sorted(p for p in path.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())
    if path.is_file():
        return [path]
    raise ConfigError(f"{path}: rule pack file or folder not found")


def builtin_rules() -> list[PackRule]:
    folder = _builtin_dir()
    if folder is None:
        return []
    out: list[PackRule] = []
    # pack_files(folder) and load_pack(p) with strings (same order: one
    # folder's names sort as its paths do)
    for name in sorted(os.listdir(folder)):
        p = os.path.join(folder, name)
        if name.endswith((".yaml", ".yml")) and os.path.isfile(p):
            st = os.stat(p)
            out.extend(_load_pack_cached(p, st.st_mtime_ns, st.st_size, False).rules)
    return out


def load_rule_paths(paths: Iterable[str | Path], verify: bool = True) -> list[PackRule]:
    """Rules from user pack files and folders, in the order given (a file
    named twice is read once)."""
    from pathlib import Path

    seen: set[Path] = set()
    out: list[PackRule] = []
    for raw in paths:
        for p in pack_files(Path(raw)):
            key = p.resolve()
            if key in seen:
                continue
            seen.add(key)
            out.extend(load_pack(p, verify=verify).rules)
    return out


def user_rules(settings: Any, extra: Iterable[str | Path] = ()) -> list[PackRule]:
    """Packs named by the config's ``extend-rules`` (relative to the config
    file) and by ``--rules`` (relative to the working directory)."""
    named = getattr(settings, "extend_rules", [])
    extra = list(extra)
    if not named and not extra:
        return []
    from pathlib import Path

    paths: list[Path] = [settings.root / p for p in named]
    paths.extend(Path(p) for p in extra)
    return load_rule_paths(paths)


def load_pack(path: str | Path, verify: bool = True) -> Pack:
    from pathlib import Path

    path = Path(path)
    try:
        stat = path.stat()
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read rule pack: {exc.strerror or exc}") from exc
    return _load_pack_cached(str(path), stat.st_mtime_ns, stat.st_size, verify)


@lru_cache(maxsize=64)
def _load_pack_cached(path: str, _mtime: int, _size: int, verify: bool) -> Pack:
    """A pack file by its path, a string (messages name it as a ``Path`` would)."""
    try:
        with open(path, encoding="utf-8") as fh:
            raw = fh.read()
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read rule pack: {exc}") from exc
    data = None if verify else _read_parsed(path, raw)
    if data is None:
        data = _parse_yaml(path, raw, verify)
        if not verify:
            _write_parsed(path, raw, data)
    if not isinstance(data, dict):
        raise _fail(path, "", "a rule pack must be a mapping with a `rules` list")
    unknown = set(data) - PACK_KEYS
    if unknown:
        raise _fail(
            path, "", f"unknown key {sorted(unknown)[0]!r} (known: {', '.join(sorted(PACK_KEYS))})"
        )
    name = data.get("pack", os.path.splitext(os.path.basename(path))[0])
    if not isinstance(name, str) or not NAME_RE.match(name):
        raise _fail(path, "", f"`pack` must be a kebab-case name, got {name!r}")
    rules_data = data.get("rules")
    if not isinstance(rules_data, list) or not rules_data:
        raise _fail(path, "", "`rules` must be a non-empty list")
    defaults = {
        "languages": data.get("languages"),
        "default": data.get("default", True),
    }
    rules: list[PackRule] = []
    codes: set[str] = set()
    names: set[str] = set()
    for i, item in enumerate(rules_data):
        where = f"rule #{i + 1}"
        if isinstance(item, dict) and isinstance(item.get("code"), str):
            where = f"rule {item['code']}"
        try:
            r = _build_rule(item, name, path, defaults, compile_now=verify)
        except _PackError as exc:
            raise _fail(path, where, str(exc)) from None
        where = f"rule {r.code} ({r.name})"
        if r.code in codes:
            raise _fail(path, where, "duplicate code in this pack")
        if r.name in names:
            raise _fail(path, where, "duplicate name in this pack")
        codes.add(r.code)
        names.add(r.name)
        if verify:
            problem = verify_examples(r)
            if problem:
                raise _fail(path, where, problem)
        rules.append(r)
    desc = data.get("description", "")
    return Pack(name, path, desc if isinstance(desc, str) else "", rules)


def _parse_yaml(path: Path, raw: str, verify: bool) -> Any:
    import yaml

    try:
        return yaml.load(raw, Loader=_safe_loader(yaml, verify))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        at = f" (line {mark.line + 1})" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise _fail(path, "", f"invalid YAML{at}: {problem}") from None


# The built-in packs' parsed YAML ships in ``rules/parsed/`` (kept current
# by tests/test_pack_prefilter.py, refreshed by any run where Python would
# write bytecode): loading it skips importing PyYAML (about a tenth of
# start-up).  Two forms: ``NAME.marshal`` holds the pack's very text and its
# data (``marshal`` is built in: no ``json`` or ``zlib`` import at start),
# used when that text is the pack's text; ``NAME.json`` holds the data and
# the text's CRC-32, readable by any Python (``marshal``'s format may change
# between versions: a file it cannot read is skipped).  Each is used only
# for data it carries exactly; anything else falls back to the YAML.


def _parsed_path(path: str | Path, suffix: str = ".json") -> Path:
    from pathlib import Path

    return Path(_parsed_file(path, suffix))


def _parsed_file(path: str | Path, suffix: str = ".json") -> str:
    folder, name = os.path.split(os.fspath(path))
    return os.path.join(folder, "parsed", os.path.splitext(name)[0] + suffix)


def _read_parsed(path: str | Path, raw: str) -> Any:
    import marshal

    try:
        with open(_parsed_file(path, ".marshal"), "rb") as fh:
            text, data = marshal.loads(fh.read())
    except (OSError, ValueError, EOFError, TypeError):
        pass
    else:
        if text == raw:
            return data
    import json

    try:
        with open(_parsed_file(path), encoding="utf-8") as fh:
            cached = json.loads(fh.read())
    except (OSError, ValueError):
        return None
    if not isinstance(cached, dict) or cached.get("crc32") != _crc(raw):
        return None
    data = cached.get("data")
    _write_marshal(path, raw, data)  # (stale or missing: read the JSON this time)
    return data


def _write_parsed(path: str | Path, raw: str, data: Any) -> None:
    import json
    import sys

    if sys.dont_write_bytecode:
        return
    text = json.dumps({"crc32": _crc(raw), "data": data}, ensure_ascii=False)
    if json.loads(text)["data"] != data:
        return  # not plain JSON data (a non-string key, a date…): always parse the YAML
    _replace_file(_parsed_file(path), text.encode("utf-8"))
    _write_marshal(path, raw, data)


def _write_marshal(path: str | Path, raw: str, data: Any) -> None:
    """``NAME.marshal`` for a pack whose parsed data is known (see above)."""
    import marshal
    import sys

    if sys.dont_write_bytecode:
        return
    try:
        blob = marshal.dumps((raw, data))
    except ValueError:  # not plain data (a date…)
        return
    if marshal.loads(blob) == (raw, data):
        _replace_file(_parsed_file(path, ".marshal"), blob)


def _replace_file(target: str, data: bytes) -> None:
    """Write ``target`` by renaming a temporary file over it; a cache that
    cannot be written is simply not written."""
    tmp = f"{target}.{os.getpid()}.tmp"
    try:
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(tmp, "wb") as fh:
            fh.write(data)
        os.replace(tmp, target)
    except OSError:
        try:
            os.unlink(tmp)
        except OSError:
            pass


def _crc(raw: str) -> int:
    from zlib import crc32

    return crc32(raw.encode("utf-8"))


def _safe_loader(yaml: Any, verify: bool) -> Any:
    """``yaml.safe_load``'s loader; for the built-in packs (``verify=False``,
    known to parse) libyaml's ``CSafeLoader`` when PyYAML has it: the same
    safe constructor, a C parser ten times faster.  User packs keep the pure
    Python parser, whose error messages the docs quote."""
    if not verify:
        return getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.SafeLoader


def _need(item: dict, key: str, kind: type | tuple[type, ...], what: str) -> Any:
    value = item.get(key)
    if value is None:
        raise _PackError(f"missing `{key}` ({what})")
    if not isinstance(value, kind):
        raise _PackError(f"`{key}` must be {what}, got {value!r}")
    return value


def _opt(item: dict, key: str, kind: type | tuple[type, ...], what: str, default: Any) -> Any:
    if key not in item or item[key] is None:
        return default
    value = item[key]
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise _PackError(f"`{key}` must be {what}, got {value!r}")
    return value


def _compile(pattern: str, key: str = "pattern", now: bool = True) -> str:
    """Check that ``pattern`` compiles (when ``now``) and return its source;
    the built-in packs, compiled by the test suite, are compiled on first use."""
    if now:
        try:
            _compiled(pattern)
        except regex.error as exc:
            raise _PackError(f"bad regex in `{key}`: {exc}") from None
    return pattern


def _check_template(text: str, key: str) -> None:
    try:
        names = {f[1] for f in string.Formatter().parse(text) if f[1] is not None}
    except ValueError as exc:
        raise _PackError(f"bad `{key}` template: {exc}") from None
    bad = names - PLACEHOLDERS
    if bad:
        raise _PackError(
            f"`{key}` uses unknown placeholder {{{sorted(bad)[0]}}} (known: {{match}}, {{replacement}})"
        )


def _build_rule(
    item: Any, pack: str, path: Path, defaults: dict, compile_now: bool = True
) -> PackRule:
    if not isinstance(item, dict):
        raise _PackError("each rule must be a mapping")
    unknown = set(item) - RULE_KEYS
    if unknown:
        raise _PackError(f"unknown key {sorted(unknown)[0]!r}")
    code = _need(item, "code", str, "a code like BP010")
    if not CODE_RE.match(code):
        raise _PackError(f"code {code!r} must be 1-6 capital letters and 3 digits (e.g. HS001)")
    name = _need(item, "name", str, "a kebab-case name")
    if not NAME_RE.match(name):
        raise _PackError(f"name {name!r} must be kebab-case")
    message = _need(item, "message", str, "a message; {match} is the matched text")
    _check_template(message, "message")
    severity = _opt(item, "severity", str, "error, warning or info", "warning")
    try:
        sev = Severity(severity)
    except ValueError:
        raise _PackError(f"`severity` must be error, warning or info, got {severity!r}") from None
    langs = item.get("languages", defaults["languages"])
    if langs is not None and (
        not isinstance(langs, list) or not langs or not all(x in ("id", "en") for x in langs)
    ):
        raise _PackError(f"`languages` must be a list of id/en, got {langs!r}")
    default = item.get("default", defaults["default"])
    if not isinstance(default, bool):
        raise _PackError(f"`default` must be true or false, got {default!r}")
    kind = _opt(item, "kind", str, "|".join(KINDS), "pattern")
    if kind not in KINDS:
        raise _PackError(f"`kind` must be one of {', '.join(KINDS)}, got {kind!r}")
    scope = _opt(item, "scope", str, "|".join(SCOPES), "paragraph")
    if scope not in SCOPES:
        raise _PackError(f"`scope` must be one of {', '.join(SCOPES)}, got {scope!r}")
    default_fix = {"pattern": "none", "substitution": "replace", "tail": "delete-match"}[kind]
    fix = _opt(item, "fix", str, "|".join(FIXES), default_fix)
    if fix not in FIXES:
        raise _PackError(f"`fix` must be one of {', '.join(FIXES)}, got {fix!r}")
    appl = _opt(item, "applicability", str, "safe or unsafe", "safe")
    if appl not in ("safe", "unsafe"):
        raise _PackError(f"`applicability` must be safe or unsafe, got {appl!r}")
    replacement = _opt(item, "replacement", str, "a replacement template", None)
    within = _opt(item, "within", int, "a number of characters", 400)
    if within <= 0:
        raise _PackError(f"`within` must be a positive number of characters, got {within!r}")
    if "within" in item and kind != "tail":
        raise _PackError("`within` applies only to tail rules")
    if "scope" in item and kind != "pattern":
        raise _PackError(f"a {kind} rule has no `scope`")
    table: tuple[tuple[str, str], ...] = ()
    case_sensitive = _opt(item, "case-sensitive", bool, "true or false", False)

    if kind == "substitution":
        if "pattern" in item:
            raise _PackError("a substitution rule takes a `table`, not a `pattern`")
        raw_table = _need(item, "table", dict, "a mapping of wrong: right")
        if not raw_table or not all(
            isinstance(k, str) and isinstance(v, str) and k.strip() and v.strip()
            for k, v in raw_table.items()
        ):
            raise _PackError("`table` must map non-empty strings to non-empty strings")
        if fix not in ("replace", "none"):
            raise _PackError("a substitution rule's `fix` is replace or none")
        table = tuple((k.strip(), v.strip()) for k, v in raw_table.items())
        same = [k for k, v in table if (k == v if case_sensitive else k.lower() == v.lower())]
        if same:
            raise _PackError(f"`table` maps {same[0]!r} to itself")
        keys = sorted((k for k, _ in table), key=len, reverse=True)
        alts = "|".join(regex.escape(k).replace("\\ ", r"\s+") for k in keys)
        flags = "" if case_sensitive else "(?i)"
        pattern = _compile(
            f"{flags}{_WORD_EDGE_BEFORE}(?:{alts}){_WORD_EDGE_AFTER}", "table", compile_now
        )
    else:
        for key in ("table", "skip-quoted", "skip-capitalized", "case-sensitive"):
            if key in item:
                raise _PackError(f"`{key}` applies only to substitution rules")
        pattern = _compile(_need(item, "pattern", str, "a regular expression"), now=compile_now)
        if kind == "tail":  # the block must reach the end of the text
            pattern = _compile(f"(?:{pattern})\\Z", now=compile_now)
            if fix not in ("delete-match", "none"):
                raise _PackError("a tail rule's `fix` is delete-match or none")
        if fix == "delete-line" and scope != "line":
            raise _PackError("`fix: delete-line` needs `scope: line`")
        if fix == "delete-paragraph" and scope != "paragraph":
            raise _PackError("`fix: delete-paragraph` needs `scope: paragraph`")
        if fix == "replace" and replacement is None:
            raise _PackError("`fix: replace` needs a `replacement`")
        if replacement is not None and fix != "replace":
            raise _PackError("`replacement` needs `fix: replace`")
    fix_message = (
        _opt(item, "fix-message", str, "a message", None)
        or {
            "delete-line": "Delete the line",
            "delete-paragraph": "Delete the paragraph",
            "delete-match": "Delete the text",
            "replace": "Replace with {replacement}"
            if kind == "substitution"
            else "Replace the text",
            "none": "",
        }[fix]
    )
    _check_template(fix_message, "fix-message")
    skip_quoted = _opt(item, "skip-quoted", bool, "true or false", False)
    skip_cap = _opt(item, "skip-capitalized", bool, "true or false", False)
    what_requires = "a non-empty list of non-empty strings"
    requires = _opt(item, "requires", list, what_requires, [])
    if "requires" in item and (not requires or not all(isinstance(x, str) and x for x in requires)):
        raise _PackError(f"`requires` must be {what_requires}, got {requires!r}")

    examples = _need(item, "examples", dict, "a mapping with `flag` and `pass` lists")
    bad = set(examples) - {"flag", "pass"}
    if bad:
        raise _PackError(f"unknown key {sorted(bad)[0]!r} in `examples` (use flag, pass)")
    ex: dict[str, tuple[Any, ...]] = {}
    for key in ("flag", "pass"):
        items = examples.get(key)
        if not isinstance(items, list) or not items:
            raise _PackError(f"`examples.{key}` must be a non-empty list")
        for j, e in enumerate(items):
            ok = isinstance(e, str) or (
                isinstance(e, dict)
                and isinstance(e.get("text"), str)
                and set(e) <= {"text", "fixed", "language"}
                and isinstance(e.get("fixed", ""), str)
                and e.get("language", "id") in ("id", "en")
            )
            if not ok:
                raise _PackError(
                    f"`examples.{key}[{j}]` must be a string or {{text, fixed?, language?}}"
                )
            if key == "pass" and isinstance(e, dict) and "fixed" in e:
                raise _PackError(f"`examples.pass[{j}]` cannot have `fixed`")
        ex[key] = tuple(items)

    summary = _opt(item, "summary", str, "a one-line summary", None)
    if summary is None:
        summary = message.replace("{match}", "…").replace("{replacement}", "…").split(": ")[0]
    doc = _doc(item, summary, ex, str(path), pack)
    spec = PackSpec(
        kind=kind,
        scope=scope,
        pattern_source=pattern,
        message=message,
        fix=fix,
        applicability=Applicability(appl),
        fix_message=fix_message,
        replacement=replacement,
        table=table,
        case_sensitive=case_sensitive,
        skip_quoted=skip_quoted,
        skip_capitalized=skip_cap,
        within=within,
        source=str(path),
        requires=tuple(x.casefold() for x in requires),
    )
    return PackRule(
        code=code,
        name=name,
        check=check_pack_rule,
        summary=summary,
        doc=doc,
        severity=sev,
        languages=frozenset(langs) if langs else None,
        fix=None if fix == "none" else Applicability(appl),
        default=default,
        origin=f"pack:{pack}",
        spec=spec,
        examples=ex,
    )


def _example_text(e: Any) -> str:
    return e if isinstance(e, str) else e["text"]


def _doc(item: dict, summary: str, ex: dict, source: str, pack: str) -> str:
    def block(text: str) -> str:
        return f"```text\n{text.rstrip()}\n```"

    parts = [summary, ""]
    what = item.get("what")
    why = item.get("why")
    parts += ["## What it does", str(what).strip() if what else summary, ""]
    if why:
        parts += ["## Why it matters", str(why).strip(), ""]
    example = item.get("example") or _example_text(ex["flag"][0])
    parts += ["## Example", block(str(example)), ""]
    fixed = item.get("fixed")
    if fixed is None:
        first = ex["flag"][0]
        if isinstance(first, dict) and "fixed" in first:
            fixed = first["fixed"]
    if fixed is not None:
        parts += ["## Fixed", block(str(fixed)), ""]
    passes = "\n".join(_example_text(e) for e in ex["pass"])
    parts += ["## Not flagged", block(passes), "", f"Pack `{pack}` ({os.path.basename(source)})."]
    return "\n".join(parts).strip()


def verify_examples(r: PackRule) -> str | None:
    """None when every example behaves as declared, else the problem."""
    from newslint.engine import Linter

    linter = Linter([r])
    requires = r.spec.requires if r.spec is not None else ()
    default_lang = sorted(r.languages)[0] if r.languages else "id"
    for key in ("flag", "pass"):
        for j, e in enumerate(r.examples.get(key, ())):
            text = _example_text(e)
            lang = e.get("language", default_lang) if isinstance(e, dict) else default_lang
            doc = Document(text, None, lang, is_record=True)
            if key == "flag" and requires and not _may_match(doc, requires):
                return f"example flag[{j}] contains none of `requires`: {_short(text)!r}"
            found = [d for d in linter.lint(doc) if d.code == r.code]
            if key == "flag" and not found:
                return f"example flag[{j}] is not flagged: {_short(text)!r}"
            if key == "pass" and found:
                return f"example pass[{j}] is flagged ({_short(doc.span_text((found[0].start, found[0].end)))!r}): {_short(text)!r}"
            if key == "flag" and isinstance(e, dict) and "fixed" in e:
                got = linter.fix(doc, unsafe=True).text
                if got != e["fixed"]:
                    return f"example flag[{j}] fixes to {got!r}, expected {e['fixed']!r}"
    return None


def _short(text: str, n: int = 60) -> str:
    text = _WHITE_RUN.sub(" ", text)
    return text if len(text) <= n else text[: n - 1] + "…"
