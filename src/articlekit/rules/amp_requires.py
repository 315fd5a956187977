"""`cdnAmpWebUrl` requires `ampWebUrl`.

The rule of AK703 `cdn-amp-without-amp`; the codes' documentation, with a passing and a failing
example, is in the catalogue (`articlekit/codes/AK7xx.md`).
"""

from __future__ import annotations

from ..issues import CODES, Issue
from . import Context, rule
from ._common import key_name

__all__ = ["AMP_REQUIRED", "RULE"]

AMP_REQUIRED = CODES["AK703"]


def _check(ctx: Context) -> list[Issue]:
    found: list[Issue] = []
    for path, item in ctx._items or ctx.items:
        if "cdnAmpWebUrl" not in item:
            continue
        amp = item.get("ampWebUrl")
        if amp is None or amp == "":
            where = "" if not path else " in the same item"
            found.append(
                ctx.issue(
                    AMP_REQUIRED,
                    f"{key_name(path + ('cdnAmpWebUrl',))} is given without 'ampWebUrl'{where}: "
                    "add 'ampWebUrl' or remove 'cdnAmpWebUrl'",
                    path + ("cdnAmpWebUrl",),
                )
            )
    return found


RULE = rule(AMP_REQUIRED, keys=frozenset({"cdnAmpWebUrl"}), name="amp-requires")(_check)
