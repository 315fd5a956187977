"""The format and rules reference, for hover and completion.

The same source as ``docs/format.md`` and ``docs/rules.md``: the kinds' JSON
Schemas (the models' descriptions, types, constraints and examples, rendered
with `articlekit.docgen`'s helpers) and the registry of issue codes.

>>> from articlekit.models import Article
>>> print(key_doc(Article, ("heat",)).splitlines()[0])
**`heat`**: *integer*, optional
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from pydantic import BaseModel

from ..issues import CODES, KeyPath
from ..models.kinds import KINDS
from ..rules.kind_levels import KNOWN_LEVELS
from ..rules.news_type import NEWS_TYPES

__all__ = ["DOCS_URL", "KeyInfo", "code_doc", "code_url", "key_doc", "keys_of", "values_for"]

DOCS_URL = "https://articlekit.readthedocs.io/en/latest/"
"""The documentation site (``site_url`` of ``mkdocs.yml``)."""


def code_url(code: str) -> str:
    """The address of a code's section in the rules reference.

    >>> code_url("AK301")
    'https://articlekit.readthedocs.io/en/latest/rules/#ak301-missing-key'
    """
    info = CODES.get(code)
    anchor = f"{code}-{info.name}".lower() if info is not None else code.lower()
    return f"{DOCS_URL}rules/#{anchor}"


def code_doc(code: str) -> str | None:
    """A code's explanation in Markdown (``None`` for an unknown code)."""
    info = CODES.get(code)
    if info is None:
        return None
    parts = [f"**{info.code}** `{info.name}` ({info.severity})", "", info.summary]
    if info.doc:
        parts += ["", info.doc]
    parts += ["", f"[Rules reference]({code_url(code)})"]
    return "\n".join(parts)


@dataclass(frozen=True)
class KeyInfo:
    """One key a mapping may have: its schema, the model it belongs to, whether it is required."""

    key: str
    prop: dict[str, Any]
    model: str
    required: bool

    @property
    def type_text(self) -> str:
        """Its type in words, as the format reference writes it (links made absolute)."""
        from .. import docgen  # hover and completion only: not at start-up

        return _absolute(docgen._type_text(self.prop))

    @property
    def url(self) -> str:
        """Its section in the format reference."""
        return f"{DOCS_URL}format/#{self.model.lower()}-{self.key.lower()}"


def _absolute(markdown: str) -> str:
    return markdown.replace("](#", f"]({DOCS_URL}format/#")


@lru_cache(maxsize=32)
def _schema(kind: type[BaseModel]) -> dict[str, Any]:
    from ..schema import json_schema  # hover and completion only: not at start-up

    return json_schema(kind)


def _deref(prop: dict[str, Any], defs: dict[str, Any]) -> tuple[dict[str, Any], str | None]:
    """A property's own schema: ``$ref`` followed, the non-null option of ``anyOf``."""
    for _ in range(8):
        if "$ref" in prop:
            name = prop["$ref"].rsplit("/", 1)[-1]
            target = defs.get(name)
            if not isinstance(target, dict):
                return prop, None
            return target, name
        options = [o for o in prop.get("anyOf", []) if isinstance(o, dict) and o != {"type": "null"}]
        if len(options) == 1 or (options and "$ref" in options[0]):
            prop = options[0]
            continue
        break
    return prop, None


def _types(prop: dict[str, Any]) -> set[str]:
    kind = prop.get("type")
    return {kind} if isinstance(kind, str) else set(kind or ())


def _model_at(kind: type[BaseModel], path: KeyPath) -> tuple[dict[str, Any], str] | None:
    """The object schema (and its name) of the mapping at ``path``."""
    root = _schema(kind)
    defs = root.get("$defs", {})
    node: dict[str, Any] = root
    name = kind.__name__
    for part in path:
        if isinstance(part, int):
            if "array" not in _types(node) or not isinstance(node.get("items"), dict):
                return None
            node, found = _deref(node["items"], defs)
        else:
            prop = node.get("properties", {}).get(part)
            if not isinstance(prop, dict):
                return None
            node, found = _deref(prop, defs)
        if found is not None:
            name = found
    if "properties" not in node:
        return None
    return node, name


def keys_of(kind: type[BaseModel], path: KeyPath) -> list[KeyInfo]:
    """The keys the mapping at ``path`` may have, in the schema's order (empty: not a mapping)."""
    found = _model_at(kind, path)
    if found is None:
        return []
    model, name = found
    required = set(model.get("required", []))
    return [KeyInfo(k, p, name, k in required) for k, p in model.get("properties", {}).items()]


def key_info(kind: type[BaseModel], path: KeyPath) -> KeyInfo | None:
    """The schema of the key at ``path`` (its last part must be a key)."""
    if not path or not isinstance(path[-1], str):
        return None
    for info in keys_of(kind, path[:-1]):
        if info.key == path[-1]:
            return info
    return None


def key_doc(kind: type[BaseModel], path: KeyPath) -> str | None:
    """The format reference's text for the key at ``path``: type, constraints, description, example."""
    info = key_info(kind, path)
    if info is None:
        return None
    need = "required" if info.required else "optional"
    parts = [f"**`{info.key}`**: *{info.type_text}*, {need}", ""]
    from .. import docgen

    details = docgen._constraints(info.prop)
    if details:
        parts += ["Constraints: " + "; ".join(details) + ".", ""]
    if info.prop.get("description"):
        parts += [info.prop["description"], ""]
    for example in info.prop.get("examples", [])[:1]:
        parts += ["Example:", "", "```yaml", docgen._example_yaml(info.key, example), "```", ""]
    parts.append(f"[{info.model} in the format reference]({info.url})")
    return "\n".join(parts)


def _listed(prop: dict[str, Any]) -> list[Any]:
    if "const" in prop:
        return [prop["const"]]
    if "enum" in prop:
        return list(prop["enum"])
    out: list[Any] = []
    for option in prop.get("anyOf", []):
        if isinstance(option, dict):
            out += _listed(option)
    return out


def _kind_values() -> dict[str, list[str]]:
    """The values that name a kind, by key (``type``: ``video``, ``course``...), registered kinds included."""
    out: dict[str, list[str]] = {}
    for info in KINDS:
        for key, value in info.named_by.items():
            known = out.setdefault(key, [])
            if value not in known:
                known.append(value)
    out.setdefault("type", [])
    out["type"] += [t for t in NEWS_TYPES if t not in out["type"]]
    return out


def values_for(kind: type[BaseModel], path: KeyPath) -> list[Any]:
    """The values the key (or list item) at ``path`` takes, when they are few and known.

    From the schema (``Literal`` fields, enums, booleans) and the rules'
    lists: the kind keys ``type``, ``category`` and ``taxonomy``, ``levels``
    (AK903), a news item's ``type`` (AK854).
    """
    if not path:
        return []
    item = isinstance(path[-1], int)
    key_path = path[:-1] if item else path
    info = key_info(kind, key_path)
    values: list[Any] = []
    if info is not None:
        prop, _ = _deref(info.prop, _schema(kind).get("$defs", {}))
        if item and isinstance(prop.get("items"), dict):
            prop = prop["items"]
        elif item:
            prop = {}
        values += _listed(prop)
        if "boolean" in _types(prop) or any(_types(o) == {"boolean"} for o in prop.get("anyOf", [])):
            values += [True, False]
    key = key_path[-1] if key_path else None
    if key == "levels" and item:
        values += KNOWN_LEVELS
    elif len(key_path) == 1 and not item and isinstance(key, str) and key in (naming := _kind_values()):
        if key == "type" and kind.__name__ == "Article":
            values += NEWS_TYPES  # a news item's own types first (AK854)
        values += naming[key]
    elif key == "type" and "related" in key_path:
        values += NEWS_TYPES
    out: list[Any] = []
    for value in values:
        if value not in out:
            out.append(value)
    return out
