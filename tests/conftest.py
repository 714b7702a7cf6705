"""Shared fixtures: the project root, the seed, corpus access, a CLI runner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DATA = Path(__file__).resolve().parent / "data"
SHARED_CORPUS = ROOT.parent / "shared" / "corpus"


def load_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


@pytest.fixture(scope="session")
def sample_articles() -> list[dict]:
    """~70 real articles copied from ../shared/corpus (always available)."""
    return load_jsonl(DATA / "corpus-sample.jsonl")


@pytest.fixture(scope="session")
def corpus_articles() -> list[dict]:
    """The whole development corpus; skipped when ../shared is not there."""
    if not SHARED_CORPUS.is_dir():
        pytest.skip("../shared/corpus not present (fresh clone): corpus-wide check skipped")
    rows: list[dict] = []
    for f in sorted(SHARED_CORPUS.glob("*.jsonl")):
        rows.extend(load_jsonl(f))
    return rows


@pytest.fixture
def cli():
    """Invoke the click CLI in-process; returns click's Result."""
    from newslint.cli import cli as app

    runner = CliRunner()

    def invoke(*args: str, input: str | bytes | None = None):
        return runner.invoke(app, list(args), input=input, catch_exceptions=False)

    return invoke
