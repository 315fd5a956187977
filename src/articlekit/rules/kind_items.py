"""`items` of a collection are site paths `<section>/<slug>`, like `videos/<slug>`, each listed once.

The rule of AK904 `bad-collection-item` and AK905 `duplicate-collection-item`; the codes'
documentation, with passing and failing examples, is in the catalogue
(`articlekit/codes/AK9xx.md`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from ..issues import CODES, Issue
from ..models import Collection
from . import Context, rule
from ._common import shorten

__all__ = ["BAD_ITEM", "DUPLICATE_ITEM", "RULE", "SITE_PATH"]

BAD_ITEM = CODES["AK904"]
DUPLICATE_ITEM = CODES["AK905"]

SITE_PATH = r"^[a-z0-9][a-z0-9-]*/[A-Za-z0-9][A-Za-z0-9._-]*$"
"""The regular expression an item matches: ``<section>/<slug>``."""

_SITE_PATH = re.compile(SITE_PATH)
_GOOD_ITEM = (
    r"[a-z0-9][a-z0-9-]*/[A-Za-z0-9][A-Za-z0-9._-]*"
    r"(?<!\.[mM][dD])(?<!\.[hH][tT][mM])(?<!\.[hH][tT][mM][lL])"  # no .md, .htm or .html, in any case
)
_GOOD_LINES = re.compile(rf"{_GOOD_ITEM}(?:\n{_GOOD_ITEM})*")  # (no going back into the last item)
"""Lines each of which is an item that `_problem` accepts: a site path without a file extension."""


def _problem(value: str) -> str | None:
    if _SITE_PATH.match(value):
        if value.lower().endswith((".md", ".html", ".htm")):
            return "drop the file extension"
        return None
    if not value:
        return "it is empty"
    if "://" in value:
        return "it is a URL; give the site path, e.g. 'videos/<slug>'"
    if value.startswith("/"):
        return "drop the leading '/'"
    if value.endswith("/"):
        return "drop the trailing '/'"
    if any(c.isspace() for c in value):
        return "it contains whitespace"
    if "/" not in value:
        return "it has no section; write e.g. 'videos/<slug>'"
    if value.count("/") > 1:
        return "it has more than one '/'"
    return "a section is lower-case letters, digits and '-', a slug letters, digits, '.', '_' and '-'"


def _check(ctx: Context) -> Sequence[Issue]:
    items = ctx.data.get("items")
    if not isinstance(items, list) or not items:
        return ()
    # the common case in one pass of the regular expression engine: every item text, none
    # with a line break (one line each), every line a good item, no item twice
    try:
        lines = "\n".join(items)
    except TypeError:  # an item that is not text
        return _issues(ctx, items)
    if (
        lines.count("\n") == len(items) - 1
        and _GOOD_LINES.fullmatch(lines) is not None
        and len(set(items)) == len(items)
    ):
        return ()
    return _issues(ctx, items)


def _issues(ctx: Context, items: list[Any]) -> list[Issue]:
    """The rule's issues, item by item."""
    found: list[Issue] = []
    seen: dict[str, int] = {}
    for i, value in enumerate(items):
        if not isinstance(value, str):
            continue
        problem = _problem(value)
        if problem is not None:
            found.append(
                ctx.issue(
                    BAD_ITEM,
                    f"items[{i}] must be a site path like 'videos/<slug>', not {shorten(value)!r}: {problem}",
                    ("items", i),
                )
            )
        if value in seen:
            found.append(
                ctx.issue(
                    DUPLICATE_ITEM,
                    f"items[{i}] {shorten(value)!r} is already listed as items[{seen[value]}]",
                    ("items", i),
                )
            )
        else:
            seen[value] = i
    return found


RULE = rule(
    BAD_ITEM,
    DUPLICATE_ITEM,
    kinds=(Collection,),
    keys=frozenset({"items"}),
    name="kind-items",
)(_check)
