"""`secured` must decrypt with the key the caller gave.

The rule of AK510 `secured-key`; the codes' documentation, with a passing and a failing
example, is in the catalogue (`articlekit/codes/AK5xx.md`).
"""

from __future__ import annotations

from collections.abc import Sequence

from ..errors import SecuredError
from ..issues import CODES, Issue
from ..models.secured import Secured, SecuredFormatError
from ..secured import decrypt
from . import _NO_KEY, Context, _silent_when, rule

__all__ = ["RULE", "SECURED_KEY"]

SECURED_KEY = CODES["AK510"]


def _check(ctx: Context) -> Sequence[Issue]:
    key = ctx.options.secured_key
    if key is None or not isinstance(ctx.data, dict):
        return ()
    text = ctx.data.get("secured")
    if not isinstance(text, str):
        return ()
    try:
        value = Secured.parse(text)
    except SecuredFormatError:
        return ()  # AK501-AK504 report it
    try:
        decrypt(value, key)
    except SecuredError:
        return [
            ctx.issue(
                SECURED_KEY,
                "'secured' does not decrypt with the given key: the key is wrong, or the value "
                "was changed or made with another key",
                ("secured",),
                at_key=True,
            )
        ]
    return ()


RULE = rule(SECURED_KEY, keys=frozenset({"secured"}), name="secured-key")(_check)
_silent_when(RULE, _NO_KEY)  # without a key there is nothing to decrypt with
