"""Issue 15: the models accept what real files hold, speak YAML words, and the schema says what they accept.

* `heat` is a signed 32-bit integer in every kind;
* `secured` is required on news, videos, collections and downloads, optional on
  courses and profiles, and absent by default on forums and organizations;
* no message shows pydantic's own words (`Input should be ...`);
* the JSON Schema gives URL fields the pattern the URL rules enforce.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import jsonschema
import pydantic
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import articlekit
from articlekit.models._fields import HEAT_MAX, HEAT_MIN, IMAGE_URL_PATTERN, URL_PATTERN
from articlekit.rules._common import url_problem
from articlekit.rules.image_url import image_url_problem
from articlekit.schema import json_data, json_schema
from articlekit.validate import error_messages
from conftest import CORPUS, corpus_files

SECURED = "AAAAAAAAAAAAAAAAAAAAAA==;AAAAAAAAAAAAAAAAAAAAAA=="
KIND_MODELS = [info.model for info in articlekit.KINDS]

# pydantic's own words, which no message articlekit gives may contain
PYDANTIC_WORDS = re.compile(
    r"Input should|should be a valid|Value error|Assertion failed|Field required|validation error"
    r"|input_value|input_type|\[type=|errors\.pydantic\.dev|String should|List should|Extra inputs",
)

_MINIMAL_LINES: dict[type[Any], list[str]] = {
    articlekit.Article: [
        "category: news",
        "title: x",
        "publishedDateTime: 2020-08-11T13:41:00Z",
        "webUrl: https://a.example/x",
    ],
    articlekit.Video: ["title: x", "type: video"],
    articlekit.Course: ["title: x", "type: course"],
    articlekit.Collection: ["title: x", "type: collection", "items: [videos/x]"],
    articlekit.Download: ["title: x", "type: download"],
    articlekit.Profile: ["name: x", "type: profile"],
    articlekit.Forum: ["name: x", "type: forum"],
    articlekit.Organization: ["taxonomy: organization", "_id: a.example", "name: x", "domain: a.example"],
}


def _doc(*lines: str) -> str:
    return "---\n" + "\n".join(lines) + "\n---\n"


def _minimal(kind: type[Any], *extra: str, secured: bool = True) -> str:
    lines = list(_MINIMAL_LINES[kind]) + list(extra)
    if secured and kind not in (articlekit.Forum, articlekit.Organization):
        lines.append(f'secured: "{SECURED}"')
    return _doc(*lines)


def _errors(text: str, **kwargs: Any) -> list[str]:
    return [str(i) for i in articlekit.check(text, **kwargs) if i.is_error]


# -- heat ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", KIND_MODELS[:-1], ids=lambda k: k.__name__)  # organizations have no heat
@pytest.mark.parametrize("heat", [HEAT_MIN, -1, 0, HEAT_MAX])
def test_heat_is_any_signed_32_bit_integer_in_every_kind(kind: type[Any], heat: int) -> None:
    text = _minimal(kind, f"heat: {heat}")
    assert articlekit.check(text) == []
    assert articlekit.loads(text).meta.heat == heat


@pytest.mark.parametrize("kind", KIND_MODELS[:-1], ids=lambda k: k.__name__)
@pytest.mark.parametrize(
    ("heat", "rule"), [(HEAT_MIN - 1, "-2147483648 or more"), (HEAT_MAX + 1, "2147483647 or less")]
)
def test_heat_outside_the_32_bit_range_is_an_error_in_yaml_words(
    kind: type[Any], heat: int, rule: str
) -> None:
    issues = articlekit.check(_minimal(kind, f"heat: {heat}"))
    assert [(i.code, i.path, i.line) for i in issues] == [("AK303", ("heat",), len(_MINIMAL_LINES[kind]) + 2)]
    assert issues[0].message == f"'heat' must be {rule}, not {heat}"


def test_every_heat_field_has_the_32_bit_range_in_its_schema() -> None:
    for kind in KIND_MODELS[:-1]:
        heat = json_schema(kind)["properties"]["heat"]
        assert (heat["minimum"], heat["maximum"]) == (HEAT_MIN, HEAT_MAX), kind.__name__
        assert "signed 32-bit" in heat["description"]


# -- secured ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "kind",
    [articlekit.Article, articlekit.Video, articlekit.Collection, articlekit.Download],
    ids=lambda k: k.__name__,
)
def test_secured_is_required_where_every_real_file_has_it(kind: type[Any]) -> None:
    issues = articlekit.check(_minimal(kind, secured=False))
    assert [(i.code, i.path) for i in issues] == [("AK301", ("secured",))]
    assert "secured" in json_schema(kind)["required"]


@pytest.mark.parametrize("kind", [articlekit.Course, articlekit.Profile], ids=lambda k: k.__name__)
def test_secured_is_optional_on_courses_and_profiles(kind: type[Any]) -> None:
    without = _minimal(kind, secured=False)
    assert articlekit.check(without) == []
    assert articlekit.loads(without).meta.secured is None
    with_it = articlekit.loads(_minimal(kind))
    assert str(with_it.meta.secured) == SECURED
    assert "secured" not in json_schema(kind).get("required", [])
    # a course or profile without `secured` writes back without one
    assert "secured" not in articlekit.dumps(articlekit.loads(without))
    # and a bad value is still checked where it is present
    codes = {i.code for i in articlekit.check(_minimal(kind, 'secured: "AAAA"', secured=False))}
    assert codes <= {"AK501", "AK502", "AK503", "AK504"}
    assert _errors(_minimal(kind, 'secured: "AAAA"', secured=False))


def test_secured_is_absent_by_default_on_forums_and_organizations() -> None:
    forum = articlekit.loads(_minimal(articlekit.Forum))
    assert forum.meta.secured is None
    assert "secured" not in json_schema(articlekit.Forum).get("required", [])
    organization = articlekit.loads(_minimal(articlekit.Organization))
    assert "secured" not in articlekit.Organization.model_fields
    assert list(organization.issues) == []
    # an organization that carries one: an unknown key (a warning), never an error
    carrying = articlekit.check(_minimal(articlekit.Organization, f'secured: "{SECURED}"'))
    assert [(i.code, i.severity, i.path) for i in carrying] == [("AK305", "warning", ("secured",))]


# -- real files, as the publisher's history has them ---------------------------------------------

_REAL = corpus_files()
_SECURED_LINE = re.compile(r"^secured:.*\n", re.MULTILINE)
_HEAT_LINE = re.compile(r"^heat: -?\d+$", re.MULTILINE)


@pytest.mark.skipif(not _REAL, reason="../shared/corpus is not present")
def test_every_corpus_file_loads_with_zero_errors() -> None:
    bad = {str(p.relative_to(CORPUS)): _errors(p.read_bytes()) for p in _REAL}
    assert {k: v for k, v in bad.items() if v} == {}
    assert len(bad) == 268


@pytest.mark.skipif(not _REAL, reason="../shared/corpus is not present")
@pytest.mark.parametrize("folder", ["courses", "_people"])
def test_real_courses_and_profiles_without_secured_load(folder: str) -> None:
    """The history has 2 course and 6 profile versions without `secured`: the same files, without it."""
    files = [p for p in _REAL if folder in p.parts]
    assert files
    for path in files:
        text = path.read_text(encoding="utf-8")
        stripped = _SECURED_LINE.sub("", text)
        assert stripped != text, path
        assert _errors(stripped) == [], path


@pytest.mark.skipif(not _REAL, reason="../shared/corpus is not present")
@pytest.mark.parametrize("heat", [HEAT_MIN, -7, HEAT_MAX])
def test_real_courses_and_collections_with_negative_heat_load(heat: int) -> None:
    """The history has courses and collections with heat down to -2147483648."""
    files = [p for p in _REAL if {"courses", "collections"} & set(p.parts)]
    assert files
    for path in files:
        text = path.read_text(encoding="utf-8")
        changed, n = _HEAT_LINE.subn(f"heat: {heat}", text)
        if n:
            assert _errors(changed) == [], path


@pytest.mark.skipif(not _REAL, reason="../shared/corpus is not present")
@pytest.mark.parametrize("path", _REAL[::11], ids=lambda p: p.name[:40])
def test_real_files_validate_against_the_packaged_schema_with_url_patterns(path: Path) -> None:
    data, _ = articlekit.parse(path.read_bytes())
    kind = articlekit.detect_kind(data)
    assert kind is not None
    schema = articlekit.schema.packaged_schema(kind)
    assert list(jsonschema.Draft202012Validator(schema).iter_errors(json_data(data))) == []


# -- messages in YAML words -----------------------------------------------------------------------


def test_a_forced_kind_reports_the_kind_key_in_yaml_words() -> None:
    text = _minimal(articlekit.Download)
    issues = articlekit.check(text, kind=articlekit.Course)
    (issue,) = [i for i in issues if i.is_error]
    assert (issue.code, issue.path, issue.line) == ("AK302", ("type",), 3)
    assert issue.message == "'type' must be 'course' for a Course, not 'download'"
    org = articlekit.check(
        _doc("taxonomy: topic", "_id: a.example", "name: x", "domain: a.example"),
        kind=articlekit.Organization,
    )
    assert [i.message for i in org] == ["'taxonomy' must be 'organization' for an Organization, not 'topic'"]
    for issue in issues + org:
        assert not PYDANTIC_WORDS.search(issue.message), issue.message


_ODD_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**40), 2**40),
    st.floats(),
    st.text(max_size=8),
    st.lists(st.integers(), max_size=2),
    st.dictionaries(st.sampled_from(["a", "url", "name"]), st.integers(), max_size=2),
    st.dates(),
    st.datetimes(),
)


def _keys(kind: type[Any]) -> list[str]:
    return [f.alias or n for n, f in kind.model_fields.items()]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_no_message_shows_pydantic_words(data: st.DataObject) -> None:
    """Any value at any key (and under any part), validated as any kind: messages in YAML words only."""
    kind = data.draw(st.sampled_from(KIND_MODELS))
    front = articlekit.parse(_minimal(kind))[0]
    for _ in range(data.draw(st.integers(1, 3))):
        key = data.draw(st.sampled_from(_keys(kind) + ["images", "provider", "related"]))
        value = data.draw(_ODD_VALUES)
        if key in ("images", "related") and data.draw(st.booleans()):
            value = [{data.draw(st.sampled_from(["url", "width", "title", "webUrl"])): value}]
        elif key == "provider" and data.draw(st.booleans()):
            value = {data.draw(st.sampled_from(["name", "domain", "images"])): value}
        front[key] = value
    forced = data.draw(st.sampled_from([None, *KIND_MODELS]))
    model = forced or articlekit.detect_kind(front) or kind
    from articlekit.validate import validate_model
    from articlekit.yamlsafe import Locations

    _, issues = validate_model(front, model, Locations())
    for issue in issues:
        assert not PYDANTIC_WORDS.search(issue.message), issue.message


def test_error_messages_name_python_built_models_by_yaml_key() -> None:
    with pytest.raises(pydantic.ValidationError) as info:
        articlekit.Article(
            title="",
            published_date_time="2020-08-11T13:41:00Z",
            web_url=5,
            heat=HEAT_MAX + 1,
            secured=SECURED,
            related=[{"title": "x"}],
        )
    messages = error_messages(info.value, articlekit.Article)
    assert messages == [
        "'title' must not be empty",
        "'webUrl' must be text, not an integer (5)",
        "'heat' must be 2147483647 or less, not 2147483648",
        "the required key 'webUrl' is missing from related[0]",
    ]


# -- URL patterns in the JSON Schema -----------------------------------------------------------------


def _url_properties(schema: dict[str, Any]) -> dict[str, dict[str, Any]]:
    found = {}
    for owner, model in [("", schema), *((f"{n}.", d) for n, d in schema.get("$defs", {}).items())]:
        for key, prop in model.get("properties", {}).items():
            if prop.get("format") in ("uri", "uri-reference"):
                found[owner + key] = prop
    return found


def test_every_url_field_has_the_pattern_the_library_enforces() -> None:
    seen = set()
    for kind in KIND_MODELS:
        for name, prop in _url_properties(json_schema(kind)).items():
            expected = IMAGE_URL_PATTERN if name == "Image.url" else URL_PATTERN
            assert prop.get("pattern") == expected, (kind.__name__, name)
            seen.add(name)
    assert {"webUrl", "originalUrl", "ampWebUrl", "cdnAmpWebUrl", "website", "Image.url"} <= seen
    assert {"RelatedItem.webUrl", "Action.url", "Twitter.url", "LinkedIn.url"} <= seen


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("webUrl", "ftp://example.com/a"),
        ("webUrl", "www.example.com/a"),
        ("webUrl", "//example.com/a"),
        ("originalUrl", "https://exa mple.com/"),
        ("originalUrl", "https://example.com/a\n"),
        ("ampWebUrl", "https:///path"),
        ("cdnAmpWebUrl", "javascript:alert(1)"),
    ],
)
def test_the_article_schema_rejects_what_the_url_rule_rejects(key: str, value: str) -> None:
    data = articlekit.parse(_minimal(articlekit.Article))[0]
    data[key] = value
    if key == "cdnAmpWebUrl":
        data["ampWebUrl"] = "https://a.example/x?amp"
    assert url_problem(value) is not None
    errors = list(
        jsonschema.Draft202012Validator(json_schema(articlekit.Article)).iter_errors(json_data(data))
    )
    assert [(list(e.absolute_path), e.validator) for e in errors] == [([key], "pattern")]


def test_the_schema_accepts_image_site_paths_and_rejects_protocol_relative_ones() -> None:
    validator = jsonschema.Draft202012Validator(json_schema(articlekit.Article))
    data = json_data(articlekit.parse(_minimal(articlekit.Article))[0])
    cases = [
        ("/assets/a-50x50.jpg", True),
        ("HTTPS://a.example/b.png", True),
        ("//cdn.a/b.png", False),
        ("ftp://a/b.png", False),
        ("b.png", False),
    ]
    for url, ok in cases:
        data["images"] = [{"url": url, "width": 50, "height": 50}]
        assert (image_url_problem(url) is None) is ok
        assert validator.is_valid(data) is ok, url


_URLISH = st.one_of(
    st.text(max_size=30),
    st.builds(
        lambda scheme, sep, rest: scheme + sep + rest,
        st.sampled_from(["http", "https", "HTTPS", "Http", "ftp", "", "/", "data"]),
        st.sampled_from(["://", ":/", "//", ":", "/", ""]),
        st.text(st.characters(codec="utf-8"), max_size=20),
    ),
)


@settings(max_examples=500, deadline=None)
@given(_URLISH)
def test_the_url_patterns_accept_everything_the_rules_accept(text: str) -> None:
    """Whatever the URL rules accept, the pattern accepts; whatever it rejects, they reject."""
    if url_problem(text) is None:
        assert re.search(URL_PATTERN, text), text
    if not re.search(URL_PATTERN, text):
        assert url_problem(text) is not None
    if image_url_problem(text) is None:
        assert re.search(IMAGE_URL_PATTERN, text), text
    if not re.search(IMAGE_URL_PATTERN, text):
        assert image_url_problem(text) is not None
