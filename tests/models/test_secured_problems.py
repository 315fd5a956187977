"""Every part's problem of a `secured` value is reported, each where it is, without the value.

`"AAAA;AAAA"` has a ciphertext of 3 bytes and an IV of 3 bytes: two errors,
AK503 at the first part and AK504 at the second.  A character that is not
base64 is named by its offset within its part, and the issue is at its column
when the value is written on one line without escapes.
"""

from __future__ import annotations

import base64
import binascii
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import articlekit
from articlekit.models import secured as secured_model
from articlekit.models.secured import Secured, SecuredFormatError
from articlekit.secured import decrypt

NEWS = (
    "---\n"
    "category: news\n"
    'title: "Hello"\n'
    "publishedDateTime: 2020-08-11T13:41:00Z\n"
    'webUrl: "https://example.com/a"\n'
    "secured: {value}\n"
    "---\n"
)
LINE = 6
IV = "AAECAwQFBgcICQoLDA0ODw=="
CIPHERTEXT = "yUdXMcbhJtVMwf0WPhGWGvPqbgqzPPSnD6iIC5k1NW+jFV3iGqb5i4LFZ3XYYbn2o9p4BrZzcoQIVK3L1CQc3Q=="


def _secured_issues(value: str) -> list[articlekit.Issue]:
    return [i for i in articlekit.check(NEWS.format(value=value)) if i.code.startswith("AK50")]


def _at(value: str, issue: articlekit.Issue) -> str:
    """The text of the file from the issue's column on, in its line."""
    line = NEWS.format(value=value).splitlines()[issue.line - 1]
    return line[issue.column - 1 :]


@pytest.mark.parametrize("value", ["AAAA;AAAA", '"AAAA;AAAA"', "'AAAA;AAAA'"])
def test_both_lengths_are_reported_each_at_its_part(value: str, fast_loop: str) -> None:
    issues = _secured_issues(value)
    assert [i.code for i in issues] == ["AK503", "AK504"]
    assert all(i.line == LINE and i.path == ("secured",) for i in issues)
    first, second = issues
    assert _at(value, first).startswith("AAAA;")
    assert _at(value, second).rstrip("\"'") == "AAAA"
    assert "3 bytes" in first.message
    assert "3 bytes" in second.message


def test_a_base64_problem_in_each_part(fast_loop: str) -> None:
    value = f'"{CIPHERTEXT[:30]}-{CIPHERTEXT[31:]};{IV[:5]} {IV[6:]}"'
    issues = _secured_issues(value)
    assert [i.code for i in issues] == ["AK502", "AK502"]
    assert "'-' is not a base64 character" in issues[0].message
    assert "at offset 30 of the part" in issues[0].message
    assert "' ' is not a base64 character" in issues[1].message
    assert "at offset 5 of the part" in issues[1].message
    assert _at(value, issues[0]).startswith("-")
    assert _at(value, issues[1]).startswith(" ")
    for issue in issues:
        assert CIPHERTEXT[8:30] not in issue.message
        assert IV[8:] not in issue.message


def test_one_part_bad_and_the_other_short(fast_loop: str) -> None:
    value = f"{CIPHERTEXT[:-2]};AAAA"
    issues = _secured_issues(value)
    assert [i.code for i in issues] == ["AK502", "AK504"]
    assert "padding is missing" in issues[0].message
    assert _at(value, issues[0]).startswith(";AAAA")  # just after the part: where '=' belongs
    assert _at(value, issues[1]) == "AAAA"


def test_an_escaped_value_puts_each_issue_at_the_value(fast_loop: str) -> None:
    """Offsets in an escaped value are not columns: the issues are at the value's start."""
    value = '"AAAA;\\x41AAA"'
    issues = _secured_issues(value)
    assert [i.code for i in issues] == ["AK503", "AK504"]
    assert {i.column for i in issues} == {len("secured: ") + 1}


def test_a_value_that_is_not_two_parts_is_one_error_at_the_value(fast_loop: str) -> None:
    issues = _secured_issues('"abc"')
    assert [(i.code, i.column) for i in issues] == [("AK501", len("secured: ") + 1)]
    issues = _secured_issues("A;B;C")
    assert [i.code for i in issues] == ["AK501"]
    assert _at("A;B;C", issues[0]) == ";C"  # the second ';'


def test_the_rendered_error_shows_carets_under_each_part() -> None:
    with pytest.raises(articlekit.ValidationError) as info:
        articlekit.loads(NEWS.format(value="AAAA;AAAA"))
    text = str(info.value)
    assert "AK503" in text
    assert "AK504" in text
    carets = [line for line in text.splitlines() if line.strip() == "^"]
    assert sorted(len(c) for c in carets) == [len("    secured: ^"), len("    secured: AAAA;^")]


def test_parse_gives_every_problem() -> None:
    with pytest.raises(SecuredFormatError) as info:
        Secured.parse("AAAA;AAAA")
    error = info.value
    assert [p.code for p in error.problems] == ["AK503", "AK504"]
    assert [p.offset for p in error.problems] == [0, 5]
    assert (error.code, error.message) == (error.problems[0].code, error.problems[0].message)


def test_decrypt_names_every_problem() -> None:
    pytest.importorskip("cryptography")
    with pytest.raises(articlekit.SecuredError) as info:
        decrypt("AAAA;AAAA", bytes(16))
    assert "first part" in str(info.value)
    assert "second part" in str(info.value)


_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
_REFERENCE = re.compile("(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?")


def _canonical(part: str) -> bool:
    """The definition: the alphabet in groups of four, padded, and it encodes back to itself."""
    if not _REFERENCE.fullmatch(part):
        return False
    try:
        raw = base64.b64decode(part, validate=True)
    except binascii.Error:
        return False
    return base64.b64encode(raw).decode("ascii") == part


_parts = st.one_of(
    st.binary(max_size=40).map(lambda b: base64.b64encode(b).decode()),
    st.text(alphabet=_ALPHABET[::7] + "=-_ é\n#", max_size=12),
    st.binary(min_size=1, max_size=20)
    .map(lambda b: base64.b64encode(b).decode())
    .flatmap(lambda p: st.integers(0, len(p) - 1).map(lambda i: p[:i] + p[i + 1 :])),
)


@settings(max_examples=1000, deadline=None)
@given(_parts)
def test_the_base64_check_is_the_definition(part: str) -> None:
    problem = secured_model._base64_problem(part)
    assert (problem is None) == _canonical(part)
    if problem is not None:
        assert 0 <= problem[1] <= len(part)


@pytest.mark.parametrize("size", [1, 2, 16, 17, 18])
def test_every_last_character_is_judged_as_the_definition(size: int) -> None:
    part = base64.b64encode(bytes(range(size))).decode()
    end = len(part.rstrip("="))
    for char in _ALPHABET:
        changed = part[: end - 1] + char + part[end:]
        assert (secured_model._base64_problem(changed) is None) == _canonical(changed), changed


@settings(max_examples=300, deadline=None)
@given(_parts, st.sampled_from([";", ";;", ""]), _parts)
def test_problems_say_where_without_the_value(a: str, sep: str, b: str) -> None:
    text = a + sep + b
    try:
        Secured.parse(text)
    except SecuredFormatError as exc:
        for problem in exc.problems:
            assert problem.offset is None or 0 <= problem.offset <= len(text)
            if len(text) > 8:
                assert text not in problem.message
    else:
        assert sep == ";"
