"""`--format sarif`: SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.

One run: `tool.driver` names articlekit, its version and docs, and has one
rule per code that occurs (name, summary, documentation, default level, a link
to the code's section of the rules reference).  Each issue is a result with
its rule, level, message and location: the file as a URI relative to the
current folder (base `%SRCROOT%`, given in `originalUriBaseIds`), the line and
column (columns count Unicode characters: `columnKind` `unicodeCodePoints`),
and the key path as a logical location.  `partialFingerprints` holds
`articlekit/v1`, which stays the same when lines are inserted above the issue
(see `articlekit.cli.baseline`).  Issues silenced by a suppression comment
are results too, with a `suppressions` entry of kind `inSource`, so viewers
show them as suppressed.  Paths that could not be read are tool execution
notifications of the invocation, which is then not successful.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any
from urllib.parse import quote

from ...issues import CODES, Issue, format_path
from ..baseline import fingerprints, relative_path
from ..common import STDIN_NAME
from .base import Report, Reporter

__all__ = ["DOCS_URL", "FINGERPRINT", "SCHEMA", "SarifReporter", "rule_url"]

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
"""The `$schema` of the SARIF files written."""
DOCS_URL = "https://articlekit.readthedocs.io/en/latest/"
"""The documentation site (`tool.driver.informationUri`)."""
FINGERPRINT = "articlekit/v1"
"""The name of articlekit's entry in each result's `partialFingerprints`."""
_SRCROOT = "%SRCROOT%"


def rule_url(code: str) -> str:
    """The address of `code`'s section of the rules reference, e.g.
    `https://articlekit.readthedocs.io/en/latest/rules/#ak305-unknown-key`."""
    info = CODES.get(code)
    anchor = f"#{code.lower()}-{info.name}" if info is not None else ""
    return f"{DOCS_URL}rules/{anchor}"


def _rule(code: str) -> dict[str, Any]:
    info = CODES.get(code)
    if info is None:  # not registered: say what can be said
        return {"id": code, "helpUri": rule_url(code)}
    url = rule_url(code)
    full: dict[str, str] = {"text": info.summary}
    if info.doc:
        full = {"text": f"{info.summary}\n\n{info.doc}", "markdown": f"{info.summary}\n\n{info.doc}"}
    return {
        "id": code,
        "name": info.name,
        "shortDescription": {"text": info.summary},
        "fullDescription": full,
        "defaultConfiguration": {"level": info.severity},
        "help": {
            "text": f"{info.summary} See {url}",
            "markdown": f"{full.get('markdown', info.summary)}\n\n[{code} {info.name}]({url})",
        },
        "helpUri": url,
    }


def _artifact(path: str, root: str) -> dict[str, Any]:
    """The `artifactLocation` of `path`: relative to `%SRCROOT%` when inside the current folder."""
    rel = relative_path(path, root)
    if path == STDIN_NAME:
        return {"uri": quote(path)}
    if rel == ".." or rel.startswith("../") or os.path.isabs(rel):
        return {"uri": Path(path).resolve().as_uri()}
    return {"uri": quote(rel), "uriBaseId": _SRCROOT}


def _location(path: str, issue: Issue, root: str) -> dict[str, Any]:
    location: dict[str, Any] = {
        "physicalLocation": {
            "artifactLocation": _artifact(path, root),
            "region": {"startLine": max(1, issue.line), "startColumn": max(1, issue.column)},
        }
    }
    if issue.path:
        location["logicalLocations"] = [{"fullyQualifiedName": format_path(issue.path), "kind": "member"}]
    return location


class SarifReporter(Reporter):
    """One SARIF 2.1.0 log (JSON) with one run: rules for the codes that occur, a result per issue."""

    help = "SARIF 2.1.0 (GitHub code scanning)"
    needs_lines = True

    def render(self, report: Report) -> str:
        from ... import __version__

        root = os.getcwd()
        codes = sorted({issue.code for _, issue in [*report.issues, *report.suppressed]})
        index = {code: number for number, code in enumerate(codes)}
        rows = [*report.issues, *report.suppressed]
        prints = fingerprints(rows, report.lines, root)
        results: list[dict[str, Any]] = []
        for number, (path, issue) in enumerate(rows):
            result: dict[str, Any] = {
                "ruleId": issue.code,
                "ruleIndex": index[issue.code],
                "level": "error" if issue.is_error else "warning",
                "message": {"text": issue.message},
                "locations": [_location(path, issue, root)],
                "partialFingerprints": {FINGERPRINT: prints[number]},
            }
            if number >= len(report.issues):
                result["suppressions"] = [{"kind": "inSource"}]
            results.append(result)
        notifications = [
            {
                "level": "error",
                "message": {"text": f"cannot read {path}: {reason}"},
                "locations": [{"physicalLocation": {"artifactLocation": _artifact(path, root)}}],
            }
            for path, reason in report.unreadable
        ]
        invocation: dict[str, Any] = {"executionSuccessful": not report.unreadable}
        if notifications:
            invocation["toolExecutionNotifications"] = notifications
        log = {
            "$schema": SCHEMA,
            "version": "2.1.0",
            "runs": [
                {
                    "tool": {
                        "driver": {
                            "name": "articlekit",
                            "version": __version__,
                            "semanticVersion": __version__,
                            "informationUri": DOCS_URL,
                            "rules": [_rule(code) for code in codes],
                        }
                    },
                    "invocations": [invocation],
                    "originalUriBaseIds": {_SRCROOT: {"uri": Path(root).as_uri().rstrip("/") + "/"}},
                    "columnKind": "unicodeCodePoints",
                    "results": results,
                }
            ],
        }
        return json.dumps(log, indent=2, ensure_ascii=False) + "\n"
