"""The plugin's code and rule: RX101, `servings` must be 1 to 100."""

from __future__ import annotations

from collections.abc import Iterator

import articlekit

from .models import Recipe

__all__ = ["SERVINGS", "servings_range"]

SERVINGS = articlekit.register_code(
    "RX101",
    name="servings-range",
    severity="error",
    doc="""`servings` must be 1 to 100.

A recipe serves at least one person, and a recipe for more than a hundred is a
typing mistake.  The upper bound is the rule's option `most`:
`[rules.RX101] most = 12` in `articlekit.toml`.

Passing:

```yaml
type: recipe
title: Pancakes
servings: 4
publishedDateTime: 2024-05-01T08:00:00Z
```

Failing:

```yaml
type: recipe
title: Pancakes
servings: 0
publishedDateTime: 2024-05-01T08:00:00Z
```
""",
)


@articlekit.rule(SERVINGS, keys=["servings"], kinds=Recipe)
def servings_range(ctx: articlekit.Context) -> Iterator[articlekit.Issue]:
    """RX101: `servings` outside 1 to `most` (100 unless the configuration says otherwise)."""
    servings = ctx.data.get("servings")
    most = ctx.options.of(SERVINGS).get("most", 100)
    # a value of the wrong type is the schema's business (AK3xx), not this rule's
    if isinstance(servings, int) and not isinstance(servings, bool) and not 1 <= servings <= most:
        yield ctx.issue(SERVINGS, f"'servings' is {servings}; a recipe serves 1 to {most}", ("servings",))
