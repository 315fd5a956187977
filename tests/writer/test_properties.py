"""Hypothesis properties of the writer, on documents written in many styles.

The generators here are the writer's own (a shared strategies module may
replace them): each draws an article's data *and* a way of writing it (key
order, quoting, blank lines, comments, newlines, BOM, fences) and renders the
text with its own, independent quoting (PyYAML is the oracle for plain scalars).
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import articlekit
from articlekit import Article, Document
from articlekit.writer import dumps, format
from articlekit.writer._scalars import double_quoted, plain_ok, render_scalar, single_ok, single_quoted

RULE_CODES = frozenset(c for c in articlekit.CODES if not c.startswith(("AK1", "AK2", "AK3")))
SECURED = "AAAAAAAAAAAAAAAAAAAAAA==;AAAAAAAAAAAAAAAAAAAAAA=="
_LINES = re.compile("\r\n|\r|\n")
EXAMPLES = int(os.environ.get("ARTICLEKIT_WRITER_EXAMPLES", "40"))  # raise it for a long run
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])

TRICKY = [
    "yes", "No", "on", "off", "~", "null", "true", "10:00", "2020-01-01", "1e3", "0x1F", "0o17", ".5",
    "- x", "#x", "a: b", "x #y", "'q'", '"dq"', " lead", "trail ", "@at", "%p", "[x]", "{y}", "*a",
    "&b", "!t", "|", ">", "?", ":", "-", "=", "<<", "---", "...", "a\\b", "é ñ 中文 🎉", "it's",
]  # fmt: skip
_printable = st.characters(
    blacklist_categories=("Cs", "Cc", "Zl", "Zp", "Co", "Cn"), blacklist_characters="\ufeff"
)
text_values = st.one_of(st.sampled_from(TRICKY), st.text(_printable, min_size=1, max_size=30))
line_free_text = text_values.filter(lambda s: s.strip() != "")


def _plain_reads_back(value: str) -> bool:
    try:
        return bool(yaml.safe_load(f"k: {value}\n") == {"k": value})
    except yaml.YAMLError:
        return False


def _write_str(value: str, style: str) -> str:
    if style == "plain" and "#" not in value and _plain_reads_back(value):
        return value
    if style == "single":
        return "'" + value.replace("'", "''") + "'"
    return json.dumps(value, ensure_ascii=False)


@dataclass
class Variant:
    """A document's data and how it is written."""

    data: dict[str, Any]
    styles: dict[str, str]
    order: list[str]
    blanks: set[str]
    comments: set[str]
    newline: str
    bom: bool
    close: str
    body: str
    seq_indent: int

    def render(self) -> str:
        out: list[str] = []
        for key in self.order:
            if key in self.blanks:
                out.append("")
            if key in self.comments:
                out.append(f"# about {key}")
            value = self.data[key]
            style = self.styles.get(key, "double")
            if value is None:
                out.append(f"{key}:")
            elif isinstance(value, str):
                out.append(f"{key}: {_write_str(value, style)}")
            elif isinstance(value, bool):
                out.append(f"{key}: {'true' if value else 'false'}")
            elif isinstance(value, int):
                out.append(f"{key}: {value}" + ("  # a number" if key in self.comments else ""))
            elif isinstance(value, datetime):
                stamp = value.strftime("%Y-%m-%dT%H:%M:%SZ")
                out.append(f"{key}: " + (f'"{stamp}"' if style == "single" else stamp))
            elif key == "topics":
                if style == "flow":
                    out.append(
                        f"{key}: [" + ", ".join(json.dumps(v, ensure_ascii=False) for v in value) + "]"
                    )
                else:
                    out.append(f"{key}:")
                    pad = " " * self.seq_indent
                    out.extend(f"{pad}- {_write_str(v, style)}" for v in value)
            elif key == "images":
                out.append(f"{key}:")
                pad = " " * self.seq_indent
                for image in value:
                    out.append(f"{pad}- url: {_write_str(image['url'], style)}")
                    out.append(f"{pad}  width: {image['width']}")
                    out.append(f"{pad}  height: {image['height']}")
            elif key == "provider":
                out.append(f"{key}:")
                out.extend(f"  {k}: {_write_str(v, style)}" for k, v in value.items())
        nl = self.newline
        front = "".join(line + nl for line in out)
        close_nl = nl if self.body or self.close.endswith("+") else ""
        close = self.close.rstrip("+")
        return (
            ("\ufeff" if self.bom else "")
            + "---"
            + nl
            + front
            + close
            + close_nl
            + self.body.replace("\n", nl)
        )


@st.composite
def variants(draw: st.DrawFn) -> Variant:
    data: dict[str, Any] = {
        "title": draw(line_free_text),
        "publishedDateTime": draw(
            st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2030, 1, 1)).map(
                lambda d: d.replace(microsecond=0, tzinfo=timezone.utc)
            )
        ),
        "webUrl": "https://example.com/" + draw(st.from_regex(r"[a-z0-9-]{1,20}", fullmatch=True)),
        "secured": SECURED,
    }
    optional: dict[str, Any] = {
        "category": st.just("news"),
        "excerpt": st.one_of(st.none(), line_free_text),
        "type": st.sampled_from(["article", "video"]),
        "quality": st.integers(0, 1000),
        "heat": st.integers(0, 1000),
        "published": st.booleans(),
        "topics": st.lists(line_free_text, min_size=1, max_size=3),
        "images": st.lists(
            st.builds(
                lambda n, w, h: {"url": f"/img/{n}.png", "width": w, "height": h},
                st.integers(0, 99),
                st.integers(1, 4000),
                st.integers(1, 4000),
            ),
            min_size=1,
            max_size=2,
        ),
        "provider": st.builds(lambda name: {"name": name, "domain": "example.com"}, line_free_text),
        "colour": line_free_text,
    }
    for key, strategy in optional.items():
        if draw(st.booleans()):
            data[key] = draw(strategy)
    keys = list(data)
    order = draw(st.permutations(keys))
    styles = {k: draw(st.sampled_from(["plain", "single", "double", "flow"])) for k in keys}
    return Variant(
        data=data,
        styles=styles,
        order=list(order),
        blanks=set(draw(st.lists(st.sampled_from(keys), max_size=4))),
        comments=set(draw(st.lists(st.sampled_from(keys), max_size=2))),
        newline=draw(st.sampled_from(["\n", "\r\n", "\r"])),
        bom=draw(st.booleans()),
        close=draw(st.sampled_from(["---", "---  ", "...", "---+"])),
        body=draw(st.sampled_from(["", "Hello\n", "<p>x</p>\n\nMore\n"])),
        seq_indent=draw(st.sampled_from([0, 2, 4])),
    )


def _load(text: str) -> Document:
    return articlekit.loads(text, ignore=RULE_CODES, kind=Article)


def _reload(text: str) -> Article:
    data, _ = articlekit.parse(text)
    return Article.model_validate(data, by_alias=True)


@SETTINGS
@given(variants())
def test_round_trip_is_byte_identical(variant: Variant) -> None:
    text = variant.render()
    assert dumps(_load(text)) == text


SCALAR_EDITS: dict[str, st.SearchStrategy[Any]] = {
    "title": line_free_text,
    "excerpt": line_free_text,
    "quality": st.integers(0, 10**6),
    "heat": st.integers(0, 10**6),
    "published": st.booleans(),
    "type": line_free_text,
    "web_url": st.from_regex(r"https://example\.org/[a-z]{1,10}", fullmatch=True),
}
_KEYS = {"web_url": "webUrl"}


@SETTINGS
@given(variants(), st.data())
def test_editing_one_scalar_changes_one_line(variant: Variant, data: st.DataObject) -> None:
    text = variant.render()
    doc = _load(text)
    present = [f for f in SCALAR_EDITS if variant.data.get(_KEYS.get(f, f)) is not None]
    field = data.draw(st.sampled_from(present))
    value = data.draw(SCALAR_EDITS[field])
    meta = doc.meta.model_copy(update={field: value})
    out = dumps(doc.replace(meta=meta))
    assert _reload(out) == meta
    before, after = _LINES.split(text), _LINES.split(out)
    assert len(before) == len(after)
    differing = [i for i, (a, b) in enumerate(zip(before, after, strict=True)) if a != b]
    assert len(differing) <= 1
    assert out.count(variant.newline) == text.count(variant.newline)


@SETTINGS
@given(variants(), st.data())
def test_edits_of_structure_load_back(variant: Variant, data: st.DataObject) -> None:
    doc = _load(variant.render())
    meta: Any = doc.meta
    update: dict[str, Any] = {}
    if data.draw(st.booleans(), "drop excerpt"):
        update["excerpt"] = None
    if data.draw(st.booleans(), "topics"):
        update["topics"] = data.draw(st.lists(line_free_text, max_size=3)) or None
    if data.draw(st.booleans(), "heat"):
        update["heat"] = None if meta.heat is not None else 5
    if data.draw(st.booleans(), "images") and meta.images:
        update["images"] = [meta.images[0].model_copy(update={"width": meta.images[0].width + 1})]
    new = meta.model_copy(update=update)
    out = dumps(doc.replace(meta=new))
    assert _reload(out) == new
    assert dumps(_load(out)) == out


@SETTINGS
@given(variants())
def test_format_is_idempotent_and_keeps_the_data(variant: Variant) -> None:
    text = variant.render()
    once = format(text, ignore=RULE_CODES, kind=Article)
    assert format(once, ignore=RULE_CODES, kind=Article) == once
    assert _load(once).meta == _load(text).meta
    assert ("\r\n" in once.split("---", 2)[1]) == (variant.newline == "\r\n")


@SETTINGS
@given(variants())
def test_new_documents_load_back(variant: Variant) -> None:
    meta = _load(variant.render()).meta
    out = dumps(Document(meta=meta, body="Text\n"))
    assert _reload(out) == meta
    assert format(out, ignore=RULE_CODES, kind=Article) == out


# -- single scalars ------------------------------------------------------------------
any_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=20)


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.sampled_from(TRICKY), any_text), st.sampled_from(["", "'", '"']))
def test_scalar_strings_load_back_as_themselves(value: str, style: str) -> None:
    written = render_scalar(value, style)
    assert not re.search("[\r\n]", written)
    assert yaml.safe_load(f"k: {written}\n") == {"k": value}
    assert yaml.safe_load(f"k: [{render_scalar(value, style, flow=True)}]\n") == {"k": [value]}


@settings(max_examples=100, deadline=None)
@given(
    st.one_of(
        st.integers(),
        st.floats(allow_nan=False),
        st.booleans(),
        st.none(),
        st.datetimes(timezones=st.sampled_from([timezone.utc, None])),
        st.dates(),
    )
)
def test_other_scalars_load_back_with_their_type(value: Any) -> None:
    loaded = yaml.safe_load(f"k: {render_scalar(value)}\n")["k"]
    assert type(loaded) is type(value)
    assert loaded == value


def test_plain_and_quoted_helpers_agree_with_pyyaml() -> None:
    for value in TRICKY:
        if plain_ok(value):
            assert _plain_reads_back(value), value
        if single_ok(value):
            assert yaml.safe_load(f"k: {single_quoted(value)}") == {"k": value}
        assert yaml.safe_load(f"k: {double_quoted(value)}") == {"k": value}
