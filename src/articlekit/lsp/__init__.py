"""`articlekit lsp`: a language server for the front matter of Markdown files.

Diagnostics while typing (with the issue's code, a link to its documentation
and the range of the offending value), quick fixes and suppressions as code
actions, ``source.fixAll.articlekit``, formatting as minimal edits, hover
documentation of keys and codes, and completion of keys and known values.
See ``docs/editors.md`` for setting up an editor.

The server needs the ``lsp`` extra (``pip install 'articlekit[lsp]'``: pygls
and lsprotocol).  Only `articlekit.lsp.server` and `articlekit.lsp.features`
import them; the other modules (positions, ranges, the cursor, suppressions,
the reference) are plain Python.
"""

from __future__ import annotations

__all__ = ["EXTRA", "REQUIREMENTS"]

EXTRA = "lsp"
"""The extra that installs what the server needs: ``pip install 'articlekit[lsp]'``."""

REQUIREMENTS = ("pygls", "lsprotocol")
"""The modules the server imports (the ``lsp`` extra installs them)."""
