"""``python -m benchmarks.lsp``: the language server's latency, measured from a real client over stdio.

Rows (see README.md):

- **start-up**: from starting ``articlekit lsp`` to the first diagnostics of a
  document opened right after ``initialize`` (the interpreter, pygls and
  lsprotocol, the library, one check).
- **didChange → publishDiagnostics, after the debounce**: the server runs with
  ``debounceMs: 0``, so the time from sending a change of the typical article
  (``tests/data/finland-prisons-ai.md``, one value changed each time) to
  receiving its diagnostics is the server's own work plus the round trip.
- **with the default 150 ms debounce**: the same with the debounce the server
  uses by default, less 150 ms.

Medians and 90th percentiles over ``--changes`` changes (after ``--warmup``).

- **the floor of start-up** (``--floor``): fresh interpreters, interleaved, medians:
  ``python -c pass``; importing pygls and lsprotocol and making pygls' converter
  (what any pygls server pays before it can read a message); the same plus
  articlekit's library and its server module, imported as ``articlekit lsp``
  imports them (the garbage collector paused); then, through the same client,
  the first diagnostics of a minimal pygls server (an empty list for the
  opened document: the floor of the start-up row) and of ``articlekit lsp``.
  The difference of the last two is articlekit's share of the start-up.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

__all__ = ["main", "measure"]

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "tests" / "data" / "finland-prisons-ai.md"


async def _session(
    debounce_ms: float | None,
    changes: int,
    warmup: int,
    env: dict[str, str] | None = None,
    server: tuple[str, ...] = ("-m", "articlekit", "lsp"),
) -> dict[str, Any]:
    from lsprotocol import types
    from pygls.lsp.client import LanguageClient

    client = LanguageClient("articlekit-bench", "1")
    arrivals: dict[int, float] = {}
    first = asyncio.get_running_loop().create_future()

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def published(params: types.PublishDiagnosticsParams) -> None:
        now = time.perf_counter()
        if params.version is not None:
            arrivals.setdefault(params.version, now)
        if not first.done():
            first.set_result(now)

    @client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register(params: types.RegistrationParams) -> None:
        return None

    text = SAMPLE.read_text(encoding="utf-8")
    uri = SAMPLE.resolve().as_uri()
    started = time.perf_counter()
    await client.start_io(sys.executable, *server, env=env)
    options = {} if debounce_ms is None else {"debounceMs": debounce_ms}
    await client.initialize_async(
        types.InitializeParams(
            capabilities=types.ClientCapabilities(),
            root_uri=SAMPLE.parent.resolve().as_uri(),
            initialization_options=options,
        )
    )
    client.initialized(types.InitializedParams())
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            types.TextDocumentItem(uri=uri, language_id="markdown", version=1, text=text)
        )
    )
    startup = await asyncio.wait_for(first, 60) - started
    latencies: list[float] = []
    for n in range(warmup + changes):
        version = n + 2
        changed = text.replace("heat: 76", f"heat: {n % 97}")
        if n % 3 == 2:
            changed = changed.replace("quality: 66", "quality: -1")  # an error now and then
        sent = time.perf_counter()
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                types.VersionedTextDocumentIdentifier(version=version, uri=uri),
                [types.TextDocumentContentChangeWholeDocument(text=changed)],
            )
        )
        while version not in arrivals:
            await asyncio.sleep(0.0005)
        if n >= warmup:
            latencies.append(arrivals[version] - sent)
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()
    return {"startup": startup, "latencies": latencies}


def _summary(values: list[float]) -> dict[str, float]:
    ordered = sorted(values)
    p90 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.9))]
    return {"median_ms": statistics.median(ordered) * 1000, "p90_ms": p90 * 1000}


def measure(changes: int = 50, warmup: int = 5) -> dict[str, Any]:
    """Every figure of the module's docstring, in milliseconds.

    The server keeps its compiled bytecode (in a folder of its own, warmed up
    first), as an installed copy does: ``PYTHONDONTWRITEBYTECODE`` would make
    every start compile articlekit's modules again.
    """
    with tempfile.TemporaryDirectory() as cache:
        env = _server_env(cache)
        subprocess.run([sys.executable, "-c", _ARTICLEKIT], check=True, env=env)  # compile once
        fast = asyncio.run(_session(0, changes, warmup, env))
        debounced = asyncio.run(_session(None, max(changes // 5, 5), 1, env))
    with_debounce = [v - 0.15 for v in debounced["latencies"]]
    return {
        "startup_ms": [fast["startup"] * 1000, debounced["startup"] * 1000],
        "change_to_diagnostics": _summary(fast["latencies"]),
        "change_to_diagnostics_after_150ms_debounce": _summary(with_debounce),
        "changes": changes,
    }


_PYGLS = (
    "import lsprotocol.types, pygls.lsp.server; "
    "from pygls.protocol import default_converter; default_converter()"
)
_ARTICLEKIT = """\
from articlekit.cli.common import collector_paused, load_library
with collector_paused():
    import lsprotocol.types, pygls.lsp.server
    from pygls.protocol import default_converter
    default_converter()
    load_library()
    import articlekit.lsp.server as s
s.build_server()
"""
_MINIMAL_SERVER = """\
from lsprotocol import types
from pygls.lsp.server import LanguageServer

server = LanguageServer("floor", "1")


@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
def did_open(ls, params):
    document = params.text_document
    ls.text_document_publish_diagnostics(
        types.PublishDiagnosticsParams(uri=document.uri, diagnostics=[], version=document.version)
    )


server.start_io()
"""


def _server_env(cache: str) -> dict[str, str]:
    """The environment of a server (or import) run: compiled bytecode kept in ``cache``."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = cache
    return env


def floor(rounds: int = 5) -> dict[str, float]:
    """Milliseconds (medians of interleaved fresh interpreters) of what start-up cannot avoid."""
    with tempfile.TemporaryDirectory() as cache:
        return _floor(rounds, _server_env(cache))


def _floor(rounds: int, env: dict[str, str]) -> dict[str, float]:
    rows = {
        "python -c pass": "pass",
        "pygls + lsprotocol imported, converter made": _PYGLS,
        "... + articlekit's library and server": _ARTICLEKIT,
    }
    servers = {
        "first diagnostics: a minimal pygls server": ("-c", _MINIMAL_SERVER),
        "first diagnostics: articlekit lsp": ("-m", "articlekit", "lsp"),
    }
    times: dict[str, list[float]] = {name: [] for name in [*rows, *servers]}
    for n in range(rounds + 1):
        for name, code in rows.items():
            started = time.perf_counter()
            subprocess.run([sys.executable, "-c", code], check=True, env=env)
            if n:  # the first round only warms the caches
                times[name].append((time.perf_counter() - started) * 1000)
        for name, server in servers.items():
            startup = asyncio.run(_session(0, 0, 0, env, server))["startup"]
            if n:
                times[name].append(startup * 1000)
    found = {name: statistics.median(ts) for name, ts in times.items()}
    found["articlekit's share (the difference of the two)"] = (
        found["first diagnostics: articlekit lsp"] - found["first diagnostics: a minimal pygls server"]
    )
    return found


def main(argv: list[str] | None = None) -> int:
    """Print the figures (``--json``: as JSON)."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.lsp", description=__doc__.splitlines()[0])
    parser.add_argument("--changes", type=int, default=50, help="changes timed (default 50)")
    parser.add_argument("--warmup", type=int, default=5, help="changes before timing (default 5)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--floor", action="store_true", help="also time the imports start-up cannot avoid")
    args = parser.parse_args(argv)
    figures = measure(args.changes, args.warmup)
    if args.floor:
        figures["floor_ms"] = floor()
    if args.json:
        print(json.dumps(figures, indent=2))
        return 0
    fast = figures["change_to_diagnostics"]
    slow = figures["change_to_diagnostics_after_150ms_debounce"]
    print(f"articlekit lsp, typical article ({SAMPLE.name}), {args.changes} changes")
    print(f"{'row':<60} {'median':>9} {'p90':>9}")
    print(
        f"{'start-up to first diagnostics (2 runs)':<60} "
        + " ".join(f"{v:>7.0f}ms" for v in figures["startup_ms"])
    )
    print(
        f"{'didChange -> publishDiagnostics (debounce 0)':<60} "
        f"{fast['median_ms']:>7.1f}ms {fast['p90_ms']:>7.1f}ms"
    )
    print(
        f"{'didChange -> publishDiagnostics, 150 ms debounce, less 150':<60} "
        f"{slow['median_ms']:>7.1f}ms {slow['p90_ms']:>7.1f}ms"
    )
    for name, ms in figures.get("floor_ms", {}).items():
        print(f"{'start-up floor: ' + name:<60} {ms:>7.0f}ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
