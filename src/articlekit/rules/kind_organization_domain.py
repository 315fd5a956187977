"""An organization's `domain` is a host name like `amazon.com`, without scheme, path or port.

The rule of AK910 `bad-organization-domain`; the codes' documentation, with a passing and a failing
example, is in the catalogue (`articlekit/codes/AK9xx.md`).
"""

from __future__ import annotations

from collections.abc import Sequence

from ..issues import CODES, Issue
from ..models import Organization
from . import Context, rule
from ._common import _HOST_PROBLEM_CACHE, UNSEEN, first_host_problem, shorten

__all__ = ["BAD_ORGANIZATION_DOMAIN", "RULE"]

BAD_ORGANIZATION_DOMAIN = CODES["AK910"]


def _check(ctx: Context) -> Sequence[Issue]:
    domain = ctx.data.get("domain")
    if not isinstance(domain, str) or not domain:
        return ()
    problem = _HOST_PROBLEM_CACHE.get(domain, UNSEEN)  # host_problem(domain), without a call when known
    if problem is UNSEEN:
        problem = first_host_problem(domain)
    if problem is None:
        return ()
    return [
        ctx.issue(
            BAD_ORGANIZATION_DOMAIN,
            f"'domain' must be a host name like 'example.com', not {shorten(domain)!r}: {problem}",
            ("domain",),
        )
    ]


RULE = rule(
    BAD_ORGANIZATION_DOMAIN,
    kinds=(Organization,),
    keys=frozenset({"domain"}),
    name="kind-organization-domain",
)(_check)
