"""Messages of the YAML layer (`articlekit.yamlsafe`).

Previews of values, the limit messages, and YAML syntax errors translated into
plain words (AK201), with PyYAML's own text kept at the end.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import yaml

from ._yamltags import (
    _MAX_NUMBER_TEXT,
    _MAX_SEXAGESIMAL_PARTS,
    _PARSER_MAX_DEPTH,
    _YAML_NS,
    SYNTAX,
    _Offset,
)
from .issues import Issue

if TYPE_CHECKING:
    from ._yamlbuild import _Builder


def _preview(text: str, limit: int = 60, *, quote: bool = True) -> str:
    """``text`` (quoted with ``repr``), cut to ``limit`` characters for a message."""
    shown = text if len(text) <= limit else text[: limit - 1] + "…"
    if not quote:
        return shown
    suffix = f" ({len(text):,} characters)" if len(text) > limit else ""
    return repr(shown) + suffix


def _depth_message(max_depth: int) -> str:
    if max_depth > _PARSER_MAX_DEPTH:
        return (
            f"nesting deeper than {_PARSER_MAX_DEPTH:,} levels, the most the YAML parser reads "
            f"(Limits.max_depth is {max_depth:,})"
        )
    return f"nesting deeper than the limit of {max_depth} levels (Limits.max_depth)"


def _number_too_big(tag: str, value: str) -> str:
    """Why ``value`` is not read as a number of type ``tag`` at all, or ``""``.

    Guards the constructors whose cost grows faster than the text: Python's
    int() refuses more than 4,300 digits, and PyYAML's base-60 reading is
    quadratic in the number of parts.
    """
    if tag == _YAML_NS + "int" and len(value) > _MAX_NUMBER_TEXT:
        return (
            f"is too long to read as a number (over {_MAX_NUMBER_TEXT:,} characters); quote it if it is text"
        )
    if (tag == _YAML_NS + "int" or tag == _YAML_NS + "float") and value.count(":") >= _MAX_SEXAGESIMAL_PARTS:
        return (
            f"reads as a base-60 number of more than {_MAX_SEXAGESIMAL_PARTS} ':'-separated parts; "
            "quote it if it is text"
        )
    return ""


def _syntax_issue(exc: yaml.YAMLError, builder: _Builder, first_line: int) -> Issue:
    """The AK201 issue for a YAML syntax error: plain words first, PyYAML's own text at the end."""
    mapper = builder.pos
    problem = getattr(exc, "problem", None) or str(exc)
    context = getattr(exc, "context", None)
    problem_mark = getattr(exc, "problem_mark", None)
    context_mark = getattr(exc, "context_mark", None)
    mark = problem_mark or context_mark
    if mark is not None:
        line, col = mapper(mark)
    else:  # pragma: no cover - reader errors; load_yaml replaces what they report
        line, col = first_line, 1
    original = problem
    if context:
        original = f"{problem} ({context}"
        if context_mark is not None and problem_mark is not None:
            cline, ccol = mapper(context_mark)
            original += f" at line {cline}, column {ccol}"
        original += ")"
    explained = _explain_syntax(problem, context, problem_mark, context_mark, builder)
    if explained is None:
        return SYNTAX.issue(original, (), line, col)
    message, line, col = explained
    return SYNTAX.issue(f"{message} (PyYAML: {original})", (), line, col)


def _line_bounds(text: str, index: int) -> tuple[int, int]:
    """Start and end offsets of the line of ``text`` that holds offset ``index``."""
    start = max(text.rfind("\n", 0, index), text.rfind("\r", 0, index)) + 1
    ends = [e for e in (text.find("\n", index), text.find("\r", index)) if e >= 0]
    return start, min(ends) if ends else len(text)


def _explain_syntax(
    problem: str, context: str | None, problem_mark: Any, context_mark: Any, builder: _Builder
) -> tuple[str, int, int] | None:
    """The common syntax errors in plain words, with where to point: ``(message, line, column)``.

    ``None`` for the others (their PyYAML text is then the whole message).
    """
    text = builder.text
    mapper = builder.pos
    if problem_mark is None or not 0 <= problem_mark.index <= len(text):
        return None
    index = problem_mark.index
    line, col = mapper(problem_mark)
    start, end = _line_bounds(text, index)
    # a tab: PyYAML words it four ways, and libyaml does not always name the character
    on_tab = index < len(text) and text[index] == "\t"
    if "tab character" in problem or (on_tab and "cannot start any token" in problem):
        tab = index if on_tab else text.find("\t", start, end)
        if tab >= 0:
            where = mapper(_Offset(text, tab))
            if text[start:tab].strip(" \t") == "":
                return "tabs cannot indent YAML; use spaces", *where
            return "a tab where YAML takes only spaces; use spaces", *where
    # an unclosed quote: PyYAML points at the end of the text; say where the quote opened
    if context and "quoted scalar" in context and context_mark is not None:
        if "end of stream" in problem or "document" in problem:
            qline, qcol = mapper(context_mark)
            quote = text[context_mark.index] if context_mark.index < len(text) else '"'
            return (
                f"unclosed quote: the {quote} opened on line {qline}, column {qcol} is never closed",
                qline,
                qcol,
            )
        return None
    last = next(reversed(builder.nodes.items()), None)
    last_path, last_info = last if last is not None else ((), None)
    key = last_path[-1] if last_path and isinstance(last_path[-1], str) else None
    at_line_start = text[start:index].strip(" ") == ""
    if problem.startswith("mapping values are not allowed"):
        if last_info is not None and last_info.style == "" and last_info.end_line == line and key is not None:
            if last_info.line < line:
                return (
                    f"wrong indentation: this line is indented more than the key {_preview(key)} "
                    f"on line {last_info.key_line}, so YAML reads it as more of that key's value; "
                    f"start it in column {last_info.key_column} to make it a key of the same mapping",
                    line,
                    col,
                )
            return (
                f"the value of {_preview(key)} holds ': ', which YAML reads as the start of a "
                "mapping inside the value: put the whole value in quotes",
                line,
                col,
            )
        return None
    if context is None or context_mark is None:
        return None
    cline, ccol = mapper(context_mark)
    if last_info is not None and last_info.style in ('"', "'") and last_info.end_line == line:
        quote = last_info.style
        if last_info.line < line:
            return (
                f"unclosed quote: the {quote} opened on line {last_info.line}, column "
                f"{last_info.column} runs on to line {line}, where the next {quote} closes it; "
                "close the quote on its own line",
                last_info.line,
                last_info.column,
            )
        return (
            f"text after the closing {quote} of a quoted value: put the whole value in quotes, "
            "or remove what follows",
            line,
            col,
        )
    if not at_line_start:
        return None
    if "block mapping" in context and (
        problem.startswith("did not find expected key") or problem.startswith("expected <block end>")
    ):
        return (
            f"wrong indentation: this line starts in column {col}, but the keys of the mapping "
            f"it belongs to start in column {ccol} (line {cline}): line it up with the keys of "
            "its mapping",
            line,
            col,
        )
    if "block collection" in context and (
        problem.startswith("did not find expected '-'") or problem.startswith("expected <block end>")
    ):
        return (
            f"wrong indentation: the list on line {cline} has its items ('- ') in column {ccol}, and "
            f"this line (column {col}) is not an item: make it one ('- ...'), or start it in the "
            "column of the key that holds the list to end the list",
            line,
            col,
        )
    return None
