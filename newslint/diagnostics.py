"""What a check reports: diagnostics, and the edits that would fix them.

Everything here is plain, picklable data with positions as code-point offsets
into the document text; line and column are derived only when a finding is
shown, so checks never have to think about them.
"""

from __future__ import annotations

from enum import Enum
from operator import attrgetter
from typing import Any


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


def _frozen(self: object, name: str, *value: object) -> None:
    from dataclasses import FrozenInstanceError

    what = "assign to" if value else "delete"
    raise FrozenInstanceError(f"cannot {what} field {name!r}")


class _Value:
    """Equality and repr over ``_FIELDS``, as a dataclass generates them.

    Edit, Fix and Diagnostic are written out rather than ``@dataclass``es
    (same fields, constructors, equality, hash, repr and immutability):
    creating a dataclass costs start-up time at every run."""

    __slots__ = ()
    _FIELDS: tuple[str, ...] = ()
    _key: Any = None  # attrgetter(*_FIELDS): the field values as a tuple

    def __repr__(self) -> str:
        values = self._key(self)
        inner = ", ".join(f"{k}={v!r}" for k, v in zip(self._FIELDS, values, strict=True))
        return f"{type(self).__name__}({inner})"

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._key(self) == self._key(other)


class _Frozen(_Value):
    """A ``frozen=True`` dataclass: hashable, and assigning a field raises."""

    __slots__ = ()
    __setattr__ = _frozen
    __delattr__ = _frozen

    def __hash__(self) -> int:
        return hash(self._key(self))

    def __reduce__(self) -> tuple:
        return (type(self), self._key(self))


class Edit(_Frozen):
    """Replace ``text[start:end]`` with ``content`` (empty content deletes)."""

    __slots__ = _FIELDS = __match_args__ = ("start", "end", "content")
    _key = attrgetter(*_FIELDS)

    start: int
    end: int
    content: str

    def __init__(self, start: int, end: int, content: str = "") -> None:
        _set = object.__setattr__
        _set(self, "start", start)
        _set(self, "end", end)
        _set(self, "content", content)


class Fix(_Frozen):
    """The edits that fix a finding, how safe they are, and a title."""

    __slots__ = _FIELDS = __match_args__ = ("edits", "applicability", "message")
    _key = attrgetter(*_FIELDS)

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


class Diagnostic(_Value):
    """One finding: rule code and name, message, the span it names, severity,
    and optionally a fix.

    ``supersedes`` marks a finding whose fix deletes its whole span (a
    repeated block): other findings inside that span are redundant and the
    engine folds them into it.  ``related`` points at other places the
    message refers to (the first copy of a duplicate), as offsets.
    """

    # Not slotted: a plain, mutable record with a dataclass's equality and
    # repr (see _Value), unhashable as the dataclass was.
    _FIELDS = __match_args__ = (
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
    _key = attrgetter(*_FIELDS)
    __hash__ = None  # type: ignore[assignment]

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

    @property
    def fixable(self) -> bool:
        return self.fix is not None

    def sort_key(self) -> tuple[int, int, str]:
        return (self.start, self.end, self.code)
