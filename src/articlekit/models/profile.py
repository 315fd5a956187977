"""The profile of a person (``type: profile``)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ._base import FrontMatterModel
from ._fields import (
    bool_field,
    heat_field,
    images_field,
    quality_field,
    secured_field,
    topics_field,
    url_field,
)
from .image import Image
from .provider import Provider
from .secured import Secured
from .social import LinkedIn, Twitter

__all__ = ["Profile"]


class Profile(FrontMatterModel):
    """A person: name, bio, where they work (``affiliation``) and their accounts.

    `secured` is optional: most profiles have it, a few real ones do not.

    Passing:

    ```yaml
    name: "Ryan Cunningham"
    bio: "Product Lead for Microsoft PowerApps"
    type: "profile"
    affiliation:
      name: Microsoft
      domain: microsoft.com
    twitter:
      username: rc_says
      url: https://twitter.com/rc_says
      followers: 2209
    linkedin:
      url: https://www.linkedin.com/in/rycu
    secured: "AAAAAAAAAAAAAAAAAAAAAA==;AAAAAAAAAAAAAAAAAAAAAA=="
    ```
    """

    name: str = Field(min_length=1, description="The person's name.", examples=["April Dunnam"])
    bio: str | None = Field(
        default=None, description="A short biography.", examples=["Product Lead for Microsoft PowerApps"]
    )
    location: str | None = Field(
        default=None, description="Where the person lives or works.", examples=["Seattle, WA"]
    )
    type: Literal["profile"] = Field(description="Always `profile`.", examples=["profile"])
    quality: int | None = quality_field()
    heat: int | None = heat_field()
    published: bool | None = bool_field("Whether the profile is shown on the site.")
    removed: bool | None = bool_field("Whether the profile was taken down.")
    affiliation: Provider | None = Field(
        default=None,
        description="The organisation the person works for: `name`, `domain`, `images`, as a provider.",
    )
    website: str | None = url_field("The person's own website.", "https://aprildunnam.com")
    twitter: Twitter | None = Field(default=None, description="The person's Twitter account.")
    linkedin: LinkedIn | None = Field(default=None, description="The person's LinkedIn profile.")
    topics: list[str] | None = topics_field()
    images: list[Image] | None = images_field("person")
    secured: Secured | None = secured_field(required=False)
