"""The front-matter splitter: fences, BOM, newline style and body.

A file in the article format is:

```text
---                  <- opening fence, the first line (a UTF-8 BOM may precede it)
<YAML block mapping>
---                  <- closing fence: the next line that is ``---`` or ``...``
<body>               <- kept byte for byte
```

Fences may carry trailing spaces.  Longer dash runs (``----``) are accepted
with a warning.  LF, CRLF and CR files all work, and the newline style is
detected so a writer can keep it:

>>> s = split_front_matter("---\\r\\ntitle: x\\r\\n---\\r\\nHello\\r\\n")
>>> (s.newline, s.front_matter, s.body)
('\\r\\n', 'title: x\\r\\n', 'Hello\\r\\n')
"""

from __future__ import annotations

import codecs
import dataclasses
import re
import threading
import unicodedata
from dataclasses import dataclass, field

from .issues import CODES, CodeInfo, Issue, Severity
from .limits import DEFAULT_LIMITS, Limits
from .positions import BREAK, OffsetIndex

__all__ = ["UNREADABLE", "SplitResult", "character_issues", "decode", "split_front_matter"]

ENCODING = CODES["AK101"]
NO_FRONT_MATTER = CODES["AK102"]
UNCLOSED = CODES["AK103"]
LONG_FENCE = CODES["AK104"]
TOO_LARGE = CODES["AK105"]

NUL = CODES["AK106"]
SURROGATE = CODES["AK107"]
STRAY_BOM = CODES["AK108"]
CONTROL = CODES["AK109"]
MIXED_NEWLINES = CODES["AK110"]

NOT_TEXT = CODES["AK111"]

_FENCE = re.compile(r"(-{3,}|\.\.\.)[ \t]*")
# a whole line that is a fence: at a line start, up to the end of the line
_CLOSING_FENCE = re.compile(r"(?<=[\r\n])(?:-{3,}|\.\.\.)[ \t]*(?=[\r\n]|\Z)")
_MAX_ENCODING_ISSUES = 50

UNREADABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufeff\ufffe\uffff]")
"""Characters `character_issues` reports: YAML can read none of them.

C0 controls except tab, LF and CR; DEL; C1 controls except NEL; surrogates;
U+FEFF (libyaml rejects it); the noncharacters U+FFFE and U+FFFF.
"""

_KINDS: tuple[tuple[re.Pattern[str], CodeInfo], ...] = (
    (re.compile("\x00"), NUL),
    (re.compile("[\ud800-\udfff]"), SURROGATE),
    (re.compile("\ufeff"), STRAY_BOM),
    (re.compile("[\x01-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]"), CONTROL),
)
_OTHER_BREAKS = {
    "\n": re.compile(r"\r\n?"),
    "\r\n": re.compile(r"\r(?!\n)|(?<!\r)\n"),
    "\r": re.compile(r"\r?\n"),
}
_BREAK_NAMES = {"\n": "LF", "\r\n": "CRLF", "\r": "CR"}


@dataclass(frozen=True)
class SplitResult:
    """A file cut into its parts.

    ``front_matter`` is ``None`` when no front matter could be found (the
    issues say why).  Concatenating ``"\\ufeff" * bom + open_fence + open_newline
    + front_matter + close_fence + close_newline + body`` gives the text back.

    Attributes:
        text: the whole decoded text, without the BOM.
        bom: whether the file started with a UTF-8 byte order mark.
        newline: the file's newline style (``"\\n"``, ``"\\r\\n"`` or ``"\\r"``).
        open_fence: the opening fence line, without its newline.
        open_newline: the newline ending the opening fence line.
        front_matter: the YAML text between the fences.
        front_matter_offset: where ``front_matter`` starts in ``text``.
        close_fence: the closing fence line, without its newline.
        close_newline: the newline ending the closing fence ("" at end of file).
        body: everything after the closing fence line, unchanged.
        issues: problems found while splitting.
    """

    text: str
    bom: bool
    newline: str
    open_fence: str = ""
    open_newline: str = ""
    front_matter: str | None = None
    front_matter_offset: int = 0
    close_fence: str = ""
    close_newline: str = ""
    body: str = ""
    issues: tuple[Issue, ...] = field(default=())


class _DecodeState(threading.local):
    """Where the codec error handler notes the invalid byte sequences of one decode."""

    def __init__(self) -> None:
        self.found: list[tuple[int, int, str]] = []
        self.more = 0


_decode_state = _DecodeState()


def _record_decode_error(exc: UnicodeError) -> tuple[str, int]:
    """Codec error handler: note where the bad bytes are and put one U+FFFD for them."""
    if not isinstance(exc, UnicodeDecodeError):  # pragma: no cover - decoding only
        raise exc
    state = _decode_state
    if len(state.found) <= _MAX_ENCODING_ISSUES:
        state.found.append((exc.start, exc.end, exc.reason))
    else:
        state.more += 1
    return "\ufffd", exc.end


codecs.register_error("articlekit.record", _record_decode_error)


_CONTROL_NAMES = {
    "\x07": "BELL",
    "\x08": "BACKSPACE",
    "\x0b": "VERTICAL TAB",
    "\x0c": "FORM FEED",
    "\x1b": "ESCAPE",
    "\x7f": "DELETE",
}


def _describe_char(char: str) -> str:
    name = _CONTROL_NAMES.get(char) or unicodedata.name(char, "")
    return f"U+{ord(char):04X}" + (f" {name}" if name else "")


def decode(data: str | bytes) -> tuple[str, bool, list[Issue]]:
    """Decode ``data`` as UTF-8 and strip one leading BOM.

    Returns the text, whether a BOM was present, and an issue for every invalid
    byte sequence (the text then carries U+FFFD in its place).  Takes time
    linear in the size of ``data``, however many bytes are invalid; after 50
    issues one more says how many were left out.
    """
    text, bom, issues, _raw = _decode(data)
    return text, bom, issues


def _decode(data: str | bytes) -> tuple[str, bool, list[Issue], bytes | None]:
    """`decode`, and the bytes when they were given and are valid UTF-8 (else ``None``)."""
    issues: list[Issue] = []
    clean: bytes | None = None
    if isinstance(data, bytes | bytearray | memoryview):
        raw = bytes(data)
        try:
            text = raw.decode("utf-8")
            clean = raw
        except UnicodeDecodeError:
            state = _decode_state
            state.found, state.more = [], 0
            try:
                text = raw.decode("utf-8", errors="articlekit.record")
                found, more = state.found, state.more
            finally:
                state.found, state.more = [], 0
            shown = found[:_MAX_ENCODING_ISSUES]
            more += len(found) - len(shown)
            # offsets of the replacement characters in the decoded text
            offsets: list[int] = []
            char_pos = 0
            prev_end = 0
            for start, end, _reason in found:
                char_pos += len(raw[prev_end:start].decode("utf-8"))
                offsets.append(char_pos)
                char_pos += 1
                prev_end = end
            index = OffsetIndex(text)
            for (start, _end, reason), offset in zip(shown, offsets, strict=False):
                line, col = index(offset)
                issues.append(
                    ENCODING.issue(
                        f"invalid UTF-8 byte {raw[start]:#04x} ({reason})",
                        (),
                        line,
                        col,
                    )
                )
            if more:
                line, col = index(offsets[_MAX_ENCODING_ISSUES])
                issues.append(
                    ENCODING.issue(
                        f"{more:,} more invalid UTF-8 byte sequences from here on are not listed",
                        (),
                        line,
                        col,
                    )
                )
    elif isinstance(data, str):
        text = data
    else:
        raise TypeError(f"expected str or bytes, got {type(data).__name__}")
    bom = text.startswith("\ufeff")
    if bom:
        text = text[1:]
        if issues:  # positions on line 1 are counted after the BOM
            issues = [
                dataclasses.replace(i, column=max(i.column - 1, 1)) if i.line == 1 else i for i in issues
            ]
    return text, bom, issues, clean


# How much of a file the sniffing for UTF-16, UTF-32 and binary files reads.
_SNIFF = 8192
# Bytes that text does not hold but binary data is full of: C0 controls but for tab, LF,
# VT, FF, CR and ESC (which text files do carry now and then), and DEL.
_BINARY_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x1B), *range(0x1C, 0x20), 0x7F])
_NOT_BINARY_BYTES = bytes(b for b in range(256) if b not in _BINARY_BYTES)
_TEXT_CONTROLS = re.compile("[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f\ufffe\uffff]")
# (BOM, codec, what the file is), UTF-32 first: its little-endian BOM starts with UTF-16's.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32", "little-endian"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32", "big-endian"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16", "little-endian"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16", "big-endian"),
)
# Signatures of binary formats; those that are ASCII count only in a file with binary bytes.
_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"PK\x05\x06", "a ZIP archive"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\x7fELF", "an ELF executable"),
)


_DECODERS = {
    "utf-16-le": codecs.utf_16_le_decode,
    "utf-16-be": codecs.utf_16_be_decode,
    "utf-32-le": codecs.utf_32_le_decode,
    "utf-32-be": codecs.utf_32_be_decode,
}


def _decoded(head: bytes, codec: str) -> str | None:
    """``head`` (the start of a file, maybe cut inside a character) as text in ``codec``, or ``None``
    when it is not such text (it does not decode, or holds characters text does not)."""
    try:
        text, _used = _DECODERS[codec](head, "strict", False)
    except UnicodeDecodeError:
        return None
    return text if _TEXT_CONTROLS.search(text) is None else None


def _not_text(raw: bytes) -> str | None:
    """What the file ``raw`` is when it is not UTF-8 text (UTF-16, UTF-32, binary), else ``None``.

    Reads the first 8 KiB.  A file whose start holds no binary byte (NUL and
    most C0 controls) nor a BOM of UTF-16 or UTF-32 gives ``None`` at once
    (one C-level deletion decides it); so does a UTF-8 file with a few stray
    control characters or invalid bytes (fewer than one byte in ten), whose
    issues are then reported one by one, as are the bytes of a file too short
    to tell.
    """
    head = raw[:_SNIFF]
    for bom, codec, name, order in _BOMS:
        if head.startswith(bom):
            if len(head) == len(bom) or _decoded(head[len(bom) :], codec):
                return f"{name} text, not UTF-8 ({order}, with a byte order mark): save the file as UTF-8"
            break
    binary = len(head.translate(None, _NOT_BINARY_BYTES))
    for signature, what in _SIGNATURES:
        if head.startswith(signature) and (binary or not signature.isascii()):
            return f"binary file, not UTF-8 text ({what})"
    if not binary:
        return None
    size = len(head)
    invalid = head.decode("utf-8", errors="replace").count("\ufffd") - head.count(b"\xef\xbf\xbd")
    if (binary + invalid) * 10 < size:
        return None  # UTF-8 text with a few odd bytes
    for codec, order in (("utf-32-le", "little-endian"), ("utf-32-be", "big-endian")):
        if size >= 8 and _decoded(head[: size - size % 4], codec):
            return f"UTF-32 text, not UTF-8 ({order}, without a byte order mark): save the file as UTF-8"
    # UTF-16: text that decodes, and looks like text: line breaks, the fence, or a NUL byte on
    # the same side of most ASCII characters (random bytes have NULs on both sides alike)
    even = head[0 : size - size % 2 : 2].count(b"\x00")
    odd = head[1 : size - size % 2 : 2].count(b"\x00")
    for codec, ascii_side, other_side, order in (
        ("utf-16-le", odd, even, "little-endian"),
        ("utf-16-be", even, odd, "big-endian"),
    ):
        text = _decoded(head[: size - size % 2], codec)
        if text is not None and (
            text.startswith("---")
            or len(BREAK.findall(text, 0, 4096)) >= 2
            or (ascii_side >= 4 and ascii_side * 20 >= size // 2 and other_side * 10 <= ascii_side)
        ):
            return f"UTF-16 text, not UTF-8 ({order}, without a byte order mark): save the file as UTF-8"
    if binary + invalid < 8:
        return None  # a few bytes: too few to tell, they are reported one by one
    return "binary file, not UTF-8 text"


_ASCII_ALLOWED = bytes(range(0x20, 0x7F)) + b"\t\n\r"


def _readable(text: str, raw: bytes | None = None, bom: bool = False) -> bool:
    """True when ``text`` holds none of `UNREADABLE`.

    Decided on the UTF-8 bytes: ``raw`` when the caller has them (with
    ``bom``, they are a UTF-8 BOM and then ``text``), else ``text`` encoded
    (``bom`` is then ignored).
    A C-level deletion of the ASCII bytes `UNREADABLE` allows leaves
    the ASCII control bytes and the non-ASCII characters whole (no ASCII byte
    is part of a longer UTF-8 sequence), so the regex scans only those, not
    the whole text.  A lone surrogate cannot be encoded: such text is not
    readable.
    """
    if raw is None:
        try:
            rest = text.encode("utf-8").translate(None, _ASCII_ALLOWED)
        except UnicodeEncodeError:
            return False
    else:
        rest = raw.translate(None, _ASCII_ALLOWED)
        if bom:
            rest = rest[3:]
    return not rest or UNREADABLE.search(rest.decode("utf-8")) is None


def character_issues(text: str, *, first_line: int = 1, body_start: int | None = None) -> list[Issue]:
    """An issue for every character of ``text`` that a file may not hold.

    NUL (AK106), lone surrogates (AK107), a BOM (AK108) and other control
    characters (AK109), each at its line and column; ``text`` starts at
    ``first_line``, column 1.  Characters at or after ``body_start`` (an offset
    into ``text``) are in the Markdown body, where a stray BOM or a control
    character is a warning rather than an error.  At most 50 issues of each
    code are listed; one more then gives the count of the rest.

    >>> [str(i) for i in character_issues("title: a\\x00b\\n", first_line=2)]
    ['2:9: error AK106 a NUL character (U+0000); YAML and most tools cannot read one']
    """
    if _readable(text):
        return []
    index = OffsetIndex(text, first_line)
    issues: list[Issue] = []
    for pattern, info in _KINDS:
        for shown, m in enumerate(pattern.finditer(text)):
            if shown == _MAX_ENCODING_ISSUES:
                rest = len(pattern.findall(text, m.start()))
                line, col = index(m.start())
                issues.append(info.issue(f"{rest:,} more like this are not listed", (), line, col))
                break
            line, col = index(m.start())
            in_body = body_start is not None and m.start() >= body_start
            issues.append(_character_issue(info, m.group(), in_body, line, col))
    return issues


def _character_issue(info: CodeInfo, char: str, in_body: bool, line: int, col: int) -> Issue:
    if info is NUL:
        message = "a NUL character (U+0000); YAML and most tools cannot read one"
    elif info is SURROGATE:
        message = f"a lone surrogate (U+{ord(char):04X}); it cannot be encoded as UTF-8"
    elif info is STRAY_BOM:
        where = "in the body" if in_body else "in the front matter, where it becomes part of the text"
        message = f"a byte order mark (U+FEFF) {where}; it is allowed only at the start of the file"
    else:
        where = "in the body" if in_body else "in the front matter; YAML cannot read it"
        message = f"the control character {_describe_char(char)} {where}"
    severity: Severity | None = "warning" if in_body and info in (STRAY_BOM, CONTROL) else None
    return info.issue(message, (), line, col, severity=severity)


def _newline_issues(text: str, newline: str) -> list[Issue]:
    """A warning for each line that ends other than the file's first line does."""
    # the common case, decided by C-level counts: every break is the file's own
    if newline == "\n":
        if "\r" not in text:
            return []
    elif newline == "\r":
        if "\n" not in text:
            return []
    elif text.count("\r") == text.count("\n") == text.count("\r\n"):
        return []
    pattern = _OTHER_BREAKS[newline]
    first = pattern.search(text)
    if first is None:
        return []
    index = OffsetIndex(text)
    issues: list[Issue] = []
    style = _BREAK_NAMES[newline]
    for count, m in enumerate(pattern.finditer(text, first.start())):
        line, col = index(m.start())
        if count == _MAX_ENCODING_ISSUES:
            rest = len(pattern.findall(text, m.start()))
            issues.append(
                MIXED_NEWLINES.issue(
                    f"{rest:,} more lines that do not end in {style} are not listed",
                    (),
                    line,
                    col,
                )
            )
            break
        issues.append(
            MIXED_NEWLINES.issue(
                f"this line ends in {_BREAK_NAMES[m.group()]} but the file's first line ends in "
                f"{style}; a writer uses {style} throughout",
                (),
                line,
                col,
            )
        )
    return issues


def split_front_matter(data: str | bytes, limits: Limits = DEFAULT_LIMITS) -> SplitResult:
    """Split a file into BOM, fences, front matter and body.

    Never raises for any content; problems come back as ``issues``.
    """
    if type(data) is str and len(data) * 4 <= limits.max_bytes:  # the common call: small text
        bom = data.startswith("\ufeff")
        common = _split_common(data[1:] if bom else data, bom, None)
    elif type(data) is bytes and len(data) <= limits.max_bytes:  # or a small file's bytes
        try:
            text = data.decode()
        except UnicodeDecodeError:  # the general path reports where
            return _split_any(data, limits, common=False)
        bom = text.startswith("\ufeff")
        common = _split_common(text[1:] if bom else text, bom, data)
    else:
        return _split_any(data, limits, common=True)
    return common if common is not None else _split_any(data, limits, common=False)


def _split_any(data: str | bytes, limits: Limits, *, common: bool) -> SplitResult:
    """`split_front_matter`; ``common``: try `_split_common` on the decoded text first.

    With ``common=False`` every file takes the general path, which the tests
    hold the common one to.
    """
    if isinstance(data, memoryview):
        data = bytes(data)
    size = len(data) if isinstance(data, bytes | bytearray) else None
    if size is None and isinstance(data, str) and len(data) * 4 > limits.max_bytes:
        size = len(data.encode("utf-8", errors="surrogatepass"))
    if size is not None and size > limits.max_bytes:
        issue = TOO_LARGE.issue(
            f"the file is {size:,} bytes, above the limit of {limits.max_bytes:,} bytes",
        )
        return SplitResult(text="", bom=False, newline="\n", issues=(issue,))

    text, bom, issues, raw = _decode(data)
    if common and not issues:
        found = _split_common(text, bom, raw)
        if found is not None:
            return found
    if isinstance(data, bytes | bytearray):  # (a file as most are has been split above)
        what = _not_text(bytes(data))
        if what is not None:  # one issue, instead of one for each of its characters
            issue = NOT_TEXT.issue(what)
            return SplitResult(text="", bom=False, newline="\n", issues=(issue,))
    first = BREAK.search(text)
    newline = first.group() if first else "\n"
    result = _split(text, bom, newline, issues)
    body_start = len(text) - len(result.body) if result.front_matter is not None else None
    extra = character_issues(text, body_start=body_start) + _newline_issues(text, newline)
    if not extra:
        return result
    return dataclasses.replace(result, issues=result.issues + tuple(extra))


# where a closing fence may start: a line beginning "---" or "..." (the "\n" ends the line before)
_FENCE_START = re.compile(r"\n(?:---|\.\.\.)")


def _split_common(text: str, bom: bool, raw: bytes | None) -> SplitResult | None:
    """The split of a file as most are, or ``None`` to leave it to the general path.

    "As most are": every line ends in LF (or every line in CRLF), the first
    line is ``---``, the first line after it that starts ``---`` or ``...``
    is exactly that fence, and no character is `UNREADABLE`.  Such a
    file has no issues, and this is what the general path gives for it
    (tests/test_splitter_fast.py proves it), in fewer passes over the text.
    ``raw`` is the file's bytes when it was given as valid UTF-8 bytes.
    """
    if "\r" not in text:
        if not text.startswith("---\n"):
            return None
        newline = "\n"
    elif text.startswith("---\r\n") and text.count("\r") == text.count("\n") == text.count("\r\n"):
        newline = "\r\n"
    else:
        return None
    start = 3 + len(newline)
    found = _FENCE_START.search(text, start - 1)
    if found is None:
        return None
    pos = found.start() + 1
    end = pos + 3
    if end == len(text):
        close_newline = body = ""
    elif text.startswith(newline, end):
        close_newline = newline
        body = text[end + len(newline) :]
    else:
        return None  # "----", "--- ", "---x": the general path reads the line
    if not _readable(text, raw, bom):
        return None
    result: SplitResult = _new(SplitResult)
    # the fields `__init__` would set, in its order (a dict made at once: half the time of update())
    _set(
        result,
        "__dict__",
        {
            "text": text,
            "bom": bom,
            "newline": newline,
            "open_fence": "---",
            "open_newline": newline,
            "front_matter": text[start:pos],
            "front_matter_offset": start,
            "close_fence": "---" if text[pos] == "-" else "...",
            "close_newline": close_newline,
            "body": body,
            "issues": (),
        },
    )
    return result


_new = object.__new__
_set = object.__setattr__  # (the dataclass is frozen)


def _find_closing_fence(text: str, start: int, newline: str) -> re.Match[str] | None:
    """The first fence line at or after ``start`` (a line start).

    When every line break is the file's own style, candidates are found with
    ``str.find`` (fast) and confirmed by the regex; otherwise the regex scans.
    """
    if newline == "\r":
        uniform = "\n" not in text
    elif newline == "\n":
        uniform = "\r" not in text
    else:
        uniform = text.count("\r") == text.count("\n") == text.count("\r\n")
    if not uniform or start == 0:
        return _CLOSING_FENCE.search(text, start)
    sep = newline[-1]
    pos = start - 1  # the break that ends the opening fence
    while True:
        dashes = text.find(sep + "---", pos)
        dots = text.find(sep + "...", pos)
        found = min(dashes, dots) if dashes >= 0 and dots >= 0 else max(dashes, dots)
        if found < 0:
            return None
        match = _CLOSING_FENCE.match(text, found + 1)
        if match is not None:
            return match
        pos = found + 1


def _split(text: str, bom: bool, newline: str, issues: list[Issue]) -> SplitResult:
    first = BREAK.search(text)

    first_line = text[: first.start()] if first else text
    if not _FENCE.fullmatch(first_line) or first_line.startswith("."):
        issues.append(
            NO_FRONT_MATTER.issue(
                "the file must start with a front matter fence: a line that is exactly '---'",
            )
        )
        return SplitResult(text=text, bom=bom, newline=newline, issues=tuple(issues))
    if first_line.rstrip(" \t") != "---":
        issues.append(
            LONG_FENCE.issue(
                f"the opening fence is {first_line.rstrip()!r}; YAML front matter uses '---'",
            )
        )
    assert first is not None or not text or first_line == text
    open_newline = first.group() if first else ""
    fm_start = first.end() if first else len(text)

    fence = _find_closing_fence(text, fm_start, newline)
    if fence is not None:
        pos = fence.start()
        line = fence.group()
        stripped = line.rstrip(" \t")
        if stripped not in ("---", "..."):
            between = text[fm_start:pos]
            line_no = 2 + between.count("\n") + between.count("\r") - between.count("\r\n")
            issues.append(
                LONG_FENCE.issue(
                    f"the closing fence is {stripped!r}; YAML front matter uses '---'",
                    (),
                    line_no,
                    1,
                )
            )
        after = BREAK.match(text, fence.end())
        return SplitResult(
            text=text,
            bom=bom,
            newline=newline,
            open_fence=first_line,
            open_newline=open_newline,
            front_matter=text[fm_start:pos],
            front_matter_offset=fm_start,
            close_fence=line,
            close_newline=after.group() if after else "",
            body=text[after.end() :] if after else "",
            issues=tuple(issues),
        )

    issues.append(
        UNCLOSED.issue(
            "the front matter opened on line 1 is never closed: add a line '---' after it",
        )
    )
    return SplitResult(
        text=text,
        bom=bom,
        newline=newline,
        open_fence=first_line,
        open_newline=open_newline,
        issues=tuple(issues),
    )
