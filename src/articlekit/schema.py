"""JSON Schema (draft 2020-12) for every kind of front matter, generated from the models.

The models in `articlekit.models` are the one source of truth: each
field's description, type, constraints and example live there and flow into
the schema, the format reference in ``docs/`` and articlekit's own messages.

>>> import articlekit
>>> schema = articlekit.json_schema(articlekit.Article)
>>> schema["$schema"]
'https://json-schema.org/draft/2020-12/schema'
>>> "publishedDateTime" in schema["required"]
True

Other tools validate front matter read as JSON, with YAML timestamps written as
RFC 3339 strings ([`json_data`][articlekit.schema.json_data] does that conversion).  Formats
(``date-time``, ``uri``, ``hostname``) are annotations in draft 2020-12: turn
on format assertion in your validator to have them checked.

The committed schema files ship inside the package, one per kind
(``articlekit/schemas/article.schema.json``); [`packaged_schema`][articlekit.schema.packaged_schema] reads
them.  ``python -m articlekit.docgen`` regenerates them.
"""

from __future__ import annotations

import copy
import importlib
import importlib.resources
import json
import re
import threading
import types
import typing
from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue

from ._jsonable import jsonable
from .models import Article
from .models._base import FrontMatterModel
from .models.kinds import kind_of_model

__all__ = [
    "DIALECT",
    "SCHEMA_BASE_URL",
    "exported_kinds",
    "json_data",
    "json_schema",
    "packaged_schema",
    "schema_filename",
    "schema_files",
]

DIALECT = "https://json-schema.org/draft/2020-12/schema"
"""The ``$schema`` of every schema articlekit writes."""

SCHEMA_BASE_URL = "https://articlekit.readthedocs.io/en/latest/schemas/"
"""Where the schema files are published (the docs site serves ``docs/schemas/``); ``$id`` is below it."""

_DROP_KEYS = ("title", "default")


class _Generator(GenerateJsonSchema):
    """pydantic's generator, but keeping the models' own key order (examples read as in files)."""

    def sort(self, value: JsonSchemaValue, parent_key: str | None = None) -> JsonSchemaValue:
        return value


def schema_filename(kind: type[BaseModel]) -> str:
    """The file name of ``kind``'s schema: ``article.schema.json`` for [`Article`][articlekit.Article].

    A registered kind's name (`register_kind("recipe", Recipe)`: ``recipe.schema.json``),
    else the model's class name in lower case.
    """
    info = kind_of_model(kind)
    return f"{info.name if info is not None else kind.__name__.lower()}.schema.json"


def _first_paragraphs(doc: str | None) -> str:
    """A class docstring up to its first doctest or code block, whitespace normalised.

    The paragraph that introduces a code block (ending in ``:``) goes with it, and
    cross-references (``[`Provider`][articlekit.Provider]``) keep only their text.
    """
    if not doc:
        return ""
    kept: list[str] = []
    for paragraph in doc.strip().split("\n\n"):
        stripped = paragraph.strip()
        if stripped.startswith((">>>", "```", "~~~")) or stripped.endswith("::"):
            if kept and kept[-1].endswith(":") and not stripped.startswith(">>>"):
                kept.pop()
            break
        kept.append(" ".join(line.strip() for line in stripped.splitlines()))
    text = "\n\n".join(kept).replace("``", "`")
    return re.sub(r"\[(`[^`\]]+`)\]\[[\w.]*\]", r"\1", text)


def _annotation_models(annotation: Any) -> list[type[BaseModel]]:
    """Every model class inside a field annotation (through unions, lists, dicts, ...)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    found: list[type[BaseModel]] = []
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _annotation_models(typing.get_args(annotation)[0])
    if origin is not None or isinstance(annotation, types.UnionType):
        for arg in typing.get_args(annotation):
            found.extend(_annotation_models(arg))
    return found


_IN_ORDER: set[type[BaseModel]] = set()
"""The models `_build_in_order` has built (each once)."""
_IN_ORDER_LOCK = threading.Lock()


def _build_in_order(kind: type[BaseModel]) -> None:
    """Build ``kind``'s validator again after those of the models in its fields, as class creation did.

    The models are built on first use (``defer_build``), in the order files
    happen to ask for them, and pydantic lists a schema's ``$defs`` in an order
    that depends on which nested models were built before the model itself.
    Built here children first (once per model), every model is built as
    building each one where it was defined built it, which the schemas in
    ``schemas/`` were generated from: the output does not depend on what the
    process did before.
    """
    with _IN_ORDER_LOCK:
        pending: list[tuple[type[BaseModel], bool]] = [(kind, False)]
        while pending:
            model, children_done = pending.pop()
            if children_done:
                model.model_rebuild(force=True)
                continue
            if model in _IN_ORDER:
                continue
            _IN_ORDER.add(model)
            pending.append((model, True))
            for field in reversed(model.model_fields.values()):
                pending.extend((sub, False) for sub in reversed(_annotation_models(field.annotation)))


def _nested_models(kind: type[BaseModel]) -> dict[str, type[BaseModel]]:
    """``kind`` and every model reachable from its fields, by class name."""
    seen: dict[str, type[BaseModel]] = {}
    stack = [kind]
    while stack:
        model = stack.pop()
        if model.__name__ in seen:
            continue
        seen[model.__name__] = model
        for field in model.model_fields.values():
            stack.extend(_annotation_models(field.annotation))
    return seen


_KEY_ORDER = (
    "$ref",
    "type",
    "format",
    "pattern",
    "minLength",
    "maxLength",
    "minimum",
    "exclusiveMinimum",
    "maximum",
    "exclusiveMaximum",
    "items",
    "minItems",
    "maxItems",
    "anyOf",
)


def _ordered(prop: dict[str, Any]) -> dict[str, Any]:
    """A property's keywords in reading order: type and constraints, then description and examples."""
    rank = {key: i for i, key in enumerate(_KEY_ORDER)}
    late = {"description": len(rank) + 1, "examples": len(rank) + 2}
    return dict(sorted(prop.items(), key=lambda kv: rank.get(kv[0], late.get(kv[0], len(rank)))))


def _simplify(prop: dict[str, Any]) -> dict[str, Any]:
    """``anyOf: [{type: T, ...}, {type: null}]`` becomes ``type: [T, "null"]`` with T's keywords."""
    options = prop.get("anyOf")
    if not isinstance(options, list) or len(options) != 2 or {"type": "null"} not in options:
        return prop
    other = options[0] if options[1] == {"type": "null"} else options[1]
    if not isinstance(other.get("type"), str) or any(k in prop for k in other if k != "type"):
        return prop
    merged = {k: v for k, v in prop.items() if k != "anyOf"}
    merged.update(other)
    merged["type"] = [other["type"], "null"]
    return merged


def _ref_name(prop: dict[str, Any]) -> tuple[str | None, bool]:
    """The ``$defs`` name a property refers to, and whether it is a list of them."""
    candidates = [prop, *prop.get("anyOf", [])]
    for candidate in candidates:
        ref = candidate.get("$ref")
        if isinstance(ref, str):
            return ref.rsplit("/", 1)[-1], False
        items = candidate.get("items")
        if isinstance(items, dict) and isinstance(items.get("$ref"), str):
            return items["$ref"].rsplit("/", 1)[-1], True
    return None, False


def _model_example(name: str, defs: dict[str, Any], depth: int = 0) -> dict[str, Any]:
    """An example mapping of the model ``name``, built from its fields' own examples."""
    example: dict[str, Any] = {}
    for key, prop in defs[name].get("properties", {}).items():
        if "examples" in prop:
            example[key] = prop["examples"][0]
            continue
        ref, is_list = _ref_name(prop)
        if ref is not None and depth < 3 and ref in defs:
            sub = _model_example(ref, defs, depth + 1)
            example[key] = [sub] if is_list else sub
    return example


def _clean_model(schema: dict[str, Any], model: type[BaseModel] | None) -> dict[str, Any]:
    """Tidy one object schema: no generated titles, simple nullable types, docstring description."""
    properties = {}
    for key, prop in schema.get("properties", {}).items():
        cleaned = {k: v for k, v in prop.items() if k not in _DROP_KEYS}
        properties[key] = _ordered(_simplify(cleaned))
    out: dict[str, Any] = {"title": schema.get("title", model.__name__ if model else "")}
    description = _first_paragraphs(model.__doc__) if model is not None else schema.get("description", "")
    if description:
        out["description"] = description
    out["type"] = "object"
    out["properties"] = properties
    if schema.get("required"):
        out["required"] = list(schema["required"])
    forbidden: frozenset[str] = getattr(model, "forbidden_keys", frozenset())
    if forbidden:
        out["propertyNames"] = {"not": {"enum": sorted(forbidden)}}
    skip = {"title", "description", "type", "properties", "required", "additionalProperties"}
    out.update({k: v for k, v in schema.items() if k not in skip})
    # articlekit keeps unknown keys (and warns about them), so the schema allows them.
    out["additionalProperties"] = schema.get("additionalProperties", True)
    return out


def _add_model_examples(target: dict[str, Any], defs: dict[str, Any]) -> None:
    """Give every property that holds a model (or a list of them) an example if it has none."""
    for prop in target.get("properties", {}).values():
        if "examples" in prop:
            continue
        ref, is_list = _ref_name(prop)
        if ref is not None and ref in defs:
            sub = _model_example(ref, defs)
            prop["examples"] = [[sub] if is_list else sub]


def json_schema(kind: type[BaseModel] = Article) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a kind of front matter, generated from its model.

    Properties are named by YAML key.  Every property has a ``description`` and
    ``examples``; required keys are listed in ``required``; integer ranges,
    ``format`` (``uri``, ``date-time``, ``hostname``) and patterns (``secured``)
    come from the model's fields.  Unknown keys are allowed
    (``additionalProperties: true``), since articlekit keeps them.  Keys a
    mapping must not have (``related`` and ``secured`` in a related item) are
    excluded with ``propertyNames``.  Works for any model class.

    Args:
        kind: the model class, e.g. [`articlekit.Article`][articlekit.Article] (the default).

    Returns:
        A new ``dict`` each call (safe to modify), ready for ``json.dumps``.

    >>> schema = json_schema()
    >>> schema["properties"]["quality"]["minimum"]
    0
    >>> schema["$defs"]["RelatedItem"]["propertyNames"]
    {'not': {'enum': ['related', 'secured']}}
    """
    if not (isinstance(kind, type) and issubclass(kind, BaseModel)):
        raise TypeError(f"json_schema() takes a model class such as articlekit.Article, not {kind!r}")
    _build_in_order(kind)
    raw = copy.deepcopy(kind.model_json_schema(by_alias=True, mode="validation", schema_generator=_Generator))
    models = _nested_models(kind)
    raw_defs: dict[str, Any] = raw.pop("$defs", {})
    defs = {name: _clean_model(sub, models.get(name)) for name, sub in raw_defs.items()}
    top = _clean_model(raw, kind)
    for target in (*defs.values(), top):
        _add_model_examples(target, defs)
    schema: dict[str, Any] = {
        "$schema": DIALECT,
        "$id": SCHEMA_BASE_URL + schema_filename(kind),
    }
    schema.update(top)
    if defs:
        schema["$defs"] = defs
    return schema


def exported_kinds() -> list[type[FrontMatterModel]]:
    """The kinds of document articlekit exports, [`Article`][articlekit.Article] first.

    These are the models of the registered kinds (``articlekit.models.kinds.KINDS``,
    kinds registered with [`register_kind`][articlekit.register_kind] included).  Without that
    registry, a kind is a model exported from `articlekit` that no other
    exported model uses as a part (``Image``, ``Provider`` and ``RelatedItem`` are parts).
    """
    import articlekit

    try:
        registry = importlib.import_module("articlekit.models.kinds").KINDS
    except (ImportError, AttributeError):
        registry = None
    if registry:
        return [info.model for info in registry]
    exported = [getattr(articlekit, name) for name in articlekit.__all__]
    models = [m for m in exported if isinstance(m, type) and issubclass(m, FrontMatterModel)]
    parts: set[type[BaseModel]] = set()
    for model in models:
        for field in model.model_fields.values():
            parts.update(_annotation_models(field.annotation))
    kinds = [m for m in models if m not in parts]
    return sorted(kinds, key=lambda m: (m is not Article, m.__name__))


def schema_files() -> dict[str, str]:
    """The text of every schema file, by file name: one per exported kind.

    The text is ``json.dumps(..., indent=2, ensure_ascii=False)`` plus a newline,
    exactly as committed under ``src/articlekit/schemas/``.
    """
    return {
        schema_filename(kind): json.dumps(json_schema(kind), indent=2, ensure_ascii=False) + "\n"
        for kind in exported_kinds()
    }


def packaged_schema(kind: type[BaseModel] | str = Article) -> dict[str, Any]:
    """Read the schema file shipped in the package for ``kind`` (a model class or a name like ``"article"``).

    Raises:
        FileNotFoundError: no schema file is shipped for that kind.
    """
    name = kind if isinstance(kind, str) else kind.__name__
    filename = f"{name.lower()}.schema.json"
    resource = importlib.resources.files("articlekit").joinpath("schemas").joinpath(filename)
    if not resource.is_file():
        raise FileNotFoundError(f"articlekit ships no schema file {filename!r}")
    loaded: dict[str, Any] = json.loads(resource.read_text(encoding="utf-8"))
    return loaded


def json_data(data: Any) -> Any:
    """Front matter as plain data (as [`articlekit.parse`][articlekit.parse] gives it) turned into JSON data.

    This is the data the JSON Schema describes, converted exactly as
    `articlekit convert` converts it (`articlekit._jsonable.jsonable`):
    timestamps become RFC 3339 strings (``2020-08-11T13:41:00Z``: a zero offset
    is written ``Z``, for times too; a timestamp without a timezone keeps none
    and so is not a valid ``date-time``), bare dates ``YYYY-MM-DD``; mappings
    and lists are copied, with keys as text (``True`` becomes ``"true"``, as
    JSON writes it); non-finite floats become the strings ``"NaN"``,
    ``"Infinity"`` and ``"-Infinity"`` (JSON has no such numbers); bytes
    become base64 text and sets lists; a model becomes its data by YAML key.

    >>> from datetime import datetime, timezone
    >>> json_data({"publishedDateTime": datetime(2020, 8, 11, 13, 41, tzinfo=timezone.utc)})
    {'publishedDateTime': '2020-08-11T13:41:00Z'}
    """
    return jsonable(data)
