"""A download's `actions[].url` and a profile's `website` are absolute http(s) URLs with a host.

These complement the URL rule for `webUrl`/`originalUrl` (AK701): the
target of a download button and a person's website must be full addresses.

Passing:

```yaml
type: download
actions:
  - url: "https://example.com/files/app.msapp"
    type: "download"
```

Failing:

```yaml
type: download
actions:
  - url: "files/app.msapp"
    type: "download"
```
"""

from __future__ import annotations

from collections.abc import Iterator

from ..issues import Issue, KeyPath
from ..models import Download, Profile
from . import Context, Rule
from ._common import register_rule_code, shorten, url_problem

__all__ = ["BAD_KIND_URL", "RULE"]

BAD_KIND_URL = register_rule_code("AK909", "bad-action-url", "error", __doc__)


def _targets(data: dict[str, object]) -> Iterator[tuple[KeyPath, str, object]]:
    actions = data.get("actions")
    if isinstance(actions, list):
        for i, action in enumerate(actions):
            if isinstance(action, dict):
                yield ("actions", i, "url"), f"actions[{i}].url", action.get("url")
    yield ("website",), "'website'", data.get("website")


def _check(ctx: Context) -> list[Issue]:
    found: list[Issue] = []
    for path, name, value in _targets(ctx.data):
        if not isinstance(value, str):
            continue
        problem = url_problem(value)
        if problem is not None:
            found.append(
                ctx.issue(
                    BAD_KIND_URL,
                    f"{name} must be an absolute http(s) URL with a host, not {shorten(value)!r}: {problem}",
                    path,
                )
            )
    return found


RULE = Rule(
    codes=(BAD_KIND_URL,),
    check=_check,
    doc=__doc__ or "",
    kinds=(Download, Profile),
    keys=frozenset({"actions", "website"}),
)
