"""Markdown articles: non-prose is not linted, positions stay in the file,
fixes never touch front matter, read-also links are MD001, not BP002."""

from __future__ import annotations

from newslint.document import Document
from newslint.engine import Linter
from newslint.markdown import markup
from newslint.registry import load_registry

REG = load_registry()
RULES = REG.select(extend_select=["MD001"])
BODY = "Pemerintah menyiapkan anggaran baru untuk program itu."
LINK = "**Baca juga:** [Harga beras naik lagi](https://example.com/beras-1,234,567)"


def lint(text: str, path: str = "post.md"):
    return Linter(RULES).lint(Document(text, path, "id"), ())


def found(text: str, path: str = "post.md") -> list[tuple[str, int]]:
    doc = Document(text, path, "id")
    return [(d.code, doc.position(d.start)[0]) for d in Linter(RULES).lint(doc)]


def test_yaml_and_toml_front_matter_are_not_prose_and_lines_stay_true():
    for fm in (
        "---\ntitle: Jumlah 1,234,567 orang\nsummary: 'Baca juga: x'   \n---\n",
        "+++\ntitle = 'Jumlah 1,234,567 orang'\n+++\n",
    ):
        text = f"{fm}\n{BODY}\nJumlahnya 1,234,567 orang.\n"
        line = fm.count("\n") + 3
        assert found(text) == [("NUM001", line)], fm


def test_front_matter_only_at_the_start():
    text = f"{BODY}\n\n---\n\nJumlahnya 1,234,567 orang.\n"
    assert ("NUM001", 5) in found(text)


def test_code_blocks_inline_code_urls_and_comments_are_skipped():
    text = (
        f"{BODY}\n\n"
        "```text\nBaca juga: kode\nCOPYRIGHT © ANTARA 2024\n```\n\n"
        "~~~\n1,234,567\n~~~\n\n"
        "    Baca juga: indented code\n\n"
        "Lihat `1,234,567` dan https://x.example/a/1,234,567 atau "
        '[tautan](https://x.example/1,234,567 "judul").\n\n'
        "<!--\nBaca juga: komentar\n-->\n\n"
        '{{< figure src="a.jpg" caption="© 2024 detikcom" >}}\n\n'
        "Anggaran itu dibahas pekan depan.\n"
    )
    assert found(text) == []


def test_indented_code_is_masked_but_indented_prose_is_not():
    code = f"{BODY}\n\n    total = hitung(1,234,567);  # Baca juga: x\n    print(total)\n"
    assert found(code) == []
    prose = (
        f"{BODY}\n\n     Jakarta (ANTARA) - Jumlah pemilih mencapai 1,234,567 orang pada "
        "pemilu tahun ini, kata ketua komisi pemilihan umum di kantornya.\n"
    )
    assert [c for c, _ in found(prose)] == ["NUM001"]


def test_unclosed_fence_runs_to_the_end():
    text = f"{BODY}\n\n```\nBaca juga: kode\n"
    assert found(text) == []


def test_list_continuation_is_not_an_indented_code_block():
    text = f"{BODY}\n\n- Butir pertama\n\n    Baca juga: Harga cabai turun\n"
    assert [c for c, _ in found(text)] == ["BP002"]


def test_prose_outside_markup_is_still_linted():
    text = (
        "---\ntitle: x\n---\n\n"
        f"{BODY}\n\n"
        "Baca juga: Harga cabai turun lagi\n\n"
        "Jumlahnya 1,234,567 orang, lihat `kode`.\n\n"
        "COPYRIGHT © ANTARA News Banten 2024\n"
    )
    assert found(text) == [("BP002", 7), ("NUM001", 9), ("BP001", 11)]


def test_read_also_link_is_md001_not_bp002_in_markdown():
    text = f"{BODY}\n\n{LINK}\n\nAnggaran itu dibahas pekan depan.\n"
    assert found(text) == [("MD001", 3)]
    assert [d.code for d in Linter(REG.select()).lint(Document(text, "post.md", "id"))] == []


def test_read_also_link_forms():
    for line in (
        "Baca juga: [Harga beras naik](https://example.com/a)",
        "**Baca Juga**: [Harga beras naik](https://example.com/a)",
        "_Simak juga:_ [A](https://example.com/a), [B](https://example.com/b)",
        "[Baca juga: Harga beras naik](https://example.com/a)",
        "**[Baca juga: Harga beras naik](https://example.com/a)**",
    ):
        assert found(f"{BODY}\n\n{line}\n") == [("MD001", 3)], line


def test_read_also_with_link_and_more_prose_is_not_md001():
    text = f"{BODY}\n\nBaca juga: [laporan](https://example.com/a) yang dirilis kemarin oleh BPS.\n"
    assert [c for c, _ in found(text)] == ["BP002"]


def test_same_line_in_a_text_file_is_an_orphan_for_bp002():
    text = f"{BODY}\n{LINK}\n"
    assert [c for c, _ in found(text, path="export.txt")] == ["BP002"]


def test_md001_fix_is_unsafe_and_keeps_front_matter():
    fm = "---\ntitle: x   \n---\n"
    text = f"{fm}\n{BODY}\n\n{LINK}\n\nAnggaran itu dibahas.\n"
    doc = Document(text, "post.md", "id")
    safe = Linter(RULES).fix(doc)
    assert safe.text == text
    unsafe = Linter(RULES).fix(doc, unsafe=True)
    assert unsafe.text == f"{fm}\n{BODY}\n\nAnggaran itu dibahas.\n"
    assert Linter(RULES).fix(unsafe.document, unsafe=True).text == unsafe.text


def test_fixes_never_touch_front_matter():
    fm = "---\ntitle: Harga   \ncopyright: © 2024 detikcom\n---\n"
    text = f"{fm}Baca juga: Harga cabai turun lagi\n{BODY}\n"
    fixed = Linter(RULES).fix(Document(text, "post.md", "id"))
    assert fixed.text.startswith(fm)
    assert fixed.text == f"{fm}{BODY}\n"


def test_masks_are_offsets_into_the_original_file():
    text = f"---\na: 1\n---\n\n{BODY} `kode` https://x.example/a\n"
    doc = Document(text, "post.md", "id")
    mk = markup(doc)
    assert text[mk.front_matter.start : mk.front_matter.end] == "---\na: 1\n---"
    inl = [text[s:e] for s, e in mk.inline]
    assert inl == ["`kode`", "https://x.example/a"]
    assert [doc.span_text(p) for p in doc.paragraphs] == [f"{BODY} `kode` https://x.example/a"]


def test_plain_text_is_not_treated_as_markdown():
    text = f"---\ntitle: x\n---\n{BODY}\nJumlahnya 1,234,567 orang.\n"
    assert Document(text, "a.txt", "id").masked == []
    assert Document(text, None, "id").masked == []


FM = "---\ntitle: Artikel\ndate: 2024-01-01\ntags: [berita]\n---\n\n"


def _same_findings_in_markdown(rows) -> list[str]:
    """Ids of articles whose findings change when the article is saved as a
    Markdown file with front matter (they must not: positions shift by the
    front matter and nothing else)."""
    linter = Linter(REG.select(ignore=["TXT002"]))
    bad = []
    for r in rows:
        a = [
            (d.code, d.start + len(FM), d.end + len(FM))
            for d in linter.lint(Document(r["text"], "a.txt"))
        ]
        b = [(d.code, d.start, d.end) for d in linter.lint(Document(FM + r["text"], "a.md"))]
        if a != b:
            bad.append(r["id"])
    return bad


def test_sample_articles_lint_the_same_as_markdown(sample_articles):
    assert _same_findings_in_markdown(sample_articles) == []


def test_corpus_articles_lint_the_same_as_markdown(corpus_articles):
    # Scraped articles often start with indentation that CommonMark would
    # render as code; it must stay prose.
    assert _same_findings_in_markdown(corpus_articles) == []


def test_fixes_keep_front_matter_and_code_and_are_idempotent():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    pieces = st.sampled_from(
        [
            BODY,
            "Baca juga: Harga cabai turun lagi",
            LINK,
            "COPYRIGHT © ANTARA News Banten 2024",
            "Jumlahnya 1,234,567 orang.   ",
            "Lihat `1,234,567` dan https://x.example/1,234,567 ya.",
            "```\nBaca juga: kode\n© 2024 detikcom\n```",
            "<!-- newslint: disable-next-line BP002 -->",
            "<!-- catatan redaksi: Baca juga -->",
            "",
        ]
    )
    fm = "---\ntitle: 'Baca juga: 1,234,567'   \ncopyright: © 2024 detikcom\n---\n"
    linter = Linter(RULES)

    @settings(max_examples=60, deadline=None)
    @given(st.lists(pieces, max_size=12), st.sampled_from(["\n", "\n\n"]))
    def check(parts, sep):
        text = fm + sep.join(parts) + "\n"
        fixed = linter.fix(Document(text, "post.md", "id"), unsafe=True)
        assert fixed.converged
        assert fixed.text.startswith(fm)
        for block in ("```\nBaca juga: kode\n© 2024 detikcom\n```",):
            assert fixed.text.count(block) == text.count(block)
        again = linter.fix(fixed.document, unsafe=True)
        assert again.text == fixed.text

    check()
