"""An organization's `_id` equals its `domain`.

The rule of AK908 `organization-id-mismatch`; the codes' documentation, with a passing and a failing
example, is in the catalogue (`articlekit/codes/AK9xx.md`).
"""

from __future__ import annotations

from collections.abc import Sequence

from ..issues import CODES, Issue
from ..models import Organization
from . import Context, rule
from ._common import shorten

__all__ = ["ID_MISMATCH", "RULE"]

ID_MISMATCH = CODES["AK908"]


def _check(ctx: Context) -> Sequence[Issue]:
    ident = ctx.data.get("_id")
    domain = ctx.data.get("domain")
    if not isinstance(ident, str) or not isinstance(domain, str) or ident == domain:
        return ()
    case = " (they differ only in case)" if ident.lower() == domain.lower() else ""
    return [
        ctx.issue(
            ID_MISMATCH,
            f"'_id' is {shorten(ident)!r} but 'domain' is {shorten(domain)!r}: an organization's "
            f"_id must equal its domain{case}",
            ("_id",),
        )
    ]


RULE = rule(ID_MISMATCH, kinds=(Organization,), keys=frozenset({"_id"}), name="kind-organization-id")(_check)
