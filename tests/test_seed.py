"""Golden tests: the seed article, its expected fixed text and findings.

Regenerate after an intended change with ``NEWSLINT_UPDATE_GOLDEN=1 pytest tests/test_seed.py``
and review the diff of ``seeds/``.
"""

from __future__ import annotations

import json
import os

import pytest
from conftest import SEEDS

from newslint.document import Document
from newslint.engine import Linter
from newslint.registry import load_registry
from newslint.results import diagnostic_dict

SEED_FILES = sorted(p for p in SEEDS.glob("*.txt") if not p.name.endswith(".fixed.txt"))
KEYS = ("code", "line", "column", "end_line", "end_column", "severity")


def _linter():
    reg = load_registry()
    return Linter(reg.select())


@pytest.mark.parametrize("seed", SEED_FILES, ids=lambda p: p.stem)
def test_seed_findings_and_fix(seed):
    text = seed.read_text(encoding="utf-8")
    doc = Document(text, seed.name)
    linter = _linter()
    found = [
        {k: v for k, v in diagnostic_dict(doc, d, seed.name).items() if k in KEYS}
        | {"fix": d.fix.applicability.value if d.fix else None}
        for d in linter.lint(doc)
    ]
    fixed = linter.fix(doc).text
    findings_file = seed.with_suffix(".findings.json")
    fixed_file = seed.with_suffix(".fixed.txt")
    if os.environ.get("NEWSLINT_UPDATE_GOLDEN"):
        findings_file.write_text(json.dumps(found, indent=2) + "\n", encoding="utf-8")
        fixed_file.write_text(fixed, encoding="utf-8")
    assert found == json.loads(findings_file.read_text(encoding="utf-8"))
    assert fixed == fixed_file.read_text(encoding="utf-8")
    # Idempotent, and the fixed text is clean.
    assert linter.fix(Document(fixed, seed.name)).text == fixed
    assert linter.lint(Document(fixed, seed.name)) == []


def test_the_seed_expectations_of_issue_2():
    seed = SEEDS / "antara-banten-sepatu-dox.txt"
    doc = Document(seed.read_text(encoding="utf-8"), seed.name)
    diags = _linter().lint(doc)
    by_code: dict[str, list[tuple[int, int]]] = {}
    for d in diags:
        by_code.setdefault(d.code, []).append((doc.position(d.start)[0], doc.position(d.end)[0]))
    assert by_code["DUP002"] == [(17, 30)]
    assert by_code["BP001"] == [(16, 16), (31, 31)]
    assert by_code["BP002"] == [(5, 5), (10, 10), (15, 15)]
    assert not any(c.startswith("NUM") for c in by_code)
    fixed = _linter().fix(doc).text
    lines = fixed.split("\n")
    assert fixed.endswith("\n") and not fixed.endswith("\n\n")
    assert len(lines) - 1 == 12  # the lede and the 11 body paragraphs
    assert not any(line.startswith(("Baca juga", "COPYRIGHT")) for line in lines)
