"""The language features, from an `Analysis` to LSP values: diagnostics, code actions,
formatting, hover and completion.

Each function takes the document's `Analysis`, the URI, the negotiated
position encoding and the request's parameters, and returns what the
server answers; none of them keeps state.
"""

from __future__ import annotations

import json
import logging
import re
from typing import TYPE_CHECKING, Any

from lsprotocol import types
from pydantic import BaseModel

from ..errors import ArticleKitError
from ..issues import CODES, Issue
from ..models import Article
from ..models.kinds import detect_kind
from ..yamlsafe import resolve_plain
from . import reference
from .analysis import Analysis, Finding
from .positions import LineIndex
from .ranges import Span

if TYPE_CHECKING:
    from .suppress import Edit

# `cursor`, `suppress` and `textdiff` (with the fixes) are imported by the features that use
# them, so that the first diagnostics after start-up do not wait for them.

__all__ = [
    "FIX_ALL_KIND",
    "SOURCE",
    "code_actions",
    "completion",
    "diagnostics",
    "formatting",
    "hover",
]

SOURCE = "articlekit"
"""The ``source`` of every diagnostic."""
FIX_ALL_KIND = "source.fixAll.articlekit"
"""The code action kind of "fix all safe issues in this file"."""

_log = logging.getLogger(__name__)
_SUPPRESSION = re.compile(r"#[ \t]*articlekit[ \t]*:[ \t]*ignore(?:-file)?[ \t]*\[(?P<codes>[^\]]*)\]?")
_CODE = re.compile(r"AK\d{3}")


def _range(index: LineIndex, span: Span, encoding: str) -> types.Range:
    start = index.to_client(*span[0], encoding)
    end = index.to_client(*span[1], encoding)
    if end < start:
        end = start
    return types.Range(types.Position(*start), types.Position(*end))


def _span_of(index: LineIndex, rng: types.Range, encoding: str) -> Span:
    start = index.from_client(rng.start.line, rng.start.character, encoding)
    end = index.from_client(rng.end.line, rng.end.character, encoding)
    return start, end


# -- diagnostics ------------------------------------------------------------------------------


def _diagnostic(finding: Finding, index: LineIndex, encoding: str) -> types.Diagnostic:
    issue = finding.issue
    severity = types.DiagnosticSeverity.Error if issue.is_error else types.DiagnosticSeverity.Warning
    known = issue.code in CODES
    return types.Diagnostic(
        range=_range(index, finding.span, encoding),
        message=issue.message,
        severity=severity,
        code=issue.code,
        code_description=types.CodeDescription(href=reference.code_url(issue.code)) if known else None,
        source=SOURCE,
        data={"line": issue.line, "column": issue.column, "code": issue.code},
    )


def diagnostics(analysis: Analysis, encoding: str) -> list[types.Diagnostic]:
    """The document's diagnostics: one per issue, and one for a broken configuration."""
    out = [_diagnostic(f, analysis.index, encoding) for f in analysis.findings]
    if analysis.config_error:
        end = analysis.index.to_client(1, len(analysis.index.line(0)) + 1, encoding)
        out.insert(
            0,
            types.Diagnostic(
                range=types.Range(types.Position(0, 0), types.Position(*end)),
                message=f"the configuration cannot be used (defaults apply): {analysis.config_error}",
                severity=types.DiagnosticSeverity.Error,
                source=SOURCE,
            ),
        )
    return out


# -- code actions -----------------------------------------------------------------------------


def _wanted(only: list[str] | None, kind: str) -> bool:
    if not only:
        return True
    return any(kind == k or kind.startswith(k + ".") for k in only)


def _workspace_edit(uri: str, edits: list[types.TextEdit]) -> types.WorkspaceEdit:
    return types.WorkspaceEdit(changes={uri: edits})


def _suppression_edit(index: LineIndex, edit: Edit, encoding: str) -> types.TextEdit:
    return types.TextEdit(range=_range(index, (edit.start, edit.end), encoding), new_text=edit.new_text)


def _fixes(analysis: Analysis, unsafe: bool) -> list[Any]:
    """The fixes of the document's issues (``[]`` while `articlekit.fixes` is not there)."""
    try:
        from ..fixes import fixes_for
    except ImportError:  # pragma: no cover - the autofix ships with articlekit
        return []
    found: list[Any] = fixes_for(analysis.text, unsafe=unsafe, config=analysis.config, path=analysis.path)
    return found


def _same_issue(a: Issue, b: Issue) -> bool:
    return (a.code, a.line, a.column, a.path) == (b.code, b.line, b.column, b.path)


def _fix_edits(fix: Any, index: LineIndex, encoding: str) -> list[types.TextEdit]:
    return [
        types.TextEdit(
            range=_range(index, ((e.start_line, e.start_column), (e.end_line, e.end_column)), encoding),
            new_text=e.new_text,
        )
        for e in fix.edits
    ]


def _overlapping(analysis: Analysis, span: Span) -> list[Finding]:
    start, end = span
    return [f for f in analysis.findings if f.span[0] <= end and start <= f.span[1]]


def code_actions(
    analysis: Analysis, uri: str, encoding: str, params: types.CodeActionParams
) -> list[types.CodeAction]:
    """Quick fixes, suppressions and "fix all" for the issues in the requested range."""
    index = analysis.index
    only = [str(k.value if isinstance(k, types.CodeActionKind) else k) for k in params.context.only or []]
    actions: list[types.CodeAction] = []
    hits = _overlapping(analysis, _span_of(index, params.range, encoding))
    if hits and _wanted(only, types.CodeActionKind.QuickFix.value):
        actions += _quick_fixes(analysis, uri, encoding, hits)
        actions += _suppressions(analysis, uri, encoding, hits)
    if _wanted(only, FIX_ALL_KIND) and (only or hits):
        fix_all = _fix_all(analysis, uri, encoding)
        if fix_all is not None:
            actions.append(fix_all)
    return actions


def _quick_fixes(analysis: Analysis, uri: str, encoding: str, hits: list[Finding]) -> list[types.CodeAction]:
    index = analysis.index
    actions: list[types.CodeAction] = []
    fixes = _fixes(analysis, unsafe=True)
    for finding in hits:
        diagnostic = _diagnostic(finding, index, encoding)
        for fix in fixes:
            if not _same_issue(fix.issue, finding.issue):
                continue
            actions.append(
                types.CodeAction(
                    title=f"{fix.title} ({fix.code})"
                    if fix.safe
                    else f"{fix.title} ({fix.code}, unsafe fix)",
                    kind=types.CodeActionKind.QuickFix,
                    diagnostics=[diagnostic],
                    is_preferred=bool(fix.safe),
                    edit=_workspace_edit(uri, _fix_edits(fix, index, encoding)),
                )
            )
    return actions


def _suppressions(analysis: Analysis, uri: str, encoding: str, hits: list[Finding]) -> list[types.CodeAction]:
    from .suppress import file_suppression, line_suppression

    index = analysis.index
    actions: list[types.CodeAction] = []
    seen_lines: set[tuple[str, int]] = set()
    seen_codes: set[str] = set()
    for finding in hits:
        issue = finding.issue
        diagnostic = _diagnostic(finding, index, encoding)
        if (issue.code, issue.line) not in seen_lines:
            seen_lines.add((issue.code, issue.line))
            edit = line_suppression(analysis.text, issue.line, issue.code)
            if edit is not None:
                actions.append(
                    types.CodeAction(
                        title=f"Suppress {issue.code} on this line",
                        kind=types.CodeActionKind.QuickFix,
                        diagnostics=[diagnostic],
                        edit=_workspace_edit(uri, [_suppression_edit(index, edit, encoding)]),
                    )
                )
    for finding in hits:
        issue = finding.issue
        if issue.code in seen_codes:
            continue
        seen_codes.add(issue.code)
        edit = file_suppression(analysis.text, issue.code)
        if edit is not None:
            actions.append(
                types.CodeAction(
                    title=f"Suppress {issue.code} in this file",
                    kind=types.CodeActionKind.QuickFix,
                    diagnostics=[_diagnostic(finding, index, encoding)],
                    edit=_workspace_edit(uri, [_suppression_edit(index, edit, encoding)]),
                )
            )
    return actions


def _text_edits(index: LineIndex, old: str, new: str, encoding: str) -> list[types.TextEdit]:
    """Minimal whole-line edits from ``old`` (indexed by ``index``) to ``new``."""
    from .textdiff import line_edits

    return [
        types.TextEdit(
            range=types.Range(
                types.Position(*index.client_position_of(start, encoding)),
                types.Position(*index.client_position_of(end, encoding)),
            ),
            new_text=text,
        )
        for start, end, text in line_edits(old, new)
    ]


def _fix_all(analysis: Analysis, uri: str, encoding: str) -> types.CodeAction | None:
    try:
        from ..fixes import fix
    except ImportError:  # pragma: no cover - the autofix ships with articlekit
        return None
    result = fix(analysis.text, config=analysis.config, path=analysis.path)
    new_text: str = result.text
    if new_text == analysis.text:
        return None
    return types.CodeAction(
        title="Fix all safe articlekit issues in this file",
        kind=FIX_ALL_KIND,
        edit=_workspace_edit(uri, _text_edits(analysis.index, analysis.text, new_text, encoding)),
    )


# -- formatting -------------------------------------------------------------------------------


def formatting(analysis: Analysis, encoding: str) -> list[types.TextEdit] | None:
    """`articlekit.format`'s result as minimal edits; ``None`` when the file cannot be formatted."""
    from ..writer import format as format_text

    config, path = analysis.config, analysis.path
    kind = config.kind_for(path) if path is not None else None
    try:
        new = format_text(analysis.text, kind=kind, ignore=config.ignored_codes(path))
    except ArticleKitError as exc:
        _log.info("not formatted: %s", exc)
        return None
    return _text_edits(analysis.index, analysis.text, new, encoding)


# -- hover ------------------------------------------------------------------------------------


def _suppression_code(analysis: Analysis, line: int, column: int) -> tuple[str, Span] | None:
    """The code under the cursor inside a suppression comment."""
    text = analysis.index.line(line - 1)
    shift = 1 if analysis.index.bom and line == 1 else 0
    at = column - 1 + shift
    for match in _SUPPRESSION.finditer(text):
        for code in _CODE.finditer(match.group("codes")):
            start = match.start("codes") + code.start()
            if start <= at <= start + 5:
                return code.group(), ((line, start + 1 - shift), (line, start + 6 - shift))
    return None


def _too_large(analysis: Analysis) -> bool:
    """Whether the document is over the size limit: reported, not read again for hover or completion."""
    return len(analysis.text) > analysis.config.limits.max_bytes


def hover(analysis: Analysis, encoding: str, position: types.Position) -> types.Hover | None:
    """The key's documentation and the explanation of the codes reported (or named) at the position."""
    if _too_large(analysis):
        return None
    index = analysis.index
    line, column = index.from_client(position.line, position.character, encoding)
    parts: list[str] = []
    span: Span | None = None
    named = _suppression_code(analysis, line, column)
    if named is not None:
        doc = reference.code_doc(named[0])
        if doc is not None:
            parts.append(doc)
            span = named[1]
    else:
        from .cursor import key_at

        token = key_at(analysis.text, line, column)
        kind = _kind(analysis, token.data if token is not None else None)
        if token is not None:
            doc = reference.key_doc(kind, token.path)
            if doc is not None:
                parts.append(doc)
                span = ((line, token.start), (line, token.end))
        codes: list[str] = []
        for finding in analysis.findings_at(line, column):
            if finding.issue.code not in codes:
                codes.append(finding.issue.code)
                if span is None:
                    span = finding.span
        for code in codes:
            doc = reference.code_doc(code)
            if doc is not None:
                parts.append(doc)
    if not parts:
        return None
    return types.Hover(
        contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value="\n\n---\n\n".join(parts)),
        range=_range(index, span, encoding) if span is not None else None,
    )


def _kind(analysis: Analysis, data: Any) -> type[BaseModel]:
    """The document's kind; while it cannot be read, the kind of ``data`` (read around the cursor)
    or of its top-level lines; `Article` when no kind matches."""
    kind = analysis.kind
    if kind is None and analysis.data is None:
        if not isinstance(data, dict):
            from .cursor import top_level_values

            data = top_level_values(analysis.text)
        kind = detect_kind(data)
    return kind if kind is not None else Article


# -- completion -------------------------------------------------------------------------------


def _yaml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        plain = re.fullmatch(r"[A-Za-z][\w .-]*", value) is not None and not value.endswith(" ")
        if plain and resolve_plain(value) == "tag:yaml.org,2002:str":
            return value
        return json.dumps(value, ensure_ascii=False)
    return json.dumps(value)


def completion(analysis: Analysis, encoding: str, position: types.Position) -> types.CompletionList | None:
    """The keys the mapping at the cursor may still take, or the values the key being typed takes."""
    if _too_large(analysis):
        return None
    index = analysis.index
    line, column = index.from_client(position.line, position.character, encoding)
    from .cursor import cursor_at

    cursor = cursor_at(analysis.text, line, column)
    if cursor is None:
        return None
    kind = _kind(analysis, cursor.data)
    start = index.to_client(line, cursor.word_column, encoding)
    end = index.to_client(line, column, encoding)
    replace = types.Range(types.Position(*start), types.Position(*end))
    items: list[types.CompletionItem] = []
    values: list[Any] = []
    if cursor.at_value:
        values = reference.values_for(kind, cursor.path)
    else:
        keys = reference.keys_of(kind, cursor.parent)
        if keys:
            for n, info in enumerate(k for k in keys if k.key not in cursor.siblings):
                need = "required" if info.required else "optional"
                items.append(
                    types.CompletionItem(
                        label=info.key,
                        kind=types.CompletionItemKind.Property,
                        detail=f"{info.type_text} ({need})",
                        documentation=types.MarkupContent(
                            kind=types.MarkupKind.Markdown,
                            value=reference.key_doc(kind, (*cursor.parent, info.key)) or "",
                        ),
                        sort_text=f"{0 if info.required else 1}{n:04d}",
                        filter_text=info.key,
                        text_edit=types.TextEdit(range=replace, new_text=f"{info.key}: "),
                    )
                )
        elif cursor.parent and isinstance(cursor.parent[-1], int):
            values = reference.values_for(kind, cursor.parent)  # an item of a list of values
    for n, value in enumerate(values):
        text = _yaml_value(value)
        items.append(
            types.CompletionItem(
                label=text,
                kind=types.CompletionItemKind.EnumMember,
                sort_text=f"{n:04d}",
                filter_text=text,
                text_edit=types.TextEdit(range=replace, new_text=text),
            )
        )
    if not items:
        return None
    return types.CompletionList(is_incomplete=False, items=items)
