"""The strategy of each registered kind: the one given to `register_kind`, or one derived from its fields.

[`register_kind`][articlekit.register_kind]'s `strategy=` is a Hypothesis
strategy, a function making one (keyword arguments pin fields by their
Python names, as [`articles`][articlekit.strategies.articles] does), or
`"module:function"` naming such a function (the built-in kinds name theirs, so
that the models never import Hypothesis).  A kind registered without one gets a
strategy derived from its model: a subclass of a kind draws that kind's model
and adds its own fields; any other model draws each field from its type
(`str`, `int` with its bounds, `bool`, `float`, dates and times, lists,
`Literal`, nested models through `st.from_type`), with the value that names
the kind (`named_by`) pinned.
"""

from __future__ import annotations

import datetime as _dt
import importlib
import typing
from typing import Any

import pydantic
from hypothesis import reject
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from pydantic import BaseModel

from .._introspect import field_key, strip_optional
from ..models.kinds import KindInfo, kind_of_model
from ..models.secured import Secured
from ._primitives import line_text, past_datetimes, secured_values

__all__ = ["default_strategy", "strategy_of"]


def strategy_of(info: KindInfo, **fixed: Any) -> st.SearchStrategy[Any]:
    """Valid models of the kind ``info``; ``fixed`` pins fields by their Python names.

    Raises:
        InvalidArgument: ``fixed`` is given for a kind whose strategy is a plain
            strategy object (it cannot pin fields), or names no field.
    """
    made = info.strategy
    if made is None:
        return default_strategy(info.model, **fixed)
    if isinstance(made, str):
        module, _, name = made.partition(":")
        made = getattr(importlib.import_module(module), name)
    if isinstance(made, st.SearchStrategy):
        if fixed:
            raise InvalidArgument(
                f"the kind {info.name!r} was registered with a strategy object, which cannot pin "
                f"{', '.join(sorted(fixed))}: register a function of keyword arguments instead"
            )
        return made
    result = made(**fixed)
    if not isinstance(result, st.SearchStrategy):
        raise InvalidArgument(
            f"the strategy function of the kind {info.name!r} returned {result!r}, not a strategy"
        )
    return result


def _base_kind(model: type[BaseModel]) -> KindInfo | None:
    for base in model.__mro__[1:]:
        found = kind_of_model(base)
        if found is not None:
            return found
    return None


def default_strategy(model: type[BaseModel], **fixed: Any) -> st.SearchStrategy[Any]:
    """Valid instances of ``model``, drawn from its fields (and from the kind it subclasses).

    Drawn values that the model rejects (a pattern, a validator) are left out.
    """
    unknown = sorted(set(fixed) - set(model.model_fields))
    if unknown:
        raise InvalidArgument(f"{model.__name__} has no field {', '.join(map(repr, unknown))}")
    base = _base_kind(model)
    own = {
        name: field
        for name, field in model.model_fields.items()
        if base is None or name not in base.model.model_fields
    }
    info = kind_of_model(model)
    named = dict(info.named_by) if info is not None else {}
    keys = {field_key(name, field): name for name, field in own.items()}
    pinned_by_kind = {keys[key]: value for key, value in named.items() if key in keys}
    inherited = {k: v for k, v in fixed.items() if base is not None and k in base.model.model_fields}
    parent = strategy_of(base, **inherited) if base is not None else None

    @st.composite
    def build(draw: st.DrawFn) -> Any:
        values: dict[str, Any] = {}
        if parent is not None:
            drawn = draw(parent)
            values = {name: getattr(drawn, name) for name in type(drawn).model_fields}
        for name, field in own.items():
            if name in fixed:
                value = fixed[name]
                values[name] = draw(value) if isinstance(value, st.SearchStrategy) else value
            elif name in pinned_by_kind:
                values[name] = pinned_by_kind[name]
            elif field.is_required() or draw(st.booleans()):
                values[name] = draw(_for_field(field))
        try:
            return model(**values)
        except pydantic.ValidationError:
            reject()

    return build()


def _bounds(metadata: list[Any]) -> tuple[Any, Any]:
    low = high = None
    for item in metadata:
        for attr in ("ge", "gt"):
            if getattr(item, attr, None) is not None:
                low = getattr(item, attr)
        for attr in ("le", "lt"):
            if getattr(item, attr, None) is not None:
                high = getattr(item, attr)
    return low, high


def _for_field(field: Any) -> st.SearchStrategy[Any]:
    return _for_annotation(field.annotation, list(field.metadata))


def _for_annotation(annotation: Any, metadata: list[Any]) -> st.SearchStrategy[Any]:
    annotation = strip_optional(annotation)
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        inner, *extra = typing.get_args(annotation)
        return _for_annotation(inner, [*metadata, *extra])
    if origin is typing.Literal:
        return st.sampled_from(typing.get_args(annotation))
    if origin is list:
        (item,) = typing.get_args(annotation) or (Any,)
        return st.lists(_for_annotation(item, []), max_size=3)
    low, high = _bounds(metadata)
    if annotation is bool:
        return st.booleans()
    if annotation is int:
        return st.integers(0 if low is None else low, 10_000 if high is None else high)
    if annotation is float:
        return st.floats(low, high, allow_nan=False, allow_infinity=False)
    if annotation is str:
        return line_text(1, 40).filter(lambda text: text.strip() == text and text != "")
    if annotation is Secured:
        return secured_values()
    if annotation is _dt.datetime or getattr(annotation, "__name__", "") == "AwareDatetime":
        return past_datetimes()
    return st.from_type(annotation)
