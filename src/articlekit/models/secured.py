"""The ``secured`` field: an AES-CBC ciphertext and its IV, base64-encoded.

In files the value is ``"<base64 ciphertext>;<base64 IV>"``.  [`Secured`][articlekit.Secured]
holds the decoded bytes and writes back the same string:

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
from collections.abc import Sequence
from typing import Any, NamedTuple

from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import PydanticCustomError, core_schema

from ..issues import CODES, Issue

__all__ = ["SECURED_PATTERN", "Secured", "SecuredFormatError", "SecuredProblem", "secured_issues"]

FORMAT = CODES["AK501"]
BASE64 = CODES["AK502"]
CIPHERTEXT = CODES["AK503"]
IV = CODES["AK504"]

_C = "[A-Za-z0-9+/]"
# Canonical base64 of 16 bytes, and of a non-empty multiple of 16 bytes: 48 bytes are 64
# characters; a remainder of 16 or 32 bytes ends in `==` or `=` after a character whose
# unused low bits are zero.
_B64_16 = f"{_C}{{21}}[AQgw]=="
_B64_16N = f"(?:{_C}{{64}})*(?:{_C}{{64}}|{_B64_16}|{_C}{{42}}[AEIMQUYcgkosw048]=)"
SECURED_PATTERN = f"^{_B64_16N};{_B64_16}(?![\\s\\S])"
"""A regular expression (ECMA-262 and Python) that the field's text matches exactly when
[`Secured.parse`][articlekit.Secured.parse] accepts it: canonical base64 of a non-empty multiple of 16 bytes,
``;``, canonical base64 of 16 bytes.  It ends in ``(?![\\s\\S])`` rather than ``$``, which
in Python also matches before a final newline.  The JSON Schema uses it."""
_new = object.__new__


def _preview(text: str) -> str:
    return text[:8] + "…" if len(text) > 8 else text


class SecuredProblem(NamedTuple):
    """One thing wrong with a ``secured`` value.

    Attributes:
        code: the issue code (AK501 to AK504).
        message: what is wrong, in words; it never holds the value.
        offset: where in the value (0-based, in characters) the problem is: the start
            of the part, or the character that is not base64; ``None`` for the
            value as a whole.
    """

    code: str
    message: str
    offset: int | None


class SecuredFormatError(ValueError):
    """Raised by `Secured.parse` for a malformed value.

    ``code`` and ``message`` are those of the first problem; ``problems`` holds
    every problem found: one for each part that is wrong.
    """

    def __init__(self, code: str, message: str, problems: Sequence[SecuredProblem] = ()) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.problems: tuple[SecuredProblem, ...] = tuple(problems) or (SecuredProblem(code, message, None),)


_LAST_OF_ONE = "AQgw"  # a last character (before "==") whose 4 unused low bits are zero
_LAST_OF_TWO = "AEIMQUYcgkosw048"  # a last character (before "=") whose 2 unused low bits are zero
_ALPHABET_STR = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
_ALPHABET_BYTES = _ALPHABET_STR.encode("ascii")
_TO_A = bytes.maketrans(_ALPHABET_BYTES, b"A" * len(_ALPHABET_BYTES))
"""A `bytes.translate` table: every base64 character to ``A``, every other byte kept."""
_IV_PART = 25  # ";" and the IV: 16 bytes are 22 base64 characters and "=="


class _Shape(NamedTuple):
    """A well-formed value of one length, as `_quick` checks it (`_shape_of`)."""

    translated: bytes
    """What `_TO_A` makes of it: ``A`` for each base64 character, the ``=`` and the ``;`` at their places."""
    last: int
    """Where the ciphertext's last character (before its padding) is."""
    spare_zero: str
    """The characters that may be there: those whose spare bits are zero (any, without padding)."""


_SHAPES: dict[int, _Shape] = {}
"""`_shape_of` by length: a structural table (real files have a few lengths), bounded."""
_SHAPES_KEPT = 128


def _shape_of(size: int) -> _Shape | None:
    """The `_Shape` of a well-formed value of ``size`` characters; ``None``: none has that length.

    The length tells the padding: the ciphertext's ``size - 25`` characters are
    whole groups of 4, each 3 bytes, less one byte per ``=``, and a multiple of 16
    bytes; of 0, 1 or 2 ``=`` only one can make that.
    """
    shape = _SHAPES.get(size)
    if shape is not None:
        return shape
    head = size - _IV_PART  # the ciphertext's length
    padding = head // 4 * 3 % 16
    if head < 4 or head % 4 or padding > 2:
        return None
    shape = _Shape(
        b"A" * (head - padding) + b"=" * padding + b";" + b"A" * (_IV_PART - 3) + b"==",
        head - 1 - padding,
        (_ALPHABET_STR, _LAST_OF_TWO, _LAST_OF_ONE)[padding],
    )
    if len(_SHAPES) < _SHAPES_KEPT:
        _SHAPES[size] = shape
    return shape


def _quick(text: str) -> Secured | None:
    """`Secured.parse` of a well-formed value (the common case), or ``None`` to parse it fully.

    A well-formed value is checked without decoding it (its bytes are decoded
    when first asked for): a part is canonical base64 -- it encodes back to
    itself -- exactly when it is base64 characters and then its padding, its
    length is that of the encoding of its bytes, and the bits its last
    character has spare are zero.  One C pass (``bytes.translate``) turns
    every base64 character into ``A``; the result must be exactly the shape of
    a well-formed value of its length (`_shape_of`: the padding, the ``;`` and
    the IV's ``==`` at their places, nothing else), and the two last characters
    must have their spare bits zero.  Such a value passes every check of the
    full parse, which gives the same bytes; anything else is left to it.
    """
    shape = _SHAPES.get(len(text))
    if shape is None:
        shape = _shape_of(len(text))
        if shape is None:
            return None
    translated, last, spare_zero = shape
    if (
        not text.isascii()
        or text[-3] not in _LAST_OF_ONE  # the IV's last character: 4 spare bits
        or text[last] not in spare_zero
        or text.encode("ascii").translate(_TO_A) != translated
    ):
        return None
    self: Secured = _new(Secured)
    self._ciphertext = None
    self._iv = None
    self._text = text
    return self


_ALPHABET = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")


def _base64_problem(part: str) -> tuple[str, int] | None:
    """Why ``part`` is not canonical base64, and at which offset of it; ``None`` when it is.

    Canonical base64 is what `base64.b64encode` writes: the alphabet in groups of
    four, the last group padded with ``=`` to four, and the unused low bits of
    the last character before the padding zero.
    """
    body = part.rstrip("=")
    for i, char in enumerate(body):
        if char not in _ALPHABET:
            if char == "=":
                return "'=' (padding) before the end", i
            return f"{char!r} is not a base64 character (A-Z, a-z, 0-9, + and /)", i
    pad = len(part) - len(body)
    rest = len(body) % 4
    if rest == 1:
        return "its last group has a single character (one is missing or one is too many)", len(body) - 1
    needed = (4 - rest) % 4
    if pad > needed:
        return f"it ends in {pad} '=' where {needed or 'none'} belong", len(body) + needed
    if pad < needed:
        return f"the '=' padding is missing (it needs {needed}, it has {pad or 'none'})", len(part)
    if (rest == 2 and body[-1] not in _LAST_OF_ONE) or (rest == 3 and body[-1] not in _LAST_OF_TWO):
        return "its last character has bits that encode nothing", len(body) - 1
    return None


_PARTS = (
    ("first (ciphertext)", CIPHERTEXT.code, "a non-empty multiple of 16 bytes (an AES-CBC ciphertext)"),
    ("second (IV)", IV.code, "16 bytes (the IV)"),
)


def _problems(text: str) -> tuple[list[SecuredProblem], bytes, bytes]:
    """Every problem of ``text``, each at its offset; with none, the ciphertext and IV bytes."""
    parts = text.split(";")
    if len(parts) != 2:
        message = (
            f"'secured' must be two base64 parts separated by one ';', "
            f"found {len(parts)} part{'s' if len(parts) != 1 else ''} "
            f"({_preview(text)!r}, {len(text)} characters)"
        )
        at = len(parts[0]) + 1 + len(parts[1]) if len(parts) > 2 else None  # the second ';'
        return [SecuredProblem(FORMAT.code, message, at)], b"", b""
    problems: list[SecuredProblem] = []
    decoded: list[bytes] = []
    start = 0
    for part, (which, code, wanted) in zip(parts, _PARTS, strict=True):
        problem = _base64_problem(part)
        raw = b""
        if problem is not None:
            why, at = problem
            problems.append(
                SecuredProblem(
                    BASE64.code,
                    f"the {which} part of 'secured' ({_preview(part)!r}, {len(part)} characters) "
                    f"is not canonical base64: {why}, at offset {at} of the part",
                    start + at,
                )
            )
        else:
            raw = base64.b64decode(part)
            if (not raw or len(raw) % 16) if code == CIPHERTEXT.code else len(raw) != 16:
                problems.append(
                    SecuredProblem(
                        code,
                        f"the {which.split()[0]} part of 'secured' must decode to {wanted}, "
                        f"not {len(raw)} bytes",
                        start,
                    )
                )
        decoded.append(raw)
        start += len(part) + 1
    return problems, decoded[0], decoded[1]


class Secured:
    """An AES-CBC ciphertext and its 16-byte IV, as the ``secured`` field holds them.

    Build one from the field's text with [`parse`][articlekit.Secured.parse], or from bytes with
    ``Secured(ciphertext, iv)``.  Instances are immutable and compare by value.
    """

    __slots__ = ("_ciphertext", "_iv", "_text")
    # `_ciphertext` and `_iv` are None until first asked for in a value read from text (see _quick)
    _ciphertext: bytes | None
    _iv: bytes | None

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
            SecuredFormatError: the text is malformed; its ``code`` says how, and its
                ``problems`` list what is wrong with each part, each at its offset.

        >>> try:
        ...     Secured.parse("AAAA;AAAA")
        ... except SecuredFormatError as exc:
        ...     [(p.code, p.offset) for p in exc.problems]
        [('AK503', 0), ('AK504', 5)]
        """
        if not isinstance(text, str):
            raise TypeError("Secured.parse takes a str")
        if cls is Secured:
            quick = _quick(text)
            if quick is not None:
                return quick
        problems, ciphertext, iv = _problems(text)
        if problems:
            first = problems[0]
            raise SecuredFormatError(first.code, first.message, problems)
        return cls(ciphertext, iv)

    def _decoded(self) -> tuple[bytes, bytes]:
        """The ciphertext and the IV, decoded from the text when first asked for."""
        ciphertext, iv = self._ciphertext, self._iv
        if ciphertext is None or iv is None:  # a well-formed text, checked by _quick: decodes
            head, _, tail = self._text.partition(";")
            ciphertext, iv = base64.b64decode(head), base64.b64decode(tail)
            self._ciphertext, self._iv = ciphertext, iv
        return ciphertext, iv

    @property
    def ciphertext(self) -> bytes:
        """The AES-CBC ciphertext bytes."""
        return self._decoded()[0]

    @property
    def iv(self) -> bytes:
        """The 16-byte initialisation vector."""
        return self._decoded()[1]

    def __str__(self) -> str:
        return self._text

    def __repr__(self) -> str:
        ciphertext, iv = self._decoded()
        return f"Secured({_preview(self._text)!r}, ciphertext={len(ciphertext)} bytes, iv={len(iv)} bytes)"

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Secured):
            return self._text == other._text
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._text)

    def __reduce__(self) -> tuple[Any, ...]:
        return (Secured, self._decoded())

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
            # one error for pydantic; `articlekit.validate` makes an issue of each problem
            raise PydanticCustomError(exc.code, exc.message, {"secured_problems": exc.problems}) from None

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


def secured_issues(error: Any, locations: Any) -> list[Issue]:
    """An issue for each problem of a pydantic error raised by `Secured` validation.

    `error` is one entry of `pydantic.ValidationError.errors()` whose context
    holds ``secured_problems``; `locations` is an `articlekit.yamlsafe.Locations`.
    Each issue is at its problem's character in the file when the value is
    written on one line without escapes (plain, or quoted with nothing
    escaped), else at the start of the value.
    """
    path = tuple(p for p in error["loc"] if isinstance(p, int | str))
    problems: tuple[SecuredProblem, ...] = error["ctx"]["secured_problems"]
    value = error.get("input")
    info = locations.get(path)
    line, column = locations.position(path)
    first: int | None = None  # the column of the value's first character, when offsets map to columns
    if info is not None and isinstance(value, str) and info.kind == "scalar" and info.line == info.end_line:
        quoted = info.style in ('"', "'")
        if info.style in ("", '"', "'") and info.end_column - info.column == len(value) + 2 * quoted:
            line, first = info.line, info.column + quoted
    out = []
    for problem in problems:
        code = CODES[problem.code]
        at = column if first is None or problem.offset is None else first + problem.offset
        out.append(code.issue(problem.message, path, line, at))
    return out
