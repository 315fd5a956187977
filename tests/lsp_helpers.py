"""What the language server tests share: sample documents, and a client that applies edits.

The client side converts positions on its own (UTF-16 by encoding the text,
not with `articlekit.lsp.positions`), so that the server's conversions are
checked against an independent one.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path
from typing import Any

from lsprotocol import types

SERVER = [sys.executable, "-m", "articlekit", "lsp"]
TIMEOUT = 60.0

SECURED = (
    "gkv252PSda7GfdM/88TmgJOLx4Pu4oR7kfOjNqeQ9TthVoe2xqNmeMAlM3OiJ/e/uz1ARTHrhACidQYlNH/7/UJs2YVCWNA3iKAJAhpD"
    "+mwaauNBHEvUiz5TsfdfO4HDLMdHmjaigkUFIA6Kk0YEwb5y/b6chZG9LFAutN3dkK/3H+nkSNxpAOkLptl/2wRFMR6OOfgTKdo7yEMer"
    "HmFKXnu0r7wCqcr3MbbOPUnriFvVheBY6Iq8Ga6aRUKbUgDItSHIiW9HjxKdJjwhpLVNKEQj7VL119n21GAzsg6r54GBr8wxTCbdOc6B9sU"
    "C0WJH7e9eSYa/AWoXvwN9Q9/vw==;vmiVn06U0CurTJDvBjzfGQ=="
)

BROKEN = f"""---
category: news
title: "Prisons in Finland"
publishedDateTime: 2020-08-11T13:41:00Z
webUrl: "https://www.businessinsider.com/finland-prisons-technology-ai-online-classes-2020-8"
type: article
heat: "76"
quality: -3
topics: ["😀 AI", "日本", "😀 AI"]
images:
  - url: "https://example.com/a-1200x600.jpg"
    width: 1201
    height: 600
secured: "{SECURED}"
---
Body
"""
"""A news item with four problems: AK302 (line 7), AK303 (line 8), AK853 after an emoji and CJK
(line 9), AK401 (line 12); every one but AK303 has a safe fix."""


def utf16_column(line: str, chars: int) -> int:
    """UTF-16 code units of the first ``chars`` characters of ``line`` (independent of the server)."""
    return len(line[:chars].encode("utf-16-le")) // 2


def _offset(text: str, position: types.Position) -> int:
    lines = text.splitlines(keepends=True)
    start = sum(len(line) for line in lines[: position.line])
    if position.line >= len(lines):
        return len(text)
    line = lines[position.line].rstrip("\r\n")
    units = 0
    for n, char in enumerate(line):
        if units >= position.character:
            return start + n
        units += len(char.encode("utf-16-le")) // 2
    return start + len(line)


def apply_text_edits(text: str, edits: list[types.TextEdit]) -> str:
    """``text`` with LSP text edits (UTF-16 positions) applied, as a client does."""
    located = sorted((_offset(text, e.range.start), _offset(text, e.range.end), e.new_text) for e in edits)
    out, pos = [], 0
    for start, end, new_text in located:
        assert start >= pos, "overlapping edits"
        out.append(text[pos:start])
        out.append(new_text)
        pos = end
    out.append(text[pos:])
    return "".join(out)


def workspace_edits(edit: types.WorkspaceEdit | None, uri: str) -> list[types.TextEdit]:
    assert edit is not None
    assert edit.changes is not None
    return list(edit.changes[uri])


async def diagnostics_for(client: Any, uri: str) -> list[types.Diagnostic]:
    """Wait for the next diagnostics published for ``uri``."""
    while True:
        params = await asyncio.wait_for(
            client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS), TIMEOUT
        )
        if params.uri == uri:
            return list(params.diagnostics)


async def open_document(client: Any, uri: str, text: str, version: int = 1) -> list[types.Diagnostic]:
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id="markdown", version=version, text=text)
        )
    )
    return await diagnostics_for(client, uri)


async def change_document(client: Any, uri: str, text: str, version: int) -> list[types.Diagnostic]:
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
        )
    )
    return await diagnostics_for(client, uri)


def codes(diagnostics: list[types.Diagnostic]) -> list[str]:
    return sorted(str(d.code) for d in diagnostics)


def span(d: types.Diagnostic) -> tuple[int, int, int, int]:
    r = d.range
    return (r.start.line, r.start.character, r.end.line, r.end.character)


def uri_of(path: Path) -> str:
    return path.resolve().as_uri()
