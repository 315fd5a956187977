"""Hostile and broken input, file level: encodings, odd characters, newlines.

Every character a file may not hold gives an issue at its own line and
column, through :func:`articlekit.check` and :func:`articlekit.loads`, with
both YAML parsers, and never a foreign exception.
"""

from __future__ import annotations

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import articlekit
from articlekit import splitter, yamlsafe
from conftest import DATA, corpus_files

GOOD = (
    "---\n"
    'title: "Hello"\n'
    "publishedDateTime: 2020-08-11T13:41:00Z\n"
    'originalUrl: "https://example.com/a"\n'
    'secured: "AAAAAAAAAAAAAAAAAAAAAA==;AAAAAAAAAAAAAAAAAAAAAA=="\n'
    "category: news\n"
    "---\n"
    "Body line.\n"
)


def _with(char: str, where: str) -> tuple[str, int, int]:
    """GOOD with ``char`` put in the title value or the body; the expected line and column."""
    if where == "front matter":
        return GOOD.replace('"Hello"', f'"He{char}llo"'), 2, 11
    return GOOD.replace("Body line.", f"Body{char} line."), 8, 5


def _only(issues: list[articlekit.Issue], code: str) -> list[articlekit.Issue]:
    return [i for i in issues if i.code == code]


def test_the_clean_file_has_no_file_level_issues(pyyaml_parser: str) -> None:
    assert [i for i in articlekit.check(GOOD) if i.code[:3] in ("AK1", "AK2")] == []


@pytest.mark.parametrize("where", ["front matter", "body"])
@pytest.mark.parametrize(
    ("char", "code"),
    [
        ("\x00", "AK106"),
        ("\ud800", "AK107"),
        ("\ufeff", "AK108"),
        ("\x1b", "AK109"),
        ("\x7f", "AK109"),
        ("\x9b", "AK109"),
        ("\x0c", "AK109"),
        ("\ufffe", "AK109"),
    ],
)
def test_a_bad_character_is_reported_at_its_position(
    pyyaml_parser: str, char: str, code: str, where: str
) -> None:
    text, line, column = _with(char, where)
    issues = articlekit.check(text)
    found = _only(issues, code)
    assert [(i.line, i.column) for i in found] == [(line, column)]
    severe = code in ("AK106", "AK107") or where == "front matter"
    assert found[0].severity == ("error" if severe else "warning")
    # the YAML layer reads U+FFFD in its place: no second, vaguer syntax error
    assert _only(issues, "AK201") == []
    if severe:
        with pytest.raises(articlekit.ParseError) as info:
            articlekit.loads(text)
        assert any(i.code == code for i in info.value.issues)
        str(info.value)  # renders without raising
    else:
        doc = articlekit.loads(text)
        assert any(i.code == code for i in doc.issues)


def test_bytes_input_reports_the_same_positions(pyyaml_parser: str) -> None:
    text, line, column = _with("\x00", "front matter")
    issue = _only(articlekit.check(text.encode("utf-8")), "AK106")[0]
    assert (issue.line, issue.column) == (line, column)


def test_a_bom_at_the_start_is_fine_but_a_second_one_is_not() -> None:
    assert _only(articlekit.check("\ufeff" + GOOD), "AK108") == []
    issues = _only(articlekit.check("\ufeff\ufeff" + GOOD), "AK108")
    assert [(i.line, i.column, i.severity) for i in issues] == [(1, 1, "error")]


def test_invalid_utf8_is_reported_at_each_position() -> None:
    data = GOOD.encode().replace(b"Hello", b"He\xffl\xc3lo")
    issues = _only(articlekit.check(data), "AK101")
    assert [(i.line, i.column) for i in issues] == [(2, 11), (2, 13)]
    assert "0xff" in issues[0].message
    assert "0xc3" in issues[1].message


def test_invalid_utf8_positions_count_characters_not_bytes() -> None:
    data = '---\ntitle: "é€😀\xff"\n---\n'.encode().replace(b"\xc3\xbf", b"\xff")
    (issue,) = _only(articlekit.check(data), "AK101")
    assert (issue.line, issue.column) == (2, 12)


def test_a_megabyte_of_invalid_utf8_lists_fifty_and_counts_the_rest() -> None:
    data = b'---\nx: "' + b"\xff" * (1024 * 1024 - 20) + b'"\n---\n'
    issues = _only(articlekit.check(data, limits=articlekit.Limits(max_bytes=2 * 1024 * 1024)), "AK101")
    assert len(issues) == 51
    assert [i.column for i in issues[:3]] == [5, 6, 7]
    assert f"{1024 * 1024 - 20 - 50:,} more" in issues[-1].message


def test_many_nul_characters_are_capped_with_a_count() -> None:
    text = GOOD + "\x00" * 500
    issues = _only(articlekit.check(text), "AK106")
    assert len(issues) == 51
    assert "450 more" in issues[-1].message


def test_mixed_newlines_warn_at_each_odd_line_end() -> None:
    text = GOOD.replace("\n", "\r\n").replace('"Hello"\r\n', '"Hello"\n').replace("line.\r\n", "line.\r")
    issues = _only(articlekit.check(text), "AK110")
    assert [(i.line, i.column, i.severity) for i in issues] == [(2, 15, "warning"), (8, 11, "warning")]
    assert "LF" in issues[0].message
    assert "CRLF" in issues[0].message
    assert "CR " in issues[1].message
    articlekit.loads(text)  # a warning only


def test_one_newline_style_throughout_gives_no_warning() -> None:
    for newline in ("\n", "\r\n", "\r"):
        assert _only(articlekit.check(GOOD.replace("\n", newline)), "AK110") == []


def test_character_issues_report_nothing_for_clean_text() -> None:
    assert splitter.character_issues("title: é😀\ttab\n") == []


def test_load_yaml_alone_reports_and_survives_bad_characters(pyyaml_parser: str) -> None:
    result = yamlsafe.load_yaml('title: "a\x00b"\nother: "\ud800"\n')
    assert [(i.code, i.line, i.column) for i in result.issues] == [("AK106", 2, 10), ("AK107", 3, 9)]
    assert result.data == {"title": "a\ufffdb", "other": "\ufffd"}


def test_lone_surrogates_never_reach_the_c_parser_as_an_encode_error(pyyaml_parser: str) -> None:
    for text in ("---\n\ud800: x\n---\n", "---\nx: [\udc80\n---\n", "---\n\udfff"):
        issues = articlekit.check(text)
        assert any(i.code == "AK107" for i in issues)
        with pytest.raises(articlekit.ParseError):
            articlekit.loads(text)
        with pytest.raises(articlekit.ParseError):
            articlekit.parse(text)


@pytest.mark.parametrize("bad", ["\x85", "\u2028", "\u2029"])
def test_yaml_line_breaks_inside_values_keep_positions(pyyaml_parser: str, bad: str) -> None:
    text = f'---\ntitle: "a{bad}b"\nquality: x\ncategory: news\n---\n'
    issue = next(i for i in articlekit.check(text) if i.path == ("quality",))
    assert (issue.line, issue.column) == (3, 10)


# --- a file that is not UTF-8 text at all: one issue that says what it is (AK111) ---

_SAMPLE = (DATA / "finland-prisons-ai.md").read_text(encoding="utf-8")
_CJK = '---\ntitle: "标题"\n---\n' + "".join(chr(0x4E00 + (i * 7919) % 0x5000) for i in range(5000)) + "\n"
_WIDE = [
    pytest.param(encoding, bom, id=f"{encoding}-{'bom' if bom else 'no-bom'}")
    for encoding in ("utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be")
    for bom in (True, False)
]


def _one_issue(data: bytes) -> articlekit.Issue:
    """The single issue of ``data``, checked to be the only one, through check() and loads()."""
    issues = articlekit.check(data)
    assert len(issues) == 1, [str(i) for i in issues]
    (issue,) = issues
    assert (issue.code, issue.severity, issue.line, issue.column, issue.path) == ("AK111", "error", 1, 1, ())
    with pytest.raises(articlekit.ParseError) as info:
        articlekit.loads(data)
    assert [i.code for i in info.value.issues] == ["AK111"]
    return issue


@pytest.mark.parametrize(("encoding", "bom"), _WIDE)
@pytest.mark.parametrize("text", [GOOD, _SAMPLE, _CJK, "---\n"], ids=["good", "sample", "cjk", "fence"])
def test_a_utf16_or_utf32_file_gets_one_error_that_says_what_it_is(
    encoding: str, bom: bool, text: str
) -> None:
    data = (("\ufeff" + text) if bom else text).encode(encoding)
    before = splitter._decode(data)[2] + splitter.character_issues(splitter._decode(data)[0])
    issue = _one_issue(data)
    name = encoding[:6].upper()
    order = "little-endian" if encoding.endswith("le") else "big-endian"
    marked = "with a byte order mark" if bom else "without a byte order mark"
    assert issue.message.startswith(f"{name} text, not UTF-8 ({order}, {marked})")
    if text is _SAMPLE:
        assert len(before) > 50  # what it was reported as, character by character


def test_a_utf16_file_of_one_and_a_half_kilobytes_gets_one_error() -> None:
    data = GOOD.replace("Body line.", "Body line. " * 120).encode("utf-16")  # about 1.5 KB
    assert 1400 < len(data) < 3200
    assert _one_issue(data).message.startswith(
        "UTF-16 text, not UTF-8 (little-endian, with a byte order mark)"
    )


def _png() -> bytes:
    import struct
    import zlib

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    pixels = zlib.compress(b"\x00\xff\x00\x00" * 4)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 4, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", pixels)
        + chunk(b"IEND", b"")
    )


def _zip() -> bytes:
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("article.md", GOOD)
    return out.getvalue()


def _gzip() -> bytes:
    import gzip

    return gzip.compress(GOOD.encode(), mtime=0)


@pytest.mark.parametrize(
    ("data", "what"),
    [
        pytest.param(_png(), "a PNG image", id="png"),
        pytest.param(b"\x89PNG\r\n\x1a\n", "a PNG image", id="png-header-only"),
        pytest.param(_zip(), "a ZIP archive", id="zip"),
        pytest.param(_gzip(), "a gzip archive", id="gzip"),
        pytest.param(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01" + bytes(range(256)), "a JPEG image", id="jpeg"),
        pytest.param(b"GIF89a\x01\x00\x01\x00\x80\x00\x00" + bytes(40), "a GIF image", id="gif"),
        pytest.param(
            b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Length 5 >>\nstream\n\x00\x01\x02\x03\x04",
            "a PDF document",
            id="pdf",
        ),
        pytest.param(b"\x7fELF\x02\x01\x01" + bytes(100), "an ELF executable", id="elf"),
    ],
)
def test_a_binary_format_gets_one_error_that_names_it(data: bytes, what: str) -> None:
    assert _one_issue(data).message == f"binary file, not UTF-8 text ({what})"


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("size", [64, 1500, 20_000])
def test_random_bytes_get_one_error_binary_file(seed: int, size: int) -> None:
    import random

    data = random.Random(seed * 1000 + size).randbytes(size)
    assert _one_issue(data).message == "binary file, not UTF-8 text"
    # also behind a fence line: what comes after it is what counts
    assert _one_issue(b"---\n" + data).message == "binary file, not UTF-8 text"


def test_an_ascii_signature_alone_is_not_binary() -> None:
    """A text file may start with "GIF89a" or "%PDF-": without binary bytes it is text."""
    for start in ("GIF89a", "%PDF-1.7"):
        issues = articlekit.check(f"{start}\n{GOOD}".encode())
        assert [i.code for i in issues] == ["AK102"]


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda b: b.replace(b"Hello", b"He\x00llo"), id="a NUL"),
        pytest.param(lambda b: b.replace(b"Hello", b"He\x1bllo"), id="an ESC"),
        pytest.param(lambda b: b.replace(b"Hello", b"He\x07llo"), id="a BEL"),
        pytest.param(
            lambda b: b.replace(b"Body line.", b"Bo\x00d\x01y \x02li\x7fne."), id="controls in the body"
        ),
        pytest.param(lambda b: b.replace(b"Hello", b"H\xe9llo"), id="a Latin-1 byte"),
        pytest.param(lambda b: b.replace(b"Hello", b"\xff\xfe"), id="bytes of a BOM, not at the start"),
        pytest.param(lambda b: b + b"\x00" * 4, id="NULs at the end"),
        pytest.param(lambda b: b"\x00" + b, id="a NUL at the start"),
        pytest.param(lambda b: b"\xef\xbb\xbf" + b.replace(b"Hello", b"\x00\x00"), id="a UTF-8 BOM and NULs"),
    ],
)
def test_a_utf8_file_with_odd_bytes_keeps_its_issues_at_their_positions(change: object) -> None:
    assert callable(change)
    data: bytes = change(GOOD.encode())
    text = data.decode("utf-8", errors="replace")
    issues = articlekit.check(data)
    assert "AK111" not in {i.code for i in issues}
    assert {i.code for i in issues} & {"AK101", "AK102", "AK106", "AK109"}
    # as bytes, as the same text decoded: the same character issues at the same places
    file_level = [(i.code, i.line, i.column) for i in issues if i.code in ("AK106", "AK109")]
    assert file_level == [
        (i.code, i.line, i.column) for i in articlekit.check(text) if i.code in ("AK106", "AK109")
    ]


@given(
    st.text(st.characters(exclude_categories=("Cc", "Cs")), min_size=1, max_size=400),
    st.lists(st.tuples(st.integers(0, 400), st.sampled_from("\x00\x01\x08\x0e\x1b\x7f")), max_size=8),
)
@settings(max_examples=200, deadline=None)
def test_utf8_text_with_a_few_control_characters_is_never_called_binary(
    body: str, controls: list[tuple[int, str]]
) -> None:
    text = "---\ntitle: x\n---\n" + body
    for at, char in controls:
        text = text[:at] + char + text[at:]
    data = text.encode("utf-8")
    odd = sum(data.count(c.encode()) for c in "\x00\x01\x08\x0e\x7f")
    assume(odd * 10 < len(data))
    assert splitter._not_text(data) is None
    split = splitter.split_front_matter(data)
    assert split.issues == splitter.split_front_matter(text).issues


def test_no_real_file_is_taken_for_one_that_is_not_text() -> None:
    files = corpus_files()
    if not files:
        pytest.skip("../shared/corpus is not present")
    for path in [DATA / "finland-prisons-ai.md", *files]:
        assert splitter._not_text(path.read_bytes()) is None, path
