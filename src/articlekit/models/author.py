"""People credited by a provider: ``provider.authors: [{name}]``.

Kinds other than the news item may list authors under their provider:

```yaml
provider:
  name: Power Apps Community
  domain: microsoft.com
  authors:
    - name: lugi
```
"""

from __future__ import annotations

from pydantic import Field

from ._base import FrontMatterModel
from .provider import Provider

__all__ = ["Author", "ContentProvider"]


class Author(FrontMatterModel):
    """One author of an item.

    >>> Author(name="lugi").name
    'lugi'
    """

    name: str = Field(min_length=1, description="The author's name or handle.", examples=["lugi"])


class ContentProvider(Provider):
    """The provider of a video, course, collection, download, profile or forum.

    A [`Provider`][articlekit.Provider] (``name``, ``domain``, ``images``) that may also list
    its ``authors``.

    >>> ContentProvider(name="Power Apps Community", authors=[Author(name="lugi")]).authors[0].name
    'lugi'
    """

    authors: list[Author] | None = Field(default=None, description="Who made the item.")
