"""The first verdicts on a URL or a host (memos empty) are the plain code's, whatever the order.

The URL rules work out a value's verdicts once, by the cheapest means for the common shapes
(`_common.plain_image_url`: one match gives both the image-size and the image-url verdicts of an
image URL and remembers both; `first_url_problem` and `first_host_problem` read the host
verdicts that other values left in the memo).  Each is compared here with the plain code it
stands in for (``urllib.parse.urlsplit``, the size pattern searched in the path, the checks of
`_url_problem` and `_host_problem` with no memo and no fast path), on every text of the real
corpus (when ``../shared`` is present) and on generated texts biased to the shapes of URLs:
on a first pass in each order of the rules, and again from the memos.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any
from unittest import mock
from urllib.parse import urlsplit

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import articlekit
from articlekit.fastyaml import load_yaml_fast
from articlekit.limits import DEFAULT_LIMITS
from articlekit.rules import _common as common
from articlekit.rules import image_size, image_url
from articlekit.splitter import split_front_matter
from conftest import corpus_files

_SETTINGS = settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
_SIZE = re.compile(r"-([0-9]{1,9})x([0-9]{1,9})\.[A-Za-z0-9]+$")  # the size pattern, as it was
_UNPRINTABLE = re.compile(r"[\s\x00-\x1f\x7f]")


# -- the plain code ---------------------------------------------------------------------
@contextmanager
def _plain() -> Iterator[None]:
    """The plain checks: `host_problem` and `url_problem` replaced by their memo-less, fast-path-less
    forms while the references are worked out."""
    with (
        mock.patch.object(common, "host_problem", common._host_problem),
        mock.patch.object(image_url, "url_problem", common._url_problem),
    ):
        yield


def _path(url: str) -> str:
    try:
        return urlsplit(url).path
    except ValueError:
        return url


def _size(url: str) -> tuple[int, int] | None:
    match = _SIZE.search(_path(url))
    return None if match is None else (int(match.group(1)), int(match.group(2)))


def _image_problem(url: str) -> str | None:
    with _plain():
        return image_url._image_url_problem(url)


def _url_problem(value: str) -> str | None:
    with _plain():
        return common._url_problem(value)


def _hosts(value: str) -> list[str]:
    """Host-like parts of ``value``: what a memo of host verdicts may be asked about for it."""
    found = {value, value.split("//", 1)[-1].split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]}
    m = common._PLAIN_URL.match(value)
    if m is not None:
        found.add(m[1])
    with_host = common._PLAIN_IMAGE.match(value)
    if with_host is not None and with_host[1] is not None:
        found.add(with_host[1])
    return sorted(found)


# -- the checks -----------------------------------------------------------------------------
def _calls(value: str) -> dict[str, Callable[[], Any]]:
    """The first-pass entries of the rules (what each rule calls when its memo lacks ``value``)
    and the public functions."""
    return {
        "size_in_name": lambda: image_size.size_in_name(value),
        "image_size._first_size": lambda: image_size._first_size(value),
        "image_url_problem": lambda: image_url.image_url_problem(value),
        "image_url._first_problem": lambda: image_url._first_problem(value),
        "url_problem": lambda: common.url_problem(value),
        "first_url_problem": lambda: common.first_url_problem(value),
        "host_problem": lambda: common.host_problem(value),
        "first_host_problem": lambda: common.first_host_problem(value),
        "url_path": lambda: common.url_path(value),
    }


def _expected(value: str) -> dict[str, Any]:
    url = _url_problem(value)
    host = common._host_problem(value)
    image = _image_problem(value)
    size = _size(value)
    return {
        "size_in_name": size,
        "image_size._first_size": size,
        "image_url_problem": image,
        "image_url._first_problem": image,
        "url_problem": url,
        "first_url_problem": url,
        "host_problem": host,
        "first_host_problem": host,
        "url_path": _path(value),
    }


_ORDERS = [
    ["size_in_name", "image_url_problem"],  # the rules' order: image-size, then image-url
    ["image_url_problem", "size_in_name"],
    ["image_size._first_size", "image_url._first_problem", "url_problem", "host_problem"],
    ["image_url._first_problem", "image_size._first_size", "host_problem", "url_problem"],
    ["first_host_problem", "first_url_problem", "url_path"],
    ["first_url_problem", "first_host_problem"],
]


def check_value(value: str) -> None:
    """Every first-pass answer on ``value`` is the plain code's, in every order, and so are the
    answers read back from the memos; so are host verdicts left in the memo by a URL."""
    want = _expected(value)
    hosts = _hosts(value)
    for order in _ORDERS:
        common.forget_memos()
        calls = _calls(value)
        for name in order:
            assert calls[name]() == want[name], (value, order, name)
        for name in order:  # again: from the memos where the first call filled them
            assert calls[name]() == want[name], (value, order, name, "again")
        for host in hosts:  # what the URL's verdicts left in the memo of hosts
            assert common.host_problem(host) == common._host_problem(host), (value, host)
    # the hosts first, then the URL: a URL reads the verdicts of its host from the memo
    common.forget_memos()
    for host in hosts:
        common.host_problem(host)
    calls = _calls(value)
    for name in ("url_problem", "image_url_problem", "size_in_name"):
        assert calls[name]() == want[name], (value, name, "after its hosts")
    # what plain_image_url answers, on its own
    common.forget_memos()
    size = common.plain_image_url(value)
    if size is not common.NOT_PLAIN:
        assert size == want["size_in_name"], value
        assert want["image_url_problem"] is None, value
        if len(value) <= common._MEMO_LONGEST:
            assert common._IMAGE_SIZE_CACHE[value] == size
            assert common._IMAGE_PROBLEM_CACHE[value] is None
    else:
        assert value not in common._IMAGE_SIZE_CACHE
        assert value not in common._IMAGE_PROBLEM_CACHE
    common.forget_memos()


# -- the real corpus ------------------------------------------------------------------------
def _corpus_texts() -> list[str]:
    """Every text value of the corpus's front matter (and every key), without repeats."""
    found: dict[str, None] = {}
    for path in corpus_files():
        split = split_front_matter(path.read_text(encoding="utf-8"), DEFAULT_LIMITS)
        if split.front_matter is None:
            continue
        data = load_yaml_fast(split.front_matter, first_line=2, limits=DEFAULT_LIMITS).data
        for key_path, value in common.walk(data):
            if isinstance(value, str):
                found[value] = None
            if key_path and isinstance(key_path[-1], str):
                found[key_path[-1]] = None
    return list(found)


def test_every_text_of_the_corpus() -> None:
    texts = _corpus_texts()
    if not texts:
        pytest.skip("../shared/corpus is not present")
    urlish = [t for t in texts if "/" in t or "." in t]
    assert len(urlish) > 200  # the image URLs, webUrls and domains are among them
    for text in texts:
        check_value(text)


def test_corpus_urls_take_the_fast_paths() -> None:
    """The common shapes of the corpus are the shapes of the fast paths (else they would cost more)."""
    texts = _corpus_texts()
    if not texts:
        pytest.skip("../shared/corpus is not present")
    images = [t for t in texts if t.startswith(("/assets/", "https://")) and t.endswith((".jpg", ".png"))]
    assert images
    for url in images:
        common.forget_memos()
        assert common.plain_image_url(url) is not common.NOT_PLAIN, url
        assert common._PLAIN_URL.fullmatch(url) is not None or url.startswith("/"), url


# -- generated texts shaped like URLs -----------------------------------------------------------
_SIZES = [
    "-12x34.png",
    "-1x2.jpg",
    "-50x50.jpg",
    "-1234567890x1.png",
    "-12x34.",
    "-12x.png",
    "-x1.png",
    "-1x2.p-g",
]
_ODD = [
    " ",
    "\t",
    "\n",
    "\r",
    "\x00",
    "\x1f",
    "\x7f",
    "\x85",
    "\xa0",
    "\u3000",
    "\u2028",
    "é",
    "ü",
    "\u200b",
    "%20",
]
_label = st.one_of(
    st.text(alphabet="abzAZ09-", min_size=0, max_size=6),
    st.sampled_from(
        ["a" * 63, "b" * 64, "-a", "a-", "a--b", "xn--bcher-kva", "bücher", "ex_ample", "a-12x34"]
    ),
)
_host = st.one_of(
    st.lists(_label, min_size=0, max_size=5).map(".".join),
    st.text(alphabet="abc019-.:@[]%é \t", max_size=14),
    st.sampled_from(
        [
            "[::1]",
            "[::1]:80",
            "[::1",
            "::1]",
            "[v1.x]",
            "[fe80::1%25eth0]",
            "a.b:80",
            "a.b:",
            "a.b:x",
            "a.b:99999",
            "u@a.b",
            "u:p@a.b",
            "@a.b",
            "a." * 127 + "a",
            "a." * 126 + "ab",
            ".".join(["c" * 63] * 4),
            "A.COM",
            "host-12x34.png",
            "ex\uff0eample.com",
            "a\u2100.com",
        ]
    ),
)
_piece = st.one_of(
    st.sampled_from(
        ["/", "//", "?", "#", "-", "x", ".", "a", "1", "12", "png", ":", "@", "%", "&", "=", ";", "~"]
    ),
    st.sampled_from(_SIZES),
    st.sampled_from(_ODD),
    st.text(max_size=3),
)
_tail = st.lists(_piece, max_size=12).map("".join)
_scheme = st.sampled_from(["https", "http", "HTTPS", "Http", "ftp", "", "h", "ht.tp", "1http", "https "])
_sep = st.sampled_from(["://", ":/", ":", "//", "", ":///", ":\\\\"])
_url = st.builds(lambda a, b, c, d: a + b + c + d, _scheme, _sep, _host, _tail)
_site = st.builds(lambda a, b: a + b, st.sampled_from(["/", "//", "///", " /", "\t/", "/\n"]), _tail)
_text = st.one_of(
    _url,
    _site,
    _host,
    _tail,
    st.text(max_size=20),
    _url.map(lambda u: u.upper()),
    st.builds(lambda a, b: a + b, st.sampled_from(_ODD), _url),
    st.builds(lambda a, b: a + b, _url, st.sampled_from(_ODD)),
)


@_SETTINGS
@given(_text)
@example("")
@example("/")
@example("//")
@example("/assets/images/organizations/amazon.com-400x400.jpg")
@example("/a-1x2.jpg\n")
@example("/a-1x2.jpg?x-3x4.png")
@example("/a-1x2.jpg#-3x4.png")
@example("/a?-1x2.jpg")
@example("https://a-1x2.png")
@example("https://a-1x2.png/")
@example("https://host-1x2.png?x")
@example("https://a.b/-1x2.png")
@example("https://a.b/c-1x2.png/d")
@example("https://a.b/c-1x2.png-3x4.jpg")
@example("https://a.b/c-1x2.jpg.png")
@example("https://a.b/c-1234567890x2.png")
@example("https://a.b/c-12x34.png ")
@example("https://a.b/c d-12x34.png")
@example("https://a.b/c-12x34.pñg")
@example("https://a.b/é-12x34.png")
@example("https://a..b/c-1x2.png")
@example("https://a.-b/c-1x2.png")
@example("https://" + "a" * 64 + ".com/c-1x2.png")
@example("https://" + ".".join(["abcdefghi"] * 26) + "/c-1x2.png")
@example("https://[::1]/c-1x2.png")
@example("https://u@a.b/c-1x2.png")
@example("https://a.b:80/c-1x2.png")
@example("HTTPS://a.b/c-1x2.png")
@example("https:/a.b/c-1x2.png")
@example("//a.b/c-1x2.png")
@example("https://a.b\t/c-1x2.png")
@example("https://a.b/c\r-1x2.png")
@example("https://a.b?x#y")
@example("amazon.com")
@example("a--b.com")
@example("a-.com")
@example("xn--bcher-kva.example")
@example("bücher.example")
@example("a." * 126 + "ab")
def test_generated_texts(value: str) -> None:
    check_value(value)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_url, _site, _host), min_size=1, max_size=6))
def test_values_seen_together(values: list[str]) -> None:
    """Values sharing hosts and sizes, in one pass: one value's verdicts left in the memos (its
    host, its "<W>x<H>") never change another's."""
    common.forget_memos()
    for value in values + values[::-1]:
        assert image_size.size_in_name(value) == _size(value), value
        assert image_url.image_url_problem(value) == _image_problem(value), value
        assert common.url_problem(value) == _url_problem(value), value
        assert common.host_problem(value) == common._host_problem(value), value
    common.forget_memos()


def test_rules_report_the_same_on_a_first_pass_and_from_the_memos() -> None:
    text = (
        "---\ntitle: x\ncategory: news\nwebUrl: https://a.example/n\n"
        "provider:\n  name: P\n  domain: a.example\n"
        "images:\n"
        "  - url: https://a.example/i-50x40.png?v=1\n    width: 50\n    height: 41\n"
        "  - url: /assets/j-20x10.jpg\n    width: 21\n    height: 10\n"
        "  - url: //cdn.example/k-1x1.png\n"
        "  - url: https://a..example/l-3x3.png\n    width: 3\n    height: 3\n"
        "---\n"
    )
    common.forget_memos()
    first = articlekit.check(text)
    again = articlekit.check(text)
    common.forget_memos()
    assert first == again == articlekit.check(text)
    codes = sorted(i.code for i in first)
    assert codes.count("AK401") == 2  # the two sizes that differ from their names
    assert codes.count("AK402") == 2  # protocol-relative, and a host with ".."


def test_the_memos_are_bounded_and_listed() -> None:
    for memo in (common._IMAGE_SIZE_CACHE, common._IMAGE_PROBLEM_CACHE, common._SIZE_TEXTS):
        assert any(memo is m for m in common._MEMOS)
    assert image_size._SIZE_CACHE is common._IMAGE_SIZE_CACHE
    assert image_url._PROBLEM_CACHE is common._IMAGE_PROBLEM_CACHE
    common.forget_memos()
    long = "/" + "a" * common._MEMO_LONGEST + "-1x2.png"
    assert image_size.size_in_name(long) == (1, 2)
    assert image_url.image_url_problem(long) is None
    assert long not in common._IMAGE_SIZE_CACHE
    assert long not in common._IMAGE_PROBLEM_CACHE
    for i in range(common._MEMO_SIZE + 5):
        image_size.size_in_name(f"/a/{i}-{i}x1.png")
        assert len(common._IMAGE_SIZE_CACHE) <= common._MEMO_SIZE
        assert len(common._IMAGE_PROBLEM_CACHE) <= common._MEMO_SIZE
    assert image_size.size_in_name("/a/7-7x1.png") == (7, 1)
    common.forget_memos()


_DOC = (
    '---\ntitle: x\ncategory: news\nwebUrl: "{url}"\n'
    'provider:\n  name: P\n  domain: "{host}"\n'
    'images:\n  - url: "{image}"\n    width: 50\n    height: 41\n'
    "---\n"
)
_CASES = [
    ("https://a.example/n", "a.example", "https://a.example/i-50x40.png?v=1"),
    ("https://a.example/n", "a.example", "/assets/i-50x41.jpg"),
    ("https://a..example/n", "a..example", "https://a..example/i-50x40.png"),
    ("http://b.example", "b-.example", "//cdn.example/i-50x40.png"),
    ("https://c.example/n", "c.example", "/assets/i 50x40.jpg"),
    ("ftp://c.example/n", "[::1]", "HTTPS://C.example/i-50x40.png"),
]


@pytest.mark.parametrize(("url", "host", "image"), _CASES)
@pytest.mark.parametrize(
    "name", ["image-size", "image-url", "url-syntax", "provider-domain", "kind-organization-domain"]
)
def test_each_rule_alone_on_a_first_pass(name: str, url: str, host: str, image: str) -> None:
    """A rule run alone with its memos empty (no other rule filled them) reports what it reports
    from filled memos, and what its plain checks say."""
    from articlekit.models.kinds import detect_kind
    from articlekit.rules import Context, RuleOptions, all_rules

    (rule,) = [r for r in all_rules() if r.name == name]
    text = _DOC.format(url=url, host=host, image=image)
    if name == "kind-organization-domain":
        text = text.replace("category: news\n", "taxonomy: organization\n_id: x\nname: X\n").replace(
            "provider:\n  name: P\n  domain:", "domain:"
        )
    front = split_front_matter(text, DEFAULT_LIMITS).front_matter
    assert front is not None
    loaded = load_yaml_fast(front, first_line=2, limits=DEFAULT_LIMITS)
    data = loaded.data
    kind = detect_kind(data)
    assert kind is not None

    def run() -> list[tuple[str, tuple[Any, ...]]]:
        ctx = Context(data, loaded.locations, kind, RuleOptions(), prebuilt_index=loaded.index)
        return [(i.code, i.path) for i in rule.check(ctx)]

    common.forget_memos()
    first = run()
    again = run()
    common.forget_memos()
    assert first == again
    expected = {
        "image-size": _size(image) not in (None, (50, 41)),
        "image-url": _image_problem(image) is not None,
        "url-syntax": _url_problem(url) is not None,
        "provider-domain": common._host_problem(host) is not None,
        "kind-organization-domain": common._host_problem(host) is not None,
    }[name]
    assert bool(first) is expected, (name, first)
