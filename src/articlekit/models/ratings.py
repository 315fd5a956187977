"""``ratings``: how many people rated an item and their average score."""

from __future__ import annotations

from pydantic import Field

from ._base import FrontMatterModel

__all__ = ["Ratings"]


class Ratings(FrontMatterModel):
    """The ratings of a course: ``{count, average}``.

    ``count`` is an integer of 0 or more and ``average`` a number from 0 to 5;
    values outside those ranges are AK303 errors.  Passing:

    ```yaml
    ratings:
      count: 419
      average: 4.632458
    ```

    Failing (AK303 twice):

    ```yaml
    ratings:
      count: -1
      average: 5.5
    ```

    >>> Ratings(count=16, average=4.8125).average
    4.8125
    """

    count: int = Field(ge=0, description="How many people rated the item (0 or more).", examples=[419])
    average: float = Field(ge=0, le=5, description="The average rating, from 0 to 5.", examples=[4.632458])
