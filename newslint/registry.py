"""Rules: how they are declared, found and selected.

A rule is a :class:`Rule` record plus a ``check(doc, rule)`` generator.  Built-in
checks declare themselves with the :func:`rule` decorator in a module of
``newslint.checks``; third-party packages do the same and expose the module
(or a list of rules) through the ``newslint.checks`` entry-point group.
Selection works on code prefixes, as in ruff: ``--select BP`` takes every
boilerplate rule, ``--ignore NUM001`` drops one.
"""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from types import ModuleType
from typing import Any

from newslint.diagnostics import Applicability, Diagnostic, Fix, Severity
from newslint.errors import RuleError, UsageError

CheckFn = Callable[["Any", "Rule"], Iterable[Diagnostic]]

#: Modules holding the built-in Python checks, imported on first use.
BUILTIN_MODULES = (
    "newslint.checks.duplicates",
    "newslint.crossdup",  # DUP101, corpus mode only
    "newslint.checks.boilerplate",
    "newslint.checks.numbers",
    "newslint.checks.whitespace",
    "newslint.checks.markdown",
    "newslint.checks.meta",
    "newslint.checks.hygiene",
)

ENTRY_POINT_GROUP = "newslint.checks"


@dataclass
class Rule:
    """A rule's identity, defaults and documentation, plus its check.

    ``fix`` says what kind of fix the rule can offer (``None``: report only).
    ``options`` are the rule's settings with their defaults; a rule reads
    them as ``rule.options[...]``.  ``origin`` names where it came from
    (``builtin``, a pack file, a plugin distribution).
    """

    code: str
    name: str
    check: CheckFn
    summary: str = ""
    doc: str = ""
    severity: Severity = Severity.WARNING
    languages: frozenset[str] | None = None
    fix: Applicability | None = None
    default: bool = True
    options: dict[str, Any] = field(default_factory=dict)
    origin: str = "builtin"
    #: An off-by-default rule that a family prefix may turn on (a costly,
    #: corpus-only check such as DUP101), unlike a house-style choice.
    by_prefix: bool = False

    def applies_to(self, language: str) -> bool:
        return self.languages is None or language in self.languages

    def diagnostic(
        self,
        start: int,
        end: int,
        message: str,
        fix: Fix | None = None,
        **extra: Any,
    ) -> Diagnostic:
        """Build a finding of this rule; checks call this instead of
        constructing :class:`Diagnostic` by hand."""
        if not extra:  # the usual: positional arguments bind faster
            return Diagnostic(self.code, self.name, message, start, end, self.severity, fix)
        return Diagnostic(
            code=self.code,
            name=self.name,
            message=message,
            start=start,
            end=end,
            severity=self.severity,
            fix=fix,
            **extra,
        )

    def with_options(self, **options: Any) -> Rule:
        unknown = set(options) - set(self.options)
        if unknown:
            raise UsageError(f"rule {self.code} has no option {sorted(unknown)[0]!r}")
        return replace(self, options={**self.options, **options})


def rule(
    code: str,
    name: str,
    *,
    severity: str = "warning",
    languages: Iterable[str] | None = None,
    fix: str | None = None,
    default: bool = True,
    options: dict[str, Any] | None = None,
    by_prefix: bool = False,
) -> Callable[[CheckFn], CheckFn]:
    """Declare a check function as a rule; its docstring is the rule's doc
    (first line: the summary; then *What it does / Why it matters / Example /
    Fixed*)."""

    def decorate(func: CheckFn) -> CheckFn:
        doc = inspect.cleandoc(func.__doc__ or "")
        func.__newslint_rule__ = Rule(  # type: ignore[attr-defined]
            code=code,
            name=name,
            check=func,
            summary=doc.splitlines()[0] if doc else name,
            doc=doc,
            severity=Severity(severity),
            languages=frozenset(languages) if languages else None,
            fix=Applicability(fix) if fix else None,
            default=default,
            options=dict(options or {}),
            by_prefix=by_prefix,
        )
        return func

    return decorate


def rules_in_module(module: ModuleType, origin: str = "builtin") -> Iterator[Rule]:
    for value in vars(module).values():
        r = getattr(value, "__newslint_rule__", None)
        if isinstance(r, Rule):
            yield r if origin == "builtin" else replace(r, origin=origin)


def _may_have_plugins() -> bool:
    """Cheap pre-check before importing ``importlib.metadata`` (about 20 ms of
    start-up): does any distribution on ``sys.path`` declare the group?  It
    reads the same ``*.dist-info`` / ``*.egg-info`` folders that
    importlib.metadata's finder scans; when unsure it says yes."""
    import os
    import sys

    marker = f"[{ENTRY_POINT_GROUP}]"
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            if entry and os.path.isfile(entry):
                return True  # a zip on sys.path: let importlib.metadata look
            continue
        for name in names:
            if name.endswith((".dist-info", ".egg-info")):
                ep = os.path.join(entry or ".", name, "entry_points.txt")
                try:
                    with open(ep, encoding="utf-8", errors="replace") as fh:
                        if marker in fh.read():
                            return True
                except OSError:
                    continue
    return False


def _plugin_rules() -> Iterator[Rule]:
    if not _may_have_plugins():
        return
    from importlib.metadata import entry_points

    for ep in entry_points(group=ENTRY_POINT_GROUP):
        try:
            obj = ep.load()
        except Exception as exc:  # a broken plugin must name itself
            raise RuleError(f"plugin {ep.name!r} ({ep.value}) failed to load: {exc}") from exc
        origin = f"plugin:{ep.name}"
        if isinstance(obj, ModuleType):
            yield from rules_in_module(obj, origin)
        elif isinstance(obj, Rule):
            yield replace(obj, origin=origin)
        elif callable(obj) and isinstance(getattr(obj, "__newslint_rule__", None), Rule):
            yield replace(obj.__newslint_rule__, origin=origin)
        elif isinstance(obj, (list, tuple)):
            for item in obj:
                r = item if isinstance(item, Rule) else getattr(item, "__newslint_rule__", None)
                if not isinstance(r, Rule):
                    raise RuleError(f"plugin {ep.name!r}: {item!r} is not a newslint rule")
                yield replace(r, origin=origin)
        else:
            raise RuleError(f"plugin {ep.name!r}: {ep.value} is not a module or a list of rules")


class Registry:
    """All known rules, by code."""

    def __init__(self, rules: Iterable[Rule] = ()) -> None:
        self.rules: dict[str, Rule] = {}
        for r in rules:
            self.add(r)

    def add(self, r: Rule) -> None:
        if r.code in self.rules:
            other = self.rules[r.code]
            raise RuleError(
                f"duplicate rule code {r.code}: {r.name} ({r.origin}) and {other.name} ({other.origin})"
            )
        self.rules[r.code] = r

    def __iter__(self) -> Iterator[Rule]:
        return iter(sorted(self.rules.values(), key=lambda r: _code_key(r.code)))

    def __len__(self) -> int:
        return len(self.rules)

    def get(self, code_or_name: str) -> Rule | None:
        key = code_or_name.strip()
        r = self.rules.get(key.upper())
        if r is None:
            r = next((x for x in self.rules.values() if x.name == key.lower()), None)
        return r

    def matching(self, selector: str) -> list[Rule]:
        sel = selector.strip().upper()
        if ":" in sel:  # a whole pack or plugin: `pack:antara`, `plugin:name`
            return [r for r in self if r.origin.upper() == sel]
        if sel == "ALL":
            return list(self)
        return [r for r in self if r.code.startswith(sel)]

    def select(
        self,
        select: Iterable[str] | None = None,
        extend_select: Iterable[str] = (),
        ignore: Iterable[str] = (),
    ) -> list[Rule]:
        """Rules enabled by ruff-style selectors: ``select`` replaces the
        default set, ``extend-select`` adds to it, ``ignore`` removes."""
        if select is None:
            chosen = {r.code for r in self if r.default}
        else:
            chosen = set()
            for s in select:
                chosen |= {r.code for r in self._expect(s) if _enables(s, r)}
        for s in extend_select:
            chosen |= {r.code for r in self._expect(s) if _enables(s, r)}
        for s in ignore:
            chosen -= {r.code for r in self._expect(s)}
        return [r for r in self if r.code in chosen]

    def _expect(self, selector: str) -> list[Rule]:
        found = self.matching(selector)
        if not found:
            raise UsageError(f"unknown rule code or prefix {selector.strip()!r}")
        return found


def _enables(selector: str, r: Rule) -> bool:
    """An off-by-default rule (a house-style choice) is enabled by its own code,
    its pack or plugin (``pack:spelling-id``) or ``ALL``, never by a family
    prefix: ``--select NUM`` stays house-neutral.  A rule marked ``by_prefix``
    (off only because it is costly, e.g. DUP101) does follow its family."""
    sel = selector.strip().upper()
    if r.default or sel in (r.code, "ALL", r.origin.upper()):
        return True
    return r.by_prefix and ":" not in sel and r.code.startswith(sel)


def _code_key(code: str) -> tuple[str, int, str]:
    head = code.rstrip("0123456789")
    tail = code[len(head) :]
    return (head, int(tail) if tail else -1, code)


def load_registry(extra_rules: Iterable[Rule] = (), plugins: bool = True) -> Registry:
    """Built-in checks and packs, then user packs, then plugins; codes must
    be unique."""
    from newslint.packs import builtin_rules

    reg = Registry()
    for name in BUILTIN_MODULES:
        for r in rules_in_module(importlib.import_module(name)):
            reg.add(r)
    for r in builtin_rules():
        reg.add(r)
    for r in extra_rules:
        try:
            reg.add(r)
        except RuleError as exc:  # name the pack file that brought the clash
            source = getattr(getattr(r, "spec", None), "source", None)
            if source is None:
                raise
            raise RuleError(f"{source}: rule {r.code} ({r.name}): {exc}") from None
    if plugins:
        for r in _plugin_rules():
            reg.add(r)
    return reg
