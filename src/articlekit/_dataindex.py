"""The rules' index of one document's data, shared by the YAML fast path and the rules.

`DataIndex` is what the rules look up, and `index_of` its one builder: the
fast YAML parser (`articlekit.fastyaml`) lists the mappings and keys it needs
while it parses, `articlekit.rules._common.build_index` lists them by walking
data from any other source, and both hand them to `index_of`.  This module
imports neither, so that the YAML layer does not depend on the rules.
"""

from __future__ import annotations

from typing import Any

from .issues import KeyPath

__all__ = ["DATE", "IMAGES", "OWNER", "URL", "URL_KEYS", "DataIndex", "index_of", "key_kind"]

URL_KEYS = ("webUrl", "originalUrl", "ampWebUrl", "cdnAmpWebUrl")
"""The article-level keys whose values are absolute http(s) URLs."""

URL = 1
"""`key_kind` of a key in `URL_KEYS`."""
IMAGES = 2
"""`key_kind` of ``images``."""
OWNER = 3
"""`key_kind` of ``provider`` and ``affiliation``."""
DATE = 4
"""`key_kind` of a key ending in ``DateTime``."""

_SPECIAL: dict[str, int] = {
    **dict.fromkeys(URL_KEYS, URL),
    "images": IMAGES,
    "provider": OWNER,
    "affiliation": OWNER,
}


class DataIndex:
    """What the rules look up in one document's data, found in one walk.

    Every list is in walk order (parents before children, file order), so a
    rule that reads the index reports in the same order as one that walks.

    Attributes:
        keys: every key of every mapping, at any depth.
        urls: ``(path, value)`` of every value under a key in `URL_KEYS`.
        dates: ``(path, value)`` of every value under a key ending in ``DateTime``.
        images: ``(path, mapping)`` of every image mapping: the mapping items of
            every ``images`` list, at any depth.
        owners: ``(path, value)`` of every value under a ``provider`` or ``affiliation`` key.
        typed_texts: the text of every plain scalar that the YAML fast path read as a
            boolean other than ``true`` or ``false`` (``yes``, ``Off``, ...) or as a number
            not written as a decimal integer (``1:30``, ``012``, ``.5``, ``-3``): every
            value that YAML 1.1 may read as other than it looks is among them.  ``None``
            when that is unknown (the index was made by walking the data).
    """

    __slots__ = ("dates", "images", "keys", "owners", "typed_texts", "urls")

    def __init__(self) -> None:
        """An empty index."""
        self.keys: set[Any] = set()
        self.urls: list[tuple[KeyPath, Any]] = []
        self.dates: list[tuple[KeyPath, Any]] = []
        self.images: list[tuple[KeyPath, dict[str, Any]]] = []
        self.owners: list[tuple[KeyPath, Any]] = []
        self.typed_texts: list[str] | None = None

    def as_tuple(self) -> tuple[Any, ...]:
        """The index as plain values, for comparing two indexes."""
        return (self.keys, self.urls, self.dates, self.images, self.owners)


def key_kind(key: str) -> int:
    """What the index does with a value under the text key ``key``: `URL`, ... or 0 (nothing)."""
    kind = _SPECIAL.get(key, 0)
    if kind == 0 and key.endswith("DateTime"):
        kind = DATE
    return kind


def index_of(
    mappings: list[dict[str, Any]],
    special: list[tuple[int, KeyPath, str, dict[str, Any]]],
    typed_texts: list[str] | None = None,
) -> DataIndex:
    """The index of data whose mappings (all text keys) and special keys are known.

    ``mappings`` holds every mapping of the data; ``special`` every
    ``(key_kind(key), path of the mapping, key, mapping)`` with a non-zero
    kind, in walk order; ``typed_texts`` is `DataIndex.typed_texts`.  Values
    are read now, so the data must be complete.
    """
    index = DataIndex()
    index.typed_texts = typed_texts
    if mappings:
        index.keys.update(*mappings)
    urls = index.urls
    dates = index.dates
    owners = index.owners
    for kind, path, key, mapping in special:
        value = mapping[key]
        if kind == URL:
            urls.append((path + (key,), value))
        elif kind == DATE:
            dates.append((path + (key,), value))
        elif kind == OWNER:
            owners.append((path + (key,), value))
        elif isinstance(value, list):
            images = index.images
            sub = path + (key,)
            for i, item in enumerate(value):
                if isinstance(item, dict):
                    images.append((sub + (i,), item))
    return index
