"""The ``hypothesis`` entry point: ``st.from_type`` for articlekit's models.

Hypothesis calls `_hypothesis_setup_hook` when it is imported (unless
``HYPOTHESIS_NO_PLUGINS`` is set), because ``pyproject.toml`` declares:

```toml
[project.entry-points.hypothesis]
articlekit = "articlekit._hypothesis:_hypothesis_setup_hook"
```

After that, ``st.from_type(articlekit.Article)`` draws from
[`articlekit.strategies.articles`][articlekit.strategies.articles], and likewise for every other model
(and [`Secured`][articlekit.Secured]).  The strategies module is imported only
when such a strategy is first used, so importing Hypothesis stays cheap.
"""

from __future__ import annotations

from typing import Any

__all__: list[str] = []

# model class name -> name of the strategy function in articlekit.strategies
_STRATEGY_OF = {
    "Article": "articles",
    "RelatedItem": "related_items",
    "Image": "images",
    "Provider": "providers",
    "ContentProvider": "content_providers",
    "Author": "authors",
    "Ratings": "ratings",
    "Twitter": "twitter_accounts",
    "LinkedIn": "linkedin_profiles",
    "Action": "actions",
    "Secured": "secured_values",
    "Video": "videos",
    "Course": "courses",
    "Collection": "collections",
    "Download": "downloads",
    "Profile": "profiles",
    "Forum": "forums",
    "Organization": "organizations",
}


def _lazy(function_name: str) -> Any:
    def resolve(_type: type) -> Any:
        from articlekit import strategies

        return getattr(strategies, function_name)()

    return resolve


def _hypothesis_setup_hook() -> None:
    """Register a strategy for each model with `hypothesis.strategies.register_type_strategy`."""
    from hypothesis import strategies as st

    from articlekit import models

    for class_name, function_name in _STRATEGY_OF.items():
        st.register_type_strategy(getattr(models, class_name), _lazy(function_name))
