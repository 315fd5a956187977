"""The front-matter splitter: fences, BOM, newline style and body.

A file in the article format is::

    ---                  <- opening fence, the first line (a UTF-8 BOM may precede it)
    <YAML block mapping>
    ---                  <- closing fence: the next line that is ``---`` or ``...``
    <body>               <- kept byte for byte

Fences may carry trailing spaces.  Longer dash runs (``----``) are accepted
with a warning.  LF, CRLF and CR files all work, and the newline style is
detected so a writer can keep it::

    >>> s = split_front_matter("---\\r\\ntitle: x\\r\\n---\\r\\nHello\\r\\n")
    >>> (s.newline, s.front_matter, s.body)
    ('\\r\\n', 'title: x\\r\\n', 'Hello\\r\\n')
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .issues import Issue, register_code
from .limits import DEFAULT_LIMITS, Limits

__all__ = ["SplitResult", "decode", "split_front_matter"]

ENCODING = register_code(
    "AK101",
    "invalid-utf8",
    "error",
    "The file is not valid UTF-8.",
    "Files are read as UTF-8 (a leading BOM is allowed). Each invalid byte sequence "
    "is reported at its line and column.",
)
NO_FRONT_MATTER = register_code(
    "AK102",
    "no-front-matter",
    "error",
    "The file does not start with a `---` fence line.",
    "The first line of the file must be `---` (trailing spaces allowed). "
    'Passing:\n\n```\n---\ntitle: "x"\n---\n```\n\nFailing:\n\n```\ntitle: "x"\n---\n```',
)
UNCLOSED = register_code(
    "AK103",
    "unclosed-front-matter",
    "error",
    "The front matter has no closing `---` (or `...`) line.",
    "The front matter ends at the first line after the opening fence that is exactly "
    '`---` or `...` (trailing spaces allowed). Passing:\n\n```\n---\ntitle: "x"\n---\n```'
    '\n\nFailing:\n\n```\n---\ntitle: "x"\n```',
)
LONG_FENCE = register_code(
    "AK104",
    "long-fence",
    "warning",
    "A fence of more than three dashes.",
    "Other front-matter tools accept `----` as a fence; articlekit does too, with a "
    'warning, since YAML itself only knows `---`. Passing:\n\n```\n---\ntitle: "x"\n---\n```'
    '\n\nFailing (warning):\n\n```\n----\ntitle: "x"\n----\n```',
)
TOO_LARGE = register_code(
    "AK105",
    "file-too-large",
    "error",
    "The file is larger than the configured size limit.",
    "Files above `Limits.max_bytes` (1 MiB by default) are not parsed at all.",
)

_BREAK = re.compile(r"\r\n|\r|\n")
_FENCE = re.compile(r"(-{3,}|\.\.\.)[ \t]*")
_MAX_ENCODING_ISSUES = 50


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


def _line_col(data: bytes | str, offset: int) -> tuple[int, int]:
    """1-based line and column of ``offset`` in ``data`` (lines end at CR, LF, CRLF)."""
    prefix = data[:offset]
    text = prefix.decode("utf-8", errors="replace") if isinstance(prefix, bytes) else prefix
    line = 1 + text.count("\n") + text.count("\r") - text.count("\r\n")
    start = max(text.rfind("\n"), text.rfind("\r")) + 1
    return line, len(text) - start + 1


def decode(data: str | bytes) -> tuple[str, bool, list[Issue]]:
    """Decode ``data`` as UTF-8 and strip one leading BOM.

    Returns the text, whether a BOM was present, and an issue for every invalid
    byte sequence (the text then carries U+FFFD in its place).
    """
    issues: list[Issue] = []
    if isinstance(data, bytes | bytearray | memoryview):
        raw = bytes(data)
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            parts: list[str] = []
            pos = 0
            while True:
                try:
                    parts.append(raw[pos:].decode("utf-8"))
                    break
                except UnicodeDecodeError as exc:
                    bad_start = pos + exc.start
                    bad_end = pos + exc.end
                    parts.append(raw[pos:bad_start].decode("utf-8"))
                    parts.append("\ufffd")
                    if len(issues) < _MAX_ENCODING_ISSUES:
                        line, col = _line_col(raw, bad_start)
                        issues.append(
                            Issue(
                                ENCODING.code,
                                ENCODING.severity,
                                f"invalid UTF-8 byte {raw[bad_start]:#04x} ({exc.reason})",
                                (),
                                line,
                                col,
                            )
                        )
                    pos = bad_end
            text = "".join(parts)
    elif isinstance(data, str):
        text = data
    else:
        raise TypeError(f"expected str or bytes, got {type(data).__name__}")
    bom = text.startswith("\ufeff")
    if bom:
        text = text[1:]
    return text, bom, issues


def split_front_matter(data: str | bytes, limits: Limits = DEFAULT_LIMITS) -> SplitResult:
    """Split a file into BOM, fences, front matter and body.

    Never raises for any content; problems come back as ``issues``.
    """
    size = len(data) if isinstance(data, bytes | bytearray) else None
    if size is None and isinstance(data, str) and len(data) * 4 > limits.max_bytes:
        size = len(data.encode("utf-8", errors="surrogatepass"))
    if size is not None and size > limits.max_bytes:
        issue = Issue(
            TOO_LARGE.code,
            TOO_LARGE.severity,
            f"the file is {size:,} bytes, above the limit of {limits.max_bytes:,} bytes",
        )
        return SplitResult(text="", bom=False, newline="\n", issues=(issue,))

    text, bom, issues = decode(data)
    first = _BREAK.search(text)
    newline = first.group() if first else "\n"

    first_line = text[: first.start()] if first else text
    if not _FENCE.fullmatch(first_line) or first_line.startswith("."):
        issues.append(
            Issue(
                NO_FRONT_MATTER.code,
                NO_FRONT_MATTER.severity,
                "the file must start with a front matter fence: a line that is exactly '---'",
            )
        )
        return SplitResult(text=text, bom=bom, newline=newline, issues=tuple(issues))
    if first_line.rstrip(" \t") != "---":
        issues.append(
            Issue(
                LONG_FENCE.code,
                LONG_FENCE.severity,
                f"the opening fence is {first_line.rstrip()!r}; YAML front matter uses '---'",
            )
        )
    assert first is not None or not text or first_line == text
    open_newline = first.group() if first else ""
    fm_start = first.end() if first else len(text)

    line_no = 2
    pos = fm_start
    n = len(text)
    while pos < n:
        m = _BREAK.search(text, pos)
        end = m.start() if m else n
        line = text[pos:end]
        if line[:1] in "-." and _FENCE.fullmatch(line):
            stripped = line.rstrip(" \t")
            if stripped not in ("---", "..."):
                issues.append(
                    Issue(
                        LONG_FENCE.code,
                        LONG_FENCE.severity,
                        f"the closing fence is {stripped!r}; YAML front matter uses '---'",
                        (),
                        line_no,
                        1,
                    )
                )
            return SplitResult(
                text=text,
                bom=bom,
                newline=newline,
                open_fence=first_line,
                open_newline=open_newline,
                front_matter=text[fm_start:pos],
                front_matter_offset=fm_start,
                close_fence=line,
                close_newline=m.group() if m else "",
                body=text[m.end() :] if m else "",
                issues=tuple(issues),
            )
        if m is None:
            break
        pos = m.end()
        line_no += 1

    issues.append(
        Issue(
            UNCLOSED.code,
            UNCLOSED.severity,
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
