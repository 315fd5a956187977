"""`provider.domain` must be a valid host name.

The rule of AK705 `bad-domain`; the codes' documentation, with a passing and a failing
example, is in the catalogue (`articlekit/codes/AK7xx.md`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..issues import CODES, Issue, KeyPath, format_path
from . import Context, rule
from ._common import _HOST_PROBLEM_CACHE, UNSEEN, first_host_problem, host_problem, shorten

__all__ = ["BAD_DOMAIN", "RULE"]

BAD_DOMAIN = CODES["AK705"]

_OWNERS = frozenset({"provider", "affiliation"})


def _check(ctx: Context) -> Sequence[Issue]:
    index = ctx.prebuilt_index
    owners = (index if index is not None else ctx.index).owners  # every provider and affiliation value
    problems = _HOST_PROBLEM_CACHE
    for _, value in owners:
        if not isinstance(value, dict):
            continue
        domain = value.get("domain")
        if not isinstance(domain, str):
            continue
        problem = problems.get(domain, UNSEEN)  # host_problem(domain), without the call when it is known
        if problem is UNSEEN:
            problem = first_host_problem(domain)
        if problem is not None:
            return _issues(ctx, owners)
    return ()


def _issues(ctx: Context, owners: list[tuple[KeyPath, Any]]) -> list[Issue]:
    """The rule's issues, owner by owner."""
    found: list[Issue] = []
    for path, value in owners:
        if not isinstance(value, dict):
            continue
        domain = value.get("domain")
        if not isinstance(domain, str):
            continue
        problem = host_problem(domain)
        if problem is not None:
            found.append(
                ctx.issue(
                    BAD_DOMAIN,
                    f"'domain' in {format_path(path)} must be a host name like 'example.com', "
                    f"not {shorten(domain)!r}: {problem}",
                    path + ("domain",),
                )
            )
    return found


RULE = rule(BAD_DOMAIN, keys=_OWNERS, name="provider-domain")(_check)
