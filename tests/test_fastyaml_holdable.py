"""The C loop's character check (`holdable` in `_speedups.c`, eight bytes at a time) refuses
exactly the characters `_speedups_py._OUTSIDE` names, wherever they fall in an 8-byte word."""

from __future__ import annotations

import re
import sys

import pytest

from articlekit import _speedups_py, fastyaml

_OUTSIDE = re.compile(_speedups_py._OUTSIDE)
_EVERY = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)


def _refused(loop: object, text: str) -> bool:
    """Whether the loop answers None ("a character the fast path does not take")."""
    try:
        return loop.parse_subset(text, *fastyaml.loop_arguments()) is None  # type: ignore[attr-defined]
    except fastyaml.Fallback:
        return False


@pytest.fixture
def c_loop() -> object:
    loop = fastyaml.IMPLEMENTATIONS.get("c")
    if loop is None:
        pytest.skip("the C accelerator is not in use")
    return loop


def test_every_character_it_may_hold_at_once(c_loop: object) -> None:
    held = "".join(ch for ch in _EVERY if not _OUTSIDE.match(ch))
    # as the values of keys (flow indicators and quotes would end them)
    for start in range(0, len(held), 4096):
        piece = held[start : start + 4096].replace("\n", "")
        assert _speedups_py._holdable(piece)
        assert not _refused(c_loop, f"a: x{piece}\n")


@pytest.mark.parametrize("offset", range(17))
def test_each_character_it_refuses_wherever_it_falls(c_loop: object, offset: int) -> None:
    refused = [ch for ch in _EVERY if _OUTSIDE.match(ch) and ch != "\r"]
    for ch in [*refused, "\r", "\r\n", "\r\r\n", "\u2027", "\u202a", "\ufefe", "\ufffd", "\x85", "\xa0", "é"]:
        for prefix in ("a: ", "a: é"):
            text = prefix + "x" * offset + ch + "y" * (15 - offset % 8) + "\n"
            want = _speedups_py._holdable(text.replace("\r\n", "\n"))  # as the pure loop asks it
            assert _refused(c_loop, text) is not want, (offset, hex(ord(ch[0])))
