"""An image's `width` and `height` must match the `-<W>x<H>` at the end of its file name.

The rule of AK401 `image-size-mismatch`; the codes' documentation, with a passing and a failing
example, is in the catalogue (`articlekit/codes/AK4xx.md`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ..issues import CODES, Issue, KeyPath, format_path
from . import Context, rule
from ._common import _IMAGE_SIZE_CACHE, NOT_PLAIN, plain_image_url, remember, url_path

if TYPE_CHECKING:
    from ..fixes import Fix, FixContext

__all__ = ["IMAGE_SIZE", "RULE", "size_in_name"]

IMAGE_SIZE = CODES["AK401"]

_SIZE = re.compile(r"-([0-9]{1,9})x([0-9]{1,9})\.[A-Za-z0-9]+$")
_SIZE_CACHE = _IMAGE_SIZE_CACHE  # size_in_name() of recent URLs (a memo that image-url fills too)
_UNSEEN = NOT_PLAIN


def size_in_name(url: str) -> tuple[int, int] | None:
    """The ``(W, H)`` of a file name ending in ``-<W>x<H>.<ext>``, or ``None``.

    >>> size_in_name("https://example.com/a/logo-50x40.png?v=2")
    (50, 40)
    >>> size_in_name("https://example.com/a/photo.jpg?w=1200") is None
    True
    """
    size = _SIZE_CACHE.get(url, _UNSEEN)
    if size is _UNSEEN:
        size = _first_size(url)
    return size


def _first_size(url: str) -> tuple[int, int] | None:
    """`size_in_name(url)` worked out and remembered (with the image-url verdict, for a URL of a common
    shape: `plain_image_url`)."""
    size = plain_image_url(url)
    return _other_size(url) if size is NOT_PLAIN else size


def _other_size(url: str) -> tuple[int, int] | None:
    """`size_in_name(url)` worked out and remembered, for a URL that is not of a common shape."""
    path = url_path(url)
    # what `_SIZE.search(path)` finds starts at the path's last "-" (none follows it in a
    # match): one match there, instead of a search trying every position
    match = _SIZE.match(path, path.rfind("-")) if "-" in path else None
    return remember(_SIZE_CACHE, url, None if match is None else (int(match.group(1)), int(match.group(2))))


def _check(ctx: Context) -> Sequence[Issue]:
    index = ctx.prebuilt_index
    images = (index if index is not None else ctx.index).images  # as find_images() gives them
    sizes = _SIZE_CACHE
    for _, image in images:
        url = image.get("url")
        if not isinstance(url, str):
            continue
        size = sizes.get(url, _UNSEEN)  # size_in_name(url), without the call when it is known
        if size is _UNSEEN:
            size = _first_size(url)
        if size is None:
            continue
        width = image.get("width")
        height = image.get("height")
        if (width == size[0] or type(width) is not int) and (height == size[1] or type(height) is not int):
            continue  # both agree with the name (or are not numbers: the schema reports those)
        return _issues(ctx, images)
    return ()


def _issues(ctx: Context, images: list[tuple[KeyPath, dict[str, Any]]]) -> list[Issue]:
    """The rule's issues, every image read again."""
    found: list[Issue] = []
    for path, image in images:
        url = image.get("url")
        if not isinstance(url, str):
            continue
        size = size_in_name(url)
        if size is None:
            continue
        for key, expected in (("width", size[0]), ("height", size[1])):
            value = image.get(key)
            if type(value) is not int or value == expected:
                continue  # it agrees with the name (or is not a number: the schema reports that)
            name = url.rsplit("/", 1)[-1].split("?", 1)[0]
            found.append(
                ctx.issue(
                    IMAGE_SIZE,
                    f"'{key}' in {format_path(path)} is {value}, but the file name {name!r} "
                    f"says {expected}: make '{key}' {expected} or fix the URL",
                    path + (key,),
                )
            )
    return found


def _fix(ctx: FixContext, issue: Issue) -> Fix | None:
    """Set `width` (or `height`) to the size in the image's file name."""
    path = issue.path
    if len(path) < 2 or path[-1] not in ("width", "height"):
        return None
    image = ctx.get(path[:-1])
    url = image.get("url") if isinstance(image, dict) else None
    size = size_in_name(url) if isinstance(url, str) else None
    if size is None:
        return None
    expected = size[0] if path[-1] == "width" else size[1]
    title = f"set {format_path(path)} to {expected}, the size in the file name"
    return ctx.set_value(issue, title, path, expected, safe=True)


RULE = rule(IMAGE_SIZE, keys=frozenset({"images"}), fix=_fix, name="image-size")(_check)
