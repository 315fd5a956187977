"""The language server: pygls wiring, debouncing, configuration changes and error handling.

`build_server` makes the server; ``articlekit lsp`` runs it on stdio
(`serve`).  Diagnostics are published on open and save at once, and after a
change once the document has been quiet for `DEBOUNCE_SECONDS` (the
client's ``initializationOptions`` may set ``debounceMs``).  A change to a
configuration file (``workspace/didChangeWatchedFiles``, or a saved
``articlekit.toml``, ``.articlekit.toml`` or ``pyproject.toml``) forgets the
configurations found so far and checks every open document again.

A request that fails is answered with an error and logged (on stderr and as
a ``window/logMessage``); a message the server cannot read is logged, and a
request among them is answered with "invalid params"; the server goes on.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import traceback
from collections.abc import Callable
from typing import Any, TypeVar

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol
from pygls.uris import to_fs_path

from .. import __version__
from ..config import CONFIG_FILES, clear_discovery_cache
from . import features
from .analysis import Analysis, analyze, config_for, wants

__all__ = ["DEBOUNCE_SECONDS", "ArticlekitServer", "build_server", "serve"]

DEBOUNCE_SECONDS = 0.15
"""How long a document must stay unchanged before it is checked again."""

_log = logging.getLogger("articlekit.lsp")
_F = TypeVar("_F", bound=Callable[..., Any])


class _Unreadable:
    """A message pygls could not read (already answered when it was a request)."""

    jsonrpc = "2.0"


class _Protocol(LanguageServerProtocol):
    """pygls' protocol, answering a request it cannot read instead of leaving it unanswered."""

    def structure_message(self, data: dict[str, Any]) -> Any:
        try:
            return super().structure_message(data)
        except Exception as exc:
            if "id" in data and "method" in data:
                self._send_response(data["id"], None, _error(types.ErrorCodes.InvalidParams, exc))
            return _Unreadable()

    def handle_message(self, message: Any) -> None:
        if isinstance(message, _Unreadable):
            return
        super().handle_message(message)


def _error(code: int, exc: BaseException) -> Any:
    from pygls.exceptions import JsonRpcException

    cause = exc.__cause__ or exc
    return JsonRpcException(code=code, message=f"invalid message: {cause}").to_response_error()


class ArticlekitServer(LanguageServer):
    """The articlekit language server: open documents, their analyses and pending checks."""

    def __init__(self) -> None:
        """A server with no document open yet."""
        super().__init__(
            "articlekit",
            __version__,
            text_document_sync_kind=types.TextDocumentSyncKind.Full,
            protocol_cls=_Protocol,
        )
        self.debounce = DEBOUNCE_SECONDS
        self.open: dict[str, str | None] = {}  # uri -> language id
        self.cache: dict[str, tuple[int | None, Analysis]] = {}
        self.timers: dict[str, asyncio.TimerHandle] = {}
        self.root: str | None = None

    # -- documents

    @property
    def encoding(self) -> str:
        """The negotiated position encoding (``utf-16`` unless the client offered another)."""
        value = self.workspace.position_encoding or "utf-16"
        return str(getattr(value, "value", value))

    def analysis(self, uri: str) -> Analysis | None:
        """The analysis of the open document's current version (``None``: not open, or not checked)."""
        if uri not in self.open:
            return None
        document = self.workspace.get_text_document(uri)
        cached = self.cache.get(uri)
        if cached is not None and cached[0] == document.version and cached[1].text == document.source:
            return cached[1]
        path = to_fs_path(uri) if uri.startswith("file:") else None
        config, error = config_for(path, self.root)
        if not wants(path, config, self.open[uri]):
            return None
        found = analyze(document.source, path, config=config)
        if error:
            found.config_error = error
        self.cache[uri] = (document.version, found)
        return found

    def publish(self, uri: str) -> None:
        """Check the document now and publish its diagnostics (an empty list when clean or not checked)."""
        self.timers.pop(uri, None)
        version = None
        try:
            found = self.analysis(uri)
            result = features.diagnostics(found, self.encoding) if found is not None else []
            version = self.cache[uri][0] if found is not None else None
        except Exception as exc:  # a bug: say so in place of stale diagnostics
            self.log_exception("checking", uri, exc)
            result = [
                types.Diagnostic(
                    range=types.Range(types.Position(0, 0), types.Position(0, 0)),
                    message=f"articlekit failed to check this file ({type(exc).__name__}: {exc}); "
                    "see the language server's log",
                    severity=types.DiagnosticSeverity.Error,
                    source=features.SOURCE,
                )
            ]
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=result, version=version)
        )

    def schedule(self, uri: str) -> None:
        """Check the document once it has not changed for `debounce` seconds."""
        old = self.timers.pop(uri, None)
        if old is not None:
            old.cancel()
        loop = asyncio.get_running_loop()
        self.timers[uri] = loop.call_later(self.debounce, self.publish, uri)

    def recheck_all(self) -> None:
        """Forget the configurations and the analyses; check every open document again."""
        clear_discovery_cache()
        self.cache.clear()
        for uri in list(self.open):
            self.publish(uri)

    def close(self, uri: str) -> None:
        """Forget a closed document and clear its diagnostics."""
        timer = self.timers.pop(uri, None)
        if timer is not None:
            timer.cancel()
        self.open.pop(uri, None)
        self.cache.pop(uri, None)
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    # -- errors

    def log_exception(self, what: str, uri: str | None, exc: BaseException) -> None:
        """Log a failure on stderr and to the client's log."""
        trace = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
        _log.error("articlekit: error while %s %s:\n%s", what, uri or "", trace)
        with contextlib.suppress(Exception):  # the connection may be gone
            self.window_log_message(
                types.LogMessageParams(
                    type=types.MessageType.Error,
                    message=f"articlekit: error while {what} {uri or ''}: {trace}",
                )
            )


def _is_config(uri: str) -> bool:
    return os.path.basename(uri.split("?", 1)[0]) in CONFIG_FILES


def _guarded(server: ArticlekitServer, what: str, fn: _F) -> _F:
    """``fn`` with its failures logged (and re-raised, so that a request is answered with an error)."""

    def wrapper(params: Any) -> Any:
        try:
            return fn(params)
        except Exception as exc:
            uri = getattr(getattr(params, "text_document", None), "uri", None)
            server.log_exception(what, uri, exc)
            raise

    wrapper.__name__ = getattr(fn, "__name__", what)
    wrapper.__doc__ = fn.__doc__
    return wrapper  # type: ignore[return-value]


def build_server() -> ArticlekitServer:
    """A new server with every feature registered."""
    server = ArticlekitServer()

    def feature(name: str, options: Any = None) -> Callable[[_F], _F]:
        def register(fn: _F) -> _F:
            server.feature(name, options)(_guarded(server, name, fn))
            return fn

        return register

    @feature(types.INITIALIZE)
    def initialize(params: types.InitializeParams) -> None:
        root = params.root_uri or (params.workspace_folders[0].uri if params.workspace_folders else None)
        server.root = to_fs_path(root) if root and root.startswith("file:") else params.root_path
        options = params.initialization_options
        if isinstance(options, dict) and isinstance(options.get("debounceMs"), int | float):
            server.debounce = max(0.0, float(options["debounceMs"]) / 1000)

    @feature(types.INITIALIZED)
    def initialized(params: types.InitializedParams) -> None:
        watch = server.client_capabilities.workspace
        dynamic = (
            watch and watch.did_change_watched_files and watch.did_change_watched_files.dynamic_registration
        )
        if not dynamic:
            return
        watchers = [types.FileSystemWatcher(glob_pattern=f"**/{name}") for name in CONFIG_FILES]
        server.client_register_capability(
            types.RegistrationParams(
                registrations=[
                    types.Registration(
                        id="articlekit-config-files",
                        method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                        register_options=types.DidChangeWatchedFilesRegistrationOptions(watchers=watchers),
                    )
                ]
            )
        )

    @feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(params: types.DidOpenTextDocumentParams) -> None:
        document = params.text_document
        server.open[document.uri] = document.language_id
        server.publish(document.uri)

    @feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(params: types.DidChangeTextDocumentParams) -> None:
        server.schedule(params.text_document.uri)

    @feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(params: types.DidSaveTextDocumentParams) -> None:
        uri = params.text_document.uri
        if _is_config(uri):
            server.recheck_all()
        elif uri in server.open:
            server.publish(uri)

    @feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(params: types.DidCloseTextDocumentParams) -> None:
        server.close(params.text_document.uri)

    @feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def did_change_watched_files(params: types.DidChangeWatchedFilesParams) -> None:
        if any(_is_config(change.uri) for change in params.changes):
            server.recheck_all()

    @feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(
            code_action_kinds=[
                types.CodeActionKind.QuickFix,
                types.CodeActionKind.SourceFixAll,
                features.FIX_ALL_KIND,
            ]
        ),
    )
    def code_action(params: types.CodeActionParams) -> list[types.CodeAction] | None:
        found = server.analysis(params.text_document.uri)
        if found is None:
            return None
        return features.code_actions(found, params.text_document.uri, server.encoding, params) or None

    @feature(types.TEXT_DOCUMENT_FORMATTING)
    def formatting(params: types.DocumentFormattingParams) -> list[types.TextEdit] | None:
        found = server.analysis(params.text_document.uri)
        return features.formatting(found, server.encoding) if found is not None else None

    @feature(types.TEXT_DOCUMENT_HOVER)
    def hover(params: types.HoverParams) -> types.Hover | None:
        found = server.analysis(params.text_document.uri)
        return features.hover(found, server.encoding, params.position) if found is not None else None

    @feature(types.TEXT_DOCUMENT_COMPLETION, types.CompletionOptions(trigger_characters=[" "]))
    def completion(params: types.CompletionParams) -> types.CompletionList | None:
        found = server.analysis(params.text_document.uri)
        return features.completion(found, server.encoding, params.position) if found is not None else None

    return server


def serve(debug_log: str | None = None) -> int:
    """Run a server on stdin and stdout until the client says ``exit`` or goes away.

    Returns the exit status the protocol asks for: 0 after ``shutdown`` then
    ``exit``, 1 when the connection ended without ``shutdown``.
    """
    handler: logging.Handler = logging.FileHandler(debug_log) if debug_log else logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
    logging.basicConfig(level=logging.DEBUG if debug_log else logging.WARNING, handlers=[handler])
    _log.info("articlekit %s language server starting", __version__)
    server = build_server()
    server.start_io()
    return 0 if server.protocol._shutdown else 1
