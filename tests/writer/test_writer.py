"""The lossless writer: byte-identical round trips, minimal edits, the canonical style."""

from __future__ import annotations

import difflib
import io
import re
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel, Field

import articlekit
from articlekit import Article, Document, Image, Provider, RelatedItem, WriteError
from articlekit.models import FrontMatterModel
from articlekit.writer import dump, dumps, format
from articlekit.writer.order import KeyOrder, key_order_for, register_key_order
from conftest import SAMPLE_PATH, corpus_files

SECURED = "AAAAAAAAAAAAAAAAAAAAAA==;AAAAAAAAAAAAAAAAAAAAAA=="
RULE_CODES = frozenset(c for c in articlekit.CODES if not c.startswith(("AK1", "AK2", "AK3")))
_LINES = re.compile("\r\n|\r|\n")


class AnyKind(FrontMatterModel):
    """Every key is an unknown key: loads any front matter."""


def lines(text: str) -> list[str]:
    return _LINES.split(text)


def changed_lines(before: str, after: str) -> list[str]:
    """The lines removed and added between two texts (ndiff, newline style ignored)."""
    return [d for d in difflib.ndiff(lines(before), lines(after)) if d[:1] in "+-"]


def edit(doc: Document, **update: Any) -> str:
    return dumps(doc.replace(meta=doc.meta.model_copy(update=update)))


def reload(text: str, kind: type[BaseModel] = Article) -> BaseModel:
    data, _ = articlekit.parse(text)
    return kind.model_validate(data, by_alias=True)


@pytest.fixture
def sample(sample_text: str) -> Document:
    return articlekit.loads(sample_text)


# -- round trips --------------------------------------------------------------
def test_sample_round_trips_byte_identical(sample_text: str, sample: Document) -> None:
    assert dumps(sample) == sample_text


def test_sample_is_canonical(sample_text: str) -> None:
    assert format(sample_text) == sample_text


def test_new_document_is_written_in_the_canonical_style(sample_text: str, sample: Document) -> None:
    fresh = Document(meta=sample.meta, body=sample.body)
    assert dumps(fresh) == sample_text


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
@pytest.mark.parametrize("bom", [False, True])
def test_newlines_and_bom_are_kept(sample_text: str, newline: str, bom: bool) -> None:
    text = ("\ufeff" if bom else "") + sample_text.replace("\n", newline)
    doc = articlekit.loads(text)
    assert dumps(doc) == text
    out = edit(doc, heat=1)
    assert out.startswith("\ufeff") == bom
    assert len(changed_lines(text, out)) == 2
    assert out.count(newline) == text.count(newline)
    assert reload(out) == doc.meta.model_copy(update={"heat": 1})


WEIRD = (
    "---  \n"
    "# a header comment\n"
    "category: news\n"
    "title: 'It''s here'   # the title\n"
    "excerpt:\n"
    'publishedDateTime: "2020-08-11T13:41:00Z"\n'
    "webUrl: https://example.com/a\n"
    "topics: [AI, ML]\n"
    "provider: {name: Example, domain: example.com}\n"
    "featuredContent: |\n"
    "  <p>hi</p>\n"
    "  <p>there</p>\n"
    "quality: 5\n"
    "notes: ~\n"
    "images:\n"
    "- url: /a-50x50.png\n"
    "  width: 50\n"
    "  height: 50\n"
    f"secured: {SECURED}\n"
    "...  \n"
    "The body\n"
)


@pytest.fixture
def weird() -> Document:
    return articlekit.loads(WEIRD, ignore=RULE_CODES)


def test_unusual_styles_round_trip(weird: Document) -> None:
    assert dumps(weird) == WEIRD


@pytest.mark.parametrize(
    ("update", "old_line", "new_line"),
    [
        ({"title": "Don't"}, "title: 'It''s here'   # the title", "title: 'Don''t'   # the title"),
        ({"title": "a\nb"}, "title: 'It''s here'   # the title", 'title: "a\\nb"   # the title'),
        ({"quality": 7}, "quality: 5", "quality: 7"),
        (
            {"web_url": "https://example.com/b"},
            "webUrl: https://example.com/a",
            "webUrl: https://example.com/b",
        ),
        ({"web_url": "yes"}, "webUrl: https://example.com/a", 'webUrl: "yes"'),
        ({"topics": ["AI", "x, y"]}, "topics: [AI, ML]", 'topics: [AI, "x, y"]'),
        ({"excerpt": "Now set"}, "excerpt:", "excerpt: Now set"),
        (
            {"published_date_time": datetime(2021, 1, 2, 3, 4, 5, tzinfo=timezone(timedelta(hours=2)))},
            'publishedDateTime: "2020-08-11T13:41:00Z"',
            "publishedDateTime: 2021-01-02T03:04:05+02:00",
        ),
    ],
)
def test_one_scalar_changes_one_line_in_its_own_style(
    weird: Document, update: dict[str, Any], old_line: str, new_line: str
) -> None:
    out = edit(weird, **update)
    assert changed_lines(WEIRD, out) == [f"- {old_line}", f"+ {new_line}"]
    assert reload(out) == weird.meta.model_copy(update=update)


def test_provider_in_flow_style_stays_flow(weird: Document) -> None:
    assert weird.meta.provider is not None
    out = edit(weird, provider=weird.meta.provider.model_copy(update={"name": "Other"}))
    assert changed_lines(WEIRD, out) == [
        "- provider: {name: Example, domain: example.com}",
        "+ provider: {name: Other, domain: example.com}",
    ]


def test_block_scalar_is_rewritten_as_a_block(weird: Document) -> None:
    out = edit(weird, featured_content="<p>new</p>\n")
    assert "featuredContent: |\n  <p>new</p>\nquality: 5\n" in out
    out = edit(weird, featured_content="one line")
    assert "featuredContent: |-\n  one line\nquality: 5\n" in out
    assert reload(out).featured_content == "one line"  # type: ignore[attr-defined]


def test_removed_key_takes_its_comment_but_not_the_header(sample_text: str) -> None:
    text = sample_text.replace("---\ncategory", "---\n# header\ncategory").replace(
        "\nquality:", "\n# how good\nquality:"
    )
    doc = articlekit.loads(text)
    out = edit(doc, category=None, quality=None)
    assert changed_lines(text, out) == ["- category: news", "- # how good", "- quality: 66"]


def test_an_explicit_null_cannot_be_told_from_an_unchanged_one(weird: Document) -> None:
    # excerpt is null in the file: None in the model means "unchanged", so the line stays
    assert edit(weird, excerpt=None) == WEIRD


def test_explicit_nulls_and_unknown_keys_survive_edits(weird: Document) -> None:
    out = edit(weird, quality=6)
    assert "\nexcerpt:\n" in out
    assert "\nnotes: ~\n" in out


def test_list_item_added_like_its_siblings(weird: Document) -> None:
    assert weird.meta.images is not None
    extra = Image(url="/b-10x10.png", width=10, height=10)
    out = edit(weird, images=[*weird.meta.images, extra])
    assert changed_lines(WEIRD, out) == ["+ - url: /b-10x10.png", "+   width: 10", "+   height: 10"]


# -- edits of the sample ------------------------------------------------------
def test_removed_group_takes_its_blank_line(sample_text: str, sample: Document) -> None:
    out = edit(sample, topics=None)
    assert changed_lines(sample_text, out) == ["- ", "- topics:", "-   - AI"]
    assert "\n\n\n" not in out


def test_added_key_goes_to_its_canonical_place(sample_text: str, sample: Document) -> None:
    out = edit(sample, original_url="https://example.com/original")
    diff = changed_lines(sample_text, out)
    assert diff == ['+ originalUrl: "https://example.com/original"']
    assert lines(out).index('originalUrl: "https://example.com/original"') == lines(sample_text).index(
        'webUrl: "https://www.businessinsider.com/finland-prisons-technology-ai-online-classes-2020-8"'
    )


def test_added_group_gets_a_blank_line(sample_text: str, sample: Document) -> None:
    out = edit(sample, featured_content='<iframe src="https://example.com/v"></iframe>')
    assert "published: true\n\nfeaturedContent: " in out
    assert '</iframe>"\n\nprovider:\n' in out
    assert len(changed_lines(sample_text, out)) == 2


def test_unknown_key_goes_last(sample: Document) -> None:
    out = edit(sample, colour="blue")
    assert out.endswith('==;vmiVn06U0CurTJDvBjzfGQ=="\n\ncolour: blue\n---\n\n')


def test_nested_scalar_change(sample_text: str, sample: Document) -> None:
    assert sample.meta.images is not None
    image = sample.meta.images[0].model_copy(update={"width": 1000})
    out = edit(sample, images=[image])
    assert changed_lines(sample_text, out) == ["-     width: 1200", "+     width: 1000"]


def test_new_related_item_in_canonical_order(sample_text: str, sample: Document) -> None:
    assert sample.meta.related is not None
    item = RelatedItem(
        title="Another",
        web_url="https://example.com/another",
        provider=Provider(name="Example", domain="example.com"),
        quality=3,
        type="article",
    )
    out = edit(sample, related=[*sample.meta.related, item])
    assert changed_lines(sample_text, out) == [
        '+   - title: "Another"',
        '+     webUrl: "https://example.com/another"',
        "+     type: article",
        "+     provider:",
        "+       name: Example",
        "+       domain: example.com",
        "+     quality: 3",
    ]
    assert reload(out) == sample.meta.model_copy(update={"related": [*sample.meta.related, item]})


def test_removed_nested_key_and_added_nested_list(sample_text: str, sample: Document) -> None:
    assert sample.meta.provider is not None
    provider = sample.meta.provider.model_copy(update={"images": None, "domain": None})
    out = edit(sample, provider=provider)
    assert "provider:\n  name: Business Insider\n\ntopics:" in out
    assert sample.meta.related is not None
    related = sample.meta.related[0]
    assert related.provider is not None
    logo = Image(url="/logo-50x50.png", width=50, height=50)
    changed = related.model_copy(update={"provider": related.provider.model_copy(update={"images": [logo]})})
    out = edit(sample, related=[changed])
    assert changed_lines(sample_text, out) == [
        "+       images:",
        '+         - url: "/logo-50x50.png"',
        "+           width: 50",
        "+           height: 50",
    ]


def test_body_change_keeps_the_front_matter(sample_text: str, sample: Document) -> None:
    out = dumps(sample.replace(body="Hello\n"))
    assert out == sample_text[: -len("\n")] + "Hello\n"
    closed = "---\ntitle: x\n---"
    doc = articlekit.loads(closed, kind=AnyKind)
    assert dumps(doc) == closed
    assert dumps(doc.replace(body="Body\n")) == "---\ntitle: x\n---\nBody\n"


def test_quoted_timestamp_counts_as_unchanged(weird: Document) -> None:
    out = edit(weird, quality=9)
    assert 'publishedDateTime: "2020-08-11T13:41:00Z"' in out


def test_alias_target_change_falls_back_to_a_valid_text() -> None:
    text = (
        "---\ncategory: news\ntitle: &t Hello\nexcerpt: *t\npublishedDateTime: 2020-01-01T00:00:00Z\n"
        f"webUrl: https://example.com/a\nsecured: {SECURED}\n---\n"
    )
    doc = articlekit.loads(text, ignore=RULE_CODES)
    out = edit(doc, title="Bye")
    assert reload(out) == doc.meta.model_copy(update={"title": "Bye"})
    out = edit(doc, excerpt="Other")
    assert changed_lines(text, out) == ["- excerpt: *t", "+ excerpt: Other"]


# -- safety ------------------------------------------------------------------------
def test_wrong_type_raises_write_error(sample: Document) -> None:
    with pytest.raises(WriteError) as info:
        edit(sample, heat="hot")
    assert isinstance(info.value, articlekit.ArticleKitError)
    assert [i.code for i in info.value.issues] == ["AK302"]
    assert info.value.issues[0].path == ("heat",)


def test_unrepresentable_value_raises_write_error(sample: Document) -> None:
    with pytest.raises(WriteError):
        edit(sample, colour={1, 2})
    with pytest.raises(WriteError):
        dumps(Document(meta=sample.meta.model_copy(update={"colour": object()})))


def test_dumps_rejects_non_documents() -> None:
    with pytest.raises(TypeError):
        dumps("---\n---\n")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "value",
    ["yes", "No", "on", "~", "null", "10:00", "2020-01-01", "1e3", "0x1F", "- x", "#x", "a: b", "x #y",
     "'q'", '"dq"', " lead", "trail ", "@at", "%p", "[x]", "{y}", "*a", "&b", "!t", "|", ">", "",
     "tab\there", "nel\x85x", "ls\u2028x", "bell\x07", "bom\ufeff", "é ñ 中文 🎉", "back\\slash",
     "---", "..."],
)  # fmt: skip
def test_tricky_strings_load_back(sample: Document, value: str) -> None:
    out = edit(sample, excerpt=value)
    assert reload(out) == sample.meta.model_copy(update={"excerpt": value})
    assert len(changed_lines(sample.source.text if sample.source else "", out)) == 2


# -- dump targets ------------------------------------------------------------------
def test_dump_to_path_and_files(tmp_path: Path, sample_text: str) -> None:
    text = "\ufeff" + sample_text.replace("\n", "\r\n")
    doc = articlekit.loads(text)
    path = tmp_path / "a.md"
    dump(doc, path)
    assert path.read_bytes() == text.encode("utf-8")
    dump(doc, str(path))
    assert path.read_bytes() == text.encode("utf-8")
    binary = io.BytesIO()
    dump(doc, binary)
    assert binary.getvalue() == text.encode("utf-8")
    textual = io.StringIO()
    dump(doc, textual)
    assert textual.getvalue() == text
    with open(path, "wb") as handle:
        dump(doc, handle)
    assert path.read_bytes() == text.encode("utf-8")
    with pytest.raises(TypeError):
        dump(doc, 42)  # type: ignore[arg-type]


# -- format --------------------------------------------------------------------------
MESSY = (
    "---\n"
    "category: news\n"
    "webUrl: https://example.com/a\n"
    "title: 'A title'\n"
    "topics: [AI, ML]\n"
    "heat: 3\n"
    "zeta: 1\n"
    "provider:\n"
    "    domain: example.com\n"
    "    name: Example\n"
    "images:\n"
    "- {width: 50, height: 50, url: /a-50x50.png}\n"
    "publishedDateTime: 2020-08-11 13:41:00+00:00\n"
    "alpha: [1, 2]\n"
    f"secured: {SECURED}\n"
    "---\n"
    "Body\n"
)
MESSY_FORMATTED = (
    "---\n"
    "category: news\n"
    'title: "A title"\n'
    "publishedDateTime: 2020-08-11T13:41:00Z\n"
    'webUrl: "https://example.com/a"\n'
    "heat: 3\n"
    "\n"
    "provider:\n"
    "  name: Example\n"
    "  domain: example.com\n"
    "\n"
    "topics:\n"
    "  - AI\n"
    "  - ML\n"
    "\n"
    "images:\n"
    '  - url: "/a-50x50.png"\n'
    "    width: 50\n"
    "    height: 50\n"
    "\n"
    f'secured: "{SECURED}"\n'
    "\n"
    "zeta: 1\n"
    "alpha:\n"
    "  - 1\n"
    "  - 2\n"
    "---\n"
    "Body\n"
)


def test_format_writes_the_canonical_style() -> None:
    out = format(MESSY, ignore=RULE_CODES)
    assert out == MESSY_FORMATTED
    assert format(out, ignore=RULE_CODES) == out
    assert articlekit.loads(out, ignore=RULE_CODES).meta == articlekit.loads(MESSY, ignore=RULE_CODES).meta


@pytest.mark.parametrize(("newline", "expected"), [("\n", "\n"), ("\r\n", "\r\n"), ("\r", "\n")])
def test_format_newlines(newline: str, expected: str) -> None:
    out = format(MESSY.replace("\n", newline), ignore=RULE_CODES)
    body = "Body\n"  # the body is kept byte for byte
    assert out == MESSY_FORMATTED[: -len(body)].replace("\n", expected) + body.replace("\n", newline)


def test_format_never_folds_long_strings(sample: Document) -> None:
    long_title = "word " * 100 + "end"
    text = dumps(Document(meta=sample.meta.model_copy(update={"title": long_title}), body=""))
    assert f'title: "{long_title}"\n' in format(text, ignore=RULE_CODES)


# -- key order registry --------------------------------------------------------------
class Gadget(FrontMatterModel):
    """A test kind."""

    name: str
    web_url: str | None = Field(default=None, json_schema_extra={"format": "uri"})
    price: int | None = None
    tags: list[str] | None = None
    maker: Provider | None = None


def test_unregistered_model_uses_its_field_order() -> None:
    order = key_order_for(Gadget)
    assert order.order == ("name", "webUrl", "price", "tags", "maker")
    assert order.group_of("price") == order.group_of("name") != order.group_of("tags")
    assert "webUrl" in order.quoted


def test_register_key_order_drives_the_canonical_style() -> None:
    class Widget(Gadget):
        """Another test kind, registered."""

    layout = register_key_order(Widget, ["price", "name"], groups=[["maker"], ["tags"]], quoted=["name"])
    assert isinstance(layout, KeyOrder)
    assert key_order_for(Widget) is layout
    meta = Widget(name="W", web_url="https://example.com/w", price=3, tags=["a"], maker=Provider(name="M"))
    text = dumps(Document(meta=meta))
    assert text == (
        '---\nprice: 3\nname: "W"\n\nmaker:\n  name: M\n\ntags:\n  - a\n\nwebUrl: https://example.com/w\n---\n'
    )
    with pytest.raises(ValueError, match="duplicate"):
        register_key_order(Widget, ["name", "name"])


# -- the corpus ------------------------------------------------------------------------
CORPUS = corpus_files()


def _load_any(text: str) -> tuple[Document, type[BaseModel] | None]:
    try:
        return articlekit.loads(text), None
    except articlekit.ArticleKitError:
        return articlekit.loads(text, kind=AnyKind), AnyKind


@pytest.mark.skipif(not CORPUS, reason="../shared/corpus is not present")
def test_corpus_round_trips_and_single_edits() -> None:
    crlf = 0
    for path in CORPUS:
        raw = path.read_bytes()
        text = raw.decode("utf-8")
        doc, _ = _load_any(text)
        assert dumps(doc) == text, path
        meta: Any = doc.meta
        if isinstance(getattr(meta, "heat", None), int):
            update: dict[str, Any] = {"heat": meta.heat + 1}
        elif isinstance(getattr(meta, "title", None), str):
            update = {"title": meta.title + " (updated)"}
        else:
            continue
        out = edit(doc, **update)
        assert len(changed_lines(text, out)) == 2, path
        assert len(lines(out)) == len(lines(text)), path
        crlf += "\r\n" in text
    assert crlf > 0  # CRLF files were among those edited


@pytest.mark.skipif(not CORPUS, reason="../shared/corpus is not present")
def test_corpus_format_is_idempotent_and_keeps_the_data() -> None:
    for path in CORPUS:
        text = path.read_text(encoding="utf-8")
        doc, kind = _load_any(text)
        out = format(text, kind=kind)
        assert format(out, kind=kind) == out, path
        assert articlekit.loads(out, kind=kind).meta == doc.meta, path
        assert ("\r\n" in out) == ("\r\n" in text), path


def test_sample_file_matches_the_test_copy(sample_text: str) -> None:
    if SAMPLE_PATH.exists():
        assert dumps(articlekit.loads(SAMPLE_PATH.read_bytes())) == SAMPLE_PATH.read_text(encoding="utf-8")
    else:
        pytest.skip("../shared is not present")
