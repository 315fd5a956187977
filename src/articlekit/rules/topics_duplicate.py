"""A topic listed twice in `topics` (a warning).

Entries are compared without regard to case and surrounding spaces (`AI` and
`ai` are the same topic).  The warning is at the later entry and names the
earlier one.

Passing:

```yaml
topics:
  - AI
  - Power Apps
```

Failing (warning):

```yaml
topics:
  - AI
  - Power Apps
  - ai
```
"""

from __future__ import annotations

from ..issues import Issue, format_path
from . import Context, Rule
from ._common import register_rule_code

__all__ = ["DUPLICATE_TOPIC", "RULE"]

DUPLICATE_TOPIC = register_rule_code("AK853", "duplicate-topic", "warning", __doc__)


def _check(ctx: Context) -> list[Issue]:
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


RULE = Rule(codes=(DUPLICATE_TOPIC,), check=_check, doc=__doc__ or "", keys=frozenset({"topics"}))
