"""The DUP fast paths give what the code they short-cut gives, traps included."""

from __future__ import annotations

import random

import pytest

from newslint.checks import duplicates as dup
from newslint.document import Document

_VOCAB = [f"kata{k}" for k in range(400)] + "yang dan di ini itu dengan untuk dari".split()


def _sentence(rng: random.Random, words: int) -> str:
    return " ".join(rng.choices(_VOCAB, k=words)).capitalize() + "."


def _edit(rng: random.Random, para: str, edits: int) -> str:
    words = para.split()
    for _ in range(edits):
        words[rng.randrange(len(words))] = rng.choice(_VOCAB)
    return " ".join(words)


def _near_article(rng: random.Random, n: int) -> str:
    """Paragraphs with near-copies, quotations repeated under another
    attribution, captions, list items, exact copies and a pull-quote."""
    paras: list[str] = []
    for _ in range(n):
        kind = rng.randrange(10)
        if kind == 0 and paras:
            para = _edit(rng, rng.choice(paras), rng.randint(0, 4))
        elif kind == 1:
            quote = _sentence(rng, rng.randint(8, 20))
            who = rng.choice(
                ["kata Agus.", "katanya.", "ujar Menteri Keuangan Sri Mulyani Indrawati."]
            )
            para = f'"{quote}," {who}'
            if rng.random() < 0.5:
                paras.append(f"\u201c{quote},\u201d {rng.choice(['katanya.', 'kata dia.'])}")
        elif kind == 2:
            para = _sentence(rng, rng.randint(6, 12)) + f" (ANTARA/{rng.choice(['Ali', 'Budi'])})"
        elif kind == 3:
            para = f"{rng.randint(1, 4)}. " + _sentence(rng, 12)
        elif kind == 4 and paras:
            para = rng.choice(paras)
        else:
            para = " ".join(_sentence(rng, rng.randint(5, 15)) for _ in range(rng.randint(1, 3)))
        paras.append(para)
    if rng.random() < 0.3 and paras:
        quote = paras[-1].split(".")[0]
        paras[0] = f"{quote}Jakarta (ANTARA) - {paras[0]}"
    return "\n".join(paras) + "\n"


def _template_article(rng: random.Random, n: int) -> str:
    """Many paragraphs sharing one template: every sketch hash is held by more
    than ``_BUCKET_CAP`` paragraphs, so the caps decide what is compared."""
    frame = _sentence(rng, 25)
    paras = [_edit(rng, frame, rng.randint(1, 6)) for _ in range(n)]
    for _ in range(n // 4):
        paras.insert(rng.randrange(len(paras) + 1), _sentence(rng, rng.randint(20, 30)))
    return "\n".join(paras) + "\n"


def _both(doc: Document, min_len: int, threshold: float) -> tuple[object, object]:
    keys = dup._near_keys(doc, min_len)
    return dup._near_buckets(doc, keys, threshold), dup._near_pairwise(doc, keys, threshold)


@pytest.mark.parametrize("threshold", [50.0, 80.0, 90.0, 95.0, 100.0])
def test_near_pairwise_finds_what_the_buckets_find(monkeypatch, threshold):
    monkeypatch.setattr(dup, "_PAIRWISE_PER_PARAGRAPH", 10**9)  # never fall back
    rng = random.Random(int(threshold))
    found = 0
    for k in range(120):
        maker = _template_article if k % 3 == 0 else _near_article
        text = maker(rng, rng.randint(2, 45))
        for min_len in (20, 60):
            slow, fast = _both(Document(text), min_len, threshold)
            assert fast == slow, text
            found += len(slow)  # type: ignore[arg-type]
    assert found > 50  # the inputs do exercise matches


def test_near_pairwise_respects_the_bucket_cap(monkeypatch):
    """A late near-copy of a template paragraph is compared only with the
    first ``_BUCKET_CAP`` holders of each hash; the pairwise search agrees."""
    monkeypatch.setattr(dup, "_PAIRWISE_PER_PARAGRAPH", 10**9)
    rng = random.Random(7)
    capped = 0
    for _ in range(30):
        doc = Document(_template_article(rng, 40))
        keys = dup._near_keys(doc, 60)
        slow = dup._near_buckets(doc, keys, 90.0)
        monkeypatch.setattr(dup, "_BUCKET_CAP", 10**9)
        uncapped = dup._near_buckets(doc, keys, 90.0)
        monkeypatch.setattr(dup, "_BUCKET_CAP", 16)
        capped += slow != uncapped
        assert dup._near_pairwise(doc, keys, 90.0) == slow
    assert capped  # the trap is really set


def test_near_pairwise_falls_back_on_many_similar_lengths():
    text = _template_article(random.Random(3), 60)
    doc = Document(text)
    keys = dup._near_keys(doc, 60)
    assert dup._near_pairwise(doc, keys, 90.0) is None
    assert [d.code for d in dup.near_duplicate_paragraph(doc, _rule("DUP005"))]


def _rule(code: str):
    from newslint.api import get_linter

    return next(r for r in get_linter(select=[code]).rules if r.code == code)


def test_quotations_scan_equals_the_regex():
    rng = random.Random(0)
    alphabet = "\"\u201c\u201d \n'x"
    for _ in range(30_000):
        text = "".join(
            rng.choice(alphabet) if rng.random() < 0.3 else "a" for _ in range(rng.randint(0, 80))
        )
        expected = [m.group(1) for m in dup._QUOTATION.finditer(text)]
        assert dup._quotations(text) == expected, text
