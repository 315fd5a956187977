"""A download's `actions[].url` and a profile's `website` are absolute http(s) URLs with a host.

The rule of AK909 `bad-action-url`; the codes' documentation, with a passing and a failing
example, is in the catalogue (`articlekit/codes/AK9xx.md`).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ..issues import CODES, Issue, KeyPath
from ..models import Download, Profile
from . import Context, rule
from ._common import shorten, url_problem

__all__ = ["BAD_KIND_URL", "RULE"]

BAD_KIND_URL = CODES["AK909"]


def _targets(data: dict[str, object]) -> Iterator[tuple[KeyPath, str, object]]:
    actions = data.get("actions")
    if isinstance(actions, list):
        for i, action in enumerate(actions):
            if isinstance(action, dict):
                yield ("actions", i, "url"), f"actions[{i}].url", action.get("url")
    yield ("website",), "'website'", data.get("website")


def _check(ctx: Context) -> Sequence[Issue]:
    data = ctx.data
    actions = data.get("actions")
    if isinstance(actions, list):
        for action in actions:
            if isinstance(action, dict):
                url = action.get("url")
                if isinstance(url, str) and url_problem(url) is not None:
                    return _issues(ctx)
    website = data.get("website")
    if isinstance(website, str) and url_problem(website) is not None:
        return _issues(ctx)
    return ()


def _issues(ctx: Context) -> list[Issue]:
    """The rule's issues, target by target."""
    found: list[Issue] = []
    for path, name, value in _targets(ctx.data):
        if not isinstance(value, str):
            continue
        problem = url_problem(value)
        if problem is not None:
            found.append(
                ctx.issue(
                    BAD_KIND_URL,
                    f"{name} must be an absolute http(s) URL with a host, not {shorten(value)!r}: {problem}",
                    path,
                )
            )
    return found


RULE = rule(
    BAD_KIND_URL,
    kinds=(Download, Profile),
    keys=frozenset({"actions", "website"}),
    name="kind-urls",
)(_check)
