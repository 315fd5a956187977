"""``actions``: the buttons of a download, e.g. "Download Source Code"."""

from __future__ import annotations

from pydantic import Field

from ._base import FrontMatterModel
from ._fields import URL_SCHEMA

__all__ = ["Action"]


class Action(FrontMatterModel):
    """One action of a download: ``{url, type, title, attribution}``.

    ``url`` is an absolute http(s) URL (rule AK909).

    >>> Action(url="https://example.com/app.msapp", type="download").type
    'download'
    """

    url: str = Field(
        description="Where the action leads: an absolute http(s) URL.",
        examples=["https://powerusers.microsoft.com/attachments/CanteenApp.msapp"],
        json_schema_extra=dict(URL_SCHEMA),
    )
    type: str | None = Field(default=None, description="What the action does.", examples=["download"])
    title: str | None = Field(
        default=None, description="The button's label.", examples=["Download Source Code"]
    )
    attribution: str | None = Field(
        default=None, description="Who provides the target.", examples=["Power Apps Community"]
    )
