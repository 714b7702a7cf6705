"""TimedPattern passes its arguments to ``regex`` by position (speed): every
call must still behave like the plain pattern and still time out."""

from __future__ import annotations

import pickle

import pytest
import regex

from newslint import patterns

_EXPONENTIAL = r"(a|aa)+$"
_SLOW = "a" * 60 + "!"


@pytest.mark.parametrize(
    "call",
    [
        lambda p: p.search(_SLOW),
        lambda p: p.match(_SLOW),
        lambda p: p.fullmatch(_SLOW),
        lambda p: list(p.finditer(_SLOW)),
        lambda p: p.findall(_SLOW),
        lambda p: p.sub("", _SLOW),
        lambda p: p.subn("", _SLOW),
        lambda p: p.split(_SLOW),
        lambda p: list(p.splititer(_SLOW)),
        lambda p: p.search(_SLOW, 0, len(_SLOW)),
        lambda p: p.match(_SLOW, pos=0, endpos=len(_SLOW)),
        lambda p: list(p.finditer(_SLOW, 0, None, False)),
    ],
)
def test_every_call_times_out(call):
    with pytest.raises(TimeoutError):
        call(patterns.compile(_EXPONENTIAL, timeout=0.05))


def test_an_explicit_timeout_wins():
    p = patterns.compile(_EXPONENTIAL, timeout=None)
    for call in (p.search, p.match, p.fullmatch, p.findall):
        with pytest.raises(TimeoutError):
            call(_SLOW, timeout=0.05)
    with pytest.raises(TimeoutError):
        list(p.finditer(_SLOW, timeout=0.05))


def test_calls_match_the_plain_pattern():
    source = r"(?<=\w)(\d+)(?:[.,](\d+))?"
    p, raw = patterns.compile(source), regex.compile(source)
    text = "x12 a3.5 b 7,25 c9"
    for args in [(), (3,), (3, 12), (0, None), (2, 16)]:
        assert _same(p.search(text, *args), raw.search(text, *args))
        assert _same(p.match(text, *args), raw.match(text, *args))
        assert _same(p.fullmatch(text, *args), raw.fullmatch(text, *args))
        assert [m.span() for m in p.finditer(text, *args)] == [
            m.span() for m in raw.finditer(text, *args)
        ]
        assert p.findall(text, *args) == raw.findall(text, *args)
    assert [m.span() for m in p.finditer(text, overlapped=True)] == [
        m.span() for m in raw.finditer(text, overlapped=True)
    ]
    assert p.findall(text, 0, None, True) == raw.findall(text, 0, None, True)
    assert _same(p.match("x12", 1, partial=True), raw.match("x12", 1, partial=True))
    assert p.sub(r"<\1>", text) == raw.sub(r"<\1>", text)
    assert p.subn(r"<\1>", text, 1) == raw.subn(r"<\1>", text, 1)
    assert p.split(text) == raw.split(text) and list(p.splititer(text)) == list(raw.splititer(text))
    with pytest.raises(TypeError):
        p.search(text, nonsense=1)


def test_a_pattern_pickles_and_compiles_lazily():
    p = pickle.loads(pickle.dumps(patterns.compile(r"\d+", timeout=1.5)))
    assert p.timeout == 1.5 and p.search("ab 12").group() == "12" and p.pattern == r"\d+"


def _same(a, b) -> bool:
    return (a is None and b is None) or (
        a is not None and b is not None and a.span() == b.span() and a.groups() == b.groups()
    )


def _stdlib_patterns(value):
    import re

    from newslint.patterns import LazyRe

    if isinstance(value, re.Pattern):
        yield value
    elif isinstance(value, LazyRe):
        yield value._compiled
    elif isinstance(value, tuple | list | frozenset | set):
        for v in value:
            yield from _stdlib_patterns(v)


try:
    from re import _constants as sre_constants
    from re import _parser as sre_parse
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants
    import sre_parse


def _ops(tree):
    """Every opcode of a parsed ``re`` pattern, nested ones included."""
    for op, av in tree:
        yield op
        for part in av if isinstance(av, tuple | list) else ():
            subs = part if isinstance(part, tuple | list) else (part,)
            for sub in subs:
                if isinstance(sub, sre_parse.SubPattern):
                    yield from _ops(sub)


def test_stdlib_patterns_in_checks_have_no_repetition():
    """A ``re`` pattern without repetition runs in linear time (see
    ``newslint.patterns``): the only kind a check may use untimed."""
    import importlib
    import pkgutil

    import newslint.checks

    c = sre_constants
    banned = {
        c.MAX_REPEAT,
        c.MIN_REPEAT,
        getattr(c, "POSSESSIVE_REPEAT", c.MAX_REPEAT),
        c.GROUPREF,
        c.GROUPREF_EXISTS,
    }
    found = 0
    # boilerplate's `_READ_ALSO_HINT` (`[ \t]*:` after literals) is its owner's
    # case, made in its own tests (test_perf_prefilters.py).
    for info in pkgutil.iter_modules(newslint.checks.__path__):
        if info.name == "boilerplate":
            continue
        module = importlib.import_module(f"newslint.checks.{info.name}")
        for attr, value in vars(module).items():
            for p in _stdlib_patterns(value):
                found += 1
                bad = banned & set(_ops(sre_parse.parse(p.pattern, p.flags)))
                assert not bad, f"{info.name}.{attr}: {p.pattern!r} repeats ({bad})"
    assert found >= 5  # TXT006's class, TXT008's stops


def test_the_repetition_detector_sees_nested_repetition():
    c, parser = sre_constants, sre_parse
    assert c.MAX_REPEAT in set(_ops(parser.parse(r"x|\.(?=[ab]+c)")))
    assert c.MAX_REPEAT in set(_ops(parser.parse(r"(?:a(?:bc)*)")))
    assert c.MAX_REPEAT not in set(_ops(parser.parse(r"\.(?=[.!?A-Z])")))
