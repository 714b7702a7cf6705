"""MD: Markdown structure that is not an artifact in a site but is one in a corpus."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from newslint.diagnostics import Applicability, Diagnostic, Fix
from newslint.document import Document
from newslint.markdown import is_markdown, markup
from newslint.registry import Rule, rule


@rule("MD001", "read-also-link", severity="info", fix="unsafe", default=False)
def read_also_link(doc: Document, rule: Rule) -> Iterator[Diagnostic]:
    """A Markdown "Baca juga:" line that still carries its link.

    ## What it does
    In Markdown articles only, flags a paragraph that is a read-also label
    followed by a working Markdown link, such as
    `**Baca juga:** [Judul berita lain](https://example.com/berita)`.
    BP002 (orphan read-also line) never fires on this form in Markdown.

    ## Why it matters
    On a website the line is a real link and may stay; in a text corpus
    exported from the site it is another article's headline inside this
    one.  The rule is off by default: a corpus export turns it on with
    `--extend-select MD001`, a site leaves it off.

    ## Example
    ```text
    Pemerintah menyiapkan anggaran baru.

    **Baca juga:** [Harga beras naik lagi](https://example.com/beras)

    Anggaran itu akan dibahas pekan depan.
    ```

    ## Fixed
    ```text
    Pemerintah menyiapkan anggaran baru.

    Anggaran itu akan dibahas pekan depan.
    ```
    The line is deleted only with `--unsafe-fixes`: a site may want it.
    """
    if not is_markdown(doc):
        return
    text = doc.text
    for sp in markup(doc).link_lines:
        label = regex.match(r"[*_\[]*([^*_:\]]+)", text[sp.start : sp.end])
        name = label.group(1).strip() if label else "Baca juga"
        yield rule.diagnostic(
            sp.start,
            sp.end,
            f'"{name}:" line with a link to another article',
            Fix.delete(
                doc.deletion(sp.start, sp.end),
                "Delete the read-also link line",
                Applicability.UNSAFE,
            ),
        )
