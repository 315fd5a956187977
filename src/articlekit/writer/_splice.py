"""Minimal edits: rewrite only the parts of a front matter whose values changed.

The splicer compares the data of the model as loaded (``old``) with the data
of the new model (``new``) and turns every difference into a text edit of the
original front matter, located through the positions the YAML layer recorded:

* a changed scalar: its value text is replaced in place, in its own quoting
  style (comments after it on the line stay);
* a removed key or list item: its lines go, with the comment lines right above
  it and one of the blank lines around it when it stood alone in a group;
* an added key: its lines go after the key before it in canonical order,
  quoted like the file quotes that key (or keys like it), with a blank line
  when it starts a group in a file that separates groups by blank lines;
* an added list item: after the item before it, indented like its siblings.

Whatever it cannot do safely raises `Fallback`; the caller then writes
the canonical style instead.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import cached_property
from typing import Any

from pydantic import BaseModel

from .._keypath import value_at
from .._same import same
from ..issues import KeyPath
from ..positions import line_starts
from ._render import FileStyle, Renderer
from ._scalars import render_scalar, render_string
from .order import child_model, key_order_for

__all__ = ["Fallback", "splice", "splice_edits"]


class Fallback(Exception):
    """The change cannot be spliced into the text safely."""


class _Replace(Exception):
    """A collection must be rewritten whole (raised before any edit is recorded)."""


@dataclass(order=True)
class _Edit:
    start: int
    end: int
    seq: int
    text: str = field(compare=False)


class _Splicer:
    def __init__(
        self, text: str, nodes: dict[KeyPath, Any], source: Any, newline: str, root: type[BaseModel] | None
    ) -> None:
        self.root = root
        self.text = text
        self.nodes = nodes
        self.source = source
        self.nl = newline
        self.starts = line_starts(text)
        self.edits: list[_Edit] = []

    @cached_property
    def renderer(self) -> Renderer:
        """A renderer styled after the file (computed only when something new is written)."""
        return self._renderer()

    @cached_property
    def uses_blanks(self) -> bool:
        """Whether the file separates top-level groups by blank lines."""
        return self._uses_blanks()

    # -- text geometry -------------------------------------------------------
    def off(self, line: int, column: int) -> int:
        i = line - 2  # the front matter starts on line 2 (after the opening fence)
        if not 0 <= i < len(self.starts):
            raise Fallback(f"no line {line}")
        return self.starts[i] + column - 1

    def line_start(self, offset: int) -> int:
        return self.starts[bisect_right(self.starts, offset) - 1]

    def line_end(self, offset: int) -> int:
        """Just after the newline of the line holding ``offset``."""
        i = bisect_right(self.starts, offset)
        return self.starts[i] if i < len(self.starts) else len(self.text)

    def line_text(self, start: int) -> str:
        end = self.line_end(start)
        return self.text[start:end].rstrip("\r\n")

    def blank_at(self, start: int) -> bool:
        return start < len(self.text) and not self.line_text(start).strip(" \t")

    def prev_line(self, start: int) -> int | None:
        return self.line_start(start - 1) if start > 0 else None

    # -- what the file looks like ------------------------------------------------
    def _dash_before(self, index: int) -> int:
        j = index - 1
        while j >= 0 and self.text[j] in " \t\r\n":
            j -= 1
        if j < 0 or self.text[j] != "-":
            raise Fallback("no '-' before a list item")
        return j

    def _renderer(self) -> Renderer:
        policy = FileStyle()
        steps: dict[str, int | None] = {"map": None, "seq": None, "item": None}
        for path, info in self.nodes.items():
            if not path:
                continue
            last = path[-1]
            if info.kind == "scalar" and info.style in ("", "'", '"'):
                value = value_at(self.source, path)
                key = (
                    last
                    if isinstance(last, str)
                    else next((p for p in reversed(path) if isinstance(p, str)), None)
                )
                if isinstance(value, str) and key is not None:
                    policy.observe(key, info.style)
            parent = self.nodes.get(path[:-1])
            if parent is None or parent.style != "block" or info.style == "alias":
                continue
            try:
                if (
                    isinstance(last, str)
                    and len(path) >= 2
                    and isinstance(path[-2], str)
                    and steps["map"] is None
                ):
                    steps["map"] = info.key_column - parent.key_column
                if isinstance(last, int) and last == 0 and len(path) >= 2 and isinstance(path[-2], str):
                    dash = self._dash_before(info.start_index)
                    dash_col = dash - self.line_start(dash) + 1
                    if steps["seq"] is None:
                        steps["seq"] = dash_col - parent.key_column
                    if steps["item"] is None and self.line_start(dash) == self.line_start(info.start_index):
                        steps["item"] = info.start_index - dash
            except Fallback:
                continue
        return Renderer(
            policy,
            map_indent=steps["map"] if steps["map"] and steps["map"] > 0 else 2,
            seq_indent=steps["seq"] if steps["seq"] is not None and steps["seq"] >= 0 else 2,
            item_offset=steps["item"] if steps["item"] and steps["item"] > 1 else 2,
            root=self.root,
        )

    def _uses_blanks(self) -> bool:
        for path, info in self.nodes.items():
            if len(path) == 1:
                start = self.line_start(self.off(info.key_line, info.key_column))
                before = self.prev_line(start)
                if before is not None and self.blank_at(before):
                    return True
        return False

    # -- spans -----------------------------------------------------------------
    def _leaf_end(self, info: Any) -> int:
        end = int(info.end_index)
        if info.style in ("|", ">"):
            while end > info.start_index and self.text[end - 1] in " \t\r\n":
                end -= 1
        return end

    def value_end(self, path: KeyPath, info: Any) -> int:
        if info.kind == "scalar" or info.style in ("flow", "alias"):
            return self._leaf_end(info)
        end = int(info.start_index)
        n = len(path)
        for p, node in self.nodes.items():
            if len(p) > n and p[:n] == path and (node.kind == "scalar" or node.style in ("flow", "alias")):
                end = max(end, self._leaf_end(node))
        return end

    def entry_span(self, path: KeyPath, info: Any) -> tuple[int, int, int, bool]:
        """``(start, end, indent, owned)`` of a mapping entry: its key through the end of its last line."""
        if isinstance(path[-1], int):
            first = self._dash_before(info.start_index)
        else:
            first = self.off(info.key_line, info.key_column)
        start = self.line_start(first)
        owned = not self.text[start:first].strip(" \t")
        last = max(self.value_end(path, info), first + 1) - 1
        return (start if owned else first), self.line_end(last), first - start, owned

    def with_comments(self, start: int, indent: int) -> int:
        """Extend ``start`` up over the comment lines right above it at the same indentation.

        Comments at the very top of the front matter are a header, not the key's: they stay.
        """
        first = start
        while True:
            before = self.prev_line(first)
            if before is None:
                return start
            line = self.line_text(before)
            stripped = line.lstrip(" ")
            if not stripped.startswith("#") or len(line) - len(stripped) != indent:
                return first
            first = before

    # -- edits -------------------------------------------------------------------
    def edit(self, start: int, end: int, text: str) -> None:
        self.edits.append(_Edit(start, end, len(self.edits), text))

    def lines_text(self, lines: list[str], indent: int, owned: bool) -> str:
        """Rendered lines as text replacing or preceding a span that starts at column ``indent``."""
        text = "".join(line + self.nl for line in lines)
        return text if owned else text[indent:]

    def result(self) -> str:
        out: list[str] = []
        pos = 0
        for e in sorted(self.edits):
            if e.start < pos:
                raise Fallback("overlapping edits")
            out.append(self.text[pos : e.start])
            out.append(e.text)
            pos = e.end
        out.append(self.text[pos:])
        return "".join(out)

    # -- the diff ----------------------------------------------------------------
    def value(
        self,
        path: KeyPath,
        old: Any,
        new: Any,
        parent: type[BaseModel] | None,
        list_key: str,
    ) -> None:
        """``old`` at ``path`` became ``new``; ``parent`` is the model holding ``path[-1]``."""
        info = self.nodes.get(path)
        if info is None:
            raise Fallback(f"no position for {path!r}")
        last = path[-1]
        key = last if isinstance(last, str) else list_key
        own = child_model(parent, key)
        if info.style == "block" and old and new:
            try:
                if isinstance(old, dict) and isinstance(new, dict) and info.kind == "mapping":
                    self.mapping(path, old, new, own, info)
                    return
                if isinstance(old, list) and isinstance(new, list) and info.kind == "sequence":
                    self.sequence(path, old, new, own, parent, key)
                    return
            except _Replace:
                pass
        in_place = (
            not isinstance(new, dict | list)
            and (info.kind == "scalar" or info.style == "alias")
            and info.style not in ("|", ">")
            and (info.raw != "" or info.style)  # an empty null ("key:") is rewritten whole
        )
        if in_place:
            if not isinstance(new, str):
                text = render_scalar(new)
            elif isinstance(old, str) and info.style in ("", "'", '"'):
                text = render_string(new, info.style)
            else:
                text = self.renderer.scalar(new, parent, key, path=path)
            self.edit(info.start_index, info.end_index, text)
            return
        if info.style == "flow" and isinstance(new, dict | list) and new and isinstance(old, type(new)):
            self.edit(info.start_index, info.end_index, self.renderer.flow(new, parent, key, path))
            return
        self.replace_whole(path, info, new, parent, key, info.style if info.kind == "scalar" else None)

    def replace_whole(
        self, path: KeyPath, info: Any, new: Any, parent: type[BaseModel] | None, key: str, style: str | None
    ) -> None:
        start, end, indent, owned = self.entry_span(path, info)
        if isinstance(path[-1], int):
            lines = self.renderer.item(new, indent, child_model(parent, key), key, parent, path)
        else:
            lines = self.renderer.entry(
                key, new, indent, parent, style if isinstance(new, str) else None, path
            )
        self.edit(start, end, self.lines_text(lines, indent, owned))

    def _file_order(self, path: KeyPath, keys: list[str]) -> list[str]:
        def where(k: str) -> tuple[int, int]:
            info = self.nodes.get(path + (k,))
            if info is None:
                raise Fallback(f"no position for {path + (k,)!r}")
            return info.key_line, info.key_column

        return sorted(keys, key=where)

    def mapping(
        self,
        path: KeyPath,
        old: dict[str, Any],
        new: dict[str, Any],
        model: type[BaseModel] | None,
        info: Any,
    ) -> None:
        file_keys = self._file_order(path, list(old))
        kept = [k for k in file_keys if k in new]
        removed = [k for k in file_keys if k not in new]
        added = [k for k in new if k not in old]
        if not kept and path:
            raise _Replace
        for k in kept:
            if not same(old[k], new[k]):
                self.value(path + (k,), old[k], new[k], model, k)
        self._remove_keys(path, file_keys, removed)
        if added:
            self._add_keys(path, kept, added, new, model)

    def _remove_keys(self, path: KeyPath, file_keys: list[str], removed: list[str]) -> None:
        spans: list[list[int]] = []
        for k in removed:
            child = path + (k,)
            info = self.nodes[child]
            start, end, indent, owned = self.entry_span(child, info)
            if owned:
                start = self.with_comments(start, indent)
            else:
                # the first key after "- ": remove up to the next remaining key
                later = file_keys[file_keys.index(k) + 1 :]
                nxt = next((x for x in later if x not in removed), None)
                if nxt is None:
                    raise Fallback("every key of a list item removed")
                nxt_info = self.nodes[path + (nxt,)]
                end = self.off(nxt_info.key_line, nxt_info.key_column)
            if spans and spans[-1][1] >= start:
                spans[-1][1] = max(spans[-1][1], end)
            else:
                spans.append([start, end])
        for start, end in spans:
            if self.text[start - 1 : start] not in ("", "\n", "\r"):
                self.edit(start, end, "")
                continue
            before = self.prev_line(start)
            if before is not None and self.blank_at(before) and (end >= len(self.text) or self.blank_at(end)):
                start = before
            elif before is None and self.blank_at(end):
                end = self.line_end(end)
            self.edit(start, end, "")

    def _entry_start(self, path: KeyPath, key: str) -> tuple[int, int, bool]:
        info = self.nodes[path + (key,)]
        start, _, indent, owned = self.entry_span(path + (key,), info)
        if owned:
            start = self.with_comments(start, indent)
        return start, indent, owned

    def _entry_end(self, path: KeyPath, key: str) -> tuple[int, int]:
        info = self.nodes[path + (key,)]
        _, end, indent, owned = self.entry_span(path + (key,), info)
        if not owned:
            # the first key of a list item: later keys sit at its column
            indent = info.key_column - 1
        return end, indent

    def _add_keys(
        self,
        path: KeyPath,
        kept: list[str],
        added: list[str],
        new: dict[str, Any],
        model: type[BaseModel] | None,
    ) -> None:
        order = key_order_for(model)
        known = sorted((k for k in added if order.rank(k) < len(order.order)), key=order.rank)
        unknown = [k for k in added if order.rank(k) >= len(order.order)]
        final: list[tuple[str, bool]] = [(k, False) for k in kept]
        for k in known + unknown:
            r = order.rank(k)
            best = -1
            for i, (existing, _) in enumerate(final):
                if order.rank(existing) <= r and (
                    best < 0 or order.rank(existing) >= order.rank(final[best][0])
                ):
                    best = i
            final.insert(best + 1, (k, True))
        blanks = self.uses_blanks and not path
        group = order.group_of
        # runs of added keys between kept keys
        i = 0
        while i < len(final):
            if not final[i][1]:
                i += 1
                continue
            j = i
            while j < len(final) and final[j][1]:
                j += 1
            run = [k for k, _ in final[i:j]]
            before = final[i - 1][0] if i > 0 else None
            after = final[j][0] if j < len(final) else None
            self._insert_run(path, run, before, after, new, model, blanks, group)
            i = j

    def _render_run(
        self,
        path: KeyPath,
        keys: list[str],
        previous: str | None,
        new: dict[str, Any],
        model: type[BaseModel] | None,
        indent: int,
        blanks: bool,
        group: Any,
    ) -> list[str]:
        lines: list[str] = []
        for k in keys:
            if blanks and previous is not None and group(k) != group(previous):
                lines.append("")
            lines.extend(self.renderer.entry(k, new[k], indent, model, path=path + (k,)))
            previous = k
        return lines

    def _insert_run(
        self,
        path: KeyPath,
        run: list[str],
        before: str | None,
        after: str | None,
        new: dict[str, Any],
        model: type[BaseModel] | None,
        blanks: bool,
        group: Any,
    ) -> None:
        if before is None:
            if after is None:  # an empty front matter: append
                lines = self._render_run(path, run, None, new, model, 0, blanks, group)
                text = "".join(line + self.nl for line in lines)
                if self.text and not self.text.endswith(("\n", "\r")):
                    text = self.nl + text
                self.edit(len(self.text), len(self.text), text)
                return
            start, indent, owned = self._entry_start(path, after)
            lines = self._render_run(path, run, None, new, model, indent, blanks, group)
            if blanks and group(run[-1]) != group(after):
                lines.append("")
            text = "".join(line + self.nl for line in lines)
            if not owned:
                text = text[indent:] + " " * indent
            self.edit(start, start, text)
            return
        end, indent = self._entry_end(path, before)
        gap_blank = False
        if after is not None:
            after_start, _, _ = self._entry_start(path, after)
            pos = end
            while pos < after_start:
                if self.blank_at(pos):
                    gap_blank = True
                pos = self.line_end(pos)
        if blanks and gap_blank and after is not None:
            head = [k for k in run if group(k) == group(before)]
            tail = run[len(head) :]
        else:
            head, tail = run, []
        if head:
            lines = self._render_run(path, head, before, new, model, indent, blanks, group)
            if blanks and after is not None and not gap_blank and group(head[-1]) != group(after):
                lines.append("")
            self.edit(end, end, "".join(line + self.nl for line in lines))
        if tail:
            assert after is not None
            start, _, _ = self._entry_start(path, after)
            lines = self._render_run(path, tail, None, new, model, indent, blanks, group)
            if group(tail[-1]) != group(after):
                lines.append("")
            self.edit(start, start, "".join(line + self.nl for line in lines))

    def sequence(
        self,
        path: KeyPath,
        old: list[Any],
        new: list[Any],
        model: type[BaseModel] | None,
        parent: type[BaseModel] | None,
        key: str,
    ) -> None:
        matcher = SequenceMatcher(None, [repr(x) for x in old], [repr(x) for x in new], autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                continue
            pairs = min(i2 - i1, j2 - j1)
            for t in range(pairs):
                self.value(path + (i1 + t,), old[i1 + t], new[j1 + t], parent, key)
            for i in range(i1 + pairs, i2):
                child = path + (i,)
                start, end, _, owned = self.entry_span(child, self.nodes[child])
                if not owned:
                    raise Fallback("a nested list item")
                self.edit(start, end, "")
            extra = new[j1 + pairs : j2]
            if not extra:
                continue
            if i2 > 0:
                ref = path + (i2 - 1,)
                _, pos, indent, _ = self.entry_span(ref, self.nodes[ref])
            else:
                ref = path + (0,)
                pos, _, indent, owned = self.entry_span(ref, self.nodes[ref])
                if not owned:
                    raise Fallback("a nested list item")
            lines: list[str] = []
            for n, value in enumerate(extra, start=j1 + pairs):
                lines.extend(self.renderer.item(value, indent, model, key, parent, path + (n,)))
            self.edit(pos, pos, "".join(line + self.nl for line in lines))


def splice(
    text: str,
    locations: Any,
    source: dict[str, Any],
    old: dict[str, Any],
    new: dict[str, Any],
    model: type[BaseModel],
    newline: str,
) -> str:
    """The front matter ``text`` with the differences between ``old`` and ``new`` written in.

    Raises:
        Fallback: the change cannot be made by editing the text.
    """
    return _spliced(text, locations, source, old, new, model, newline, empty_ok=True).result()


def _spliced(
    text: str,
    locations: Any,
    source: dict[str, Any],
    old: dict[str, Any],
    new: dict[str, Any],
    model: type[BaseModel] | None,
    newline: str,
    *,
    empty_ok: bool,
) -> _Splicer:
    """A splicer that has made the edits turning ``old`` into ``new`` (`Fallback` if it cannot).

    ``empty_ok``: a front matter with no root node (empty) is a block mapping to write into.
    """
    nodes = locations.nodes
    root = nodes.get(())
    if (root is None and not empty_ok) or (
        root is not None and (root.kind != "mapping" or root.style != "block")
    ):
        raise Fallback("the front matter is not a block mapping")
    splicer = _Splicer(text, nodes, source, newline, model)
    try:
        splicer.mapping((), old, new, model, root)
    except (_Replace, KeyError, IndexError) as exc:
        raise Fallback(str(exc)) from None
    return splicer


def splice_edits(
    text: str,
    locations: Any,
    source: dict[str, Any],
    new: dict[str, Any],
    model: type[BaseModel] | None,
    newline: str,
) -> list[tuple[int, int, str]]:
    """The edits `splice` would make to turn ``source`` (as loaded from ``text``) into ``new``.

    ``(start, end, new text)``, offsets in ``text``, sorted and not overlapping:
    what `articlekit.fixes` turns into text edits.

    Raises:
        Fallback: the change cannot be made by editing the text.
    """
    splicer = _spliced(text, locations, source, source, new, model, newline, empty_ok=False)
    edits = sorted(splicer.edits)
    for n in range(1, len(edits)):
        if edits[n].start < edits[n - 1].end:
            raise Fallback("overlapping edits")
    return [(e.start, e.end, e.text) for e in edits]
