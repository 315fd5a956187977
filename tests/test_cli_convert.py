"""``articlekit schema`` and ``articlekit convert``."""

from __future__ import annotations

import io
import json
import sys
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

import articlekit
from articlekit._jsonable import jsonable
from articlekit.cli import run
from articlekit.cli.params import kinds
from conftest import EXAMPLES, corpus_files

HELLO = EXAMPLES / "hello-article.md"


# --------------------------------------------------------------------------- schema


def _expected_schema(kind: type[articlekit.Article] = articlekit.Article) -> object:
    json_schema = getattr(articlekit, "json_schema", None)
    raw = json_schema(kind=kind) if callable(json_schema) else kind.model_json_schema(by_alias=True)
    return json.loads(json.dumps(raw))


def test_schema_to_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema == _expected_schema()
    assert "publishedDateTime" in schema["properties"]
    assert "published_date_time" not in schema["properties"]


def test_schema_to_file_and_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "article.schema.json"
    assert run(["schema", "--output", str(target), "--indent", "0"]) == 0
    assert capsys.readouterr().out == ""
    text = target.read_text(encoding="utf-8")
    assert text.count("\n") == 1
    assert json.loads(text) == _expected_schema()


def test_schema_kinds(capsys: pytest.CaptureFixture[str]) -> None:
    for name, kind in kinds().items():
        assert run(["schema", "--kind", name.upper()]) == 0
        assert json.loads(capsys.readouterr().out) == _expected_schema(kind)  # type: ignore[arg-type]
    assert run(["schema", "--kind", "nonsense"]) == 2
    assert "known kinds: " in capsys.readouterr().err


def test_schema_unwritable_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["schema", "--output", str(tmp_path / "no" / "such" / "dir.json")]) == 2
    assert "cannot write" in capsys.readouterr().err


# --------------------------------------------------------------------------- convert


def test_convert_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["convert", str(HELLO), "--to", "json"]) == 0
    (record,) = json.loads(capsys.readouterr().out)
    data, body = articlekit.parse(HELLO.read_bytes())
    assert record["path"] == str(HELLO)
    assert record["body"] == body
    assert list(record["front_matter"]) == list(data)  # YAML keys, in file order
    assert record["front_matter"]["heat"] == data["heat"]
    published = data["publishedDateTime"]
    assert isinstance(published, datetime)
    assert record["front_matter"]["publishedDateTime"] == published.strftime("%Y-%m-%dT%H:%M:%SZ")
    assert record["front_matter"]["images"] == data["images"]


def test_convert_jsonl_and_failures(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.md").write_bytes(HELLO.read_bytes())
    (tmp_path / "b.md").write_text("---\ntitle: x\n", encoding="utf-8")
    (tmp_path / "c.md").write_text('---\ntitle: "c"\nwhen: 2024-01-02\n---\nbody\n', encoding="utf-8")
    out_file = tmp_path / "out" / "all.jsonl"
    out_file.parent.mkdir()
    assert run(["convert", str(tmp_path), "--to", "jsonl", "-o", str(out_file)]) == 1
    err = capsys.readouterr().err
    assert f"cannot convert {tmp_path / 'b.md'}" in err
    assert f"{tmp_path / 'b.md'}:1:1: error AK103" in err
    records = [json.loads(line) for line in out_file.read_text(encoding="utf-8").splitlines()]
    assert [Path(r["path"]).name for r in records] == ["a.md", "c.md"]
    assert records[1] == {
        "path": str(tmp_path / "c.md"),
        "front_matter": {"title": "c", "when": "2024-01-02"},
        "body": "body\n",
    }


def test_convert_validate_leaves_out_invalid_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "ok.md").write_bytes(HELLO.read_bytes())
    (tmp_path / "bad.md").write_text(HELLO.read_text(encoding="utf-8").replace("heat: 17", 'heat: "x"'))
    assert run(["convert", str(tmp_path)]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 2
    assert run(["convert", str(tmp_path), "--validate"]) == 1
    out, err = capsys.readouterr()
    assert [Path(r["path"]).name for r in json.loads(out)] == ["ok.md"]
    assert "AK302" in err


def test_convert_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"---\na: 1\n---\n")))
    assert run(["convert", "-", "--stdin-filename", "x.md", "--to", "jsonl"]) == 0
    assert json.loads(capsys.readouterr().out) == {"path": "x.md", "front_matter": {"a": 1}, "body": ""}


def test_convert_missing_path(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["convert", "no-such-file.md", str(HELLO)]) == 2
    out, err = capsys.readouterr()
    assert len(json.loads(out)) == 1
    assert "cannot read no-such-file.md" in err


def test_jsonable_values() -> None:
    utc = datetime(2021, 6, 2, 10, 0, tzinfo=timezone.utc)
    plus2 = datetime(2021, 6, 2, 10, 0, 30, tzinfo=timezone(timedelta(hours=2)))
    data = {
        "utc": utc,
        "plus2": plus2,
        "naive": datetime(2021, 6, 2, 10, 0),
        "day": date(2021, 6, 2),
        1: [float("nan"), float("inf"), float("-inf"), 1.5, None, True],
        "raw": b"\x00\xff",
        date(2020, 1, 1): "date key",
    }
    assert jsonable(data) == {
        "utc": "2021-06-02T10:00:00Z",
        "plus2": "2021-06-02T10:00:30+02:00",
        "naive": "2021-06-02T10:00:00",
        "day": "2021-06-02",
        "1": ["NaN", "Infinity", "-Infinity", 1.5, None, True],
        "raw": "AP8=",
        "2020-01-01": "date key",
    }


def test_convert_corpus_round_trips_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    news = corpus_files("_news")[:20]
    if not news:
        pytest.skip("../shared/corpus is not present")
    assert run(["convert", *map(str, news), "--to", "jsonl"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(news)
    for line, path in zip(lines, news, strict=True):
        record = json.loads(line)
        data, body = articlekit.parse(path.read_bytes())
        assert record["path"] == str(path)
        assert record["body"] == body
        assert record["front_matter"]["title"] == data["title"]
