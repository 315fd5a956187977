"""`webUrl`, `originalUrl`, `ampWebUrl` and `cdnAmpWebUrl` must be absolute http(s) URLs with a host.

The rule of AK701 `bad-url`; the codes' documentation, with a passing and a failing
example, is in the catalogue (`articlekit/codes/AK7xx.md`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..issues import CODES, Issue, KeyPath
from . import Context, rule
from ._common import _URL_PROBLEM_CACHE, UNSEEN, URL_KEYS, first_url_problem, key_name, shorten, url_problem

__all__ = ["BAD_URL", "RULE"]

BAD_URL = CODES["AK701"]


def _check(ctx: Context) -> Sequence[Issue]:
    index = ctx.prebuilt_index
    urls = (index if index is not None else ctx.index).urls  # every value of a key in URL_KEYS
    problems = _URL_PROBLEM_CACHE
    for _, value in urls:
        if not isinstance(value, str):
            continue
        problem = problems.get(value, UNSEEN)  # url_problem(value), without the call when it is known
        if problem is UNSEEN:
            problem = first_url_problem(value)
        if problem is not None:
            return _issues(ctx, urls)
    return ()


def _issues(ctx: Context, urls: list[tuple[KeyPath, Any]]) -> list[Issue]:
    """The rule's issues, URL by URL."""
    found: list[Issue] = []
    for path, value in urls:
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
