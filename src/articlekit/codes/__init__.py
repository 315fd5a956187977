"""The catalogue of articlekit's own issue codes: data, in Markdown files beside this module.

Every built-in code is declared here and nowhere else, one Markdown file per
area (`AK0xx.md` to `AK9xx.md`), so that the code registry is complete as soon
as `articlekit.issues` is imported, whichever modules emit the codes, and the
rules reference (`docs/rules.md`) is rendered from these files.  A file reads:

```markdown
# AK2xx · YAML: syntax, duplicate keys, tags, aliases, limits

## AK202 duplicate-key

severity: error, fixable: unsafe

A key appears twice in the same mapping.

PyYAML silently keeps the last value; articlekit reports the second occurrence.
Passing:
...
```

The `#` heading names the area (the text after `·` titles its section of the
rules reference).  Each `##` heading is a code and its kebab-case name; the line
after it gives the severity (`error` or `warning`) and, when `articlekit fix`
repairs the code, `fixable: safe` or `fixable: unsafe`.  The first paragraph is
the one-line summary; the rest is the documentation, with a passing and a
failing example (a `Passing:` and a `Failing:` label, each followed by a fenced
block).  Headings inside fenced blocks are not headings.

This module imports nothing from articlekit: `articlekit.issues` reads the
catalogue with `entries` and registers each code.
"""

from __future__ import annotations

import os
import re
from typing import NamedTuple

__all__ = ["AREAS", "Entry", "areas", "entries"]

_FILES = tuple(f"AK{digit}xx.md" for digit in range(10))
_AREA = re.compile(r"# (AK\d)xx · (.+)")
_CODE = re.compile(r"## (AK\d{3}) ([a-z0-9]+(?:-[a-z0-9]+)*)")
_META = re.compile(r"severity: (error|warning)(?:, fixable: (safe|unsafe))?")


class Entry(NamedTuple):
    """One code of the catalogue, as its file declares it."""

    code: str
    name: str
    severity: str
    fixable: str
    summary: str
    doc: str


AREAS: dict[str, str] = {}
"""The title of each area, by the code's first three characters (``"AK2"``); filled by `entries`."""


def _parse(filename: str, text: str, areas: dict[str, str] | None = None) -> list[Entry]:
    """The entries of one catalogue file; its area's title goes into ``areas`` (if given)."""
    lines = text.split("\n")
    found: list[Entry] = []
    heads: list[tuple[int, re.Match[str]]] = []
    fence = False
    for number, line in enumerate(lines):
        if line.startswith("```"):
            fence = not fence
        elif not fence and line.startswith("#"):
            area = _AREA.fullmatch(line)
            code = _CODE.fullmatch(line)
            if area is not None and not heads:
                if areas is not None:
                    areas[area.group(1)] = area.group(2)
            elif code is not None:
                heads.append((number, code))
            else:
                raise ValueError(f"{filename}:{number + 1}: not a code heading ('## AK123 name'): {line!r}")
    if fence:
        raise ValueError(f"{filename}: a fenced block is not closed")
    for index, (number, head) in enumerate(heads):
        end = heads[index + 1][0] if index + 1 < len(heads) else len(lines)
        body = "\n".join(lines[number + 1 : end]).strip()
        meta_line, _, rest = body.partition("\n\n")
        meta = _META.fullmatch(meta_line.strip())
        if meta is None:
            raise ValueError(f"{filename}: {head.group(1)}: the line after the heading is 'severity: ...'")
        summary, _, doc = rest.strip().partition("\n\n")
        if not summary.strip():
            raise ValueError(f"{filename}: {head.group(1)} has no summary")
        found.append(
            Entry(
                head.group(1),
                head.group(2),
                meta.group(1),
                meta.group(2) or "no",
                " ".join(summary.split()),
                doc.strip(),
            )
        )
    return found


def _read(filename: str) -> str:
    try:  # the package is a folder: read the file (importlib.resources costs tens of ms to import)
        with open(os.path.join(os.path.dirname(__file__), filename), encoding="utf-8") as handle:
            return handle.read()
    except OSError:  # pragma: no cover - imported from a zip file
        import importlib.resources

        return importlib.resources.files(__name__).joinpath(filename).read_text(encoding="utf-8")


def entries() -> list[Entry]:
    """Every code of the catalogue, in file order (checks the files' format; ``ValueError`` if wrong)."""
    out: list[Entry] = []
    for filename in _FILES:
        out += _parse(filename, _read(filename), AREAS)
    return out


def areas() -> dict[str, str]:
    """The title of each area of codes, by prefix (``{"AK2": "YAML: syntax, ..."}``)."""
    if not AREAS:
        entries()
    return dict(AREAS)
