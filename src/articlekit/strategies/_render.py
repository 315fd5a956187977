"""Writing front matter as text, in a drawn style, and remembering the line of every value.

This is an emitter of its own (not `articlekit.writer`), so that the
writer and the loaders are tested against text they did not produce.  It is
deliberately conservative: a string is written plain only when it is
unambiguous in YAML 1.1 (and 1.2), and every rendering is one line per scalar.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from hypothesis import strategies as st
from pydantic import BaseModel

from ..issues import KeyPath
from ..writer.order import key_order_for
from ..yamlsafe import resolve_plain
from ._primitives import line_text

__all__ = ["Layout", "Raw", "Rendered", "bodies", "layouts", "model_data", "render", "scalar_styles"]

_STR = "tag:yaml.org,2002:str"
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")
_FLOW_BAD = frozenset(",[]{}:#")
_BLOCK_BAD = (": ", " #", "\t")

Draw = Callable[[st.SearchStrategy[Any]], Any]


@dataclass(frozen=True)
class Raw:
    """A scalar written exactly as given (for broken documents: tags, aliases, bad values)."""

    text: str


@dataclass(frozen=True)
class Layout:
    """The style choices of one file that are drawn once.

    Attributes:
        newline: ``"\\n"`` or ``"\\r\\n"``.
        bom: whether the file starts with a UTF-8 BOM.
        indent: spaces per nesting level (2 or 4).
        indentless: block lists under a key start at the key's column.
        order: ``"canonical"`` (the writer's order), ``"fields"`` (the model's) or ``"shuffled"``.
        blanks: ``"none"``, ``"groups"`` (before each canonical group) or ``"random"``.
        flow_lists: how lists of scalars are written: ``"block"``, ``"flow"`` or ``"mixed"``.
    """

    newline: str = "\n"
    bom: bool = False
    indent: int = 2
    indentless: bool = False
    order: str = "canonical"
    blanks: str = "groups"
    flow_lists: str = "block"


def layouts() -> st.SearchStrategy[Layout]:
    """Every combination of the file-wide style choices; shrinks toward the canonical style with LF."""
    return st.builds(
        Layout,
        newline=st.sampled_from(["\n", "\r\n"]),
        bom=st.booleans(),
        indent=st.sampled_from([2, 4]),
        indentless=st.booleans(),
        order=st.sampled_from(["canonical", "fields", "shuffled"]),
        blanks=st.sampled_from(["groups", "none", "random"]),
        flow_lists=st.sampled_from(["block", "flow", "mixed"]),
    )


def model_data(model: BaseModel) -> dict[str, Any]:
    """The model as plain data with YAML keys, absent (``None``) fields left out."""
    data: dict[str, Any] = model.model_dump(by_alias=True, exclude_none=True)
    return data


def plain_ok(text: str, *, flow: bool) -> bool:
    """Whether ``text`` can be written plain and read back as the same string (conservatively)."""
    if not text or text != text.strip(" ") or "\n" in text:
        return False
    if text[0] in _INDICATORS or text.startswith(("---", "...")):
        return False
    if flow and any(c in _FLOW_BAD for c in text):
        return False
    if any(bad in text for bad in _BLOCK_BAD) or text.endswith(":"):
        return False
    return resolve_plain(text) == _STR


def double_quoted(text: str) -> str:
    """``text`` in double quotes, with ``\\``, ``"`` and line breaks escaped."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def single_quoted(text: str) -> str:
    """``text`` in single quotes (``'`` doubled); only for text without line breaks."""
    return "'" + text.replace("'", "''") + "'"


def scalar_styles(text: str, *, flow: bool) -> list[str]:
    """Every way this emitter may write ``text``: double-quoted first, then plain, then single-quoted."""
    styles = [double_quoted(text)]
    if plain_ok(text, flow=flow):
        styles.append(text)
    if "\n" not in text:
        styles.append(single_quoted(text))
    return styles


def _float_text(value: float) -> str:
    """A float as YAML 1.1 reads it back (``1e-05`` is text there: write ``1.0e-05``)."""
    if math.isnan(value) or math.isinf(value):  # pragma: no cover - never generated
        raise ValueError(f"cannot write {value!r}")
    text = repr(value)
    if "e" in text:
        mantissa, exponent = text.split("e")
        if "." not in mantissa:
            mantissa += ".0"
        if exponent[0] not in "+-":
            exponent = "+" + exponent
        text = f"{mantissa}e{exponent}"
    return text


def _datetime_text(value: datetime) -> str:
    return value.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass
class Rendered:
    """A rendered front matter: its lines and where each value is.

    ``where[path]`` is ``(key line, value line)`` in file lines (the opening
    fence is line 1, the first front-matter line is line 2).  For a nested
    block mapping or list the value line is the line of its first key or item.
    """

    lines: list[str] = field(default_factory=list)
    where: dict[KeyPath, tuple[int, int]] = field(default_factory=dict)

    def next_line(self) -> int:
        """The file line number of the next line to be added."""
        return len(self.lines) + 2


class _Emitter:
    def __init__(self, draw: Draw, layout: Layout, model: type[BaseModel] | None) -> None:
        self.draw = draw
        self.layout = layout
        self.model = model
        self.out = Rendered()

    def scalar(self, value: Any, *, flow: bool = False) -> str:
        if isinstance(value, Raw):
            return value.text
        if isinstance(value, bool):
            words = ["true", "True", "TRUE"] if value else ["false", "False", "FALSE"]
            return str(self.draw(st.sampled_from(words)))
        if isinstance(value, int):
            return str(value)
        if isinstance(value, float):
            return _float_text(value)
        if isinstance(value, datetime):
            return _datetime_text(value)
        if isinstance(value, str):
            return str(self.draw(st.sampled_from(scalar_styles(value, flow=flow))))
        raise TypeError(f"cannot render {type(value).__name__}")  # pragma: no cover

    def order(self, data: dict[str, Any], top: bool) -> list[str]:
        keys = list(data)
        how = self.layout.order
        if how == "canonical" and top and self.model is not None:
            order = key_order_for(self.model)
            return sorted(keys, key=lambda k: (order.rank(k), keys.index(k)))
        if how == "shuffled":
            return list(self.draw(st.permutations(keys)))
        return keys

    def mapping(
        self, data: dict[str, Any], indent: int, path: KeyPath, first_prefix: str | None = None
    ) -> None:
        top = not path
        keys = self.order(data, top)
        groups = key_order_for(self.model).group_starts if (top and self.model is not None) else frozenset()
        for n, key in enumerate(keys):
            if top and n > 0:
                blanks = self.layout.blanks
                if (blanks == "groups" and key in groups) or (
                    blanks == "random" and self.draw(st.booleans())
                ):
                    self.out.lines.append("")
            prefix = first_prefix if (n == 0 and first_prefix is not None) else " " * indent
            self.entry(prefix, key, data[key], indent, (*path, key))

    def _flow(self, items: list[Any]) -> bool:
        if not items:
            return True
        if any(isinstance(v, dict | list) for v in items):
            return False
        how = self.layout.flow_lists
        return how == "flow" or (how == "mixed" and bool(self.draw(st.booleans())))

    def entry(self, prefix: str, key: str, value: Any, indent: int, path: KeyPath) -> None:
        line = self.out.next_line()
        if isinstance(value, dict) and not value:
            self.out.lines.append(f"{prefix}{key}: {{}}")
            self.out.where[path] = (line, line)
        elif isinstance(value, dict):
            self.out.lines.append(f"{prefix}{key}:")
            self.out.where[path] = (line, line + 1)
            self.mapping(value, indent + self.layout.indent, path)
        elif isinstance(value, list):
            if self._flow(value):
                rendered = ", ".join(self.scalar(v, flow=True) for v in value)
                self.out.lines.append(f"{prefix}{key}: [{rendered}]")
                self.out.where[path] = (line, line)
                for i in range(len(value)):
                    self.out.where[path + (i,)] = (line, line)
            else:
                self.out.lines.append(f"{prefix}{key}:")
                self.out.where[path] = (line, line + 1)
                self.sequence(value, indent if self.layout.indentless else indent + self.layout.indent, path)
        else:
            self.out.lines.append(f"{prefix}{key}: {self.scalar(value)}")
            self.out.where[path] = (line, line)

    def sequence(self, items: list[Any], indent: int, path: KeyPath) -> None:
        pad = " " * indent
        for i, item in enumerate(items):
            line = self.out.next_line()
            sub = (*path, i)
            self.out.where[sub] = (line, line)
            if isinstance(item, dict) and item:
                self.mapping(item, indent + 2, sub, first_prefix=pad + "- ")
            elif isinstance(item, dict | list):
                self.out.lines.append(f"{pad}- {{}}" if isinstance(item, dict) else f"{pad}- []")
            else:
                self.out.lines.append(f"{pad}- {self.scalar(item)}")


def render(draw: Draw, data: dict[str, Any], layout: Layout, model: type[BaseModel] | None) -> Rendered:
    """Render ``data`` (YAML keys) as block-style front matter lines, in ``layout``'s style."""
    emitter = _Emitter(draw, layout, model)
    emitter.mapping(data, 0, ())
    return emitter.out


_MARKDOWN_LINES = (
    "# A heading",
    "## Section",
    "Some *text* with **emphasis**.",
    "- a list item",
    "---",
    "> a quote",
    "",
    "```",
    "code",
    "```",
    "***",
    "1. first",
)


def bodies() -> st.SearchStrategy[list[str]]:
    """A body as lines: empty, HTML, or Markdown with ``---`` rules inside; shrinks toward no body."""
    text_line = line_text(0, 40)
    html = st.lists(text_line, min_size=1, max_size=3).map(lambda ps: [f"<p>{p}</p>" for p in ps])
    markdown = st.lists(
        st.one_of(st.sampled_from(_MARKDOWN_LINES), st.just("---"), text_line), min_size=1, max_size=8
    )
    return st.one_of(st.just([]), html, markdown)
