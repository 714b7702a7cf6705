"""What a check reports: diagnostics, and the edits that would fix them.

Everything here is plain, picklable data with positions as code-point offsets
into the document text; line and column are derived only when a finding is
shown, so checks never have to think about them.
"""

from __future__ import annotations

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


def _frozen(self: object, name: str, value: object = None) -> None:
    from dataclasses import FrozenInstanceError

    raise FrozenInstanceError(f"cannot assign to field {name!r}")


class Edit:
    """Replace ``text[start:end]`` with ``content`` (empty content deletes)."""

    # Written out rather than a frozen ``@dataclass`` (same fields, equality,
    # hash, repr and immutability): creating a dataclass costs start-up time
    # at every run, and ``__init__`` here is faster than a frozen one.
    __slots__ = ("start", "end", "content")
    __match_args__ = ("start", "end", "content")

    start: int
    end: int
    content: str

    def __init__(self, start: int, end: int, content: str = "") -> None:
        _set = object.__setattr__
        _set(self, "start", start)
        _set(self, "end", end)
        _set(self, "content", content)

    __setattr__ = _frozen
    __delattr__ = _frozen

    def __repr__(self) -> str:
        return f"Edit(start={self.start!r}, end={self.end!r}, content={self.content!r})"

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return (self.start, self.end, self.content) == (other.start, other.end, other.content)  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash((self.start, self.end, self.content))

    def __reduce__(self) -> tuple:
        return (Edit, (self.start, self.end, self.content))


class Fix:
    """The edits that fix a finding, how safe they are, and a title."""

    __slots__ = ("edits", "applicability", "message")
    __match_args__ = ("edits", "applicability", "message")

    edits: tuple[Edit, ...]
    applicability: Applicability
    message: str

    def __init__(
        self,
        edits: tuple[Edit, ...],
        applicability: Applicability = Applicability.SAFE,
        message: str = "",
    ) -> None:
        _set = object.__setattr__
        _set(self, "edits", edits)
        _set(self, "applicability", applicability)
        _set(self, "message", message)

    __setattr__ = _frozen
    __delattr__ = _frozen

    def __repr__(self) -> str:
        return (
            f"Fix(edits={self.edits!r}, applicability={self.applicability!r}, "
            f"message={self.message!r})"
        )

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return (self.edits, self.applicability, self.message) == (
            other.edits,  # type: ignore[attr-defined]
            other.applicability,  # type: ignore[attr-defined]
            other.message,  # type: ignore[attr-defined]
        )

    def __hash__(self) -> int:
        return hash((self.edits, self.applicability, self.message))

    def __reduce__(self) -> tuple:
        return (Fix, (self.edits, self.applicability, self.message))

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


_DIAGNOSTIC_FIELDS = (
    "code",
    "name",
    "message",
    "start",
    "end",
    "severity",
    "fix",
    "supersedes",
    "related",
)


class Diagnostic:
    """One finding: rule code and name, message, the span it names, severity,
    and optionally a fix.

    ``supersedes`` marks a finding whose fix deletes its whole span (a
    repeated block): other findings inside that span are redundant and the
    engine folds them into it.  ``related`` points at other places the
    message refers to (the first copy of a duplicate), as offsets.
    """

    # A plain class with a dataclass's fields, equality and repr (see Edit).
    __match_args__ = _DIAGNOSTIC_FIELDS

    def __init__(
        self,
        code: str,
        name: str,
        message: str,
        start: int,
        end: int,
        severity: Severity = Severity.WARNING,
        fix: Fix | None = None,
        supersedes: bool = False,
        related: tuple[tuple[int, int], ...] = (),
    ) -> None:
        self.code = code
        self.name = name
        self.message = message
        self.start = start
        self.end = end
        self.severity = severity
        self.fix = fix
        self.supersedes = supersedes
        self.related = related

    def _fields(self) -> tuple:
        return (
            self.code,
            self.name,
            self.message,
            self.start,
            self.end,
            self.severity,
            self.fix,
            self.supersedes,
            self.related,
        )

    def __repr__(self) -> str:
        inner = ", ".join(
            f"{k}={v!r}" for k, v in zip(_DIAGNOSTIC_FIELDS, self._fields(), strict=True)
        )
        return f"Diagnostic({inner})"

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._fields() == other._fields()  # type: ignore[attr-defined]

    __hash__ = None  # type: ignore[assignment]  # mutable, as the dataclass was

    @property
    def fixable(self) -> bool:
        return self.fix is not None

    def sort_key(self) -> tuple[int, int, str]:
        return (self.start, self.end, self.code)
