"""Issue fingerprints, and the baseline file of `check --baseline` and `check --write-baseline`.

An issue is known by its *key*: the file's path (relative to a root folder,
with `/`), its code, its key path in the front matter, and a hash of the text
of the line it points at (indentation and repeated spaces left out).  The line
*number* is not part of it, so inserting lines above an issue does not change
its key; renaming the key, or changing the offending value, does.  Why the
line's text and not the message: messages quote the value, but some also quote
a line number (`already given on line 8`) or the current time (`now: ...`).

A baseline file records the keys of every issue at one time, so that a legacy
repository can adopt articlekit and fail only on new issues:

```json
{
  "version": 1,
  "tool": "articlekit",
  "entries": [
    {"path": "content/a.md", "code": "AK305", "key_path": ["webURL"], "value_hash": "5d1c0e3f8b2a9c47"}
  ]
}
```

Entries are sorted, one per line, with paths relative to the baseline file's
folder (so `check --baseline` works from any folder).  An entry matches one
issue with the same key; an issue repeated twice needs two entries.
`fingerprints` gives the same keys as opaque stable strings (SARIF
`partialFingerprints`, GitLab `fingerprint`), with paths relative to the
current folder.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..issues import Issue, KeyPath
from .common import STDIN_NAME, UsageError

__all__ = [
    "VERSION",
    "Baseline",
    "Entry",
    "apply_baseline",
    "fingerprints",
    "relative_path",
    "render_baseline",
    "value_hash",
    "write_baseline",
]

VERSION = 1
"""The version of the baseline file format (its `version` field)."""

_TOOL = "articlekit"
_HASH_LENGTH = 16


def relative_path(path: str, root: str) -> str:
    """`path` relative to the folder `root`, with `/` separators; `<stdin>` stays as it is.

    >>> relative_path("/repo/content/a.md", "/repo")
    'content/a.md'
    """
    if path == STDIN_NAME:
        return path
    try:
        rel = os.path.relpath(os.path.abspath(path), root)
    except ValueError:  # another drive (Windows)
        rel = os.path.abspath(path)
    return rel.replace(os.sep, "/")


def value_hash(text: str) -> str:
    """A short hash of the text of an issue's line, indentation and repeated spaces left out.

    >>> value_hash("  width:   12 ") == value_hash("width: 12")
    True
    """
    normal = " ".join(text.split())
    return hashlib.sha256(normal.encode("utf-8", "surrogatepass")).hexdigest()[:_HASH_LENGTH]


def _path_sort_key(path: KeyPath) -> tuple[tuple[int, str | int], ...]:
    return tuple((0, part) if isinstance(part, int) else (1, part) for part in path)


@dataclass(frozen=True)
class Entry:
    """What identifies an issue across runs: never its line number.

    Attributes:
        path: the file's path relative to a root folder, with `/`.
        code: the issue's code.
        key_path: the issue's key path (YAML keys and list indexes).
        value_hash: `value_hash` of the text of the line the issue points at.
    """

    path: str
    code: str
    key_path: KeyPath
    value_hash: str

    @classmethod
    def of(cls, path: str, issue: Issue, lines: Mapping[tuple[str, int], str], root: str) -> Entry:
        """The entry of `issue` in the file shown as `path`, whose line texts are in `lines`."""
        text = lines.get((path, issue.line), "")
        return cls(relative_path(path, root), issue.code, tuple(issue.path), value_hash(text))

    def sort_key(self) -> tuple[str, str, tuple[tuple[int, str | int], ...], str]:
        """The order of entries in a baseline file: path, code, key path, hash."""
        return (self.path, self.code, _path_sort_key(self.key_path), self.value_hash)

    def to_json(self) -> dict[str, Any]:
        """The entry as a JSON object."""
        return {
            "path": self.path,
            "code": self.code,
            "key_path": list(self.key_path),
            "value_hash": self.value_hash,
        }

    def fingerprint(self, occurrence: int = 0) -> str:
        """A stable opaque string for this entry (and its `occurrence`-th repeat, from 0)."""
        parts: list[Any] = [self.path, self.code, list(self.key_path), self.value_hash]
        if occurrence:
            parts.append(occurrence)
        text = json.dumps(parts, ensure_ascii=False, separators=(",", ":"))
        return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def fingerprints(
    rows: Sequence[tuple[str, Issue]], lines: Mapping[tuple[str, int], str], root: str | None = None
) -> list[str]:
    """A stable fingerprint for each `(path, issue)` of `rows` (paths relative to `root`, default the
    current folder): the same issue keeps its fingerprint when lines are inserted above it; a
    repeated key gets a different fingerprint for each repeat, in order."""
    base = os.getcwd() if root is None else root
    seen: Counter[Entry] = Counter()
    out: list[str] = []
    for path, issue in rows:
        entry = Entry.of(path, issue, lines, base)
        out.append(entry.fingerprint(seen[entry]))
        seen[entry] += 1
    return out


def render_baseline(entries: Sequence[Entry]) -> str:
    """The text of a baseline file holding `entries`: sorted, one entry per line."""
    ordered = sorted(entries, key=Entry.sort_key)
    body = ",\n".join(
        "    " + json.dumps(entry.to_json(), ensure_ascii=False, separators=(", ", ": ")) for entry in ordered
    )
    listing = f"[\n{body}\n  ]" if ordered else "[]"
    return f'{{\n  "version": {VERSION},\n  "tool": "{_TOOL}",\n  "entries": {listing}\n}}\n'


def write_baseline(
    target: str, rows: Sequence[tuple[str, Issue]], lines: Mapping[tuple[str, int], str]
) -> int:
    """Record every issue of `rows` in the baseline file `target` (atomically); how many entries.

    Raises:
        UsageError: the file cannot be written.
    """
    from .atomic import write_atomic

    root = os.path.dirname(os.path.abspath(target))
    entries = [Entry.of(path, issue, lines, root) for path, issue in rows]
    try:
        write_atomic(target, render_baseline(entries).encode("utf-8"))
    except OSError as exc:
        raise UsageError(f"--write-baseline: cannot write {target}: {exc.strerror or exc}") from None
    return len(entries)


def _bad(source: str, why: str) -> UsageError:
    return UsageError(
        f"--baseline: {source} is not a valid baseline file: {why} "
        f"(write one with 'articlekit check --write-baseline {source} ...')"
    )


def _entry(item: object, number: int, source: str) -> Entry:
    where = f"entry {number + 1}"
    if not isinstance(item, dict):
        raise _bad(source, f"{where} is not an object")
    fields = {"path": str, "code": str, "value_hash": str, "key_path": list}
    for name, kind in fields.items():
        if not isinstance(item.get(name), kind):
            expected = "a list" if kind is list else "text"
            raise _bad(source, f"{where} needs '{name}' ({expected})")
    extra = sorted(set(item) - set(fields))
    if extra:
        raise _bad(source, f"{where} has an unknown field '{extra[0]}'")
    key_path = item["key_path"]
    if not all(isinstance(part, str | int) and not isinstance(part, bool) for part in key_path):
        raise _bad(source, f"{where}: 'key_path' holds only keys (text) and list indexes (integers)")
    return Entry(item["path"], item["code"], tuple(key_path), item["value_hash"])


@dataclass
class Baseline:
    """The entries of a baseline file, and the folder its paths are relative to.

    Attributes:
        entries: how many times each entry is recorded.
        root: the baseline file's folder.
    """

    entries: Counter[Entry]
    root: str

    @classmethod
    def load(cls, source: str) -> Baseline:
        """Read the baseline file `source`.

        Raises:
            UsageError: it cannot be read or is not a baseline file (a message that says what is wrong).
        """
        try:
            with open(source, "rb") as handle:
                raw = handle.read()
        except OSError as exc:
            raise UsageError(f"--baseline: cannot read {source}: {exc.strerror or exc}") from None
        try:
            data = json.loads(raw.decode("utf-8"))
        except UnicodeDecodeError:
            raise _bad(source, "it is not UTF-8 text") from None
        except json.JSONDecodeError as exc:
            raise _bad(source, f"not JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}") from None
        if not isinstance(data, dict):
            raise _bad(source, "it is not a JSON object")
        if data.get("version") != VERSION:
            raise _bad(source, f"'version' is {data.get('version')!r}, expected {VERSION}")
        items = data.get("entries")
        if not isinstance(items, list):
            raise _bad(source, "'entries' is missing or not a list")
        entries = Counter(_entry(item, number, source) for number, item in enumerate(items))
        return cls(entries, os.path.dirname(os.path.abspath(source)))

    def split(
        self, rows: Sequence[tuple[str, Issue]], lines: Mapping[tuple[str, int], str]
    ) -> tuple[list[tuple[str, Issue]], int, int]:
        """`(new rows, how many rows the baseline knows, how many entries no longer occur)`.

        Each entry accounts for one issue with the same key.
        """
        left = Counter(self.entries)
        new: list[tuple[str, Issue]] = []
        known = 0
        for path, issue in rows:
            entry = Entry.of(path, issue, lines, self.root)
            if left[entry] > 0:
                left[entry] -= 1
                known += 1
            else:
                new.append((path, issue))
        return new, known, sum(left.values())


def apply_baseline(
    rows: Sequence[tuple[str, Issue]],
    lines: Mapping[tuple[str, int], str],
    known: Baseline | None,
    source: str | None,
    target: str | None,
) -> tuple[list[tuple[str, Issue]], list[str]]:
    """`check --baseline source` (`known` read from it) or `--write-baseline target`:
    the rows to report and the notes to print.

    Writing a baseline records every row and reports none (as checking against it would).

    Raises:
        UsageError: `target` cannot be written.
    """
    from .common import plural

    if target is not None:
        count = write_baseline(target, rows, lines)
        return [], [f"recorded {plural(count, 'issue')} in the baseline {target}"]
    if known is None:
        return list(rows), []
    new, matched, gone = known.split(rows, lines)
    notes = [f"{plural(matched, 'issue')} left out: recorded in the baseline {source}"]
    if gone:
        entries = f"{gone} baseline entries no longer occur"
        if gone == 1:
            entries = "1 baseline entry no longer occurs"
        notes.append(f"{entries}: rewrite it with --write-baseline {source}")
    return new, notes
