"""Baseline: adopt newslint on an existing archive without fixing it first.

``newslint check --baseline FILE`` records today's findings in FILE when it
does not exist (and exits 0); on later runs the findings recorded there are
not reported, so only *new* problems fail the build.

A finding is keyed on its rule code, the file it is in, and the normalised
text of its span (case-folded, white space collapsed), never on line
numbers: editing an article above an old artifact does not make the
artifact "new".  Keys are counted, so a file that had one orphan
``Baca juga:`` line and now has two reports the second.
``--update-baseline`` (or deleting the file) records a fresh baseline.
"""

from __future__ import annotations

import hashlib
import json
import os
import unicodedata
from collections import Counter
from pathlib import Path

import regex

from newslint.errors import ConfigError, InputError

VERSION = 1
_SPACE = regex.compile(r"\s+")


def normalise(text: str) -> str:
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip().casefold()


def display_path(name: str) -> str:
    """The path as recorded: relative to the working directory, POSIX style."""
    if name == "-" or not name:
        return name
    p = Path(name)
    try:
        return p.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except (ValueError, OSError):
        return p.as_posix()


def key(doc, d, name: str) -> str:
    """Stable fingerprint of a finding: rule + file + normalised span text."""
    span = normalise(doc.text[d.start : d.end])
    raw = "\x1f".join((d.code, display_path(name), span))
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:32]


class Baseline:
    """Recorded findings (a multiset of keys), or a recorder when new."""

    def __init__(self, path: Path, *, update: bool = False) -> None:
        self.path = path
        # ``update``: record afresh over an existing file (fixed findings
        # leave it, new ones join it), as a first run does.
        self.recording = update or not path.exists()
        self.known: Counter[str] = Counter()
        self.entries: list[dict] = []
        self.suppressed = 0
        if not self.recording:
            self._load()

    def _load(self) -> None:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"{self.path}: cannot read baseline: {exc}") from None
        except json.JSONDecodeError as exc:
            raise ConfigError(f"{self.path}: baseline is not valid JSON: {exc}") from None
        if (
            not isinstance(data, dict)
            or data.get("version") != VERSION
            or not isinstance(data.get("findings"), list)
        ):
            raise ConfigError(
                f"{self.path}: not a newslint baseline (version {VERSION}); "
                "delete it to record a new one"
            )
        for item in data["findings"]:
            if isinstance(item, dict) and isinstance(item.get("key"), str):
                self.known[item["key"]] += int(item.get("count", 1))

    def filter(self, result) -> list:
        """The findings of ``result`` not in the baseline (recording: all are
        recorded and none is reported)."""
        doc = result.document
        if self.recording:
            for d in result.diagnostics:
                self.entries.append(
                    {
                        "key": key(doc, d, result.name),
                        "code": d.code,
                        "path": display_path(result.name),
                        "excerpt": normalise(doc.text[d.start : d.end])[:80],
                    }
                )
            self.suppressed += len(result.diagnostics)
            return []
        out = []
        for d in result.diagnostics:
            k = key(doc, d, result.name)
            if self.known[k] > 0:
                self.known[k] -= 1
                self.suppressed += 1
            else:
                out.append(d)
        return out

    def save(self) -> None:
        if not self.recording:
            return
        merged: dict[str, dict] = {}
        for e in self.entries:
            if e["key"] in merged:
                merged[e["key"]]["count"] += 1
            else:
                merged[e["key"]] = {**e, "count": 1}
        data = {
            "version": VERSION,
            "tool": "newslint",
            "findings": sorted(merged.values(), key=lambda e: (e["path"], e["code"], e["key"])),
        }
        tmp = self.path.with_name(self.path.name + ".tmp")
        try:
            tmp.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
            os.replace(tmp, self.path)
        except OSError as exc:
            raise InputError(f"{self.path}: cannot write baseline: {exc.strerror or exc}") from None
