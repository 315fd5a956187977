"""A profile's `linkedin.url` is a LinkedIn address: http(s) on `linkedin.com`, with a path.

The rule of AK907 `bad-linkedin-url`; the codes' documentation, with a passing and a failing
example, is in the catalogue (`articlekit/codes/AK9xx.md`).
"""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import urlsplit

from ..issues import CODES, Issue
from ..models import Profile
from . import Context, rule
from ._common import shorten, url_problem

__all__ = ["BAD_LINKEDIN", "RULE"]

BAD_LINKEDIN = CODES["AK907"]


def _problem(url: str) -> str | None:
    problem = url_problem(url)
    if problem is not None:
        return problem
    parts = urlsplit(url)
    host = (parts.hostname or "").lower().rstrip(".")
    if host != "linkedin.com" and not host.endswith(".linkedin.com"):
        return f"its host is {host!r}, not linkedin.com"
    if not parts.path.strip("/"):
        return "it has no path naming the profile"
    return None


def _check(ctx: Context) -> Sequence[Issue]:
    linkedin = ctx.data.get("linkedin")
    if not isinstance(linkedin, dict):
        return ()
    url = linkedin.get("url")
    if not isinstance(url, str):
        return ()
    problem = _problem(url)
    if problem is None:
        return ()
    return [
        ctx.issue(
            BAD_LINKEDIN,
            f"linkedin.url must be a LinkedIn address like https://www.linkedin.com/in/<name>, "
            f"not {shorten(url)!r}: {problem}",
            ("linkedin", "url"),
        )
    ]


RULE = rule(BAD_LINKEDIN, kinds=(Profile,), keys=frozenset({"linkedin"}), name="kind-linkedin")(_check)
