"""Fast paths added for speed must agree with the code they short-cut."""

from __future__ import annotations

from newslint.checks import hygiene
from newslint.document import Document


def test_invisible_prefilter_has_the_same_character_class():
    """TXT006 skips texts the standard-``re`` twin of its class finds nothing in."""
    chars = [chr(c) for c in range(0x10000) if not 0xD800 <= c < 0xE000]
    chars += ["\U0001f600", "\U000e0001", "\U0010ffff"]
    for c in chars:
        fast = hygiene._ANY_INVISIBLE.fullmatch(c) is not None
        slow = hygiene._INVISIBLE.fullmatch(c) is not None
        assert fast == slow, f"U+{ord(c):04X}"


def test_multiple_spaces_prefilter_keeps_tab_runs():
    from newslint.api import lint_text

    found = lint_text("Sedangkan dalam sepekan,\t rupiah melemah.\n", select=["TXT009"])
    assert [d.code for d in found] == ["TXT009"]
    assert lint_text("Satu spasi saja, tidak ada apa-apa.\n", select=["TXT009"]) == []


def test_flat_layout_still_detected():
    text = "Paragraf pertama di sini.   Paragraf kedua di sini.   Paragraf ketiga."
    assert Document(text).layout == "flat"


def test_read_also_hint_sees_every_case_variant():
    """BP002/BP003 look for their closing words in the case-folded text: every
    character their case-insensitive patterns accept for a letter of those
    words folds to that letter."""
    import regex

    for letter in set("jugapulalsomorerelated"):
        pattern = regex.compile(f"(?i){letter}")
        for cp in range(0x10000):
            c = chr(cp)
            if not 0xD800 <= cp < 0xE000 and pattern.fullmatch(c):
                assert letter in c.casefold(), f"U+{cp:04X}"


def test_read_also_rules_still_find_odd_spellings():
    from newslint.api import lint_text

    text = "Isi berita.\nBACA JUGA :\tJudul lain\nRead more: Other story\n"
    assert [d.code for d in lint_text(text, select=["BP002"])] == ["BP002", "BP002"]
    inline = "Harga naik. Baca juga: Harga Cabai Melonjak  Pemerintah menyiapkan operasi."
    assert [d.code for d in lint_text(inline, select=["BP003"])] == ["BP003"]
    assert lint_text("Ia juga datang: pagi hari.\n", select=["BP002", "BP003"]) == []


def test_fold_superseded_matches_the_pairwise_definition():
    """The sort-based fold keeps exactly what checking every pair with
    ``_folds`` keeps, ties of identical spans included."""
    import random

    from newslint.diagnostics import Diagnostic
    from newslint.engine import _folds, fold_superseded

    rng = random.Random(7)
    for _ in range(3000):
        diags = []
        for _ in range(rng.randint(0, 9)):
            start = rng.randint(0, 12)
            diags.append(
                Diagnostic(
                    code=rng.choice(["DUP001", "DUP002", "BP010", "TXT001"]),
                    name="x",
                    message=rng.choice(["a", "b"]),
                    start=start,
                    end=start + rng.randint(0, 8),
                    supersedes=rng.random() < 0.4,
                )
            )
        blocks = [d for d in diags if d.supersedes]
        expected = [d for d in diags if not any(_folds(b, d) for b in blocks if b is not d)]
        assert [id(d) for d in fold_superseded(diags)] == [id(d) for d in expected], diags
