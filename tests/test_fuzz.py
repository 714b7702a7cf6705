"""Seeded fuzzing: random bytes and mutated real articles.

Each case goes the way a file goes: bytes are decoded by ``sources.decode``
(an ``InputError`` is a valid outcome for bytes that are not UTF-8), then
linted and fixed by the engine.  Nothing else may be raised, positions must
lie inside the text, and fixing must be idempotent.  A few CLI subprocess
runs over folders of fuzzed files check the exit code and that every error
is one line.

The suite runs ``NEWSLINT_FUZZ_CASES`` cases (default 2,000, a second or two);
for a release, run a longer one with a fresh seed::

    NEWSLINT_FUZZ_CASES=200000 NEWSLINT_FUZZ_SEED=$RANDOM pytest tests/test_fuzz.py

A failure prints the seed and case number, which replay it exactly.
"""

from __future__ import annotations

import os
import random
import re
import subprocess
import sys

import pytest

from newslint.api import get_linter
from newslint.document import Document
from newslint.errors import InputError
from newslint.sources import decode

CASES = int(os.environ.get("NEWSLINT_FUZZ_CASES", "2000"))
SEED = int(os.environ.get("NEWSLINT_FUZZ_SEED", "20261129"))

INSERTS = [
    "Baca juga: ",
    "COPYRIGHT © ANTARA 2024",
    "© 2024 detikcom",
    "All rights reserved.",
    "1,234,567",
    "7.5 persen",
    "\r\n",
    "\n\n",
    "   ",
    "\u00a0",
    "\u2028",
    "\ufeff",
    "\x00",
    "😀",
    "e\u0301",
    "**",
    "\t",
]


def mutate(rng: random.Random, text: str) -> str:
    for _ in range(rng.randint(1, 6)):
        op = rng.randrange(7)
        i = rng.randint(0, len(text))
        j = rng.randint(i, min(len(text), i + 400))
        if op == 0:
            text = text[:i] + rng.choice(INSERTS) + text[i:]
        elif op == 1:
            text = text[:i] + text[j:]  # delete a slice
        elif op == 2:
            text = text[:j] + text[i:j] + text[j:]  # paste a slice twice
        elif op == 3:
            text = text + text[i:]  # paste the tail again (body twice)
        elif op == 4:
            text = text.replace("\n", rng.choice(["\r\n", "   ", "\n\n", "\r"]))
        elif op == 5:
            text = text[:i]  # truncate
        else:  # any code point a UTF-8 file can hold (no lone surrogates)
            c = rng.randint(1, 0x10FFFF - 0x800)
            text = text[:i] + chr(c if c < 0xD800 else c + 0x800) + text[i:]
    return text


def random_bytes(rng: random.Random) -> bytes:
    kind = rng.randrange(4)
    n = rng.randint(0, 600)
    if kind == 0:
        return bytes(rng.randrange(256) for _ in range(n))
    if kind == 1:  # mostly ASCII text with stray high bytes
        return bytes(rng.choice(b"abc \n\r.,0123456789\xc3\xa9\xe2\x80\x93\xff") for _ in range(n))
    if kind == 2:  # valid UTF-8 of random code points (no surrogates)
        return "".join(
            chr(c) for c in (rng.randint(1, 0x10FFFF) for _ in range(n)) if not 0xD800 <= c < 0xE000
        ).encode()
    return rng.choice([b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b""]) + bytes(
        rng.randrange(256) for _ in range(n)
    )


def one_case(linter, rng: random.Random, articles: list[str]) -> None:
    if rng.random() < 0.3:
        try:
            text = decode(random_bytes(rng), "fuzz").text
        except InputError as exc:
            assert "\n" not in str(exc)
            return
    else:
        text = mutate(rng, rng.choice(articles))
    doc = Document(text, "fuzz.txt", rng.choice([None, "id", "en"]), is_record=rng.random() < 0.2)
    for d in linter.lint(doc):
        assert 0 <= d.start <= d.end <= len(text)
        doc.position(d.end)
    once = linter.fix(doc, unsafe=rng.random() < 0.3)
    assert once.converged
    again = linter.fix(doc.with_text(once.text))
    assert again.text == once.text, f"not idempotent: {[d.code for d in again.applied]}"


def test_fuzz_engine(sample_articles):
    linter = get_linter()
    articles = [a["text"] for a in sample_articles]
    rng = random.Random(SEED)
    for case in range(CASES):
        state = rng.getstate()
        try:
            one_case(linter, rng, articles)
        except Exception as exc:
            rng.setstate(state)
            raise AssertionError(
                f"fuzz case {case} (NEWSLINT_FUZZ_SEED={SEED}) failed: {type(exc).__name__}: {exc}"
            ) from exc


ERROR_LINE = re.compile(r"^newslint: error: .+: .+$")


@pytest.mark.parametrize("fix", [False, True], ids=["check", "fix"])
def test_fuzz_cli(tmp_path, sample_articles, fix):
    rng = random.Random(SEED + fix)
    articles = [a["text"] for a in sample_articles]
    for k in range(40):
        data = (
            random_bytes(rng)
            if k % 3 == 0
            else mutate(rng, rng.choice(articles)).encode("utf-8", "surrogatepass")
        )
        (tmp_path / f"case{k:02}.txt").write_bytes(data)
    args = ["check", "--isolated", "-q", *(["--fix"] if fix else []), str(tmp_path)]
    r = subprocess.run([sys.executable, "-m", "newslint", *args], capture_output=True, timeout=120)
    err = r.stderr.decode("utf-8", "backslashreplace").splitlines()
    assert r.returncode in (0, 1, 2)
    assert all(ERROR_LINE.match(line) for line in err), err[:5]
    assert (r.returncode == 2) == bool(err)
    if fix:  # a second run has nothing left to fix
        again = subprocess.run(
            [sys.executable, "-m", "newslint", "check", "--isolated", "--diff", str(tmp_path)],
            capture_output=True,
            timeout=120,
        )
        assert b"+++" not in again.stdout, again.stdout[:2000]
