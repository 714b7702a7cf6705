"""NUM: number separators that are wrong for the article's language.

Indonesian writes `4.044` (thousands) and `7,5` (decimal); English the
reverse.  A number can only be judged after everything that merely looks
like a number is masked (times, versions, IPs, dates), so each rule first
asks :func:`_masked` whether a match lies in such a span.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from newslint.diagnostics import Diagnostic, Fix
from newslint.document import Document
from newslint.registry import Rule, rule

# Things that contain digits and separators but are not quantities.
_MASKS = regex.compile(
    r"""(?x)
      https?://\S+ | www\.\S+ | \S+@\S+\.\w+            # URLs, e-mail
    | \b(?:\d{1,3}\.){3}\d{1,3}\b                        # IPv4
    | (?i:\b(?:versi|version|ver\.|v)\s?)\d+(?:\.\d+)+    # versions
    | (?i:\b(?:pukul|jam|pk\.)\s)\d{1,2}[.:]\d{2}(?:[.:]\d{2})?   # times
    | \b\d{1,2}[.:]\d{2}(?=\s*(?:WIB|WITA|WIT|GMT|UTC)\b)
    """
)


def _masked(doc: Document) -> list[tuple[int, int]]:
    cache = doc.__dict__.get("_num_masks")
    if cache is None:
        cache = [m.span() for m in _MASKS.finditer(doc.text)]
        doc.__dict__["_num_masks"] = cache
    return cache


def _in_mask(doc: Document, start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in _masked(doc))


# id: English thousands with two or more comma groups (1,234,567), or one comma
# group followed by a dot decimal (1,234.5).  en: the mirror image.
_EN_THOUSANDS = regex.compile(
    r"(?<![\d.,])\d{1,3}(?:(?:,\d{3}){2,}(?:\.\d+)?|,\d{3}\.\d+)(?![\d,]|\.\d)"
)
_ID_THOUSANDS = regex.compile(
    r"(?<![\d.,])\d{1,3}(?:(?:\.\d{3}){2,}(?:,\d+)?|\.\d{3},\d+)(?![\d.]|,\d)"
)

_SWAP = str.maketrans({",": ".", ".": ","})


@rule(
    "NUM001",
    "thousands-separator-locale",
    severity="error",
    fix="safe",
)
def thousands_separator(doc: Document, rule: Rule) -> Iterator[Diagnostic]:
    """A number grouped with the other language's thousands separator.

    ## What it does
    In an Indonesian (`id`) article, flags English grouping such as
    `1,234,567` or `1,234.5`; in an English (`en`) article, flags
    Indonesian grouping such as `1.234.567` or `1.234,5`.  Only forms whose
    meaning is certain are flagged: two or more groups, or a group followed
    by a decimal part.  IP addresses, versions and clock times are skipped.

    ## Why it matters
    `1,234` means one thousand two hundred thirty-four to an English reader
    and one point two three four to an Indonesian one.  A number in the
    wrong convention is at best a style slip and at worst a wrong figure.

    ## Example
    ```text
    Jumlah pemilih mencapai 1,234,567 orang.          (id)
    The ministry counted 1.234.567 voters.            (en)
    ```

    ## Fixed
    ```text
    Jumlah pemilih mencapai 1.234.567 orang.
    The ministry counted 1,234,567 voters.
    ```
    The separators are swapped (safe fix: the grouping leaves no doubt).
    """
    pattern = _EN_THOUSANDS if doc.language == "id" else _ID_THOUSANDS
    for m in pattern.finditer(doc.text):
        if _in_mask(doc, *m.span()):
            continue
        fixed = m.group().translate(_SWAP)
        yield rule.diagnostic(
            *m.span(),
            f"Number {m.group()!r} uses {'English' if doc.language == 'id' else 'Indonesian'}"
            f" separators; in this {_LANG[doc.language]} article write {fixed!r}",
            Fix.replace(*m.span(), fixed, f"Write {fixed!r}"),
        )


_LANG = {"id": "Indonesian", "en": "English"}

_ID_DECIMAL_POINT = regex.compile(
    r"(?<![\d.,])(\d+)\.(\d{1,2})(?=\s*(?:%|persen\b|(?i:juta|miliar|triliun)\b))"
)
_EN_DECIMAL_COMMA = regex.compile(
    r"(?<![\d.,])(\d+),(\d{1,2})(?=\s*(?:%|percent\b|per\s+cent\b|(?i:million|billion|trillion)\b))"
)


@rule(
    "NUM002",
    "decimal-separator-locale",
    severity="error",
    fix="safe",
)
def decimal_separator(doc: Document, rule: Rule) -> Iterator[Diagnostic]:
    """A decimal written with the other language's separator.

    ## What it does
    In `id`, flags a decimal point before a percentage or a magnitude word
    (`7.5 persen`, `3.18%`, `Rp1.5 triliun`); in `en`, a decimal comma
    (`7,5 percent`, `1,5 billion`).  Clock times (`pukul 10.30`) and
    three-digit groups (`4.044`, thousands in `id`) are never flagged.

    ## Why it matters
    `7.5 persen` is English punctuation in an Indonesian sentence; worse,
    an Indonesian reader may read the dot as a thousands separator.

    ## Example
    ```text
    Inflasi turun menjadi 3.18 persen.     (id)
    Inflation fell to 3,18 percent.        (en)
    ```

    ## Fixed
    ```text
    Inflasi turun menjadi 3,18 persen.
    Inflation fell to 3.18 percent.
    ```
    """
    pattern = _ID_DECIMAL_POINT if doc.language == "id" else _EN_DECIMAL_COMMA
    sep = "," if doc.language == "id" else "."
    for m in pattern.finditer(doc.text):
        if _in_mask(doc, *m.span()):
            continue
        fixed = f"{m.group(1)}{sep}{m.group(2)}"
        yield rule.diagnostic(
            *m.span(),
            f"Decimal {m.group()!r} uses the wrong separator for this"
            f" {_LANG[doc.language]} article; write {fixed!r}",
            Fix.replace(*m.span(), fixed, f"Write {fixed!r}"),
        )
