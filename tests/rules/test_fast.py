"""The rules' fast paths give exactly the verdicts of the general code they short-cut.

Each fast path (a regular expression for the common shape of a URL or host
name, the one-walk index of the data, skipping a rule whose keys are absent,
choosing the rules once per shape of document, the memos of pure functions of
text, the shortcuts inside rules, the base64 shortcut of ``Secured.parse``,
the byte-level character check of the fast YAML path) is compared with the
plain code it stands in for, on generated input and, where the property is one
of single characters, on every code point.
"""

from __future__ import annotations

import contextlib
import random
import re
import sys
from collections.abc import Iterator
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import articlekit
from articlekit import _speedups_py, fastyaml
from articlekit._dataindex import DataIndex
from articlekit.fastyaml import load_yaml_fast
from articlekit.models import secured as secured_model
from articlekit.models.secured import Secured, SecuredFormatError
from articlekit.rules import Context, RuleOptions, all_rules, image_url
from articlekit.rules import _common as common
from articlekit.rules.image_url import image_url_problem
from articlekit.splitter import split_front_matter
from articlekit.yamlsafe import YamlResult
from conftest import DATA, GOLDEN, corpus_files, plain_run_rules

_SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# -- URLs and host names ------------------------------------------------------
_HOST_CHARS = "abcXYZ019-._:@[]üé \t%/"
_label = st.one_of(
    st.text(alphabet="abz09-", min_size=0, max_size=5),
    st.sampled_from(["a" * 63, "b" * 64, "-a", "a-", "xn--bcher-kva", "bücher", "ex_ample"]),
)
_host = st.one_of(
    st.lists(_label, min_size=0, max_size=5).map(".".join),
    st.text(alphabet=_HOST_CHARS, max_size=12),
    st.sampled_from(["[::1]", "[::1", "::1]", "a.b:80", "a.b:", "a.b:x", "u@a.b", "a." * 127 + "a", "A.COM"]),
)
_tail = st.one_of(
    st.just(""),
    st.text(alphabet="/?#=&abc-x0519._%", max_size=12),
    st.text(max_size=6).map(lambda t: "/" + t),
    st.sampled_from(["/a-50x50.jpg", "/a-50x50.jpg?w=1", "?amp", "#f", "/\x7f", "/a b", "/a\n", "/\u3000"]),
)
_url = st.builds(
    lambda scheme, sep, host, tail: scheme + sep + host + tail,
    st.sampled_from(["https", "http", "HTTPS", "Http", "ftp", "", "h", "ht.tp", "1http"]),
    st.sampled_from(["://", ":/", ":", "//", "", ":///"]),
    _host,
    _tail,
)
_any_url = st.one_of(_url, st.text(max_size=20), _url.map(lambda u: " " + u), _url.map(lambda u: "/" + u))


@_SETTINGS
@given(_any_url)
def test_url_problem_fast_path_agrees(value: str) -> None:
    assert common.url_problem(value) == common._url_problem(value)


@_SETTINGS
@given(_any_url)
def test_url_path_fast_path_agrees(value: str) -> None:
    assert common.url_path(value) == common._url_path(value)


@_SETTINGS
@given(st.one_of(_host, st.text(max_size=12)))
def test_host_problem_fast_path_agrees(value: str) -> None:
    assert common.host_problem(value) == common._host_problem(value)


@pytest.mark.parametrize(
    "value",
    [
        "https://www.businessinsider.com/a-b?amp",
        "https://" + "a" * 63 + ".com/",
        "https://" + "a" * 64 + ".com/",
        "https://" + ".".join(["abcdefghi"] * 25) + "/",  # 249 characters
        "https://" + ".".join(["abcdefghi"] * 26) + "/",  # 259 characters
        "https://a..b/",
        "https://a.-b/",
        "https://a-.b/",
        "https://-a.b/",
        "https://a.b-/",
        "https://a/b c",
        "https://a/b\u00a0",
        "https://a.b/x-50x50.jpg?w=1#f",
        "/assets/a-50x50.jpg",
        "//a.b/c",
    ],
)
def test_fast_paths_on_edges(value: str) -> None:
    assert common.url_problem(value) == common._url_problem(value)
    assert common.url_path(value) == common._url_path(value)
    host = value.split("//", 1)[-1].split("/", 1)[0]
    assert common.host_problem(host) == common._host_problem(host)


def test_image_url_whitespace_test_is_the_old_one_on_every_code_point() -> None:
    # the old test: any(ch.isspace() or ord(ch) < 32 or ord(ch) == 127 for ch in url)
    every = "".join(map(chr, range(sys.maxunicode + 1)))
    old = {ch for ch in every if ch.isspace() or ord(ch) < 32 or ord(ch) == 127}
    assert set(image_url._UNPRINTABLE.findall(every)) == old
    for ch in sorted(old):
        assert image_url_problem("/a" + ch) == "it contains whitespace or control characters"
    assert image_url_problem("/a" + "".join(ch for ch in every[:0x3000] if ch not in old)) is None


# -- the index of the data ----------------------------------------------------
_KEYS = [
    "webUrl",
    "originalUrl",
    "ampWebUrl",
    "cdnAmpWebUrl",
    "images",
    "provider",
    "affiliation",
    "publishedDateTime",
    "fooDateTime",
    "DateTime",
    "title",
    "related",
    "url",
    "domain",
    1,
    None,
    True,
]
_leaf = st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=5))
_data = st.recursive(
    _leaf,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.sampled_from(_KEYS), inner, max_size=6),
    ),
    max_leaves=30,
)


def _index_by_definition(data: Any) -> DataIndex:
    """The rules' index as its documentation defines it, from `walk`'s nodes (the test's oracle)."""
    index = DataIndex()
    for path, value in common.walk(data):
        if isinstance(value, dict):
            index.keys.update(value)
        if not path or not isinstance(path[-1], str):
            continue
        key = path[-1]
        if key in common.URL_KEYS:
            index.urls.append((path, value))
        if key.endswith("DateTime"):
            index.dates.append((path, value))
        if key == "images" and isinstance(value, list):
            index.images.extend((path + (i,), item) for i, item in enumerate(value) if isinstance(item, dict))
        if key in ("provider", "affiliation"):
            index.owners.append((path, value))
    return index


@_SETTINGS
@given(_data)
def test_index_is_what_walk_gives(data: Any) -> None:
    fast = common.build_index(data)
    plain = _index_by_definition(data)
    assert fast.as_tuple() == plain.as_tuple()
    # the same objects, in the same order
    assert [id(v) for _, v in fast.images] == [id(v) for _, v in plain.images]


_text_keys = st.sampled_from([k for k in _KEYS if isinstance(k, str)])
_text_data = st.dictionaries(
    _text_keys,
    st.recursive(
        _leaf,
        lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(_text_keys, inner, max_size=6)),
        max_leaves=30,
    ),
    min_size=1,
    max_size=6,
)


def _assert_parser_index_is_walk_index(text: str) -> bool:
    """When the fast path reads ``text``, its index is build_index()'s, item for item."""
    got = load_yaml_fast(text)
    if got.index is None:
        return False
    walked = common.build_index(got.data)
    assert got.index.as_tuple() == walked.as_tuple()
    for name in ("urls", "dates", "images", "owners"):  # the same objects, in the same order
        assert [id(v) for _, v in getattr(got.index, name)] == [id(v) for _, v in getattr(walked, name)]
    return True


@_SETTINGS
@given(_text_data, st.sampled_from([None, True, False]), st.sampled_from([2, 4]))
def test_parser_built_index_is_what_walk_gives(data: dict[str, Any], flow: bool | None, indent: int) -> None:
    text = yaml.safe_dump(data, default_flow_style=flow, sort_keys=False, indent=indent, allow_unicode=True)
    _assert_parser_index_is_walk_index(text)


def test_parser_built_index_on_files() -> None:
    texts = [DATA.joinpath("finland-prisons-ai.md").read_text(encoding="utf-8")]
    texts += [p.read_text(encoding="utf-8") for p in corpus_files()]
    texts.append(
        "---\nimages:\n  - url: a\n    images:\n    - url: c\n  - url: b\nprovider:\n  images: []\n"
        "related:\n- webUrl: u\n  provider:\n  images:\n  - url: d\nxDateTime:\n---\n"
    )
    read = 0
    for text in texts:
        front = split_front_matter(text).front_matter
        assert front is not None
        read += _assert_parser_index_is_walk_index(front)
    assert read == len(texts)  # every one of these is on the fast path


def test_check_uses_the_parser_built_index(monkeypatch: pytest.MonkeyPatch) -> None:
    text = DATA.joinpath("finland-prisons-ai.md").read_text(encoding="utf-8")

    def walk_forbidden(data: Any) -> Any:
        raise AssertionError("build_index() ran although the fast path gave an index")

    expected = articlekit.check(text)
    monkeypatch.setattr(common, "build_index", walk_forbidden)
    assert articlekit.check(text) == expected


def test_index_of_deep_data_falls_back_to_the_walk() -> None:
    data: Any = {"webUrl": "x"}
    for _ in range(sys.getrecursionlimit() + 100):
        data = {"a": [data]}
    assert common.build_index(data).urls[0][1] == "x"


# -- skipping rules whose keys are absent ---------------------------------------
def _texts() -> list[str]:
    """The sample, the golden inputs of every kind and rule, 40 corpus files when present, and mutations."""
    sample = (DATA / "finland-prisons-ai.md").read_text(encoding="utf-8")
    texts = [sample]
    for path in [*sorted(GOLDEN.rglob("*.md")), *corpus_files()[:40]]:
        with contextlib.suppress(UnicodeDecodeError):  # some golden inputs are broken on purpose
            texts.append(path.read_text(encoding="utf-8"))
    rng = random.Random(9)
    from articlekit import fuzz

    return texts + [fuzz.mutate(rng.choice(texts), rng) for _ in range(150)]


def _loaded(texts: list[str]) -> Iterator[YamlResult]:
    """The fast loader's results for those texts whose front matter is a mapping."""
    for text in texts:
        split = split_front_matter(text)
        if split.front_matter is None:
            continue
        loaded = load_yaml_fast(split.front_matter)
        if isinstance(loaded.data, dict):
            yield loaded


def test_a_skipped_rule_would_have_reported_nothing() -> None:
    """A rule's ``keys`` are a true necessary condition: without them, it reports nothing."""
    checked = 0
    for loaded in _loaded(_texts()):
        for kind in {articlekit.detect_kind(loaded.data) or articlekit.Article, articlekit.Article}:
            ctx = Context(loaded.data, loaded.locations, kind, RuleOptions(secured_key=b"k" * 16))
            for rule in all_rules():
                if rule.keys is None or not ctx.index.keys.isdisjoint(rule.keys):
                    continue
                assert list(rule.check(ctx)) == [], rule.codes
                checked += 1
    assert checked > 100


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.dictionaries(st.sampled_from(_KEYS[:14]), _data, max_size=6))
def test_rules_with_absent_keys_report_nothing_on_any_data(data: dict[str, Any]) -> None:
    from articlekit.yamlsafe import Locations

    ctx = Context(data, Locations(), articlekit.Article, RuleOptions(secured_key=b"k" * 16))
    for rule in all_rules():
        if rule.keys is not None and ctx.index.keys.isdisjoint(rule.keys):
            try:
                found = list(rule.check(ctx))
            except (AttributeError, TypeError):  # rules assume a mapping where a kind has one
                continue
            assert found == [], rule.codes


# -- Secured.parse ---------------------------------------------------------------
_B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
_part = st.one_of(
    st.binary(max_size=70).map(lambda b: __import__("base64").b64encode(b).decode()),
    st.text(alphabet=_B64 + "=;\n é", max_size=30),
    st.sampled_from(["AAAAAAAAAAAAAAAAAAAAAB==", "AAAAAAAAAAAAAAAAAAAAAA==", "AAAAAAAAAAAAAAAAAAAAAA="]),
)


def _outcome(text: str) -> tuple[Any, ...]:
    try:
        value = Secured.parse(text)
    except SecuredFormatError as exc:
        return ("error", exc.code, exc.message)
    return ("ok", value.ciphertext, value.iv, str(value))


@_SETTINGS
@given(st.builds(lambda a, sep, b: a + sep + b, _part, st.sampled_from([";", "", ";;"]), _part))
def test_secured_shortcut_agrees(text: str) -> None:
    fast = _outcome(text)
    original = secured_model._quick
    try:
        secured_model._quick = lambda text: None  # type: ignore[assignment]
        slow = _outcome(text)
    finally:
        secured_model._quick = original
    assert fast == slow


# -- the fast YAML path's character check ---------------------------------------------
def test_holdable_is_outside_on_every_code_point() -> None:
    every = "".join(map(chr, range(sys.maxunicode + 1)))
    outside = set(re.findall(_speedups_py._OUTSIDE, every))
    assert _speedups_py._holdable("a: " + "".join(ch for ch in every if ch not in outside))
    for ch in sorted(outside):
        assert not _speedups_py._holdable(f"a: x{ch}y\n"), hex(ord(ch))


@_SETTINGS
@given(st.text(max_size=40))
def test_holdable_is_outside_on_any_text(text: str) -> None:
    assert _speedups_py._holdable(text) is (re.search(_speedups_py._OUTSIDE, text) is None)


def test_plain_scalars_starting_with_word_letters_are_words_or_text() -> None:
    """The fast YAML path reads ``On MSFT`` as text without asking the resolver: PyYAML's only
    implicit resolvers for these first letters are the exact words of bool and null."""
    import yaml

    resolvers = yaml.resolver.Resolver.yaml_implicit_resolvers
    for letter in _speedups_py._WORD_LETTERS:
        tags = {tag for tag, _ in resolvers.get(letter, [])}
        assert tags <= {"tag:yaml.org,2002:bool", "tag:yaml.org,2002:null"}, letter
        for word in _speedups_py._WORDS:
            if word[0] == letter:
                assert fastyaml.resolve_plain(word) != "tag:yaml.org,2002:str"


@_SETTINGS
@given(
    st.sampled_from(sorted(_speedups_py._WORD_LETTERS)),
    st.text(alphabet=st.characters(exclude_characters="\n\r"), max_size=8),
)
def test_word_letter_scalars_resolve_as_the_fast_path_reads_them(first: str, rest: str) -> None:
    text = first + rest
    if text in _speedups_py._WORDS:
        return
    assert fastyaml.resolve_plain(text) == "tag:yaml.org,2002:str"


# -- run_rules: choosing the rules once per shape of document ----------------------
_MANY = (
    '---\ntitle: "a\\nb"\nrelated:\n'
    + "".join(
        '  - webUrl: https://x.com/a\n    title: "t\\r"\n    secured: x\n    related: []\n'
        for _ in range(130)
    )
    + "topics:\n"
    + "".join("  - a\n  - ''\n" for _ in range(120))
    + "---\n"
)


def test_run_rules_is_its_plain_definition() -> None:
    from articlekit.rules import run_rules

    kinds = [articlekit.Article, articlekit.Organization, articlekit.Collection, articlekit.Profile]
    ignores = [frozenset(), frozenset({"AK401", "AK853"}), frozenset({"AK510"})]
    options = [RuleOptions(), RuleOptions(secured_key=b"k" * 16, max_related=1)]
    rng = random.Random(4)
    compared = 0
    for loaded in _loaded([*_texts(), _MANY]):
        kind = articlekit.detect_kind(loaded.data) or rng.choice(kinds)
        for _ in range(2):
            ignore, option = rng.choice(ignores), rng.choice(options)
            ctx = Context(loaded.data, loaded.locations, kind, option, prebuilt_index=loaded.index)
            fresh = Context(loaded.data, loaded.locations, kind, option, prebuilt_index=loaded.index)
            assert list(run_rules(ctx, ignore)) == plain_run_rules(fresh, ignore)
            compared += 1
            kind = rng.choice(kinds)
    assert compared > 200


def test_run_rules_caps_each_code_as_before() -> None:
    front = split_front_matter(_MANY).front_matter
    assert front is not None
    loaded = load_yaml_fast(front)
    ctx = Context(
        loaded.data, loaded.locations, articlekit.Article, RuleOptions(), prebuilt_index=loaded.index
    )
    from articlekit.rules import run_rules

    issues = list(run_rules(ctx))
    for code in ("AK601", "AK602", "AK851", "AK852"):
        mine = [i for i in issues if i.code == code]
        assert len(mine) == 101, code
        assert mine[-1].message.endswith(f"more {code} issues like the ones above are not listed")


@_SETTINGS
@given(st.one_of(_data, _text_data))
def test_context_items_is_item_mappings(data: Any) -> None:
    from articlekit.yamlsafe import Locations

    ctx = Context(data, Locations(), articlekit.Article)
    assert ctx.items == list(common.item_mappings(data))
    assert ctx.items is ctx.items  # made once


# -- memos of pure functions of text ---------------------------------------------------
@_SETTINGS
@given(_any_url)
def test_memoised_answers_are_the_functions_answers(value: str) -> None:
    from articlekit.rules import image_size

    for _ in range(2):  # the first call fills the memo, the second reads it
        assert common.url_problem(value) == common._url_problem(value)
        assert common.host_problem(value) == common._host_problem(value)
        assert image_url_problem(value) == image_url._image_url_problem(value)
        match = image_size._SIZE.search(common._url_path(value))
        expected = None if match is None else (int(match.group(1)), int(match.group(2)))
        assert image_size.size_in_name(value) == expected


def test_memos_are_bounded() -> None:
    memo: dict[str, int] = {}
    for i in range(common._MEMO_SIZE + 10):
        assert common.remember(memo, str(i), i) == i
        assert len(memo) <= common._MEMO_SIZE
    long = "x" * (common._MEMO_LONGEST + 1)
    assert common.remember(memo, long, 1) == 1
    assert long not in memo
    assert common.url_problem("https://example.com/" + long) is None
    assert "https://example.com/" + long not in common._URL_PROBLEM_CACHE


# -- fast paths inside rules ---------------------------------------------------------
def test_title_line_break_test_is_the_regex_on_every_code_point() -> None:
    from articlekit.rules import title_line

    every = "".join(map(chr, range(sys.maxunicode + 1)))
    breaks = set(title_line._BREAK.findall(every))
    assert {ch for ch in every if len(f"a{ch}b".splitlines()) > 1} == breaks
    assert not any(ch.isprintable() for ch in breaks)  # a printable title is one line (the shortcut)


@_SETTINGS
@given(
    st.one_of(
        st.text(alphabet="PTYMWDHS0123456789.,\n٣ ", max_size=12),
        st.from_regex(r"PT[0-9]{0,3}H?[0-9]{0,3}M?[0-9]{0,3}S?\n?", fullmatch=True),
    )
)
def test_kind_length_shortcut_accepts_only_durations(value: str) -> None:
    from articlekit.models.duration import duration_problem
    from articlekit.rules import kind_length

    if kind_length._PLAIN.fullmatch(value) is not None:
        assert duration_problem(value) is None


def test_date_future_reads_every_timezone_alike() -> None:
    from datetime import datetime, timedelta, timezone

    from dateutil import tz

    from articlekit.rules import date_future
    from articlekit.yamlsafe import Locations

    class Stamp(datetime):
        pass

    now = datetime(2020, 1, 1, tzinfo=timezone.utc)
    later = datetime(2020, 1, 3, tzinfo=timezone.utc)
    values = [
        later,
        later.replace(tzinfo=timezone(timedelta(0))),
        later.replace(tzinfo=tz.tzutc()),
        later.astimezone(timezone(timedelta(hours=5))),
        Stamp(2020, 1, 3, tzinfo=timezone.utc),
        "2020-01-03T00:00:00Z",
    ]
    for value in values:
        data = {"publishedDateTime": value}
        ctx = Context(data, Locations(), articlekit.Article, RuleOptions(now=now))
        (issue,) = date_future.RULE.check(ctx)
        assert issue.message.startswith("'publishedDateTime' is 2020-01-03T00:00:00Z,"), value
    naive = Context(
        {"publishedDateTime": datetime(2020, 1, 3)}, Locations(), articlekit.Article, RuleOptions(now=now)
    )
    assert list(date_future.RULE.check(naive)) == []
