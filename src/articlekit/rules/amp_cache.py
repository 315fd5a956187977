"""`cdnAmpWebUrl` must be the AMP-cache form of `ampWebUrl`.

The rule of AK704 `cdn-amp-mismatch`; the codes' documentation, with a passing and a failing
example, is in the catalogue (`articlekit/codes/AK7xx.md`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..issues import CODES, Issue
from . import Context, rule
from ._common import amp_cache_url, key_name, normalize_url, url_problem

if TYPE_CHECKING:
    from ..fixes import Fix, FixContext

__all__ = ["AMP_MISMATCH", "RULE"]

AMP_MISMATCH = CODES["AK704"]


def _check(ctx: Context) -> list[Issue]:
    found: list[Issue] = []
    for path, item in ctx._items or ctx.items:
        cdn = item.get("cdnAmpWebUrl")
        amp = item.get("ampWebUrl")
        if not isinstance(cdn, str) or not isinstance(amp, str) or url_problem(cdn) is not None:
            continue
        expected = amp_cache_url(amp)
        if expected is None or normalize_url(cdn) == normalize_url(expected):
            continue
        found.append(
            ctx.issue(
                AMP_MISMATCH,
                f"{key_name(path + ('cdnAmpWebUrl',))} must be the AMP-cache form of 'ampWebUrl': "
                f"{expected!r}",
                path + ("cdnAmpWebUrl",),
            )
        )
    return found


def _fix(ctx: FixContext, issue: Issue) -> Fix | None:
    """Write `cdnAmpWebUrl` as the AMP-cache form of `ampWebUrl`."""
    path = issue.path
    if not path or path[-1] != "cdnAmpWebUrl":
        return None
    item = ctx.get(path[:-1])
    amp = item.get("ampWebUrl") if isinstance(item, dict) else None
    expected = amp_cache_url(amp) if isinstance(amp, str) else None
    if expected is None:
        return None
    title = f"set {key_name(path)} to the AMP-cache form of 'ampWebUrl'"
    return ctx.set_value(issue, title, path, expected, safe=True)


RULE = rule(AMP_MISMATCH, keys=frozenset({"cdnAmpWebUrl"}), fix=_fix, name="amp-cache")(_check)
