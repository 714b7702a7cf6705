"""Dask integration: lint or clean a corpus on a cluster.

``pip install 'newslint[dask]'``.  Both forms map a picklable
:class:`newslint.api.RecordLinter` over partitions, so every worker builds
its rules once and the result is the same as a single-process run
(:func:`newslint.api.lint_records`) on the same records.

>>> import dask.bag as db
>>> from newslint.dask import lint_bag
>>> bag = db.read_text("corpus-*.jsonl").map(json.loads)       # doctest: +SKIP
>>> lint_bag(bag, field="text", fix=True).map(json.dumps).to_textfiles("clean-*.jsonl")  # doctest: +SKIP

Dask itself is imported by the caller (and by :func:`lint_dataframe` for the
empty ``meta`` frame), never by ``import newslint``.
"""

from __future__ import annotations

import json
from typing import Any

from newslint.api import RecordLinter


def lint_bag(bag: Any, field: str = "text", **options: Any) -> Any:
    """A ``dask.bag.Bag`` of records (dicts) -> a Bag of the same records,
    each with a ``findings`` list (and, with ``fix=True``, the fixed text).

    ``options`` are :class:`RecordLinter`'s keywords (``id_field``,
    ``select``, ``ignore``, ``language``, ``fix``, ``unsafe``,
    ``findings_field``).
    """
    return bag.map_partitions(RecordLinter(field, **options))


class _PartitionLinter:
    """Picklable partition function for :func:`lint_dataframe`."""

    def __init__(self, linter: RecordLinter, column: str, id_column: str | None) -> None:
        self.linter = linter
        self.column = column
        self.id_column = id_column

    def __call__(self, pdf: Any) -> Any:
        pdf = pdf.copy()
        texts = pdf[self.linter.field].tolist()
        ids = pdf[self.id_column].tolist() if self.id_column else [None] * len(texts)
        new_texts, findings = [], []
        for text, rid in zip(texts, ids, strict=True):
            if isinstance(text, str):
                t, f = self.linter.text(text, "" if rid is None else str(rid))
            else:
                t, f = text, []
            new_texts.append(t)
            findings.append(json.dumps(f, ensure_ascii=False))
        if self.linter.fix:
            pdf[self.linter.field] = new_texts
        pdf[self.column] = findings
        return pdf


def lint_dataframe(
    df: Any,
    field: str = "text",
    *,
    findings_column: str = "findings",
    id_field: str | None = None,
    **options: Any,
) -> Any:
    """A ``dask.dataframe.DataFrame`` -> the same frame plus a
    ``findings_column`` holding each row's findings as a JSON string (so it
    stores in Parquet as is); with ``fix=True`` the text column is fixed.

    Also works on a plain ``pandas.DataFrame`` (one partition).
    """
    rl = RecordLinter(field, id_field=id_field, findings_field=findings_column, **options)
    fn = _PartitionLinter(rl, findings_column, id_field)
    if not hasattr(df, "map_partitions"):  # pandas
        return fn(df)
    meta = fn(df._meta)
    meta[findings_column] = meta[findings_column].astype(df._meta[field].dtype)
    return df.map_partitions(fn, meta=meta)
