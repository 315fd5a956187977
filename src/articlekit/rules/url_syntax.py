"""`webUrl`, `originalUrl`, `ampWebUrl` and `cdnAmpWebUrl` must be absolute http(s) URLs with a host.

The rule of AK701 `bad-url`; the codes' documentation, with a passing and a failing
example, is in the catalogue (`articlekit/codes/AK7xx.md`).
"""

from __future__ import annotations

from ..issues import CODES, Issue
from . import Context, rule
from ._common import URL_KEYS, key_name, shorten, url_problem

__all__ = ["BAD_URL", "RULE"]

BAD_URL = CODES["AK701"]


def _check(ctx: Context) -> list[Issue]:
    found: list[Issue] = []
    for path, value in ctx.index.urls:
        if not isinstance(value, str):
            continue
        problem = url_problem(value)
        if problem is not None:
            found.append(
                ctx.issue(
                    BAD_URL,
                    f"{key_name(path)} must be an absolute http(s) URL with a host, not "
                    f"{shorten(value)!r}: {problem}",
                    path,
                )
            )
    return found


RULE = rule(BAD_URL, keys=frozenset(URL_KEYS), name="url-syntax")(_check)
