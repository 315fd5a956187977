"""`topics` entries must be non-empty text.

An empty or blank entry (`""`, `"  "`) is an error at the entry.  Entries of
other types, including a `-` with nothing after it (which YAML reads as
null), are AK302 errors from the schema.

Passing:

```yaml
topics:
  - AI
  - Power Apps
```

Failing:

```yaml
topics:
  - AI
  - ""
```
"""

from __future__ import annotations

from ..issues import Issue, format_path
from . import Context, Rule
from ._common import register_rule_code

__all__ = ["EMPTY_TOPIC", "RULE"]

EMPTY_TOPIC = register_rule_code("AK852", "empty-topic", "error", __doc__)


def _check(ctx: Context) -> list[Issue]:
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


RULE = Rule(codes=(EMPTY_TOPIC,), check=_check, doc=__doc__ or "", keys=frozenset({"topics"}))
