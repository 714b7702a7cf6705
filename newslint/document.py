"""The Document every check sees: text, lines, paragraphs, language.

News text arrives in three paragraph layouts (see ``../shared/corpus``):

* ``lines`` — one paragraph per line (the seed, Detik);
* ``blank`` — paragraphs separated by blank lines, lines hard-wrapped (Markdown);
* ``flat``  — a whole article on one line, paragraphs joined by three or more
  spaces (ANTARA).

Checks work on ``doc.paragraphs`` and ``doc.lines`` so that one rule serves all
three.  The text is never normalised: ``\\r\\n`` stays in the text and line
spans simply exclude it, so a fix changes only the bytes it names.  Only
``\\n`` breaks a line; U+2028 and U+0085 inside scraped text do not.
"""

from __future__ import annotations

import re as _re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator
from functools import cache
from itertools import compress as _compress
from itertools import repeat as _repeat
from typing import Any, Generic, NamedTuple, TypeVar, overload

import regex

from newslint.diagnostics import Edit

_T = TypeVar("_T")


class _cached(Generic[_T]):
    """``functools.cached_property`` without its lock, as Python 3.12 has it.

    A non-data descriptor (no ``__set__``): once ``__get__`` has stored the
    value in the instance's ``__dict__``, attribute lookup finds it there and
    never calls ``__get__`` again, exactly as with ``cached_property``.  The
    3.11 version takes a lock on every first access (~17,000 per corpus
    pass); a Document is never shared between threads while it is computed,
    and a race would only compute a pure value twice.  An exception stores
    nothing, as before."""

    def __init__(self, func: Callable[[Any], _T]) -> None:
        self.func = func
        self.attrname = func.__name__
        self.__doc__ = func.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.attrname = name

    @overload
    def __get__(self, obj: None, objtype: type | None = None) -> _cached[_T]: ...
    @overload
    def __get__(self, obj: object, objtype: type | None = None) -> _T: ...
    def __get__(self, obj: object, objtype: type | None = None) -> _T | _cached[_T]:
        if obj is None:
            return self
        value = obj.__dict__[self.attrname] = self.func(obj)
        return value


#: Horizontal white space that may separate or surround a paragraph.
HSPACE = " \t\u00a0\u2007\u202f\u3000"

# Patterns compile on first use (start-up: ~2 ms at import otherwise).


@cache
def _flat_split() -> _re.Pattern[str]:
    """A flattened paragraph break.  A class of literal characters means the
    same to ``re`` as to ``regex``, and ``re`` scans it faster."""
    return _re.compile(r"[ \t\u00a0]{3,}")


@cache
def _word() -> regex.Pattern[str]:
    """A word, for language detection."""
    return regex.compile(r"[^\W\d_]+")


@cache
def _sent_end() -> regex.Pattern[str]:
    """A sentence end (see ``Document.sentences``)."""
    return regex.compile(
        r"(?<![.!?\u2026])([.!?\u2026]++)[\"'\u201d\u2019)\]]*(?=\s+[\"'\u201c\u2018(\[]?[\p{Lu}\d])"
    )


#: What ``_strip`` removes from both ends of a paragraph or sentence.
_WS = HSPACE + "\r\n"
_span = tuple.__new__  # Span(s, e) without NamedTuple's Python-level __new__


def _has_flat_run(text: str) -> bool:
    """``_flat_split().search(text)``, answered by ``str`` searches when the
    text has no tab and no no-break space (then a run is three spaces)."""
    if "\t" not in text and "\u00a0" not in text:
        return "   " in text
    return _flat_split().search(text) is not None


def _flat_runs(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """``[m.span() for m in _flat_split().finditer(text, a, b)]``; without a
    tab or no-break space in ``text[a:b]`` a run is three spaces or more,
    found by ``str.find`` (~2x faster than the scan)."""
    find = text.find
    if find("\t", a, b) != -1 or find("\u00a0", a, b) != -1:
        return [m.span() for m in _flat_split().finditer(text, a, b)]
    found = []
    j = find("   ", a, b)
    while j != -1:  # the first "   " at or after a run's end starts the next run
        k = j + 3
        while k < b and text[k] == " ":
            k += 1
        found.append((j, k))
        j = find("   ", k, b)
    return found


def _runs_within(found: list[tuple[int, int]], first: int, last: int) -> int:
    """``sum(1 for a, b in found if a >= first and b <= last)`` for sorted,
    disjoint runs (starts and ends ascending): those starting before
    ``first`` are a prefix, those ending after ``last`` a suffix; in a flat
    line there are usually none, and nothing is walked."""
    lo, hi = 0, len(found)
    while lo < hi and found[lo][0] < first:
        lo += 1
    while hi > lo and found[hi - 1][1] > last:
        hi -= 1
    return hi - lo


_ID_WORDS = frozenset(
    "yang dan di ini itu dengan untuk dari dalam tidak akan pada juga ke karena oleh "
    "ada adalah kata tersebut bahwa sebagai atau telah sudah dapat menjadi saat kami "
    "mereka kita ia dia para lebih".split()
)
_EN_WORDS = frozenset(
    "the and of to in is that for it was on with as by said are be at from this have "
    "has an which were will their its but not been would who they he she".split()
)


class Span(NamedTuple):
    start: int
    end: int


def guess_language(text: str) -> str | None:
    """``id`` or ``en`` by counting common function words, or None when the
    text gives no evidence either way.

    A stop-word count is crude but robust for news prose and costs almost
    nothing; the first 8,000 characters are plenty.
    """
    ids = ens = 0
    any_words = False
    count = _weight_counter()
    limit = min(len(text), 8_000)
    pos = 0
    while pos < limit:  # the chunks of ``_chunks``; a clear verdict early saves the rest
        end = min(limit, pos + 1_500)
        while end < limit and text[end].isalpha():
            end += 1
        letters = _ascii_letters(text[pos:end])
        if letters is None:  # a non-ASCII letter: the regex's own words
            words = _word().findall(text, pos, end)
            both = sum(map(_WEIGHT.get, words, _repeat(0)))
            any_words = any_words or bool(words)
        else:
            both = count(letters)
            # a chunk is never empty: it has a word unless all its bytes are spaces
            any_words = any_words or not letters.isspace()
        ids += both & _ID_MASK  # fewer than 2**20 words in a chunk
        ens += both >> 20
        if max(ids, ens) >= 15 and max(ids, ens) >= 4 * min(ids, ens):
            break
        pos = end
    if not ids and not ens and any_words:  # capitalised text: look again, case-folded
        return _guess_folded(text)
    if ids == ens:
        return None
    return "id" if ids > ens else "en"


def _split_weight(letters: bytes) -> int:
    """The weight sum of the words of ``letters`` (ASCII letters and spaces,
    from ``_ascii_letters``): both counts of ``guess_language`` at once."""
    return sum(map(_WEIGHT_BYTES.get, letters.split(), _repeat(0)))


@cache
def _weight_counter() -> Callable[[bytes], int]:
    """``_split_weight``, by an Aho–Corasick automaton when ``ahocorasick_rs``
    imports (~2x faster: no word list is built, ~5 of 6 words are not function
    words).

    In ``letters`` a word is a maximal run of letters between spaces, so
    with a space added at both ends each occurrence of a word ``w`` is
    exactly one occurrence of the pattern ``" w "`` (the spaces fix both
    ends: no longer or shorter word can match there).  Neighbouring words
    share a space, hence ``overlapping=True``, which reports every
    occurrence of every pattern."""
    try:
        import ahocorasick_rs
    except ImportError:  # pragma: no cover - a base dependency; kept as a safety net
        return _split_weight
    words = sorted(_WEIGHT_BYTES)
    weights = [_WEIGHT_BYTES[w] for w in words]
    find = ahocorasick_rs.BytesAhoCorasick(
        [b" " + w + b" " for w in words],
        matchkind=ahocorasick_rs.MatchKind.Standard,
        implementation=ahocorasick_rs.Implementation.DFA,
    ).find_matches_as_indexes

    def count(letters: bytes) -> int:
        return sum([weights[m[0]] for m in find(b" " + letters + b" ", overlapping=True)])

    return count


def _chunks(text: str) -> Iterator[tuple[int, int]]:
    """The first 8,000 characters in chunks of ~1,500, not cutting a word."""
    limit = min(len(text), 8_000)
    pos = 0
    while pos < limit:
        end = min(limit, pos + 1_500)
        while end < limit and text[end].isalpha():
            end += 1
        yield pos, end
        pos = end


def _guess_folded(text: str) -> str | None:
    """The verdict on the lower-cased words, for text without a lower-case
    function word (no early stop happened: every chunk was read)."""
    folded = []
    for pos, end in _chunks(text):
        folded.extend(w.lower() for w in _word().findall(text, pos, end))
    ids = sum(1 for w in folded if w in _ID_WORDS)
    ens = sum(1 for w in folded if w in _EN_WORDS)
    if ids == ens:
        return None
    return "id" if ids > ens else "en"


#: A word's weight in one sum for both counts (the two lists are disjoint):
#: Indonesian words count 1, English ones 2**20.
_WEIGHT = {**dict.fromkeys(_ID_WORDS, 1), **dict.fromkeys(_EN_WORDS, 1 << 20)}
_WEIGHT_BYTES = {w.encode(): n for w, n in _WEIGHT.items()}
_ID_MASK = (1 << 20) - 1
#: ASCII letters stay, every other byte becomes a space (then ``split``).
_LETTERS_ONLY = bytes(c if chr(c).isascii() and chr(c).isalpha() else 32 for c in range(256))
#: The same, lower-casing: ``w.lower()`` of each word.
_LOWER_LETTERS_ONLY = _LETTERS_ONLY.lower()
_ASCII_BYTES = bytes(range(128))
_IS_LETTER: dict[str, bool] = {}  # non-ASCII character -> in _word()'s class


def _ascii_words(chunk: str, table: bytes = _LETTERS_ONLY) -> list[bytes] | None:
    r"""``_word().findall(chunk)`` as bytes, ~6x faster, when ``chunk`` holds
    no non-ASCII character of ``_word()``'s class; else None.

    On ASCII, ``[^\W\d_]`` is ``[A-Za-z]``; a non-ASCII character outside
    the class (a curly quote, a dash) separates words like any other
    non-letter, so it may become ``?``.  Membership is asked of ``_word()``
    itself, once per character.  With ``table=_LOWER_LETTERS_ONLY`` the
    words come lower-cased (``str.lower`` and ``bytes.lower`` agree on ASCII)."""
    letters = _ascii_letters(chunk, table)
    return None if letters is None else letters.split()


def _ascii_letters(chunk: str, table: bytes = _LETTERS_ONLY) -> bytes | None:
    """``chunk`` as bytes with every byte that is not an ASCII letter made a
    space (what ``_ascii_words`` splits), or None when it holds a non-ASCII
    character of ``_word()``'s class."""
    if chunk.isascii():
        return chunk.encode("ascii").translate(table)
    # UTF-8: each non-ASCII character becomes bytes >= 0x80, spaces to the
    # table like the `?` of an ASCII encoding; deleting the ASCII bytes
    # leaves those characters alone (no regex scan for them)
    raw = chunk.encode("utf-8", "surrogatepass")
    for c in set(raw.translate(None, _ASCII_BYTES).decode("utf-8", "surrogatepass")):
        letter = _IS_LETTER.get(c)
        if letter is None:
            if len(_IS_LETTER) > 65_536:  # bounded, whatever the script
                _IS_LETTER.clear()
            letter = _IS_LETTER[c] = _word().fullmatch(c) is not None
        if letter:
            return None
    return raw.translate(table)


def _casefold(text: str) -> str:
    """``text.casefold()``, ~2x faster on news text, whose non-ASCII
    characters (curly quotes, dashes, accented small letters) fold to
    themselves.

    ``casefold`` maps each code point on its own (no context, unlike
    ``lower``'s final sigma); on ASCII it is ``bytes.lower``, which leaves
    the UTF-8 bytes of other characters (all >= 0x80) alone.  So when every
    distinct non-ASCII character folds to itself, lower-casing the UTF-8
    bytes is the fold; otherwise the text is folded as before.  Whether
    they all do is one ``casefold`` of the non-ASCII characters: no code
    point folds to nothing, so the fold of a string is the string itself
    exactly when each of its characters folds to itself."""
    if text.isascii():
        return text.lower()
    raw = text.encode("utf-8", "surrogatepass")
    rest = raw.translate(None, _ASCII_BYTES).decode("utf-8", "surrogatepass")
    if rest.casefold() != rest:
        return text.casefold()
    return raw.lower().decode("utf-8", "surrogatepass")


def detect_language(text: str, default: str = "id") -> str:
    """:func:`guess_language`, falling back to ``default``."""
    return guess_language(text) or default


class Document:
    """An article's text plus lazily computed structure.

    ``path`` is only a display name; ``is_record`` marks text that came from a
    corpus record rather than a file (file-level hygiene such as a final
    newline does not apply to it).
    """

    def __init__(
        self,
        text: str,
        path: str | None = None,
        language: str | None = None,
        *,
        is_record: bool = False,
    ) -> None:
        self.text = text
        self.path = path
        self._language = language
        self.is_record = is_record

    def __repr__(self) -> str:
        return f"Document(path={self.path!r}, chars={len(self.text)})"

    def with_text(self, text: str) -> Document:
        """A new document for fixed text: same path, kind and language (a fix
        must never flip the language the rules were chosen for)."""
        return Document(text, self.path, self.language, is_record=self.is_record)

    # -- language -----------------------------------------------------------------

    @_cached
    def _guessed_language(self) -> str | None:
        return guess_language(self.text) if self._language is None else None

    @_cached
    def language(self) -> str:
        return self._language or self._guessed_language or "id"

    @property
    def language_known(self) -> bool:
        """True when the language was given or the text shows it; rules whose
        verdict flips with the language (numbers) stay silent otherwise, so a
        fix that removes the last words of evidence cannot flip a second run."""
        return self._language is not None or self._guessed_language is not None

    @_cached
    def casefolded(self) -> str:
        """``text.casefold()``, once per document, for checks' whole-text
        pre-filters (a rule whose matches all contain a word skips texts
        without it)."""
        return _casefold(self.text)

    # -- lines --------------------------------------------------------------------

    @_cached
    def line_starts(self) -> list[int]:
        starts = [0]
        find = self.text.find
        i = find("\n")
        while i != -1:
            starts.append(i + 1)
            i = find("\n", i + 1)
        return starts

    @_cached
    def lines(self) -> list[Span]:
        """Content span of each line, without its ``\\n`` or ``\\r\\n``."""
        text = self.text
        starts = self.line_starts
        spans = []
        new = _span
        for i in range(1, len(starts)):
            s, e = starts[i - 1], starts[i] - 1
            if e > s and text[e - 1] == "\r":
                e -= 1
            spans.append(new(Span, (s, e)))
        spans.append(new(Span, (starts[-1], len(text))))
        return spans

    @_cached
    def newline(self) -> str:
        """The dominant newline style, used when a fix has to insert one."""
        crlf = self.text.count("\r\n")
        return "\r\n" if crlf and crlf * 2 >= self.text.count("\n") else "\n"

    def line_index(self, offset: int) -> int:
        """0-based index of the line holding ``offset``."""
        return bisect_right(self.line_starts, offset) - 1

    def position(self, offset: int) -> tuple[int, int]:
        """1-based line and column (in code points) of ``offset``."""
        i = self.line_index(offset)
        return i + 1, offset - self.line_starts[i] + 1

    def line_text(self, index: int) -> str:
        s, e = self.lines[index]
        return self.text[s:e]

    # -- paragraphs ---------------------------------------------------------------

    @_cached
    def layout(self) -> str:
        text = self.text
        lines = self.lines
        # each line right-stripped once: blank exactly when that is empty
        # (``_looks_hard_wrapped`` reads the same texts)
        kept = [text[s:e].rstrip(HSPACE) for s, e in lines]
        nonblank = list(_compress(lines, kept))
        if not nonblank:
            return "lines"
        runs = 0
        # separator runs with text on both sides (linear: no slices per run);
        # with no run anywhere in the text, there is none in a line
        searched = nonblank if _has_flat_run(text) else []
        line_runs = []
        for sp in searched:
            found = _flat_runs(text, sp.start, sp.end)
            line_runs.append((sp, found))
            if found:  # those between the line's first and last character
                line = text[sp.start : sp.end]
                first = sp.start + len(line) - len(line.lstrip(HSPACE))
                last = sp.start + len(line.rstrip(HSPACE))
                runs += _runs_within(found, first, last)
        # A run's ends are HSPACE, the line's first and last kept characters
        # are not: the runs of the whole line inside them are the runs of
        # that stretch.  ``paragraphs`` reuses the runs of a flat text.
        self._line_runs = line_runs
        if runs >= len(nonblank):
            return "flat"
        if len(nonblank) < len(lines) and self._looks_hard_wrapped(nonblank, kept):
            return "blank"
        return "lines"

    def _looks_hard_wrapped(self, nonblank: list[Span], ends: list[str] | None = None) -> bool:
        """Blank-line layout when most lines followed by another non-blank line
        stop mid-sentence: the sign of prose wrapped at a fixed width.
        ``ends``: each line's text right-stripped of HSPACE, when known."""
        if ends is None:
            text = self.text
            # each line stripped once: a line is blank when its right-stripped
            # text is empty, exactly when its stripped text is
            ends = [text[s:e].rstrip(HSPACE) for s, e in self.lines]
        follow = mid = 0
        for la, lb in zip(ends, ends[1:], strict=False):
            if la and lb:
                follow += 1
                if la[-1] not in ".!?:\"”’')":
                    mid += 1
        return follow >= 2 and mid * 2 > follow

    @_cached
    def masked(self) -> list[Span]:
        """Spans that are not prose (Markdown front matter, code, URLs, HTML
        comments; newslint comments in any text): see :mod:`newslint.markdown`."""
        if "<" not in self.text:
            # what ``markup`` reads for a text without ``<!--`` that is not
            # Markdown (which takes a path): nothing masked (one ``memchr``
            # instead of a 4-character search and a Markup, ~2 µs; a record
            # does not even import the markdown module)
            if not self.path:
                return []
            from newslint.markdown import is_markdown

            if not is_markdown(self):
                return []
        from newslint.markdown import markup

        return markup(self).masked

    @_cached
    def paragraphs(self) -> list[Span]:
        """Paragraph spans, stripped of surrounding white space."""
        if self.masked:
            from newslint.markdown import prose_paragraphs

            return prose_paragraphs(self)
        text = self.text
        out: list[Span] = []
        if self.layout == "blank":
            block: list[Span] = []
            for sp in [*self.lines, Span(len(text), len(text))]:
                if text[sp.start : sp.end].strip(HSPACE):
                    block.append(sp)
                elif block:
                    out.append(_strip(text, block[0].start, block[-1].end))
                    block = []
            return out
        if self.layout == "flat":
            # the non-blank lines and their runs, found by ``layout`` (a blank
            # line gives no paragraph)
            line_runs = getattr(self, "_line_runs", None)
            if line_runs is None:  # a layout given, not computed
                line_runs = [(sp, _flat_runs(text, sp.start, sp.end)) for sp in self.lines]
            ws = _WS
            new = _span
            append = out.append
            for sp, found in line_runs:  # _strip inlined: a call per paragraph adds up
                pos = sp.start
                for a, b in (*found, (sp.end, sp.end)):
                    while pos < a and text[pos] in ws:
                        pos += 1
                    while a > pos and text[a - 1] in ws:
                        a -= 1
                    if a > pos:
                        append(new(Span, (pos, a)))
                    pos = b
            return out
        ws = _WS
        new = _span
        for s, e in self.lines:  # _strip inlined: one call per line adds up
            while s < e and text[s] in ws:
                s += 1
            while e > s and text[e - 1] in ws:
                e -= 1
            if e > s:
                out.append(new(Span, (s, e)))
        return out

    @_cached
    def sentences(self) -> list[Span]:
        """Sentence spans inside each paragraph (never across one).

        A sentence ends at ``.``, ``!``, ``?`` or ``…`` (plus closing quotes or
        brackets) followed by white space and a capital, digit or opening
        quote.  A full stop after an initial (``M. Chatib``), a known
        abbreviation (``Tbk.``, ``Dr.``, ``Jo.``), a dotted token (``S.H.``) or
        a list number (``1. Alec``) does not end one.  Glued sentences
        (``2019).Pada``) stay together: that is an artifact for TXT rules.
        """
        text = self.text
        out: list[Span] = []
        append = out.append
        ws = _WS
        new = _span
        marks = _MARKS
        closers = _CLOSERS
        ascii_space = _ASCII_SPACE
        no_break = _NO_BREAK
        caps_digits = _CAPS_DIGITS
        rfind = text.rfind
        ends = _sentence_marks(text)
        n = len(ends)
        k = 0
        # without masked parts every paragraph is a Span stripped of _WS at
        # both ends (see ``paragraphs``; the blank layout may give an empty
        # one): its last sentence needs no strip at its end, and is the
        # paragraph itself when nothing was cut
        stripped = not self.masked
        for para in self.paragraphs:
            ps, pe = para
            pos = ps
            # _sent_end().finditer(text, ps, pe), tried only where it can match:
            # at the first mark of a run (its look-behind), with white space
            # after the run and closing quotes (its look-ahead; regex's \s is
            # a subset of str.isspace).  A mark at pe - 1 has no room for the
            # look-ahead: the marks left in the paragraph are not tried.
            last = pe - 1
            # bisect_left(ends, ps): paragraphs come in order, so the marks
            # before ps left from the last paragraph are few (its last one)
            if k and ends[k - 1] >= ps:
                k = bisect_left(ends, ps)
            else:
                while k < n and ends[k] < ps:
                    k += 1
            while k < n:
                p = ends[k]
                if p >= last:
                    break
                k += 1
                if p and text[p - 1] in marks:
                    continue
                q = p + 1
                c = text[q]
                if c == " " and q + 1 < pe and text[q + 1] in caps_digits:
                    # the usual: one mark, a space, a capital or digit (the
                    # look-ahead holds, as the general test below finds)
                    run_end = q
                else:
                    if c == " ":
                        run_end = q
                        r = q + 1
                    else:
                        while c in marks:
                            q += 1
                            if q == pe:
                                break
                            c = text[q]
                        run_end = q
                        while q < pe and c in closers:
                            q += 1
                            if q == pe:
                                break
                            c = text[q]
                        if q >= pe or not c.isspace():
                            continue
                        r = q
                    # the look-ahead on ASCII: white space, an opening quote or
                    # bracket, then a capital or digit (else: ask the regex)
                    while r < pe and text[r] in ascii_space:
                        r += 1
                    c = text[r] if r < pe else ""
                    if c in caps_digits:  # a capital after white space
                        if r == q:
                            continue
                    elif c and c in _ASCII_OPENERS:
                        c = text[r + 1] if r + 1 < pe else ""
                        if c and c <= "\x7f":
                            ahead = c in _ASCII_CAPS_DIGITS
                        else:  # a non-ASCII capital may follow, or nothing
                            ahead = _sent_end().match(text, p, pe) is not None
                        if not ahead:
                            continue
                    elif c and c <= "\x7f":  # neither a capital nor a digit
                        continue
                    elif _sent_end().match(text, p, pe) is None:  # compiled on first need
                        continue
                if run_end == p + 1 and text[p] == ".":
                    # _no_break_before(text, ps, p), inlined; a word after
                    # the last space that is alphanumeric holds no other
                    # white space and no opening quote (the space is looked
                    # for nearby: a long paragraph without one stays linear)
                    j = p - 40
                    if j < ps:
                        j = ps
                    j = rfind(" ", j, p)
                    word = text[j + 1 : p] if j >= 0 else ""
                    if not word.isalnum():
                        i = p
                        while i > ps and not text[i - 1].isspace():
                            i -= 1
                        word = text[i:p].lstrip("(\"'\u201c\u2018")
                    if word:
                        verdict = no_break.get(word)
                        if verdict is None:
                            verdict = _closes_no_sentence(word)
                            # bounded, whatever the text: short words only
                            if len(word) <= 24 and len(no_break) < 65_536:
                                no_break[word] = verdict
                        if verdict:
                            continue
                # text[q - 1] is a mark or a closer, never white space: the
                # sentence needs no stripping at its end
                while text[pos] in ws:
                    pos += 1
                append(new(Span, (pos, q)))
                pos = q
            if stripped:
                if pos == ps:
                    if pe > ps:
                        append(para)
                    continue
                while text[pos] in ws:  # stops at pe - 1, which is not white
                    pos += 1
                append(new(Span, (pos, pe)))
                continue
            e = pe
            while pos < e and text[pos] in ws:
                pos += 1
            while e > pos and text[e - 1] in ws:
                e -= 1
            if e > pos:
                append(new(Span, (pos, e)))
        return out

    def span_text(self, span: tuple[int, int]) -> str:
        return self.text[span[0] : span[1]]

    # -- edits --------------------------------------------------------------------

    def deletion(self, start: int, end: int) -> Edit:
        """An edit that removes ``text[start:end]`` and the white space that
        separated it from its neighbours, so no gap or empty line is left.

        A span that fills its line(s) takes the line break with it; a span at
        the end of a line takes the spaces before it; any other span takes the
        narrower of the two gaps around it, so that a flattened paragraph
        break (three or more spaces) survives.  Nothing else is touched.
        """
        text = self.text
        starts = self.line_starts
        lines = self.lines
        # line_index inlined; for a non-empty span max(start, end - 1) is end - 1
        first = bisect_right(starts, start) - 1
        last = bisect_right(starts, end - 1) - 1 if end > start else first
        lstart = lines[first][0]
        lend = lines[last][1]
        a = start
        hspace = HSPACE
        while a > lstart and text[a - 1] in hspace:
            a -= 1
        b = end
        while b < lend and text[b] in hspace:
            b += 1
        if a == lstart and b == lend:
            nxt = last + 1
            if nxt < len(lines):
                e = starts[nxt]
                if nxt + 1 < len(lines) and (
                    first == 0 or not self.line_text(first - 1).strip(hspace)
                ):
                    if not self.line_text(nxt).strip(hspace):
                        e = starts[nxt + 1]
                return Edit(lstart, e)
            if first > 0:
                return Edit(lines[first - 1][1], lend)
            return Edit(0, lend)
        if b == lend:
            return Edit(a, b)
        if start - a > b - end:
            return Edit(start, b)  # keep the wider gap before: it may be a paragraph break
        if b - end > start - a:
            return Edit(a, end)  # keep the wider gap after
        return Edit(start, b)


def _strip(text: str, start: int, end: int) -> Span:
    while start < end and (text[start] in HSPACE or text[start] in "\r\n"):
        start += 1
    while end > start and (text[end - 1] in HSPACE or text[end - 1] in "\r\n"):
        end -= 1
    return Span(start, end)


_MARKS = ".!?\u2026"  # what ends a sentence, as in _sent_end()
_CLOSERS = "\"'\u201d\u2019)]"  # what may follow it, as in _sent_end()
_ASCII_SPACE = " \t\n\r\x0b\x0c"  # the ASCII characters of regex's \s
_ASCII_OPENERS = "\"'(["  # the ASCII openers of _sent_end()'s look-ahead
_ASCII_CAPS_DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"  # its ASCII [\p{Lu}\d]
_CAPS_DIGITS = frozenset(_ASCII_CAPS_DIGITS)  # one character each ("" is not in it)


def _sentence_marks(text: str) -> list[int]:
    """Offsets of every ``.``, ``!``, ``?`` and ``…``, in order (``str.find``
    runs at memchr speed; a regex scan costs ~8 ns a character)."""
    found: list[int] = []
    for mark in _MARKS:
        find = text.find
        i = find(mark)
        while i != -1:
            found.append(i)
            i = find(mark, i + 1)
    found.sort()
    return found


#: Words that a full stop follows without ending the sentence (casefolded).
_ABBREVIATIONS = frozenset(
    "tbk jo dr drs dra ir hj prof no nomor jl jln kec kab kel prov st sdr sdri bpk ny nn tn "
    "kol pol jend mr mrs ms jr sr inc ltd co corp vs etc dll dsb dkk tsb yth kh rp hlm hal "
    "eng ph pt cv approx fig".split()
)


def _no_break_before(text: str, para_start: int, dot: int) -> bool:
    """True when the full stop at ``dot`` closes an abbreviation, an initial,
    a dotted token or a list number rather than a sentence."""
    i = dot
    while i > para_start and not text[i - 1].isspace():
        i -= 1
    word = text[i:dot].lstrip("(\"'\u201c\u2018")
    if not word:
        return False
    if len(word) == 1 and word.isalpha():
        return True
    if "." in word or word.casefold() in _ABBREVIATIONS:
        return True
    return word.isdigit() and len(word) <= 2


def _closes_no_sentence(word: str) -> bool:
    """The verdict of ``_no_break_before`` on a non-empty ``word``."""
    return (
        (len(word) == 1 and word.isalpha())
        or "." in word
        or word.casefold() in _ABBREVIATIONS
        or (word.isdigit() and len(word) <= 2)
    )


#: ``_closes_no_sentence`` by word: news reuses its words (~24,000 full
#: stops, a few thousand distinct words before them).  At most 65,536 words
#: of at most 24 characters (a few MB), whatever the input.
_NO_BREAK: dict[str, bool] = {}
