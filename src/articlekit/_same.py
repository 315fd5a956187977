"""Type-strict equality of plain data: the one helper the writer, `format --check` and the tests share.

`1 == True` and `1 == 1.0` in Python; YAML data that a writer changed from
one to the other is not the same document.  `same` compares types all the
way down.

>>> same({"a": 1}, {"a": True}), same([1.0], [1.0]), same(float("nan"), float("nan"))
(False, True, True)
"""

from __future__ import annotations

import math
from datetime import datetime
from typing import Any

__all__ = ["same"]


def same(a: Any, b: Any, *, ordered: bool = False) -> bool:
    """Whether two plain values are equal with the same types (`1` is not `True`).

    NaN equals NaN; datetimes must agree on their offset too.  Mapping key
    order is ignored unless `ordered` (a parser must also give the keys in
    the file's order).
    """
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        if ordered:
            if list(a) != list(b):
                return False
        elif a.keys() != b.keys():
            return False
        return all(same(v, b[k], ordered=ordered) for k, v in a.items())
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y, ordered=ordered) for x, y in zip(a, b, strict=True))
    if isinstance(a, float):
        return a == b or (math.isnan(a) and math.isnan(b))
    if isinstance(a, datetime):
        return bool(a == b and a.utcoffset() == b.utcoffset())
    return bool(a == b)
