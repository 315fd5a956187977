"""``articlekit schema`` and ``articlekit convert``."""

from __future__ import annotations

import io
import json
import os
import sys
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

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


# --------------------------------------------------------------------------- convert streams


def _site(folder: Path, n: int, body: str = "body\n") -> list[Path]:
    """`n` files (every seventh one not front matter), in the order `convert` finds them."""
    folder.mkdir(parents=True, exist_ok=True)
    hello = HELLO.read_text(encoding="utf-8")
    paths = []
    for i in range(n):
        path = folder / f"post-{i:05d}.md"
        if i % 7 == 3:
            path.write_text(f"title: no fence {i}\n", encoding="utf-8")
        else:
            text = hello.replace("first release", f"release {i}\u2028with a line separator")
            path.write_text(text + body, encoding="utf-8")
        paths.append(path)
    return paths


def test_convert_json_is_one_document_written_piece_by_piece(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _site(tmp_path / "site", 12)
    assert run(["convert", str(tmp_path / "site"), "--to", "jsonl", "-j", "1"]) == 1
    records = [json.loads(line) for line in capsys.readouterr().out.split("\n")[:-1]]
    assert len(records) == 10
    assert run(["convert", str(tmp_path / "site"), "--to", "json", "-j", "1"]) == 1
    out = capsys.readouterr().out
    assert out == json.dumps(records, indent=2, ensure_ascii=False) + "\n"  # as one json.dumps writes it
    assert "\u2028" in out  # written as is, and the indentation did not split there
    assert run(["convert", str(tmp_path / "site" / "post-00003.md"), "--to", "json"]) == 1
    assert capsys.readouterr().out == "[]\n"


def test_convert_writes_each_record_before_reading_the_next(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from articlekit.cli import convert as convert_command

    paths = _site(tmp_path / "site", 5)
    events: list[str] = []
    real = convert_command.convert_files

    def logged(start: int, stop: int, *args: Any) -> list[convert_command.Converted]:
        events.extend(f"read {Path(p).name}" for p in args[0][start:stop])
        return real(start, stop, *args)

    class Out(io.StringIO):
        def write(self, text: str) -> int:
            events.extend(f"write {Path(r['path']).name}" for r in map(json.loads, text.split("\n")[:-1]))
            return super().write(text)

    monkeypatch.setattr(convert_command, "convert_files", logged)
    monkeypatch.setattr(sys, "stdout", Out())
    monkeypatch.setattr(sys, "stderr", io.StringIO())
    assert run(["convert", str(tmp_path / "site"), "--to", "jsonl", "-j", "1"]) == 1
    expected: list[str] = []
    for path in paths:
        expected.append(f"read {path.name}")
        if path.name != "post-00003.md":
            expected.append(f"write {path.name}")
    assert events == expected


@pytest.mark.parametrize("to", ["json", "jsonl"])
def test_convert_in_parallel_keeps_the_order(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], to: str
) -> None:
    from articlekit.cli import runner

    paths = _site(tmp_path / "site", runner.MIN_PARALLEL_FILES * 3)
    out_file = tmp_path / "out" / f"all.{to}"
    out_file.parent.mkdir()
    assert run(["convert", str(tmp_path / "site"), "--to", to, "-j", "1"]) == 1
    sequential, sequential_err = capsys.readouterr()
    assert run(["convert", str(tmp_path / "site"), "--to", to, "-j", "3", "-o", str(out_file)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert out_file.read_text(encoding="utf-8") == sequential
    assert err == sequential_err  # the failures are reported in file order too
    assert err.count("cannot convert") == len(paths[3::7])
    lines = sequential.split("\n")[:-1]  # not splitlines(): U+2028 is in the records, as is
    records = json.loads(sequential) if to == "json" else list(map(json.loads, lines))
    assert [Path(r["path"]).name for r in records] == [p.name for i, p in enumerate(paths) if i % 7 != 3]
    assert sorted(os.listdir(out_file.parent)) == [out_file.name]  # no temporary file left


_MAIN_PID = os.getpid()


def _dies_in_a_worker(start: int, stop: int, victim: int) -> list[int]:
    """A `runner.stream` work function whose worker process dies on the chunk holding `victim` (-1: any)."""
    if os.getpid() != _MAIN_PID and (victim < 0 or start <= victim < stop):
        os._exit(3)
    return list(range(start, stop))


@pytest.mark.parametrize("victim", [70, -1])
def test_stream_survives_dying_workers(victim: int) -> None:
    from articlekit.cli import runner

    got = [n for batch in runner.stream(300, _dies_in_a_worker, (victim,), 2) for n in batch]
    assert got == list(range(300))


def test_stream_stops_its_workers_when_closed_early() -> None:
    import multiprocessing

    from articlekit.cli import runner

    batches = runner.stream(10_000, _dies_in_a_worker, (10**9,), 2)
    assert next(batches)[0] == 0
    assert multiprocessing.active_children()
    batches.close()
    assert multiprocessing.active_children() == []


_PEAK_CHILD = """
import resource, sys
from articlekit.cli import run
status = run(sys.argv[2:])
with open("/proc/self/status") as f:
    peak = next(int(line.split()[1]) for line in f if line.startswith("VmHWM:"))
workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
with open(sys.argv[1], "w") as f:
    f.write(f"{status} {peak} {workers}")
"""


def _peak_rss_kib(tmp_path: Path, argv: list[str]) -> tuple[int, int]:
    """Peak RSS (KiB) of `articlekit ARGV` in a fresh process, and of its largest worker process."""
    import subprocess

    result = tmp_path / "peak.txt"
    subprocess.run(
        [sys.executable, "-c", _PEAK_CHILD, str(result), *argv],
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    status, peak, workers = map(int, result.read_text().split())
    assert status == 1  # some files are not front matter
    return peak, workers


@pytest.mark.skipif(not Path("/proc/self/status").is_file(), reason="reads VmHWM from /proc")
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_convert_memory_does_not_grow_with_the_number_of_files(tmp_path: Path, jobs: str) -> None:
    """1x and 10x the same corpus (20 kB bodies: 2.8 MB and 28 MB of JSON): the peak RSS stays flat.

    Building every record before writing (what convert did) needs about 100 MB more at 10x.
    """
    body = ("Lorem ipsum dolor sit amet, consectetur adipiscing elit. " * 14 + "\n\n") * 25
    one = _site(tmp_path / "x1" / "c0", 150, body)
    for copy in range(10):
        folder = tmp_path / "x10" / f"c{copy}"
        folder.mkdir(parents=True)
        for path in one:
            os.link(path, folder / path.name)
    peaks = {}
    for scale in ("x1", "x10"):
        target = tmp_path / "out.json"
        argv = ["convert", str(tmp_path / scale), "-j", jobs, "-o", str(target)]
        peaks[scale] = _peak_rss_kib(tmp_path, argv)
        assert target.stat().st_size > (2_500_000 if scale == "x1" else 25_000_000)
    (small, small_workers), (large, large_workers) = peaks["x1"], peaks["x10"]
    print(f"peak RSS (KiB), -j {jobs}: 1x {peaks['x1']}, 10x {peaks['x10']} (process, largest worker)")
    assert large <= 1.5 * small, peaks
    if jobs != "1":
        assert large_workers <= 1.5 * small_workers, peaks
