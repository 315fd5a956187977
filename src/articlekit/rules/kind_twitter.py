"""A profile's `twitter.url` is the address of `twitter.username`: `https://twitter.com/<username>`.

The rule of AK906 `twitter-mismatch`; the codes' documentation, with a passing and a failing
example, is in the catalogue (`articlekit/codes/AK9xx.md`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from urllib.parse import urlsplit

from ..issues import CODES, Issue
from ..models import Profile
from . import Context, rule
from ._common import shorten

__all__ = ["BAD_TWITTER", "RULE", "TWITTER_HOSTS"]

BAD_TWITTER = CODES["AK906"]

TWITTER_HOSTS = frozenset({"twitter.com", "www.twitter.com", "mobile.twitter.com", "x.com", "www.x.com"})
"""The hosts of a Twitter account's address."""

_HANDLE = re.compile(r"[A-Za-z0-9_]{1,15}")


def _url_handle(url: str) -> tuple[str | None, str | None]:
    """(handle in the URL, problem)."""
    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
    except ValueError:
        return None, "it cannot be read as a URL"
    if parts.scheme.lower() not in ("http", "https") or not host:
        return None, "it is not an http(s) URL"
    if host not in TWITTER_HOSTS:
        return None, f"its host is {host!r}, not twitter.com"
    segments = [s for s in parts.path.split("/") if s]
    if len(segments) != 1 or parts.query or parts.fragment:
        return None, "its path is not just the account's handle"
    return segments[0], None


def _check(ctx: Context) -> Sequence[Issue]:
    twitter = ctx.data.get("twitter")
    if not isinstance(twitter, dict):
        return ()
    found: list[Issue] = []
    username = twitter.get("username")
    url = twitter.get("url")
    if isinstance(username, str) and username and not _HANDLE.fullmatch(username):
        fix = " (drop the '@')" if username.startswith("@") else ""
        found.append(
            ctx.issue(
                BAD_TWITTER,
                f"twitter.username {shorten(username)!r} is not a Twitter handle: 1 to 15 letters, "
                f"digits or '_'{fix}",
                ("twitter", "username"),
            )
        )
    if not isinstance(url, str):
        return found
    handle, problem = _url_handle(url)
    if problem is not None:
        found.append(
            ctx.issue(
                BAD_TWITTER,
                f"twitter.url must be https://twitter.com/<username>, not {shorten(url)!r}: {problem}",
                ("twitter", "url"),
            )
        )
        return found
    if isinstance(username, str) and handle is not None:
        wanted = username.lstrip("@")
        if handle.lower() != wanted.lower():
            found.append(
                ctx.issue(
                    BAD_TWITTER,
                    f"twitter.url {shorten(url)!r} is the account {handle!r}, but twitter.username is "
                    f"{shorten(username)!r}: the URL should be https://twitter.com/{wanted}",
                    ("twitter", "url"),
                )
            )
    return found


RULE = rule(BAD_TWITTER, kinds=(Profile,), keys=frozenset({"twitter"}), name="kind-twitter")(_check)
