"""The value at a key path in plain YAML data: one lookup for the fixes, the writer and the editor.

>>> value_at({"images": [{"url": "a.png"}]}, ("images", 0, "url"))
'a.png'
>>> value_at({"images": []}, ("images", 0)) is None
True
"""

from __future__ import annotations

from typing import Any

from .issues import KeyPath

__all__ = ["value_at"]


def value_at(data: Any, path: KeyPath) -> Any:
    """The value at ``path`` in ``data``, or ``None`` where the path leads nowhere.

    A string part looks a key up in a mapping; an integer part indexes a list
    (never a mapping with integer keys, which front matter cannot hold).
    """
    for part in path:
        if isinstance(data, dict):
            if part not in data:
                return None
            data = data[part]
        elif isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data):
            data = data[part]
        else:
            return None
    return data
