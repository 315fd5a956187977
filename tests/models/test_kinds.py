"""The kinds of document: detection, forced kinds, the models and the real corpus."""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import cast

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

import articlekit
from articlekit.models.duration import duration_problem, is_duration, parse_duration
from articlekit.models.kinds import detect_kind, kind_named
from articlekit.rules import all_rules
from conftest import corpus_files

SECURED = "AAAAAAAAAAAAAAAAAAAAAA==;AAAAAAAAAAAAAAAAAAAAAA=="

# corpus folder -> the kind its files are
FOLDER_KINDS = {
    "_news": articlekit.Article,
    "videos": articlekit.Video,
    "courses": articlekit.Course,
    "collections": articlekit.Collection,
    "_samples": articlekit.Download,
    "_people": articlekit.Profile,
    "_communities": articlekit.Forum,
    "organizations": articlekit.Organization,
}

CORPUS = corpus_files()


def _doc(*lines: str) -> str:
    return "---\n" + "\n".join(lines) + "\n---\n"


# -- the real corpus --------------------------------------------------------


def _dumps() -> Callable[[articlekit.Document], str | bytes] | None:
    """The writer's ``dumps`` when it exists (it is being written alongside)."""
    found = getattr(articlekit, "dumps", None)
    if found is None:
        try:
            found = getattr(importlib.import_module("articlekit.writer"), "dumps", None)
        except ImportError:
            return None
    return cast("Callable[[articlekit.Document], str | bytes] | None", found)


@pytest.mark.skipif(not CORPUS, reason="../shared/corpus is not present")
@pytest.mark.parametrize("path", CORPUS, ids=[f"{p.parent.name}/{p.stem[:40]}" for p in CORPUS])
def test_corpus_file_loads_as_its_kind_without_errors(path: Path) -> None:
    data = path.read_bytes()
    doc = articlekit.load(path)
    assert type(doc.meta) is FOLDER_KINDS[path.parent.name]
    assert [i for i in articlekit.check(data) if i.is_error] == []
    dumps = _dumps()
    if dumps is not None:
        written = dumps(doc)
        assert (written.encode("utf-8") if isinstance(written, str) else written) == data


@pytest.mark.skipif(not CORPUS, reason="../shared/corpus is not present")
def test_corpus_covers_every_kind() -> None:
    found = {type(articlekit.load(p).meta) for p in CORPUS}
    assert found == {k.model for k in articlekit.KINDS}


# -- detection ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({"category": "news", "type": "article"}, articlekit.Article),
        ({"category": "news", "type": "video"}, articlekit.Article),
        ({"category": "news", "type": "course"}, articlekit.Article),
        ({"type": "article"}, articlekit.Article),
        ({"type": "video"}, articlekit.Video),
        ({"type": "course"}, articlekit.Course),
        ({"type": "collection"}, articlekit.Collection),
        ({"type": "download"}, articlekit.Download),
        ({"type": "profile"}, articlekit.Profile),
        ({"type": "forum"}, articlekit.Forum),
        ({"name": "A group", "members": 3}, articlekit.Forum),
        ({"taxonomy": "organization", "type": "video"}, articlekit.Organization),
        ({"title": "x"}, None),  # no key that names a kind: a documentation page, say (AK901)
        ({}, None),
        ({"name": "x", "title": "y"}, None),
        ({"type": "podcast"}, None),
        ({"type": "Video"}, None),
        ({"type": 3}, None),
        ({"category": "blog", "type": "video"}, None),
        ({"taxonomy": "person"}, None),
        ({"taxonomy": ["organization"]}, None),
    ],
)
def test_detect_kind(data: dict[str, object], expected: type | None) -> None:
    assert detect_kind(data) is expected
    assert articlekit.detect_kind(dict(data)) is expected


def test_kinds_table_matches_detection() -> None:
    for info in articlekit.KINDS:
        assert detect_kind({info.key: info.value}) is info.model
        assert kind_named(info.name) is info.model
        assert kind_named(info.model.__name__) is info.model
    with pytest.raises(KeyError):
        kind_named("podcast")


def test_unknown_kind_is_an_error_listing_every_kind() -> None:
    text = _doc("title: x", "type: podcast")
    issues = articlekit.check(text)
    assert [(i.code, i.severity, i.path, i.line, i.column) for i in issues] == [("AK901", "error", (), 2, 1)]
    message = issues[0].message
    assert "'type: podcast'" in message
    for info in articlekit.KINDS:
        assert info.model.__name__ in message
        assert f"{info.key}: {info.value}" in message
    with pytest.raises(articlekit.ValidationError) as excinfo:
        articlekit.loads(text)
    assert [i.code for i in excinfo.value.issues] == ["AK901"]


def test_unknown_kind_can_be_ignored_but_still_does_not_load() -> None:
    text = _doc("title: x", "type: podcast")
    assert articlekit.check(text, ignore={"AK901"}) == []
    with pytest.raises(articlekit.ValidationError):
        articlekit.loads(text, ignore={"AK901"})


# -- forcing a kind ----------------------------------------------------------


def test_kind_forces_a_model(tmp_path: Path) -> None:
    text = _doc("name: A group", "title: also a title", "members: 4")
    # of no known kind (it has a title, so it is not shaped like a forum): one error ...
    assert [i.code for i in articlekit.check(text)] == ["AK901"]
    # ... but forced, it is a Forum with one unknown key
    path = tmp_path / "group.md"
    path.write_text(text, encoding="utf-8")
    doc = articlekit.load(path, kind=articlekit.Forum)
    assert isinstance(doc.meta, articlekit.Forum)
    assert doc.meta.members == 4
    assert [i.code for i in doc.issues] == ["AK305"]


def test_forcing_a_kind_skips_detection_errors() -> None:
    text = _doc("title: x", "type: podcast", f'secured: "{SECURED}"')
    issues = articlekit.check(text, kind=articlekit.Video)
    assert [(i.code, i.path) for i in issues] == [("AK302", ("type",))]


def test_forcing_a_kind_runs_that_kinds_rules_only() -> None:
    text = _doc("title: x", "type: video", "length: '5 min'", f'secured: "{SECURED}"')
    assert "AK902" in {i.code for i in articlekit.check(text)}
    as_article = articlekit.check(text, kind=articlekit.Article)
    assert "AK902" not in {i.code for i in as_article}
    assert ("AK305", ("length",)) in {(i.code, i.path) for i in as_article}


# -- models -------------------------------------------------------------------


def test_organization_id_uses_the_underscore_key() -> None:
    doc = articlekit.loads(_doc("taxonomy: organization", "_id: bbc.com", "name: BBC", "domain: bbc.com"))
    org = doc.meta
    assert isinstance(org, articlekit.Organization)
    assert org.id == "bbc.com"
    dumped = org.model_dump(by_alias=True, exclude_none=True)
    assert list(dumped) == ["taxonomy", "_id", "name", "domain"]
    assert doc.issues == ()


def test_models_keep_corpus_key_order() -> None:
    """model fields follow the order real files write their keys, for dumps and schemas."""
    aliases = [f.alias for f in articlekit.Video.model_fields.values()]
    corpus_order = [
        "title",
        "excerpt",
        "originalUrl",
        "type",
        "price",
        "length",
        "publishedDateTime",
        "heat",
        "featuredContent",
        "provider",
        "topics",
        "images",
        "secured",
    ]
    assert [a for a in aliases if a in corpus_order] == corpus_order


def test_download_provider_authors() -> None:
    doc = articlekit.loads(
        _doc(
            "title: x",
            "type: download",
            "provider:",
            "  name: Community",
            "  authors:",
            "    - name: lugi",
            f'secured: "{SECURED}"',
        )
    )
    assert isinstance(doc.meta, articlekit.Download)
    assert doc.meta.provider is not None
    assert isinstance(doc.meta.provider, articlekit.Provider)
    assert [a.name for a in doc.meta.provider.authors or []] == ["lugi"]


def test_article_provider_has_no_authors() -> None:
    text = _doc(
        "category: news",
        "title: x",
        "publishedDateTime: 2021-01-01T00:00:00Z",
        "webUrl: https://example.com/a",
        "provider:",
        "  name: P",
        "  authors:",
        "    - name: lugi",
        f'secured: "{SECURED}"',
    )
    assert ("AK305", ("provider", "authors")) in {(i.code, i.path) for i in articlekit.check(text)}


def test_duration_property() -> None:
    base = {"title": "x", "secured": SECURED}
    assert articlekit.Video(type="video", length="PT1H2M3S", **base).duration == timedelta(seconds=3723)
    assert articlekit.Course(type="course", length="P1M", **base).duration is None
    assert articlekit.Collection(type="collection", items=["videos/a"], **base).duration is None


# -- ISO 8601 durations ----------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["PT13M34S", "PT1H17M", "PT55S", "P1Y2M3DT4H5M6S", "P2W", "PT1.5S", "PT0,5S", "P0D"]
)
def test_valid_durations(text: str) -> None:
    assert is_duration(text)


@pytest.mark.parametrize(
    "text", ["", "P", "PT", "13:34", "pt5m", "PT5", "P5H", "PT1.5M30S", "PT5M ", " PT5M", "PT-5M", "PTM"]
)
def test_invalid_durations(text: str) -> None:
    assert not is_duration(text)
    problem = duration_problem(text)
    assert isinstance(problem, str)
    assert problem
    with pytest.raises(ValueError, match="not an ISO 8601 duration"):
        parse_duration(text)


@settings(max_examples=60)
@given(
    st.integers(0, 400),
    st.integers(0, 99),
    st.integers(0, 99),
    st.integers(0, 99),
)
def test_duration_round_trip(days: int, hours: int, minutes: int, seconds: int) -> None:
    text = "P" + (f"{days}D" if days else "")
    time = "".join(f"{n}{u}" for u, n in (("H", hours), ("M", minutes), ("S", seconds)) if n)
    if time:
        text += "T" + time
    if text == "P":
        text = "P0D"
    expected = timedelta(days=days, hours=hours, minutes=minutes, seconds=seconds)
    assert parse_duration(text) == expected


@settings(max_examples=100)
@given(st.text(max_size=30))
def test_duration_problem_never_crashes(text: str) -> None:
    problem = duration_problem(text)
    assert problem is None or isinstance(problem, str)
    assert (problem is None) == is_duration(text)


@settings(max_examples=50)
@given(
    st.sampled_from(["length", "levels", "items", "twitter", "linkedin", "_id", "actions", "website"]),
    st.one_of(
        st.none(),
        st.integers(),
        st.text(max_size=10),
        st.lists(st.integers(), max_size=2),
        st.dictionaries(st.sampled_from(["url", "username", "followers"]), st.integers(), max_size=2),
    ),
)
def test_kind_rules_never_crash_on_wrong_types(key: str, value: object) -> None:
    marks: list[dict[str, object]] = [
        {"type": kind} for kind in ("video", "course", "collection", "download", "profile", "forum")
    ]
    marks.append({"taxonomy": "organization", "domain": "example.com"})
    for mark in marks:
        data = {"title": "x", "name": "y", **mark, key: value}
        text = "---\n" + yaml.safe_dump(data) + "---\n"
        issues = articlekit.check(text)  # must not raise
        assert all(i.code in articlekit.CODES for i in issues)
        assert not any(i.code == "AK901" for i in issues)


# -- rule documentation ------------------------------------------------------------

_KIND_RULES = [r for r in all_rules() if any(c.code.startswith("AK9") for c in r.codes)]


def _examples(doc: str) -> tuple[str, str]:
    blocks = re.findall(r"```yaml\n(.*?)```", doc, re.S)
    assert len(blocks) == 2, doc
    return blocks[0], blocks[1]


@pytest.mark.parametrize("rule", _KIND_RULES, ids=[r.codes[0].code for r in _KIND_RULES])
def test_kind_rule_doc_examples(rule: articlekit.rules.Rule) -> None:
    """Each rule's own passing example passes it and its failing example fails it."""
    passing, failing = _examples(rule.codes[0].doc)
    first = rule.codes[0].code
    assert first not in {i.code for i in articlekit.check("---\n" + passing + "---\n")}
    assert first in {i.code for i in articlekit.check("---\n" + failing + "---\n")}
    assert rule.kinds, "kind rules are restricted to their kinds"


def test_kind_codes_are_registered_with_docs() -> None:
    codes = {c for c in articlekit.CODES if c.startswith("AK9")}
    assert {"AK901", "AK902", "AK903", "AK904", "AK905", "AK906", "AK907", "AK908", "AK909", "AK910"} <= codes
    for code in codes:
        info = articlekit.CODES[code]
        assert "Passing" in info.doc, code
        assert "Failing" in info.doc, code


# -- canonical layout for the writer --------------------------------------------------

_TOP_KEY = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*):")
_OTHER_KINDS = [p for p in CORPUS if p.parent.name != "_news"]


@pytest.mark.skipif(not _OTHER_KINDS, reason="../shared/corpus is not present")
@pytest.mark.parametrize("path", _OTHER_KINDS, ids=[f"{p.parent.name}/{p.stem[:40]}" for p in _OTHER_KINDS])
def test_registered_layout_matches_corpus(path: Path) -> None:
    """Each real file's keys are in the registered order, with blank lines exactly before group starts."""
    from articlekit.writer.order import key_order_for

    layout = key_order_for(FOLDER_KINDS[path.parent.name])
    front = path.read_text(encoding="utf-8").split("---\n")[1]
    keys: list[tuple[str, bool]] = []
    blank = False
    for line in front.split("\n"):
        if not line.strip():
            blank = True
            continue
        match = _TOP_KEY.match(line)
        if match:
            keys.append((match.group(1), blank))
        blank = False
    names = [k for k, _ in keys]
    assert all(layout.rank(k) < len(layout.order) for k in names)
    assert layout.sort(names) == names
    assert [k for k, b in keys if b] == [k for k in names[1:] if k in layout.group_starts]
