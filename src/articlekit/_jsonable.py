"""YAML data as JSON data: the one conversion that `articlekit convert` and `schema.json_data` share.

Timestamps become RFC 3339 text (`2020-08-11T13:41:00Z`: a zero offset is
written `Z`; a timestamp without a timezone keeps none), dates `YYYY-MM-DD`,
times `HH:MM:SS` (with their offset, if any); mapping keys become text;
non-finite floats become `"NaN"`, `"Infinity"` and `"-Infinity"` (JSON has
no such numbers); bytes become base64 text; a model becomes its data by YAML
key.

>>> from datetime import datetime, timezone
>>> jsonable({"publishedDateTime": datetime(2020, 8, 11, 13, 41, tzinfo=timezone.utc), 1: [float("nan")]})
{'publishedDateTime': '2020-08-11T13:41:00Z', '1': ['NaN']}
"""

from __future__ import annotations

import math
from datetime import date, datetime, time, timedelta
from typing import Any

__all__ = ["jsonable", "rfc3339"]


def rfc3339(value: datetime | date | time) -> str:
    """`value` in RFC 3339 (ISO 8601) text, `Z` for a zero offset."""
    text = value.isoformat()
    offset = value.utcoffset() if isinstance(value, datetime | time) else None
    if offset == timedelta(0) and text.endswith("+00:00"):
        text = text[: -len("+00:00")] + "Z"
    return text


def jsonable(value: Any) -> Any:
    """Plain YAML data (as `articlekit.parse` gives it) as JSON data; see the module's docstring."""
    if isinstance(value, dict):
        return {_key(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    if isinstance(value, datetime | date | time):
        return rfc3339(value)
    if isinstance(value, float) and not math.isfinite(value):
        return "NaN" if math.isnan(value) else ("Infinity" if value > 0 else "-Infinity")
    if value is None or isinstance(value, str | int | float | bool):
        return value
    if isinstance(value, bytes | bytearray):
        import base64

        return base64.b64encode(bytes(value)).decode("ascii")
    if isinstance(value, set | frozenset):
        return sorted((jsonable(v) for v in value), key=repr)
    dump = getattr(value, "model_dump", None)  # a pydantic model: its data by YAML key
    if callable(dump):
        return dump(mode="json", by_alias=True)
    return str(value)


def _key(key: Any) -> str:
    if isinstance(key, str):
        return key
    converted = jsonable(key)
    if isinstance(converted, str):
        return converted
    import json

    return json.dumps(converted)
