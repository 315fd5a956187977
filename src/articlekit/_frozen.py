"""Frozen dataclasses made without their `__init__`, for the paths that make one per file or per problem.

A frozen dataclass's generated `__init__` sets each field through
`object.__setattr__`, which costs more than the rest of making an `Issue`, a
`Document` or a `Suppression`.  `made` gives the object the constructor would
give (the same fields, in the constructor's order, so ``==``, `hash` and `repr`
agree) by setting its ``__dict__`` at once.  Only for dataclasses whose
`__init__` sets the fields and does nothing else (no ``__post_init__``, no
``slots``, no field defaults left out): the callers' tests compare the objects
with the constructors'.
"""

from __future__ import annotations

from typing import Any, TypeVar

__all__ = ["made"]

T = TypeVar("T")

_new = object.__new__
_set = object.__setattr__


def made(cls: type[T], fields: dict[str, Any]) -> T:
    """``cls(**fields)`` without its `__init__`; ``fields`` holds every field, in the class's order."""
    obj: T = _new(cls)
    _set(obj, "__dict__", fields)
    return obj
