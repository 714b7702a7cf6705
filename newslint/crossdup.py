"""Cross-article near-duplicates (DUP101), for corpus mode.

Scraped corpora hold the same article several times: syndicated copies, a
re-crawl with a new footer, one copy per category page.  Within one article
that is DUP001/DUP002's business; across articles it needs corpus state, so
it runs only in corpus mode (``newslint check corpus.jsonl --extend-select DUP101``).

Each article's word 5-gram shingles go into a MinHash signature (computed in
the workers, ``datasketch``); the parent keeps a banded LSH index (bands and
rows from datasketch's optimal parameters, weighted for recall) and checks each
candidate's estimated Jaccard similarity before reporting, so a band
collision alone never flags an article.  The index keeps one signature per
article (512 bytes), the only part of corpus mode whose memory grows with the
corpus.  ``numpy`` and ``datasketch`` are imported only when DUP101 runs.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from newslint import patterns
from newslint.registry import rule

NUM_PERM = 128
THRESHOLD = 0.8
SHINGLE_WORDS = 5
#: Articles with fewer words are not compared (a two-line brief is not a copy).
MIN_WORDS = 50
#: The weights of false positives and false negatives for which datasketch
#: chooses bands and rows.  A band collision only makes a candidate (its
#: estimated similarity is checked before anything is reported), so missing
#: a copy costs far more than a candidate: 0.1/0.9 gives 14 bands of 9 rows,
#: a candidate ~97 % of the time at similarity 0.85 (0.5/0.5, 9 bands of 13
#: rows: ~69 %, which missed one copy in three).
LSH_WEIGHTS = (0.1, 0.9)

_WORD = patterns.compile(r"\w+")  # compiled on first use (start-up)
_TEMPLATE: Any = None


@rule("DUP101", "near-duplicate-article", severity="warning", default=False, by_prefix=True)
def check_near_duplicate_article(doc, rule) -> Iterator[Any]:
    """An article that is a near-copy of an earlier article in the corpus.

    ## What it does
    In corpus mode (`newslint check corpus.jsonl --select DUP`, or
    `--extend-select DUP101` next to the defaults), compares each
    article with every earlier one by MinHash over word 5-grams and reports an
    article whose estimated similarity to an earlier one is at least 0.8,
    naming the first copy. It needs the `corpus` extra
    (`pip install newslint[corpus]`) and does nothing on single files.

    ## Why it matters
    Scraped corpora repeat articles (syndicated copies, re-crawls with a new
    footer). Duplicates skew statistics and training data; the first copy is
    the one to keep.

    ## Example
    Record #1: `Pemerintah menaikkan harga BBM …` and record #57: the same
    text with a different footer.

    ## Fixed
    Not fixed: dropping an article is the pipeline's decision, not a linter's.
    The finding names the first copy so it can be done deliberately.
    """
    return iter(())


def _minhash_template() -> Any:
    global _TEMPLATE
    if _TEMPLATE is None:
        from datasketch import MinHash

        _TEMPLATE = MinHash(num_perm=NUM_PERM)
    return _TEMPLATE


def shingles(text: str, n: int = SHINGLE_WORDS) -> set[bytes]:
    words = [w.lower() for w in _WORD.findall(text)]
    if len(words) < max(n, MIN_WORDS):
        return set()
    return {" ".join(words[i : i + n]).encode("utf-8") for i in range(len(words) - n + 1)}


def signature(text: str) -> Any:
    """The MinHash signature of an article (uint32 array), or None when it is
    too short to compare."""
    sh = shingles(text)
    if not sh:
        return None
    from datasketch import MinHash

    t = _minhash_template()
    m = MinHash(num_perm=NUM_PERM, permutations=t.permutations, scheme=t.scheme)
    m.update_batch(list(sh))
    return m.hashvalues.astype("uint32")


class NearDuplicateIndex:
    """Banded LSH over signatures; :meth:`add` returns the first near-copy."""

    def __init__(self, threshold: float = THRESHOLD, num_perm: int = NUM_PERM) -> None:
        from datasketch.lsh import _optimal_param

        self.threshold = threshold
        self.bands, self.rows = _optimal_param(threshold, num_perm, *LSH_WEIGHTS)
        self.tables: list[dict[bytes, list[int]]] = [{} for _ in range(self.bands)]
        self.names: list[str] = []
        self.sigs: list[Any] = []

    def add(self, name: str, sig: Any) -> tuple[str, float] | None:
        """Index ``sig``; return (name, similarity) of the earliest article it
        nearly duplicates, if any."""
        import numpy as np

        keys = [sig[i * self.rows : (i + 1) * self.rows].tobytes() for i in range(self.bands)]
        candidates: set[int] = set()
        for table, key in zip(self.tables, keys, strict=True):
            hit = table.get(key)
            if hit:
                candidates.update(hit)
        best: tuple[str, float] | None = None
        for c in sorted(candidates):
            sim = float(np.count_nonzero(self.sigs[c] == sig)) / len(sig)
            if sim >= self.threshold:
                best = (self.names[c], sim)
                break
        me = len(self.names)
        self.names.append(name)
        self.sigs.append(sig)
        for table, key in zip(self.tables, keys, strict=True):
            table.setdefault(key, []).append(me)
        return best

    @staticmethod
    def diagnostic(rule: Any, doc: Any, first: tuple[str, float]) -> Any:
        name, sim = first
        return rule.diagnostic(
            0,
            len(doc.text.rstrip()),
            f"Near-duplicate of an earlier article ({name}, estimated similarity {sim:.0%})",
        )
