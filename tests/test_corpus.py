"""Corpus mode: `newslint check corpus.jsonl|.csv`, --fix -o, --jobs, --strict, --changes."""

from __future__ import annotations

import csv
import io
import json
import shutil

import pytest
from conftest import DATA, SHARED_CORPUS, load_jsonl

from newslint import corpus
from newslint.runner import CheckOptions, run_check

SAMPLE = DATA / "corpus-sample.jsonl"


def run(*paths, **kw):
    out, err = io.StringIO(), io.StringIO()
    opts = CheckOptions(paths=[str(p) for p in paths], isolated=True, **kw)
    code = run_check(opts, out, err)
    return code, out.getvalue(), err.getvalue()


def write_jsonl(path, rows):
    with path.open("w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    return path


def write_csv(path, rows, fields=("id", "source", "title", "text")):
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(fields))
        w.writeheader()
        w.writerows(rows)
    return path


@pytest.fixture
def sample(tmp_path):
    return shutil.copy(SAMPLE, tmp_path / "sample.jsonl")


def test_lint_names_record_and_position(sample):
    code, out, err = run(sample, jobs=1, output_format="text")
    assert code == 1
    lines = [x for x in out.splitlines() if x.startswith(str(sample))]
    assert len(lines) > 20 and all(x.startswith(f"{sample}:#") for x in lines)
    name, rec, line, col, _ = lines[0].split(":", 4)
    assert rec[1:].isdigit() and line.isdigit() and col.isdigit()
    assert "records" in err and "with findings" in err and "\nrule     name" in err


def test_id_field_names_the_record(sample):
    rows = load_jsonl(sample)
    code, out, _ = run(sample, jobs=1, id_field="id", output_format="json")
    data = json.loads(out)
    ids = {r["id"] for r in rows}
    assert data and all(d["path"].split(":", 1)[1] in ids for d in data)


def test_record_text_has_no_file_hygiene(tmp_path):
    p = write_jsonl(tmp_path / "c.jsonl", [{"text": "Isi berita tanpa baris baru"}])
    code, out, _ = run(p, jobs=1)
    assert code == 0 and "TXT002" not in out


def test_fix_keeps_every_record_and_field(sample, tmp_path):
    clean = tmp_path / "clean.jsonl"
    code, out, err = run(sample, fix=True, output_file=str(clean), jobs=1)
    assert code in (0, 1), err
    before = load_jsonl(sample)
    after = load_jsonl(clean)
    assert len(before) == len(after)
    changed = 0
    raw_before = sample.read_bytes().split(b"\n")
    raw_after = clean.read_bytes().split(b"\n")
    for a, b, ra, rb in zip(before, after, raw_before, raw_after, strict=False):
        assert list(a) == list(b)  # same fields, same order
        assert all(a[k] == b[k] for k in a if k != "text")
        if a["text"] != b["text"]:
            changed += 1
        else:
            assert ra == rb  # untouched records are written back byte for byte
    assert changed > 10
    # Fixing the cleaned corpus again changes nothing.
    again = tmp_path / "again.jsonl"
    run(clean, fix=True, output_file=str(again), jobs=1)
    assert again.read_bytes() == clean.read_bytes()


def test_fix_needs_output_file_and_never_writes_in_place(sample):
    before = sample.read_bytes()
    code, _, err = run(sample, fix=True)
    assert code == 2 and "-o FILE" in err
    assert sample.read_bytes() == before


def test_output_file_without_fix_is_the_findings_report(sample, tmp_path):
    report = tmp_path / "findings.json"
    code, out, _ = run(sample, output_file=str(report), output_format="json", jobs=1)
    assert code == 1 and out == ""
    assert json.loads(report.read_text(encoding="utf-8"))


def test_jobs_2_equals_jobs_1(sample, tmp_path, monkeypatch):
    monkeypatch.setattr(corpus, "CHUNK_RECORDS", 7)  # many chunks, several in flight
    c1, c2 = tmp_path / "c1.jsonl", tmp_path / "c2.jsonl"
    r1 = run(sample, fix=True, output_file=str(c1), jobs=1, output_format="json")
    r2 = run(sample, fix=True, output_file=str(c2), jobs=2, output_format="json")
    assert r1 == r2
    assert c1.read_bytes() == c2.read_bytes()
    l1 = run(sample, jobs=1)
    l2 = run(sample, sample, jobs=2)
    assert l2[1].count("\n") == 2 * l1[1].count("\n") - 1  # one summary line


def test_unparsable_record_is_reported_and_passed_through(tmp_path):
    good = {"id": "a", "text": "Isi berita.\nBaca juga: Judul lain"}
    lines = [
        json.dumps(good),
        '{"id": "b", "text": broken',
        "[1, 2]",
        '{"id": "c"}',
        '{"id": "d", "text": 42}',
        '{"id": "e", "text": null}',
    ]
    p = tmp_path / "c.jsonl"
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "o.jsonl"
    code, _, err = run(p, fix=True, output_file=str(out), jobs=1)
    assert code == 1
    for n, what in ((2, "invalid JSON"), (3, "not a JSON object"), (4, "no field"), (5, "int")):
        assert f"c.jsonl:{n}: record #{n}: " in err and what in err
    assert err.count("passed through unchanged") == 4
    written = out.read_text(encoding="utf-8").split("\n")
    assert written[1:6] == lines[1:6]
    assert json.loads(written[0])["text"] == "Isi berita."
    assert "unparsable       4" in err


def test_strict_stops_with_exit_2_and_no_output(tmp_path):
    p = tmp_path / "c.jsonl"
    p.write_text('{"text": "a"}\nnot json\n{"text": "b"}\n', encoding="utf-8")
    out = tmp_path / "o.jsonl"
    code, _, err = run(p, fix=True, output_file=str(out), strict=True, jobs=1)
    assert code == 2 and "error: " in err and "c.jsonl:2:" in err
    assert not out.exists() and list(tmp_path.iterdir()) == [p]


def test_line_separators_survive_and_stay_escaped(tmp_path):
    text = "Paragraf satu\u2028masih satu.\x85Lanjut.\nBaca juga: Judul lain"
    p = write_jsonl(tmp_path / "c.jsonl", [{"text": text}, {"text": "b\u2028c"}])
    out = tmp_path / "o.jsonl"
    run(p, fix=True, output_file=str(out), jobs=1, select=["BP"])  # no control-character rules
    data = out.read_bytes()
    assert data.count(b"\n") == 2
    assert "\u2028".encode() not in data.split(b"\n")[0]
    assert [r["text"] for r in load_jsonl(out)] == [
        "Paragraf satu\u2028masih satu.\x85Lanjut.",
        "b\u2028c",
    ]


def test_changes_audit(sample, tmp_path):
    changes = tmp_path / "changes.jsonl"
    code, _, _ = run(
        sample,
        fix=True,
        output_file=str(tmp_path / "o.jsonl"),
        changes=str(changes),
        id_field="id",
        jobs=1,
    )
    entries = load_jsonl(changes)
    texts = {r["id"]: r["text"] for r in load_jsonl(sample)}
    assert entries
    for e in entries:
        assert isinstance(e["bytes_removed"], int) and e["changes"]  # < 0 if a fix adds
        for c in e["changes"]:
            assert c["code"] and c["line"] >= 1
        # What the first pass removed is in the original text.
        first = e["changes"][0]
        assert first["removed"] or first.get("inserted")
        assert first["removed"] in texts[e["id"]]
    codes = {c["code"] for e in entries for c in e["changes"]}
    assert any(c.startswith("BP") for c in codes)


def test_csv_lint_and_fix_keep_columns(sample, tmp_path):
    rows = load_jsonl(sample)
    p = write_csv(tmp_path / "c.csv", rows)
    code_j, out_j, _ = run(sample, jobs=1, output_format="json")
    code_c, out_c, _ = run(p, jobs=1, output_format="json")
    strip = lambda out: [{k: v for k, v in d.items() if k != "path"} for d in json.loads(out)]  # noqa: E731
    assert code_j == code_c and strip(out_j) == strip(out_c)
    clean = tmp_path / "clean.csv"
    run(p, fix=True, output_file=str(clean), jobs=1)
    jclean = tmp_path / "clean.jsonl"
    run(sample, fix=True, output_file=str(jclean), jobs=1)
    with clean.open(encoding="utf-8", newline="") as fh:
        got = list(csv.DictReader(fh))
    assert [list(r) for r in got] == [["id", "source", "title", "text"]] * len(rows)
    assert [r["text"] for r in got] == [r["text"] for r in load_jsonl(jclean)]
    assert [r["id"] for r in got] == [r["id"] for r in rows]


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_csv_fix_keeps_row_terminator(tmp_path, newline):
    """The cleaned CSV ends its rows as the input does; newlines inside a
    quoted text are the text's own and stay as they were."""
    p = tmp_path / "c.csv"
    with p.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator=newline)
        w.writerow(["id", "text"])
        w.writerow(["1", "Paragraf pertama.\n\nBaca juga: Judul lain\n\nParagraf kedua."])
        w.writerow(["2", "Berita tanpa masalah."])
    clean = tmp_path / "clean.csv"
    code, _, err = run(p, fix=True, output_file=str(clean), jobs=1)
    assert code in (0, 1), err
    raw = clean.read_bytes()
    assert raw.startswith(f"id,text{newline}".encode())
    assert raw.endswith(f"Berita tanpa masalah.{newline}".encode())
    if newline == "\n":
        assert b"\r" not in raw
    with clean.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    assert [r[0] for r in rows] == ["id", "1", "2"]
    assert "Baca juga" not in rows[1][1] and "Paragraf kedua." in rows[1][1]


def test_stdin_fix_writes_corpus_to_stdout(cli, sample):
    r = cli(
        "check", "--isolated", "--input-format", "jsonl", "--fix", "-", input=sample.read_bytes()
    )
    out_rows = [json.loads(x) for x in r.stdout.splitlines() if x.strip()]
    assert len(out_rows) == len(load_jsonl(sample))
    assert "records" in r.stderr


def test_cli_flags(cli, sample, tmp_path):
    r = cli("check", "--isolated", "--jobs", "1", "--id-field", "id", "-q", str(sample))
    assert r.exit_code == 1 and "records" not in r.stderr
    r = cli("check", "--isolated", "--fix", "-o", str(tmp_path / "o.jsonl.gz"), str(sample))
    assert r.exit_code in (0, 1) and (tmp_path / "o.jsonl.gz").exists()
    r = cli("check", "--isolated", "--diff", str(sample))
    assert r.exit_code == 2 and "not supported" in r.stderr
    r = cli("check", "--isolated", "-", input=b"{}")
    assert r.exit_code in (0, 1)  # plain stdin is still a plain article


def test_progress_bar_only_on_a_terminal(sample):
    class Tty(io.StringIO):
        def isatty(self):
            return True

    err = Tty()
    bar = corpus.ProgressBar(err, total_bytes=1000)
    bar.update(10, 500, force=True)
    assert "10 records" in err.getvalue() and "MB/s" in err.getvalue()
    _, _, plain_err = run(sample, jobs=1)
    assert "\r" not in plain_err and "rec/s" not in plain_err


def test_shared_corpus_fix_keeps_everything(tmp_path):
    if not SHARED_CORPUS.is_dir():
        pytest.skip("../shared/corpus not present (fresh clone): corpus-wide check skipped")
    files = sorted(SHARED_CORPUS.glob("*.jsonl"))
    out = tmp_path / "clean.jsonl"
    code, _, err = run(*files, fix=True, output_file=str(out), jobs=2, quiet=True)
    assert code in (0, 1), err
    before = [r for f in files for r in load_jsonl(f)]
    after = load_jsonl(out)
    assert len(before) == len(after)
    assert all(
        a.keys() == b.keys() and a["id"] == b["id"] for a, b in zip(before, after, strict=True)
    )


def test_jobs_over_plain_files_keeps_order_and_output(sample, tmp_path):
    rows = load_jsonl(sample)[:40]
    folders = []
    for name in ("a", "b"):
        d = tmp_path / name
        d.mkdir()
        for i, r in enumerate(rows):
            (d / f"{i:03d}.txt").write_text(r["text"], encoding="utf-8")
        folders.append(d)
    (folders[0] / "bad.txt").write_bytes(b"caf\xe9\n")
    (folders[1] / "bad.txt").write_bytes(b"caf\xe9\n")
    serial = run(folders[0], jobs=1, output_format="json")
    pooled = run(folders[0], jobs=2, output_format="json")
    assert serial == pooled and serial[0] == 2 and "not valid UTF-8" in serial[2]
    diff1 = run(folders[0], jobs=1, diff=True)
    diff2 = run(folders[0], jobs=2, diff=True)
    assert diff1 == diff2 and diff1[1].count("--- a/") > 5
    run(folders[0], jobs=1, fix=True)
    run(folders[1], jobs=2, fix=True)
    for f in sorted(folders[0].iterdir()):
        assert f.read_bytes() == (folders[1] / f.name).read_bytes()


def test_output_may_not_be_an_input(sample):
    before = sample.read_bytes()
    code, _, err = run(sample, fix=True, output_file=str(sample), jobs=1)
    assert code == 2 and "in place" in err and sample.read_bytes() == before


def test_missing_input_stops_before_any_work(sample, tmp_path):
    out = tmp_path / "o.jsonl"
    code, _, err = run(sample, tmp_path / "nope.jsonl", fix=True, output_file=str(out), jobs=1)
    assert code == 2 and "nope.jsonl: no such file" in err and not out.exists()


def test_spawned_workers_give_the_same_result(sample, tmp_path, monkeypatch):
    # macOS and Windows start workers with spawn: the linter must pickle.
    import multiprocessing

    from newslint import parallel

    monkeypatch.setattr(parallel, "_pool_context", lambda: multiprocessing.get_context("spawn"))
    c1, c2 = tmp_path / "c1.jsonl", tmp_path / "c2.jsonl"
    r1 = run(sample, fix=True, output_file=str(c1), jobs=1, output_format="json")
    r2 = run(sample, fix=True, output_file=str(c2), jobs=2, output_format="json")
    assert r1 == r2 and c1.read_bytes() == c2.read_bytes()


def test_baseline_on_a_corpus_reports_only_new_findings(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    old = "Harga naik.  Baca juga: Harga turun\nIsi berita yang panjang di sini."
    rows = [{"id": "a", "text": old}, {"id": "b", "text": "Isi berita lain yang bersih."}]
    write_jsonl(tmp_path / "c.jsonl", rows)
    args = ("check", "--isolated", "--id-field", "id", "--baseline", "b.json")
    r = cli(*args, "--output-format", "json", "c.jsonl")
    assert r.exit_code == 0 and json.loads(r.stdout) == []
    assert "baseline b.json written with" in r.stderr
    recorded = json.loads((tmp_path / "b.json").read_text(encoding="utf-8"))["findings"]
    assert recorded and {e["path"] for e in recorded} == {"c.jsonl:a"}
    # Same corpus, a record inserted before "a": nothing new (keyed on the id).
    rows.insert(0, {"id": "z", "text": "Isi berita pembuka yang bersih."})
    write_jsonl(tmp_path / "c.jsonl", rows)
    assert cli(*args, "--jobs", "2", "c.jsonl").exit_code == 0
    # A new artifact in "b" is reported, the recorded one in "a" is not.
    rows[2]["text"] += "\nCOPYRIGHT \u00a9 ANTARA 2024"
    write_jsonl(tmp_path / "c.jsonl", rows)
    r = cli(*args, "--output-format", "json", "c.jsonl")
    found = json.loads(r.stdout)
    assert r.exit_code == 1 and {f["path"] for f in found} == {"c.jsonl:b"}
    assert {f["code"] for f in found} == {"BP001"}


def test_baseline_applies_to_what_fix_leaves(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write_jsonl(tmp_path / "c.jsonl", [{"text": "Harga naik 4,044 unit.\nIsi berita di sini."}])
    base = ("check", "--isolated", "--baseline", "b.json")
    r = cli(*base, "c.jsonl")
    assert r.exit_code == 0 and "written with 1 finding" in r.stderr  # NUM001, unsafe fix only
    r = cli(*base, "--fix", "-o", "clean.jsonl", "c.jsonl")
    assert r.exit_code == 0 and (tmp_path / "clean.jsonl").exists()
