"""Pack rules' `requires` pre-filter and lazy loading: faster, never different."""

from __future__ import annotations

import dataclasses
import json
import textwrap
from pathlib import Path

import pytest

from newslint.document import Document
from newslint.engine import Linter
from newslint.errors import RuleError
from newslint.packs import builtin_pack_dir, builtin_rules, load_pack, pack_files

BUILTIN = builtin_rules()
SAMPLE = Path(__file__).parent / "data" / "corpus-sample.jsonl"


def _text(e) -> str:
    return e if isinstance(e, str) else e["text"]


def _without_prefilter(r):
    return dataclasses.replace(r, spec=r.spec.replace(requires=()))


def test_builtin_pattern_and_tail_rules_declare_requires():
    for r in BUILTIN:
        if r.spec.kind != "substitution":
            assert r.spec.requires or r.code == "BP016", r.code


@pytest.mark.parametrize("r", [r for r in BUILTIN if r.spec.requires], ids=lambda r: r.code)
def test_every_flag_example_contains_a_required_literal(r):
    """The hint can never hide a finding the examples promise."""
    for e in r.examples["flag"]:
        folded = _text(e).casefold()
        assert any(lit in folded for lit in r.spec.requires), (r.code, _text(e))


def _docs():
    texts = [json.loads(line)["text"] for line in SAMPLE.read_text("utf-8").splitlines() if line]
    for r in BUILTIN:
        texts.extend(_text(e) for key in ("flag", "pass") for e in r.examples[key])
    # case folding that changes the length (ß -> ss) turns off the per-unit filter
    texts.append("Straße gesperrt.\nADVERTISEMENT\nIa mengungkap penyebab inflasi.")
    return [(t, lang) for t in texts for lang in ("id", "en")]


@pytest.mark.parametrize("r", [r for r in BUILTIN if r.spec.requires], ids=lambda r: r.code)
def test_requires_changes_no_finding(r):
    with_hint, without = Linter([r]), Linter([_without_prefilter(r)])
    for text, lang in _docs():
        a = with_hint.lint(Document(text, language=lang, is_record=True))
        b = without.lint(Document(text, language=lang, is_record=True))
        assert a == b, (r.code, text[:80])


def test_length_changing_casefold_keeps_every_unit():
    (r,) = [r for r in BUILTIN if r.code == "BP004"]
    doc = Document("Straße gesperrt.\nADVERTISEMENT\nIa datang.", language="id")
    assert [d.code for d in Linter([r]).lint(doc)] == ["BP004"]


PACK = """\
pack: house
rules:
  - code: HS001
    name: no-alay
    message: 'Slang {match} in the text'
    pattern: '(?i)\\bwk(?:wk)+\\b'
    requires: REQUIRES
    fix: delete-match
    examples:
      flag: ["Lucu sekali wkwkwk kata dia."]
      pass: ["Lucu sekali, kata dia."]
"""


def _pack(tmp_path: Path, requires: str) -> Path:
    p = tmp_path / "house.yaml"
    p.write_text(textwrap.dedent(PACK.replace("REQUIRES", requires)), encoding="utf-8")
    return p


def test_user_pack_requires_skips_texts_without_the_literal(tmp_path):
    (r,) = load_pack(_pack(tmp_path, "['WKWK']")).rules
    assert r.spec.requires == ("wkwk",)
    linter = Linter([r])
    assert [d.code for d in linter.lint(Document("Lucu WkWk sekali.", language="id"))] == ["HS001"]
    assert linter.lint(Document("Lucu sekali.", language="id")) == []


@pytest.mark.parametrize("value", ["[]", "wk", "['']", "[1]"])
def test_bad_requires_is_an_error(tmp_path, value):
    with pytest.raises(RuleError, match=r"rule HS001: `requires` must be a non-empty list"):
        load_pack(_pack(tmp_path, value))


def test_requires_that_would_hide_an_example_is_an_error(tmp_path):
    with pytest.raises(RuleError, match=r"example flag\[0\] contains none of `requires`"):
        load_pack(_pack(tmp_path, "['haha']"))


def test_user_pack_bad_regex_is_still_reported_at_load(tmp_path):
    p = _pack(tmp_path, "['wk']")
    p.write_text(p.read_text("utf-8").replace("(?:wk)+", "(?:wk+"), encoding="utf-8")
    with pytest.raises(RuleError, match="bad regex in `pattern`"):
        load_pack(p)


def test_builtin_packs_parse_the_same_with_libyaml():
    """Built-in packs are read with libyaml's CSafeLoader when available."""
    yaml = pytest.importorskip("yaml")
    if not hasattr(yaml, "CSafeLoader"):
        pytest.skip("PyYAML built without libyaml")
    for p in pack_files(builtin_pack_dir()):
        raw = p.read_text("utf-8")
        assert yaml.load(raw, Loader=yaml.CSafeLoader) == yaml.safe_load(raw), p.name


def _fresh_load(path: Path):
    from newslint import packs

    packs._load_pack_cached.cache_clear()
    return load_pack(path, verify=False)


def test_builtin_pack_parse_cache_round_trips(tmp_path, monkeypatch):
    """The parsed YAML kept in parsed/ gives the very same rules, is ignored
    once the pack changes, and is not written when bytecode is not."""
    import sys

    from newslint import packs

    src = next(p for p in pack_files(builtin_pack_dir()) if p.stem == "boilerplate")
    path = tmp_path / src.name
    path.write_text(src.read_text("utf-8"), encoding="utf-8")
    cache = tmp_path / "parsed" / f"{src.stem}.json"

    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    first = _fresh_load(path)
    assert not cache.exists()

    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    assert _fresh_load(path).rules == first.rules
    assert cache.exists()
    monkeypatch.setattr(packs, "_parse_yaml", lambda *a: pytest.fail("YAML parsed again"))
    assert _fresh_load(path).rules == first.rules  # from the cache

    monkeypatch.undo()
    path.write_text(path.read_text("utf-8").replace("BP004", "BP017"), encoding="utf-8")
    assert "BP017" in {r.code for r in _fresh_load(path).rules}  # stale cache ignored
    cache.write_text("{not json", encoding="utf-8")
    assert "BP017" in {r.code for r in _fresh_load(path).rules}  # broken cache ignored
    packs._load_pack_cached.cache_clear()


def test_user_packs_are_never_read_from_the_cache(tmp_path, monkeypatch):
    from newslint import packs

    path = _pack(tmp_path, "['wk']")
    monkeypatch.setattr(packs, "_read_parsed", lambda *a: pytest.fail("cache read"))
    monkeypatch.setattr(packs, "_write_parsed", lambda *a: pytest.fail("cache written"))
    assert [r.code for r in load_pack(path).rules] == ["HS001"]


def test_shipped_parsed_packs_are_current():
    """rules/parsed/ (read at start-up instead of the YAML) holds, for each
    pack, the very data the YAML parses to: as JSON with the text's CRC, and
    as ``marshal`` with the text itself."""
    import json
    import marshal

    import yaml

    from newslint import packs

    for src in pack_files(builtin_pack_dir()):
        raw = src.read_text(encoding="utf-8")
        shipped = json.loads(packs._parsed_path(src).read_text(encoding="utf-8"))
        assert shipped["crc32"] == packs._crc(raw), f"{src.name}: regenerate rules/parsed/"
        assert shipped["data"] == yaml.safe_load(raw), f"{src.name}: regenerate rules/parsed/"
        # (the form read at start-up: the pack's text and its data)
        text, data = marshal.loads(packs._parsed_path(src, ".marshal").read_bytes())
        assert (text, data) == (raw, shipped["data"]), f"{src.name}: regenerate rules/parsed/"


def test_marshal_cache_is_used_only_for_the_very_text(tmp_path, monkeypatch):
    import marshal

    """``NAME.marshal`` serves the pack whose text it holds; a changed pack,
    a broken or foreign file (another Python's ``marshal``) falls back to
    the JSON or the YAML, and a fresh one is written from the JSON."""
    import sys

    from newslint import packs

    src = next(p for p in pack_files(builtin_pack_dir()) if p.stem == "detik")
    path = tmp_path / src.name
    path.write_text(src.read_text("utf-8"), encoding="utf-8")
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    want = _fresh_load(path).rules  # writes both forms
    blob = tmp_path / "parsed" / f"{src.stem}.marshal"
    assert blob.exists() and (tmp_path / "parsed" / f"{src.stem}.json").exists()
    monkeypatch.setattr(packs, "_parse_yaml", lambda *a: pytest.fail("YAML parsed again"))
    monkeypatch.setattr(packs, "_crc", lambda raw: pytest.fail("JSON read"))
    assert _fresh_load(path).rules == want  # from the marshal form alone
    monkeypatch.undo()
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    for broken in (b"", b"\xff\x00junk", marshal.dumps(("other text", {})), marshal.dumps(1)):
        blob.write_bytes(broken)
        assert _fresh_load(path).rules == want  # from the JSON, which rewrites the blob
        assert marshal.loads(blob.read_bytes())[0] == path.read_text("utf-8")
    path.write_text(path.read_text("utf-8").replace("BP014", "BP019"), encoding="utf-8")
    assert "BP019" in {r.code for r in _fresh_load(path).rules}  # stale text: the YAML
    packs._load_pack_cached.cache_clear()
