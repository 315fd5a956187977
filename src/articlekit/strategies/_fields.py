"""Shared machinery of the model strategies.

Field specs, the `MINIMAL` values, the checks of pinned (`**fixed`) values and the
generic model strategy that the per-kind strategies build on.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import pydantic
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from pydantic import BaseModel

from ..models import (
    Action,
    Article,
    Author,
    Collection,
    ContentProvider,
    Course,
    Download,
    Forum,
    Image,
    LinkedIn,
    Organization,
    Profile,
    Provider,
    Ratings,
    RelatedItem,
    Secured,
    Twitter,
    Video,
)
from ..models.kinds import kind_of_model
from ..rules.image_size import size_in_name
from ..validate import error_messages
from ._primitives import (
    EXCLUDED_CHARACTERS,
)

Draw = Callable[[st.SearchStrategy[Any]], Any]
Adjust = Callable[[Draw, dict[str, Any], Mapping[str, Any]], dict[str, Any]]

_MIN_SECURED = Secured(bytes(16), bytes(16))
_MIN_DATE = "2000-01-01T00:00:00Z"


@dataclass(frozen=True)
class _Field:
    """How one field is drawn: its strategy (``None``: set by the adjust step), and if it is always there."""

    strategy: st.SearchStrategy[Any] | None
    required: bool = False


def _opt(strategy: st.SearchStrategy[Any]) -> _Field:
    return _Field(strategy)


def _req(strategy: st.SearchStrategy[Any] | None) -> _Field:
    return _Field(strategy, required=True)


MINIMAL: dict[type[BaseModel], dict[str, Any]] = {
    Article: {
        "category": "news",
        "title": "x",
        "published_date_time": _MIN_DATE,
        "web_url": "https://minimal.invalid/a",
        "secured": _MIN_SECURED,
    },
    RelatedItem: {"title": "x", "web_url": "https://minimal.invalid/related"},
    Image: {"url": "/x.png", "width": 1, "height": 1},
    Provider: {"name": "x"},
    ContentProvider: {"name": "x"},
    Author: {"name": "x"},
    Ratings: {"count": 0, "average": 0.0},
    Twitter: {},
    LinkedIn: {"url": "https://www.linkedin.com/in/x"},
    Action: {"url": "https://minimal.invalid/file"},
    Video: {"title": "x", "type": "video", "secured": _MIN_SECURED},
    Course: {"title": "x", "type": "course"},
    Collection: {"title": "x", "type": "collection", "items": ["videos/x"], "secured": _MIN_SECURED},
    Download: {"title": "x", "type": "download", "secured": _MIN_SECURED},
    Profile: {"name": "x", "type": "profile"},
    Forum: {"name": "x", "type": "forum"},
    Organization: {
        "taxonomy": "organization",
        "id": "minimal.invalid",
        "name": "x",
        "domain": "minimal.invalid",
    },
}
"""The smallest valid keyword arguments of each model: what the strategies shrink toward."""


def check_fixed(model: type[BaseModel], fixed: Mapping[str, Any]) -> None:
    """Check pinned fields at once; raise `InvalidArgument` for a bad name or value.

    Names must be Python attribute names of ``model``.  Pinned values that are
    not strategies are put into the minimal model, which must validate; for a
    whole document it must also be written and checked with no error issue.
    Messages name fields by their YAML keys, as `articlekit.check` does.
    """
    fields = model.model_fields
    unknown = sorted(set(fixed) - set(fields))
    if unknown:
        aliases = {f.alias: n for n, f in fields.items() if f.alias}
        hints = [f"{u!r} (did you mean {aliases[u]!r}?)" if u in aliases else repr(u) for u in unknown]
        raise InvalidArgument(
            f"{model.__name__} has no field {', '.join(hints)}; pin fields by their Python names: "
            f"{', '.join(sorted(fields))}"
        )
    values = {k: v for k, v in fixed.items() if not isinstance(v, st.SearchStrategy)}
    if not values:
        return
    problem = _pinned_problem(model, fixed, values, strict=False)
    if problem is not None:
        raise InvalidArgument(problem)


def _pinned_problem(
    model: type[BaseModel], fixed: Mapping[str, Any], values: Mapping[str, Any], *, strict: bool
) -> str | None:
    """Why ``values`` (pinned, among the names in ``fixed``) cannot be part of a valid ``model``, or ``None``.

    The values go into the minimal model, which must validate; a whole document
    is also written and checked: it must have no error (``strict``: no issue at all,
    for values drawn from a pinned strategy, since `documents` promises files with no issue).
    """
    fields = model.model_fields
    for name, value in values.items():
        if value is None and fields[name].is_required():
            return f"{model.__name__}.{name} is required: it cannot be pinned to None"
        char = _unwritable(value)
        if char is not None:
            return (
                f"{model.__name__}.{name} holds U+{ord(char):04X} ({unicodedata.name(char, 'a control')}), "
                "a character generated files never hold (surrogates, controls, line and paragraph "
                "separators and EXCLUDED_CHARACTERS; a line break only where text may have one)"
            )
    kwargs = {**MINIMAL[model], **values}
    if model is Article and "category" in fixed and kwargs.get("category") is None and "type" not in fixed:
        kwargs["type"] = "article"  # as articles() does: a news item without a category
    if model is Organization and "domain" in values and "id" not in fixed:
        kwargs["id"] = values["domain"]
    if model is Article and "amp_web_url" in values and "cdn_amp_web_url" not in fixed:
        kwargs["cdn_amp_web_url"] = None
    if model is Image and isinstance(values.get("url"), str) and not {"width", "height"} & set(fixed):
        size = size_in_name(values["url"])  # a size in the name sets width and height (see images())
        if size is not None:
            kwargs["width"], kwargs["height"] = size
    kwargs = {k: v for k, v in kwargs.items() if v is not None}
    if model is Article and "web_url" not in kwargs and "original_url" not in kwargs:
        # a pinned None or a pinned strategy: the other URL (or the strategy) supplies one
        other = (
            "original_url" if "original_url" not in values else "web_url" if "web_url" not in values else None
        )
        if other is not None:
            kwargs[other] = "https://minimal.invalid/other"
    try:
        instance = model(**kwargs)
    except pydantic.ValidationError as exc:
        return f"pinned values do not make a valid {model.__name__}: " + "; ".join(error_messages(exc, model))
    if model is Image:
        return _image_problem(instance)  # type: ignore[arg-type]
    if kind_of_model(model) is not None:  # a whole document
        from ..api import check
        from ..document import Document
        from ..writer import WriteError, dumps

        try:
            text = dumps(Document(meta=instance))
        except WriteError as exc:
            return f"pinned values cannot be written: {exc}"
        issues = [str(i) for i in check(text) if strict or i.is_error]
        if issues:
            return f"pinned values make an invalid {model.__name__}: " + "; ".join(issues)
    return None


_UNWRITABLE = re.compile(
    f"[\\x00-\\x09\\x0b-\\x1f\\x7f-\\x9f\\ud800-\\udfff\\u2028\\u2029{EXCLUDED_CHARACTERS}]"
)
"""What the strategies' own text never holds: surrogates (Cs), controls (Cc) but the line feed,
line and paragraph separators (Zl, Zp), and `EXCLUDED_CHARACTERS`."""


def _unwritable(value: Any) -> str | None:
    """The first character of ``value``'s text (at any depth) that generated files never hold, or ``None``."""
    if isinstance(value, str):
        found = _UNWRITABLE.search(value)
        return found.group() if found else None
    if isinstance(value, BaseModel):
        value = value.model_dump(by_alias=True, exclude_none=True)
    if isinstance(value, dict):
        value = [*value.keys(), *value.values()]
    if isinstance(value, list | tuple):
        for item in value:
            char = _unwritable(item)
            if char is not None:
                return char
    return None


def _image_problem(image: Image) -> str | None:
    size = size_in_name(image.url)
    if size is not None and size != (image.width, image.height):
        return (
            f"the image URL {image.url!r} names the size {size[0]}x{size[1]}, "
            f"but width and height are {image.width}x{image.height} (rule AK401)"
        )
    return None


def _valid_pinned(
    model: type[BaseModel], name: str, strategy: st.SearchStrategy[Any]
) -> st.SearchStrategy[Any]:
    """``strategy``, pinned to the field ``name``, without the values that break a rule or make an issue.

    Plain pinned values are checked once (`check_fixed`); values a pinned
    strategy draws are checked the same way, each, and those with a problem
    are left out (e.g. a title with a line break from ``st.text()``).
    """

    seen: dict[str, bool] = {}  # by repr(): shrinking draws the same values again

    def fits(value: Any) -> bool:
        key = repr(value)
        ok = seen.get(key)
        if ok is None:
            ok = _pinned_problem(model, {name: value}, {name: value}, strict=True) is None
            if len(seen) < 4096:
                seen[key] = ok
        return ok

    return strategy.filter(fits)


def _model_strategy(
    model: type[BaseModel],
    fields: dict[str, _Field],
    fixed: Mapping[str, Any],
    adjust: Adjust | None = None,
) -> st.SearchStrategy[Any]:
    check_fixed(model, fixed)
    pinned = {
        name: _valid_pinned(model, name, value) if isinstance(value, st.SearchStrategy) else value
        for name, value in fixed.items()
    }

    @st.composite
    def build(draw: st.DrawFn) -> Any:
        values: dict[str, Any] = {}
        for name, spec in fields.items():
            if name in pinned:
                value = pinned[name]
                if isinstance(value, st.SearchStrategy):
                    value = draw(value)
                if value is not None:
                    values[name] = value
                continue
            if spec.strategy is None:
                continue
            if spec.required or draw(st.booleans()):
                values[name] = draw(spec.strategy)
        if adjust is not None:
            values = adjust(draw, values, pinned)
        try:
            return model(**values)
        except pydantic.ValidationError as exc:
            raise InvalidArgument(
                f"the values drawn for {model.__name__} are not valid: "
                + "; ".join(error_messages(exc, model))
            ) from None

    return build()
