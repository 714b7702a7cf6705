"""Fifth-pass fast paths of the duplicate rules, each tested equal to the
code it short-cuts (traps included), and the premises they rest on."""

from __future__ import annotations

import random

from newslint.checks import duplicates as dup
from newslint.document import Document


def _reference_core(text: str) -> str | None:
    """``_quotation_core`` by the regex itself (no ``str.find`` scan)."""
    best = max((m.group(1) for m in dup._QUOTATION.finditer(text)), key=len, default=None)
    if best is None or len(best) * 2 < len(text):
        return None
    return dup.paragraph_key(best)


def test_core_of_one_quotation_equals_the_regex():
    """The one-quotation path of ``_core_of`` (no quote character between
    the first opening and the last closing quote): quotations of 19 to 22
    characters, an opening quote after the last closing one, straight and
    curly quotes mixed, quotes at the paragraph's edges."""
    rng = random.Random(51)
    quotes = ['"', "\u201c", "\u201d"]
    fill = ["a", "b ", " ", "  ", "\u00a0", "K", "ß"]
    taken = 0
    for _ in range(20000):
        inner = "".join(rng.choice(fill) for _ in range(rng.randint(17, 24)))
        before = "".join(rng.choice(fill) for _ in range(rng.randint(0, 6)))
        after = "".join(rng.choice(fill) for _ in range(rng.randint(0, 6)))
        tail = rng.choice(["", "", "\u201c", "\u201cx", '"', " \u201d"])
        text = before + rng.choice(quotes) + inner + rng.choice(quotes) + after + tail
        for path in (None, "a.md"):
            doc = Document(text, path)
            cores = dup._cores(doc)
            for k, (s, e) in enumerate(doc.paragraphs):
                assert cores.get(k) == _reference_core(text[s:e]), (text, k)
                taken += cores.get(k) is not None
    assert taken > 1000
