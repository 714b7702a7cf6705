from newslint.diagnostics import Edit
from newslint.document import Document, detect_language
from newslint.engine import apply_edits


def texts(doc):
    return [doc.text[s:e] for s, e in doc.paragraphs]


def test_lines_layout_one_paragraph_per_line():
    doc = Document("Satu paragraf.\nDua paragraf.\n\nTiga.\n")
    assert doc.layout == "lines"
    assert texts(doc) == ["Satu paragraf.", "Dua paragraf.", "Tiga."]


def test_flat_layout_splits_on_three_spaces():
    doc = Document("  Jakarta (ANTARA) - Satu.   Dua dua.    Tiga tiga.  ")
    assert doc.layout == "flat"
    assert texts(doc) == ["Jakarta (ANTARA) - Satu.", "Dua dua.", "Tiga tiga."]


def test_two_spaces_do_not_split_a_paragraph():
    doc = Document("Kalimat satu.  Kalimat dua. Kalimat tiga.")
    assert texts(doc) == ["Kalimat satu.  Kalimat dua. Kalimat tiga."]


def test_blank_layout_joins_hard_wrapped_lines():
    text = (
        "Ini paragraf pertama yang\ndibungkus pada lebar tetap\nseperti Markdown.\n\n"
        "Paragraf kedua juga\ndibungkus.\n"
    )
    doc = Document(text)
    assert doc.layout == "blank"
    assert len(doc.paragraphs) == 2
    assert texts(doc)[1] == "Paragraf kedua juga\ndibungkus."


def test_positions_are_one_based_code_points():
    doc = Document("ab\r\nçd é\nx")
    assert doc.position(0) == (1, 1)
    assert doc.position(4) == (2, 1)
    assert doc.position(8) == (2, 5)
    assert doc.lines[0] == (0, 2)  # \r\n excluded from the line span
    assert doc.newline == "\r\n" or doc.newline == "\n"


def test_only_newline_breaks_lines():
    doc = Document("satu\u2028dua\x85tiga\nempat")
    assert len(doc.lines) == 2


def test_crlf_is_the_newline_when_dominant():
    assert Document("a\r\nb\r\nc\n").newline == "\r\n"
    assert Document("a\nb\n").newline == "\n"


def test_language_detection():
    assert detect_language("Dia mengatakan bahwa harga yang naik akan turun.") == "id"
    assert detect_language("He said that the prices of rice will fall in the market.") == "en"
    assert detect_language("") == "id"
    assert Document("the and of", language="id").language == "id"


def _delete(doc, needle):
    s = doc.text.index(needle)
    return apply_edits(doc.text, [doc.deletion(s, s + len(needle))])


def test_deletion_of_a_whole_line_takes_its_newline():
    doc = Document("a\nBaca juga: x\nb\n")
    assert _delete(doc, "Baca juga: x") == "a\nb\n"


def test_deletion_of_last_line_without_newline_takes_preceding_break():
    doc = Document("a\r\nCOPYRIGHT")
    assert _delete(doc, "COPYRIGHT") == "a"


def test_deletion_in_flat_text_takes_one_separator():
    doc = Document("Satu.   Baca juga: x   Dua.")
    assert _delete(doc, "Baca juga: x") == "Satu.   Dua."
    doc = Document("Satu.   Akhir © ANTARA 2023")
    assert _delete(doc, "© ANTARA 2023") == "Satu.   Akhir"


def test_deletion_between_blank_lines_leaves_one_blank_line():
    doc = Document("a\n\nBaca juga: x\n\nb\n")
    assert _delete(doc, "Baca juga: x") == "a\n\nb\n"


def test_deletion_keeps_everything_else():
    doc = Document("x\n  indented Baca juga tail  \ny")
    edit = doc.deletion(doc.text.index("Baca"), doc.text.index("tail") + 4)
    assert isinstance(edit, Edit)
    assert apply_edits(doc.text, [edit]) == "x\n  indented\ny"


def test_deletion_in_flat_text_keeps_the_paragraph_break():
    doc = Document("Satu. Baca juga: x   Dua.")
    assert _delete(doc, "Baca juga: x") == "Satu.   Dua."
    doc = Document("Satu.   Baca juga: x Dua.")
    assert _delete(doc, "Baca juga: x") == "Satu.   Dua."
