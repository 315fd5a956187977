"""A person's accounts elsewhere: ``twitter`` and ``linkedin``."""

from __future__ import annotations

from pydantic import Field

from ._base import FrontMatterModel
from ._fields import URL_SCHEMA

__all__ = ["LinkedIn", "Twitter"]


class Twitter(FrontMatterModel):
    """A Twitter account: ``{username, url, followers}``.

    ``url`` must be the account's address, ``https://twitter.com/<username>``
    (rule AK906); ``followers`` is an integer of 0 or more (AK303).

    >>> Twitter(username="aprildunnam", url="https://twitter.com/aprildunnam", followers=6475).followers
    6475
    """

    username: str | None = Field(
        default=None,
        min_length=1,
        description="The handle, without `@`: 1 to 15 letters, digits or `_`.",
        examples=["aprildunnam"],
    )
    url: str | None = Field(
        default=None,
        description="The account's address, `https://twitter.com/<username>`.",
        examples=["https://twitter.com/aprildunnam"],
        json_schema_extra=dict(URL_SCHEMA),
    )
    followers: int | None = Field(
        default=None, ge=0, description="How many followers the account has (0 or more).", examples=[6475]
    )


class LinkedIn(FrontMatterModel):
    """A LinkedIn profile: ``{url}`` (a ``linkedin.com`` address, rule AK907).

    >>> LinkedIn(url="https://www.linkedin.com/in/rycu").url
    'https://www.linkedin.com/in/rycu'
    """

    url: str = Field(
        description="The profile's address on linkedin.com.",
        examples=["https://www.linkedin.com/in/rycu"],
        json_schema_extra=dict(URL_SCHEMA),
    )
