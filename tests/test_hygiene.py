"""Must-flag and must-pass cases for the TXT (text hygiene) family."""

from __future__ import annotations

import pytest

from newslint.api import fix_text, lint_text


def codes(text, select, **kw):
    return [d.code for d in lint_text(text, select=select, record=True, **kw)]


def fixed(text, select, **kw):
    return fix_text(text, select=select, record=True, **kw)


# -- TXT003 mojibake --------------------------------------------------------------------


@pytest.mark.parametrize(
    "broken,good",
    [
        ("â€œKami siap,â€\x9d kata AntÃ³nio.", "“Kami siap,” kata António."),
        ("Hak cipta Â© 2024 detikcom", "Hak cipta © 2024 detikcom"),
        ("Bertemu BjÃ¶rn di KiÃ°afell.", "Bertemu Björn di Kiðafell."),
        ("Mobil berdimensi 3.320Ã\x971.490 mm.", "Mobil berdimensi 3.320×1.490 mm."),
        (
            "Dikenal midterm electionsâ\x80\x94pemilu sela.",
            "Dikenal midterm elections—pemilu sela.",
        ),
    ],
)
def test_mojibake_flags_and_ftfy_repairs(broken, good):
    diags = lint_text(broken, select=["TXT003"], record=True)
    assert [d.code for d in diags] == ["TXT003"]
    assert diags[0].fix.applicability.value == "safe"
    assert fixed(broken, ["TXT003"]) == good


def test_mojibake_arabic_is_decoded_back():
    good = "Ayat \u0671\u0644\u0644\u0651\u064e\u0647\u064e dibaca."
    broken = good.encode("utf-8").decode("latin-1")
    assert codes(broken, ["TXT003"]) == ["TXT003"]
    assert fixed(broken, ["TXT003"]) == good


def test_mojibake_words_on_one_line_are_one_finding():
    (d,) = lint_text("Ratu Marie-AmÃ©lie dan EugÃ©nie hadir.\n", select=["TXT003"])
    assert "(and 1 more)" in d.message
    assert fixed("Ratu Marie-AmÃ©lie dan EugÃ©nie hadir.", ["TXT003"]) == (
        "Ratu Marie-Amélie dan Eugénie hadir."
    )


@pytest.mark.parametrize(
    "text",
    [
        "Kafe café di São Paulo, naïve, Zürich, “kutipan” — dan Âu Cơ.",
        "Harga €3.100 atau ±5% pada suhu 30°C.",
        "Sekjen PBB António Guterres datang.",
        "Ayat ٱللَّهَ dibaca dengan tartil.",
    ],
)
def test_mojibake_passes_correct_text(text):
    assert codes(text, ["TXT003"]) == []


# -- TXT004 entities -----------------------------------------------------------------------


def test_html_entities_are_decoded():
    text = "Kata dia:&nbsp;&quot;Harga naik&quot; di Bank A &amp; B &#8211; &#x201C;ya&#x201D;."
    assert codes(text, ["TXT004"]) == ["TXT004"] * 7
    assert fixed(text, ["TXT004"]) == 'Kata dia: "Harga naik" di Bank A & B – “ya”.'


def test_entities_are_markup_in_markdown_files():
    from newslint.document import Document
    from newslint.engine import Linter
    from newslint.registry import load_registry

    linter = Linter([load_registry().get("TXT004")])
    assert linter.lint(Document("A &amp; B &nbsp; C\n", "post.md")) == []
    assert len(linter.lint(Document("A &amp; B &nbsp; C\n", "post.txt"))) == 2


def test_double_escaped_entity_converges():
    assert fixed("A &amp;amp; B", ["TXT004"]) == "A & B"


def test_invisible_entities_disappear():
    assert fixed("ling&shy;kungan dan ling&#8203;kungan", ["TXT004"]) == "lingkungan dan lingkungan"


@pytest.mark.parametrize("text", ["AT&T; naik.", "Tom & Jerry", "R&D;", "a &b c", "&unknownthing;"])
def test_html_entity_passes(text):
    assert codes(text, ["TXT004"]) == []


# -- TXT005 tags -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Harga naik.<br>Menurut BPS, inflasi turun.", "Harga naik. Menurut BPS, inflasi turun."),
        ("Harga naik. <br /> Menurut BPS.", "Harga naik. Menurut BPS."),
        ("Menurut <strong>BPS</strong>, inflasi turun.", "Menurut BPS, inflasi turun."),
        ('Baca <a href="https://x.id/a">berita ini</a> juga.', "Baca berita ini juga."),
        ("<p>Paragraf satu.</p><p>Paragraf dua.</p>", "Paragraf satu. Paragraf dua."),
        ("Isi <!-- iklan --> berita.", "Isi berita."),
    ],
)
def test_html_tags_are_removed(text, expected):
    assert "TXT005" in codes(text, ["TXT005"])
    assert fixed(text, ["TXT005"]) == expected


@pytest.mark.parametrize(
    "text",
    ["Jika a < b dan b > c.", "Inflasi <5 persen.", "Kepada <Nama Penerima>,", "Skor 3<4>2."],
)
def test_html_tag_passes(text):
    assert codes(text, ["TXT005"]) == []


# -- TXT006 invisible characters -----------------------------------------------------------


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Jakarta (ANTARA) - \u200b\u200b\u200b\u200bKomisi", "Jakarta (ANTARA) - Komisi"),
        ("dengan jujur \u200b\u200bbahwa", "dengan jujur bahwa"),
        ("ling\u00adkungan", "lingkungan"),
        ("iPad Air\u200c 10,9 inci", "iPad Air 10,9 inci"),
        ("satu\x0bdua", "satu dua"),
        ("SMA\u2060 Negeri", "SMA Negeri"),
        ("teks\ufeffdi tengah", "teksdi tengah"),
    ],
)
def test_invisible_characters_are_removed(text, expected):
    assert codes(text, ["TXT006"]) == ["TXT006"]
    assert fixed(text, ["TXT006"]) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Keluarga 👨\u200d👩\u200d👧 berlibur.",  # emoji ZWJ sequence
        "می\u200cخواهم",  # Persian needs ZWNJ
        "Tab\tdan baris\r\nbaru.",
        "Ayat Ø¥Ù\x90Ø\xadÙ\x92Ø¯Ù\x8e rusak",  # C1 bytes inside mojibake: TXT003's
        "yastaá¹\xadÄ«'u",  # mojibake ftfy cannot repair: left whole
    ],
)
def test_invisible_character_passes(text):
    assert codes(text, ["TXT006"]) == []


def test_separate_control_characters_are_separate_findings():
    assert codes("nol\x00byte\x07bel", ["TXT006"]) == ["TXT006", "TXT006"]
    assert fixed("nol\x00byte\x07bel", ["TXT006"]) == "nolbytebel"


def test_bom_at_the_very_start_is_the_files():
    assert codes("\ufeffBerita.", ["TXT006"]) == []


# -- TXT007 non-breaking space --------------------------------------------------------------


def test_non_breaking_space_becomes_a_space():
    text = "melihat potensi\u00a0inflow dari\u00a0\u00a0investor."
    assert codes(text, ["TXT007"]) == ["TXT007", "TXT007"]
    assert fixed(text, ["TXT007"]) == "melihat potensi inflow dari  investor."


@pytest.mark.parametrize(
    "text",
    [
        "Berita biasa dengan spasi biasa.",
        "Akhir baris\u00a0",  # trailing: TXT001
        "Barat6.â\x81\u00a0 â\x81\u00a0SMA",  # a byte of mojibake: TXT003
    ],
)
def test_non_breaking_space_passes(text):
    assert codes(text, ["TXT007"]) == []


# -- TXT008 missing space after a sentence ----------------------------------------------------


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Selasa (22/1/2019).Pada sesi pertama", "Selasa (22/1/2019). Pada sesi pertama"),
        ("level 6.464,53.Tujuh sektor", "level 6.464,53. Tujuh sektor"),
        ("naik KRL.Kabupaten Bogor", "naik KRL. Kabupaten Bogor"),
        ("Benarkah?Dia diam saja.", "Benarkah? Dia diam saja."),
        ("selesai.”Tidak hanya itu", "selesai.” Tidak hanya itu"),
        ('"Kami siap." katanya.Dia pergi.', '"Kami siap." katanya. Dia pergi.'),
        ('kata dia."Kami siap," ujarnya.', 'kata dia. "Kami siap," ujarnya.'),
        ('"Kami siap.""Ekspor naik," kata dia.', '"Kami siap." "Ekspor naik," kata dia.'),
        (
            "yang dihadapi saat proses syuting.Aghniny mengatakan",
            "yang dihadapi saat proses syuting. Aghniny mengatakan",
        ),
    ],
)
def test_glued_sentences_get_a_space(text, expected):
    assert codes(text, ["TXT008"]) == ["TXT008"]
    assert fixed(text, ["TXT008"]) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Menurut M.Chatib Basri, ekonomi tumbuh.",
        "Dipimpin Dr.Ir.Budi Santoso, M.Si.",
        "Lulusan S.Sos dan Ph.D ikut.",
        "Kantor di Jl.Sudirman Jakarta.",
        "Dilaporkan KOMPAS.com dan Kompas.com serta TEMPO.CO dan Tempo.Co hari ini.",
        "Inflasi 3.5 persen, versi 2.1.0, pukul 10.30 WIB.",
        "Kunjungi https://shopee.co.id/m/Promo.Hari ini juga.",
        "Nomor 90/Pdt.Sus-HKI/2025/PN Niaga Jkt.Pst diputus.",
        "KONTAN.CO.ID - JAKARTA. Harga naik.",
        "Gerakan G.30.S/PKI dibahas.",
        "Hubungi redaksi@Media.Com untuk info.",
    ],
)
def test_glued_sentence_passes(text):
    assert codes(text, ["TXT008"]) == []


# -- TXT009 multiple spaces -----------------------------------------------------------------


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Sedangkan dalam sepekan,  rupiah melemah.", "Sedangkan dalam sepekan, rupiah melemah."),
        ("legalitas dari  pinjaman online", "legalitas dari pinjaman online"),
        ("kurs Serikat,  Federal Reserve", "kurs Serikat, Federal Reserve"),
        ("Paragraf satu.   Isi  kedua di sini.", "Paragraf satu.   Isi kedua di sini."),
    ],
)
def test_multiple_spaces_collapse(text, expected):
    assert codes(text, ["TXT009"]) == ["TXT009"]
    assert fixed(text, ["TXT009"]) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Paragraf satu.   Paragraf dua.   Paragraf tiga.",  # flat separators
        "Kalimat satu.  Kalimat dua.",  # after a full stop: maybe a separator
        "Baca juga: Judul satu  Baca juga: Judul dua",  # ANTARA read-also lines
        "Hasil GP1  1. Alec Enderli (Swiss)",  # a flattened list
        "    Indentasi di awal baris.",
        "| Nama  | Nilai |",  # a table row
        # A list whose line breaks became double spaces: `xikers` is an item.
        "Rookie of the Year   BOYNEXTDOOR  EVNNE  FIFTY FIFTY  PLAVE  RIIZE  xikers  "
        "ZEROBASEONE  Hwang Yeong-woong",
        "Pemenang:  Budi Santoso  Ani (Bogor)  cahya Dewi  Rudi  Tono Hartono",
    ],
)
def test_multiple_spaces_pass(text):
    assert codes(text, ["TXT009"]) == []


def test_links_removed_from_one_sentence_are_not_a_list():
    # Short gaps, but mostly lower-case words after the runs: flagged.
    text = (
        "Dibuka 2019.  Maskapai yang terkenal dengan  pramugari berbusana  bikini itu "
        "dimiliki oleh  Nguyen Thi Phuong Tao."
    )
    assert codes(text, ["TXT009"]) == ["TXT009", "TXT009"]
    assert "dengan pramugari berbusana bikini itu" in fixed(text, ["TXT009"])


def test_a_short_chain_is_not_a_list():
    # Three runs are not enough to call it a list: the lower-case gap is flagged.
    assert codes("Pemenang:  Budi  ani  Rudi.", ["TXT009"]) == ["TXT009"]


# -- TXT010 blank lines ---------------------------------------------------------------------


def test_blank_line_runs_collapse_to_one():
    text = "Paragraf satu.\n\n\n\nParagraf dua.\n \t\nParagraf tiga.\n"
    assert codes(text, ["TXT010"]) == ["TXT010"]
    assert fixed(text, ["TXT010"]) == "Paragraf satu.\n\nParagraf dua.\n \t\nParagraf tiga.\n"


def test_blank_lines_keep_crlf():
    assert fixed("Satu.\r\n\r\n\r\nDua.\r\n", ["TXT010"]) == "Satu.\r\n\r\nDua.\r\n"


@pytest.mark.parametrize("text", ["Satu.\n\nDua.\n", "Satu.\nDua.\n", "Satu.\n\n\n"])
def test_blank_lines_pass(text):
    assert codes(text, ["TXT010"]) == []


# -- the family together ----------------------------------------------------------------------


def test_all_txt_fixes_together_converge():
    text = "Harga&nbsp;naik.<br>Menurut\u200b BPS,  inflasi â€œturunâ€\x9d (22/1).Pada\u00a0Senin.\n\n\n\nSelesai.  \n"
    out = fix_text(text, select=["TXT"])
    assert out == "Harga naik. Menurut BPS, inflasi “turun” (22/1). Pada Senin.\n\nSelesai.\n"
    assert fix_text(out, select=["TXT"]) == out
