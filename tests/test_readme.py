"""The README's rule table is generated; keep it in sync with the registry."""

from conftest import ROOT

from newslint.cli import rules_markdown
from newslint.registry import load_registry


def test_readme_rule_table_is_current():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index("<!-- rules-table:start")
    start = readme.index("\n", start) + 1
    end = readme.index("<!-- rules-table:end -->")
    assert readme[start:end] == rules_markdown(load_registry(plugins=False)), (
        "README rule table is stale: regenerate it with `newslint rules --output-format markdown`"
    )
