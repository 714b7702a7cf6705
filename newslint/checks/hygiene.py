"""TXT: characters that the CMS, the scraper or an encoding step broke.

Mojibake, HTML leftovers, invisible characters and sentences glued without a
space.  Each fix rewrites only the characters its finding names, and only
where the right text is certain: ftfy decides mojibake (no hand-made tables),
the standard library decodes entities, and an invisible character is
deleted because the reader never saw it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator

import regex

from newslint import patterns
from newslint.diagnostics import Diagnostic, Edit, Fix
from newslint.document import _ABBREVIATIONS, Document
from newslint.registry import Rule, rule

# -- TXT003 mojibake --------------------------------------------------------------

#: The signature of UTF-8 bytes decoded as Latin-1 or Windows-1252: a lead
#: byte (Â…ô) followed by a continuation byte (0x80–0xBF, or the character
#: Windows-1252 puts there).  Only tokens with it are handed to ftfy.
_CONT = (
    "\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122"
)
_HINT = f"[\u00c2-\u00f4][{_CONT}]"
_MOJIBAKE_HINT = patterns.compile(_HINT)
#: The same two characters for ``re``, to walk the hints of a text that has
#: one (``regex`` scans faster, but reads the clock for its time limit at
#: every match).  No repetition: linear, safe untimed (see ``patterns``).
_MOJIBAKE_HINTS = patterns.LazyRe(_HINT)  # (most texts have no hint)
#: Latin-1 bytes that cannot lead a hint (all but U+00C2-U+00F4).
_NOT_LEAD = bytes(b for b in range(256) if not 0xC2 <= b <= 0xF4)
#: Tokens are split on ASCII white space only: U+0085 and U+00A0 are bytes of
#: the mojibake itself.
_ASCII_SPACE = patterns.LazyRe(r"[ \t\r\n]")  # no repetition: linear, untimed


def _mojibake_spans(doc: Document) -> tuple[list[int], list[int]]:
    """Starts and ends of the tokens (split on ASCII white space) that carry
    the mojibake signature, whether or not ftfy can repair them; cached.

    One scan of the text, and each token's bounds are searched for only
    between the previous token and its hint, so the cost stays linear however
    many tokens are broken.  An ASCII text cannot carry the signature (its
    lead characters are not ASCII)."""
    cached = doc.__dict__.get("_txt_mojibake_spans")
    if cached is not None:
        return cached
    starts: list[int] = []
    ends: list[int] = []
    text = doc.text
    if not text.isascii():
        end = 0  # the end of the last token: an ASCII white space, or 0
        rfind = text.rfind
        # a hint's lead character is Latin-1: without one, no search
        lead = text.encode("latin-1", "ignore").translate(None, _NOT_LEAD)
        first = _MOJIBAKE_HINT.search(text) if lead else None
        for hint in _MOJIBAKE_HINTS.finditer(text, first.start()) if first else ():
            a = hint.start()
            if a < end:
                continue  # the token already found
            s = (
                max(
                    rfind(" ", end, a),
                    rfind("\t", end, a),
                    rfind("\r", end, a),
                    rfind("\n", end, a),
                )
                + 1
            )
            m = _ASCII_SPACE.search(text, a)  # the token ends at the next one
            end = m.start() if m else len(text)
            starts.append(s)
            ends.append(end)
    doc.__dict__["_txt_mojibake_spans"] = starts, ends
    return starts, ends


#: ftfy's repair of each broken token already seen: ``fix_encoding`` is a
#: pure function of the token, and the same broken words (an Arabic verse,
#: a curly quote) recur across the articles of a corpus.  Bounded: cleared
#: when full, and long tokens are not kept.
_FIXED: dict[str, str] = {}
_MAX_FIXED = 4096
_MAX_FIXED_TOKEN = 200


def _mojibake_tokens(doc: Document) -> list[tuple[int, int, str]]:
    """``(start, end, fixed)`` for every token ftfy repairs, cached."""
    cached = doc.__dict__.get("_txt_mojibake")
    if cached is not None:
        return cached
    out: list[tuple[int, int, str]] = []
    text = doc.text
    starts, ends = _mojibake_spans(doc)
    if starts:
        from ftfy import fix_encoding  # lazy: ftfy is slow to import

        memo = _FIXED
        for s, e in zip(starts, ends, strict=True):
            token = text[s:e]
            fixed = memo.get(token)
            if fixed is None:
                fixed = fix_encoding(token)
                if len(token) <= _MAX_FIXED_TOKEN:
                    if len(memo) >= _MAX_FIXED:
                        memo.clear()
                    memo[token] = fixed
            if fixed != token:
                out.append((s, e, fixed))
    doc.__dict__["_txt_mojibake"] = out
    return out


def _in_mojibake(doc: Document, offset: int) -> bool:
    """Whether the token around ``offset`` (not an ASCII white space) carries
    the mojibake signature, whether or not ftfy can repair it."""
    starts, ends = _mojibake_spans(doc)
    if not starts:
        return False
    i = bisect_right(starts, offset) - 1
    return i >= 0 and offset < ends[i]


@rule("TXT003", "mojibake", severity="error", fix="safe")
def mojibake(doc: Document, rule: Rule) -> Iterator[Diagnostic]:
    """Text whose UTF-8 bytes were decoded as Latin-1 or Windows-1252.

    ## What it does
    Finds words carrying the byte pattern of UTF-8 read as Latin-1 or
    Windows-1252 (`â€œ`, `Â©`, `AntÃ³nio`, `Ø£Ù…`) and asks
    [ftfy](https://ftfy.readthedocs.io/) to repair each one; a word ftfy
    leaves alone is not reported.  The broken words of one line are one
    finding (each word is repaired on its own).

    ## Why it matters
    A wrong decoding step turns every accented letter, curly quote and
    Arabic verse into gibberish that readers cannot read and search engines
    cannot match.

    ## Example
    ```text
    â€œKami siap,â€ kata AntÃ³nio.
    ```

    ## Fixed
    ```text
    “Kami siap,” kata António.
    ```
    ftfy's repair is applied (safe fix).
    """
    tokens = _mojibake_tokens(doc)
    text = doc.text
    i = 0
    while i < len(tokens):
        j = i
        while j + 1 < len(tokens) and "\n" not in text[tokens[j][1] : tokens[j + 1][0]]:
            j += 1
        group = tokens[i : j + 1]
        s, e = group[0][0], group[-1][1]
        before, after = text[group[0][0] : group[0][1]], group[0][2]
        more = f" (and {len(group) - 1} more)" if len(group) > 1 else ""
        yield rule.diagnostic(
            s,
            e,
            f"Mojibake: {_short(before)!r} should read {_short(after)!r}{more}",
            Fix(tuple(Edit(a, b, fixed) for a, b, fixed in group), message="Repair the encoding"),
        )
        i = j + 1


def _short(s: str, n: int = 30) -> str:
    return s if len(s) <= n else s[: n - 1] + "…"


# -- TXT004 HTML entities ---------------------------------------------------------

_ENTITY = patterns.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")
_MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdx", ".mkd")
_SPACES_FOR = {"\u00a0": " ", "\u2007": " ", "\u202f": " "}


def _entity_text(entity: str) -> str | None:
    from html import unescape  # lazy: most texts hold no entity

    value = unescape(entity)
    if value == entity:
        return None  # not an entity HTML knows (`&T;` in `AT&T;`)
    if value in _SPACES_FOR:
        return " "
    if all(_is_invisible(c) for c in value):
        return ""
    return value


@rule("TXT004", "html-entity", severity="warning", fix="safe")
def html_entity(doc: Document, rule: Rule) -> Iterator[Diagnostic]:
    """An HTML entity left in the text (`&nbsp;`, `&amp;`, `&#8220;`).

    ## What it does
    Flags named and numeric character references that HTML defines and
    replaces each with its character; `&nbsp;` becomes a plain space and an
    invisible character (`&shy;`, `&#8203;`) disappears.  `&T;` or a bare
    `&` are not entities and pass, and Markdown files are not checked
    (there an entity is markup that renders as its character).

    ## Why it matters
    The text was copied out of HTML without decoding it: readers see
    `&quot;` instead of a quote, and search and deduplication treat `&amp;`
    and `&` as different words.

    ## Example
    ```text
    Kata dia:&nbsp;&quot;Harga naik&quot; di Bank A &amp; B.
    ```

    ## Fixed
    ```text
    Kata dia: "Harga naik" di Bank A & B.
    ```
    """
    text = doc.text
    if "&" not in text or str(doc.path or "").lower().endswith(_MARKDOWN_SUFFIXES):
        return  # in Markdown an entity is markup that renders as its character
    for m in _ENTITY.finditer(text):
        value = _entity_text(m.group())
        if value is None:
            continue
        yield rule.diagnostic(
            m.start(),
            m.end(),
            f"HTML entity {m.group()!r} in the text",
            Fix.replace(m.start(), m.end(), value, f"Replace with {value!r}"),
        )


# -- TXT005 HTML tags -------------------------------------------------------------

_BLOCK_TAGS = (
    "br|p|div|li|ul|ol|h[1-6]|hr|tr|td|th|table|tbody|thead|blockquote|figure|figcaption|"
    "section|article|header|footer|pre|center"
)
_INLINE_TAGS = (
    "a|abbr|b|cite|em|font|i|iframe|img|s|script|small|span|strong|style|sub|sup|u|"
    "noscript|picture|source|video|audio|mark|ins|del"
)
_TAG = patterns.compile(
    rf"<!--.*?-->|</?(?P<name>{_BLOCK_TAGS}|{_INLINE_TAGS})(?:\s+[^<>]*?)?\s*/?>",
    regex.I | regex.S,
)
_BLOCK = patterns.compile(rf"(?:{_BLOCK_TAGS})", regex.I)


@rule("TXT005", "html-tag", severity="warning", fix="safe")
def html_tag(doc: Document, rule: Rule) -> Iterator[Diagnostic]:
    """An HTML tag or comment left in the text (`<br>`, `<strong>`, `<!-- -->`).

    ## What it does
    Flags tags with a known HTML element name and HTML comments, and deletes
    them, keeping the text between an opening and a closing tag.  A block
    tag (`<br>`, `<p>`) between two words becomes a space so the words do
    not merge.  `a < b`, `<5 persen` or `<Nama>` are not HTML and pass.

    ## Why it matters
    Markup that survived scraping is noise for readers and tokens for
    models; `<br>` glues two sentences together in plain text.

    ## Example
    ```text
    Harga naik.<br>Menurut <strong>BPS</strong>, inflasi turun.
    ```

    ## Fixed
    ```text
    Harga naik. Menurut BPS, inflasi turun.
    ```
    """
    text = doc.text
    if "<" not in text:
        return
    tags = list(_TAG.finditer(text))
    k = 0
    while k < len(tags):
        run = [tags[k]]
        while k + len(run) < len(tags) and tags[k + len(run)].start() == run[-1].end():
            run.append(tags[k + len(run)])  # adjacent tags (`</p><p>`) go together
        k += len(run)
        s, e = run[0].start(), run[-1].end()
        left = text[s - 1] if s else " "
        right = text[e] if e < len(text) else " "
        new = ""
        if left.isspace() and right in " \t":
            while e < len(text) and text[e] in " \t":
                e += 1
        elif not left.isspace() and not right.isspace():
            names = [m.group("name") for m in run]
            new = " " if any(n and _BLOCK.fullmatch(n) for n in names) else ""
        m = run[0]
        what = "HTML comment" if m.group("name") is None else f"HTML tag {_short(m.group(), 40)!r}"
        more = f" (and {len(run) - 1} more)" if len(run) > 1 else ""
        yield rule.diagnostic(
            run[0].start(),
            run[-1].end(),
            f"{what}{more} in the text",
            Fix.replace(s, e, new, "Remove the markup"),
        )


# -- TXT006 invisible characters --------------------------------------------------

#: Always invisible junk in news text: C0/C1 controls (not tab or line
#: breaks), DEL, soft hyphen, zero-width space, word joiner, Mongolian vowel
#: separator, BOM inside the text.
_ALWAYS = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad\u180e\u200b\u2060\ufeff"
#: Joiners and direction marks: needed in emoji sequences and in Arabic or
#: Indic script, junk between Latin letters, digits, punctuation or spaces.
_CONTEXTUAL = "\u200c\u200d\u200e\u200f"
_INVISIBLE = patterns.compile(f"[{_ALWAYS}{_CONTEXTUAL}]+")
#: The same class for the standard ``re`` module, whose search over a plain
#: character class is several times faster: most texts have none of them.
_ANY_INVISIBLE = re.compile(f"[{_ALWAYS}{_CONTEXTUAL}]")
#: Latin-1 bytes that are not invisible characters: deleting them from a
#: Latin-1 text leaves exactly its invisible characters (derived from the
#: class itself, so the two cannot drift apart).
_VISIBLE_LATIN1 = bytes(b for b in range(256) if not _ANY_INVISIBLE.match(chr(b)))


#: The class's characters above U+00FF (a test checks every code point).
_INVISIBLE_ABOVE_LATIN1 = tuple("\u180e\u200b\u2060\ufeff" + _CONTEXTUAL)


def _may_hold_invisible(text: str) -> bool:
    """``_ANY_INVISIBLE.search(text)`` is not None.  ``bytes.translate``
    answers for the Latin-1 characters in a fraction of the time ``re``
    takes to test every character against the class; the others (curly
    quotes make most texts non-Latin-1) are dropped by the encoding and the
    class's eight characters above U+00FF are looked for by ``str.find``
    (only when the encoding dropped a character: without raising, as a
    failed strict encoding would)."""
    raw = text.encode("latin-1", "ignore")
    if raw.translate(None, _VISIBLE_LATIN1):
        return True
    return len(raw) != len(text) and any(c in text for c in _INVISIBLE_ABOVE_LATIN1)


_SPACE_LIKE = frozenset("\x0b\x0c\x1c\x1d\x1e\x1f\x85")
_CONTEXTUAL_SET = frozenset(_CONTEXTUAL)
#: Invisible characters that are also bytes of mojibake (C1 controls, soft hyphen).
_MOJIBAKE_BYTES = frozenset(map(chr, range(0x80, 0xA0))) | {"\u00ad"}
_LATIN_CONTEXT = patterns.compile(r"[\p{Script=Latin}\p{N}\p{P}\s]")


def _invisible_runs(text: str) -> list[tuple[int, int]]:
    """The spans of ``_INVISIBLE.finditer(text)``: ``regex`` pays the time
    limit's clock reads again for every match of ``finditer``, which made a
    text full of broken bytes slow."""
    return _char_runs(_ANY_INVISIBLE, text)


def _char_runs(char: re.Pattern[str] | patterns.LazyRe, text: str) -> list[tuple[int, int]]:
    """Maximal runs of the characters a one-character ``re`` pattern finds
    (what ``[class]+`` finds, without the per-match clock reads)."""
    out = []
    s = e = -1
    for m in char.finditer(text):
        i = m.start()
        if i == e:
            e += 1
        else:
            if e != -1:
                out.append((s, e))
            s, e = i, i + 1
    if e != -1:
        out.append((s, e))
    return out


def _is_invisible(c: str) -> bool:
    return bool(_INVISIBLE.fullmatch(c)) or c in _CONTEXTUAL


@rule("TXT006", "invisible-character", severity="warning", fix="safe")
def invisible_character(doc: Document, rule: Rule) -> Iterator[Diagnostic]:
    """Control, zero-width or other invisible characters in the text.

    ## What it does
    Flags C0 and C1 control characters (except tab and line breaks), DEL,
    soft hyphens, zero-width spaces, word joiners and a byte-order mark
    inside the text; zero-width (non-)joiners and direction marks only
    between Latin letters, digits, punctuation or spaces (emoji sequences
    and Arabic or Indic text need them).  They are deleted; a control that
    acts as a separator (vertical tab, form feed, U+0085) between two words
    becomes a space.  Characters inside mojibake are left to TXT003.

    ## Why it matters
    Invisible characters break search (`ling<U+200B>kungan` does not match
    `lingkungan`), tokenisers and diffs, and they survive every copy.

    ## Example
    ```text
    Jakarta (ANTARA) - <U+200B><U+200B><U+200B>Komisi Pengawas…
    ```

    ## Fixed
    ```text
    Jakarta (ANTARA) - Komisi Pengawas…
    ```
    """
    text = doc.text
    if not _may_hold_invisible(text):
        return
    for s, e in _invisible_runs(text):
        if s == 0 and text[0] == "\ufeff" and e == 1:
            continue  # a BOM at the very start belongs to the file, not the text
        run = whole = text[s:e]
        left = text[s - 1] if s else " "
        right = text[e] if e < len(text) else " "
        if not _CONTEXTUAL_SET.isdisjoint(run):
            if not (_LATIN_CONTEXT.match(left) and _LATIN_CONTEXT.match(right)):
                run = "".join(c for c in run if c not in _CONTEXTUAL)
                if not run:
                    continue
        if not _MOJIBAKE_BYTES.isdisjoint(run) and _in_mojibake(doc, s):
            continue  # a byte of mojibake: TXT003 repairs it (or leaves it whole)
        new = " " if (set(run) & _SPACE_LIKE and not left.isspace() and not right.isspace()) else ""
        names = ", ".join(f"U+{ord(c):04X}" for c in dict.fromkeys(whole))
        yield rule.diagnostic(
            s,
            e,
            f"Invisible character{'s' if e - s > 1 else ''} {names} in the text",
            Fix.replace(s, e, new, "Remove the invisible character"),
        )


# -- TXT008 sentences glued without a space ----------------------------------------

_GLUED = patterns.compile(
    r"(?<=[\p{L}\d)\]%])(?P<stop>[.!?]+|\u2026)(?P<close>[\"\u201d\u2019)]*)"
    r"(?=[\"\u201c\u2018(]?\p{Lu}\p{Ll})"
)
_DOTTED = patterns.compile(r"(?:\p{L}{1,4}\.)+\p{L}{0,4}")
#: A capitalised word after the dot that makes a domain, not a sentence.
_DOMAIN_PARTS = frozenset("com co id net org go info biz io tv news ac or web my sg uk".split())
#: Parts of Indonesian court case numbers (`PN Jkt.Pst`, `Pdt.Sus`).
_CASE_NUMBER_PARTS = frozenset("jkt pdt pid sus".split())
_LAST_WORD = patterns.compile(r"\p{L}+$")
_NEXT_WORD = patterns.compile(r"[\"\u201c\u2018(]?(\p{L}+)")
_EXEMPT_WORDS = _ABBREVIATIONS | _CASE_NUMBER_PARTS
#: Where a ``_GLUED`` match can start: a stop character followed by what the
#: pattern needs next (more stops, a closing or opening quote or bracket, an
#: upper-case letter).  The class is a superset of those (every ``\p{Lu}``
#: is A-Z, U+00C0-U+00DE or above U+00FF, whatever ``regex``'s Unicode
#: version), so a stop it skips cannot start a match.  A literal followed by
#: a one-character lookahead: ``re`` finds it by a fast literal scan, in
#: linear time (no repetition), several times faster than ``_GLUED``'s scan.
#: Written as "one of these below U+0100, or anything above U+00FF" (the
#: curly quotes are above it): the same set as one class up to U+10FFFF,
#: which ``re`` takes ~6 ms to compile at every start.
_GLUE_NEXT = '(?=[.!?"()A-Z\u00c0-\u00de]|[^\x00-\xff])'
#: ASCII characters outside ``_GLUED``'s lookbehind class ``[\p{L}\d)\]%]``:
#: a stop after one of them (a space, another stop) cannot start a match.
_NOT_BEFORE_GLUE = frozenset(c for c in map(chr, range(128)) if not (c.isalnum() or c in ")]%"))
_GLUE_STOPS = tuple((c, re.compile(re.escape(c) + _GLUE_NEXT)) for c in ".!?\u2026")


def _glue_candidates(text: str) -> list[int]:
    """Offsets, in order, of every stop character a ``_GLUED`` match can start at."""
    out: list[int] = []
    kinds = 0
    for c, pattern in _GLUE_STOPS:
        if c in text:
            out.extend(m.start() for m in pattern.finditer(text))
            kinds += 1
    if kinds > 1:
        out.sort()
    return out


#: Single characters of ``regex`` classes, asked of the pattern once each.
_BEFORE_GLUE = patterns.compile(r"[\p{L}\d)\]%]")
_UPPER = patterns.compile(r"\p{Lu}")
_LOWER = patterns.compile(r"\p{Ll}")
_LETTER = patterns.compile(r"\p{L}")
_CLASS_OF: dict[tuple[patterns.TimedPattern, str], bool] = {}


def _is(pattern: patterns.TimedPattern, c: str) -> bool:
    """``pattern.match(c)`` for one character (a non-ASCII one: callers
    answer ASCII themselves), cached; bounded whatever the script."""
    hit = _CLASS_OF.get((pattern, c))
    if hit is None:
        if len(_CLASS_OF) > 65_536:
            _CLASS_OF.clear()
        hit = _CLASS_OF[pattern, c] = pattern.match(c) is not None
    return hit


def _glued(text: str) -> Iterator[tuple[int, int, int]]:
    """``_GLUED.finditer(text)`` as (start, end, start of ``close``): the
    same matches, tried only at the candidate offsets (a search resumes at
    a match's end, so do we), each in plain Python (a timed match per
    candidate cost ~3 µs).

    At a stop: ``[.!?]+`` takes the whole run (or ``…`` alone), ``close``
    the whole run of closing marks, then the lookahead.  Giving anything
    back cannot help: the lookahead would then start at a stop or a closing
    mark, none of which is upper case, and a ``"`` handed back as the
    optional opening quote needs an upper-case letter where the greedy try
    already needed one.  On ASCII ``\\p{Lu}``/``\\p{Ll}``/``\\p{L}`` are
    ``isupper``/``islower``/``isalpha``; any other character is asked of the
    class once.  tests/test_r5_numtxt.py compares with the pattern."""
    end = 0
    n = len(text)
    for p in _glue_candidates(text):
        if p < end or not p:
            continue
        b = text[p - 1]
        if b.isascii():
            if b in _NOT_BEFORE_GLUE:
                continue
        elif not _is(_BEFORE_GLUE, b):
            continue
        q = p + 1
        if text[p] != "\u2026":
            while q < n and text[q] in ".!?":
                q += 1
        r = q
        while r < n and text[r] in _CLOSE_GLUE:
            r += 1
        j = r + 1 if r < n and text[r] in _OPEN_GLUE else r
        if j + 1 >= n:
            continue
        u, low = text[j], text[j + 1]
        if (u.isupper() if u.isascii() else _is(_UPPER, u)) and (
            low.islower() if low.isascii() else _is(_LOWER, low)
        ):
            end = r
            yield p, r, q


_CLOSE_GLUE = frozenset('"\u201d\u2019)')
_OPEN_GLUE = frozenset('"\u201c\u2018(')


def _next_word(text: str, at: int) -> str:
    """``_NEXT_WORD.match(text, at).group(1)``, or "" without a match: an
    optional opening quote, then a run of letters (a quote is no letter, so
    without the quote there is no match either)."""
    n = len(text)
    j = at + 1 if at < n and text[at] in _OPEN_GLUE else at
    k = j
    while k < n:
        c = text[k]
        if not (c.isalpha() if c.isascii() else _is(_LETTER, c)):
            break
        k += 1
    return text[j:k]


def _glue_exempt(text: str, stop: int, after: int) -> bool:
    i = stop
    while i > 0 and not text[i - 1].isspace():
        i -= 1
    token = text[i:stop]
    if "://" in token or "www." in token.casefold() or "@" in token:
        return True
    word = token.lstrip("(\"'\u201c\u2018[")
    if len(word) == 1 and word.isalpha():
        return True  # an initial: M.Chatib
    if word.isascii():  # no pattern call: on ASCII, \p{L} is str.isalpha
        j = len(word)
        while j and word[j - 1].isalpha():
            j -= 1
        tail = word[j:]
    else:
        m = _LAST_WORD.search(word)
        tail = m.group() if m else ""
    if tail and tail.casefold() in _EXEMPT_WORDS:
        return True
    if "." in word and _DOTTED.fullmatch(word):
        return True  # Dr.Ir, Jl.Sudirman, S.Sos, Ph.D
    return _next_word(text, after).casefold() in _DOMAIN_PARTS


@rule("TXT008", "missing-space-after-sentence", severity="warning", fix="safe")
def missing_space_after_sentence(doc: Document, rule: Rule) -> Iterator[Diagnostic]:
    """Two sentences glued together without a space after the full stop.

    ## What it does
    Flags `.`, `!`, `?` or `…` (with any closing quote or bracket) followed
    directly by a capitalised word: `(22/1/2019).Pada`, `lingkungan.Jakarta`,
    `katanya."Kami`.  Initials (`M.Chatib`), abbreviations (`Dr.Ir`,
    `Jl.Sudirman`, `Tbk.`), dotted titles (`S.Sos`, `Ph.D`), decimals
    (`3.5`), web addresses and domains (`Kompas.com`, `Tempo.Co`,
    `https://…`) pass.  A straight `"` is taken as closing or opening by
    counting the quotes before it on the line.

    ## Why it matters
    Flattening the HTML dropped the space (or the paragraph break): the two
    sentences read as one word to search, tokenisers and sentence
    splitters.

    ## Example
    ```text
    Perdagangan dibuka Selasa (22/1/2019).Pada sesi pertama IHSG naik.
    ```

    ## Fixed
    ```text
    Perdagangan dibuka Selasa (22/1/2019). Pada sesi pertama IHSG naik.
    ```
    """
    text = doc.text
    for start, end, close in _glued(text):
        if _glue_exempt(text, start, end):
            continue
        at = end
        if end > close and text[end - 1] == '"':
            q = end - 1
            line_start = text.rfind("\n", 0, q) + 1
            if text.count('"', line_start, q) % 2 == 0:
                at = q  # an even count before it: this quote opens the next sentence
        yield rule.diagnostic(
            start,
            at,
            f"Missing space after {text[start:at]!r}: two sentences glued together",
            Fix.replace(at, at, " ", "Insert a space"),
        )
