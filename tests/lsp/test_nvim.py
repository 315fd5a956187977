"""A real editor: Neovim, headless, runs `articlekit lsp` through its built-in LSP client.

``tests/data/nvim/init.lua`` (the configuration docs/editors.md shows) starts the
server with ``vim.lsp.config`` on Neovim 0.11+, ``vim.lsp.start`` on 0.8–0.10 and
``vim.lsp.start_client`` on 0.7 (Debian 12's ``neovim`` package), opens a broken
file, waits for its diagnostics, formats a second file and writes what it saw to
a JSON file that this test reads back.  Skipped where ``nvim`` is not installed
(``apt-get install -y neovim``) or is older than 0.7.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("pygls", reason="the 'lsp' extra (pygls) is not installed")

import articlekit
from conftest import DATA
from lsp_helpers import BROKEN

INIT = DATA / "nvim" / "init.lua"


def _nvim() -> tuple[str, tuple[int, int]]:
    nvim = shutil.which("nvim")
    if nvim is None:
        pytest.skip("Neovim is not installed (Debian: apt-get install -y neovim)")
    done = subprocess.run([nvim, "--version"], capture_output=True, text=True, timeout=60, check=False)
    found = re.search(r"NVIM v(\d+)\.(\d+)", done.stdout)
    if found is None or (int(found.group(1)), int(found.group(2))) < (0, 7):
        pytest.skip(
            f"Neovim 0.7 or later is needed for vim.diagnostic and the LSP client: {done.stdout[:40]!r}"
        )
    return nvim, (int(found.group(1)), int(found.group(2)))


def test_neovim_shows_the_diagnostics_and_formats(tmp_path: Path) -> None:
    nvim, version = _nvim()
    broken = tmp_path / "broken.md"
    broken.write_text(BROKEN, encoding="utf-8")
    good = BROKEN.replace('heat: "76"', "heat: 76").replace("quality: -3", "quality: 3")
    good = articlekit.format(good.replace(', "😀 AI"]', "]").replace("width: 1201", "width: 1200"))
    messy = good.replace('title: "Prisons in Finland"', "title:    Prisons in Finland")
    to_format = tmp_path / "messy.md"
    to_format.write_text(messy, encoding="utf-8")
    out = tmp_path / "out.json"
    env = dict(
        os.environ,
        ARTICLEKIT_LSP_CMD=json.dumps([sys.executable, "-m", "articlekit", "lsp"]),
        ARTICLEKIT_FORMAT=str(to_format),
        ARTICLEKIT_OUT=str(out),
        XDG_STATE_HOME=str(tmp_path / "state"),  # Neovim's LSP log goes there
        XDG_CACHE_HOME=str(tmp_path / "cache"),
    )
    done = subprocess.run(
        [nvim, "--headless", "--clean", "-u", str(INIT), str(broken)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert out.is_file(), f"Neovim wrote nothing (status {done.returncode}): {done.stderr[-2000:]}"
    seen = json.loads(out.read_text(encoding="utf-8"))
    assert seen["waited"], seen
    api = (
        "vim.lsp.config"
        if version >= (0, 11)
        else "vim.lsp.start"
        if version >= (0, 8)
        else "vim.lsp.start_client"
    )
    assert seen["api"] == api
    found = sorted((d["code"], d["lnum"], d["col"], d["end_lnum"], d["end_col"]) for d in seen["diagnostics"])
    # Neovim's columns are byte offsets in the line (whatever position encoding was negotiated)
    lines = BROKEN.splitlines()
    topics = lines[8]
    start = topics.rindex('"😀 AI"')
    emoji_start, emoji_end = len(topics[:start].encode()), len(topics[: start + 6].encode())
    assert found == [
        ("AK302", 6, 6, 6, 10),
        ("AK303", 7, 9, 7, 11),
        ("AK401", 11, 11, 11, 15),
        ("AK853", 8, emoji_start, 8, emoji_end),
    ], seen
    assert (emoji_start, emoji_end) == (30, 39)
    # the formatting edits, applied by Neovim, give articlekit.format's text
    assert seen["edits"] == 1
    assert seen["formatted"] == good.splitlines()
