"""BP002 / BP003: read-also headlines on their own line and inline, and the
BP001 mojibake trap.  Texts are generalised from corpus patterns."""

from __future__ import annotations

import pytest

from newslint.api import fix_text, lint_text


def found(text: str, code: str, language: str = "id") -> list[tuple[str, str | None]]:
    return [
        (text[d.start : d.end], d.fix.applicability.value if d.fix else None)
        for d in lint_text(text, language=language, record=True)
        if d.code == code
    ]


@pytest.mark.parametrize(
    ("text", "headline"),
    [
        # flattened ANTARA: the headline ends at a run of two spaces
        (
            "kata dia menambahkan. Baca juga: Bank sebut rasio kredit UMKM capai 30 persen  Selain itu, bank menambah modal.",
            "Baca juga: Bank sebut rasio kredit UMKM capai 30 persen",
        ),
        # glued to the staff footer
        (
            "kata dia. Baca juga: Emiten raih penghargaan dari SKK MigasPewarta: Nama NamaEditor: Nama",
            "Baca juga: Emiten raih penghargaan dari SKK Migas",
        ),
        # at the end of the article
        (
            "kata dia, seperti dikutip laman resmi. Baca juga: Miliarder Wanita Pemilik Maskapai Berbikini",
            "Baca juga: Miliarder Wanita Pemilik Maskapai Berbikini",
        ),
        # an abbreviation inside the headline is not a sentence end
        (
            "kata Ryuta.  Baca juga: Band itu akan bawakan lagu baru di Festival Vol. 2   Berbeda dengan Ryuta, Riki merasa senang.",
            "Baca juga: Band itu akan bawakan lagu baru di Festival Vol. 2",
        ),
    ],
)
def test_inline_headline_with_a_certain_end_has_a_safe_fix(text, headline):
    assert found(text, "BP003") == [(headline, "safe")]
    fixed = fix_text(text, select=["BP"], record=True)
    assert "Baca juga" not in fixed and text.split(" Baca juga")[0] in fixed


def test_title_case_headline_running_into_a_sentence_is_a_guess():
    text = (
        "Angka itu terendah sejak 1990. Baca juga: Data Perdagangan China Pukul Pasar Saham dan "
        "Komoditas Dunia Data ini sejalan dengan banyak proyeksi."
    )
    assert found(text, "BP003") == [
        ("Baca juga: Data Perdagangan China Pukul Pasar Saham dan Komoditas Dunia", "unsafe")
    ]
    assert fix_text(text, select=["BP"], record=True) == text  # safe fixes leave it
    assert fix_text(text, select=["BP"], record=True, unsafe=True) == (
        "Angka itu terendah sejak 1990. Data ini sejalan dengan banyak proyeksi."
    )


def test_next_sentence_opening_with_a_quote():
    text = 'kata dia. Baca juga: Perusahaan Dapat Berkah dari Tol Baru "Dengan tol ini, banyak manfaat," ujarnya.'
    assert found(text, "BP003") == [("Baca juga: Perusahaan Dapat Berkah dari Tol Baru", "unsafe")]


def test_sentence_case_headline_without_an_end_has_no_fix():
    text = "kata dia. Baca juga: Pemerintah siapkan subsidi untuk milenial pada tahun ini karena harga rumah naik terus dan warga muda semakin sulit membeli rumah pertama mereka di kota besar sehingga banyak yang memilih menyewa rumah atau tinggal bersama orang tua mereka lebih lama dari generasi sebelumnya."
    ((span, fix),) = found(text, "BP003")
    assert fix is None and span.startswith("Baca juga: Pemerintah")


@pytest.mark.parametrize(
    "text",
    [
        "Ia juga membaca buku itu: isinya tentang ekonomi.",
        "Warga diminta membaca juga aturan baru itu.",
        "Baca juga: Judul berita lain",  # its own paragraph: BP002, not BP003
        "**Baca juga:** Judul berita lain",
    ],
)
def test_inline_must_pass(text):
    assert found(text, "BP003") == []


def test_english_read_more_inline():
    text = "The minister said so on Monday. Read more: Floods cut off three villages  The rain continues."
    assert found(text, "BP003", "en") == [("Read more: Floods cut off three villages", "safe")]


def test_read_also_paragraph_stops_at_a_certain_end():
    # flattened text: the paragraph holds the headline, two spaces, then body
    text = "Kalimat pertama.   Baca juga: Judul berita lain  Kalimat tubuh yang harus tetap ada.   Akhir."
    assert found(text, "BP002") == [("Baca juga: Judul berita lain", "safe")]
    fixed = fix_text(text, select=["BP"], record=True)
    assert "Kalimat tubuh yang harus tetap ada." in fixed and "Baca juga" not in fixed


def test_double_space_inside_a_headline_line_is_not_its_end():
    text = "Isi berita.\nBACA  JUGA: Harga  cabai turun lagi\nIsi lain.\n"
    assert found(text, "BP002") == [("BACA  JUGA: Harga  cabai turun lagi", "safe")]


def test_copyright_mark_inside_mojibake_is_not_a_notice():
    text = "Kebijakan Reform and Opening Up (\u00e6\u0094\u00b9\u00e9\u009d\u00a9\u00e5\u00bc\u0080) berhasil."
    assert found(text, "BP001") == []
    assert found("Isi berita.\nCOPYRIGHT © ANTARA 2023", "BP001") == [
        ("COPYRIGHT © ANTARA 2023", "safe")
    ]
