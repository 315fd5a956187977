"""What the models say about their YAML keys, shared by validation and the writer.

This module imports no articlekit model, so that any layer (and the model
modules themselves, at import time) can use it without an import cycle.
"""

from __future__ import annotations

import types
import typing
from typing import Any

from pydantic import BaseModel

__all__ = ["child_model_of", "field_key", "fields_by_key", "strip_optional"]

FieldsByKey = dict[str, tuple[type[BaseModel] | None, bool]]


def strip_optional(annotation: Any) -> Any:
    """``X`` for ``X | None``, ``Optional[X]`` and ``Annotated[X, ...]``; others unchanged."""
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return strip_optional(args[0])
    if origin is typing.Annotated:
        return strip_optional(typing.get_args(annotation)[0])
    return annotation


def child_model_of(annotation: Any) -> tuple[type[BaseModel] | None, bool]:
    """The model class inside a field annotation and whether it is a list of them.

    >>> from articlekit import Image
    >>> child_model_of(list[Image] | None)
    (<class 'articlekit.models.image.Image'>, True)
    """
    annotation = strip_optional(annotation)
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            found = child_model_of(arg)
            if found[0] is not None:
                return found
        return None, False
    if origin is list:
        args = typing.get_args(annotation)
        if args:
            inner, _ = child_model_of(args[0])
            return inner, inner is not None
        return None, False
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation, False
    return None, False


def field_key(name: str, field: Any) -> str:
    """The YAML key of the field called ``name`` in Python."""
    return str(field.serialization_alias or field.alias or name)


_FIELDS: dict[type[BaseModel], FieldsByKey] = {}


def fields_by_key(model: type[BaseModel]) -> FieldsByKey:
    """``{YAML key: (nested model or None, is a list)}`` for the fields of ``model`` (cached)."""
    found = _FIELDS.get(model)
    if found is None:
        found = {field_key(n, f): child_model_of(f.annotation) for n, f in model.model_fields.items()}
        _FIELDS[model] = found
    return found
