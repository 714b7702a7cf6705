"""DUP005's scores without rapidfuzz (r6-indel): the Python Indel ratio is
rapidfuzz's ``fuzz.ratio`` bit for bit, its cutoff keeps what rapidfuzz's
``ratio`` and ``extract`` keep, DUP005 finds the same with the Python path
forced on and off, and one small article is linted without importing
rapidfuzz."""

from __future__ import annotations

import json
import math
import random
import subprocess
import sys
import textwrap

import pytest
from rapidfuzz.fuzz import ratio
from rapidfuzz.process import extract

from newslint.api import lint_text
from newslint.checks import duplicates as dup
from newslint.document import Document


def _check(a: str, b: str) -> None:
    """Equal to rapidfuzz without a cutoff, and with cutoffs at the exact
    score, one ulp either side of it, and a point either side."""
    exact = ratio(a, b)
    mine = dup._indel_ratio(a, b)
    assert mine == exact and type(mine) is float, (a, b, mine, exact)
    assert dup._indel_ratio(b, a) == exact
    for c in (
        exact,
        math.nextafter(exact, math.inf),
        math.nextafter(exact, -math.inf),
        max(0.0, exact - 1.0),
        min(100.0, exact + 1.0),
        0.0,
        100.0,
    ):
        if not 0.0 <= c <= 100.0:
            continue
        assert dup._indel_ratio(a, b, c) == ratio(a, b, score_cutoff=c), (a, b, c)


TRAPS = [
    ("", ""),
    ("", "a"),
    ("abc", ""),
    ("a", "a"),
    ("same text", "same text"),
    ("abc", "xyz"),
    ("aaaa", "bbbbbbbb"),
    ("aaaaaaaa", "aaa"),
    ("abababab", "babababa"),
    ("\U0001f600\U0001f600x", "\U0001f600x\U0001f601"),
    ("\U0001f600" * 70, "\U0001f600" * 65 + "a"),
    ("a" * 64, "a" * 63 + "b"),
    ("a" * 65, "a" * 64),
    ("ab" * 40, "ba" * 40),
    ("x" * 128, "x" * 129),
    ("xy" * 100, "yx" * 99),
    ("é" * 63 + "\u00a0", "e\u0301" * 30),
    ("ß" * 3, "ss" * 3),
]


@pytest.mark.parametrize(("a", "b"), TRAPS)
def test_traps(a, b):
    _check(a, b)


def test_long_and_repeated_strings():
    rng = random.Random(61)
    for n in (63, 64, 65, 127, 128, 129, 200, 500, 1000):
        a = "".join(rng.choice("ab ") for _ in range(n))
        for b in (a, a[1:], a + "a", a[::-1], "a" * n, a.replace("b", "c")):
            _check(a, b)


@pytest.mark.parametrize(
    "alphabet",
    ["ab", "abc ", "abcdefghij klmnopqrstuvwxyz.,", "aé\u00a0\U0001f600\U00010348 x"],
)
def test_random_pairs(alphabet):
    """Tens of thousands of seeded pairs: unrelated, and edited copies."""
    rng = random.Random(f"r6-{alphabet}")  # (a str seed is hashed by SHA-512: stable)
    for k in range(6000):
        n = rng.choice((rng.randint(0, 12), rng.randint(0, 80), rng.randint(60, 200)))
        a = "".join(rng.choice(alphabet) for _ in range(n))
        if k % 2:
            b = list(a)
            for _ in range(rng.randint(0, 6)):
                op = rng.randrange(3)
                at = rng.randint(0, len(b))
                if op == 0:
                    b.insert(at, rng.choice(alphabet))
                elif b and at < len(b):
                    if op == 1:
                        del b[at]
                    else:
                        b[at] = rng.choice(alphabet)
            b = "".join(b)
        else:
            b = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 200)))
        _check(a, b)


def _sample_docs(sample_articles):
    return [Document(a["text"], is_record=True) for a in sample_articles]


def test_every_paragraph_pair_of_the_corpus_sample(sample_articles):
    """Every pair of paragraph keys (and of quotation cores) of each sample
    article, with the cutoff DUP005 uses and at the exact score."""
    pairs = 0
    for doc in _sample_docs(sample_articles):
        keys = dup.paragraph_keys(doc)
        cores = [c for c in dup._cores(doc).values() if c]
        for texts in (keys, cores):
            for i, a in enumerate(texts):
                for b in texts[i + 1 :]:
                    exact = ratio(a, b)
                    assert dup._indel_ratio(a, b) == exact, (a, b)
                    for c in (89.9, 90.0, exact):
                        assert dup._indel_ratio(a, b, c) == ratio(a, b, score_cutoff=c)
                    pairs += 1
    assert pairs > 5000


def test_extract_keeps_what_rapidfuzz_keeps():
    """``_indel_extract`` returns the indices ``extract`` returns, at cutoffs
    equal to the exact scores of the choices (and one ulp either side)."""
    rng = random.Random(62)
    edge = 0
    for _ in range(400):
        alphabet = rng.choice(("ab", "abc d", "abcdefghijklmnop "))
        query = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 90)))
        choices = [query[: rng.randint(0, len(query))] + rng.choice(alphabet) for _ in range(6)]
        choices += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 90)))]
        scores = [ratio(query, c) for c in choices]
        cutoffs = {0.0, 100.0}
        for s in scores:
            cutoffs |= {s, math.nextafter(s, math.inf), math.nextafter(s, -math.inf)}
        for c in sorted(cutoffs):
            if not 0.0 <= c <= 100.0:
                continue
            kept = sorted(
                q for _, _, q in extract(query, choices, scorer=ratio, score_cutoff=c, limit=None)
            )
            assert dup._indel_extract(query, choices, c) == kept, (query, choices, c)
            # The one-neighbour test of ``_near_pairwise`` (``ratio >= cutoff``)
            # with the cutoff as it is; ``extract`` rounds it to a C float, so
            # the two differ on a score in between (the pair search rescores
            # its candidates at the threshold, so that never shows).
            c32 = dup._float32(c)
            for q, ch in enumerate(choices):
                mine = dup._indel_ratio(query, ch, c) >= c
                assert mine == (ratio(query, ch, score_cutoff=c) >= c)
                assert (q in kept) == (dup._indel_ratio(query, ch, c32) >= c32)
                edge += mine != (q in kept)
    assert edge  # the float rounding is really met


def test_window_cost_is_the_summed_length_products():
    rng = random.Random(63)
    for _ in range(200):
        lengths = sorted(rng.randint(1, 50) for _ in range(rng.randint(0, 12)))
        group = [(n, i, "x" * n) for i, n in enumerate(lengths)]
        his = [rng.randint(p + 1, len(group)) for p in range(len(group))]
        slow = sum(
            group[p][0] * group[q][0] for p in range(len(group)) for q in range(p + 1, his[p])
        )
        assert dup._window_cost([group], [his]) == slow


def _dup_findings(text: str, path: str | None = None) -> list[tuple]:
    return [
        (d.code, d.start, d.end, d.message, repr(d.fix), repr(d.related))
        for d in lint_text(text, select=["DUP"], path=path)
    ]


def test_dup_findings_equal_with_the_python_path_on_and_off(monkeypatch, sample_articles):
    import test_perf_dup as ref

    texts = [a["text"] for a in sample_articles]
    rng = random.Random(64)
    for k in range(60):
        maker = ref._template_article if k % 3 == 0 else ref._near_article
        texts.append(maker(rng, rng.randint(2, 30)))
    found = 0
    for text in texts:
        monkeypatch.setattr(dup, "_PYTHON_INDEL", True)
        on = _dup_findings(text)
        monkeypatch.setattr(dup, "_PYTHON_INDEL", False)
        off = _dup_findings(text)
        assert on == off, text
        found += sum(f[0] == "DUP005" for f in on)
    assert found > 30  # near-duplicates are really found


def test_pairwise_on_and_off_at_thresholds_equal_to_exact_scores(monkeypatch):
    """The pair search with a threshold set to a pair's exact score finds
    the same with either scorer (the cutoff's edge)."""
    import test_perf_dup as ref

    rng = random.Random(65)
    for k in range(200):
        first = ref._sentence(rng, rng.randint(8, 20))
        second = ref._edit(rng, first, rng.randint(1, 4))
        if k % 2:
            first, second = f'"{first}," kata Agus.', f"\u201c{second},\u201d katanya."
        doc = Document("\n".join([first, ref._sentence(rng, 10), second]) + "\n")
        keys = dup._near_keys(doc, 20)
        if keys[0] is None or keys[2] is None or keys[0] == keys[2]:
            continue
        monkeypatch.setattr(dup, "_PYTHON_INDEL", False)
        threshold, _ = dup._paragraph_similarity(doc, 0, 2)
        off = dup._near_pairwise(doc, keys, threshold)
        monkeypatch.setattr(dup, "_PYTHON_INDEL", True)
        assert dup._paragraph_similarity(doc, 0, 2)[0] == threshold
        assert dup._near_pairwise(doc, keys, threshold) == off


def test_the_budget(monkeypatch):
    """Python only while rapidfuzz is not imported and the process's budget
    holds the work; the work is charged."""
    monkeypatch.setattr(dup, "_PYTHON_INDEL", None)
    monkeypatch.setattr(dup, "_RAPIDFUZZ", [])
    monkeypatch.setattr(dup, "_PYTHON_SPENT", [0])
    monkeypatch.delitem(sys.modules, "rapidfuzz")
    budget = dup._PYTHON_BUDGET
    doc = Document("a text\n")
    assert not dup._python_scoring(Document("a record\n", is_record=True), 1)
    assert dup._PYTHON_SPENT == [0]
    assert dup._python_scoring(doc, budget // 2, 2)
    assert dup._PYTHON_SPENT == [budget // 2]
    assert not dup._python_scoring(doc, budget // 4, 3)  # the reserve does not fit
    assert dup._python_scoring(doc, budget // 2)
    assert not dup._python_scoring(doc, 1)  # spent
    monkeypatch.setattr(dup, "_PYTHON_SPENT", [0])
    monkeypatch.setitem(sys.modules, "rapidfuzz", object())
    assert not dup._python_scoring(doc, 1)  # imported by anyone: use it


def test_one_small_article_is_linted_without_importing_rapidfuzz(tmp_path):
    """A fresh process lints a median-size article with near-duplicates
    (found in Python) and does not import rapidfuzz."""
    para = (
        "Menteri Sosial menyampaikan program bantuan ini akan menjangkau 35 juta "
        "keluarga penerima manfaat di seluruh Indonesia pada akhir tahun."
    )
    text = "\n\n".join(
        [
            para,
            "Bantuan ini menjadi bagian dari stimulus ekonomi kuartal keempat tahun ini.",
            "Menurut dia, penyaluran dilakukan melalui kantor pos dan bank milik negara.",
            para.replace("35 juta", "35,04 juta"),
            "Pemerintah berharap daya beli masyarakat tetap terjaga di tengah tekanan global.",
        ]
    )
    path = tmp_path / "article.txt"
    path.write_text(text + "\n", encoding="utf-8")
    code = textwrap.dedent(
        f"""
        import json, sys
        from newslint.api import lint_text
        text = open({str(path)!r}, encoding="utf-8").read()
        codes = [d.code for d in lint_text(text, path={str(path)!r})]
        print(json.dumps([codes, "rapidfuzz" in sys.modules]))
        """
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=tmp_path
    )
    codes, imported = json.loads(out.stdout)
    assert "DUP005" in codes
    assert imported is False


def test_float32_is_cs_float_conversion():
    """``_float32`` equals ``struct``'s single-precision packing (C's
    ``(float)x``, round to nearest, ties to even) on cutoffs, on exact ties
    between two single floats, and on subnormals."""
    import struct

    def ref(x: float) -> float:
        return struct.unpack("f", struct.pack("f", x))[0]

    rng = random.Random(66)
    values = [0.0, 100.0, 89.9, 90.0, 1e-40, 1e-45, 7e-46, 2.0**-126, 2.0**-149, 3 * 2.0**-150]
    values += [rng.uniform(0, 100) for _ in range(20000)]
    for _ in range(5000):
        single = ref(rng.uniform(0, 100))
        up = ref(math.nextafter(single, math.inf) + 1e-7 * single)
        values += [(single + math.nextafter(single, math.inf)) / 2, single]
        values.append(math.ldexp(rng.randint(1, 2**24) + 0.5, rng.randint(-170, -24)))
        values.append(up)
    for x in values:
        assert dup._float32(x) == ref(x), x


def test_lcs_early_stop_and_least_passing_lcs():
    """``_lcs`` with ``need`` returns the LCS when it reaches ``need``, else
    an upper bound of it still below ``need``; ``_indel_need`` is the least
    LCS whose score passes the cutoff."""
    rng = random.Random(67)

    def full(a: str, b: str) -> int:  # the textbook table
        row = [0] * (len(b) + 1)
        for ca in a:
            prev = 0
            for k, cb in enumerate(b, 1):
                prev, row[k] = row[k], prev + 1 if ca == cb else max(row[k], row[k - 1])
        return row[-1]

    for _ in range(3000):
        alphabet = rng.choice(("ab", "abcd ", "abcdefghijklmnopqrstuvwxyz "))
        a = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 150)))
        b = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 150)))
        lcs = full(a, b)
        masks = dup._indel_masks(a)
        assert dup._lcs(masks, len(a), b) == lcs
        for need in {0, lcs, lcs + 1, rng.randint(0, max(len(a), len(b)) + 1)}:
            got = dup._lcs(masks, len(a), b, need)
            assert got == lcs if lcs >= need else lcs <= got < need, (a, b, need)
        m = len(a) + len(b)
        for cutoff in (0.0, 50.0, 89.9, 90.0, ratio(a, b), dup._float32(ratio(a, b)), 100.0):
            need = dup._indel_need(len(a), len(b), cutoff)
            top = min(len(a), len(b))
            passing = [k for k in range(top + 1) if dup._indel_passes(k, m, cutoff)]
            assert need == (passing[0] if passing else top + 1)
            assert all(dup._indel_passes(k, m, cutoff) for k in range(need, top + 1))
