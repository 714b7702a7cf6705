"""The fix invariants over every real article of the development corpus.

``../shared/corpus/*.jsonl`` (skipped when absent, e.g. a fresh clone) holds
~1,200 articles from the datasets newslint is judged on.  For each one, as a
file and as a corpus record:

* ``fix(fix(x)) == fix(x)``, with the language detected afresh each time, as
  a user running ``newslint check --fix`` twice gets it;
* pass by pass, every safe edit lies inside its finding's span plus the
  white space around it, every other character survives in order, and no
  finding is reported again at the text its own fix rewrote
  (tests/_invariants.py);
* the line and column of every finding point at the text its message names.

The same checks run on the 70-article sample that ships with the tests, so
they also run where the shared corpus is absent.
"""

from __future__ import annotations

from _invariants import check_positions, fix_passes

from newslint.api import get_linter
from newslint.document import Document


def _check_articles(rows: list[dict]) -> tuple[int, list[str]]:
    linter = get_linter()
    failures: list[str] = []
    fixed_count = 0
    for row in rows:
        for record in (False, True):
            doc = Document(row["text"], row["id"], is_record=record)
            try:
                check_positions(doc, linter.lint(doc))
                fixed = fix_passes(linter, doc)
                again = linter.fix(Document(fixed.text, row["id"], is_record=record))
                assert again.text == fixed.text, "fix(fix(x)) != fix(x)"
                assert not again.applied, f"second fix applied {[d.code for d in again.applied]}"
                check_positions(again.document, again.remaining)
                fixed_count += fixed.text != row["text"]
            except AssertionError as exc:
                failures.append(f"{row['id']} (record={record}): {str(exc)[:300]}")
    return fixed_count, failures


def test_invariants_on_the_shipped_sample(sample_articles):
    fixed, failures = _check_articles(sample_articles)
    assert not failures, "\n".join(failures)
    assert fixed > 0  # the sample has artifacts, so the fix paths really ran


def test_invariants_on_the_whole_corpus(corpus_articles):
    assert len(corpus_articles) > 1000
    fixed, failures = _check_articles(corpus_articles)
    assert not failures, f"{len(failures)} articles broke an invariant:\n" + "\n".join(
        failures[:20]
    )
    assert fixed > 100
