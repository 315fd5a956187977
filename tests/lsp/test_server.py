"""`articlekit lsp` end to end: the real server over stdio, driven by a real LSP client (pytest-lsp).

Positions are checked against the client's own UTF-16 arithmetic (`lsp_helpers`).
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import pytest

pytest.importorskip("pygls", reason="the 'lsp' extra (pygls) is not installed")
pytest_lsp = pytest.importorskip("pytest_lsp", reason="pytest-lsp is not installed")

from lsprotocol import types  # noqa: E402
from pytest_lsp import ClientServerConfig, LanguageClient  # noqa: E402

import articlekit  # noqa: E402
from lsp_helpers import (  # noqa: E402
    BROKEN,
    SERVER,
    apply_text_edits,
    change_document,
    codes,
    diagnostics_for,
    open_document,
    span,
    uri_of,
    utf16_column,
    workspace_edits,
)

pytestmark = pytest.mark.asyncio(loop_scope="function")

FAST = {"debounceMs": 0}


def _accept_registrations(client: LanguageClient) -> list[types.RegistrationParams]:
    """Answer the server's client/registerCapability requests (as VS Code does); the list of them."""
    seen: list[types.RegistrationParams] = []

    @client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register(params: types.RegistrationParams) -> None:
        seen.append(params)

    return seen


async def _start(client: LanguageClient, root: Path, options: dict[str, object] | None = None) -> None:
    _accept_registrations(client)
    await client.initialize_session(
        types.InitializeParams(
            capabilities=pytest_lsp.client_capabilities("visual-studio-code"),
            root_uri=uri_of(root),
            workspace_folders=[types.WorkspaceFolder(uri=uri_of(root), name="root")],
            initialization_options=FAST if options is None else options,
        )
    )


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER))
async def client(lsp_client: LanguageClient, tmp_path: Path):  # type: ignore[no-untyped-def]
    await _start(lsp_client, tmp_path)
    yield
    await lsp_client.shutdown_session()


# -- diagnostics -------------------------------------------------------------------------------


async def test_open_broken_sample_publishes_exact_ranges(client: LanguageClient, tmp_path: Path) -> None:
    uri = uri_of(tmp_path / "broken.md")
    found = await open_document(client, uri, BROKEN)
    lines = BROKEN.splitlines()
    by_code = {str(d.code): d for d in found}
    assert sorted(by_code) == ["AK302", "AK303", "AK401", "AK853"]
    # the whole value, not one column: '"76"' on line 7 (0-based 6)
    assert span(by_code["AK302"]) == (6, 6, 6, 10)
    assert span(by_code["AK303"]) == (7, 9, 7, 11)
    # after an emoji (2 UTF-16 units) and two CJK characters (1 each): the third item '"😀 AI"'
    topics = lines[8]
    start = topics.rindex('"😀 AI"')
    expected = (8, utf16_column(topics, start), 8, utf16_column(topics, start + len('"😀 AI"')))
    assert span(by_code["AK853"]) == expected == (8, 24, 8, 31)
    assert span(by_code["AK401"]) == (11, 11, 11, 15)
    assert by_code["AK302"].severity == types.DiagnosticSeverity.Error
    assert by_code["AK853"].severity == types.DiagnosticSeverity.Warning
    assert by_code["AK302"].source == "articlekit"
    assert by_code["AK302"].message == articlekit.check(BROKEN)[0].message
    description = by_code["AK303"].code_description
    assert description is not None
    assert description.href == "https://articlekit.readthedocs.io/en/latest/rules/#ak303-out-of-range"


async def test_crlf_file_ranges(client: LanguageClient, tmp_path: Path) -> None:
    uri = uri_of(tmp_path / "crlf.md")
    text = BROKEN.replace("\n", "\r\n")
    found = await open_document(client, uri, text)
    by_code = {str(d.code): d for d in found}
    assert sorted(by_code) == ["AK302", "AK303", "AK401", "AK853"]  # no AK110: the file is CRLF throughout
    assert span(by_code["AK302"]) == (6, 6, 6, 10)
    assert span(by_code["AK853"]) == (8, 24, 8, 31)


async def test_combining_marks_and_missing_key(client: LanguageClient, tmp_path: Path) -> None:
    uri = uri_of(tmp_path / "marks.md")
    text = BROKEN.replace('title: "Prisons in Finland"\n', "").replace(
        "type: article\n", 'type: article\nexcerpt: "e\u0301\u0301 日本 😀"\nprovider:\n  domain: x.com\n'
    )
    text = text.replace('heat: "76"', 'heat: "e\u0301\u0301 日本 😀"')
    found = await open_document(client, uri, text)
    by_code = {(str(d.code), d.message.split("'")[1]): d for d in found}
    # a key missing at the top level: the opening fence
    assert span(by_code[("AK301", "title")]) == (0, 0, 0, 3)
    # a key missing in a mapping: the mapping's key
    assert span(by_code[("AK301", "name")]) == (6, 0, 6, 8)
    # combining marks count one unit each, the emoji two: '"é́ 日本 😀"' is 11 UTF-16 units
    assert span(by_code[("AK302", "heat")]) == (8, 6, 8, 6 + 11)


async def test_debounced_change_then_clean_document(client: LanguageClient, tmp_path: Path) -> None:
    uri = uri_of(tmp_path / "a.md")
    await open_document(client, uri, BROKEN)
    fixed = BROKEN.replace('heat: "76"', "heat: 76").replace("quality: -3", "quality: 3")
    fixed = fixed.replace(', "😀 AI"]', "]").replace("width: 1201", "width: 1200")
    assert await change_document(client, uri, fixed, 2) == []  # clean: an empty list, nothing stale
    again = await change_document(client, uri, fixed.replace("quality: 3", "quality: -1"), 3)
    assert codes(again) == ["AK303"]


# -- code actions -------------------------------------------------------------------------------


async def _actions(
    client: LanguageClient, uri: str, rng: types.Range, only: list[str] | None = None
) -> list[types.CodeAction]:
    found = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=rng,
            context=types.CodeActionContext(diagnostics=[], only=only),
        )
    )
    return [a for a in found or [] if isinstance(a, types.CodeAction)]


async def test_quick_fix_and_suppressions_update_diagnostics(client: LanguageClient, tmp_path: Path) -> None:
    uri = uri_of(tmp_path / "a.md")
    found = await open_document(client, uri, BROKEN)
    heat = next(d for d in found if d.code == "AK302")
    actions = await _actions(client, uri, heat.range)
    titles = [a.title for a in actions]
    assert titles == [
        "write 76 without quotes (AK302)",
        "Suppress AK302 on this line",
        "Suppress AK302 in this file",
        "Fix all safe articlekit issues in this file",
    ]
    quick = actions[0]
    assert quick.is_preferred
    assert quick.kind == types.CodeActionKind.QuickFix
    assert quick.diagnostics is not None
    assert quick.diagnostics[0].code == "AK302"
    text = apply_text_edits(BROKEN, workspace_edits(quick.edit, uri))
    assert "heat: 76\n" in text
    assert codes(await change_document(client, uri, text, 2)) == ["AK303", "AK401", "AK853"]

    # suppress AK303 on its line: a trailing comment
    quality = next(d for d in client.diagnostics[uri] if d.code == "AK303")
    actions = await _actions(client, uri, quality.range)
    line_action = next(a for a in actions if a.title == "Suppress AK303 on this line")
    assert [a.title for a in actions if a.title.startswith("Suppress")] == [
        "Suppress AK303 on this line",
        "Suppress AK303 in this file",
    ]
    text = apply_text_edits(text, workspace_edits(line_action.edit, uri))
    assert "quality: -3  # articlekit: ignore[AK303]\n" in text
    assert codes(await change_document(client, uri, text, 3)) == ["AK401", "AK853"]

    # suppress AK853 in the whole file: a comment after the opening fence
    topics = next(d for d in client.diagnostics[uri] if d.code == "AK853")
    actions = await _actions(client, uri, topics.range)
    file_action = next(a for a in actions if a.title == "Suppress AK853 in this file")
    text = apply_text_edits(text, workspace_edits(file_action.edit, uri))
    assert text.startswith("---\n# articlekit: ignore-file[AK853]\ncategory: news\n")
    assert codes(await change_document(client, uri, text, 4)) == ["AK401"]


async def test_suppression_merges_into_the_existing_comment(client: LanguageClient, tmp_path: Path) -> None:
    uri = uri_of(tmp_path / "a.md")
    text = BROKEN.replace("quality: -3", "quality: -3  # articlekit: ignore[AK302]")
    found = await open_document(client, uri, text)
    assert "AK002" in codes(found)  # the stale AK302 suppression
    quality = next(d for d in found if d.code == "AK303")
    actions = await _actions(client, uri, quality.range)
    action = next(a for a in actions if a.title == "Suppress AK303 on this line")
    text = apply_text_edits(text, workspace_edits(action.edit, uri))
    assert "quality: -3  # articlekit: ignore[AK302, AK303]\n" in text


async def test_fix_all_source_action(client: LanguageClient, tmp_path: Path) -> None:
    uri = uri_of(tmp_path / "a.md")
    await open_document(client, uri, BROKEN)
    start = types.Position(line=0, character=0)
    actions = await _actions(client, uri, types.Range(start=start, end=start), only=["source.fixAll"])
    assert [(a.title, a.kind) for a in actions] == [
        ("Fix all safe articlekit issues in this file", "source.fixAll.articlekit")
    ]
    edits = workspace_edits(actions[0].edit, uri)
    assert len(edits) == 3  # one per changed line: heat, topics, width
    text = apply_text_edits(BROKEN, edits)
    assert text == articlekit.fix(BROKEN).text
    assert codes(await change_document(client, uri, text, 2)) == ["AK303"]


# -- formatting ------------------------------------------------------------------------------------


async def test_formatting_returns_minimal_edits(client: LanguageClient, tmp_path: Path) -> None:
    uri = uri_of(tmp_path / "a.md")
    good = BROKEN.replace('heat: "76"', "heat: 76").replace("quality: -3", "quality: 3")
    good = articlekit.format(good.replace(', "😀 AI"]', "]").replace("width: 1201", "width: 1200"))
    messy = good.replace('title: "Prisons in Finland"', "title:    Prisons in Finland").replace(
        "    height: 600", "    height:   600"
    )
    assert messy != good
    assert articlekit.format(messy) == good
    await open_document(client, uri, messy)
    edits = await client.text_document_formatting_async(
        types.DocumentFormattingParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            options=types.FormattingOptions(tab_size=2, insert_spaces=True),
        )
    )
    assert edits is not None
    lines = messy.splitlines()
    title, height = lines.index("title:    Prisons in Finland"), lines.index("    height:   600")
    assert [(e.range.start.line, e.range.end.line, e.new_text) for e in edits] == [
        (title, title + 1, 'title: "Prisons in Finland"\n'),
        (height, height + 1, "    height: 600\n"),
    ]
    assert all(e.range.start.character == e.range.end.character == 0 for e in edits)
    assert apply_text_edits(messy, list(edits)) == good
    # already formatted: no edit; does not load: nothing
    await change_document(client, uri, good, 2)
    unchanged = await client.text_document_formatting_async(
        types.DocumentFormattingParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            options=types.FormattingOptions(tab_size=2, insert_spaces=True),
        )
    )
    assert unchanged is not None
    assert len(unchanged) == 0
    await change_document(client, uri, "---\ntitle: [\n---\n", 3)
    assert (
        await client.text_document_formatting_async(
            types.DocumentFormattingParams(
                text_document=types.TextDocumentIdentifier(uri=uri),
                options=types.FormattingOptions(tab_size=2, insert_spaces=True),
            )
        )
        is None
    )


# -- hover and completion ----------------------------------------------------------------------------


async def _hover(client: LanguageClient, uri: str, line: int, character: int) -> str | None:
    found = await client.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            position=types.Position(line=line, character=character),
        )
    )
    if found is None:
        return None
    assert isinstance(found.contents, types.MarkupContent)
    return found.contents.value


async def test_hover_on_a_key_and_on_codes(client: LanguageClient, tmp_path: Path) -> None:
    uri = uri_of(tmp_path / "a.md")
    text = BROKEN.replace("quality: -3", "quality: -3  # articlekit: ignore[AK303]")
    await open_document(client, uri, text)
    width = await _hover(client, uri, 11, 6)  # 'width' in images[0]
    assert width is not None
    assert width.startswith("**`width`**: *integer*, required")
    assert "1 to 100000" in width
    assert "Width in pixels." in width
    assert "```yaml\nwidth: 1200\n```" in width
    assert "format/#image-width" in width
    # a value with a diagnostic: the code's explanation
    heat = await _hover(client, uri, 6, 8)
    assert heat is not None
    assert "**AK302** `wrong-type` (error)" in heat
    # a code in a suppression comment
    line = text.splitlines()[7]
    named = await _hover(client, uri, 7, line.index("AK303") + 2)
    assert named is not None
    assert named.startswith("**AK303** `out-of-range`")
    # the body: nothing
    assert await _hover(client, uri, 15, 1) is None


async def _complete(
    client: LanguageClient, uri: str, line: int, character: int
) -> list[types.CompletionItem]:
    found = await client.text_document_completion_async(
        types.CompletionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            position=types.Position(line=line, character=character),
        )
    )
    if found is None:
        return []
    return list(found.items if isinstance(found, types.CompletionList) else found)


async def test_completion_of_keys_and_values(client: LanguageClient, tmp_path: Path) -> None:
    uri = uri_of(tmp_path / "a.md")
    text = BROKEN.replace("    height: 600\n", "    height: 600\n    ti\n").replace("type: article", "type: ")
    await open_document(client, uri, text)
    # a key in images[0], half typed: the Image keys not yet there
    items = await _complete(client, uri, 13, 6)
    labels = [i.label for i in items]
    assert "title" in labels
    assert "isCached" in labels
    assert "url" not in labels
    assert "width" not in labels
    title = next(i for i in items if i.label == "title")
    assert title.detail == "text (optional)"
    assert title.text_edit is not None
    assert title.text_edit.new_text == "title: "
    assert isinstance(title.text_edit, types.TextEdit)
    assert title.text_edit.range.start == types.Position(line=13, character=4)
    # the value of 'type': a news item's types
    values = [i.label for i in await _complete(client, uri, 5, 6)]
    assert values[:2] == ["article", "video"]
    # a top-level key on a new line: the missing ones, not those present
    text2 = text.replace("secured:", "exc\nsecured:")
    await change_document(client, uri, text2, 2)
    labels = [i.label for i in await _complete(client, uri, 14, 3)]
    assert "excerpt" in labels
    assert "title" not in labels
    assert "heat" not in labels


# -- configuration ------------------------------------------------------------------------------------


async def test_config_change_rechecks_open_documents(client: LanguageClient, tmp_path: Path) -> None:
    doc = tmp_path / "posts" / "a.md"
    doc.parent.mkdir()
    doc.write_text(BROKEN, encoding="utf-8")
    uri = uri_of(doc)
    assert "AK303" in codes(await open_document(client, uri, BROKEN))
    config = tmp_path / "articlekit.toml"
    config.write_text('ignore = ["AK303"]\nper-file-ignores = { "posts/**" = ["AK853"] }\n', encoding="utf-8")
    client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(
            changes=[types.FileEvent(uri=uri_of(config), type=types.FileChangeType.Created)]
        )
    )
    assert codes(await diagnostics_for(client, uri)) == ["AK302", "AK401"]
    # saving the configuration in the editor counts too
    config.write_text("ignore = []\n", encoding="utf-8")
    client.text_document_did_save(
        types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri_of(config)))
    )
    assert codes(await diagnostics_for(client, uri)) == ["AK302", "AK303", "AK401", "AK853"]
    # a broken configuration: said once, at the top, and the defaults apply
    config.write_text("ignore = 3\n", encoding="utf-8")
    client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(
            changes=[types.FileEvent(uri=uri_of(config), type=types.FileChangeType.Changed)]
        )
    )
    found = await diagnostics_for(client, uri)
    assert found[0].code is None
    assert "configuration" in found[0].message
    assert codes(found[1:]) == ["AK302", "AK303", "AK401", "AK853"]


# -- robustness ----------------------------------------------------------------------------------------


async def test_hostile_documents_never_crash_and_never_leave_stale_diagnostics(
    client: LanguageClient, tmp_path: Path
) -> None:
    uri = uri_of(tmp_path / "a.md")
    assert codes(await open_document(client, uri, BROKEN)) == ["AK302", "AK303", "AK401", "AK853"]
    cases = {
        "": ["AK102"],
        "---\n": ["AK103"],
        "---\ntitle: [unclosed\n---\n": ["AK201"],
        "---\nti": ["AK103"],
        "just some text\n": ["AK102"],
        "---\x00\x01\x02\xff\ufffe\n---\n": None,
        "---\n" + "title: x\n" * 300_000 + "---\n": ["AK105"],
        "---\n- a\n- b\n---\n": ["AK204"],
    }
    version = 1
    for text, expected in cases.items():
        version += 1
        found = await change_document(client, uri, text, version)
        if expected is not None:
            assert codes(found) == expected, repr(text[:40])
        else:
            assert found
            assert all(d.source == "articlekit" for d in found)
        for request in (_hover(client, uri, 1, 2), _complete(client, uri, 1, 2)):
            await request  # answers, whatever the text
    client.text_document_did_close(
        types.DidCloseTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri))
    )
    assert await diagnostics_for(client, uri) == []


async def test_other_files_get_no_diagnostics(client: LanguageClient, tmp_path: Path) -> None:
    uri = uri_of(tmp_path / "notes.txt")
    assert await open_document(client, uri, "---\ntitle: 3\n") == []


async def test_garbage_and_invalid_params_leave_the_server_running(
    client: LanguageClient, tmp_path: Path
) -> None:
    uri = uri_of(tmp_path / "a.md")
    await open_document(client, uri, BROKEN)
    writer = client.protocol.writer
    assert writer is not None
    for body in (
        b"{not json",
        b"[1, 2",
        b'{"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": 3}',
    ):
        writer.write(b"Content-Length: %d\r\n\r\n%s" % (len(body), body))
    # a request whose params do not fit the method: answered with an error, not left hanging
    untyped = pytest.MonkeyPatch()
    untyped.setattr(client.protocol, "get_message_type", lambda method: None)
    untyped.setattr(client.protocol, "get_result_type", lambda method: None)
    try:
        with pytest.raises(Exception, match="invalid message"):
            await asyncio.wait_for(
                client.protocol.send_request_async(types.TEXT_DOCUMENT_HOVER, {"textDocument": 5}), 30
            )
    finally:
        untyped.undo()
    # still answering
    hover = await _hover(client, uri, 6, 1)
    assert hover is not None
    assert "heat" in hover


@pytest_lsp.fixture(
    config=ClientServerConfig(
        server_command=[
            sys.executable,
            "-c",
            "import articlekit.lsp.features as f\n"
            "def boom(*args):\n    raise RuntimeError('hover exploded')\n"
            "f.hover = boom\n"
            "from articlekit.cli import main\nimport sys\nsys.argv = ['articlekit', 'lsp']\nmain()\n",
        ]
    )
)
async def crashing_client(lsp_client: LanguageClient, tmp_path: Path):  # type: ignore[no-untyped-def]
    await _start(lsp_client, tmp_path)
    yield
    await lsp_client.shutdown_session()


async def test_a_crash_in_one_request_is_logged_and_answered(
    crashing_client: LanguageClient, tmp_path: Path
) -> None:
    client = crashing_client
    uri = uri_of(tmp_path / "a.md")
    await open_document(client, uri, BROKEN)
    with pytest.raises(Exception, match="hover exploded"):
        await _hover(client, uri, 6, 1)
    assert any("hover exploded" in m.message for m in client.log_messages)
    # the next requests are served
    assert await _complete(client, uri, 5, 7) is not None
    assert codes(await change_document(client, uri, BROKEN.replace("quality: -3", "quality: 3"), 2)) == [
        "AK302",
        "AK401",
        "AK853",
    ]


# -- position encodings and the default debounce ------------------------------------------------------


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER))
async def utf8_client(lsp_client: LanguageClient, tmp_path: Path):  # type: ignore[no-untyped-def]
    capabilities = pytest_lsp.client_capabilities("visual-studio-code")
    capabilities.general = types.GeneralClientCapabilities(position_encodings=["utf-8", "utf-16"])
    _accept_registrations(lsp_client)
    result = await lsp_client.initialize_session(
        types.InitializeParams(capabilities=capabilities, root_uri=uri_of(tmp_path))
    )
    assert result.capabilities.position_encoding == "utf-8"
    yield
    await lsp_client.shutdown_session()


async def test_utf8_positions_when_the_client_prefers_them(
    utf8_client: LanguageClient, tmp_path: Path
) -> None:
    uri = uri_of(tmp_path / "a.md")
    found = await open_document(utf8_client, uri, BROKEN)  # default debounce (150 ms) on open: at once
    topics = BROKEN.splitlines()[8]
    start = topics.rindex('"😀 AI"')
    expected = (8, len(topics[:start].encode()), 8, len(topics[: start + 6].encode()))
    assert span(next(d for d in found if d.code == "AK853")) == expected == (8, 30, 8, 39)
    fixed = BROKEN.replace("quality: -3", "quality: 3")
    assert "AK303" not in codes(await change_document(utf8_client, uri, fixed, 2))  # after the debounce
