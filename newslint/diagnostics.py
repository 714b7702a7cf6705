"""What a check reports: diagnostics, and the edits that would fix them.

Everything here is plain, picklable data with positions as code-point offsets
into the document text; line and column are derived only when a finding is
shown, so checks never have to think about them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"info": 0, "warning": 1, "error": 2}[self.value]


class Applicability(str, Enum):
    """How sure a fix is: ``safe`` fixes run with ``--fix``; ``unsafe`` ones
    only with ``--unsafe-fixes`` because they may delete text that is not
    certainly an artifact."""

    SAFE = "safe"
    UNSAFE = "unsafe"


@dataclass(frozen=True)
class Edit:
    """Replace ``text[start:end]`` with ``content`` (empty content deletes)."""

    start: int
    end: int
    content: str = ""


@dataclass(frozen=True)
class Fix:
    edits: tuple[Edit, ...]
    applicability: Applicability = Applicability.SAFE
    message: str = ""

    @classmethod
    def delete(
        cls, edit: Edit, message: str, applicability: Applicability = Applicability.SAFE
    ) -> Fix:
        return cls((edit,), applicability, message)

    @classmethod
    def replace(
        cls,
        start: int,
        end: int,
        content: str,
        message: str,
        applicability: Applicability = Applicability.SAFE,
    ) -> Fix:
        return cls((Edit(start, end, content),), applicability, message)

    @property
    def start(self) -> int:
        return min(e.start for e in self.edits)

    @property
    def end(self) -> int:
        return max(e.end for e in self.edits)


@dataclass
class Diagnostic:
    """One finding: rule code and name, message, the span it names, severity,
    and optionally a fix.

    ``supersedes`` marks a finding whose fix deletes its whole span (a
    repeated block): other findings inside that span are redundant and the
    engine folds them into it.  ``related`` points at other places the
    message refers to (the first copy of a duplicate), as offsets.
    """

    code: str
    name: str
    message: str
    start: int
    end: int
    severity: Severity = Severity.WARNING
    fix: Fix | None = None
    supersedes: bool = False
    related: tuple[tuple[int, int], ...] = field(default_factory=tuple)

    @property
    def fixable(self) -> bool:
        return self.fix is not None

    def sort_key(self) -> tuple[int, int, str]:
        return (self.start, self.end, self.code)
