"""`secured` must decrypt with the key the caller gave.

This rule runs only when a key is given: `articlekit.check(text, secured_key=key)`,
`load(..., secured_key=key)` or `articlekit check --secured-key-file FILE`.  It
decrypts the article's `secured` value (AES-CBC, PKCS#7 padding) and reports
an error at the `secured` line when that fails.  The message is the same
whether the key is wrong or the value was changed, and it never shows the key,
the value or a plaintext.  Values whose structure is already wrong (AK501 to
AK504) are not decrypted.  CBC without a MAC cannot prove a key right: about 1
value in 256 still "decrypts" under a wrong key, so a pass is strong evidence,
not proof.

Passing (with the example key of `docs/secured.md`):

```yaml
secured: "uVJ6YKiFn7egPFO/ICFLeL0xmAlj+LjG6+KbDU7ZdSBa1zMQ94zkaEfJm+PIMfAX;JZjIi8IBX/1vGYFWOS1K4w=="
```

Failing (the same value with one character of its last block changed, `J` to `A`):

```yaml
secured: "uVJ6YKiFn7egPFO/ICFLeL0xmAlj+LjG6+KbDU7ZdSBa1zMQ94zkaEfAm+PIMfAX;JZjIi8IBX/1vGYFWOS1K4w=="
```
"""

from __future__ import annotations

from ..errors import SecuredError
from ..issues import Issue
from ..models.secured import Secured, SecuredFormatError
from ..secured import decrypt
from . import Context, Rule
from ._common import register_rule_code

__all__ = ["RULE", "SECURED_KEY"]

SECURED_KEY = register_rule_code("AK510", "secured-key", "error", __doc__)


def _check(ctx: Context) -> list[Issue]:
    key = ctx.options.secured_key
    if key is None or not isinstance(ctx.data, dict):
        return []
    text = ctx.data.get("secured")
    if not isinstance(text, str):
        return []
    try:
        value = Secured.parse(text)
    except SecuredFormatError:
        return []  # AK501-AK504 report it
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
    return []


RULE = Rule(codes=(SECURED_KEY,), check=_check, doc=__doc__ or "", keys=frozenset({"secured"}))
