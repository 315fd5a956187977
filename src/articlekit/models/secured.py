"""The ``secured`` field: an AES-CBC ciphertext and its IV, base64-encoded.

In files the value is ``"<base64 ciphertext>;<base64 IV>"``.  :class:`Secured`
holds the decoded bytes and writes back the same string::

    >>> s = Secured.parse("AAAAAAAAAAAAAAAAAAAAAA==;AAAAAAAAAAAAAAAAAAAAAA==")
    >>> (len(s.ciphertext), len(s.iv))
    (16, 16)
    >>> s
    Secured('AAAAAAAA…', ciphertext=16 bytes, iv=16 bytes)

Its ``repr()`` and every message about it show only a short prefix and the
lengths; ``str()`` gives the whole field value.
"""

from __future__ import annotations

import base64
import binascii
import re
import sys
from functools import partial
from typing import Any

from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import PydanticCustomError, core_schema

from ..issues import register_code

__all__ = ["SECURED_PATTERN", "Secured", "SecuredFormatError"]

FORMAT = register_code(
    "AK501",
    "secured-format",
    "error",
    "`secured` is not two parts separated by one `;`.",
    "The value is `\"<base64 ciphertext>;<base64 IV>\"`. Messages show only a short prefix "
    "and the lengths, never the whole value. "
    'Passing:\n\n```\nsecured: "AAAAAAAAAAAAAAAAAAAAAA==;AAAAAAAAAAAAAAAAAAAAAA=="\n```\n\n'
    'Failing:\n\n```\nsecured: "AAAAAAAAAAAAAAAAAAAAAA=="\n```',
)
BASE64 = register_code(
    "AK502",
    "secured-base64",
    "error",
    "A part of `secured` is not canonical base64 (RFC 4648 alphabet, padding, no whitespace).",
    "URL-safe characters (`-`, `_`), missing `=` padding, whitespace and a last character "
    "with bits that encode nothing are all errors. "
    'Passing:\n\n```\nsecured: "AAAAAAAAAAAAAAAAAAAAAA==;AAAAAAAAAAAAAAAAAAAAAA=="\n```\n\n'
    'Failing:\n\n```\nsecured: "AAAAAAAAAAAAAAAAAAAAAA;AAAAAAAAAAAAAAAAAAAAAA=="\n```',
)
CIPHERTEXT = register_code(
    "AK503",
    "secured-ciphertext-length",
    "error",
    "The first part of `secured` does not decode to a non-empty multiple of 16 bytes.",
    "The first part is an AES-CBC ciphertext: whole 16-byte blocks. "
    'Passing:\n\n```\nsecured: "AAAAAAAAAAAAAAAAAAAAAA==;AAAAAAAAAAAAAAAAAAAAAA=="\n```\n\n'
    'Failing (15 bytes):\n\n```\nsecured: "AAAAAAAAAAAAAAAAAAAA;AAAAAAAAAAAAAAAAAAAAAA=="\n```',
)
IV = register_code(
    "AK504",
    "secured-iv-length",
    "error",
    "The second part of `secured` does not decode to exactly 16 bytes.",
    "The second part is the AES-CBC initialisation vector, one 16-byte block. "
    'Passing:\n\n```\nsecured: "AAAAAAAAAAAAAAAAAAAAAA==;AAAAAAAAAAAAAAAAAAAAAA=="\n```\n\n'
    'Failing (12 bytes):\n\n```\nsecured: "AAAAAAAAAAAAAAAAAAAAAA==;AAAAAAAAAAAAAAAA"\n```',
)

_B64 = "(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?"
_C = "[A-Za-z0-9+/]"
# Canonical base64 of 16 bytes, and of a non-empty multiple of 16 bytes: 48 bytes are 64
# characters; a remainder of 16 or 32 bytes ends in `==` or `=` after a character whose
# unused low bits are zero.
_B64_16 = f"{_C}{{21}}[AQgw]=="
_B64_16N = f"(?:{_C}{{64}})*(?:{_C}{{64}}|{_B64_16}|{_C}{{42}}[AEIMQUYcgkosw048]=)"
SECURED_PATTERN = f"^{_B64_16N};{_B64_16}(?![\\s\\S])"
"""A regular expression (ECMA-262 and Python) that the field's text matches exactly when
:meth:`Secured.parse` accepts it: canonical base64 of a non-empty multiple of 16 bytes,
``;``, canonical base64 of 16 bytes.  It ends in ``(?![\\s\\S])`` rather than ``$``, which
in Python also matches before a final newline.  The JSON Schema uses it."""
_B64_RE = re.compile(_B64)
_new = object.__new__


def _canonical_b64(part: str) -> bytes:
    """The bytes of ``part`` when it is canonical base64 (it encodes back to itself); else raise."""
    raw = binascii.a2b_base64(part)
    if binascii.b2a_base64(raw, newline=False) != part.encode("ascii"):
        raise binascii.Error("not canonical base64")
    return raw


if sys.version_info >= (3, 11):
    # the alphabet only, padded, nothing after the padding; decoded in C
    _strict_b64 = partial(binascii.a2b_base64, strict_mode=True)
else:  # pragma: no cover - Python 3.10 has no strict_mode
    _strict_b64 = _canonical_b64


def _preview(text: str) -> str:
    return text[:8] + "…" if len(text) > 8 else text


class SecuredFormatError(ValueError):
    """Raised by :meth:`Secured.parse` for a malformed value; ``code`` is the issue code."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


_LAST_OF_ONE = "AQgw"  # a last character (before "==") whose 4 unused low bits are zero
_LAST_OF_TWO = "AEIMQUYcgkosw048"  # a last character (before "=") whose 2 unused low bits are zero


def _quick(text: str) -> Secured | None:
    """:meth:`Secured.parse` of a well-formed value (the common case), or ``None`` to parse it fully.

    C decodes each part (strict base64: the alphabet, padding only at the
    end); a part is canonical base64 -- it encodes back to itself -- exactly
    when its length is that of the encoding of its bytes and the bits its last
    character has spare are zero.  Such a value passes every check of the full
    parse, which gives the same bytes; anything else is left to it.
    """
    head, sep, tail = text.partition(";")
    if not sep or len(tail) != 24 or tail[21] not in _LAST_OF_ONE:
        return None  # the IV is 16 bytes: 22 characters and "=="
    try:
        ciphertext = _strict_b64(head)
        iv = _strict_b64(tail)
    except (binascii.Error, ValueError):  # ValueError: not ASCII
        return None
    size = len(ciphertext)
    if not size or size % 16 or len(iv) != 16 or len(head) != (size + 2) // 3 * 4:
        return None
    spare = size % 3  # 1: the part ends in "==", 2: in "="
    if spare and (head[-3] not in _LAST_OF_ONE if spare == 1 else head[-2] not in _LAST_OF_TWO):
        return None
    self: Secured = _new(Secured)
    self._ciphertext = ciphertext
    self._iv = iv
    self._text = text
    return self


def _decode_part(part: str, which: str, text: str) -> bytes:
    if not _B64_RE.fullmatch(part):
        raise SecuredFormatError(
            BASE64.code,
            f"the {which} part of 'secured' ({_preview(part)!r}, {len(part)} characters) "
            "is not canonical base64",
        )
    try:
        raw = base64.b64decode(part, validate=True)
    except binascii.Error:  # pragma: no cover - the pattern already rules this out
        raise SecuredFormatError(BASE64.code, f"the {which} part of 'secured' is not base64") from None
    if base64.b64encode(raw).decode("ascii") != part:
        raise SecuredFormatError(
            BASE64.code,
            f"the {which} part of 'secured' ({_preview(part)!r}) is not canonical base64: "
            "its last character has bits that encode nothing",
        )
    return raw


class Secured:
    """An AES-CBC ciphertext and its 16-byte IV, as the ``secured`` field holds them.

    Build one from the field's text with :meth:`parse`, or from bytes with
    ``Secured(ciphertext, iv)``.  Instances are immutable and compare by value.
    """

    __slots__ = ("_ciphertext", "_iv", "_text")

    def __init__(self, ciphertext: bytes, iv: bytes) -> None:
        if not isinstance(ciphertext, bytes) or not isinstance(iv, bytes):
            raise TypeError("Secured(ciphertext, iv) takes two bytes objects")
        if not ciphertext or len(ciphertext) % 16:
            raise SecuredFormatError(
                CIPHERTEXT.code,
                f"the ciphertext must be a non-empty multiple of 16 bytes, not {len(ciphertext)} bytes",
            )
        if len(iv) != 16:
            raise SecuredFormatError(IV.code, f"the IV must be 16 bytes, not {len(iv)} bytes")
        self._ciphertext = ciphertext
        self._iv = iv
        self._text = base64.b64encode(ciphertext).decode("ascii") + ";" + base64.b64encode(iv).decode("ascii")

    @classmethod
    def parse(cls, text: str) -> Secured:
        """Read the field's ``"<base64>;<base64>"`` text.

        Raises:
            SecuredFormatError: the text is malformed; its ``code`` says how.
        """
        if not isinstance(text, str):
            raise TypeError("Secured.parse takes a str")
        if cls is Secured:
            quick = _quick(text)
            if quick is not None:
                return quick
        parts = text.split(";")
        if len(parts) != 2:
            raise SecuredFormatError(
                FORMAT.code,
                f"'secured' must be two base64 parts separated by one ';', "
                f"found {len(parts)} part{'s' if len(parts) != 1 else ''} "
                f"({_preview(text)!r}, {len(text)} characters)",
            )
        ciphertext = _decode_part(parts[0], "first (ciphertext)", text)
        iv = _decode_part(parts[1], "second (IV)", text)
        if not ciphertext or len(ciphertext) % 16:
            raise SecuredFormatError(
                CIPHERTEXT.code,
                "the first part of 'secured' must decode to a non-empty multiple of 16 bytes "
                f"(an AES-CBC ciphertext), not {len(ciphertext)} bytes",
            )
        if len(iv) != 16:
            raise SecuredFormatError(
                IV.code,
                f"the second part of 'secured' must decode to 16 bytes (the IV), not {len(iv)} bytes",
            )
        return cls(ciphertext, iv)

    @property
    def ciphertext(self) -> bytes:
        """The AES-CBC ciphertext bytes."""
        return self._ciphertext

    @property
    def iv(self) -> bytes:
        """The 16-byte initialisation vector."""
        return self._iv

    def __str__(self) -> str:
        return self._text

    def __repr__(self) -> str:
        return (
            f"Secured({_preview(self._text)!r}, ciphertext={len(self._ciphertext)} bytes, "
            f"iv={len(self._iv)} bytes)"
        )

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Secured):
            return self._text == other._text
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._text)

    def __reduce__(self) -> tuple[Any, ...]:
        return (Secured, (self._ciphertext, self._iv))

    # -- pydantic integration ----------------------------------------------
    @classmethod
    def _validate(cls, value: Any) -> Secured:
        if type(value) is str and cls is Secured:
            quick = _quick(value)  # the common case, without the calls below
            if quick is not None:
                return quick
        if isinstance(value, Secured):
            return value
        if not isinstance(value, str):
            raise PydanticCustomError("string_type", "Input should be a valid string")
        try:
            return cls.parse(value)
        except SecuredFormatError as exc:
            raise PydanticCustomError(exc.code, exc.message) from None

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return core_schema.no_info_plain_validator_function(
            cls._validate,
            serialization=core_schema.plain_serializer_function_ser_schema(str, when_used="always"),
        )

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return {"type": "string", "pattern": SECURED_PATTERN}
