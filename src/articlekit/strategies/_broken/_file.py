"""Generators of broken files: encoding, fences, size, characters (AK1xx), suppression comments (AK0xx)."""

from __future__ import annotations

from collections.abc import Callable

from hypothesis import strategies as st

from ...limits import DEFAULT_LIMITS
from ...splitter import UNREADABLE
from ._base import _SHORT_TEXT, Draw, _Doc, _doc, _join, _render

# -- the file: encoding, fences, size, characters (AK1xx) ----------------------------------

_BAD_BYTES = (b"\xff", b"\xfe", b"\xe9", b"\xc3", b"\x80", b"\xa0", b"\xc0")
_MARK = "\x00"


def _with_line(draw: Draw, doc: _Doc, text_line: str, *, body_ok: bool = True) -> tuple[str, int]:
    """Render ``doc`` with ``text_line`` added as a front-matter comment or a body line; text and line.

    ``body_ok=False``: always in the front matter (a stray BOM or a control
    character in the body is only a warning, AK108/AK109).
    """
    rendered = _render(draw, doc)
    lines = rendered.lines
    if not body_ok or draw(st.booleans()):
        at = draw(st.integers(0, len(lines)))
        lines.insert(at, "# " + text_line)
        return _join(doc, lines), at + 2
    body = list(doc.body)
    at = draw(st.integers(0, len(body)))
    body.insert(at, text_line)
    return _join(doc, lines, body=body), len(lines) + 3 + at


def _ak101(draw: Draw) -> tuple[str | bytes, int]:
    doc = _doc(draw)
    text, line = _with_line(draw, doc, draw(_SHORT_TEXT) + _MARK + draw(_SHORT_TEXT))
    return text.encode("utf-8").replace(_MARK.encode(), draw(st.sampled_from(_BAD_BYTES))), line


def _ak102(draw: Draw) -> tuple[str, int]:
    doc = _doc(draw)
    lines = _render(draw, doc).lines
    how = draw(st.sampled_from(["no fence", "text first", "blank first", "indented fence", "short fence"]))
    if how == "no fence":
        return _join(doc, lines)[len("\ufeff" * doc.layout.bom) + 3 + len(doc.layout.newline) :], 1
    fence = {"text first": "---", "blank first": "---", "indented fence": " ---", "short fence": "--"}[how]
    text = _join(doc, lines, open_fence=fence).lstrip("\ufeff")
    if how == "text first":
        text = "Notes" + doc.layout.newline + text
    elif how == "blank first":
        text = doc.layout.newline + text
    return ("\ufeff" if doc.layout.bom else "") + text, 1


def _ak103(draw: Draw) -> tuple[str, int]:
    doc = _doc(draw)
    return _join(doc, _render(draw, doc).lines, close_fence=None), 1


def _ak104(draw: Draw) -> tuple[str, int]:
    doc = _doc(draw)
    lines = _render(draw, doc).lines
    fence = "-" * draw(st.integers(4, 8)) + " " * draw(st.integers(0, 2))
    if draw(st.booleans()):
        return _join(doc, lines, open_fence=fence), 1
    return _join(doc, lines, close_fence=fence), len(lines) + 2


def _ak105(draw: Draw) -> tuple[str, int]:
    doc = _doc(draw)
    lines = _render(draw, doc).lines
    size = len(_join(doc, lines, body=[]).encode("utf-8"))
    filler = DEFAULT_LIMITS.max_bytes - size + draw(st.integers(1, 64))
    row = "lorem ipsum dolor sit amet " * 3
    body = [row] * (filler // (len(row) + len(doc.layout.newline)) + 1)
    return _join(doc, lines, body=body), 1


def _character(code: str) -> st.SearchStrategy[str]:
    if code == "AK106":
        return st.just("\x00")
    if code == "AK107":
        return st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF)
    if code == "AK108":
        return st.just("\ufeff")
    controls = [chr(c) for c in range(0x20) if chr(c) not in "\x00\t\n\r"]
    controls += [chr(c) for c in range(0x7F, 0xA0) if c != 0x85] + ["\ufffe", "\uffff"]
    return st.sampled_from(controls)


_WARNING_IN_BODY = frozenset({"AK108", "AK109"})
"""Codes of characters that are errors in the front matter but only warnings in the body."""


def _bad_character(code: str) -> Callable[[Draw], tuple[str, int]]:
    characters = _character(code)

    def generate(draw: Draw) -> tuple[str, int]:
        doc = _doc(draw)
        char = draw(characters)
        assert UNREADABLE.match(char)
        text = draw(_SHORT_TEXT) + char + draw(_SHORT_TEXT)
        return _with_line(draw, doc, text, body_ok=code not in _WARNING_IN_BODY)

    return generate


def _ak110(draw: Draw) -> tuple[str, int]:
    doc = _doc(draw)
    lines = ["---", *_render(draw, doc).lines, "---", *doc.body]
    at = draw(st.integers(1, len(lines) - 1))
    newline = doc.layout.newline
    other = "\n" if newline == "\r\n" else "\r\n"
    text = "".join(line + (other if i == at else newline) for i, line in enumerate(lines))
    return ("\ufeff" if doc.layout.bom else "") + text, at + 1


def _ak111(draw: Draw) -> tuple[bytes, int]:
    """A good file saved as UTF-16 or UTF-32 (with or without a BOM), or inside a binary format."""
    import gzip

    doc = _doc(draw)
    text = _join(doc, _render(draw, doc).lines).lstrip("\ufeff")
    how = draw(st.sampled_from(["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be", "png", "gzip"]))
    if how == "png":
        return b"\x89PNG\r\n\x1a\n" + text.encode("utf-8"), 1
    if how == "gzip":
        return gzip.compress(text.encode("utf-8"), mtime=0), 1
    return (("\ufeff" + text) if draw(st.booleans()) else text).encode(how), 1


# -- suppression comments (AK0xx) -------------------------------------------------------------


def _ak001(draw: Draw) -> tuple[str, int]:
    doc = _doc(draw)
    bad = draw(st.sampled_from(["ignore", "ignore[]", "ignore[XX1]", "ignor[AK305]", "ignore[AK002]"]))
    return _join(doc, [f"# articlekit: {bad}", *_render(draw, doc).lines]), 2


def _ak002(draw: Draw) -> tuple[str, int]:
    doc = _doc(draw)  # a valid document: whatever the comment names, nothing is there to suppress
    form = draw(st.sampled_from(["ignore", "ignore-file"]))
    code = draw(st.sampled_from(["AK305", "AK401", "AK702", "AK853"]))
    return _join(doc, [f"# articlekit: {form}[{code}]", *_render(draw, doc).lines]), 2
