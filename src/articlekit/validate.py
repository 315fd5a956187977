"""Schema validation: the pydantic models run over the loaded data, their
errors turned into [`Issue`][articlekit.Issue] objects that speak in YAML
keys and point at lines and columns, and unknown keys reported as warnings.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, NamedTuple

import pydantic
from pydantic import BaseModel
from pydantic_core import CoreConfig, SchemaError, SchemaValidator, core_schema

from ._fieldsets import SHARING, share, share_fields_sets, sharing_of
from ._introspect import child_model_of, field_key, fields_by_key
from .issues import CODES, Issue, KeyPath, format_path
from .models._base import FrontMatterModel
from .models.secured import secured_issues
from .positions import Locations
from .yamlsafe import resolve_plain

__all__ = ["error_messages", "share_fields_sets", "validate_issues", "validate_kept", "validate_model"]

MISSING = CODES["AK301"]
WRONG_TYPE = CODES["AK302"]
OUT_OF_RANGE = CODES["AK303"]
BAD_DATE = CODES["AK304"]
UNKNOWN_KEY = CODES["AK305"]

_EXPECTED = {
    "int_type": "an integer",
    "int_parsing": "an integer",
    "int_from_float": "an integer",
    "string_type": "text",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "float_type": "a number",
    "list_type": "a list",
    "dict_type": "a mapping",
    "model_type": "a mapping",
    "model_attributes_type": "a mapping",
    "datetime_type": "a date and time",
    "date_type": "a date",
}
_RANGE = {
    "greater_than_equal": "must be {ge} or more",
    "greater_than": "must be more than {gt}",
    "less_than_equal": "must be {le} or less",
    "less_than": "must be less than {lt}",
    "string_too_short": "must not be empty",
    "string_too_long": "must be at most {max_length} characters long",
    "too_short": "must have at least {min_length} item(s)",
    "too_long": "must have at most {max_length} items",
}
_DATES = {
    "timezone_aware",
    "datetime_parsing",
    "datetime_from_date_parsing",
    "invalid_timestamp",
    "date_without_time",
    "datetime_object_invalid",
}
_OWN_DATE_MESSAGES = {"invalid_timestamp", "date_without_time"}  # raised by models._base, in YAML words
# other constraints pydantic can report, in words ({...}: the error's ctx)
_OTHER = {
    "finite_number": "must be a finite number",
    "enum": "must be one of {expected}",
    "string_pattern_mismatch": "must match the pattern {pattern}",
    "multiple_of": "must be a multiple of {multiple_of}",
    "is_instance_of": "must be {class}",
    "int_parsing_size": "is too large a number",
    "too_long": "has too many items",
    "set_type": "must be a list",
    "tuple_type": "must be a list",
    "none_required": "must be empty (null)",
}


def _describe(value: Any, raw: str | None, style: str | None) -> str:
    if value is None:
        return "empty (null)" if not raw else f"null ({raw!r})"
    if isinstance(value, bool):
        kind = "a boolean"
    elif isinstance(value, int):
        kind = "an integer"
    elif isinstance(value, float):
        kind = "a number"
    elif isinstance(value, datetime):
        kind = "a date and time"
    elif isinstance(value, date):
        kind = "a date"
    elif isinstance(value, str):
        kind = "text"
    elif isinstance(value, dict):
        return "a mapping"
    elif isinstance(value, list):
        return "a list"
    else:
        kind = type(value).__name__
    shown = raw if raw is not None else repr(value)
    if len(shown) > 40:
        shown = shown[:37] + "..."
    if style in ('"', "'"):
        shown = f"{style}{shown}{style}"
    return f"{kind} ({shown})"


_FITS = {
    "an integer": ("tag:yaml.org,2002:int",),
    "a number": ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float"),
    "true or false": ("tag:yaml.org,2002:bool",),
}


def _clip(text: str, limit: int = 40) -> str:
    """``text`` cut for a message: values can be long, and ``secured`` is never shown whole."""
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _unquoted_fits(text: str, expected: str) -> bool:
    """Whether ``text`` written without quotes would be read as ``expected``."""
    tags = _FITS.get(expected)
    if not tags or text != text.strip() or not text:
        return False
    return resolve_plain(text) in tags


def _loc_to_path(loc: tuple[int | str, ...]) -> KeyPath:
    return tuple(p for p in loc if isinstance(p, int | str))


def _key_name(path: KeyPath) -> str:
    """How a message names the value at ``path``: ``'webUrl'`` or ``'webUrl' in related[0]``."""
    if not path:
        return "the front matter"
    last = path[-1]
    if isinstance(last, int):
        return f"item {last} of {format_path(path[:-1])!r}" if path[:-1] else f"item {last}"
    parent = path[:-1]
    if parent:
        return f"{last!r} in {format_path(parent)}"
    return repr(last)


def _error_to_issue(err: Any, data: Any, locations: Locations, kind: type[BaseModel] | None = None) -> Issue:
    """The issue for one pydantic error: a message in YAML words, never pydantic's own text."""
    etype: str = err["type"]
    path = _loc_to_path(err["loc"])
    ctx = err.get("ctx") or {}
    line, column = locations.position(path)
    name = _key_name(path)
    value = err.get("input")
    info = locations.get(path)
    raw = info.raw if info is not None else None
    style = info.style if info is not None else None

    if etype.startswith("AK") and etype in CODES:
        code = CODES[etype]
        return code.issue(err["msg"], path, line, column)
    if etype == "missing":
        where = format_path(path[:-1])
        key = path[-1] if path else "?"
        message = f"the required key {key!r} is missing" + (f" from {where}" if where else "")
        return MISSING.issue(message, path, line, column)
    if etype in _DATES:
        if etype == "timezone_aware":
            message = f"{name} must have a timezone, like 2020-08-11T13:41:00Z; {raw or value!s} has none"
        elif etype in _OWN_DATE_MESSAGES:
            message = f"{name}: {err['msg']}"
        else:
            message = (
                f"{name} must be a date and time with a timezone, like 2020-08-11T13:41:00Z, "
                f"not {_describe(value, raw, style)}"
            )
        return BAD_DATE.issue(message, path, line, column)
    if etype in _RANGE:
        try:
            rule = _RANGE[etype].format(**ctx)
        except (KeyError, IndexError):  # pragma: no cover - pydantic always gives ctx
            rule = "is out of range"
        shown = _clip(raw if raw is not None else repr(value))
        message = f"{name} {rule}" + ("" if etype in ("string_too_short",) else f", not {shown}")
        return OUT_OF_RANGE.issue(message, path, line, column)
    if etype == "literal_error":
        expected_value = str(ctx.get("expected", "")) or "another value"
        owner = kind if kind is not None and len(path) == 1 else None
        what = ""
        if owner is not None:
            what = f" for {'an' if owner.__name__[0] in 'AEIOU' else 'a'} {owner.__name__}"
        shown = repr(_clip(value)) if isinstance(value, str) else _describe(value, raw, style)
        message = f"{name} must be {expected_value}{what}, not {shown}"
        return WRONG_TYPE.issue(message, path, line, column)
    expected = _EXPECTED.get(etype)
    got = _describe(value, raw, style)
    if expected is None:
        if etype in ("value_error", "assertion_error"):  # raised by articlekit's own validators
            text = str(err["msg"]).removeprefix("Value error, ").removeprefix("Assertion failed, ")
            message = f"{name}: {text}"
        else:
            try:
                rule = _OTHER[etype].format(**ctx)
            except (KeyError, IndexError):
                rule = "is not a value this key can have"
            message = f"{name} {rule}, not {got}"
        return WRONG_TYPE.issue(message, path, line, column)
    message = f"{name} must be {expected}, not {got}"
    if style == "" and raw is not None and not isinstance(value, str) and expected == "text":
        message += f": YAML reads the unquoted {_clip(raw)!r} as {got.split(' (')[0]}; put it in quotes"
    elif isinstance(value, str) and style in ('"', "'") and _unquoted_fits(value, expected):
        message += (
            ": write true or false without quotes" if expected == "true or false" else (": remove the quotes")
        )
    return WRONG_TYPE.issue(message, path, line, column)


def _yaml_loc(model: type[BaseModel], loc: tuple[int | str, ...]) -> tuple[int | str, ...]:
    """``loc`` of an error raised while building ``model`` in Python, with each field named by YAML key."""
    out: list[int | str] = []
    current: type[BaseModel] | None = model
    for part in loc:
        if isinstance(part, str) and current is not None:
            fields = current.model_fields
            field = fields.get(part)
            if field is None:  # already a YAML key (models accept both spellings)
                by_key = {field_key(n, f): f for n, f in fields.items()}
                field = by_key.get(part)
            if field is not None:
                out.append(field_key(part, field) if part in fields else part)
                current, _ = child_model_of(field.annotation)
                continue
            current = None
        out.append(part)
    return tuple(out)


def error_messages(exc: pydantic.ValidationError, model: type[BaseModel]) -> list[str]:
    """The messages of a `pydantic.ValidationError` raised by `model(...)`, in YAML words.

    For errors in Python-built models (e.g. values pinned in `articlekit.strategies`):
    fields are named by their YAML keys, as in files, never in pydantic's words.

    >>> import pydantic, articlekit
    >>> try:
    ...     articlekit.Image(url="/a.png", width=0, height=1)
    ... except pydantic.ValidationError as exc:
    ...     error_messages(exc, articlekit.Image)
    ["'width' must be 1 or more, not 0"]
    """
    empty = Locations()
    messages = []
    for err in exc.errors(include_url=False):
        err = {**err, "loc": _yaml_loc(model, tuple(err["loc"]))}
        messages.append(_error_to_issue(err, None, empty, model).message)
    return messages


_SubModels = dict[str, tuple[type[BaseModel], bool]]
_KEY_CACHE: dict[type[BaseModel], tuple[frozenset[str], _SubModels]] = {}


def _keys_of(model: type[BaseModel]) -> tuple[frozenset[str], _SubModels]:
    """The YAML keys of ``model``, and those whose values are models (or lists of them)."""
    cached = _KEY_CACHE.get(model)
    if cached is None:
        aliases = fields_by_key(model)
        subs = {key: (sub, is_list) for key, (sub, is_list) in aliases.items() if sub is not None}
        cached = (frozenset(aliases), subs)
        _KEY_CACHE[model] = cached
    return cached


# What _all_known needs of a model: its keys, and for each key whose value is a
# model (or a list of them), that model's plan and whether it is a list.
class _Plan:
    __slots__ = ("known", "subs")

    def __init__(self, known: frozenset[str]) -> None:
        self.known = known
        self.subs: tuple[tuple[str, _Plan, bool], ...] = ()


_PLANS: dict[type[BaseModel], _Plan] = {}


def _plan_of(model: type[BaseModel], building: dict[type[BaseModel], _Plan] | None = None) -> _Plan:
    """The plan of ``model`` (kept); ``building``: the plans being made, for a model that holds itself."""
    plan = _PLANS.get(model)
    if plan is not None:
        return plan
    top = building is None
    building = {} if building is None else building
    plan = building.get(model)
    if plan is None:
        known, subs = _keys_of(model)
        plan = building[model] = _Plan(known)
        plan.subs = tuple((key, _plan_of(sub, building), is_list) for key, (sub, is_list) in subs.items())
    if top:
        _PLANS.update(building)  # only complete plans are shared (other threads may read them)
    return plan


def _all_known(data: dict[Any, Any], plan: _Plan) -> bool:
    """Whether every key of ``data``, and of the mappings of its sub-models, is known.

    The common case, decided without building a path or an issue: C-level
    set checks, and a descent only into the keys that hold models.
    """
    if not plan.known.issuperset(data):
        return False
    for key, sub, is_list in plan.subs:
        value = data.get(key)
        if isinstance(value, dict):
            if not is_list and not _all_known(value, sub):
                return False
        elif is_list and isinstance(value, list):
            if sub.subs:
                for item in value:
                    if isinstance(item, dict) and not _all_known(item, sub):
                        return False
            else:  # items of a model without sub-models (images): no call each
                known = sub.known
                for item in value:
                    if isinstance(item, dict) and not known.issuperset(item):
                        return False
    return True


def _unknown_keys(
    data: Any, model: type[BaseModel], path: KeyPath, locations: Locations, out: list[Issue]
) -> None:
    """Add to ``out`` a warning for every key of ``data`` (at ``path``) that ``model`` does not know."""
    if isinstance(data, dict):
        plan = _PLANS.get(model)
        if not _all_known(data, plan if plan is not None else _plan_of(model)):
            _unknown_keys_walk(data, model, path, locations, out)


def _unknown_keys_walk(
    data: Any, model: type[BaseModel], path: KeyPath, locations: Locations, out: list[Issue]
) -> None:
    """`_unknown_keys`, mapping by mapping, in the order of the data."""
    if not isinstance(data, dict):
        return
    known_keys, subs = _keys_of(model)
    if not known_keys.issuperset(data):
        _unknown_keys_each(data, model, path, locations, out)
        return
    # every key is known: only the mappings of sub-models remain
    present = subs.keys() & data.keys()
    if not present:
        return
    for key in data if len(present) > 1 else present:  # in the mapping's order
        if key not in present:
            continue
        sub, is_list = subs[key]
        value = data[key]
        child = path + (key,)
        if is_list:
            if isinstance(value, list):
                for i, item in enumerate(value):
                    _unknown_keys_walk(item, sub, child + (i,), locations, out)
        else:
            _unknown_keys_walk(value, sub, child, locations, out)


def _unknown_keys_each(
    data: dict[Any, Any], model: type[BaseModel], path: KeyPath, locations: Locations, out: list[Issue]
) -> None:
    """`_unknown_keys` key by key, for a mapping with a key ``model`` does not know."""
    known = fields_by_key(model)
    forbidden = model.forbidden_keys if issubclass(model, FrontMatterModel) else frozenset()
    for key, value in data.items():
        entry = known.get(key)
        child = path + (key,)
        if entry is None:
            if key in forbidden or not isinstance(key, str):
                continue
            line, column = locations.position(child, at_key=True)
            where = f" in {format_path(path)}" if path else ""
            out.append(
                UNKNOWN_KEY.issue(
                    f"unknown key {key!r}{where}; it is kept as is",
                    child,
                    line,
                    column,
                )
            )
            continue
        sub, is_list = entry
        if sub is None:
            continue
        if is_list:
            if isinstance(value, list):
                for i, item in enumerate(value):
                    _unknown_keys_walk(item, sub, child + (i,), locations, out)
        else:
            _unknown_keys_walk(value, sub, child, locations, out)


def validate_model(
    data: dict[str, Any], kind: type[BaseModel], locations: Locations
) -> tuple[BaseModel | None, list[Issue]]:
    """Validate ``data`` as ``kind``; return the model (``None`` on errors) and the issues."""
    issues: list[Issue] = []
    model: BaseModel | None
    try:
        # what model_validate(data, by_alias=True, by_name=False) calls, without its checks
        model = kind.__pydantic_validator__.validate_python(data, by_alias=True, by_name=False)
    except pydantic.ValidationError as exc:
        model = None
        _add_errors(exc.errors(include_url=False), data, kind, locations, issues)
    _unknown_keys(data, kind, (), locations, issues)
    return model, issues


def _add_errors(
    errors: list[Any], data: dict[str, Any], kind: type[BaseModel], locations: Locations, issues: list[Issue]
) -> None:
    """Add to ``issues`` the issue of each of pydantic's ``errors`` validating ``data`` as ``kind``."""
    for err in errors:
        if "secured_problems" in (err.get("ctx") or ()):  # an issue for each part's problem
            issues.extend(secured_issues(err, locations))
            continue
        issues.append(_error_to_issue(err, data, locations, kind))


def validate_issues(data: dict[str, Any], kind: type[BaseModel], locations: Locations) -> list[Issue]:
    """The issues of `validate_model`, without making the model: what `articlekit.check` needs.

    The data is validated by a validator made from ``kind``'s schema with every
    model in it a typed dict (`_dict_schema`): the same checks, in the same
    order, with the same errors, without making a model object for each
    mapping.  A kind whose schema has anything that could tell a model from a
    dict (a model validator, a union of models...) is validated as models.
    The validator of a kind is made once, after its first few files (so one
    file, as in an editor or ``check one.md``, never pays for making it).
    """
    validator = _DICT_VALIDATORS.get(kind, _UNMADE)
    if validator is _UNMADE:
        uses = _DICT_USES[kind] = _DICT_USES.get(kind, 0) + 1
        if uses < _DICT_AFTER:
            return validate_model(data, kind, locations)[1]
        validator = _DICT_VALIDATORS[kind] = _dict_validator(kind)
    if validator is None:
        return validate_model(data, kind, locations)[1]
    return _dict_issues(validator, data, kind, locations)


def _dict_issues(
    validator: _DictValidator, data: dict[str, Any], kind: type[BaseModel], locations: Locations
) -> list[Issue]:
    """`validate_issues` with ``validator``, the typed-dict validator of ``kind``.

    When it forbids extra keys, a mapping that validates has no unknown key: the
    data is walked for the warnings only when validation fails, and the errors
    of the extra keys it forbade are left out (the walk reports the keys).
    """
    issues: list[Issue] = []
    try:
        validator.validator.validate_python(data, by_alias=True, by_name=False)
    except pydantic.ValidationError as exc:
        errors = exc.errors(include_url=False)
        if validator.forbids:
            errors = [err for err in errors if err["type"] != "extra_forbidden"]
        _add_errors(errors, data, kind, locations, issues)
    else:
        if validator.forbids:
            return issues
    _unknown_keys(data, kind, (), locations, issues)
    return issues


class _DictValidator(NamedTuple):
    """The typed-dict validator of a kind, and whether it forbids the keys the kind does not know."""

    validator: SchemaValidator
    forbids: bool


_DICT_AFTER = 8
"""Files of one kind validated as models before `validate_issues` makes the kind's dict validator."""
_UNMADE: Any = object()
_DICT_VALIDATORS: dict[type[BaseModel], _DictValidator | None] = {}
_DICT_USES: dict[type[BaseModel], int] = {}

# Schema types whose validation does not depend on whether a mapping below them is a model or
# a dict.  The others (unions, chains, functions...) are kept only when no model is below them:
# a union scores a model and a dict differently, a function would receive a dict for a model.
_DICT_SAFE = frozenset(
    {
        "any", "none", "bool", "int", "float", "decimal", "str", "bytes", "date", "time",
        "datetime", "timedelta", "literal", "enum", "is-instance", "uuid", "url",
        "multi-host-url", "list", "tuple", "set", "frozenset", "dict", "nullable",
        "default", "definitions", "definition-ref", "model", "model-fields", "model-field",
    }
)  # fmt: skip
_NO_MODEL_BELOW = frozenset(
    {
        "union", "tagged-union", "chain", "lax-or-strict", "json-or-python", "custom-error",
        "function-before", "function-after", "function-plain", "function-wrap",
    }
)  # fmt: skip


class _NotDict(Exception):
    """Raised by `_dict_schema` for a schema it leaves as models."""


def _holds_any_model(schema: Any) -> bool:
    """Whether a model (or a reference, which may be one) is anywhere in ``schema``."""
    if isinstance(schema, dict):
        if schema.get("type") in ("model", "definition-ref"):
            return True
        return any(_holds_any_model(value) for key, value in schema.items() if key not in _NOT_SCHEMAS)
    if isinstance(schema, list | tuple):
        return any(_holds_any_model(item) for item in schema)
    return False


def _dict_schema(schema: Any, forbid: bool = False) -> Any:
    """``schema`` (a pydantic core schema) with every model a typed dict that validates alike.

    ``forbid``: the typed dicts forbid extra keys (for kinds whose models keep them all,
    each an unknown key: see `_exactly_known`).

    Raises:
        _NotDict: something in it could tell a model from a dict.
    """
    if isinstance(schema, list):
        return [_dict_schema(item, forbid) for item in schema]
    if not isinstance(schema, dict):
        return schema
    kind = schema.get("type")
    if kind is None:  # not a schema: a field's metadata, a serializer, a config
        return schema
    if kind in _NO_MODEL_BELOW:
        function = schema.get("function")
        if _holds_any_model(schema) or (isinstance(function, dict) and function.get("type") != "no-info"):
            raise _NotDict(kind)  # a model below, or a validator that sees the others (as models)
        return schema
    if kind not in _DICT_SAFE:
        raise _NotDict(kind)
    if kind == "model":
        fields = schema["schema"]
        config: CoreConfig = schema.get("config") or {}
        if (
            not _MODEL_KEYS.issuperset(schema)
            or schema.get("custom_init")
            or schema.get("root_model")
            or schema.get("post_init")
            or fields.get("type") != "model-fields"
            or not _MODEL_FIELDS_KEYS.issuperset(fields)
            or fields.get("computed_fields")
        ):
            raise _NotDict("model")
        typed: dict[str, core_schema.TypedDictField] = {}
        for name, field in fields["fields"].items():
            alias = field.get("validation_alias")
            if not _FIELD_KEYS.issuperset(field) or (alias is not None and not isinstance(alias, str)):
                raise _NotDict("model-field")  # e.g. an alias path, or alias choices
            inner = _dict_schema(field["schema"], forbid)
            typed[name] = core_schema.typed_dict_field(
                inner, required=inner.get("type") != "default", validation_alias=alias
            )
        return core_schema.typed_dict_schema(
            typed,
            strict=fields.get("strict"),
            extra_behavior="forbid"
            if forbid
            else fields.get("extra_behavior") or config.get("extra_fields_behavior"),
            ref=schema.get("ref"),
            config=config,  # strict, by alias or by name, as the model validates
        )
    return {
        key: value if key in _NOT_SCHEMAS else _dict_schema(value, forbid) for key, value in schema.items()
    }


_NOT_SCHEMAS = frozenset({"metadata", "serialization", "config", "ref", "schema_ref"})
"""Keys of a schema whose values are not schemas (metadata holds JSON Schema words, ``type`` too)."""
# What `_dict_schema` knows of a model's schema; a key it does not know (a later pydantic's) keeps the models
_MODEL_KEYS = frozenset(
    {"type", "cls", "generic_origin", "schema", "config", "custom_init", "root_model", "post_init",
     "revalidate_instances", "strict", "frozen", "ref", "metadata", "serialization"}
)  # fmt: skip
_MODEL_FIELDS_KEYS = frozenset(
    {"type", "fields", "model_name", "computed_fields", "strict", "extra_behavior", "ref", "metadata",
     "serialization"}
)  # fmt: skip
_FIELD_KEYS = frozenset(
    {"type", "schema", "validation_alias", "serialization_alias", "serialization_exclude",
     "serialization_exclude_if", "frozen", "metadata"}
)  # fmt: skip


def _exactly_known(kind: type[BaseModel]) -> bool:
    """Whether the keys the models of ``kind`` keep as extra are exactly the unknown keys
    `_unknown_keys` reports (every model it may hold is `Sharing.exact`, see `articlekit._fieldsets`)."""
    seen: set[type[BaseModel]] = set()
    todo = [kind]
    while todo:
        cls = todo.pop()
        sharing = sharing_of(cls)
        if sharing is None or not sharing.exact:
            return False
        seen.add(cls)
        todo += [sub for _, sub, _, _ in sharing.subs if sub is not None and sub not in seen]
    return True


def _dict_validator(kind: type[BaseModel]) -> _DictValidator | None:
    """The typed-dict validator of ``kind`` (see `validate_issues`); ``None``: validate as models."""
    try:
        kind.__pydantic_validator__.validate_python  # noqa: B018 - made now if its build was deferred
        schema = kind.__pydantic_core_schema__
        if not isinstance(schema, dict):
            return None
        forbid = _exactly_known(kind)
        return _DictValidator(SchemaValidator(_dict_schema(schema, forbid)), forbid)
    except (_NotDict, LookupError, TypeError, ValueError, pydantic.PydanticUserError, SchemaError):
        return None


def validate_kept(
    data: dict[str, Any], kind: type[BaseModel], locations: Locations
) -> tuple[BaseModel | None, list[Issue]]:
    """`validate_model` for a model that is kept (`articlekit.loads`), its sets shared (`share_fields_sets`).

    The walk that shares the sets also finds whether any mapping has a key its
    model does not know (it is in that model's ``__pydantic_extra__``): the data is
    walked for the unknown-key warnings only then, instead of for every file.
    """
    issues: list[Issue] = []
    try:
        model: BaseModel = kind.__pydantic_validator__.validate_python(data, by_alias=True, by_name=False)
    except pydantic.ValidationError as exc:  # as validate_model
        _add_errors(exc.errors(include_url=False), data, kind, locations, issues)
        _unknown_keys(data, kind, (), locations, issues)
        return None, issues
    sharing = SHARING.get(kind)
    if sharing is None:  # not worked out yet, or not frozen
        sharing = sharing_of(kind)
    if sharing is None or not share(model, sharing):
        _unknown_keys(data, kind, (), locations, issues)
    return model, issues
