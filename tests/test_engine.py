import pytest

from newslint.diagnostics import Applicability, Edit, Fix
from newslint.document import Document
from newslint.engine import Linter, apply_edits, choose_fixes
from newslint.errors import RuleError
from newslint.registry import Rule, load_registry


def make_rule(check, code="TST001", fix=Applicability.SAFE):
    return Rule(code=code, name="test-rule", check=check, fix=fix)


def test_apply_edits_in_order_and_rejects_overlap():
    assert apply_edits("abcdef", [Edit(4, 5, "X"), Edit(0, 1, "")]) == "bcdXf"
    with pytest.raises(ValueError):
        apply_edits("abcdef", [Edit(0, 3), Edit(2, 4)])


def test_overlapping_fixes_wait_for_the_next_pass():
    def check(doc, rule):
        i = doc.text.find("aa")
        if i >= 0:
            yield rule.diagnostic(i, i + 2, "aa", Fix.replace(i, i + 2, "a", "shrink"))
            yield rule.diagnostic(i, i + 2, "aa", Fix.replace(i, i + 2, "a", "shrink"))

    linter = Linter([make_rule(check)])
    result = linter.fix(Document("aaaa"))
    assert result.text == "a"
    assert result.converged


def test_fix_reports_non_convergence_instead_of_looping():
    def check(doc, rule):
        yield rule.diagnostic(0, 0, "grow", Fix.replace(0, 0, "x", "grow"))

    result = Linter([make_rule(check)]).fix(Document("a"), max_iterations=5)
    assert not result.converged
    assert result.iterations == 5


def test_unsafe_fixes_only_when_asked():
    def check(doc, rule):
        if "bad" in doc.text:
            i = doc.text.index("bad")
            yield rule.diagnostic(
                i, i + 3, "bad", Fix.replace(i, i + 3, "", "drop", Applicability.UNSAFE)
            )

    linter = Linter([make_rule(check)])
    assert linter.fix(Document("a bad")).text == "a bad"
    assert linter.fix(Document("a bad"), unsafe=True).text == "a "


def test_choose_fixes_skips_disallowed():
    r = make_rule(lambda d, r: [])
    d1 = r.diagnostic(0, 1, "x", Fix.replace(0, 1, "", "m", Applicability.UNSAFE))
    assert choose_fixes([d1], unsafe=False) == []
    assert choose_fixes([d1], unsafe=True) == [d1]


def test_crashing_rule_becomes_a_rule_error():
    def check(doc, rule):
        raise ZeroDivisionError("boom")
        yield

    with pytest.raises(RuleError, match="TST001.*crashed.*ZeroDivisionError"):
        Linter([make_rule(check)]).lint(Document("x"))


def test_language_filter():
    def check(doc, rule):
        yield rule.diagnostic(0, 1, "hit")

    r = make_rule(check)
    r.languages = frozenset({"en"})
    assert Linter([r]).lint(Document("x", language="id")) == []
    assert len(Linter([r]).lint(Document("x", language="en"))) == 1


def test_selection_by_prefix_and_ignore():
    reg = load_registry()
    codes = {r.code for r in reg.select(select=["BP"], ignore=["BP002"])}
    assert codes == {r.code for r in reg if r.code.startswith("BP")} - {"BP002"}
    assert {r.code for r in reg.select(select=["ALL"])} == {r.code for r in reg}


def test_unknown_selector_is_an_error():
    from newslint.errors import UsageError

    with pytest.raises(UsageError, match="XYZ999"):
        load_registry().select(select=["XYZ999"])


def test_every_rule_is_documented_in_ruff_style():
    for r in load_registry():
        if r.origin != "builtin":
            continue
        for heading in ("## What it does", "## Why it matters", "## Example", "## Fixed"):
            assert heading in r.doc, f"{r.code} lacks {heading}"


def test_identical_superseding_findings_keep_one():
    from newslint.engine import fold_superseded

    r1 = make_rule(lambda d, r: [], code="TST001")
    r2 = make_rule(lambda d, r: [], code="TST002")
    a = r1.diagnostic(0, 10, "a", supersedes=True)
    b = r2.diagnostic(0, 10, "b", supersedes=True)
    inner = r1.diagnostic(2, 4, "inner")
    assert fold_superseded([a, b, inner]) == [a]


def test_pack_selector_enables_an_off_by_default_pack():
    reg = load_registry()
    off = [r for r in reg if not r.default and r.origin.startswith("pack:")]
    if not off:
        pytest.skip("no off-by-default pack shipped")
    origin = off[0].origin
    chosen = {r.code for r in reg.select(extend_select=[origin])}
    assert {r.code for r in off if r.origin == origin} <= chosen
