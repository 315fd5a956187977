"""Issue 22 start-up of the language server: the first diagnostics are not kept waiting.

A document opened is checked at once, whatever the debounce of changes; and
the modules only hover, completion, formatting and code actions need are not
imported before the first diagnostics.
"""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient

from lsp_helpers import BROKEN, SERVER, TIMEOUT


async def _open_with_a_long_debounce(root: Path) -> tuple[list[str], bool]:
    """Open a broken document on a server debouncing changes by ten minutes.

    Returns the codes published for the open, and whether anything was
    published within a second of a change (the debounce says nothing should be).
    """
    client = LanguageClient("articlekit-test", "1")
    published: asyncio.Queue[types.PublishDiagnosticsParams] = asyncio.Queue()

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def on_publish(params: types.PublishDiagnosticsParams) -> None:
        published.put_nowait(params)

    @client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def on_register(params: types.RegistrationParams) -> None:
        return None

    path = root / "post.md"
    path.write_text(BROKEN, encoding="utf-8")
    uri = path.resolve().as_uri()
    await client.start_io(*SERVER)
    try:
        await client.initialize_async(
            types.InitializeParams(
                capabilities=types.ClientCapabilities(),
                root_uri=root.resolve().as_uri(),
                initialization_options={"debounceMs": 600_000},
            )
        )
        client.initialized(types.InitializedParams())
        client.text_document_did_open(
            types.DidOpenTextDocumentParams(
                types.TextDocumentItem(uri=uri, language_id="markdown", version=1, text=BROKEN)
            )
        )
        first = await asyncio.wait_for(published.get(), TIMEOUT)
        codes = sorted(str(d.code) for d in first.diagnostics)
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                types.VersionedTextDocumentIdentifier(version=2, uri=uri),
                [types.TextDocumentContentChangeWholeDocument(text=BROKEN.replace("heat:", "heat2:"))],
            )
        )
        try:
            await asyncio.wait_for(published.get(), 1.0)
            changed_published = True
        except asyncio.TimeoutError:
            changed_published = False
        await client.shutdown_async(None)
        client.exit(None)
    finally:
        await client.stop()
    return codes, changed_published


def test_an_opened_document_is_checked_at_once_whatever_the_debounce(tmp_path: Path) -> None:
    codes, changed_published = asyncio.run(_open_with_a_long_debounce(tmp_path))
    assert {"AK302", "AK303", "AK401", "AK853"} <= set(codes)
    assert not changed_published  # changes do wait for the (ten-minute) debounce


_PROBE = """\
import json, sys
from pathlib import Path
from articlekit.cli.common import load_library
load_library()
from articlekit.lsp import features, server  # what 'articlekit lsp' imports before serving
from articlekit.lsp.analysis import analyze, config_for
path = sys.argv[1]
config, _ = config_for(path, None)
found = analyze(Path(path).read_text(encoding="utf-8"), path, config=config)
diagnostics = features.diagnostics(found, "utf-16")
print(json.dumps({
    "codes": sorted(str(d.code) for d in diagnostics),
    "hrefs": [d.code_description.href for d in diagnostics if d.code_description],
    "modules": sorted(sys.modules),
}))
"""


def test_the_first_diagnostics_import_no_hover_completion_or_fix_machinery(tmp_path: Path) -> None:
    path = tmp_path / "post.md"
    path.write_text(BROKEN, encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-c", _PROBE, str(path)], capture_output=True, text=True, check=True, cwd=tmp_path
    )
    result = json.loads(proc.stdout)
    assert {"AK302", "AK303", "AK401", "AK853"} <= set(result["codes"])
    assert any(href.endswith("#ak302-wrong-type") or "#ak302-" in href for href in result["hrefs"])
    loaded = set(result["modules"])
    for unwanted in (
        "articlekit.fixes",
        "articlekit.writer",
        "articlekit.docgen",
        "articlekit.schema",
        "articlekit.lsp.cursor",
        "articlekit.lsp.textdiff",
        "articlekit.lsp.suppress",
        "hypothesis",
    ):
        assert unwanted not in loaded, unwanted
