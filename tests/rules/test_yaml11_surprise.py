"""AK211: unquoted values that YAML 1.1 reads as other than they look (rules/yaml11_surprise.py).

The rule must say what PyYAML really made of the value, give a replacement
that loads to exactly that value, answer the same on every parser path, and
stay silent on ordinary values and on the real corpus.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings

import articlekit
from articlekit import Article, Course, fastyaml, yamlsafe
from articlekit.fastyaml import load_yaml_fast
from articlekit.rules import Context
from articlekit.rules.yaml11_surprise import accepted_types, findings, reading
from articlekit.splitter import split_front_matter
from articlekit.yamlsafe import Locations, load_yaml
from conftest import SAMPLE_PATH, corpus_files, require_loop
from yamldocs import documents

HEAD = (
    "---\n"
    "category: news\n"
    'title: "A"\n'
    "publishedDateTime: 2020-08-11T13:41:00Z\n"
    'webUrl: "https://example.com/a"\n'
    'secured: "AAAAAAAAAAAAAAAAAAAAAA==;AAAAAAAAAAAAAAAAAAAAAA=="\n'
)


def _file(extra: str) -> str:
    return HEAD + extra + "---\nBody.\n"


def _ak211(text: str, **kwargs: Any) -> list[articlekit.Issue]:
    return [i for i in articlekit.check(text, **kwargs) if i.code == "AK211"]


# -- what YAML makes of each form ------------------------------------------------------------
SURPRISES = [
    "yes", "Yes", "YES", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF",
    "10:00", "1:30", "-1:30", "190:20:30", "1:30.5",  # base 60
    "012", "0777", "-012", "+017", "0_12",  # octal
    "1_000", "+1_000", "1_000.5", "1.0_5",  # underscores
    ".5", "5.", "+5.", "-5.",  # fractions (reported only where an integer is expected)
]  # fmt: skip
ORDINARY = [
    "true", "false", "True", "FALSE", "y", "n", "Y", "N", "yEs", "null", "~",
    "0", "12", "-5", "+5", "600", "1.5", "-0.25", "1e3", "1.0e+3", "0x1F", "0b101", "0o17",
    ".inf", "-.Inf", ".nan", "08", "09:00:00x", "2020-08-11", "2020-08-11T13:41:00Z",
    "v1.2", "1.2.3", "hello", "Power Apps", "",
    "-.5",  # text to PyYAML (its float pattern takes no sign before a leading dot)
]  # fmt: skip


@pytest.mark.parametrize("text", SURPRISES)
def test_reading_says_what_pyyaml_loads(text: str) -> None:
    found = reading(text)
    assert found is not None
    assert found.text == text
    loaded = yaml.safe_load(f"a: {text}\n")["a"]
    assert type(found.value) is type(loaded)
    assert found.value == loaded
    # written out, the value loads back to the same; quoted, it is the text as written
    again = yaml.safe_load(f"a: {found.spelled_out}\n")["a"]
    assert (type(again), again) == (type(loaded), loaded)
    assert yaml.safe_load(f"a: {found.quoted}\n")["a"] == text
    assert reading(found.spelled_out) is None


@pytest.mark.parametrize("text", ORDINARY)
def test_ordinary_scalars_are_read_as_they_look(text: str) -> None:
    assert reading(text) is None


def test_y_and_n_are_text_to_pyyaml() -> None:
    """The issue listed y/n with the booleans; PyYAML's resolver reads them as text."""
    assert yaml.safe_load("a: y\nb: n\nc: Y\n") == {"a": "y", "b": "n", "c": "Y"}
    assert _ak211(_file("published: y\n")) == []


# -- which keys: where nothing else reports the value --------------------------------------
def test_accepted_types_follow_the_models() -> None:
    assert accepted_types(Article, ("heat",)) == frozenset({"int"})
    assert accepted_types(Article, ("published",)) == frozenset({"bool"})
    assert accepted_types(Article, ("title",)) == frozenset()
    assert accepted_types(Article, ("provider", "images", 0, "width")) == frozenset({"int"})
    assert accepted_types(Article, ("related", 3, "quality")) == frozenset({"int"})
    assert accepted_types(Course, ("ratings", "average")) == frozenset({"int", "float"})
    assert accepted_types(Article, ("myKey",)) is None
    assert accepted_types(Article, ("provider", "myKey")) is None


@pytest.mark.parametrize(
    ("line", "where", "words"),
    [
        pytest.param("published: yes\n", (7, 12), "reads as the boolean true: write true", id="bool-key"),
        pytest.param("published: OFF\n", (7, 12), 'write false, or "OFF" in quotes', id="bool-caps"),
        pytest.param(
            "heat: 10:00\n", (7, 7), "a base-60 number (as in 1:30 for 90), 600: write 600", id="base60"
        ),
        pytest.param("heat: 012\n", (7, 7), "the octal number 10, not 12: write 12", id="octal"),
        pytest.param("quality: 1_000\n", (7, 10), "reads as 1000 (YAML 1.1 skips '_'", id="underscore"),
        pytest.param(
            "heat: .5\n", (7, 7), "the decimal number 0.5, not an integer: write a whole", id="fraction"
        ),
        pytest.param(
            "heat: 5.\n", (7, 7), "the decimal number 5.0, not an integer: write 5", id="whole-fraction"
        ),
        pytest.param("myKey: on\n", (7, 8), "reads as the boolean true", id="unknown-key"),
        pytest.param(
            "myKey: [1:30.5]\n", (7, 9), "base-60 number (as in 1:30 for 90), 90.5", id="unknown-list"
        ),
        pytest.param("heat: &h 10:00 # comment\n", (7, 7), "600", id="anchored-commented"),
    ],
)
def test_each_surprise_is_a_warning(line: str, where: tuple[int, int], words: str) -> None:
    (issue,) = _ak211(_file(line))
    assert issue.severity == "warning"
    assert (issue.line, issue.column) == where
    assert words in issue.message


@pytest.mark.parametrize(
    "line",
    [
        "published: true\n",
        "published: False\n",
        "heat: 12\n",
        "heat: -3\n",
        "heat: 0\n",
        "quality: 66\n",
        "myKey: 2020-08-11\n",
        "myKey: 1.5\n",
        "myKey: .5\n",  # a fraction is only a surprise where an integer is expected
        'heat: "10:00"\n',  # quoted: text (the schema reports it)
        "title2: On the road\n",
        "topics:\n  - yes we can\n  - 10:00 news\n",
        "myKey: |\n  yes\n  10:00\n",
    ],
)
def test_ordinary_values_give_no_warning(line: str) -> None:
    assert _ak211(_file(line)) == []


def test_where_the_schema_already_explains_there_is_no_warning() -> None:
    """A text key holding `yes` is an AK302 error saying YAML read a boolean: no second issue."""
    issues = articlekit.check(_file("excerpt: yes\nheat: 1:30.5\n"))
    assert [i.code for i in issues] == ["AK302", "AK302"]


def test_the_course_rating_average_takes_a_fraction() -> None:
    text = (
        "---\ntype: course\ntitle: x\nwebUrl: https://example.com/c\n"
        "ratings:\n  count: 1\n  average: .5\n---\n"
    )
    assert _ak211(text, kind=Course) == []


# -- every parser path gives the same warnings -----------------------------------------------
SURPRISING_FILE = _file(
    "heat: 10:00\npublished: on\nquality: 0_12\nprovider:\n  name: X\n  images:\n"
    "    - url: /a-50x50.png\n      width: 50\n      height: 5_0\n      isCached: Yes\n"
    "myKey:\n  - no\n  - 1:30\n"
)


@pytest.fixture(params=["fast-C", "fast-python", "event-libyaml", "event-pure"])
def path(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Force one parser path for the whole check."""
    name = str(request.param)
    if name.startswith("event"):
        monkeypatch.setattr(fastyaml, "_parse_indexed", lambda text, limits: None)
    if name == "event-pure":
        monkeypatch.setattr(yamlsafe, "_Loader", yaml.SafeLoader)
    loop = "c" if name == "fast-C" else "python"
    require_loop(loop)
    with fastyaml.using(loop):
        yield name


def test_every_parser_path_gives_the_same_warnings(path: str, monkeypatch: pytest.MonkeyPatch) -> None:
    front_matter = split_front_matter(SURPRISING_FILE).front_matter
    assert front_matter is not None
    loaded = load_yaml_fast(front_matter)
    assert (loaded.index is not None) == path.startswith("fast")  # the path really is the one forced
    found = [(i.line, i.column, i.path, i.message) for i in _ak211(SURPRISING_FILE)]
    assert [(line, column, where) for line, column, where, _ in found] == [
        (7, 7, ("heat",)),
        (8, 12, ("published",)),
        (9, 10, ("quality",)),
        (15, 15, ("provider", "images", 0, "height")),
        (16, 17, ("provider", "images", 0, "isCached")),
        (18, 5, ("myKey", 0)),
        (19, 5, ("myKey", 1)),
    ]
    # the same messages as PyYAML's own parser through the event path
    with monkeypatch.context() as m:
        m.setattr(fastyaml, "_parse_indexed", lambda text, limits: None)
        m.setattr(yamlsafe, "_Loader", yaml.SafeLoader)
        reference = [(i.line, i.column, i.path, i.message) for i in _ak211(SURPRISING_FILE)]
    assert found == reference


# -- the replacement: what the autofix will write -------------------------------------------
def test_replacements_keep_the_data_and_end_the_warning() -> None:
    front_matter = split_front_matter(SURPRISING_FILE).front_matter
    assert front_matter is not None
    loaded = load_yaml_fast(front_matter)
    ctx = Context(loaded.data, loaded.locations, Article)
    found = findings(ctx)
    assert len(found) == 7
    fixed = front_matter
    for finding in sorted(found, key=lambda f: f.start_index, reverse=True):
        assert front_matter[finding.start_index : finding.end_index] == finding.reading.text
        assert finding.replacement is not None
        fixed = fixed[: finding.start_index] + finding.replacement + fixed[finding.end_index :]
    assert yaml.safe_load(fixed) == yaml.safe_load(front_matter)
    assert _ak211(SURPRISING_FILE.replace(front_matter, fixed)) == []


def test_a_fraction_has_a_replacement_only_when_whole() -> None:
    for value, replacement in ((".5", None), ("5.", "5"), ("-3.", "-3")):
        loaded = load_yaml_fast(f"heat: {value}\n")
        (finding,) = findings(Context(loaded.data, loaded.locations, Article))
        assert finding.replacement == replacement


def test_positions_are_not_computed_for_an_ordinary_file() -> None:
    loaded = load_yaml_fast('title: "x"\nheat: 12\npublished: true\nwhen: 2020-08-11T13:41:00Z\n')
    assert isinstance(loaded.locations, fastyaml.LazyLocations)
    assert findings(Context(loaded.data, loaded.locations, Article)) == []
    assert not loaded.locations.computed


# -- the real corpus -----------------------------------------------------------------------
def test_no_warning_on_the_reference_article(sample_text: str) -> None:
    assert _ak211(sample_text) == []


@pytest.mark.skipif(not corpus_files(), reason="../shared/corpus is not present")
def test_no_warning_on_the_real_corpus() -> None:
    paths = corpus_files()
    if SAMPLE_PATH.exists():
        paths.append(SAMPLE_PATH)
    for p in paths:
        assert _ak211(p.read_bytes()) == [], p


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_every_newline_style(newline: str) -> None:
    text = _file("heat: 10:00\npublished: yes\n").replace("\n", newline)
    assert [(i.line, i.column) for i in _ak211(text)] == [(7, 7), (8, 12)]
    text = ("\ufeff" + _file("myKey:\n  - on\n")).replace("\n", newline)
    assert [(i.line, i.column) for i in _ak211(text)] == [(8, 5)]


# -- the sieve over the text never misses a value the full walk finds --------------------------
@pytest.mark.parametrize(
    "text",
    [
        "a: yes\n",
        "a: &x yes\n",
        "a: ! yes\n",
        "a:\tyes\n",
        "a: yes # comment\n",
        "a:\n  - yes\n",
        "a:\n- - 10:00\n",
        "a: [x, 012]\n",
        "a: [yes]\n",
        "a: {b: 1_000}\n",
        "a: [\n  x,\n  off\n]\n",
        "a: {\n  b: x,\n  c: on }\n",
        "a:\r  b: 1\rc: Off\r",
    ],
)
def test_the_sieve_finds_every_context(text: str) -> None:
    loaded = load_yaml_fast(text)
    assert loaded.issues == []
    assert len(findings(Context(loaded.data, loaded.locations, Article))) == 1


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_the_sieve_misses_nothing_the_full_walk_finds(text: str) -> None:
    loaded = load_yaml(text)
    if loaded.data is None:
        return
    sieved = findings(Context(loaded.data, loaded.locations, Article))
    unsieved = Locations(loaded.locations.nodes, source="")  # no text: every value is looked at
    assert sieved == findings(Context(loaded.data, unsieved, Article))
