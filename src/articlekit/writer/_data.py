"""A model as plain data in YAML keys (compare such data with `articlekit._same.same`)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from .order import model_fields_by_key

__all__ = ["extra_key_clashes", "model_data"]


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


def _key_text(path: tuple[str | int, ...]) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def _clashes(value: Any, path: tuple[str | int, ...], out: list[str]) -> None:
    if isinstance(value, list | tuple):
        for i, item in enumerate(value):
            _clashes(item, (*path, i), out)
        return
    if not isinstance(value, BaseModel):
        return
    keys = model_fields_by_key(type(value))
    out.extend(_key_text((*path, key)) for key in value.model_extra or {} if key in keys)
    for key, name in zip(keys, type(value).model_fields, strict=True):
        _clashes(getattr(value, name, None), (*path, key), out)


def extra_key_clashes(model: BaseModel) -> list[str]:
    """The unknown keys of ``model`` (and of the models inside it) that are also a field's YAML key.

    ``model_copy(update={"webUrl": ...})`` makes one: ``update`` takes Python
    names, so ``webUrl`` becomes an unknown key next to the field ``web_url``.

    >>> from articlekit import Image
    >>> extra_key_clashes(Image(url="/a.png", width=1, height=1).model_copy(update={"isCached": True}))
    ['isCached']
    """
    out: list[str] = []
    _clashes(model, (), out)
    return out
