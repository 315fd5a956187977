"""The rule helpers (URLs, host names, AMP cache, image sizes) and "rules never crash"."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import articlekit
from articlekit.issues import Issue
from articlekit.models import Article
from articlekit.rules import Context, RuleOptions, all_rules
from articlekit.rules._common import amp_cache_url, find_images, host_problem, normalize_url, url_problem
from articlekit.rules.image_size import size_in_name
from articlekit.rules.image_url import image_url_problem
from articlekit.yamlsafe import Locations


@pytest.mark.parametrize(
    "url",
    [
        "https://www.businessinsider.com/a-b?amp",
        "http://example.com",
        "HTTPS://EXAMPLE.COM/x",
        "https://example.com:8443/x#frag",
        "https://[2001:db8::1]/x",
        "https://bücher.example/x",
    ],
)
def test_good_urls(url: str) -> None:
    assert url_problem(url) is None


@pytest.mark.parametrize(
    ("url", "why"),
    [
        ("", "empty"),
        ("www.example.com/a", "no scheme"),
        ("//example.com/a", "no scheme"),
        ("ftp://example.com/a", "'ftp'"),
        ("mailto:a@example.com", "'mailto'"),
        ("https:/example.com/a", "'//'"),
        ("https:///a", "no host"),
        ("https://exa mple.com/a", "whitespace"),
        ("https://example.com/a\n", "whitespace"),
        ("https://example.com:99999/a", "cannot be read"),
        ("https://[::1/a", "cannot be read"),
        ("https://ex_ample.com/a", "not a valid host name"),
    ],
)
def test_bad_urls(url: str, why: str) -> None:
    problem = url_problem(url)
    assert problem is not None
    assert why in problem


@pytest.mark.parametrize(
    "host",
    ["businessinsider.com", "a.b.c.d", "localhost", "xn--bcher-kva.example", "bücher.de", "EXAMPLE.COM"],
)
def test_good_hosts(host: str) -> None:
    assert host_problem(host) is None


@pytest.mark.parametrize(
    ("host", "why"),
    [
        ("", "empty"),
        ("https://example.com", "scheme"),
        ("example.com/news", "path"),
        ("example.com:80", "port"),
        ("example.com?a", "query"),
        ("user@example.com", "user"),
        ("exa mple.com", "whitespace"),
        ("example..com", "empty label"),
        ("example.com.", "empty label"),
        ("-example.com", "label '-example'"),
        ("ex_ample.com", "label 'ex_ample'"),
        ("a" * 64 + ".com", "at most 63"),
        ("a." * 127 + "com", "253"),
    ],
)
def test_bad_hosts(host: str, why: str) -> None:
    problem = host_problem(host)
    assert problem is not None
    assert why in problem


def test_amp_cache_url() -> None:
    assert (
        amp_cache_url("https://www.businessinsider.com/finland-2020-8?amp")
        == "https://www-businessinsider-com.cdn.ampproject.org/c/s/www.businessinsider.com/finland-2020-8?amp"
    )
    # '-' doubled before '.' becomes '-'; http drops the 's/'; the fragment is not part of it
    assert (
        amp_cache_url("http://my-site.co.uk/a/amp/#top")
        == "https://my--site-co-uk.cdn.ampproject.org/c/my-site.co.uk/a/amp/"
    )
    assert amp_cache_url("https://WWW.Example.com/a") == (
        "https://www-example-com.cdn.ampproject.org/c/s/WWW.Example.com/a"
    )
    assert amp_cache_url("not a url") is None


def test_normalize_url_only_touches_scheme_and_host() -> None:
    assert normalize_url("HTTPS://WWW.Example.COM/Path?Q=A") == "https://www.example.com/Path?Q=A"
    assert normalize_url("relative/Path") == "relative/Path"


def test_size_in_name() -> None:
    assert size_in_name("/assets/images/organizations/microsoft.com-50x50.jpg") == (50, 50)
    assert size_in_name("https://x.com/a-1200x627.jpeg?w=10") == (1200, 627)
    assert size_in_name("https://x.com/a-1200x627.jpeg/more") is None
    assert size_in_name("https://x.com/a1200x627.jpeg") is None
    assert size_in_name("https://i.insider.com/5f31?width=1200&format=jpeg") is None


def test_image_url_problem() -> None:
    assert image_url_problem("/assets/a.png") is None
    assert image_url_problem("https://x.com/a.png") is None
    for bad in ("assets/a.png", "//x.com/a.png", "data:image/png;base64,AAAA", "/assets/a b.png", ""):
        assert image_url_problem(bad) is not None


def test_find_images_covers_every_depth() -> None:
    image = {"url": "/a.png", "width": 1, "height": 1}
    data = {
        "images": [image, "not a mapping"],
        "provider": {"images": [image]},
        "related": [{"images": [image], "provider": {"images": [image]}}],
        "affiliation": {"images": [image]},
        "actions": [{"url": "https://x.com/file"}],
    }
    paths = [p for p, _ in find_images(data)]
    assert paths == [
        ("images", 0),
        ("provider", "images", 0),
        ("related", 0, "images", 0),
        ("related", 0, "provider", "images", 0),
        ("affiliation", "images", 0),
    ]


def test_image_rules_apply_to_other_kinds() -> None:
    # a profile's affiliation logo is an image like any other
    text = (
        "---\ntype: profile\nname: Jane Doe\naffiliation:\n  name: Microsoft\n  domain: microsoft.com\n"
        "  images:\n    - url: /assets/images/organizations/microsoft.com-50x50.jpg\n"
        "      width: 50\n      height: 60\n---\n"
    )
    issues = [i for i in articlekit.check(text) if i.code == "AK401"]
    assert [(i.path, i.line) for i in issues] == [(("affiliation", "images", 0, "height"), 10)]


def test_news_only_rules_skip_other_kinds() -> None:
    text = "---\ntype: course\ntitle: A course\nwebUrl: https://example.com/c\n---\n"
    codes = {i.code for i in articlekit.check(text)}
    assert not codes & {"AK702", "AK854", "AK855"}


def test_future_date_uses_the_clock_by_default() -> None:
    soon = (datetime.now(timezone.utc) + timedelta(days=3)).strftime("%Y-%m-%dT%H:%M:%SZ")
    text = f"---\ncategory: news\ntitle: x\npublishedDateTime: {soon}\n---\n"
    assert "AK802" in {i.code for i in articlekit.check(text)}


@pytest.mark.parametrize(
    "value",
    ['"9999-12-31T23:59:59-05:00"', '"0001-01-01T00:00:00+05:00"', "9999-12-31T23:59:59-05:00"],
)
def test_dates_at_the_ends_of_the_calendar_do_not_crash(value: str) -> None:
    text = f"---\ncategory: news\ntitle: x\npublishedDateTime: {value}\n---\n"
    issues = articlekit.check(text)
    assert all(isinstance(i, Issue) for i in issues)


# --- rules never crash, whatever the data ---------------------------------------------

_KEYS = st.sampled_from(
    [
        "images", "url", "width", "height", "related", "webUrl", "originalUrl", "ampWebUrl",
        "cdnAmpWebUrl", "provider", "affiliation", "domain", "topics", "title", "type",
        "category", "secured", "publishedDateTime", "updatedDateTime",
    ]
)  # fmt: skip
_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(allow_nan=True),
    st.text(max_size=30),
    st.sampled_from(["https://a.com/x-5x5.png", "/a-1x2.jpg", "2020-08-11T13:41:00+02:00", "2999-01-01"]),
    st.datetimes(timezones=st.none() | st.just(timezone.utc) | st.just(timezone(timedelta(hours=-5)))),
)
_DATA = st.recursive(
    _SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_KEYS, inner, max_size=5),
    max_leaves=25,
)


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(_KEYS, _DATA, max_size=8))
def test_rules_never_crash(data: dict[str, Any]) -> None:
    ctx = Context(data, Locations(), Article, RuleOptions(max_related=2))
    for rule in all_rules():
        for issue in rule.check(ctx):
            assert isinstance(issue, Issue)
            assert issue.code in {c.code for c in rule.codes}
