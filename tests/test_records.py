"""Streaming record readers and writers: JSONL split on \\n only, gz, CSV."""

from __future__ import annotations

import gzip
import json

import pytest

from newslint.errors import InputError, UsageError
from newslint.records import RecordReader, RecordWriter, format_of, is_record_path


def test_format_and_suffixes():
    assert is_record_path("a.jsonl") and is_record_path("A.JSONL.GZ") and is_record_path("x.csv")
    assert not is_record_path("a.txt") and not is_record_path("a.json")
    assert format_of("a.jsonl.gz") == "jsonl" and format_of("a.csv") == "csv"
    assert format_of("-", "csv") == "csv"
    with pytest.raises(UsageError):
        format_of("a.txt")
    with pytest.raises(UsageError):
        format_of("a.jsonl", "xml")


def test_jsonl_splits_on_newline_only(tmp_path):
    # Raw U+2028, U+2029 and U+0085 inside a string are legal JSON and must
    # not cut a record: str.splitlines() would make five records of these two.
    texts = ["satu\u2028dua\u2029tiga", "empat\x85lima"]
    p = tmp_path / "c.jsonl"
    body = "".join(json.dumps({"text": t}, ensure_ascii=False) + "\n" for t in texts)
    assert len(body.splitlines()) > 2
    p.write_text("\ufeff" + body + "\n  \n", encoding="utf-8")
    with RecordReader(str(p), "jsonl") as r:
        recs = list(r)
    assert [json.loads(x.payload)["text"] for x in recs] == texts
    assert [(x.index, x.line) for x in recs] == [(1, 1), (2, 2)]


def test_jsonl_crlf_and_line_numbers_skip_blank_lines(tmp_path):
    p = tmp_path / "c.jsonl"
    p.write_bytes(b'{"text": "a"}\r\n\r\n{"text": "b"}\n{"text": "c"}')
    with RecordReader(str(p), "jsonl") as r:
        recs = list(r)
    assert [(x.index, x.line, x.payload) for x in recs] == [
        (1, 1, b'{"text": "a"}'),
        (2, 3, b'{"text": "b"}'),
        (3, 4, b'{"text": "c"}'),
    ]


def test_gzip_round_trip(tmp_path):
    src = tmp_path / "c.jsonl.gz"
    with gzip.open(src, "wb") as fh:
        fh.write(b'{"text": "x"}\n{"text": "y"}\n')
    with RecordReader(str(src), "jsonl") as r:
        recs = list(r)
    out = tmp_path / "o.jsonl.gz"
    w = RecordWriter(str(out), "jsonl")
    for x in recs:
        w.write_line(x.payload)
    w.commit()
    assert gzip.decompress(out.read_bytes()) == b'{"text": "x"}\n{"text": "y"}\n'


def test_csv_multiline_cells_and_bad_rows(tmp_path):
    p = tmp_path / "c.csv"
    p.write_text(
        'id,text\r\n1,"baris satu\nbaris dua"\r\n2,oke\r\n3,a,b\r\n',
        encoding="utf-8",
        newline="",
    )
    with RecordReader(str(p), "csv") as r:
        recs = list(r)
        assert r.header == ["id", "text"]
    assert [(x.index, x.line) for x in recs] == [(1, 2), (2, 4), (3, 5)]
    assert recs[0].payload == ["1", "baris satu\nbaris dua"]
    assert recs[0].error is None and recs[2].error and "3 cells" in recs[2].error


def test_csv_not_utf8_is_an_input_error(tmp_path):
    p = tmp_path / "c.csv"
    p.write_bytes(b"id,text\n1,caf\xe9\n")
    with pytest.raises(InputError, match="not valid UTF-8"), RecordReader(str(p), "csv") as r:
        list(r)


def test_missing_file(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        RecordReader(str(tmp_path / "nope.jsonl"), "jsonl")


def test_writer_abort_leaves_nothing(tmp_path):
    out = tmp_path / "o.csv"
    w = RecordWriter(str(out), "csv", ["id", "text"])
    w.write_row(["1", "a,b"])
    w.abort()
    assert list(tmp_path.iterdir()) == []
    w = RecordWriter(str(out), "csv", ["id", "text"])
    w.write_row(["1", "a,b\nc"])
    w.commit()
    assert out.read_bytes() == b'id,text\r\n1,"a,b\nc"\r\n'
