"""`topics` entries must be non-empty text.

The rule of AK852 `empty-topic`; the codes' documentation, with a passing and a failing
example, is in the catalogue (`articlekit/codes/AK8xx.md`).
"""

from __future__ import annotations

from collections.abc import Sequence

from ..issues import CODES, Issue, format_path
from . import Context, rule

__all__ = ["EMPTY_TOPIC", "RULE"]

EMPTY_TOPIC = CODES["AK852"]


def _check(ctx: Context) -> Sequence[Issue]:
    for _, item in ctx._items or ctx.items:
        topics = item.get("topics")
        if not isinstance(topics, list):
            continue
        for topic in topics:
            if isinstance(topic, str) and not topic.strip():
                return _issues(ctx)
    return ()


def _issues(ctx: Context) -> list[Issue]:
    """The rule's issues, topic by topic."""
    found: list[Issue] = []
    for path, item in ctx.items:
        topics = item.get("topics")
        if not isinstance(topics, list):
            continue
        for i, topic in enumerate(topics):
            if isinstance(topic, str) and not topic.strip():
                where = format_path(path + ("topics", i))
                found.append(
                    ctx.issue(
                        EMPTY_TOPIC,
                        f"{where} is empty: give the topic a name or remove the entry",
                        path + ("topics", i),
                    )
                )
    return found


RULE = rule(EMPTY_TOPIC, keys=frozenset({"topics"}), name="topics-empty")(_check)
