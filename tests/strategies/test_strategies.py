"""articlekit.strategies: the properties of issue 5, run over the strategies themselves.

The default run is short.  The long run (1,000 examples of each property)::

    ARTICLEKIT_STRATEGY_EXAMPLES=1000 .venv/bin/python -m pytest tests/strategies/test_strategies.py -q
"""

from __future__ import annotations

import importlib.metadata
import os
import subprocess
import sys
import textwrap
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, find, given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

import articlekit
from articlekit import CODES, KINDS, Article, Document, Image, dumps, loads
from articlekit import strategies as aks
from articlekit.rules.image_size import size_in_name
from articlekit.splitter import UNREADABLE
from articlekit.strategies._broken import GENERATORS, crypto_available

EXAMPLES = int(os.environ.get("ARTICLEKIT_STRATEGY_EXAMPLES", "40"))
"""Examples per property: 40 by default, 1,000 for the long run."""

PROPERTY = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
SIMPLEST = settings(max_examples=1, deadline=None, database=None, phases=[Phase.generate])
"""The first example Hypothesis tries is its simplest one: what the strategy shrinks toward."""
SAMPLE = settings(
    max_examples=2,
    deadline=None,
    database=None,
    derandomize=True,
    phases=[Phase.generate],
    suppress_health_check=list(HealthCheck),
)
"""A few fixed examples, not shrunk: for "this can be produced" tests."""


# -- the three properties of the issue ----------------------------------------------------


@PROPERTY
@given(aks.documents())
def test_documents_load_with_no_issue_and_write_back_unchanged(text: str) -> None:
    assert articlekit.check(text) == []
    doc = loads(text)
    assert dumps(doc) == text


@PROPERTY
@given(aks.invalid_documents())
def test_invalid_documents_have_exactly_the_declared_problem(broken: aks.BrokenDocument) -> None:
    issues = broken.check()
    # the code, at its line, with the code's own severity: an error for every error code
    expected = [(broken.code, broken.line, CODES[broken.code].severity)]
    assert [(i.code, i.line, i.severity) for i in issues] == expected, [str(i) for i in issues]


@PROPERTY
@given(aks.articles())
def test_articles_write_and_load_back_equal(article: Article) -> None:
    text = dumps(Document(meta=article))
    assert articlekit.check(text) == []
    assert loads(text).meta == article


@PROPERTY
@given(st.sampled_from([k.name for k in KINDS]).flatmap(aks.models_of))
def test_every_kind_writes_and_loads_back_equal(model: Any) -> None:
    text = dumps(Document(meta=model))
    assert articlekit.check(text) == []
    assert loads(text).meta == model


# -- every code can be produced ------------------------------------------------------------


# AK003 is a rule that failed (a bug in a rule, not in a document); plugins' codes are theirs
DOCUMENT_CODES = sorted(c for c in CODES if c.startswith("AK") and c != "AK003")


def test_every_registered_code_has_a_generator() -> None:
    """A new issue code fails here until invalid_documents() can produce it."""
    assert set(DOCUMENT_CODES) - set(GENERATORS) == set()
    assert set(GENERATORS) - set(DOCUMENT_CODES) == set()
    expected = set(DOCUMENT_CODES) if crypto_available() else set(DOCUMENT_CODES) - {"AK510"}
    assert aks.broken_codes() == expected


@pytest.mark.parametrize("code", DOCUMENT_CODES)
def test_each_code_appears_among_broken_documents(code: str) -> None:
    if code == "AK510" and not crypto_available():
        pytest.skip("AK510 needs the cryptography package")

    @SAMPLE
    @given(aks.invalid_documents(codes={code}))
    def run(broken: aks.BrokenDocument) -> None:
        assert broken.code == code
        issues = broken.check()
        expected = [(code, broken.line, CODES[code].severity)]
        assert [(i.code, i.line, i.severity) for i in issues] == expected, [str(i) for i in issues]

    run()


@settings(PROPERTY, max_examples=EXAMPLES * 5)
@given(aks.invalid_documents(codes={"AK108", "AK109"}))
def test_broken_characters_are_errors_never_body_warnings(broken: aks.BrokenDocument) -> None:
    """A stray BOM or a control character in the body is only a warning: the documents never put it there."""
    issues = broken.check()
    assert [(i.code, i.line, i.severity) for i in issues] == [(broken.code, broken.line, "error")]


@settings(PROPERTY, max_examples=EXAMPLES * 2)
@given(aks.invalid_documents(codes={"AK303"}))
def test_out_of_range_documents_are_out_of_range(broken: aks.BrokenDocument) -> None:
    """Negative heat is valid: an AK303 document breaks a range that really exists."""
    issues = broken.check()
    assert [(i.code, i.line, i.severity) for i in issues] == [("AK303", broken.line, "error")]


@PROPERTY
@given(st.data())
def test_codes_restrict_what_is_produced(data: st.DataObject) -> None:
    codes = data.draw(st.sets(st.sampled_from(sorted(aks.broken_codes())), min_size=1, max_size=3))
    broken = data.draw(aks.invalid_documents(codes=codes))
    assert broken.code in codes


# -- registration through the hypothesis entry point ---------------------------------------


def _entry_point_installed() -> bool:
    return any(
        e.value.startswith("articlekit._hypothesis")
        for e in importlib.metadata.entry_points(group="hypothesis")
    )


@pytest.mark.skipif(not _entry_point_installed(), reason="articlekit is not installed (pip install -e .)")
def test_from_type_works_in_a_fresh_interpreter() -> None:
    script = textwrap.dedent(
        """
        import sys
        import hypothesis.strategies as st
        from hypothesis import given, settings
        import articlekit
        assert "articlekit.strategies" not in sys.modules, "registered without the entry point?"

        @settings(max_examples=15, deadline=None, database=None)
        @given(st.from_type(articlekit.Article), st.from_type(articlekit.Image),
               st.from_type(articlekit.Provider), st.from_type(articlekit.RelatedItem),
               st.from_type(articlekit.Secured))
        def run(article, image, provider, related, secured):
            assert isinstance(article, articlekit.Article)
            assert isinstance(image, articlekit.Image) and isinstance(provider, articlekit.Provider)
            assert isinstance(related, articlekit.RelatedItem) and isinstance(secured, articlekit.Secured)
            text = articlekit.dumps(articlekit.Document(meta=article))
            assert articlekit.check(text) == [], text

        run()
        print("from_type ok")
        """
    )
    env = {k: v for k, v in os.environ.items() if k != "HYPOTHESIS_NO_PLUGINS"}
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, cwd="/", check=False
    )
    assert done.returncode == 0, done.stderr
    assert "from_type ok" in done.stdout


# -- arguments are checked at once ----------------------------------------------------------


@pytest.mark.parametrize(
    "make",
    [
        lambda: aks.articles(nope=1),
        lambda: aks.articles(publishedDateTime="2020-01-01T00:00:00Z"),  # YAML key, not the Python name
        lambda: aks.articles(title=""),
        lambda: aks.articles(title=None),
        lambda: aks.articles(quality=-1),
        lambda: aks.articles(web_url=None, original_url=None),
        lambda: aks.articles(cdn_amp_web_url="https://a-com.cdn.ampproject.org/c/s/a.com/x"),
        lambda: aks.articles(title="two\nlines"),
        lambda: aks.images(url="/logo-50x50.png", width=60),
        lambda: aks.videos(length="13:34"),
        lambda: aks.documents(kind="podcast"),
        lambda: aks.documents(kind=int),
        lambda: aks.documents(kind="article", meta=aks.articles()),
        lambda: aks.documents(meta="not a strategy"),
        lambda: aks.models_of("podcast"),
        lambda: aks.invalid_documents(codes={"AK999"}),
        lambda: aks.invalid_documents(codes="AK101"),
        lambda: aks.invalid_documents(codes=[]),
        lambda: aks.invalid_documents(codes=5),
    ],
)
def test_bad_arguments_raise_invalid_argument_at_once(make: Any) -> None:
    with pytest.raises(InvalidArgument):
        make()


_PYDANTIC_WORDS = ("Input should", "validation error", "type=", "errors.pydantic.dev", "String should")


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (lambda: aks.articles(heat=2**31), "'heat' must be 2147483647 or less, not 2147483648"),
        (lambda: aks.courses(heat=-(2**31) - 1), "'heat' must be -2147483648 or more"),
        (lambda: aks.articles(quality=-1), "'quality' must be 0 or more, not -1"),
        (lambda: aks.articles(published_date_time=5), "'publishedDateTime' must be a date and time"),
        (lambda: aks.courses(type="video"), "'type' must be 'course' for a Course, not 'video'"),
        (lambda: aks.images(width=0), "'width' must be 1 or more, not 0"),
        (lambda: aks.providers(name=""), "'name' must not be empty"),
    ],
)
def test_bad_pinned_values_are_explained_in_yaml_words(make: Any, words: str) -> None:
    with pytest.raises(InvalidArgument) as info:
        make()
    message = str(info.value)
    assert words in message
    assert not any(w in message for w in _PYDANTIC_WORDS), message


def test_negative_heat_can_be_pinned() -> None:
    for heat in (-1, -(2**31), 2**31 - 1):
        assert find(aks.articles(heat=heat), lambda a: True, settings=SIMPLEST).heat == heat
        assert find(aks.courses(heat=heat), lambda c: True, settings=SIMPLEST).heat == heat


@pytest.mark.parametrize("kind", [k.name for k in KINDS if k.name != "organization"])
def test_strategies_generate_negative_heat_and_the_32_bit_extremes(kind: str) -> None:
    search = settings(
        max_examples=1000,
        deadline=None,
        database=None,
        derandomize=True,
        phases=[Phase.generate],  # the first example found: no shrinking, which is slow for whole models
        suppress_health_check=list(HealthCheck),
    )
    strategy = aks.models_of(kind)
    assert find(strategy, lambda m: m.heat is not None and m.heat < 0, settings=search).heat < 0
    for extreme in (-(2**31), 2**31 - 1):
        assert find(strategy, lambda m, x=extreme: m.heat == x, settings=search).heat == extreme


_TRICKY_TITLES = st.sampled_from(["ok", "two\rlines", "two\nlines", "", " ", "tab\there", "x\u2028y", "\x00"])


@PROPERTY
@given(aks.articles(title=st.one_of(_TRICKY_TITLES, st.text())))
def test_a_pinned_strategy_only_gives_values_that_make_a_valid_document(article: Article) -> None:
    text = dumps(Document(meta=article))
    assert articlekit.check(text) == []
    assert "\r" not in article.title
    assert "\n" not in article.title


@PROPERTY
@given(aks.documents(meta=aks.courses(title=st.text(), excerpt=st.text(), heat=st.integers())))
def test_documents_of_pinned_strategies_load_with_no_issue(text: str) -> None:
    assert articlekit.check(text) == []


def test_a_pinned_image_url_with_a_size_sets_width_and_height() -> None:
    image = find(aks.images(url="/a-50x40.jpg"), lambda i: True, settings=SIMPLEST)
    assert (image.url, image.width, image.height) == ("/a-50x40.jpg", 50, 40)


def test_the_did_you_mean_hint_names_the_python_attribute() -> None:
    with pytest.raises(InvalidArgument, match="published_date_time"):
        aks.articles(publishedDateTime="2020-01-01T00:00:00Z")


# -- pins, parts and shrink targets -----------------------------------------------------------


@PROPERTY
@given(aks.articles(title="Hello", quality=st.integers(0, 3), excerpt=None, type="video"))
def test_pinned_fields_are_kept(article: Article) -> None:
    assert article.title == "Hello"
    assert article.quality is not None
    assert 0 <= article.quality <= 3
    assert article.excerpt is None
    assert article.type == "video"
    assert article.category == "news"


@PROPERTY
@given(aks.articles(web_url=None))
def test_an_article_pinned_without_web_url_has_an_original_url(article: Article) -> None:
    assert article.web_url is None
    assert article.original_url is not None


@PROPERTY
@given(aks.images())
def test_images_match_their_size_in_the_name(image: Image) -> None:
    size = size_in_name(image.url)
    assert size is None or size == (image.width, image.height)
    assert image.url.startswith(("/", "http://", "https://"))


@PROPERTY
@given(aks.secured_values())
def test_secured_values_have_the_right_lengths(value: articlekit.Secured) -> None:
    assert len(value.ciphertext) % 16 == 0
    assert value.ciphertext
    assert len(value.iv) == 16
    assert articlekit.Secured.parse(str(value)) == value


@PROPERTY
@given(st.one_of(aks.articles(), aks.models_of("profile"), aks.models_of("organization")))
def test_generated_text_holds_nothing_the_splitter_or_yaml_refuses(model: Any) -> None:
    def strings(value: Any) -> list[str]:
        if isinstance(value, dict):
            return [s for v in value.values() for s in strings(v)]
        if isinstance(value, list):
            return [s for v in value for s in strings(v)]
        return [value] if isinstance(value, str) else []

    for text in strings(model.model_dump(by_alias=True)):
        assert UNREADABLE.search(text) is None, text
        assert not set(text) & set(aks.EXCLUDED_CHARACTERS), text


def test_articles_shrink_to_the_minimal_article() -> None:
    minimal = find(aks.articles(), lambda a: True, settings=SIMPLEST)
    assert minimal.model_fields_set == {"category", "title", "published_date_time", "web_url", "secured"}
    assert minimal.category == "news"  # without it (or `type: article`) a file matches no kind
    assert minimal.title == "0"
    assert str(minimal.secured) == "AAAAAAAAAAAAAAAAAAAAAA==;AAAAAAAAAAAAAAAAAAAAAA=="


@pytest.mark.parametrize(
    ("strategy", "expected"),
    [
        (aks.images(), {"url": "/assets/images/organizations/0.jpg", "width": 1, "height": 1}),
        (aks.providers(), {"name": "0"}),
        (aks.ratings(), {"count": 0, "average": 0.0}),
        (aks.twitter_accounts(), {}),
        (aks.videos(), {"title": "0", "type": "video", "secured": "A" * 22 + "==;" + "A" * 22 + "=="}),
        (aks.courses(), {"title": "0", "type": "course"}),
        (aks.profiles(), {"name": "0", "type": "profile"}),
        (aks.forums(), {"name": "0"}),
    ],
)
def test_parts_and_kinds_shrink_to_what_their_docstrings_say(strategy: Any, expected: Any) -> None:
    simplest = find(strategy, lambda m: True, settings=SIMPLEST)
    assert simplest.model_dump(by_alias=True, exclude_none=True) == expected


def test_documents_shrink_to_a_minimal_file_in_the_canonical_style() -> None:
    text = find(aks.documents(), lambda t: True, settings=SIMPLEST)
    meta = loads(text).meta
    required = {n for n, f in type(meta).model_fields.items() if f.is_required()}
    # a news item needs webUrl or originalUrl, and `category: news` to be recognised
    assert meta.model_fields_set - required <= {"web_url", "category"}
    assert text.startswith("---\n")
    assert text.endswith("---\n")
    assert loads(articlekit.format(text)).meta == meta


# -- the style varies ---------------------------------------------------------------------------

_STYLES = {
    "CRLF": lambda t: "\r\n" in t,
    "BOM": lambda t: t.startswith("\ufeff"),
    "single quotes": lambda t: "title: '" in t,
    "plain title": lambda t: "\ntitle: " in t and '\ntitle: "' not in t and "\ntitle: '" not in t,
    "flow list": lambda t: "topics: [" in t,
    "block list": lambda t: "topics:\n  - " in t,
    "indentless list": lambda t: "images:\n- " in t,
    "no blank lines": lambda t: "\n\n" not in t.split("---")[1] and t.count("\n") > 8,
    "shuffled keys": lambda t: "\nsecured:" in t.split("\ntitle:")[0],
    "html body": lambda t: "<p>" in t,
    "markdown rule in body": lambda t: t.splitlines().count("---") >= 3,
    "a course": lambda t: "type: course" in t or "type: 'course'" in t or 'type: "course"' in t,
    "TRUE": lambda t: ": TRUE" in t,
}


def test_documents_vary_in_style() -> None:
    seen: set[str] = set()

    @settings(SAMPLE, max_examples=300, derandomize=True)
    @given(aks.documents())
    def run(text: str) -> None:
        seen.update(name for name, looks in _STYLES.items() if looks(text))

    run()
    assert seen == set(_STYLES)


@pytest.mark.parametrize("kind", [k.name for k in KINDS])
def test_documents_of_a_kind_load_as_that_kind(kind: str) -> None:
    model = next(k.model for k in KINDS if k.name == kind)

    @settings(max_examples=10, deadline=None, database=None)
    @given(aks.documents(kind))
    def run(text: str) -> None:
        assert type(loads(text).meta) is model

    run()


def test_broken_document_repr_is_short_and_hides_the_key() -> None:
    broken = aks.BrokenDocument("x" * 5000, "AK105", 1, secured_key=b"k" * 16)
    shown = repr(broken)
    assert len(shown) < 1200
    assert "kkkk" not in shown
    assert "AK105" in shown
