"""The splitter's common-case path gives exactly what its general path gives.

:func:`articlekit.splitter.split_front_matter` first tries a path for files
as most are (one newline style, ``---`` fences, nothing unreadable) and
otherwise runs the general one.  Here the two are compared on generated files
built from tricky lines, newlines and characters, as text and as bytes, and on
every file of the real corpus; and the byte-level readability check is
compared with the plain regular expression it stands in for.
"""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articlekit import splitter
from articlekit.limits import DEFAULT_LIMITS, Limits
from articlekit.splitter import UNREADABLE, SplitResult, split_front_matter
from conftest import DATA, corpus_files

_SETTINGS = settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])

_LINES = [
    "---",
    "----",
    "--- ",
    "---\t",
    "---x",
    "...",
    "... ",
    "....",
    "..",
    "-- -",
    " ---",
    "title: x",
    'title: "a --- b"',
    "  - item",
    "",
    "body text",
    "- ...",
]
_CHARS = [
    *("", "\x00", "\x07", "\x1b", "\x7f", "\x85", "\x84", "\x9f", "\xa0", "é", "’", "😀"),
    *("\ufeff", "\ufffe", "\uffff", "\ud800", "\udce9", "\t", "\r", "\n", "\x0b", "\x0c", "\u2028"),
]
_NEWLINES = ["\n", "\n", "\n", "\r\n", "\r"]

_line = st.one_of(
    st.sampled_from(["---", "...", "----", "--- "]),  # fences and near-fences, often
    st.sampled_from(_LINES),
    st.builds(
        lambda a, c, b: a + c + b, st.sampled_from(_LINES), st.sampled_from(_CHARS), st.sampled_from(_LINES)
    ),
    st.text(max_size=6),
)


@st.composite
def _documents(draw: st.DrawFn) -> str:
    """A file: lines with one newline style (or, sometimes, mixed), maybe a BOM, maybe no final newline."""
    lines = draw(st.lists(_line, min_size=0, max_size=10))
    if draw(st.integers(0, 3)):
        lines = ["---", *lines]  # most files open with a fence
    mixed = draw(st.integers(0, 4)) == 0
    style = draw(st.sampled_from(_NEWLINES))
    out = ""
    for line in lines:
        out += line + (draw(st.sampled_from(_NEWLINES)) if mixed else style)
    if out and draw(st.integers(0, 4)) == 0:
        out = out.rstrip("\r\n")
    if draw(st.integers(0, 5)) == 0:
        out = "\ufeff" + out
    return out


def _general(data: str | bytes, limits: Limits = DEFAULT_LIMITS) -> SplitResult:
    return splitter._split_any(data, limits, common=False)


def _same(data: str | bytes, limits: Limits = DEFAULT_LIMITS) -> None:
    fast = split_front_matter(data, limits)
    slow = _general(data, limits)
    assert type(fast) is SplitResult
    assert fast == slow
    assert vars(fast) == vars(slow)


@_SETTINGS
@given(_documents())
def test_common_path_equals_general_path_on_text(doc: str) -> None:
    _same(doc)


@_SETTINGS
@given(_documents())
def test_common_path_equals_general_path_on_bytes(doc: str) -> None:
    raw = doc.encode("utf-8", errors="surrogatepass")  # a surrogate makes invalid UTF-8
    _same(raw)
    _same(bytearray(raw))
    _same(memoryview(raw))


@_SETTINGS
@given(_documents(), st.binary(max_size=3), st.integers(0, 30))
def test_common_path_equals_general_path_on_invalid_bytes(doc: str, junk: bytes, at: int) -> None:
    raw = doc.encode("utf-8", errors="surrogatepass")
    _same(raw[:at] + junk + raw[at:])


@_SETTINGS
@given(_documents())
def test_common_path_equals_general_path_near_the_size_limit(doc: str) -> None:
    size = len(doc.encode("utf-8", errors="surrogatepass"))
    for max_bytes in {max(size - 1, 1), size, size + 1, max(len(doc), 1), len(doc) * 4 + 1}:
        limits = Limits(max_bytes=max_bytes)
        _same(doc, limits)
        _same(doc.encode("utf-8", errors="surrogatepass"), limits)


@pytest.mark.parametrize(
    "doc",
    [
        "---\ntitle: x\n---\nbody\n",
        "---\ntitle: x\n---",
        "---\n---\n",
        "---\n...\nbody",
        "---\r\ntitle: x\r\n---\r\nbody\r\n",
        "\ufeff---\ntitle: é\n---\nbody ’\n",
        "---\ntitle: x\n...\nbody\n---\n",
        "---\ntitle: x\n----\n",
        "---\ntitle: x\n--- \n",
        "---\ntitle: x\n---x\n---\n",
        "---\ntitle: x\n",
        "---\ntitle: x\r\n---\n",
        "---\ntitle: \x00\n---\n",
        "---\ntitle: x\n---\nbody \ufeff\n",
    ],
)
def test_common_path_equals_general_path_on_examples(doc: str) -> None:
    _same(doc)
    _same(doc.encode("utf-8"))


def test_common_path_is_taken_for_plain_files() -> None:
    """The cases the common path is for do not fall through to the general one."""
    for doc in ("---\ntitle: x\n---\nbody\n", "\ufeff---\r\ntitle: é\r\n...\r\n", "---\n---"):
        text = doc.removeprefix("\ufeff")
        assert splitter._split_common(text, text != doc, None) is not None
        raw = doc.encode("utf-8")
        assert splitter._split_common(text, text != doc, raw) == _general(doc)


def test_common_path_equals_general_path_on_the_corpus() -> None:
    paths = corpus_files() or sorted(DATA.glob("*.md"))
    assert paths
    for path in paths:
        raw = path.read_bytes()
        _same(raw)
        _same(raw.decode("utf-8"))


def test_common_path_result_equals_the_constructor() -> None:
    """The common path sets the fields through ``__dict__``; the result is a normal instance."""
    made = splitter._split_common("---\na\n...\nb", True, None)
    built = SplitResult(
        text="---\na\n...\nb",
        bom=True,
        newline="\n",
        open_fence="---",
        open_newline="\n",
        front_matter="a\n",
        front_matter_offset=4,
        close_fence="...",
        close_newline="\n",
        body="b",
        issues=(),
    )
    assert made == built
    assert made is not None
    assert vars(made) == vars(built)
    assert list(vars(made)) == [f.name for f in dataclasses.fields(SplitResult)]
    assert dataclasses.replace(made, body="c").body == "c"
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.body = "c"  # type: ignore[misc]


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet=st.characters(codec=None), max_size=20) | st.text(alphabet="".join(_CHARS) + "a-\n"))
def test_readable_equals_the_regex(text: str) -> None:
    expected = UNREADABLE.search(text) is None
    assert splitter._readable(text) is expected
    try:
        raw = text.encode("utf-8")
    except UnicodeEncodeError:
        return
    assert splitter._readable(text, raw) is expected
    assert splitter._readable(text, b"\xef\xbb\xbf" + raw, bom=True) is expected


def test_readable_on_every_code_point() -> None:
    for cp in range(0x110000):
        char = chr(cp)
        assert splitter._readable("ab" + char + "\n") is (UNREADABLE.search(char) is None), hex(cp)


def test_plain_files_are_split_without_the_general_path(monkeypatch: pytest.MonkeyPatch) -> None:
    """Small text and small valid UTF-8 bytes go straight to the common path (a file's bytes too)."""
    docs = ("---\ntitle: x\n---\nbody\n", "\ufeff---\r\ntitle: é\r\n...\r\n", "---\n---")
    expected = [(doc, _general(doc), _general(doc.encode("utf-8"))) for doc in docs]

    def general(data: str | bytes, limits: Limits, *, common: bool) -> SplitResult:
        raise AssertionError(f"{data!r} took the general path")

    monkeypatch.setattr(splitter, "_split_any", general)
    for doc, from_text, from_bytes in expected:
        assert split_front_matter(doc) == from_text
        assert split_front_matter(doc.encode("utf-8")) == from_bytes
