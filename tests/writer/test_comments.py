"""`format` keeps every YAML comment in place (and `dumps` when it rewrites a whole front matter)."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import articlekit
import articlekit.strategies as aks
from articlekit import Image, Provider
from articlekit.models import FrontMatterModel
from articlekit.writer import format
from articlekit.writer.order import register_key_order

SECURED = "AAAAAAAAAAAAAAAAAAAAAA==;AAAAAAAAAAAAAAAAAAAAAA=="
RULE_CODES = frozenset(c for c in articlekit.CODES if not c.startswith(("AK1", "AK2", "AK3")))

COMMENTED = f"""---
# articlekit: ignore[AK401]
# a header comment, apart from the first key

title: "A title"  # articlekit: ignore[AK401]
category: news
publishedDateTime: 2020-08-11T13:41:00Z
webUrl: "https://example.com/a"   # three spaces before this one
heat: 3
# above provider, which moves up when the keys are put in order
provider:  # after a key whose value is a block
  # first thing in provider
  name: Example # after a nested value
  images:
    # above the first image
    - url: "/a-1x1.png" # after a list item's key
      # between two keys of an item
      width: 1
      height: 1
    # the end of the images of provider
  # the end of provider
topics: [AI, ML] # after a flow list
images:
  - url: "/b-1x1.png"
    width: 1
    height: 1
  # the end of images
featuredContent: |  # after a block scalar's indicator
  <p>hi</p>
secured: "{SECURED}"
# the very end
---
Body # not a comment: the body is kept as it is
"""

EXPECTED = f"""---
# articlekit: ignore[AK401]
# a header comment, apart from the first key

category: news
title: "A title"  # articlekit: ignore[AK401]
publishedDateTime: 2020-08-11T13:41:00Z
webUrl: "https://example.com/a"   # three spaces before this one
heat: 3

featuredContent: "<p>hi</p>\\n"  # after a block scalar's indicator

# above provider, which moves up when the keys are put in order
provider:  # after a key whose value is a block
  # first thing in provider
  name: Example # after a nested value
  images:
    # above the first image
    - url: "/a-1x1.png" # after a list item's key
      # between two keys of an item
      width: 1
      height: 1
    # the end of the images of provider
  # the end of provider

topics: # after a flow list
  - AI
  - ML

images:
  - url: "/b-1x1.png"
    width: 1
    height: 1
  # the end of images

secured: "{SECURED}"
# the very end
---
Body # not a comment: the body is kept as it is
"""

_COMMENT = re.compile(r"#[^\n]*")


def _comments(text: str) -> list[str]:
    front = text.split("---\n")[1]
    return sorted(m.group() for m in _COMMENT.finditer(front) if "#" in m.group())


def test_format_keeps_every_comment_in_place() -> None:
    out = format(COMMENTED, ignore=RULE_CODES)
    assert out == EXPECTED
    assert format(out, ignore=RULE_CODES) == out
    assert (
        articlekit.loads(out, ignore=RULE_CODES).meta == articlekit.loads(COMMENTED, ignore=RULE_CODES).meta
    )


def test_format_keeps_comments_with_crlf() -> None:
    out = format(COMMENTED.replace("\n", "\r\n"), ignore=RULE_CODES)
    assert "\r\n" in out
    assert out.replace("\r\n", "\n") == EXPECTED


class Snippet(FrontMatterModel):
    """A test kind: every key optional, nothing quoted."""

    category: str | None = None
    title: str | None = None
    heat: int | None = None
    excerpt: str | None = None
    provider: Provider | None = None
    topics: list[str] | None = None
    images: list[Image] | None = None


register_key_order(
    Snippet,
    ["category", "title", "heat", "excerpt"],
    groups=[["provider"], ["topics"], ["images"]],
    quoted=[],
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a comment line at the top
        ("# top\ntitle: T\n", "# top\ntitle: T\n"),
        # between keys: it moves with the key below it
        (
            "title: T\n# about heat\nheat: 3\ncategory: news\n",
            "category: news\ntitle: T\n# about heat\nheat: 3\n",
        ),
        # after a scalar, the spacing kept
        ("title: T    # four\nheat: 3\n", "title: T    # four\nheat: 3\n"),
        # inside a list of text
        (
            "topics:\n  # first\n  - a  # a\n  - b\n  # last\n",
            "topics:\n  # first\n  - a  # a\n  - b\n  # last\n",
        ),
        # inside a nested mapping, at its end
        ("provider:\n  name: P\n  # end\n", "provider:\n  name: P\n  # end\n"),
        # a deeper comment after a nested block goes to the end of that block
        ("provider:\n  name: P\n    # deeper\nheat: 1\n", "heat: 1\n\nprovider:\n  name: P\n  # deeper\n"),
        # comments survive a kind without blank lines, and blank lines after comments are kept
        ("# a\n\n# b\ntitle: T\n\n\n# c\n\nheat: 1\n", "# a\n\n# b\ntitle: T\n# c\n\nheat: 1\n"),
        # "- # c" above an item's content goes above the item
        (
            "images:\n  -  # c\n    url: /x\n    width: 1\n    height: 1\n",
            "images:\n  # c\n  - url: /x\n    width: 1\n    height: 1\n",
        ),
        # a comment after an empty value
        ("excerpt:   # none yet\ntitle: T\n", "title: T\nexcerpt: null   # none yet\n"),
    ],
)
def test_comment_places(text: str, expected: str) -> None:
    out = format("---\n" + text + "---\n", kind=Snippet, ignore=RULE_CODES)
    assert out == "---\n" + expected + "---\n"
    assert format(out, kind=Snippet, ignore=RULE_CODES) == out


def test_dumps_keeps_comments_when_it_rewrites_the_whole_front_matter(sample_text: str) -> None:
    text = sample_text.replace("heat: 76\n", "heat: &h 76  # anchored\nquality2: *h\n", 1)
    doc = articlekit.loads(text, ignore=RULE_CODES)
    out = articlekit.dumps(doc.edit(heat=5))
    assert "# anchored" in out
    assert articlekit.loads(out, ignore=RULE_CODES).meta.heat == 5


# -- a property: comments anywhere a person would put them ------------------------------------

_KEY_LINE = re.compile(r"^( *)(- )?([A-Za-z_][A-Za-z0-9_]*):")
_ITEM_LINE = re.compile(r"^( *)- ")


@st.composite
def commented_documents(draw: st.DrawFn) -> tuple[str, list[tuple[str, str | None, bool]]]:
    """A valid file with comments added above keys and items and after values.

    Returns the text and, per comment, its text, the key of the line it was
    put on or above (``None`` for a list item of text) and whether it is an own-line comment.
    """
    text = draw(aks.documents()).lstrip("\ufeff")
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = text.split(newline)
    close = lines.index("---", 1)
    out = lines[:1]
    placed: list[tuple[str, str | None, bool]] = []
    for n, line in enumerate(lines[1:close], start=1):
        key = _KEY_LINE.match(line)
        item = _ITEM_LINE.match(line)
        if (key or item) and draw(st.booleans()):
            indent = (key or item).group(1)  # type: ignore[union-attr]
            comment = f"# above {n}"
            out.append(indent + comment)
            name = key.group(3) if key and not key.group(2) else None
            placed.append((comment, name, True))
        if (key or item) and not line.rstrip().endswith((":", "[", "{", ",")) and draw(st.booleans()):
            comment = f"# after {n}"
            line = line + draw(st.sampled_from([" ", "  ", "\t"])) + comment
            placed.append((comment, key.group(3) if key and not key.group(2) else None, False))
        out.append(line)
    out.extend(lines[close:])
    return newline.join(out), placed


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(commented_documents())
def test_format_keeps_every_comment(case: tuple[str, list[tuple[str, str | None, bool]]]) -> None:
    text, placed = case
    try:
        doc = articlekit.loads(text)
    except articlekit.ArticleKitError:
        assume(False)  # a comment after a multi-line value changed its meaning
        return
    out = format(text)
    assert articlekit.loads(out).meta == doc.meta
    assert format(out) == out
    out_lines = out.replace("\r\n", "\n").split("\n")
    for comment, key, own_line in placed:
        where = [i for i, line in enumerate(out_lines) if line.endswith(comment)]
        assert len(where) == 1, comment  # kept, once
        line = out_lines[where[0]]
        if own_line:
            assert line.strip() == comment
            if comment == "# above 1":  # above the first key: a header, it stays at the top
                assert all(x.startswith("#") or not x for x in out_lines[1 : where[0]])
                continue
            following = next(
                x for x in out_lines[where[0] + 1 :] if x.strip() and not x.strip().startswith("#")
            )
            if key is not None:
                assert following.strip().removeprefix("- ").startswith(key + ":"), (comment, following)
        elif key is not None:
            assert line.strip().removeprefix("- ").startswith(key + ":"), (comment, line)
