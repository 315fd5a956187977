"""A recipe (``type: recipe``): a toy kind, to show what adding a kind takes."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ._base import FrontMatterModel, Timestamp

__all__ = ["Recipe"]


class Recipe(FrontMatterModel):
    """A recipe: its front matter."""

    title: str = Field(description="The recipe's name.")
    type: Literal["recipe"] = Field(description="Always `recipe`.")
    servings: int = Field(ge=1, le=100, description="How many people it feeds.")
    published_date_time: Timestamp | None = Field(None, description="When it was published.")
