"""A topic listed twice in `topics` (a warning).

The rule of AK853 `duplicate-topic`; the codes' documentation, with a passing and a failing
example, is in the catalogue (`articlekit/codes/AK8xx.md`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..issues import CODES, Issue, format_path
from . import Context, rule

if TYPE_CHECKING:
    from ..fixes import Fix, FixContext

__all__ = ["DUPLICATE_TOPIC", "RULE"]

DUPLICATE_TOPIC = CODES["AK853"]


def _check(ctx: Context) -> Sequence[Issue]:
    for _, item in ctx._items or ctx.items:
        topics = item.get("topics")
        if not isinstance(topics, list) or len(topics) < 2:
            continue  # one topic cannot repeat
        try:
            if len(set(map(str.casefold, map(str.strip, topics)))) == len(topics):
                continue  # every topic text, no two alike
        except TypeError:  # a topic that is not text
            pass
        return _issues(ctx)
    return ()


def _issues(ctx: Context) -> list[Issue]:
    """The rule's issues, list by list."""
    found: list[Issue] = []
    for path, item in ctx.items:
        topics = item.get("topics")
        if not isinstance(topics, list) or len(topics) < 2:
            continue  # one topic cannot repeat
        seen: dict[str, int] = {}
        for i, topic in enumerate(topics):
            if not isinstance(topic, str) or not topic.strip():
                continue
            key = topic.strip().casefold()
            first = seen.setdefault(key, i)
            if first != i:
                where = format_path(path + ("topics", i))
                found.append(
                    ctx.issue(
                        DUPLICATE_TOPIC,
                        f"{where} ({topic!r}) repeats {format_path(path + ('topics', first))} "
                        f"({topics[first]!r}): remove one",
                        path + ("topics", i),
                    )
                )
    return found


def _fix(ctx: FixContext, issue: Issue) -> Fix | None:
    """Remove the repeated topic."""
    path = issue.path
    if len(path) < 2 or path[-2] != "topics" or not isinstance(path[-1], int):
        return None
    topics = ctx.get(path[:-1])
    topic = ctx.get(path)
    if not isinstance(topics, list) or not isinstance(topic, str):
        return None
    key = topic.strip().casefold()
    first = next(
        (i for i, t in enumerate(topics) if isinstance(t, str) and t.strip().casefold() == key), path[-1]
    )
    title = f"remove {format_path(path)} ({topic!r}), a repeat of {format_path(path[:-1] + (first,))}"
    return ctx.remove(issue, title, path, safe=True)


RULE = rule(DUPLICATE_TOPIC, keys=frozenset({"topics"}), fix=_fix, name="topics-duplicate")(_check)
