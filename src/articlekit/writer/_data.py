"""A model as plain data in YAML keys, and a type-aware comparison of such data."""

from __future__ import annotations

import math
from datetime import datetime
from typing import Any

from pydantic import BaseModel

from .order import model_fields_by_key

__all__ = ["model_data", "same"]


def _prune(data: Any, model: type[BaseModel], source: Any) -> Any:
    """Drop ``None`` fields, except those the source file spelled out as null."""
    if not isinstance(data, dict):
        return data
    fields = model_fields_by_key(model)
    out: dict[str, Any] = {}
    for key, value in data.items():
        entry = fields.get(key)
        if entry is None:  # an unknown key: kept exactly, nulls included
            out[key] = value
            continue
        if value is None:
            if isinstance(source, dict) and key in source and source[key] is None:
                out[key] = None
            continue
        sub, is_list = entry
        if sub is not None:
            below = source.get(key) if isinstance(source, dict) else None
            if is_list and isinstance(value, list):
                value = [
                    _prune(item, sub, below[i] if isinstance(below, list) and i < len(below) else None)
                    for i, item in enumerate(value)
                ]
            elif not is_list:
                value = _prune(value, sub, below)
        out[key] = value
    return out


def model_data(model: BaseModel, source: Any = None) -> dict[str, Any]:
    """``model`` as plain data in YAML keys, as a file would hold it.

    Fields that are ``None`` are left out unless ``source`` (the data loaded
    from the file) has the key with an explicit null; unknown keys are kept as
    they are.  ``Secured`` values become their text.
    """
    dumped = model.model_dump(by_alias=True, warnings=False)
    result = _prune(dumped, type(model), source)
    assert isinstance(result, dict)
    return result


def same(a: Any, b: Any) -> bool:
    """Whether two plain values would be written the same: types matter (``1`` is not ``True``).

    Mapping key order is ignored; NaN equals NaN; datetimes must agree on their offset too.
    """
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(same(v, b[k]) for k, v in a.items())
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, float):
        return a == b or (math.isnan(a) and math.isnan(b))
    if isinstance(a, datetime):
        return bool(a == b and a.utcoffset() == b.utcoffset())
    return bool(a == b)
