"""The JSON Schema export: structure, metadata, the secured pattern, the packaged files."""

from __future__ import annotations

import base64
import json
import re
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import articlekit
from articlekit.models.secured import SECURED_PATTERN, SecuredFormatError
from articlekit.schema import (
    DIALECT,
    SCHEMA_BASE_URL,
    exported_kinds,
    json_data,
    json_schema,
    packaged_schema,
    schema_filename,
    schema_files,
)

KINDS = exported_kinds()


def _objects(schema: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """The top-level object schema and every ``$defs`` entry, by name."""
    return [(schema["title"], schema), *schema.get("$defs", {}).items()]


def _sub_validator(schema: dict[str, Any], sub: dict[str, Any]) -> jsonschema.Draft202012Validator:
    """A validator for ``sub`` that can resolve ``#/$defs/...`` references of ``schema``."""
    return jsonschema.Draft202012Validator({**sub, "$defs": schema.get("$defs", {})})


def test_kinds_include_article_first() -> None:
    assert KINDS[0] is articlekit.Article
    assert len(set(KINDS)) == len(KINDS)


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.__name__)
def test_schema_is_valid_draft_2020_12(kind: type[Any]) -> None:
    schema = json_schema(kind)
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == DIALECT
    assert schema["$id"] == SCHEMA_BASE_URL + schema_filename(kind)
    assert schema["title"] == kind.__name__
    assert schema["type"] == "object"
    assert schema["additionalProperties"] is True


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.__name__)
def test_properties_by_yaml_key_and_required_from_the_model(kind: type[Any]) -> None:
    schema = json_schema(kind)
    aliases = {name: field.alias or name for name, field in kind.model_fields.items()}
    assert list(schema["properties"]) == list(aliases.values())
    required = {aliases[n] for n, f in kind.model_fields.items() if f.is_required()}
    assert set(schema.get("required", [])) == required


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.__name__)
def test_every_property_has_a_description_and_a_valid_example(kind: type[Any]) -> None:
    schema = json_schema(kind)
    for name, obj in _objects(schema):
        assert obj.get("additionalProperties") is True, name
        for key, prop in obj["properties"].items():
            assert prop.get("description"), f"{name}.{key} has no description"
            assert prop.get("examples"), f"{name}.{key} has no example"
            assert "title" not in prop, f"{name}.{key} keeps pydantic's generated title"
            validator = _sub_validator(schema, prop)
            for example in prop["examples"]:
                errors = [e.message for e in validator.iter_errors(example)]
                assert errors == [], f"the example of {name}.{key} breaks its own schema: {errors}"


def test_article_schema_details() -> None:
    schema = json_schema()
    props = schema["properties"]
    assert {"title", "publishedDateTime", "secured"} <= set(schema["required"])
    assert props["quality"]["minimum"] == 0
    assert (props["heat"]["minimum"], props["heat"]["maximum"]) == (-(2**31), 2**31 - 1)
    assert props["publishedDateTime"]["format"] == "date-time"
    for key in ("webUrl", "originalUrl", "ampWebUrl", "cdnAmpWebUrl"):
        assert props[key]["format"] == "uri"
    assert props["secured"]["pattern"] == SECURED_PATTERN
    image = schema["$defs"]["Image"]["properties"]
    assert (image["width"]["minimum"], image["width"]["maximum"]) == (1, 100_000)
    assert schema["$defs"]["Provider"]["properties"]["domain"]["format"] == "hostname"


def test_related_item_has_no_related_and_no_secured() -> None:
    schema = json_schema()
    related = schema["$defs"]["RelatedItem"]
    assert "related" not in related["properties"]
    assert "secured" not in related["properties"]
    validator = _sub_validator(schema, related)
    item = {"title": "A", "webUrl": "https://example.com/a"}
    assert validator.is_valid(item)
    assert validator.is_valid({**item, "somethingElse": 1})
    assert not validator.is_valid({**item, "related": []})
    assert not validator.is_valid({**item, "secured": "x"})


def test_json_schema_is_generic_over_any_model() -> None:
    schema = json_schema(articlekit.Image)
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["required"] == ["url", "width", "height"]
    assert "$defs" not in schema
    assert json_schema(articlekit.Provider)["$defs"]["Image"]["properties"]["isCached"]["type"] == [
        "boolean",
        "null",
    ]


def test_json_schema_returns_a_fresh_dict() -> None:
    first = json_schema()
    first["properties"]["title"]["description"] = "changed"
    first["$defs"]["Image"]["required"].append("x")
    assert json_schema()["properties"]["title"]["description"] != "changed"
    assert "x" not in json_schema()["$defs"]["Image"]["required"]


@pytest.mark.parametrize("bad", [None, "Article", articlekit.Secured, 3])
def test_json_schema_rejects_what_is_not_a_model(bad: Any) -> None:
    with pytest.raises(TypeError, match="model class"):
        json_schema(bad)


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.__name__)
def test_packaged_schema_files_are_the_generated_ones(kind: type[Any]) -> None:
    assert packaged_schema(kind) == json.loads(json.dumps(json_schema(kind)))
    assert packaged_schema(kind.__name__.lower()) == packaged_schema(kind)


def test_packaged_schema_unknown_name() -> None:
    with pytest.raises(FileNotFoundError, match=r"podcast\.schema\.json"):
        packaged_schema("podcast")


def test_schema_files_cover_every_kind() -> None:
    files = schema_files()
    assert sorted(files) == sorted(schema_filename(k) for k in KINDS)
    for text in files.values():
        assert text.endswith("}\n")
        jsonschema.Draft202012Validator.check_schema(json.loads(text))


def test_json_data_writes_timestamps_as_rfc3339() -> None:
    from datetime import date, datetime, timedelta, timezone

    data = {
        "a": datetime(2020, 8, 11, 13, 41, tzinfo=timezone.utc),
        "b": [datetime(2020, 8, 11, 13, 41, tzinfo=timezone(timedelta(hours=2)))],
        "c": {"d": date(2020, 8, 11), "e": datetime(2020, 8, 11, 13, 41)},
        "f": 1,
    }
    assert json_data(data) == {
        "a": "2020-08-11T13:41:00Z",
        "b": ["2020-08-11T13:41:00+02:00"],
        "c": {"d": "2020-08-11", "e": "2020-08-11T13:41:00"},
        "f": 1,
    }


def test_json_data_is_what_convert_writes() -> None:
    """One conversion for the schema and `articlekit convert`: values JSON has no word for become text."""
    from datetime import time, timezone

    from articlekit._jsonable import jsonable

    data = {
        "nan": float("nan"),
        True: [float("inf"), float("-inf")],
        "at": time(13, 41, tzinfo=timezone.utc),
        "raw": b"\x00\x01",
        "set": {2, 1},
    }
    want = {"nan": "NaN", "true": ["Infinity", "-Infinity"], "at": "13:41:00Z", "raw": "AAE=", "set": [1, 2]}
    assert json_data(data) == want
    assert json_data(data) == jsonable(data)


# -- the secured pattern matches exactly what Secured.parse accepts -----------------


def _parse_ok(text: str) -> bool:
    try:
        articlekit.Secured.parse(text)
    except SecuredFormatError:
        return False
    return True


_B64_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/="


@settings(max_examples=300, deadline=None)
@given(st.integers(0, 100), st.integers(0, 40), st.binary(min_size=0, max_size=1))
def test_secured_pattern_agrees_on_encoded_bytes(n: int, m: int, tail: bytes) -> None:
    text = base64.b64encode(bytes(n)).decode() + ";" + base64.b64encode(bytes(m)).decode()
    assert bool(re.search(SECURED_PATTERN, text)) == _parse_ok(text)
    suffixed = text + tail.decode("latin-1").replace("\x00", "\n")
    assert bool(re.search(SECURED_PATTERN, suffixed)) == _parse_ok(suffixed)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_B64_CHARS + ";\n ", max_size=70))
def test_secured_pattern_agrees_on_any_text(text: str) -> None:
    assert bool(re.search(SECURED_PATTERN, text)) == _parse_ok(text)


@pytest.mark.parametrize(
    "text",
    [
        "AAAAAAAAAAAAAAAAAAAAAB==;AAAAAAAAAAAAAAAAAAAAAA==",  # non-canonical last character
        "AAAAAAAAAAAAAAAAAAAAAA==;AAAAAAAAAAAAAAAAAAAAAA==\n",
        "AAAAAAAAAAAAAAAAAAAAAA==",
        ";AAAAAAAAAAAAAAAAAAAAAA==",
    ],
)
def test_secured_pattern_rejects_near_misses(text: str) -> None:
    assert not _parse_ok(text)
    assert not re.search(SECURED_PATTERN, text)
