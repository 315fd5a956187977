"""One `model_fields_set` per shape: the loaded models of one frozen class share their sets.

`share_fields_sets` is what `articlekit.loads` calls on every model it keeps
(through `articlekit.validate.validate_kept`); `sharing_of` is what it knows of
a class, worked out once; `share` is the walk, which also tells whether every
key of the mappings the model was made from is known.
"""

from __future__ import annotations

import typing
from typing import Any

from pydantic import BaseModel

from ._introspect import child_model_of, field_key, strip_optional

__all__ = ["SHARING", "Sharing", "share", "share_fields_sets", "sharing_of"]

_SHARED_SETS_SIZE = 4096
"""At most this many (class, size) entries hold shared sets, whatever the files' extra keys."""
_SHAPES_PER_SIZE = 8
_set_fields_set: Any = BaseModel.__dict__["__pydantic_fields_set__"].__set__
"""``object.__setattr__(model, "__pydantic_fields_set__", value)`` as ``_set_fields_set(model, value)``:
the slot's own setter, without looking the attribute up (half the cost, for every loaded model)."""


class Sharing:
    """What `share_fields_sets` needs of a frozen model class, worked out once per class.

    ``by_size``: the shared sets by size, a few each, compared in turn (cheaper than
    hashing); ``first``: the first of them for each size, the one most models take;
    ``subs``: for each field whose value may be or hold a model, its name,
    the model class it holds (``None`` when not a model or a list of models), that
    class's sharing (``None`` when it is not frozen) and whether the value is a list.
    """

    __slots__ = ("by_size", "exact", "first", "subs")

    def __init__(self) -> None:
        self.by_size: dict[int, list[set[str]]] = {}
        self.first: dict[int, set[str]] = {}
        self.subs: tuple[tuple[str, type[BaseModel] | None, Sharing | None, bool], ...] = ()
        self.exact = False
        """Whether a key of a mapping the class's fields do not know (an unknown key, as
        `articlekit.validate` reports it) is exactly a key of its model's ``__pydantic_extra__``:
        extra keys are kept, each field is read from its YAML key, and every field that may hold a
        model is a model or a list of them."""


SHARING: dict[type[BaseModel], Sharing | None] = {}
_shapes_kept = 0  # (class, size) entries in every Sharing.by_size


def _holds_model(annotation: Any) -> bool:
    """Whether a value of type ``annotation`` may be or hold a pydantic model."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return True
    return any(_holds_model(arg) for arg in typing.get_args(annotation))


def sharing_of(
    cls: type[BaseModel], building: dict[type[BaseModel], Sharing | None] | None = None
) -> Sharing | None:
    """The `Sharing` of ``cls`` (kept); ``None`` when ``cls`` is not frozen: its sets may change.

    ``building``: those being made, for a model that holds itself; only complete ones are
    kept (other threads may read them).
    """
    if cls in SHARING:
        return SHARING[cls]
    top = building is None
    building = {} if building is None else building
    if cls in building:
        return building[cls]
    sharing = building[cls] = Sharing() if cls.model_config.get("frozen") else None
    if sharing is not None:
        subs: list[tuple[str, type[BaseModel] | None, Sharing | None, bool]] = []
        for name, field in cls.model_fields.items():
            if not _holds_model(field.annotation):
                continue
            sub, is_list = child_model_of(field.annotation)
            exact: Any = list[sub] if is_list else sub  # type: ignore[valid-type]  # the plain annotation
            if sub is not None and strip_optional(field.annotation) == exact:
                subs.append((name, sub, sharing_of(sub, building), is_list))
            else:  # a union, a dict, a tuple...: walked value by value
                subs.append((name, None, None, False))
        sharing.subs = tuple(subs)
        sharing.exact = (
            cls.model_config.get("extra") == "allow"
            and all(sub is not None for _, sub, _, _ in subs)
            and all(
                _read_as(name, field) == field_key(name, field) for name, field in cls.model_fields.items()
            )
        )
    if top:
        SHARING.update(building)
    return sharing


def _read_as(name: str, field: Any) -> Any:
    """The key validation reads the field ``name`` from (by alias, not by name)."""
    alias = field.validation_alias
    return alias if alias is not None else field.alias if field.alias is not None else name


def share_fields_sets(model: BaseModel) -> None:
    """Give ``model``, and every model inside it, the set of set fields its shape shares.

    Each pydantic model keeps its own ``model_fields_set`` (a `set` of its
    fields' names); for the small models of front matter that set weighs more
    than the model's values.  Frozen models never change it (pydantic copies it
    before `model_copy` changes the copy's), so the equal sets of one frozen
    class can be one object: 10,000 loaded documents then weigh little more than
    their data as plain dicts.  `model_fields_set` answers the same; only the
    objects are shared.  Models of classes that are not frozen keep their own.
    """
    cls = type(model)
    sharing = SHARING[cls] if cls in SHARING else sharing_of(cls)
    if sharing is not None:
        share(model, sharing)


def share(model: BaseModel, sharing: Sharing) -> bool:
    """`share_fields_sets` of ``model``, a model of the frozen class ``sharing`` is of.

    The models inside are reached through the class's fields that hold them: no
    type tests on the other values, and no call for a value that is not a model
    (nor for a model of a list whose class holds no model: images are shared in
    the loop).  The answer: whether every key of the mappings ``model`` was made
    from is known (every model reached is `Sharing.exact`, with nothing extra).
    """
    own = model.__pydantic_fields_set__
    first = sharing.first.get(len(own))
    if first == own:  # the common case: the first shape of its size
        if first is not own:
            _set_fields_set(model, first)
    else:
        _adopt(model, own, sharing)
    known = sharing.exact and not model.__pydantic_extra__
    if not sharing.subs:
        return known
    values = model.__dict__
    for name, sub, sub_sharing, is_list in sharing.subs:
        value = values.get(name)
        if value is None:
            continue
        if sub_sharing is None:  # a union, a dict, a tuple... or a class that is not frozen
            _share_within(value)
            known = False
        elif is_list and type(value) is list:  # images, related: a list of models
            if sub_sharing.subs:
                for item in value:
                    if type(item) is sub:
                        known = share(item, sub_sharing) and known
                    else:  # a subclass's model (Python-built), or not a model
                        _share_within(item)
                        known = False
                continue
            # `share` of each item, written out: models without models inside (images)
            firsts = sub_sharing.first
            if not sub_sharing.exact:
                known = False
            for item in value:
                if type(item) is not sub:  # a subclass's model (Python-built), or not a model
                    _share_within(item)
                    known = False
                    continue
                own = item.__pydantic_fields_set__
                first = firsts.get(len(own))
                if first == own:
                    if first is not own:
                        _set_fields_set(item, first)
                else:
                    _adopt(item, own, sub_sharing)
                if item.__pydantic_extra__:
                    known = False
        elif type(value) is sub:
            known = share(value, sub_sharing) and known
        else:
            _share_within(value)
            known = False
    return known


def _adopt(model: BaseModel, own: set[str], sharing: Sharing) -> None:
    """`share`'s work for ``model``, whose set is not the first shared set of its size."""
    global _shapes_kept
    size = len(own)
    shapes = sharing.by_size.get(size)
    if shapes is None:
        if _shapes_kept < _SHARED_SETS_SIZE:
            _shapes_kept += 1
            sharing.by_size[size] = [own]
            sharing.first[size] = own
        return
    for shared in shapes:
        if shared == own:
            if shared is not own:
                _set_fields_set(model, shared)
            return
    if len(shapes) < _SHAPES_PER_SIZE:
        shapes.append(own)


def _share_within(value: Any) -> None:
    if isinstance(value, BaseModel):
        share_fields_sets(value)
    elif isinstance(value, list | tuple):
        for item in value:
            _share_within(item)
    elif isinstance(value, dict):
        for item in value.values():
            _share_within(item)
