"""The command line, driven through ``articlekit.cli.run`` (and the installed script once)."""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import articlekit
from articlekit import cli
from articlekit.cli import check as check_command
from articlekit.cli import run, runner
from articlekit.cli.reporters import REPORTERS, Report, Reporter
from articlekit.cli.reporters.github import GithubReporter, escape_data, escape_property
from articlekit.secured import read_key_file
from conftest import EXAMPLES, ROOT, corpus_files

HELLO = EXAMPLES / "hello-article.md"


def _hello() -> str:
    return HELLO.read_text(encoding="utf-8")


def _expected_lines(path: Path | str, text: str | bytes) -> list[str]:
    """What the text output should hold for one file, from the library itself."""
    return [f"{path}:{issue}" for issue in articlekit.check(text)]


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    """A folder of broken files (and one good one) with known problems."""
    hello = _hello()
    folder = tmp_path / "content"
    (folder / "sub").mkdir(parents=True)
    (folder / "unclosed.md").write_text("---\ntitle: x\n", encoding="utf-8")
    (folder / "nofence.markdown").write_text("title: x\n", encoding="utf-8")
    lines = hello.splitlines(keepends=True)
    lines.insert(3, 'title: "again"\n')
    (folder / "sub" / "dup.md").write_text("".join(lines), encoding="utf-8")
    (folder / "sub" / "badtype.md").write_text(hello.replace("heat: 17", 'heat: "hot"'), encoding="utf-8")
    (folder / "good.md").write_text(hello, encoding="utf-8")
    (folder / "notes.txt").write_text("not markdown", encoding="utf-8")
    (folder / "README.md").write_text("# no front matter here\n", encoding="utf-8")
    (folder / ".hidden").mkdir()
    (folder / ".hidden" / "x.md").write_text("no fence\n", encoding="utf-8")
    return folder


# --------------------------------------------------------------------------- check


def test_check_examples_exits_zero_with_summary(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["check", str(EXAMPLES)]) == 0
    out, err = capsys.readouterr()
    assert out == ""
    assert "checked 1 file" in err
    assert "0 errors, 0 warnings" in err


def test_check_broken_folder_prints_every_location(broken: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["check", str(broken)]) == 1
    out, err = capsys.readouterr()
    lines = out.splitlines()
    expected: list[str] = []
    for name in ("nofence.markdown", "sub/badtype.md", "sub/dup.md", "unclosed.md"):
        path = broken / name
        expected += _expected_lines(path, path.read_bytes())
    assert sorted(lines) == sorted(expected)
    # the locations, independently of the library's own formatting
    assert f"{broken / 'unclosed.md'}:1:1: error AK103 " in out
    assert f"{broken / 'nofence.markdown'}:1:1: error AK102 " in out
    assert f"{broken / 'sub' / 'dup.md'}:4:1: error AK202 " in out
    assert f"{broken / 'sub' / 'badtype.md'}:9:7: error AK302 " in out
    # README, hidden folders, non-Markdown and clean files print nothing
    assert "README" not in out
    assert ".hidden" not in out
    assert "good.md" not in out
    assert "checked 5 files" in err
    assert f"{len(lines)} errors" in err


def test_check_output_sorted_by_path_then_position(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = _hello().replace("heat: 17", 'heat: "hot"').replace("quality: 42", "quality: -1")
    for name in ("b.md", "a.md", "c.md"):
        (tmp_path / name).write_text(text, encoding="utf-8")
    assert run(["check", str(tmp_path / "c.md"), str(tmp_path / "a.md"), str(tmp_path / "b.md")]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) >= 6

    def key(line: str) -> tuple[str, int, int]:
        path, row, col, _ = line.split(":", 3)
        return path, int(row), int(col)

    assert [key(line) for line in lines] == sorted(key(line) for line in lines)
    assert lines[0].startswith(str(tmp_path / "a.md"))


def test_explicit_files_are_checked_even_if_excluded_by_default(
    broken: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["check", str(broken / "README.md")]) == 1
    assert "AK102" in capsys.readouterr().out


def test_exclude_and_no_default_excludes(broken: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["check", str(broken), "--exclude", "sub", "--exclude", "unclosed.md", "-q"]) == 1
    out = capsys.readouterr().out
    assert "nofence" in out
    assert f"{os.sep}sub{os.sep}" not in out
    assert "unclosed" not in out
    run(["check", str(broken), "--no-default-excludes", "-q"])
    out = capsys.readouterr().out
    assert "README.md:1:1: error AK102" in out
    assert f"{os.path.join('.hidden', 'x.md')}:1:1" in out


def test_check_json_parses(broken: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["check", str(broken), "--format", "json"]) == 1
    items = json.loads(capsys.readouterr().out)
    assert {tuple(sorted(item)) for item in items} == {
        ("code", "column", "key_path", "line", "message", "path", "severity")
    }
    heat = [item for item in items if item["code"] == "AK302"]
    assert heat == [
        {
            "path": str(broken / "sub" / "badtype.md"),
            "line": 9,
            "column": 7,
            "code": "AK302",
            "severity": "error",
            "message": heat[0]["message"],
            "key_path": ["heat"],
        }
    ]
    assert "heat" in heat[0]["message"]


def test_check_json_empty_list_when_clean(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["check", str(HELLO), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_github_format_escapes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    odd = tmp_path / "a,b:c.md"
    odd.write_text("---\ntitle: x\n", encoding="utf-8")
    assert run(["check", str(odd), "--format", "github"]) == 1
    out = capsys.readouterr().out.strip()
    escaped = str(odd).replace(",", "%2C").replace(":", "%3A")
    assert out.startswith(f"::error file={escaped},line=1,col=1,title=articlekit AK103::AK103 ")
    assert out.count("\n") == 0


def test_github_escaping_rules() -> None:
    assert escape_data("50% off\r\nnext") == "50%25 off%0D%0Anext"
    assert escape_property("C:\\a,b%\n") == "C%3A\\a%2Cb%25%0A"
    issue = articlekit.Issue("AK999", "warning", "line one\nline: two, 100%", (), 3, 4)
    (line,) = GithubReporter().render(Report(files=["x.md"], issues=[("x.md", issue)])).splitlines()
    assert (
        line == "::warning file=x.md,line=3,col=4,title=articlekit AK999::AK999 line one%0Aline: two, 100%25"
    )


def test_a_registered_reporter_is_a_format_choice(
    broken: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A new output format is a Reporter subclass and a REPORTERS entry; it gets the whole report."""
    seen: list[Report] = []

    class Counts(Reporter):
        help = "files and counts"

        def render(self, report: Report) -> str:
            seen.append(report)
            per_file = report.by_file()
            return "".join(f"{path} {len(issues)}\n" for path, issues in per_file.items())

    monkeypatch.setitem(REPORTERS, "counts", Counts)
    assert run(["check", "--help"]) == 0
    assert "counts: files and counts" in " ".join(capsys.readouterr().out.split())  # help may wrap
    assert run(["check", str(broken), "--format", "counts", "-j", "1"]) == 1
    out, err = capsys.readouterr()
    (report,) = seen
    assert sorted(report.files) == sorted(
        str(p)
        for p in broken.rglob("*.*")
        if p.suffix in (".md", ".markdown") and p.parent.name != ".hidden" and p.name != "README.md"
    )
    assert str(broken / "good.md") in report.files  # clean files are reported too
    assert [path for path, _ in report.issues] == sorted(path for path, _ in report.issues)
    assert report.errors == len(report.issues)
    assert report.warnings == 0
    assert f"{report.errors} errors" in err
    assert f"{broken / 'good.md'} 0\n" in out
    assert f"{broken / 'unclosed.md'} 1\n" in out


def test_ignore_and_select(broken: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["check", str(broken), "--ignore", "AK102,ak103", "--ignore", "AK2", "-q"]) == 1
    codes = {line.split()[2] for line in capsys.readouterr().out.splitlines()}
    assert codes == {"AK302"}
    assert run(["check", str(broken), "--select", "AK1", "-q"]) == 1
    codes = {line.split()[2] for line in capsys.readouterr().out.splitlines()}
    assert codes == {"AK102", "AK103"}
    assert run(["check", str(broken), "--select", "AK1", "--ignore", "AK102,AK103", "-q"]) == 0
    assert capsys.readouterr().out == ""


def test_bad_code_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["check", str(HELLO), "--ignore", "E501"]) == 2
    assert "'E501' is not an issue code" in capsys.readouterr().err


def _unknown_prefix() -> str:
    """A code prefix that no registered code starts with (AK99, unless AK99x codes exist)."""
    return next(
        p for p in (f"AK{n}" for n in range(99, 0, -1)) if not any(c.startswith(p) for c in articlekit.CODES)
    )


@pytest.mark.parametrize("option", ["--select", "--ignore"])
def test_unknown_code_is_a_usage_error(option: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert "AK999" not in articlekit.CODES
    assert run(["check", str(HELLO), option, "AK999"]) == 2
    err = capsys.readouterr().err
    assert f"{option}: AK999 matches no issue code" in err
    prefix = _unknown_prefix()
    assert run(["check", str(HELLO), option, f"AK301,{prefix}"]) == 2  # one unknown among known ones
    assert f"{option}: {prefix} matches no issue code" in capsys.readouterr().err
    # a prefix that matches some code is fine
    assert run(["check", str(HELLO), option, "AK3", "-q"]) == 0


def test_every_code_is_known_to_the_command_line() -> None:
    """--select/--ignore reject unknown codes: the codes the CLI loads must be all there are."""
    script = (
        "from articlekit.cli.common import load_library\n"
        "from articlekit.issues import CODES\n"
        "load_library()\n"
        "loaded = set(CODES)\n"
        "import importlib, pkgutil, articlekit\n"
        "for m in pkgutil.walk_packages(articlekit.__path__, 'articlekit.'):\n"
        "    if m.name != 'articlekit.__main__':\n"
        "        try:\n"
        "            importlib.import_module(m.name)\n"
        "        except ImportError:\n"
        "            pass\n"
        "print(sorted(set(CODES) - loaded))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_codes_and_check_agree_on_unknown_codes(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["codes", "AK999"]) == 2
    assert "codes: AK999 matches no issue code" in capsys.readouterr().err
    assert run(["check", str(HELLO), "--select", "AK999"]) == 2
    assert run(["codes", "AK3", "AK999"]) == 2
    capsys.readouterr()
    assert run(["codes", "AK3"]) == 0
    out = capsys.readouterr().out
    assert {line.split()[0] for line in out.splitlines() if re.match(r"AK\d{3} ", line)} == {
        code for code in articlekit.CODES if code.startswith("AK3")
    }


@pytest.mark.parametrize("contents", [{}, {"notes.txt": "not markdown", "README.md": "---\n---\n"}])
def test_folder_with_no_file_to_check_is_a_usage_error(
    tmp_path: Path, contents: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "content"
    folder.mkdir()
    for name, text in contents.items():
        (folder / name).write_text(text, encoding="utf-8")
    assert run(["check", str(folder)]) == 2
    err = capsys.readouterr().err
    assert f"no files to check under {folder}" in err
    # the other paths are still checked, and a folder with files is fine
    good = tmp_path / "good"
    good.mkdir()
    shutil.copy(HELLO, good / "post.md")
    assert run(["check", str(folder), str(good / "post.md")]) == 2
    assert "checked 1 file" in capsys.readouterr().err
    assert run(["check", str(good), "-q"]) == 0
    assert run(["check", str(good), str(folder), "-q", "--select", "AK1"]) == 2
    assert capsys.readouterr().err.count("no files to check under") == 1


def test_warnings_as_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "extra.md"
    path.write_text(_hello().replace("heat: 17\n", "heat: 17\nmoodRing: blue\n"), encoding="utf-8")
    issues = articlekit.check(path.read_bytes())
    assert issues
    assert not any(i.is_error for i in issues)
    assert run(["check", str(path)]) == 0
    out, err = capsys.readouterr()
    assert out.splitlines() == _expected_lines(path, path.read_bytes())
    assert f"0 errors, {len(issues)} warning" in err
    assert run(["check", str(path), "--warnings-as-errors"]) == 1


def test_unreadable_path_is_named_and_others_still_checked(
    broken: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = broken / "missing.md"
    assert run(["check", str(missing), str(broken / "unclosed.md")]) == 2
    out, err = capsys.readouterr()
    assert f"{broken / 'unclosed.md'}:1:1: error AK103" in out
    assert f"cannot read {missing}" in err
    assert "1 unreadable" in err


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs a non-root POSIX user")
def test_permission_denied_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    locked = tmp_path / "locked.md"
    locked.write_text(_hello(), encoding="utf-8")
    locked.chmod(0)
    try:
        assert run(["check", str(tmp_path)]) == 2
    finally:
        locked.chmod(0o644)
    assert f"cannot read {locked}" in capsys.readouterr().err


def test_usage_errors_exit_two(capsys: pytest.CaptureFixture[str]) -> None:
    assert run([]) == 2
    assert run(["check"]) == 2
    assert run(["check", str(HELLO), "--format", "xml"]) == 2
    assert run(["check", str(HELLO), "--jobs", "-3"]) == 2
    assert run(["check", str(HELLO), "--kind", "spaceship"]) == 2
    assert "unknown kind 'spaceship'" in capsys.readouterr().err


def test_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    data = b"---\ntitle: x\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    assert run(["check", "-", "--stdin-filename", "post.md"]) == 1
    assert capsys.readouterr().out.splitlines() == _expected_lines("post.md", data)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(HELLO.read_bytes())))
    assert run(["check", "-"]) == 0


def _many(broken: Path, tmp_path: Path, copies: int) -> Path:
    many = tmp_path / "many"
    many.mkdir()
    sources = [p for p in broken.rglob("*") if p.suffix in (".md", ".markdown") and ".hidden" not in str(p)]
    for n in range(copies):
        for source in sources:
            shutil.copy(source, many / f"{n:03d}-{source.name}")
    return many


def test_parallel_output_is_identical(
    broken: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    many = _many(broken, tmp_path, 14)  # 84 files: above the in-process threshold
    assert len(list(many.iterdir())) >= runner.MIN_PARALLEL_FILES
    outputs = []
    for jobs in ("1", "2", "3"):
        for fmt in ("text", "json"):
            assert run(["check", str(many), "-j", jobs, "--format", fmt]) == 1
            outputs.append((fmt, capsys.readouterr().out))
    assert len(set(outputs)) == 2
    expected = sorted(line for path in many.iterdir() for line in _expected_lines(path, path.read_bytes()))
    assert sorted(outputs[0][1].splitlines()) == expected


def test_chunks_cover_every_file_once_and_shrink() -> None:
    for files in (0, 1, 7, 64, 100, 537, 5000, 100_000):
        for jobs in (1, 2, 3, 8):
            bounds = runner.chunks(files, jobs)
            assert [i for start, stop in bounds for i in range(start, stop)] == list(range(files))
            sizes = [stop - start for start, stop in bounds]
            assert all(size <= runner.MAX_CHUNK for size in sizes)
            assert all(size >= runner.MIN_CHUNK for size in sizes[:-1])  # the last one takes what is left
            assert sizes == sorted(sizes, reverse=True)  # big chunks first, small ones to finish together
            assert len(bounds) >= min(4 * jobs, files // runner.MIN_CHUNK)  # several per process


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_only_on_a_terminal(
    broken: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(check_command, "PROGRESS_MIN_FILES", 20)  # "many files", scaled down for speed
    many = _many(broken, tmp_path, 5)  # 30 files
    assert run(["check", str(many), "-j", "1"]) == 1
    plain_out, plain_err = capsys.readouterr()
    assert "\r" not in plain_err
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert run(["check", str(many), "-j", "1"]) == 1
    assert capsys.readouterr().out == plain_out
    total = len(list(many.iterdir()))
    assert total >= check_command.PROGRESS_MIN_FILES
    assert "\r[" in terminal.getvalue()
    assert f"{total}/{total} files" in terminal.getvalue()
    terminal2 = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal2)
    run(["check", str(many), "-j", "1", "--quiet"])
    assert terminal2.getvalue() == ""
    few = _Terminal()  # a terminal, but too few files for a bar
    monkeypatch.setattr(sys, "stderr", few)
    run(["check", str(broken), "-j", "1"])
    assert "checked 5 files" in few.getvalue()
    assert "\r" not in few.getvalue()


def test_colour(broken: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    target = str(broken / "unclosed.md")
    monkeypatch.delenv("NO_COLOR", raising=False)
    run(["check", target])
    assert "\x1b[" not in capsys.readouterr().out  # not a terminal
    run(["check", target, "--color", "always"])
    coloured = capsys.readouterr().out
    assert "\x1b[1;31merror\x1b[0m" in coloured
    monkeypatch.setenv("NO_COLOR", "1")
    run(["check", target, "--color", "always"])
    assert "\x1b[" not in capsys.readouterr().out
    monkeypatch.setattr(sys, "stdout", _Terminal())
    run(["check", target])
    assert "\x1b[" not in sys.stdout.getvalue()


def test_internal_error_is_reported_not_raised(
    broken: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def boom(data: object, **kwargs: object) -> list[articlekit.Issue]:
        raise RuntimeError("rule exploded")

    monkeypatch.setattr(articlekit.api, "check", boom)  # standard input
    monkeypatch.setattr(articlekit.api, "check_with_suppressed", boom)  # files
    assert run(["check", str(broken / "good.md"), "-j", "1"]) == 2
    assert "RuntimeError: rule exploded" in capsys.readouterr().err


def test_secured_key_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    key_file = tmp_path / "key"
    # a fixed key, not a random one: a random AES key gives valid padding about once in 256 runs
    key_file.write_bytes(bytes(range(32)))
    status = run(["check", str(HELLO), "--secured-key-file", str(key_file)])
    capsys.readouterr()
    # this key cannot decrypt the example's value: an issue on the secured line
    assert status == 1
    secured_line = next(n for n, line in enumerate(_hello().splitlines(), 1) if line.startswith("secured:"))
    issues = articlekit.check(HELLO.read_bytes(), secured_key=read_key_file(str(key_file)))
    assert any(i.line == secured_line for i in issues)


def test_missing_key_file_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["check", str(HELLO), "--secured-key-file", str(tmp_path / "nope")]) == 2
    assert "--secured-key-file" in capsys.readouterr().err


def test_corpus_and_sample_have_no_news_errors(capsys: pytest.CaptureFixture[str]) -> None:
    news = corpus_files("_news")
    if not news:
        pytest.skip("../shared/corpus is not present")
    assert run(["check", str(news[0].parent), "-q"]) == 0
    assert " error " not in capsys.readouterr().out


# --------------------------------------------------------------------------- help, version, codes


@pytest.mark.parametrize("command", ["check", "format", "schema", "convert", "codes"])
def test_help_for_every_command(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert run([command, "--help"]) == 0
    out = capsys.readouterr().out
    assert f"usage: articlekit {command}" in out
    assert "examples:" in out
    assert "articlekit " + command in out.split("examples:")[1]


def test_main_help_and_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["--help"]) == 0
    out = capsys.readouterr().out
    for command in ("check", "format", "schema", "convert"):
        assert command in out
    assert run(["--version"]) == 0
    assert articlekit.__version__ in capsys.readouterr().out


def test_codes(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["codes"]) == 0
    out = capsys.readouterr().out
    assert len(out.splitlines()) == len(articlekit.CODES)
    assert run(["codes", "AK103"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("AK103 unclosed-front-matter (error)")
    assert articlekit.CODES["AK103"].summary in out


# --------------------------------------------------------------------------- main()


def test_main_keyboard_interrupt(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    def interrupted(argv: object = None) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "run", interrupted)
    with pytest.raises(SystemExit) as exc:
        cli.main()
    assert exc.value.code == 130
    assert "interrupted" in capsys.readouterr().err


def test_main_exits_with_run_status(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "argv", ["articlekit", "check", str(HELLO)])
    with pytest.raises(SystemExit) as exc:
        cli.main()
    assert exc.value.code == 0


def _script() -> Path:
    script = Path(sys.executable).parent / ("articlekit.exe" if os.name == "nt" else "articlekit")
    if not script.exists():
        pytest.skip("the articlekit script is not installed next to this Python")
    return script


def test_installed_script_and_python_m(broken: Path) -> None:
    script = _script()
    done = subprocess.run(
        [str(script), "check", str(EXAMPLES)], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    assert "checked 1 file" in done.stderr
    done = subprocess.run(
        [sys.executable, "-m", "articlekit", "check", str(broken / "unclosed.md")],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 1
    assert done.stdout.startswith(f"{broken / 'unclosed.md'}:1:1: error AK103")


def test_broken_pipe_is_quiet(broken: Path) -> None:
    script = _script()
    proc = subprocess.Popen(
        [str(script), "check", str(broken)], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert proc.stdout is not None
    assert proc.stderr is not None
    proc.stdout.close()  # the reader is gone before articlekit writes its first line
    err = proc.stderr.read().decode()
    proc.stderr.close()
    assert proc.wait(timeout=60) == 141
    assert "Traceback" not in err


def test_pre_commit_hooks() -> None:
    yaml = pytest.importorskip("yaml")
    hooks = {hook["id"]: hook for hook in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())}
    assert set(hooks) == {"articlekit-check", "articlekit-format"}
    for hook_id, hook in hooks.items():
        command = hook["entry"].split()
        assert command[:2] == ["articlekit", hook_id.split("-")[1]]
        assert run([*command[1:], "--help"]) == 0  # every option in the entry exists
        assert hook["language"] == "python"
        assert "markdown" in hook["types_or"]
        exclude = re.compile(hook["exclude"])
        assert exclude.search("README.md")
        assert exclude.search("docs/CHANGELOG.markdown")
        assert not exclude.search("_news/2021-05-25-readme-tips.md")
        assert not exclude.search("posts/README-notes.md")
