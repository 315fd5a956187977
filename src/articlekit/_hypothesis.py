"""The ``hypothesis`` entry point: ``st.from_type`` for articlekit's models.

Hypothesis calls `_hypothesis_setup_hook` when it is imported (unless
``HYPOTHESIS_NO_PLUGINS`` is set), because ``pyproject.toml`` declares:

```toml
[project.entry-points.hypothesis]
articlekit = "articlekit._hypothesis:_hypothesis_setup_hook"
```

After that, ``st.from_type(articlekit.Article)`` draws from
[`articlekit.strategies.articles`][articlekit.strategies.articles], and likewise for every other model
(and [`Secured`][articlekit.Secured]); a kind registered with
[`register_kind`][articlekit.register_kind], before or after, draws from the
strategy given there (or one derived from its model).  The strategies module is imported only
when such a strategy is first used, so importing Hypothesis stays cheap.
"""

from __future__ import annotations

from typing import Any

__all__: list[str] = []

# part model class name -> name of the strategy function in articlekit.strategies
# (the kinds' strategies come from their records: `articlekit.models.kinds.KINDS`)
_STRATEGY_OF = {
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
}


def _lazy(function_name: str) -> Any:
    def resolve(_type: type) -> Any:
        from articlekit import strategies

        return getattr(strategies, function_name)()

    return resolve


def _resolve_kind(model: type) -> Any:
    """The strategy of the kind whose model is ``model`` (its record is read when drawn, not before)."""
    from articlekit.models.kinds import kind_of_model
    from articlekit.strategies._kinds import default_strategy, strategy_of

    info = kind_of_model(model)
    return strategy_of(info) if info is not None else default_strategy(model)


def _register_kind(info: Any) -> None:
    from hypothesis import strategies as st

    st.register_type_strategy(info.model, _resolve_kind)


def _hypothesis_setup_hook() -> None:
    """Register a strategy for each model with `hypothesis.strategies.register_type_strategy`.

    The parts by name; every registered kind, and each kind registered later
    (`articlekit.register_kind`), with its own strategy.
    """
    from hypothesis import strategies as st

    from articlekit import models
    from articlekit.models import kinds

    for class_name, function_name in _STRATEGY_OF.items():
        st.register_type_strategy(getattr(models, class_name), _lazy(function_name))
    for info in kinds.KINDS:
        _register_kind(info)
    kinds._on_register(_register_kind)
