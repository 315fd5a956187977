"""The plugin's models: a new kind, and a built-in kind with one more field."""

from __future__ import annotations

from typing import Literal

from pydantic import AwareDatetime, Field

import articlekit

__all__ = ["EditedArticle", "Recipe"]


class Recipe(articlekit.FrontMatterModel):
    """A recipe.

    Like every articlekit model: the Python names are snake_case and the YAML
    keys camelCase (`published_date_time` is `publishedDateTime`), types are
    strict, and unknown keys are kept (and reported as warnings).
    """

    type: Literal["recipe"] = Field(
        default="recipe", description="`recipe`: what detection recognises (optional with `--kind recipe`)."
    )
    title: str = Field(description="The recipe's name.", examples=["Pancakes"])
    servings: int = Field(description="How many people it serves (RX101: 1 to 100).", examples=[4])
    published_date_time: AwareDatetime = Field(
        description="When it was published, with a timezone.", examples=["2024-05-01T08:00:00Z"]
    )


class EditedArticle(articlekit.Article):
    """A news item that may name its editor: the built-in `Article` and one more field."""

    editor: str | None = Field(default=None, description="Who edited the article.", examples=["Ada"])
