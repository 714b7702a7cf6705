"""BP: boilerplate that a CMS or scraper left in the article body.

Only text that is certainly an artifact is deleted by a safe fix; when the
end of an artifact is a guess (a read-also headline running into the next
sentence), the fix is unsafe.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator

import regex

from newslint.diagnostics import Applicability, Diagnostic, Fix
from newslint.document import Document
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
_NOTICE = regex.compile(
    rf"""
    (?<![\p{{L}}\p{{N}}])
    (?:
        {_MARK}\s*(?:{_YEAR}\s*)?(?:{_HOLDER})?(?:[ \t]*{_YEAR})?(?:[.,]?[ \t]*{_RESERVED})?\.?
      | {_RESERVED}\.?
    )
    """,
    regex.VERBOSE | regex.VERSION1,
)


#: Every notice starts with one of these (lower-cased); a paragraph without
#: any cannot hold one, and scanning it with _NOTICE costs 5x the rest.
_NOTICE_LITERALS = ("©", "(c)", "copyright", "cipta", "rights")


def _notice_paragraphs(doc: Document) -> list:
    """The paragraphs that contain a notice literal (a superset of those
    holding a notice): found with str.find, which is far faster than
    letting the regex try every position."""
    text = doc.text
    low = text.lower()
    if len(low) != len(text):  # lower() moved offsets: check everything
        return doc.paragraphs
    hits = []
    for lit in _NOTICE_LITERALS:
        i = low.find(lit)
        while i != -1:
            hits.append(i)
            i = low.find(lit, i + 1)
    if not hits:
        return []
    paras = doc.paragraphs
    starts = [p.start for p in paras]
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


_READ_ALSO = regex.compile(
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

#: A read-also headline longer than this has probably swallowed body text.
_MAX_HEADLINE = 200


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
    for p in doc.paragraphs:
        m = _READ_ALSO.match(text, p.start, p.end)
        if not m:
            continue
        long = p.end - m.end() > _MAX_HEADLINE
        label = regex.sub(r"\s+", " ", m.group().strip("*_ \t")).rstrip(":").strip()
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
