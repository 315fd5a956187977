"""Each rule's quick scan (issue 22, round 3) gives exactly what its straightforward version gives.

Most rules now look at a document once, cheaply, and return an empty tuple when nothing can
be wrong; only then do they run their straightforward code (each module's ``_issues``, the
code as it was before).  `run_rules` keeps the plan of the previous document of each kind
and checks it with two set operations.  These tests compare every fast path with the plain
code on the golden files, the corpus, mutations of them, generated documents and arbitrary
data, and pin the edges of the shortcuts (the clock bound of ``date-future``, the one-line
test of ``title-line``, the one-regex test of ``kind-items``).
"""

from __future__ import annotations

import contextlib
import random
import time
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta, timezone
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import articlekit
from articlekit import strategies as aks
from articlekit.fastyaml import load_yaml_fast
from articlekit.issues import Issue
from articlekit.rules import (
    Context,
    RuleOptions,
    all_rules,
    date_future,
    image_size,
    image_url,
    kind_items,
    kind_levels,
    kind_urls,
    news_type,
    provider_domain,
    run_rules,
    title_line,
    topics_duplicate,
    topics_empty,
    url_syntax,
    yaml11_surprise,
)
from articlekit.rules import _common as common
from articlekit.splitter import split_front_matter
from articlekit.yamlsafe import Locations
from conftest import DATA, GOLDEN, corpus_files, plain_run_rules

_SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=list(HealthCheck))


def _list_or_empty(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


# the straightforward version of each rule with a quick scan: the code before the scan
_PLAIN: dict[str, Callable[[Context], list[Issue]]] = {
    "date-future": lambda ctx: date_future._issues(ctx, ctx.index.dates) if ctx.index.dates else [],
    "image-size": lambda ctx: image_size._issues(ctx, ctx.index.images),
    "image-url": lambda ctx: image_url._issues(ctx, ctx.index.images),
    "kind-items": lambda ctx: kind_items._issues(ctx, _list_or_empty(ctx.data.get("items"))),
    "kind-levels": lambda ctx: kind_levels._issues(ctx, _list_or_empty(ctx.data.get("levels"))),
    "kind-urls": kind_urls._issues,
    "news-type": news_type._issues,
    "provider-domain": lambda ctx: provider_domain._issues(ctx, ctx.index.owners),
    "title-line": title_line._issues,
    "topics-duplicate": topics_duplicate._issues,
    "topics-empty": topics_empty._issues,
    "url-syntax": lambda ctx: url_syntax._issues(ctx, ctx.index.urls),
    "yaml11-surprise": lambda ctx: [
        ctx.issue(yaml11_surprise.YAML11_SURPRISE, yaml11_surprise._message(f.path, f), f.path)
        for f in yaml11_surprise.findings(ctx)
    ],
}


def _rule(name: str) -> Any:
    return next(r for r in all_rules() if r.name == name)


def _same(fast: list[Issue], plain: list[Issue]) -> bool:
    """Equal, but for the current time in AK802 messages (the clock may tick between two runs)."""
    return [i if i.code != "AK802" else (i.code, i.path) for i in fast] == [
        i if i.code != "AK802" else (i.code, i.path) for i in plain
    ]


def _assert_fast_is_plain(ctx: Context) -> None:
    for name, plain in _PLAIN.items():
        rule = _rule(name)
        if rule.kinds is not None and not issubclass(ctx.kind, rule.kinds):
            continue
        assert _same(list(rule.check(ctx)), plain(ctx)), name


def _loaded_contexts(texts: list[str], options: RuleOptions) -> Iterator[Context]:
    for text in texts:
        split = split_front_matter(text)
        if split.front_matter is None:
            continue
        loaded = load_yaml_fast(split.front_matter)
        if not isinstance(loaded.data, dict):
            continue
        kinds: set[Any] = {articlekit.detect_kind(loaded.data) or articlekit.Article, articlekit.Article}
        for kind in kinds:
            yield Context(loaded.data, loaded.locations, kind, options, prebuilt_index=loaded.index)
            yield Context(loaded.data, loaded.locations, kind, options)  # the index made by walking


def _texts() -> list[str]:
    texts = [(DATA / "finland-prisons-ai.md").read_text(encoding="utf-8")]
    for path in [*sorted(GOLDEN.rglob("*.md")), *corpus_files()]:
        with contextlib.suppress(UnicodeDecodeError):  # some golden inputs are broken on purpose
            texts.append(path.read_text(encoding="utf-8"))
    rng = random.Random(22)
    from articlekit import fuzz

    return texts + [fuzz.mutate(rng.choice(texts), rng) for _ in range(300)]


def test_quick_scans_agree_on_files_and_mutations() -> None:
    checked = 0
    for options in (RuleOptions(), RuleOptions(now=datetime(2019, 8, 19, tzinfo=timezone.utc))):
        for ctx in _loaded_contexts(_texts(), options):
            _assert_fast_is_plain(ctx)
            checked += 1
    assert checked > 400


@_SETTINGS
@given(st.one_of(aks.documents(), aks.invalid_documents().map(lambda broken: broken.text)))
def test_quick_scans_agree_on_generated_documents(text: str) -> None:
    for ctx in _loaded_contexts([text], RuleOptions()):
        _assert_fast_is_plain(ctx)


# -- arbitrary data, aimed at the shortcuts ----------------------------------------------------
_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_texty = st.one_of(
    st.text(alphabet="aAbßSs \t\u00a0\u3000İK" + _BREAKS, max_size=6),
    st.sampled_from(["", " ", "\u3000", "\t\n", "Aa", "aA ", "SS", "ß", "Power Apps", " power apps"]),
)
_scalar = st.one_of(st.none(), st.booleans(), st.integers(-2, 2), _texty, st.binary(max_size=2))
_item = st.one_of(
    st.sampled_from(["videos/a-b", "videos/a.MD", "videos/a.Html", "videos/a.htm", "x/y\n", "a/b/c", "/a/b"]),
    st.text(alphabet="ab/.-_MDmdhtlHTL0 \n:", max_size=10),
    _scalar,
)
_url = st.one_of(
    st.sampled_from(
        [
            "https://example.com/a-50x40.png",
            "https://example.com/a-50x40.png?w=1",
            "/assets/b-10x10.jpg",
            "//cdn.example.com/x.png",
            "example.com/x",
            "https://bad..host/x",
            "https://example.com/a b",
        ]
    ),
    st.text(alphabet="htps:/.ex-50x4aj?", max_size=16),
    _scalar,
)
_image = st.fixed_dictionaries(
    {},
    optional={
        "url": _url,
        "width": st.one_of(st.sampled_from([50, 40, 10]), _scalar),
        "height": st.one_of(st.sampled_from([50, 40, 10]), _scalar),
    },
)
_stamp = st.one_of(
    st.datetimes(
        min_value=datetime(2000, 1, 1),
        max_value=datetime(2100, 1, 1),
        timezones=st.sampled_from([timezone.utc, timezone(timedelta(hours=3)), None]),
    ),
    st.sampled_from(["2020-01-01T00:00:00Z", "2020-01-01 00:00:00+01:00", "2999-01-01T00:00:00Z", "x"]),
    # near the current time, but not within two minutes of a day ahead (where the clock ticking
    # between the two runs compared could change the answer)
    st.builds(
        lambda d: datetime.now(timezone.utc) + timedelta(seconds=d),
        st.integers(-200_000, 200_000).filter(lambda d: abs(d - 86_400) > 120),
    ),
)
_entry = st.fixed_dictionaries(
    {},
    optional={
        "title": st.one_of(_texty, _scalar),
        "type": st.one_of(st.sampled_from(["article", "video", "Video", "news"]), _scalar),
        "topics": st.one_of(st.lists(st.one_of(_texty, _scalar), max_size=4), _scalar),
        "images": st.lists(st.one_of(_image, _scalar), max_size=3),
        "webUrl": _url,
        "originalUrl": _url,
        "provider": st.one_of(
            st.fixed_dictionaries(
                {}, optional={"domain": st.one_of(_url, _texty), "images": st.lists(_image, max_size=2)}
            ),
            _scalar,
        ),
        "publishedDateTime": _stamp,
        "updatedDateTime": _stamp,
    },
)
_data = st.builds(
    lambda top, related, items, levels, actions, website: {
        **top,
        **({"related": related} if related is not None else {}),
        **({"items": items} if items is not None else {}),
        **({"levels": levels} if levels is not None else {}),
        **({"actions": actions} if actions is not None else {}),
        **({"website": website} if website is not None else {}),
    },
    _entry,
    st.one_of(st.none(), st.lists(st.one_of(_entry, _scalar), max_size=3)),
    st.one_of(st.none(), st.lists(_item, max_size=6)),
    st.one_of(st.none(), st.lists(st.one_of(st.sampled_from(["Beginner", "advanced", " Expert"]), _scalar))),
    st.one_of(st.none(), st.lists(st.one_of(st.fixed_dictionaries({"url": _url}), _scalar), max_size=3)),
    st.one_of(st.none(), _url),
)
_KINDS: list[Any] = [
    articlekit.Article,
    articlekit.Collection,
    articlekit.Course,
    articlekit.Profile,
    articlekit.Download,
]
_IGNORES = st.sampled_from([frozenset(), frozenset({"AK401"})])


@_SETTINGS
@given(_data, st.sampled_from(_KINDS))
def test_quick_scans_agree_on_any_data(data: dict[str, Any], kind: Any) -> None:
    _assert_fast_is_plain(Context(data, Locations(), kind, RuleOptions()))


@_SETTINGS
@given(st.lists(_item, max_size=8))
def test_kind_items_one_regex_is_the_item_by_item_test(items: list[Any]) -> None:
    ctx = Context({"items": items}, Locations(), articlekit.Collection)
    assert list(kind_items.RULE.check(ctx)) == kind_items._issues(ctx, items)
    texts = [i for i in items if isinstance(i, str)]
    if texts and "\n" not in "".join(texts):
        good = all(kind_items._problem(t) is None for t in texts)
        assert (kind_items._GOOD_LINES.fullmatch("\n".join(texts)) is not None) is good


def test_title_line_one_line_test_is_the_line_break_regex() -> None:
    for ch in map(chr, range(0x3000)):
        for title in (f"a{ch}b", f"{ch}", f"ab{ch}"):
            one_line = title_line._BREAK.search(title) is None
            lines = title.splitlines()
            assert (len(lines) == 1 and len(lines[0]) == len(title)) is one_line, hex(ord(ch))


# -- date-future: the clock bound ----------------------------------------------------------------
def _future_issues(value: Any) -> list[Issue]:
    ctx = Context({"publishedDateTime": value}, Locations(), articlekit.Article)
    return list(date_future.RULE.check(ctx))


def test_date_future_bound_is_at_most_now_plus_a_day() -> None:
    before = datetime.now(timezone.utc)
    bound, read_at = date_future._clock()
    assert bound <= before + timedelta(days=1) + timedelta(seconds=1)
    assert bound <= datetime.now(timezone.utc) + timedelta(days=1)
    assert read_at >= before.timestamp()


def test_date_future_edges_around_the_bound() -> None:
    now = datetime.now(timezone.utc)
    assert _future_issues(now + timedelta(hours=23)) == []
    assert len(_future_issues(now + timedelta(days=1, minutes=1))) == 1
    assert len(_future_issues(now + timedelta(days=300))) == 1
    # the bound was renewed on the way, and still answers for ordinary dates
    assert _future_issues(now - timedelta(days=3)) == []


def test_date_future_clock_gone_back_reads_the_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """A clock that went back makes the bound unsafe: the rule then asks for the time itself."""
    now = datetime.now(timezone.utc)
    date_future._BOUND = (now + timedelta(days=30), time.time())  # a bound set in the "future"
    later = now + timedelta(days=10)
    monkeypatch.setattr(time, "time", lambda: date_future._BOUND[1] - 3600.0)
    assert len(_future_issues(later)) == 1  # read against the time, not the bound
    monkeypatch.undo()
    date_future._BOUND = date_future._clock()


def test_date_future_with_other_options_reads_their_time() -> None:
    class Options(RuleOptions):
        def current_time(self) -> datetime:
            return datetime(2000, 1, 1, tzinfo=timezone.utc)

    value = datetime(2010, 1, 1, tzinfo=timezone.utc)
    ctx = Context({"publishedDateTime": value}, Locations(), articlekit.Article, Options())
    assert len(list(date_future.RULE.check(ctx))) == 1
    fixed = RuleOptions(now=datetime(2000, 1, 1, tzinfo=timezone.utc))
    ctx = Context({"publishedDateTime": value}, Locations(), articlekit.Article, fixed)
    assert len(list(date_future.RULE.check(ctx))) == 1


# -- run_rules: the last plan of a kind --------------------------------------------------------------
@_SETTINGS
@given(st.lists(st.tuples(_data, st.sampled_from(_KINDS), _IGNORES)))
def test_run_rules_with_the_last_plan_is_its_definition(cases: list[tuple[dict[str, Any], Any, Any]]) -> None:
    """Documents of changing shapes one after the other: each runs exactly its own rules."""
    for data, kind, ignore in cases:
        ctx = Context(data, Locations(), kind, RuleOptions())
        fresh = Context(data, Locations(), kind, RuleOptions())
        assert _same(list(run_rules(ctx, ignore)), plain_run_rules(fresh, ignore))


def test_a_plan_holds_only_for_its_keys() -> None:
    from articlekit.rules import _LAST_PLAN, _NO_KEY

    with_related: dict[str, Any] = {"title": "a\nb", "related": [{"title": "c\nd", "secured": "x"}]}
    plain = {"title": "a\nb"}
    topics: dict[str, Any] = {"topics": ["a", "A"]}
    for data in (with_related, plain, with_related, topics, plain):
        ctx = Context(data, Locations(), articlekit.Article)
        assert list(run_rules(ctx)) == plain_run_rules(
            Context(data, Locations(), articlekit.Article), frozenset()
        )
        plan = _LAST_PLAN[articlekit.Article, frozenset(), _NO_KEY]  # (a walked index: typed texts unknown)
        keys = ctx.index.keys
        assert plan.witnesses <= keys
        assert plan.absent.isdisjoint(keys)


def test_items_list_is_item_mappings() -> None:
    cases: list[Any] = [{}, {"related": "x"}, {"related": [1, {"a": 1}, [], {"b": 2}]}, [], "x"]
    cases.append({"related": []})
    for data in cases:
        assert common.item_list(data) == list(common.item_mappings(data))
        assert Context(data, Locations(), articlekit.Article).items == list(common.item_mappings(data))


# -- rules that run_rules does not call in a quiet state ------------------------------------------
def test_silent_rules_report_nothing_in_their_state() -> None:
    """AK510 without a key, AK211 when the fast YAML path listed no typed scalar: nothing to report,
    so `run_rules` leaves them out (and, with a key or typed scalars, calls them)."""
    from articlekit.rules import _NO_KEY, _SILENT, _UNTYPED, secured_key

    assert _SILENT == {"secured-key": _NO_KEY, "yaml11-surprise": _UNTYPED}
    untyped = 0
    for ctx in _loaded_contexts(_texts(), RuleOptions()):
        assert list(secured_key.RULE.check(ctx)) == []
        typed = ctx.prebuilt_index.typed_texts if ctx.prebuilt_index is not None else None
        if typed is not None and not typed:
            assert yaml11_surprise.findings(ctx) == []
            untyped += 1
    assert untyped > 100


def test_quiet_state_changes_the_plan() -> None:
    from articlekit.rules import _LAST_PLAN, _NO_KEY, _UNTYPED

    for text, untyped in (("title: a\nsecured: x\nheat: 012\n", False), ("title: a\nsecured: x\n", True)):
        loaded = load_yaml_fast(text)
        index = loaded.index
        assert index is not None
        assert (index.typed_texts == []) is untyped
        for options in (RuleOptions(), RuleOptions(secured_key=b"k" * 16)):
            ctx = Context(loaded.data, loaded.locations, articlekit.Article, options, prebuilt_index=index)
            codes = [i.code for i in run_rules(ctx)]
            assert ("AK211" in codes) is not untyped
            quiet = (_NO_KEY if options.secured_key is None else 0) | (_UNTYPED if untyped else 0)
            names = [r.name for r in _LAST_PLAN[articlekit.Article, frozenset(), quiet].rules]
            assert ("secured-key" in names) is (options.secured_key is not None)
            assert ("yaml11-surprise" in names) is not untyped
