"""Must-flag and must-pass cases for the foundation's rules."""

import pytest

from newslint.api import fix_text, lint_text

LONG_A = "Paragraf pertama ini cukup panjang untuk dihitung sebagai prosa berita."
LONG_B = "Paragraf kedua ini juga cukup panjang untuk dihitung sebagai prosa."
LONG_C = "Paragraf ketiga menutup artikel dengan kalimat yang cukup panjang."


def codes(text, **kw):
    return [d.code for d in lint_text(text, **kw)]


# -- DUP001 / DUP002 ------------------------------------------------------------


def test_duplicate_paragraph_flags_and_keeps_first():
    text = f"{LONG_A}\n{LONG_B}\n{LONG_A.upper()}\n"
    diags = lint_text(text, select=["DUP"])
    assert [d.code for d in diags] == ["DUP001"]
    assert "line 1" in diags[0].message
    assert fix_text(text, select=["DUP"]) == f"{LONG_A}\n{LONG_B}\n"


def test_short_repeated_lines_are_not_duplicates():
    text = '"Ya," katanya.\nLalu dia pergi.\n"Ya," katanya.\n'
    assert codes(text, select=["DUP"]) == []


def test_repeated_block_is_one_finding():
    text = f"Lede.\n{LONG_A}\n{LONG_B}\n{LONG_C}\n{LONG_A}\n{LONG_B}\n{LONG_C}\n"
    diags = lint_text(text, select=["DUP"])
    assert [d.code for d in diags] == ["DUP002"]
    assert "lines 2–4" in diags[0].message
    assert fix_text(text, select=["DUP"]) == f"Lede.\n{LONG_A}\n{LONG_B}\n{LONG_C}\n"


def test_repeated_block_in_flat_layout():
    text = f"Lede.   {LONG_A}   {LONG_B}   {LONG_A}   {LONG_B}"
    assert fix_text(text, select=["DUP"], record=True) == f"Lede.   {LONG_A}   {LONG_B}"


def test_findings_inside_a_repeated_block_are_folded():
    text = f"{LONG_A}\nBaca juga: Judul lain di sini\n{LONG_B}\n{LONG_A}\nBaca juga: Judul lain di sini\n{LONG_B}\n"
    diags = lint_text(text, select=["DUP", "BP"])
    assert [(d.code, text[: d.start].count("\n") + 1) for d in diags] == [
        ("BP002", 2),
        ("DUP002", 4),
    ]


# -- BP001 copyright ------------------------------------------------------------


@pytest.mark.parametrize(
    "notice",
    [
        "COPYRIGHT © ANTARA News Banten 2024",
        "Copyright © 2024 Kompas.com",
        "© 2024 detikcom",
        "Hak cipta dilindungi undang-undang.",
        "All rights reserved.",
        "Copyright © 2019 Bisnis Indonesia. All rights reserved.",
        "(c) 2023 Tempo Media",
    ],
)
def test_copyright_notice_flags(notice):
    text = f"{LONG_A}\n{notice}\n{LONG_B}\n"
    assert codes(text, select=["BP001"]) == ["BP001"]
    assert fix_text(text, select=["BP001"]) == f"{LONG_A}\n{LONG_B}\n"


def test_copyright_glued_to_footer_is_cut_at_the_mark():
    text = "Isi berita.   Pewarta: A Editor: B    COPYRIGHT © ANTARA 2023 "
    assert fix_text(text, select=["BP001"], record=True) == "Isi berita.   Pewarta: A Editor: B"


@pytest.mark.parametrize(
    "prose",
    [
        "Pelanggaran copyright lagu itu dilaporkan ke polisi.",
        "Dia membahas hak cipta dalam rapat itu.",
        "Undang-undang hak cipta direvisi tahun ini.",
        "Buku (c) dan (d) dibahas dalam rapat.",
    ],
)
def test_copyright_in_prose_passes(prose):
    assert codes(prose + "\n", select=["BP001"]) == []


# -- BP002 read-also ------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Baca juga: Briket arang produksi IKM binaan Pemprov Banten ekspor perdana",
        "Baca Juga: Harga cabai naik",
        "BACA JUGA: Harga cabai naik",
        "Simak juga: Harga cabai naik",
        "Lihat juga: Harga cabai naik",
        "Read also: Prices rise",
        "Read more: Prices rise",
    ],
)
def test_read_also_flags(line):
    text = f"{LONG_A}\n{line}\n{LONG_B}\n"
    assert codes(text, select=["BP002"]) == ["BP002"]
    assert fix_text(text, select=["BP002"]) == f"{LONG_A}\n{LONG_B}\n"


@pytest.mark.parametrize(
    "line",
    [
        "Ia juga membaca buku itu.",
        "Baca juga bukunya, kata dia.",
        "Dia berkata, baca juga: buku itu penting.",
        "Lihat juga perkembangan harga minggu depan.",
    ],
)
def test_read_also_passes(line):
    assert codes(line + "\n", select=["BP002"]) == []


def test_overlong_read_also_is_reported_with_unsafe_fix():
    text = "Baca juga: " + "kata " * 60 + "\n"
    (d,) = lint_text(text, select=["BP002"])
    assert d.fix.applicability.value == "unsafe"
    assert fix_text(text, select=["BP002"]) == text


# -- NUM basic ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Jumlah pemilih 1,234,567 orang.", "Jumlah pemilih 1.234.567 orang."),
        ("Inflasi 7.5 persen tahun ini.", "Inflasi 7,5 persen tahun ini."),
        ("Harga naik 3.18% pekan ini.", "Harga naik 3,18% pekan ini."),
    ],
)
def test_number_separators_id_flag(text, expected):
    assert fix_text(text, language="id", select=["NUM"], record=True) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Sebanyak 4.044 pasang sepatu diekspor.",
        "Sebanyak 7,5 ton daun talas diekspor.",
        "Acara dimulai pukul 10.30 WIB.",
        "Pada tahun 2024 ekspor naik.",
        "Hubungi 0812-3456-7890 untuk informasi.",
        "Server di 192.168.1.10 mati.",
        "Versi 2.1.0 dirilis.",
        "IHSG ditutup di 7.245,12 poin.",
        "Bunga 3,125 persen.",
    ],
)
def test_number_separators_id_pass(text):
    assert codes(text, language="id", select=["NUM"]) == []


@pytest.mark.parametrize(
    "text,expected",
    [
        ("The ministry counted 1.234.567 voters.", "The ministry counted 1,234,567 voters."),
        ("Inflation fell to 3,18 percent.", "Inflation fell to 3.18 percent."),
    ],
)
def test_number_separators_en_flag(text, expected):
    assert fix_text(text, language="en", select=["NUM"], record=True) == expected


@pytest.mark.parametrize(
    "text",
    ["It cost 1,234,567 dollars.", "Growth was 7.5 percent.", "Version 1.2.3 shipped."],
)
def test_number_separators_en_pass(text):
    assert codes(text, language="en", select=["NUM"]) == []


# -- TXT ------------------------------------------------------------------------


def test_trailing_whitespace_and_final_newline():
    assert fix_text("satu  \ndua\t\ntiga", select=["TXT"]) == "satu\ndua\ntiga\n"
    assert fix_text("satu\n\n\n", select=["TXT"]) == "satu\n"
    assert fix_text("satu\r\ndua", select=["TXT"]) == "satu\r\ndua\r\n"
    assert codes("satu\n", select=["TXT"]) == []
    assert codes("", select=["TXT"]) == []


def test_records_have_no_final_newline_rule():
    assert codes("satu", select=["TXT002"], record=True) == []


def test_api_path_selects_markdown_mode():
    text = "---\ntitle: Baca juga: x\n---\n\nIsi berita.\n\n```\nBaca juga: kode\n```\n"
    assert codes(text, path="post.md") == []
    assert fix_text(text, path="post.md") == text
