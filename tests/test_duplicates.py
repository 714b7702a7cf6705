"""Must-flag and must-pass cases for the DUP family beyond the foundation:
sentences, pull-quotes, near-duplicates, and the flattened layouts."""

from __future__ import annotations

import pytest

from newslint.api import fix_text, lint_text
from newslint.document import Document

A = "Paragraf pertama ini cukup panjang untuk dihitung sebagai prosa berita."
B = "Paragraf kedua ini juga cukup panjang untuk dihitung sebagai prosa."
C = "Paragraf ketiga menutup artikel dengan kalimat yang cukup panjang."
S1 = "Dia datang ke kantor polisi pada Senin pagi bersama pengacaranya."
S2 = "Pemeriksaan berlangsung lima jam di ruang penyidik lantai dua."
S3 = "Setelah itu dia pulang tanpa memberikan keterangan kepada wartawan."
S4 = "Polisi menyatakan pemeriksaan akan dilanjutkan pekan depan."


def codes(text, **kw):
    return [d.code for d in lint_text(text, **kw)]


def sentences(text):
    doc = Document(text)
    return [doc.text[s:e] for s, e in doc.sentences]


# -- Document.sentences -----------------------------------------------------------


def test_sentences_split_at_terminal_punctuation():
    assert sentences('Harga naik. "Kami siap," katanya. Apa benar? Ya!') == [
        "Harga naik.",
        '"Kami siap," katanya.',
        "Apa benar?",
        "Ya!",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Hadir M. Chatib Basri dan Sri Mulyani di sana.",
        "Pasal 3 Jo. Pasal 2 Ayat (1) berlaku untuk ketiganya.",
        "Saham PT Bank Danamon Indonesia Tbk. (BDMN) naik tajam.",
        "Rektor Dr. Eng. Ir. Bimastyaji datang pagi itu.",
        "Gelar S.H. Budi diperoleh tahun lalu di Jakarta.",
        "Juara Slalom 1. Alec Enderli (Swiss) 2. Axel Courtois (Prancis)",
        "Inflasi 3.5 persen dan KOMPAS.com melaporkannya.",
    ],
)
def test_sentences_do_not_split_abbreviations_initials_or_lists(text):
    assert sentences(text) == [text]


def test_sentences_never_cross_paragraphs_and_keep_glued_text():
    assert sentences("Satu dua.\nTiga empat (22/1/2019).Pada hari itu.") == [
        "Satu dua.",
        "Tiga empat (22/1/2019).Pada hari itu.",
    ]
    flat = "Kalimat satu di sini.   Kalimat dua di sana. Kalimat tiga."
    assert sentences(flat) == ["Kalimat satu di sini.", "Kalimat dua di sana.", "Kalimat tiga."]


# -- DUP001/DUP002 on the flattened layouts ----------------------------------------------


def test_duplicate_paragraph_in_flat_layout_names_line_and_column():
    text = f"Jakarta (ANTARA) - Lede.   {A}   {B}   {A}   {C}"
    (d,) = lint_text(text, select=["DUP"], record=True)
    assert d.code == "DUP001"
    assert "repeats the paragraph at 1:28" in d.message
    out = f"Jakarta (ANTARA) - Lede.   {A}   {B}   {C}"
    assert fix_text(text, select=["DUP"], record=True) == out


def test_body_pasted_twice_in_kompas_flat_layout_is_one_safe_finding():
    # Kompas joins paragraphs with one space: paragraphs are not recoverable,
    # the repeated run of sentences is.
    body = f"JAKARTA, KOMPAS.com - Kasus itu kembali diperiksa. {S1} {S2} {S3}"
    text = f"{body} {S1} {S2} {S3}"
    (d,) = lint_text(text, select=["DUP"], record=True)
    assert d.code == "DUP003"
    assert d.message == "Repeated run of 3 sentences: repeats 1:52"
    assert d.fix.applicability.value == "safe"
    assert fix_text(text, select=["DUP"], record=True) == body


# -- DUP003 duplicate sentence --------------------------------------------------------


def test_duplicate_sentence_inside_a_paragraph():
    text = f"{S1} {S2} {S1} {S3}\n"
    diags = lint_text(text, select=["DUP003"])
    assert [d.code for d in diags] == ["DUP003"]
    assert diags[0].message == "Duplicate sentence: repeats 1:1"
    assert diags[0].fix.applicability.value == "unsafe"
    assert fix_text(text, select=["DUP003"]) == text  # unsafe: not applied by --fix
    assert fix_text(text, select=["DUP003"], unsafe=True) == f"{S1} {S2} {S3}\n"


def test_first_copy_on_an_indented_line_is_named_by_its_line():
    text = f"   {A}\n{B}\n   {A}\n"
    (d,) = lint_text(text, select=["DUP"])
    assert d.message == "Duplicate paragraph: repeats the paragraph at line 1"


def test_duplicate_sentence_across_paragraphs_keeps_the_first():
    text = f"{S1} {S2}\n{S3}\nUntuk diketahui, {S4.lower()} {S2}\n"
    (d,) = lint_text(text, select=["DUP003"])
    assert d.message == f"Duplicate sentence: repeats 1:{len(S1) + 2}"  # inside line 1
    assert text[d.start : d.end] == S2
    out = fix_text(text, select=["DUP003"], unsafe=True)
    assert out == f"{S1} {S2}\n{S3}\nUntuk diketahui, {S4.lower()}\n"


def test_sentence_duplicate_ignores_surrounding_quotes_and_case():
    text = f'"{S1} {S2}" kata dia.\n{S3} {S1.upper()}\n'
    assert codes(text, select=["DUP003"]) == ["DUP003"]


@pytest.mark.parametrize(
    "text",
    [
        '"Ya," katanya. Lalu dia pergi. "Ya," katanya.\n',
        "Harga naik lagi. Harga naik lagi.\n",  # short: under 40 characters
        "Satu dua tiga empat lima enam tujuh delapan. Sembilan.\n",
        # a results list: the same names in two categories
        "Ski GP1 1. Oliver Koch Hansen (Denmark) 2. Morgan Poret (Prancis) "
        "Runabout GP1 1. Oliver Koch Hansen (Denmark) 2. Morgan Poret (Prancis)\n",
        # legal citations separated by "Jo." are one sentence each
        "Pasal 3 Jo. Pasal 2 Ayat (1) huruf a UU Nomor 8 Tahun 2010 tentang TPPU, atau "
        "Pasal 4 Jo. Pasal 2 Ayat (1) huruf a UU Nomor 8 Tahun 2010 tentang TPPU.\n",
    ],
)
def test_duplicate_sentence_passes(text):
    assert codes(text, select=["DUP003"]) == []


def test_whole_duplicate_paragraphs_are_left_to_dup001_and_dup002():
    text = f"{S1} {S2}\n{C}\n{S1} {S2}\n"
    assert codes(text, select=["DUP003"]) == []
    assert codes(text, select=["DUP"]) == ["DUP001"]
    block = f"Lede.\n{A}\n{B}\n{C}\n{A}\n{B}\n{C}\n"
    assert codes(block, select=["DUP"]) == ["DUP002"]


# -- DUP004 pull-quote ----------------------------------------------------------------

QUOTE = "Ini langkah konkret untuk transisi energi yang adil dan terjangkau"
LEDE = "Menteri ESDM meresmikan PLTS terapung di Cirata, Kamis."
BODY = f'"{QUOTE}," katanya.   Proyek itu menelan biaya Rp1,7 triliun.'


def test_pull_quote_glued_to_antara_dateline():
    text = f" {QUOTE}Jakarta (ANTARA) - {LEDE}   {BODY}"
    (d,) = lint_text(text, select=["DUP004"], record=True)
    assert text[d.start : d.end] == QUOTE
    assert d.message.startswith(
        "Pull-quote before the dateline repeats the body (100% of its words)"
    )
    assert "repeats 1:" in d.message
    assert d.fix.applicability.value == "safe"
    assert fix_text(text, select=["DUP004"], record=True) == f" Jakarta (ANTARA) - {LEDE}   {BODY}"


@pytest.mark.parametrize(
    "pre,dateline",
    [
        (f'"{QUOTE}..."', "Jakarta (ANTARA) - "),
        (f"{QUOTE}.", "Kabupaten Bogor (ANTARA) - "),
        (f"{QUOTE} (Jawa Barat)", "Mimika, Papua Tengah (ANTARA) - "),
        (f"{QUOTE}. ", "JAKARTA, KOMPAS.com - "),
        (f"{QUOTE}. ", "Jakarta - "),
    ],
)
def test_pull_quote_dateline_forms(pre, dateline):
    text = f"{pre}{dateline}{LEDE}   {BODY}"
    if "(Jawa Barat)" in pre:
        text = text.replace(f'"{QUOTE},"', f'"{QUOTE} (Jawa Barat),"')
    out = fix_text(text, select=["DUP004"], record=True)
    assert out == f"{dateline}{LEDE}   " + text.split(f"{LEDE}   ", 1)[1]


def test_pull_quote_search_starts_at_the_first_paragraph():
    text = f"\n\n   {QUOTE}Jakarta (ANTARA) - {LEDE}   {BODY}"
    (d,) = lint_text(text, select=["DUP004"], record=True)
    assert text[d.start : d.end] == QUOTE


def test_pull_quote_with_cut_words_is_still_safe():
    text = f"ni langkah konkret untuk transisi energi yang adil dan terjaJakarta (ANTARA) - {LEDE}   {BODY}"
    (d,) = lint_text(text, select=["DUP004"], record=True)
    assert d.fix.applicability.value == "safe"


def test_pull_quote_with_changed_words_is_unsafe():
    long_quote = f"{QUOTE} bagi seluruh masyarakat di kawasan timur Indonesia tanpa kecuali"
    body = f'"{long_quote}," katanya.'
    pre = long_quote.replace("seluruh", "semua")
    text = f"{pre}Jakarta (ANTARA) - {LEDE}   {body}"
    (d,) = lint_text(text, select=["DUP004"], record=True)
    assert d.fix.applicability.value == "unsafe"


@pytest.mark.parametrize(
    "text",
    [
        f"     Jakarta (ANTARA) - {LEDE}   {BODY}",  # nothing before the dateline
        f"     Dairi, Sumatera Utara (ANTARA) - {LEDE}   {BODY}",  # a two-part city
        f"Harga bahan pokok stabil menjelang Natal dan Tahun BaruJakarta (ANTARA) - {LEDE}   {BODY}",
        f"{LEDE} Menurut dia, {QUOTE.lower()}.",  # no dateline at all
        f"{LEDE}   Rute Jakarta - Bandung dibuka. {QUOTE}.   {BODY}",  # not at the start
        # a "dateline" in a later paragraph: the text before it is the article
        f"{QUOTE}.\nRute Jakarta - Bandung dibuka kembali.\n{BODY}\n",
        f"Penjualan di {QUOTE}.   INDONESIA, KOMPAS.com - {LEDE} {BODY}",
        # prose that mentions a route is not a dateline, even when the body
        # (pasted twice) repeats the text before it
        f"{QUOTE} di rute Jakarta - Bandung. {BODY} {QUOTE} di rute Jakarta - Bandung.",
        # far too long to be a highlighted quote
        " ".join([QUOTE] * 7) + f"Jakarta (ANTARA) - {LEDE}   " + " ".join([QUOTE] * 7),
    ],
)
def test_pull_quote_passes(text):
    assert codes(text, select=["DUP004"], record=True) == []


def test_pull_quote_is_not_a_first_copy_for_sentence_or_near_duplicate_rules():
    text = f'{QUOTE}. {S1}Jakarta (ANTARA) - {LEDE}   "{QUOTE}. {S1}" katanya.   {S4}'
    assert codes(text, select=["DUP"], record=True) == ["DUP004"]


# -- DUP005 near-duplicate paragraph ----------------------------------------------------


def test_near_duplicate_paragraph_reports_similarity_and_first_copy():
    first = "Terdapat spanduk warna-warni menyerukan kepada masyarakat untuk melindungi demokrasi di tengah kebuntuan."
    second = "Dalam demo tersebut terdapat spanduk warna-warni menyerukan kepada masyarakat untuk melindungi demokrasi di tengah kebuntuan."
    text = f"{first}\n{B}\n{C}\n{second}\n"
    (d,) = lint_text(text, select=["DUP"])
    assert d.code == "DUP005"
    assert d.message.startswith("Near-duplicate paragraph (9")
    assert d.message.endswith("similar): repeats the paragraph at line 1")
    assert d.fix.applicability.value == "unsafe"
    assert fix_text(text, select=["DUP"]) == text
    assert fix_text(text, select=["DUP"], unsafe=True) == f"{first}\n{B}\n{C}\n"


def test_repeated_quote_with_another_attribution():
    quote = '"Inovasi terbaik kami meliputi ketahanan pangan, obat-obatan, hingga desalinasi air laut agar siap minum,"'
    text = (
        f"{quote} kata Suharnomo di Muladi Dome, Kecamatan Tembalang, Semarang, Jumat (17/10/2025).\n"
        f"{A}\n{quote.replace('agar', 'untuk')} pungkasnya.\n"
    )
    (d,) = lint_text(text, select=["DUP005"])
    assert "similar quotation" in d.message and "line 1" in d.message


@pytest.mark.parametrize(
    "first,second",
    [
        # photo captions sharing a template: different people
        (
            'Sato Keigo JO1 saat menghadiri konferensi pers menjelang konser "Beyond the Dark" di Jakarta. (ANTARA/Lia Wanadriani Santosa)',
            'Mamehara Issei JO1 saat menghadiri konferensi pers menjelang konser "Beyond the Dark" di Jakarta. (ANTARA/Lia Wanadriani Santosa)',
        ),
        # list items of a verdict: same frame, different content
        (
            "2. Menyatakan frasa 'orang lain' dalam Pasal 27A UU Nomor 1 Tahun 2024 bertentangan dengan UUD 1945.",
            "3. Menyatakan frasa 'suatu hal' dalam Pasal 27A UU Nomor 1 Tahun 2024 bertentangan dengan UUD 1945.",
        ),
        # similar but different statements
        (
            '"Teradu I sampai Teradu V terbukti melanggar kode etik penyelenggara pemilu," katanya.',
            '"Teradu VI tidak terbukti melanggar kode etik penyelenggara pemilu," imbuh dia.',
        ),
    ],
)
def test_near_duplicate_passes(first, second):
    assert codes(f"{first}\n{B}\n{second}\n", select=["DUP005"]) == []


def test_exact_duplicates_are_not_near_duplicates():
    assert codes(f"{A}\n{B}\n{A}\n", select=["DUP005"]) == []


def test_near_duplicate_threshold_is_an_option():
    from newslint.engine import Linter
    from newslint.registry import load_registry

    r = load_registry().get("DUP005").with_options(threshold=99)
    first = "Terdapat spanduk warna-warni menyerukan kepada masyarakat untuk melindungi demokrasi."
    second = "Dalam demo itu terdapat spanduk warna-warni menyerukan kepada masyarakat untuk melindungi demokrasi."
    assert Linter([r]).lint(Document(f"{first}\n{second}\n")) == []


# -- scale: no blow-up (timed in bench/bench_dup.py, not here) ----------------------------


def _random_paragraphs(n: int, seed: int = 0) -> list[str]:
    import random

    rng = random.Random(seed)
    vocab = [f"kata{k}" for k in range(500)]
    return [" ".join(rng.choices(vocab, k=12)).capitalize() + "." for _ in range(n)]


def test_many_paragraphs_and_one_huge_line_do_not_blow_up():
    paras = _random_paragraphs(3000)
    paras[2500] = paras[10]
    diags = lint_text("\n".join(paras) + "\n", select=["DUP"])
    assert [d.code for d in diags] == ["DUP001"]
    same = "\n".join([A] * 2000) + "\n"  # one paragraph 2,000 times
    assert fix_text(same, select=["DUP"]) == A + "\n"
    line = "   ".join(_random_paragraphs(3000, seed=1))
    assert lint_text(line, select=["DUP"], record=True) == []
