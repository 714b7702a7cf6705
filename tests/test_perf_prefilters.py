"""Fast pre-filters agree with the patterns they stand in for (perf pass 3)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newslint.checks.boilerplate import _READ_ALSO_HINT, _read_also_hints

SAMPLE = Path(__file__).parent / "data" / "corpus-sample.jsonl"

TRICKY = [
    "",
    ":",
    "juga:",
    "Baca juga : x",
    "baca juga\t \t:x  read more:  related:",
    "jugajuga::pula:",
    "a: b : c",
    "more\n:",  # a line break is not [ \t]
    "  also:  also  :also",
    "ſee alſo:",
]


def _texts() -> list[str]:
    with SAMPLE.open(encoding="utf-8") as fh:
        return [json.loads(line)["text"] for line in fh if line.strip()]


@pytest.mark.parametrize("text", TRICKY)
def test_read_also_hints_match_the_regex_on_tricky_text(text):
    folded = text.casefold()
    assert _read_also_hints(folded) == [m.span() for m in _READ_ALSO_HINT.finditer(folded)]


def test_read_also_hints_match_the_regex_on_the_corpus_sample():
    texts = _texts()
    hits = 0
    for text in texts:
        folded = text.casefold()
        spans = _read_also_hints(folded)
        assert spans == [m.span() for m in _READ_ALSO_HINT.finditer(folded)]
        hits += bool(spans)
    assert hits > 0  # the sample does hold read-also labels
