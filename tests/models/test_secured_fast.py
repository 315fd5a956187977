"""The common-case path of ``Secured.parse`` accepts exactly what the full parse accepts.

:func:`articlekit.models.secured._quick` checks a well-formed ``secured`` value
without decoding it (one ``bytes.translate`` pass, the lengths, the padding and
the last characters' spare bits); its bytes are decoded when first asked for.
Whenever it gives a value, the full parse must give the same one; whenever it
gives ``None`` the full parse decides anyway, so only the first direction can
change behaviour (and every well-formed value must take it, for speed).  It is
tested on generated values near the edges, exhaustively on every last character, and through
pydantic validation (the issues ``check`` reports).
"""

from __future__ import annotations

import base64
import copy
import pickle
import re
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import articlekit
from articlekit.models import secured as secured_model
from articlekit.models.secured import SECURED_PATTERN, Secured, SecuredFormatError
from conftest import secured_slow

_SETTINGS = settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"


def _agrees(text: str) -> None:
    quick = secured_model._quick(text)
    if quick is not None:
        assert ("ok", quick.ciphertext, quick.iv, str(quick)) == secured_slow(text)
        assert type(quick) is Secured
    try:
        parsed: tuple[Any, ...] = ("ok", *(lambda v: (v.ciphertext, v.iv, str(v)))(Secured.parse(text)))
    except SecuredFormatError as exc:
        parsed = ("error", exc.code, exc.message)
    assert parsed == secured_slow(text)
    # every well-formed value takes the quick path, and it is exactly what the schema's pattern says
    assert (quick is not None) == (parsed[0] == "ok") == bool(re.match(SECURED_PATTERN, text))


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


_part = st.one_of(
    st.integers(0, 5).flatmap(lambda k: st.binary(min_size=16 * k, max_size=16 * k)).map(_b64),
    st.binary(min_size=13, max_size=19).map(_b64),
    st.binary(max_size=70).map(_b64),
    st.text(alphabet=_ALPHABET + "=;\n é-_", max_size=30),
)


@st.composite
def _mutated(draw: st.DrawFn) -> str:
    text = draw(_part) + draw(st.sampled_from([";", ";", ";", "", ";;", "; "])) + draw(_part)
    for _ in range(draw(st.integers(0, 2))):
        if not text:
            break
        at = draw(st.integers(0, len(text) - 1))
        how = draw(st.integers(0, 2))
        new = draw(st.sampled_from([*_ALPHABET[::5], "=", "-", "_", " ", "\n", "é", ";"]))
        if how == 0:
            text = text[:at] + new + text[at + 1 :]
        elif how == 1:
            text = text[:at] + new + text[at:]
        else:
            text = text[:at] + text[at + 1 :]
    return text


@_SETTINGS
@given(_mutated())
def test_quick_agrees_with_the_full_parse(text: str) -> None:
    _agrees(text)


@pytest.mark.parametrize("size", [16, 32, 48, 64, 80])
def test_quick_on_every_last_character(size: int) -> None:
    """Sizes 16, 32, 48, ... leave 1, 2 and 0 spare bytes: every last data character, every padding."""
    iv = _b64(bytes(range(16)))
    part = _b64(bytes(range(100, 100 + size)))
    data_end = len(part.rstrip("="))
    for char in _ALPHABET + "=":
        for pad in ("", "=", "==", "==="):
            head = part[: data_end - 1] + char + pad
            _agrees(head + ";" + iv)
            _agrees(part + ";" + iv[:21] + char + pad)


def test_quick_takes_the_common_case() -> None:
    text = _b64(bytes(range(48))) + ";" + _b64(bytes(16))
    quick = secured_model._quick(text)
    assert quick is not None
    assert quick == Secured(bytes(range(48)), bytes(16))
    assert str(quick) == text


@pytest.mark.parametrize("size", [16, 32, 48, 64, 80, 96])
def test_a_quick_value_decodes_when_asked(size: int) -> None:
    """A value read by the quick path keeps only its text until its bytes are asked for."""
    ciphertext, iv = bytes(range(7, 7 + size)), bytes(range(200, 216))
    text = _b64(ciphertext) + ";" + _b64(iv)
    made = Secured(ciphertext, iv)
    for ask in ("ciphertext", "iv", "repr", "pickle", "copy", "eq"):
        quick = secured_model._quick(text)
        assert quick is not None
        assert (quick._ciphertext, quick._iv) == (None, None)  # nothing decoded yet
        if ask == "ciphertext":
            assert (quick.ciphertext, quick.iv) == (ciphertext, iv)
        elif ask == "iv":
            assert (quick.iv, quick.ciphertext) == (iv, ciphertext)
        elif ask == "repr":
            assert repr(quick) == repr(made)
        elif ask == "pickle":
            again = pickle.loads(pickle.dumps(quick))
            assert (again.ciphertext, again.iv, str(again)) == (ciphertext, iv, text)
        elif ask == "copy":
            assert copy.deepcopy(quick) == made
            assert copy.copy(quick) == made
        else:
            assert quick == made
            assert hash(quick) == hash(made)
            assert str(quick) == str(made) == text


_SECURED_VALUES = st.one_of(_mutated(), st.integers(), st.none(), st.lists(st.text(max_size=3), max_size=2))


@settings(max_examples=300, deadline=None)
@given(_SECURED_VALUES)
def test_validation_issues_are_the_same_without_quick(value: Any) -> None:
    data = {
        "title": "x",
        "publishedDateTime": "2020-08-11T13:41:00Z",
        "webUrl": "https://example.com/a",
        "secured": value,
    }

    def issues() -> list[str]:
        from articlekit.validate import validate_model
        from articlekit.yamlsafe import Locations

        model, found = validate_model(data, articlekit.Article, Locations())
        return [str(i) for i in found] + [repr(model)]

    fast = issues()
    original = secured_model._quick
    secured_model._quick = lambda text: None  # type: ignore[assignment]
    try:
        slow = issues()
    finally:
        secured_model._quick = original
    assert fast == slow
