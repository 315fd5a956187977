"""The rules on real files: the sample, mutations of it that break one rule each, the corpus."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import pytest

import articlekit
from articlekit.issues import KeyPath
from articlekit.rules import RuleOptions
from articlekit.rules._common import amp_cache_url
from articlekit.splitter import split_front_matter
from articlekit.yamlsafe import load_yaml
from conftest import corpus_files

OPTIONS = RuleOptions(now=datetime(2026, 1, 1, tzinfo=timezone.utc))
SECURED_VALUE = "AAAAAAAAAAAAAAAAAAAAAA==;BBBBBBBBBBBBBBBBBBBBBB=="


@dataclass(frozen=True)
class Mutation:
    """Replace ``old`` (once) by ``new``; expect one ``code`` issue at ``path`` on the line of ``anchor``."""

    id: str
    old: str
    new: str
    code: str
    path: KeyPath
    anchor: str
    kind: type | None = None


_RELATED_ITEM = re.compile(r"related:\n(  - .*?)\nsecured:", re.DOTALL)

MUTATIONS = [
    Mutation(
        "image-size",
        "      width: 50\n",
        "      width: 60\n",
        "AK401",
        ("provider", "images", 0, "width"),
        "width: 60",
    ),
    Mutation(
        "image-url",
        '"https://i.insider.com/',
        '"i.insider.com/',
        "AK402",
        ("images", 0, "url"),
        '"i.insider.com/',
    ),
    Mutation(
        "related-nested",
        "    quality: 18\n",
        "    quality: 18\n    related: []\n",
        "AK601",
        ("related", 0, "related"),
        "related: []",
    ),
    Mutation(
        "related-secured",
        "    quality: 18\n",
        f'    quality: 18\n    secured: "{SECURED_VALUE}"\n',
        "AK602",
        ("related", 0, "secured"),
        f'secured: "{SECURED_VALUE}"',
    ),
    Mutation(
        "related-self",
        '"https://www.businesswire.com/news/home/20200714005726/en/Amazon-Web-Services-CEO-Andy-Jassy-Cloud"',
        '"https://www.businessinsider.com/finland-prisons-technology-ai-online-classes-2020-8"',
        "AK603",
        ("related", 0, "webUrl"),
        '    webUrl: "https://www.businessinsider.com/',
    ),
    Mutation(
        "bad-url",
        'webUrl: "https://www.businessinsider.com/',
        'webUrl: "www.businessinsider.com/',
        "AK701",
        ("webUrl",),
        'webUrl: "www.',
    ),
    Mutation(
        "missing-url",
        'webUrl: "https://www.businessinsider.com/finland-prisons-technology-ai-online-classes-2020-8"\n',
        "",
        "AK702",
        ("webUrl",),
        "category: news",
    ),
    Mutation(
        "cdn-amp-without-amp",
        'ampWebUrl: "https://www.businessinsider.com/finland-prisons-technology-ai-online-classes-2020-8?amp"\n',
        "",
        "AK703",
        ("cdnAmpWebUrl",),
        "cdnAmpWebUrl:",
    ),
    Mutation(
        "cdn-amp-mismatch",
        "cdn.ampproject.org/c/s/",
        "cdn.ampproject.org/c/",
        "AK704",
        ("cdnAmpWebUrl",),
        "cdnAmpWebUrl:",
    ),
    Mutation(
        "bad-domain",
        "  domain: businessinsider.com\n",
        "  domain: businessinsider.com/news\n",
        "AK705",
        ("provider", "domain"),
        "businessinsider.com/news",
    ),
    Mutation(
        "date-not-canonical",
        "publishedDateTime: 2020-08-11T13:41:00Z",
        'publishedDateTime: "2020-08-11 13:41:00Z"',
        "AK801",
        ("publishedDateTime",),
        '"2020-08-11 13:41:00Z"',
    ),
    Mutation(
        "date-in-future",
        "publishedDateTime: 2020-08-07T16:01:00Z",
        "publishedDateTime: 2920-08-07T16:01:00Z",
        "AK802",
        ("related", 0, "publishedDateTime"),
        "2920-08-07",
    ),
    Mutation(
        "title-multiline",
        'title: "At prisons in Finland, ',
        'title: "At prisons in Finland,\\n',
        "AK851",
        ("title",),
        'title: "At prisons',
    ),
    Mutation("empty-topic", "  - AI\n", '  - AI\n  - ""\n', "AK852", ("topics", 1), '  - ""'),
    Mutation("duplicate-topic", "  - AI\n", "  - AI\n  - ai\n", "AK853", ("topics", 1), "  - ai"),
    Mutation("unknown-type", "\ntype: article\n", "\ntype: podcast\n", "AK854", ("type",), "type: podcast"),
    Mutation(
        "category-not-news",
        "category: news",
        "category: blog",
        "AK855",
        ("category",),
        "category: blog",
        kind=articlekit.Article,
    ),
]


def _line_of(text: str, anchor: str) -> int:
    assert text.count(anchor) == 1, f"anchor {anchor!r} is not unique"
    return text[: text.index(anchor)].count("\n") + 1


def test_sample_has_no_issue(sample_text: str) -> None:
    assert articlekit.check(sample_text, options=OPTIONS) == []


@pytest.mark.parametrize("mutation", MUTATIONS, ids=[m.id for m in MUTATIONS])
def test_mutation_is_reported_at_its_key(sample_text: str, mutation: Mutation) -> None:
    assert sample_text.count(mutation.old) == 1, "the mutation must change one place"
    text = sample_text.replace(mutation.old, mutation.new)
    issues = articlekit.check(text, options=OPTIONS, kind=mutation.kind)
    assert [(i.code, i.path) for i in issues] == [(mutation.code, mutation.path)]
    assert issues[0].line == _line_of(text, mutation.anchor)
    assert articlekit.check(text, options=OPTIONS, kind=mutation.kind, ignore={mutation.code}) == []


def test_duplicate_related_item_is_reported_at_the_second(sample_text: str) -> None:
    match = _RELATED_ITEM.search(sample_text)
    assert match is not None
    item = match.group(1)
    text = sample_text.replace(item, item + "\n" + item)
    issues = articlekit.check(text, options=OPTIONS)
    assert [(i.code, i.path) for i in issues] == [("AK604", ("related", 1, "webUrl"))]
    anchor = 'webUrl: "https://www.businesswire.com'
    second = text.index(anchor, text.index(anchor) + 1)
    assert issues[0].line == text[:second].count("\n") + 1


def test_too_many_related_items_is_a_warning(sample_text: str) -> None:
    issues = articlekit.check(sample_text, options=RuleOptions(max_related=0, now=OPTIONS.now))
    assert [(i.code, i.severity, i.path) for i in issues] == [("AK605", "warning", ("related",))]
    assert issues[0].line == _line_of(sample_text, "related:")
    doc = articlekit.loads(sample_text, options=RuleOptions(max_related=0))
    assert [i.code for i in doc.issues] == ["AK605"]


def test_warnings_do_not_stop_loads(sample_text: str) -> None:
    text = sample_text.replace("  - AI\n", "  - AI\n  - ai\n")
    doc = articlekit.loads(text)
    assert [i.code for i in doc.issues] == ["AK853"]


def test_rule_errors_stop_loads(sample_text: str) -> None:
    text = sample_text.replace("      width: 50\n", "      width: 60\n")
    with pytest.raises(articlekit.ValidationError) as info:
        articlekit.loads(text)
    assert [i.code for i in info.value.issues] == ["AK401"]
    assert articlekit.loads(text, ignore={"AK401"}).meta.title.startswith("At prisons")


def test_messages_never_show_a_secured_value(sample_text: str) -> None:
    text = sample_text.replace("    quality: 18\n", f'    quality: 18\n    secured: "{SECURED_VALUE}"\n')
    for issue in articlekit.check(text, options=OPTIONS):
        assert SECURED_VALUE not in issue.message
        assert SECURED_VALUE[:20] not in issue.message


def test_naive_now_is_taken_as_utc(sample_text: str) -> None:
    text = sample_text.replace("2020-08-11T13:41:00Z", "2020-08-12T13:41:01Z")
    issues = articlekit.check(text, options=RuleOptions(now=datetime(2020, 8, 11, 13, 41)))
    assert [i.code for i in issues] == ["AK802"]
    assert articlekit.check(text, options=RuleOptions(now=datetime(2020, 8, 11, 13, 42))) == []


# --- the real corpus ------------------------------------------------------------------


def test_news_corpus_has_no_error(news_files: list[Path]) -> None:
    bad = {}
    for path in news_files:
        errors = [str(i) for i in articlekit.check(path.read_bytes(), options=OPTIONS) if i.is_error]
        if errors:
            bad[path.name] = errors
    assert bad == {}


def test_amp_cache_formula_holds_on_the_corpus() -> None:
    pairs = []
    for path in corpus_files():
        split = split_front_matter(path.read_bytes())
        if split.front_matter is None:
            continue
        data = load_yaml(split.front_matter).data
        if isinstance(data, dict) and isinstance(data.get("cdnAmpWebUrl"), str):
            pairs.append((data["ampWebUrl"], data["cdnAmpWebUrl"]))
    if not pairs:
        pytest.skip("../shared/corpus is not present")
    assert len(pairs) == 7
    for amp, cdn in pairs:
        assert amp_cache_url(amp) == cdn


def test_corpus_other_kinds_get_no_error_from_generic_rules() -> None:
    files = [p for p in corpus_files() if "_news" not in p.parts]
    if not files:
        pytest.skip("../shared/corpus is not present")
    generic = ("AK4", "AK6", "AK70", "AK8")
    bad = [
        (p.name, str(i))
        for p in files
        for i in articlekit.check(p.read_bytes(), options=OPTIONS)
        if i.code.startswith(generic) and i.is_error
    ]
    assert bad == []
