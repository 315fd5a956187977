"""The organization (``taxonomy: organization``): a data file about a publisher."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ._base import FrontMatterModel
from ._fields import images_field
from .image import Image

__all__ = ["Organization"]


class Organization(FrontMatterModel):
    """An organization, keyed by its domain: ``_id`` equals ``domain`` (rule AK908).

    The YAML key ``_id`` is the attribute ``id``.

    Passing:

    ```yaml
    taxonomy: organization
    _id: amazon.com
    name: Amazon
    domain: amazon.com
    ```

    >>> Organization(taxonomy="organization", id="bbc.com", name="BBC", domain="bbc.com").id
    'bbc.com'
    """

    taxonomy: Literal["organization"] = Field(description="Always `organization`.", examples=["organization"])
    id: str = Field(
        alias="_id",
        min_length=1,
        description="The organization's key: its domain.",
        examples=["amazon.com"],
    )
    name: str = Field(min_length=1, description="The organization's name.", examples=["Amazon"])
    other_names: list[str] | None = Field(
        default=None, description="Other names it is known by.", examples=[["Amazon.com, Inc."]]
    )
    domain: str = Field(
        min_length=1,
        description="The organization's host name, without scheme or path.",
        examples=["amazon.com"],
        json_schema_extra={"format": "hostname"},
    )
    description: str | None = Field(
        default=None,
        description="What the organization does.",
        examples=["We're making AI education accessible."],
    )
    images: list[Image] | None = images_field("organization (logos)")
