"""BP: boilerplate that a CMS or scraper left in the article body.

Only text that is certainly an artifact is deleted by a safe fix; when the
end of an artifact is a guess (a read-also headline running into the next
sentence), the fix is unsafe.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator

import regex

from newslint import patterns
from newslint.diagnostics import Applicability, Diagnostic, Edit, Fix
from newslint.document import Document, Span
from newslint.packs import literal_offsets, paragraph_starts
from newslint.registry import Rule, rule

# A copyright notice: a mark, then an optional year, a holder of up to six
# capitalised words (the first may be lower case: "detikcom"), an optional
# year and an optional "All rights reserved".
_MARK = r"""(?:
    (?i:copyright|hak\s+cipta)\s*(?:©|\((?i:c)\))
  | (?i:copyright)\s+(?=(?:19|20)\d\d\b)
  | ©
  | \((?i:c)\)\s*(?=(?:19|20)\d\d\b)
)"""
_YEAR = r"(?:(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?)"
_HOLDER = r"(?:[\p{L}\p{N}][\p{L}\p{N}&'.\-]*(?:[ \t]+(?!(?i:all\s+rights))[\p{Lu}\p{N}][\p{L}\p{N}&'.\-]*){0,5})"
_RESERVED = r"(?:(?i:all\s+rights\s+reserved)|(?i:hak\s+cipta\s+dilindungi(?:\s+oleh)?\s+undang[\s-]+undang))"
_NOTICE_PATTERN = rf"""
    (?<![\p{{L}}\p{{N}}\x80-\x9f])   # a C1 control before "©" means mojibake, not a notice
    (?:
        {_MARK}\s*(?:{_YEAR}\s*)?(?:{_HOLDER})?(?:[ \t]*{_YEAR})?(?:[.,]?[ \t]*{_RESERVED})?\.?
      | {_RESERVED}\.?
    )
    """


#: The notice pattern (compiled on first use, like every check pattern: it
#: is the slowest of the built-ins to compile, and most texts never need it).
_NOTICE = patterns.compile(_NOTICE_PATTERN, regex.VERBOSE | regex.VERSION1)


#: Every notice starts with one of these (lower-cased); a paragraph without
#: any cannot hold one, and scanning it with the notice pattern costs 5x the rest.
_NOTICE_LITERALS = ("©", "(c)", "copyright", "cipta", "rights")


def _notice_paragraphs(doc: Document) -> list:
    """The paragraphs that contain a notice literal (a superset of those
    holding a notice): found with str.find, which is far faster than
    letting the regex try every position."""
    text = doc.text
    found = literal_offsets(doc, _NOTICE_LITERALS)
    if not any(found[lit] for lit in _NOTICE_LITERALS) and (text.isascii() or "\u0130" not in text):
        # None in the case-folded text, so none in ``text.lower()`` either:
        # every character whose lower case holds a letter of the notice words
        # (or ``©()``) folds to that same lower case, and only ``İ`` changes
        # length when lowered (tests/test_pack_fastpath.py checks both over
        # all of Unicode).  Skips lowering most non-ASCII texts.
        return []
    hits = []
    if text.isascii():  # lower() is casefold(): the very text the shared scan searched
        for lit in _NOTICE_LITERALS:
            hits.extend(found[lit])
    elif len(doc.casefolded) == len(text) and "\u0130" not in text:
        # Both lower() and casefold() map each character to one (only ``İ``
        # lowers to two), and a notice word in ``text.lower()`` is in the
        # case-folded text at the same offset (tests/test_pack_fastpath.py):
        # ``text.lower()``'s hits are the scan's hits whose characters lower
        # to the word, found without lowering the whole text.
        for lit in _NOTICE_LITERALS:
            n = len(lit)
            hits.extend(i for i in found[lit] if text[i : i + n].lower() == lit)
    else:
        low = text.lower()
        if len(low) != len(text):  # lower() moved offsets: check everything
            return doc.paragraphs
        for lit in _NOTICE_LITERALS:
            i = low.find(lit)
            while i != -1:
                hits.append(i)
                i = low.find(lit, i + 1)
    if not hits:
        return []
    paras = doc.paragraphs
    starts = paragraph_starts(doc)
    return [paras[i] for i in sorted({bisect_right(starts, h) - 1 for h in hits}) if i >= 0]


@rule("BP001", "copyright-notice", severity="warning", fix="safe")
def copyright_notice(doc: Document, rule: Rule) -> Iterator[Diagnostic]:
    """A copyright notice inside the article text.

    ## What it does
    Flags copyright notices wherever they stand, not only at the end:
    `COPYRIGHT © ANTARA News Banten 2024`, `Copyright © 2024 Kompas.com`,
    `© 2024 detikcom`, `Hak cipta dilindungi undang-undang`,
    `All rights reserved`.

    ## Why it matters
    The notice belongs to the web page, not to the article.  Left in the
    text it is read aloud by screen readers, quoted in summaries and
    counted as content in a corpus; in the middle of an article it is a
    sign that two page fragments were glued together.

    ## Example
    ```text
    Ekspor perdana dilakukan ke Senegal.
    COPYRIGHT © ANTARA News Banten 2024
    ```

    ## Fixed
    ```text
    Ekspor perdana dilakukan ke Senegal.
    ```
    The notice and the white space or line it occupied are deleted (safe fix).
    """
    text = doc.text
    for p in _notice_paragraphs(doc):
        for m in _NOTICE.finditer(text, p.start, p.end):
            if m.end() - m.start() < 2:
                continue
            yield rule.diagnostic(
                m.start(),
                m.end(),
                f"Copyright notice in the article text: {m.group().strip()!r}",
                Fix.delete(doc.deletion(m.start(), m.end()), "Delete the copyright notice"),
            )


_READ_ALSO = patterns.compile(
    r"""(?ix)
    (?:\*\*|__)?
    (?:
        (?:baca|simak|lihat)[ \t]+(?:juga|pula)
      | read[ \t]+(?:also|more)
      | see[ \t]+also
      | related
    )
    [ \t]*:
    """
)

#: The characters a ``_READ_ALSO`` match can start with: the emphasis
#: marks, and the letters its words start with under ``regex``'s simple case
#: folding (``ſ`` folds to ``s``); a test checks the set over every code point.
_READ_ALSO_FIRST = frozenset("*_bBsSlLrR\u017f")


def _lead_label(text: str, p: Span) -> regex.Match[str] | None:
    """``_READ_ALSO.match(text, p.start, p.end)``, without the call for the
    paragraphs (most) that cannot start with a label."""
    if text[p.start : p.start + 1] not in _READ_ALSO_FIRST:
        return None
    return _READ_ALSO.match(text, p.start, p.end)


#: Every read-also label (BP002, BP003) ends with one of these words and a
#: colon; matched in the case-folded text (where ``ſ`` and the Kelvin sign
#: are already ``s`` and ``k``), it tells which paragraphs can hold one.
#: ``_read_also_hints`` finds the same spans faster (tested to agree).
_READ_ALSO_HINT = re.compile(r"(?:juga|pula|also|more|related)[ \t]*:")


_READ_ALSO_WORDS = ("juga", "pula", "also", "more", "related")


def _read_also_hints(folded: str) -> list[tuple[int, int]]:
    """The spans ``_READ_ALSO_HINT.finditer(folded)`` gives, found by looking
    behind each colon (a text has few) for white space and one of the words:
    30x faster than letting ``re`` try the alternation at every position."""
    out = []
    i = folded.find(":")
    while i != -1:
        j = i
        while j > 0 and folded[j - 1] in " \t":
            j -= 1
        for w in _READ_ALSO_WORDS:  # none is a suffix of another
            if folded.endswith(w, 0, j):
                out.append((j - len(w), i + 1))
                break
        i = folded.find(":", i + 1)
    return out


def _read_also_paragraphs(doc: Document) -> list[Span]:
    """The paragraphs that can hold a read-also label: those holding a hint
    in the case-folded text, every paragraph when case folding moved offsets
    (``ß`` → ``ss``), none when there is no hint.  Cached for BP002/BP003."""
    cached = doc.__dict__.get("_bp_read_also_paragraphs")
    if cached is None:
        folded = doc.casefolded
        hints = _read_also_hints(folded)
        if len(folded) == len(doc.text):
            doc.__dict__["_bp_read_also_hints"] = hints
        if not hints:
            cached = []
        elif len(folded) != len(doc.text):
            cached = doc.paragraphs
        else:  # each hint's paragraph: the last starting at or before it (a hint is never empty)
            paras = doc.paragraphs
            starts = paragraph_starts(doc)
            keep = set()
            for s, e in hints:
                k = bisect_right(starts, s) - 1
                if k >= 0 and e <= paras[k].end:
                    keep.add(k)
            cached = [paras[k] for k in sorted(keep)]
        doc.__dict__["_bp_read_also_paragraphs"] = cached
    return cached


#: White-space runs, collapsed in labels: compiled once, and without a time
#: limit like the ``regex.sub`` it replaces (one character class repeated:
#: linear, see ``newslint.patterns``).
_WHITE_RUN = patterns.compile(r"\s+", timeout=None)

#: A read-also headline longer than this has probably swallowed body text.
_MAX_HEADLINE = 200

#: Labels already cleaned, by their matched text: a corpus has a handful of
#: label spellings and a thousand findings, so the clean-up (a white-space
#: ``sub``, strips) runs once per spelling.  Bounded: cleared when full.
_LABELS: dict[tuple[str, bool], str] = {}
_MAX_LABELS = 512


def _label(matched: str, lead: bool) -> str:
    """The label as messages show it: white space collapsed, the colon
    dropped, and for a paragraph-leading label (``lead``, BP002) the
    Markdown emphasis around it too.  A pure function of its arguments,
    memoised."""
    key = (matched, lead)
    label = _LABELS.get(key)
    if label is None:
        if lead:
            label = _WHITE_RUN.sub(" ", matched.strip("*_ \t")).rstrip(":").strip()
        else:
            label = _WHITE_RUN.sub(" ", matched).rstrip(":").strip()
        if len(_LABELS) >= _MAX_LABELS:
            _LABELS.clear()
        _LABELS[key] = label
    return label


@rule("BP002", "read-also-line", severity="warning", fix="safe")
def read_also_line(doc: Document, rule: Rule) -> Iterator[Diagnostic]:
    """An orphaned "Baca juga:" (read also) line whose link was lost.

    ## What it does
    Flags a paragraph that starts with `Baca juga:` or its kin (`Baca Juga`,
    `BACA JUGA`, `Simak juga:`, `Lihat juga:`, `Read also:`, `Read more:`,
    `See also:`).  In the CMS it was a link to another article; after
    scraping only the other article's headline is left, in the middle of
    this one.

    ## Why it matters
    The headline reads as a sentence of the article, but belongs to a
    different story: summaries and search snippets pick it up as content.

    ## Example
    ```text
    "Kami selalu mendukung pelaku IKM," katanya.
    Baca juga: Briket arang produksi IKM binaan Pemprov Banten ekspor perdana
    Sejauh ini, upaya pemerintah ...
    ```

    ## Fixed
    ```text
    "Kami selalu mendukung pelaku IKM," katanya.
    Sejauh ini, upaya pemerintah ...
    ```
    The line is deleted (safe fix).  When the paragraph is longer than a
    headline can be, the headline has probably run into body text; the
    finding is still reported but its fix is unsafe.
    """
    text = doc.text
    for p in _read_also_paragraphs(doc):
        m = _lead_label(text, p)
        if not m:
            continue
        long = p.end - m.end() > _MAX_HEADLINE
        label = _label(m.group(), True)
        found = _headline_end(text, m.end(), p.end)
        if found is not None and found[1] and found[0] < p.end:
            # The headline certainly ends before the paragraph does (flattened
            # text: two spaces, or a glued footer); the rest is not ours.
            yield rule.diagnostic(
                p.start,
                found[0],
                f'Orphan "{label}:" line: a link to another article without its link',
                Fix.delete(doc.deletion(p.start, found[0]), f'Delete the "{label}:" line'),
            )
            continue
        yield rule.diagnostic(
            p.start,
            p.end,
            f'Orphan "{label}:" line: a link to another article without its link',
            Fix.delete(
                doc.deletion(p.start, p.end),
                f'Delete the "{label}:" line',
                Applicability.UNSAFE if long else Applicability.SAFE,
            ),
        )


#: A read-also label anywhere in a paragraph.
_READ_ALSO_ANY = patterns.compile(
    r"""(?ix)
    (?<![\p{L}\p{N}])
    (?:(?:baca|simak|lihat)[ \t]+(?:juga|pula)|read[ \t]+(?:also|more)|see[ \t]+also)
    [ \t]*:
    """
)


def _read_also_labels(doc: Document, p: Span) -> list:
    """``_READ_ALSO_ANY.finditer(text, p.start, p.end)``, found from the
    read-also hints instead of trying the pattern at every position of a long
    paragraph.  A label is ``W1[ \\t]+W2[ \\t]*:`` with W2 one of the hint words
    and W1 at most 5 letters (the pattern is not ``FULLCASE``: one character
    per letter), so it ends at a hint's end, holds no other colon (labels are
    disjoint) and starts at most 5 characters before the blanks ahead of the
    hint's word: the pattern, run on that window, gives the same match.
    Without hint offsets (case folding moved them) the paragraph is scanned."""
    text = doc.text
    hints = doc.__dict__.get("_bp_read_also_hints")
    if hints is None:
        return list(_READ_ALSO_ANY.finditer(text, p.start, p.end))
    out = []
    k = bisect_left(hints, (p.start, 0))
    while k < len(hints) and hints[k][1] <= p.end:
        s, e = hints[k]
        q = s
        while q > p.start and text[q - 1] in " \t":
            q -= 1
        for m in _READ_ALSO_ANY.finditer(text, max(p.start, q - 5), e):
            if m.end() == e:
                out.append(m)
                break
        k += 1
    return out


#: Where a headline certainly ends: a run of two or more spaces before a
#: capital (the paragraph separator of flattened text), or a footer label or another
#: read-also label glued to its last word (`…SKK MigasPewarta:`).
_CERTAIN_END = patterns.compile(
    r"[ \t\u00a0]{2,}(?=[\"“‘'(]?[\p{Lu}\p{N}])"
    r"|(?=(?:Pewarta|Penerjemah|Editor|Penulis|Halaman[ \t]+berikut|Baca[ \t]+juga|Simak[ \t]+juga|Lihat[ \t]+juga)[ \t]*:)"
)
#: Where a match of ``_CERTAIN_END`` can start: two of its blanks, or the
#: first word of one of its labels (both alternatives begin with one of
#: these literally, and the pattern looks neither behind nor at anchors, so
#: searching it from the first candidate finds the same leftmost match).
#: ``re`` skips to the candidates in C; no repetition: linear, untimed.
_CERTAIN_START = re.compile(
    "[ \t\u00a0][ \t\u00a0]|Pewarta|Penerjemah|Editor|Penulis|Halaman|Baca|Simak|Lihat"
)
#: A sentence boundary inside a would-be headline.
_SENTENCE_BREAK = patterns.compile(
    r"(?<=\p{Ll}\p{Ll})\.[\"”’)]?[ \t\u00a0]+(?=[\"“‘]?\p{Lu}\p{Ll})|(?<=\p{Ll}\p{Ll})\.$"
)
#: Short words a Title Case headline keeps in lower case.
_SMALL = frozenset(
    "dan di ke dari untuk yang atau soal hingga dengan pada jadi vs bagi oleh per tak "
    "dalam sebagai usai jelang saat agar karena tapi lewat".split()
)
_TOKEN = patterns.compile(r"\S+")


def _headline_end(text: str, start: int, end: int) -> tuple[int, bool] | None:
    """Where the headline starting at ``start`` ends, and whether that is
    certain; None when it cannot be guessed."""
    c = _CERTAIN_START.search(text, start, end)
    m = None if c is None else _CERTAIN_END.search(text, c.start(), end)
    if m is not None and m.start() - start <= _MAX_HEADLINE:
        stop = m.start()
        while stop > start and text[stop - 1] in " \t\u00a0":
            stop -= 1
        # both of _SENTENCE_BREAK's alternatives match a full stop
        if text.find(".", start, stop) == -1 or not _SENTENCE_BREAK.search(text, start, stop):
            return stop, True
    elif m is None and end - start <= _MAX_HEADLINE:
        if text.find(".", start, end) == -1 or not _SENTENCE_BREAK.search(text, start, end):
            return end, True
    return _guess_title_case_end(text, start, min(end, start + _MAX_HEADLINE + 100))


def _guess_title_case_end(text: str, start: int, end: int) -> tuple[int, bool] | None:
    """A Title Case headline (``Pemerintah Mau Bikin Jalan Aspal Karet``)
    followed by a sentence: the sentence starts at the last capitalised
    word before the first ordinary lower-case word."""
    tokens = list(_TOKEN.finditer(text, start, end))
    if len(tokens) < 3:
        return None

    def titled(tok: str) -> bool:
        if tok[:1] in '"“‘':  # an opening quote starts the next sentence
            return False
        core = tok.strip("\"'“”‘’(),:;")
        return not core or core[0].isupper() or core[0].isdigit() or core.lower() in _SMALL

    i = 0
    while i < len(tokens) and titled(tokens[i].group()):
        i += 1
    # tokens[i] is the first ordinary lower-case word; tokens[i-1] starts the sentence
    if i < len(tokens) and tokens[i].group()[:1] in '"“‘':
        j = i  # the next sentence opens with a quotation
    else:
        j = i - 1  # back over small words to the capitalised first word of the sentence
        while j > 0 and tokens[j].group().strip("\"'“”‘’(),:;") in _SMALL:
            j -= 1
    if i >= len(tokens) or j < 2:
        return None
    stop = tokens[j].start()
    while stop > start and text[stop - 1] in " \t":
        stop -= 1
    return stop, False


@rule("BP003", "read-also-inline", severity="warning", fix="unsafe")
def read_also_inline(doc: Document, rule: Rule) -> Iterator[Diagnostic]:
    """A "Baca juga:" (read also) headline running inside a paragraph.

    ## What it does
    Flags `Baca juga: <headline>` (and `Simak juga:`, `Lihat juga:`,
    `Read also:`) that does not start its own paragraph, as in flattened
    text where the headline runs into the next sentence:
    `…kata dia. Baca juga: Pemerintah Siapkan Subsidi  Heliantopo menjelaskan…`.
    Paragraphs that start with the label are BP002's.

    ## Why it matters
    The headline belongs to another story; glued into the paragraph it reads
    as a sentence of this one.

    ## Example
    ```text
    …dan pertanian. Baca juga: Pemerintah Tak Ingin KUR Banyak ke Sektor Dagang  Adapun tahun ini…
    ```

    ## Fixed
    ```text
    …dan pertanian.  Adapun tahun ini…
    ```
    The fix is safe when the headline's end is certain: a run of two or more
    spaces, the end of the paragraph, or a footer label glued to it
    (`…MigasPewarta:`).  When the headline runs into the next sentence with a
    single space, the end is guessed from Title Case and the fix is unsafe;
    when it cannot be guessed the finding has no fix.
    """
    text = doc.text
    for p in _read_also_paragraphs(doc):
        lead = _lead_label(text, p)
        for m in _read_also_labels(doc, p):
            if lead is not None and m.start() < lead.end():  # starts the paragraph: BP002
                continue
            head = m.end()
            while head < p.end and text[head] in " \t\u00a0":
                head += 1
            found = _headline_end(text, head, p.end)
            label = _label(m.group(), False)
            if found is None:
                yield rule.diagnostic(
                    m.start(),
                    min(p.end, head + 80),
                    f'Inline "{label}:" headline in the text; its end cannot be told',
                )
                continue
            stop, certain = found
            a = m.start()
            while a > p.start and text[a - 1] in " \t\u00a0":
                a -= 1
            edit = (
                Edit(a, stop)
                if a > doc.line_starts[doc.line_index(m.start())]
                else doc.deletion(m.start(), stop)
            )
            yield rule.diagnostic(
                m.start(),
                stop,
                f'Inline "{label}:" headline: a link to another article without its link'
                + ("" if certain else " (its end is a guess)"),
                Fix.delete(
                    edit,
                    f'Delete the "{label}:" headline',
                    Applicability.SAFE if certain else Applicability.UNSAFE,
                ),
            )
