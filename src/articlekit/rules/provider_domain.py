"""`provider.domain` must be a valid host name.

The rule of AK705 `bad-domain`; the codes' documentation, with a passing and a failing
example, is in the catalogue (`articlekit/codes/AK7xx.md`).
"""

from __future__ import annotations

from ..issues import CODES, Issue, format_path
from . import Context, rule
from ._common import host_problem, shorten

__all__ = ["BAD_DOMAIN", "RULE"]

BAD_DOMAIN = CODES["AK705"]

_OWNERS = frozenset({"provider", "affiliation"})


def _check(ctx: Context) -> list[Issue]:
    found: list[Issue] = []
    for path, value in ctx.index.owners:  # the values of every provider and affiliation key
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
