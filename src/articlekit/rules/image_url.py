"""An image `url` must be an absolute http(s) URL with a host, or a site-relative path starting with `/`.

Real files hold both forms: `https://i.insider.com/5f31c3faa6f0e106c119e315?width=1200`
and `/assets/images/organizations/microsoft.com-50x50.jpg`.  A protocol-relative
`//host/path`, a relative `images/a.jpg`, another scheme (`data:`, `ftp:`) or a
URL with whitespace in it is an error.  The rule covers every `images` list at
any depth.

Passing:

```yaml
images:
  - url: "/assets/images/organizations/example.com-50x50.jpg"
    width: 50
    height: 50
```

Failing:

```yaml
images:
  - url: "assets/images/organizations/example.com-50x50.jpg"
    width: 50
    height: 50
```
"""

from __future__ import annotations

import re

from ..issues import Issue, format_path
from . import Context, Rule
from ._common import UNSEEN, register_rule_code, remember, shorten, url_problem

__all__ = ["IMAGE_URL", "RULE", "image_url_problem"]

IMAGE_URL = register_rule_code("AK402", "image-url", "error", __doc__)

_UNPRINTABLE = re.compile(r"[\s\x00-\x1f\x7f]")  # str.isspace(), C0 controls and DEL
_PROBLEM_CACHE: dict[str, str | None] = {}  # image_url_problem() of recent URLs


def image_url_problem(url: str) -> str | None:
    """Why ``url`` is not a valid image URL, or ``None`` when it is.

    >>> image_url_problem("/assets/logo.png") is None
    True
    >>> image_url_problem("//cdn.example.com/logo.png")
    'a protocol-relative URL: start it with https:'
    """
    problem = _PROBLEM_CACHE.get(url, UNSEEN)
    if problem is UNSEEN:
        problem = remember(_PROBLEM_CACHE, url, _image_url_problem(url))
    return problem


def _image_url_problem(url: str) -> str | None:
    """`image_url_problem` without its memo."""
    if url.startswith("//"):
        return "a protocol-relative URL: start it with https:"
    if url.startswith("/"):
        if _UNPRINTABLE.search(url) is not None:
            return "it contains whitespace or control characters"
        return None
    problem = url_problem(url)
    if problem == "it has no scheme (start it with https://)":
        return "it is neither an absolute http(s) URL nor a site path starting with '/'"
    return problem


def _check(ctx: Context) -> list[Issue]:
    found: list[Issue] = []
    for path, image in ctx.index.images:  # as find_images() gives them
        url = image.get("url")
        if not isinstance(url, str):
            continue
        problem = image_url_problem(url)
        if problem is not None:
            found.append(
                ctx.issue(
                    IMAGE_URL,
                    f"'url' in {format_path(path)} must be an absolute http(s) URL or a path "
                    f"starting with '/', not {shorten(url)!r}: {problem}",
                    path + ("url",),
                )
            )
    return found


RULE = Rule(codes=(IMAGE_URL,), check=_check, doc=__doc__ or "", keys=frozenset({"images"}))
