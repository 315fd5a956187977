"""articlekit-recipes: an example articlekit plugin.

Importing this module registers, through articlekit's public API:

* the kind `recipe` (`Recipe`), recognised by `type: recipe`;
* the kind `edited-article` (`EditedArticle`, an `articlekit.Article` with an
  `editor`), which replaces the built-in `article`: news items load as it;
* the code `RX101` and its rule: `servings` must be 1 to 100.

articlekit imports it through the entry point this distribution declares
(`[project.entry-points."articlekit.plugins"]` in `pyproject.toml`).
"""

from __future__ import annotations

from typing import Any

import articlekit

from .models import EditedArticle, Recipe
from .rules import SERVINGS, servings_range

__all__ = ["SERVINGS", "EditedArticle", "Recipe", "servings_range"]

RECIPE_EXAMPLE = """\
---
type: recipe
title: "Pancakes"
servings: 4
publishedDateTime: 2024-05-01T08:00:00Z
---
"""


def _is_recipe(data: Any) -> bool:
    """A front matter is a recipe when it says `type: recipe`."""
    return data.get("type") == "recipe"


articlekit.register_kind(
    "recipe",
    Recipe,
    detect=_is_recipe,
    recognised_by="'type: recipe'",
    example=RECIPE_EXAMPLE,
    # "module:function": Hypothesis is imported only when `st.from_type(Recipe)` is used
    strategy="articlekit_recipes.strategies:recipes",
)
articlekit.register_kind("edited-article", EditedArticle, replaces="article")
