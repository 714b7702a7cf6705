"""Suppression comments in text and Markdown articles, and NL001."""

from __future__ import annotations

from newslint.document import Document
from newslint.engine import Linter
from newslint.registry import load_registry

REG = load_registry()
DEFAULT = REG.select()

ORPHAN = "Baca juga: Harga cabai turun lagi"
BODY = "Pemerintah menyiapkan anggaran baru untuk program itu."


def lint(text: str, path: str = "a.txt", rules=DEFAULT, ignore=()):
    return Linter(rules).lint(Document(text, path, "id"), ignore)


def codes(text: str, **kw) -> list[str]:
    return [d.code for d in lint(text, **kw)]


def test_without_comment_the_orphan_is_reported():
    assert codes(f"{BODY}\n{ORPHAN}\n") == ["BP002"]


def test_disable_enable_range_by_code_and_prefix():
    for sel in ("BP002", "BP", "bp002", ""):
        text = (
            f"{BODY}\n<!-- newslint: disable {sel} -->\n{ORPHAN}\n"
            f"<!-- newslint: enable {sel} -->\n{ORPHAN} dua\n"
        )
        found = lint(text)
        assert [d.code for d in found] == ["BP002"], sel
        assert text[found[0].start :].startswith(f"{ORPHAN} dua")


def test_disable_without_enable_runs_to_end_of_file():
    text = f"{BODY}\n<!-- newslint: disable BP002 -->\n{ORPHAN}\nAnggaran dibahas.\n{ORPHAN} dua\n"
    assert codes(text) == []


def test_directive_keyword_is_case_insensitive():
    """``NEWSLINT:`` works as ``newslint:`` does (the directive pattern is
    case-insensitive; a case-sensitive pre-check used to skip it)."""
    for word in ("NEWSLINT", "NewsLint"):
        text = f"{BODY}\n<!-- {word}: disable BP002 -->\n{ORPHAN}\n"
        assert codes(text) == [], word
        assert codes(text, path="a.md") == [], word


def test_disable_other_code_does_not_hide_and_is_unused():
    text = f"{BODY}\n<!-- newslint: disable-next-line NUM -->\n{ORPHAN}\n"
    found = lint(text)
    assert [d.code for d in found] == ["NL001", "BP002"]
    assert "NUM suppresses nothing" in found[0].message


def test_disable_next_line_skips_blank_lines_and_covers_one_line_only():
    text = f"{BODY}\n\n<!-- newslint: disable-next-line BP002 -->\n\n{ORPHAN}\n\n{ORPHAN} dua\n"
    found = lint(text)
    assert [d.code for d in found] == ["BP002"]
    assert text[found[0].start :].startswith(f"{ORPHAN} dua")


def test_disable_line_and_file_forms():
    text = f"{BODY} Jumlahnya 1,234,567 orang. <!-- newslint: disable-line NUM001 -->\n"
    assert codes(text) == []
    text = f"<!-- newslint: disable-file BP002, NUM -->\n{BODY}\n{ORPHAN}\n{ORPHAN} dua\n"
    assert codes(text) == ["NL001"]  # BP002 used; NUM suppresses nothing (partial: no fix)
    found = lint(text)
    assert found[0].fix is None and "NUM suppresses nothing" in found[0].message


def test_unused_suppression_has_a_safe_fix_that_removes_the_comment():
    text = f"{BODY}\n<!-- newslint: disable-next-line BP001 -->\n{BODY} Kedua.\n"
    linter = Linter(DEFAULT)
    fixed = linter.fix(Document(text, "a.txt", "id"))
    assert fixed.text == f"{BODY}\n{BODY} Kedua.\n"
    assert [d.code for d in fixed.applied] == ["NL001"]


def test_unmatched_enable_and_unknown_code_are_reported():
    found = lint(f"{BODY}\n<!-- newslint: enable BP002 -->\n")
    assert [d.code for d in found] == ["NL001"] and "no matching" in found[0].message
    found = lint(f"<!-- newslint: disable-next-line BP0002 -->\n{ORPHAN}\n")
    assert sorted(d.code for d in found) == ["BP002", "NL001"]
    assert "unknown rule code BP0002" in next(d for d in found if d.code == "NL001").message


def test_rules_not_run_do_not_make_a_suppression_unused():
    text = f"<!-- newslint: disable-next-line NUM001 -->\n{BODY}\n"
    only_bp = REG.select(select=["BP", "NL"])
    assert codes(text, rules=only_bp) == []
    assert codes(text, ignore=["NUM001"]) == []
    assert codes(text) == ["NL001"]


def test_nl001_can_be_ignored():
    text = f"<!-- newslint: disable-next-line BP001 -->\n{BODY}\n"
    assert codes(text, ignore=["NL001"]) == []


def test_comment_lines_are_never_linted_as_paragraphs():
    c = "<!-- newslint: disable-next-line BP001 -->"
    text = f"{c}\n{BODY}\n{c}\n{BODY} Lagi.\n"
    assert "DUP001" not in codes(text)  # two identical comment lines are not a duplicate


def test_text_without_directives_is_untouched():
    doc = Document(f"{BODY}\n{ORPHAN}\n", "a.txt", "id")
    assert doc.masked == []
    assert [doc.span_text(p) for p in doc.paragraphs] == [BODY, ORPHAN]


def test_directives_quoted_in_markdown_code_are_examples():
    text = (
        f"{BODY}\n\n```markdown\n<!-- newslint: disable-file BP -->\n```\n\n"
        "Tulis `<!-- newslint: disable-next-line NUM -->` di atas baris itu.\n\n"
        f"{ORPHAN}\n"
    )
    assert codes(text, path="post.md") == ["BP002"]
