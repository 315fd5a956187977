"""Autofix: `articlekit.fix`, `articlekit.fixes.fixes_for` and the fix of every fixable code.

For each fixable code, real files (the shipped sample, and a spread of the
shared corpus when it is present) are broken in that one way; `fix` must
remove the issue, add none, and give back the original file byte for byte.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

import pytest

import articlekit
from articlekit import fixes
from articlekit.fixes import Fix, TextEdit, apply_edits, fixes_for
from articlekit.issues import CODES
from conftest import DATA, DOCS, corpus_files

SAMPLE = DATA / "finland-prisons-ai.md"


# -- breaking a file in one way -----------------------------------------------------------------
def _related_item(text: str) -> tuple[int, int] | None:
    """Start and end offsets of the first item of the top-level `related` list."""
    match = re.search(r"^related:\n", text, re.M)
    if match is None:
        return None
    start = match.end()
    if not text.startswith("  - ", start):
        return None
    pos = text.index("\n", start) + 1
    while pos < len(text) and text.startswith("    ", pos):
        pos = text.index("\n", pos) + 1
    return start, pos


def _break_ak401(text: str) -> str | None:
    pattern = r'(url: "?[^\n"]*-(\d+)x(\d+)\.[A-Za-z0-9]+"?\n\s+width: )(\d+)\n'
    return (
        re.sub(pattern, lambda m: f"{m.group(1)}{int(m.group(4)) + 1}\n", text, count=1)
        if re.search(pattern, text)
        else None
    )


def _break_ak704(text: str) -> str | None:
    if "cdn.ampproject.org/c/s/" not in text:
        return None
    return text.replace("cdn.ampproject.org/c/s/", "cdn.ampproject.org/c/s/x", 1)


def _break_ak801(text: str) -> str | None:
    match = re.search(r"^(publishedDateTime: )(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)$", text, re.M)
    if match is None:
        return None
    moment = datetime.strptime(match.group(2), "%Y-%m-%dT%H:%M:%SZ") + timedelta(hours=2)
    local = moment.strftime("%Y-%m-%dT%H:%M:%S") + "+02:00"
    return text[: match.start(2)] + f'"{local}"' + text[match.end(2) :]


def _break_ak853(text: str) -> str | None:
    match = re.search(r"^topics:\n(\s*- [^\n]+\n)", text, re.M)
    if match is None:
        return None
    return text[: match.end()] + match.group(1) + text[match.end() :]


def _break_ak104(text: str) -> str | None:
    return "----" + text[3:] if text.startswith("---\n") else None


def _break_ak110(text: str) -> str | None:
    if "\r" in text:
        return None
    first = text.index("\n")
    second = text.index("\n", first + 1)
    return text[:second] + "\r\n" + text[second + 1 :]


def _break_ak302(text: str) -> str | None:
    match = re.search(r"^(quality|heat): (\d+)$", text, re.M)
    if match is None:
        return None
    return text[: match.start(2)] + f'"{match.group(2)}"' + text[match.end(2) :]


def _break_ak211(text: str) -> str | None:
    match = re.search(r"^(\s*)(published|isCached): true$", text, re.M)
    if match is None:
        return None
    return text[: match.end() - 4] + "yes" + text[match.end() :]


def _break_ak202(text: str) -> str | None:
    match = re.search(r"^(quality|heat|type): [^\n]+\n", text, re.M)
    if match is None:
        return None
    return text[: match.end()] + match.group() + text[match.end() :]


def _break_ak604(text: str) -> str | None:
    item = _related_item(text)
    if item is None:
        return None
    start, end = item
    return text[:end] + text[start:end] + text[end:]


def _break_ak601(text: str) -> str | None:
    item = _related_item(text)
    if item is None:
        return None
    nested = '    related:\n      - title: "x"\n        webUrl: "https://example.com/x"\n'
    return text[: item[1]] + nested + text[item[1] :]


def _break_ak602(text: str) -> str | None:
    item = _related_item(text)
    if item is None:
        return None
    secured = '    secured: "AAAAAAAAAAAAAAAAAAAAAA==;AAAAAAAAAAAAAAAAAAAAAA=="\n'
    return text[: item[1]] + secured + text[item[1] :]


BREAKERS: dict[str, Callable[[str], str | None]] = {
    "AK104": _break_ak104,
    "AK110": _break_ak110,
    "AK202": _break_ak202,
    "AK211": _break_ak211,
    "AK302": _break_ak302,
    "AK401": _break_ak401,
    "AK601": _break_ak601,
    "AK602": _break_ak602,
    "AK604": _break_ak604,
    "AK704": _break_ak704,
    "AK801": _break_ak801,
    "AK853": _break_ak853,
}


def _round_trip(original: str, code: str) -> bool:
    """Break ``original`` for ``code``, fix it; False when the file cannot be broken that way."""
    broken = BREAKERS[code](original)
    if broken is None:
        return False
    before = articlekit.check(original)
    found = [i.code for i in articlekit.check(broken)]
    if code not in found:
        return False  # e.g. a suppression comment or a kind the rule does not cover
    result = articlekit.fix(broken, unsafe=CODES[code].fixable == "unsafe")
    assert code in [i.code for i in result.fixed], (code, result.failed)
    assert result.remaining == before
    assert result.text == original, result.diff()
    assert not result.failed
    return True


def test_every_fixable_code_has_a_breaker_here() -> None:
    assert set(fixes.fixable_codes()) == set(BREAKERS)


@pytest.mark.parametrize("code", sorted(BREAKERS))
def test_fix_restores_the_sample_broken_one_way(code: str) -> None:
    original = SAMPLE.read_text(encoding="utf-8")
    assert articlekit.check(original) == []
    assert _round_trip(original, code)


@pytest.mark.parametrize("code", sorted(BREAKERS))
def test_fix_restores_corpus_files_broken_one_way(code: str) -> None:
    files = corpus_files()
    if not files:
        pytest.skip("../shared/corpus is not present")
    done = 0
    for path in files:
        raw = path.read_bytes()
        if b"\r" in raw and code == "AK110":
            continue
        if _round_trip(raw.decode("utf-8"), code):
            done += 1
    if done == 0 and code in ("AK601", "AK602", "AK604"):
        pytest.skip("no corpus file has a top-level related list (the shipped sample covers it)")
    assert done >= 1, f"no corpus file could be broken for {code}"


# -- the values -----------------------------------------------------------------------------------
def _sample() -> str:
    return SAMPLE.read_text(encoding="utf-8")


def test_fixes_for_gives_located_edits_without_applying_them() -> None:
    broken = _sample().replace("quality: 66", 'quality: "66"', 1)
    found = fixes_for(broken)
    assert [(f.code, f.safe) for f in found] == [("AK302", True)]
    (edit,) = found[0].edits
    line = broken.splitlines()[edit.start_line - 1]
    assert line == 'quality: "66"'
    assert line[edit.start_column - 1 : edit.end_column - 1] == '"66"'
    assert broken[edit.start_offset : edit.end_offset] == '"66"'
    assert found[0].issue == articlekit.check(broken)[0]
    assert apply_edits(broken, found[0].edits) == _sample()
    assert found[0].to_dict()["edits"] == [
        {"start": {"line": 10, "column": 10}, "end": {"line": 10, "column": 14}, "new_text": "66"}
    ]


def test_fixes_for_leaves_out_unsafe_fixes_when_asked() -> None:
    broken = _break_ak604(_sample())
    assert broken is not None
    assert [f.code for f in fixes_for(broken)] == ["AK604"]
    assert fixes_for(broken, unsafe=False) == []


def test_unsafe_fixes_are_applied_only_with_unsafe() -> None:
    broken = _break_ak604(_sample())
    assert broken is not None
    safe_only = articlekit.fix(broken)
    assert not safe_only.changed
    assert safe_only.text == broken
    assert [i.code for i in safe_only.remaining] == ["AK604"]
    assert safe_only.unsafe_fixable == 1
    assert articlekit.fix(broken, unsafe=True).text == _sample()


def test_apply_edits_skips_overlapping_edits_and_keeps_a_bom() -> None:
    text = "\ufeff---\nwidth: 10\n---\n"
    edits = [TextEdit(2, 8, 2, 10, "1200"), TextEdit(2, 9, 2, 10, "5"), TextEdit(9, 1, 9, 1, "x")]
    assert apply_edits(text, edits) == "\ufeff---\nwidth: 1200\n---\n"


def test_a_fix_that_would_add_an_issue_is_left_out_and_reported() -> None:
    broken = _sample().replace("quality: 66", 'quality: "-1"', 1)
    result = articlekit.fix(broken)
    assert result.text == broken
    assert not result.changed
    assert [f.fix.code for f in result.failed] == ["AK302"]
    assert "AK303" in result.failed[0].reason
    assert [i.code for i in result.remaining] == ["AK302"]
    assert fixes_for(broken) == []


def test_several_fixes_in_one_file_and_a_fix_that_enables_another() -> None:
    text = _sample()
    broken = _break_ak104(
        text.replace("quality: 66", 'quality: "66"').replace("published: true", "published: on")
    )
    assert broken is not None
    result = articlekit.fix(broken)
    assert result.text == text
    assert sorted(i.code for i in result.fixed) == ["AK104", "AK211", "AK302"]


def test_a_duplicate_key_with_another_value_is_not_fixed() -> None:
    broken = _sample().replace("quality: 66\n", "quality: 66\nquality: 67\n", 1)
    assert fixes_for(broken) == []
    assert not articlekit.fix(broken, unsafe=True).changed


def test_yaml11_quoting_is_an_unsafe_alternative_for_an_undefined_key() -> None:
    broken = _sample().replace("published: true\n", "published: true\ncountry: NO\n", 1)
    found = [f for f in fixes_for(broken) if f.code == "AK211"]
    assert [(f.safe, f.edits[0].new_text) for f in found] == [(True, "false"), (False, '"NO"')]
    result = articlekit.fix(broken, unsafe=True)
    assert "country: false\n" in result.text  # the safe alternative comes first


@pytest.mark.parametrize(
    "text",
    [
        "---\ntitle: [unclosed\n---\n",  # YAML syntax error
        b'---\ntitle: "caf\xe9"\nquality: "66"\n---\n',  # not UTF-8
        # UTF-16 without a byte order mark: valid UTF-8 (every other byte a NUL), but not text (AK111)
        '---\nname: "0"\ntype: "profile"\n---\n'.encode("utf-16-le"),
        '---\ntitle: "x"\nquality: "66"\n---\n'.encode("utf-16-be"),
        "no front matter at all\n",
        "",
    ],
)
def test_files_that_do_not_load_come_back_unchanged_with_their_issues(text: str | bytes) -> None:
    result = articlekit.fix(text, unsafe=True)
    assert not result.changed
    assert not result.applied
    assert result.remaining == articlekit.check(text)


def test_config_select_and_ignore_are_honoured() -> None:
    broken = _break_ak853(_sample().replace("quality: 66", 'quality: "66"'))
    assert broken is not None
    config = articlekit.Config.from_dict({"ignore": ["AK853"]})
    result = articlekit.fix(broken, config=config)
    assert [i.code for i in result.fixed] == ["AK302"]
    assert result.remaining == []
    assert "  - AI\n  - AI\n" in result.text
    per_file = articlekit.Config.from_dict({"per-file-ignores": {"news/*.md": ["AK302"]}})
    assert [i.code for i in articlekit.fix(broken, config=per_file, path="news/a.md").fixed] == ["AK853"]
    assert [f.code for f in fixes_for(broken, config=articlekit.Config.from_dict({"select": ["AK8"]}))] == [
        "AK853"
    ]


def test_suppressed_issues_are_not_fixed() -> None:
    broken = _sample().replace("quality: 66", 'quality: "66"  # articlekit: ignore[AK302]', 1)
    assert articlekit.check(broken) == []
    assert not articlekit.fix(broken).changed


def test_crlf_files_keep_their_newlines() -> None:
    text = _sample().replace("\n", "\r\n")
    broken = _break_ak853(text.replace("\r\n", "\n")).replace("\n", "\r\n")  # type: ignore[union-attr]
    result = articlekit.fix(broken)
    assert result.text == text


def test_fix_result_diff_is_a_unified_diff() -> None:
    broken = _sample().replace("quality: 66", 'quality: "66"', 1)
    diff = articlekit.fix(broken).diff("post.md")
    assert diff.startswith("--- a/post.md\n+++ b/post.md\n@@ ")
    assert '\n-quality: "66"\n+quality: 66\n' in diff
    assert articlekit.fix(_sample()).diff() == ""


def test_fixable_is_declared_for_exactly_the_codes_with_a_fix() -> None:
    declared = {code for code, info in CODES.items() if info.fixable != "no"}
    assert declared == set(fixes._makers())
    assert CODES["AK401"].fixable == "safe"
    assert CODES["AK604"].fixable == "unsafe"
    assert CODES["AK301"].fixable == "no"
    # the old positional constructor still works
    assert articlekit.issues.CodeInfo("AK999", "x", "error", "s").fixable == "no"


def test_fix_values_are_immutable_and_comparable() -> None:
    broken = _sample().replace("quality: 66", 'quality: "66"', 1)
    first, second = fixes_for(broken), fixes_for(broken)
    assert first == second
    assert isinstance(first[0], Fix)
    with pytest.raises(AttributeError):
        first[0].title = "x"  # type: ignore[misc]


def test_fix_takes_bytes_and_keeps_a_bom() -> None:
    broken = ("\ufeff" + _sample().replace("quality: 66", 'quality: "66"', 1)).encode("utf-8")
    result = articlekit.fix(broken)
    assert result.text == "\ufeff" + _sample()


def test_public_names() -> None:
    assert articlekit.fix is fixes.fix
    assert articlekit.FixResult is fixes.FixResult
    with pytest.raises(TypeError):
        articlekit.fix(Path("x"))  # type: ignore[arg-type]


def test_the_fixes_page_and_codes_command_show_every_fixable_code(capsys: pytest.CaptureFixture[str]) -> None:
    from articlekit.cli import run

    page = (DOCS / "fixes.md").read_text(encoding="utf-8")
    assert run(["codes"]) == 0
    listing = capsys.readouterr().out
    for code, how in fixes.fixable_codes().items():
        assert f"[{code}](rules.md#" in page
        assert re.search(rf"^{code} .* fix:{how} ", listing, re.M), code
    assert re.search(r"^AK301 +error {2}\s+missing-key", listing, re.M)
    assert run(["codes", "AK604"]) == 0
    assert "Fixable (unsafe): `articlekit check --unsafe-fixes` repairs it." in capsys.readouterr().out
