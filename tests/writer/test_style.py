"""The canonical style of each kind is the publisher's own: `format` leaves their files byte-identical.

Per-kind figures over the shared corpus (files left identical / total)::

    .venv/bin/python -m pytest -q -p no:cacheprovider tests/writer/test_style.py -k corpus -s
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

import articlekit
from articlekit import Document, Forum, Image, Profile, Provider, Video
from articlekit.writer import dumps, format
from articlekit.writer.order import KeyOrder, key_order_for, path_pattern, register_key_order
from conftest import CORPUS, corpus_files

SECURED = "AAAAAAAAAAAAAAAAAAAAAA==;AAAAAAAAAAAAAAAAAAAAAA=="

# New files written the way the publisher writes each kind (made-up values, not corpus files).
PUBLISHER_FILES = {
    "news": f"""---
category: news
title: "A new low-code release"
excerpt: "What changed in the spring release ..."
publishedDateTime: 2021-03-02T10:00:00Z
originalUrl: "https://example.com/news/spring-release"
webUrl: "https://example.com/news/spring-release"
type: article
quality: 12
heat: 40
published: true

provider:
  name: Example News
  domain: example.com
  images:
    - url: "https://example.com/assets/example.com-50x50.jpg"
      width: 50
      height: 50

topics:
  - Power Apps

images:
  - url: "https://example.com/images/spring.jpg"
    width: 1200
    height: 630
    isCached: true

secured: "{SECURED}"
---
""",
    "video": f"""---
title: "Build a gallery in ten minutes"
excerpt: "A walk through galleries, forms and patch."
originalUrl: https://youtube.com/watch?v=abcdefghijk
type: video
price: Free
length: PT10M5S
publishedDateTime: 2021-01-05T08:00:00Z
heat: 20

featuredContent: "<iframe width=\\"800\\" height=\\"500\\" src=\\"https://www.youtube.com/embed/abcdefghijk\\"></iframe>"

provider:
  name: Jane Example
  domain: example.org

topics:
  - Power Apps

images:
  - url: https://i.ytimg.com/vi/abcdefghijk/hqdefault.jpg
    width: 480
    height: 360
    isCached: true

secured: "{SECURED}"
---
""",
    "course": f"""---
title: "Get started with canvas apps"
excerpt: "Learn the basics of canvas apps."
webUrl: https://learn.example.com/modules/canvas-apps/
type: course
price: Free
length: PT1H2M
ratings:
  count: 12
  average: 4.5
heat: -3

provider:
  name: Example Learn
  domain: example.com
  images:
    - url: /assets/images/organizations/example.com-50x50.jpg
      width: 50
      height: 50

levels:
  - Beginner

topics:
  - Power Apps

images:
  - url: https://learn.example.com/modules/canvas-apps/social.png
    width: 800
    height: 400
    isCached: true

secured: "{SECURED}"
---
""",
    "collection": f"""---
title: "Galleries, start to finish"
excerpt: "Every gallery video, in order."
type: collection
heat: 10

provider:
  name: Jane Example
  domain: example.org

items:
  - videos/jane-example-galleries-part-1
  - videos/jane-example-galleries-part-2

topics:
  - Power Apps

images:
  - url: https://i.ytimg.com/vi/abcdefghijk/maxresdefault.jpg
    width: 1280
    height: 720
    isCached: true

secured: "{SECURED}"
---

""",
    "download": f"""---
title: "Inventory app sample"
excerpt: "A sample app for stock keeping."
originalUrl: https://community.example.com/samples/inventory
type: download
publishedDateTime: 2020-02-03T04:05:00Z
heat: 50

actions:
  - url: "https://community.example.com/attachments/inventory.zip"
    type: "download"
    title: "Download Source Code"
    attribution: "Example Community"

provider:
  name: Example Community
  domain: example.com
  images:
    - url: /assets/images/organizations/example.com-50x50.jpg
      width: 50
      height: 50
  authors:
    - name: someone

topics:
  - Power Apps

images:
  - url: https://community.example.com/attachments/inventory.png
    width: 1521
    height: 912
    isCached: true

secured: "{SECURED}"
---
<p>The sample.</p>
""",
    "profile": f"""---
name: "Jane Example"
bio: "Builder of apps | #LowCode"
location: Oslo, Norway
type: "profile"
heat: 70

affiliation:
  name: Example
  domain: example.com
  images:
    - url: "/assets/images/organizations/example.com-50x50.jpg"
      width: 50
      height: 50

website: https://example.org/jane

twitter:
  username: janeexample
  url: https://twitter.com/janeexample
  followers: 100

linkedin:
  url: https://www.linkedin.com/in/janeexample

topics:
  - Power Apps

images:
  - url: https://pbs.example.com/profile_images/1/jane_400x400.jpg
    width: 400
    height: 400
    isCached: true
    title: "Jane Example"

secured: "{SECURED}"
---

""",
    "forum": """---
name: "Low-code Forum"
excerpt: "A place to ask about low-code apps"
originalUrl: https://forum.example.com/c/low-code/
webUrl: https://forum.example.com/c/low-code/
type: forum
members: 1200
heat: 30

provider:
  name: Example Forum
  domain: example.com
  images:
    - url: https://example.com/assets/images/organizations/example.com-50x50.jpg
      width: 50
      height: 50

topics:
  - Power Apps

images:
  - url: https://forum.example.com/logo.png
    width: 1280
    height: 720

---

""",
    "organization": """---
taxonomy: organization
_id: example.com
name: Example
domain: example.com
description: Makers of examples
images:
  - url: /assets/images/organizations/example.com-50x50.jpg
    width: 50
    height: 50
  - url: /assets/images/organizations/example.com-400x400.jpg
    width: 400
    height: 400
---
""",
}


@pytest.mark.parametrize("kind", sorted(PUBLISHER_FILES))
def test_format_keeps_a_new_publisher_file_of_each_kind(kind: str) -> None:
    text = PUBLISHER_FILES[kind]
    assert format(text) == text
    crlf = text.replace("\n", "\r\n")
    assert format(crlf) == crlf


_DOUBLE = re.compile(r'^(\s*(?:- )?[A-Za-z_]+: )"([^"\\\']*)"$')
_PLAIN_URL = re.compile(r"^(\s*(?:- )?[A-Za-z_]+: )((?:https?://|/)\S*)$")


def _messy(text: str) -> str:
    """The front matter restyled: blank lines gone, double quotes single, plain URLs single-quoted."""
    _, front, body = text.split("---\n", 2)
    out = []
    for line in front.split("\n"):
        if not line:
            continue
        line = _DOUBLE.sub(r"\1'\2'", line)
        out.append(_PLAIN_URL.sub(r"\1'\2'", line))
    return "---\n" + "\n".join(out) + "\n---\n" + body


@pytest.mark.parametrize("kind", sorted(PUBLISHER_FILES))
def test_messy_files_of_each_kind_format_to_the_publisher_style(kind: str) -> None:
    """Quoting and blank lines are restored per kind and per key."""
    text = PUBLISHER_FILES[kind]
    messy = _messy(text)
    assert messy != text
    assert format(messy) == text


def test_profile_quotes_affiliation_images_but_not_its_own() -> None:
    meta = Profile(
        name="Jane",
        type="profile",
        affiliation=Provider(name="Example", images=[Image(url="/a-50x50.jpg", width=50, height=50)]),
        images=[Image(url="https://example.com/j.jpg", width=4, height=4, title="Jane")],
    )
    text = dumps(Document(meta=meta))
    assert '    - url: "/a-50x50.jpg"\n' in text
    assert "  - url: https://example.com/j.jpg\n" in text
    assert '    title: "Jane"\n' in text
    assert 'name: "Jane"\n' in text
    assert 'type: "profile"\n' in text


def test_video_urls_are_plain_and_forums_end_with_a_blank_line() -> None:
    video = Video(
        title="T",
        type="video",
        original_url="https://example.com/v",
        images=[Image(url="https://example.com/v.jpg", width=1, height=1)],
        secured=SECURED,
    )
    text = dumps(Document(meta=video))
    assert "originalUrl: https://example.com/v\n" in text
    assert "  - url: https://example.com/v.jpg\n" in text
    assert 'title: "T"\n' in text
    forum = dumps(Document(meta=Forum(name="F", type="forum", members=3)))
    assert forum == '---\nname: "F"\ntype: forum\nmembers: 3\n\n---\n'
    assert format(forum) == forum


def test_text_that_yaml_would_misread_is_quoted_even_where_the_kind_writes_plain() -> None:
    text = PUBLISHER_FILES["organization"].replace("Makers of examples", "yes")
    out = format(text.replace("description: yes", "description: 'yes'"))
    assert 'description: "yes"\n' in out
    assert articlekit.loads(out).meta.description == "yes"


def test_quoted_paths() -> None:
    assert path_pattern(("affiliation", "images", 3, "url")) == ("affiliation", "images", "[]", "url")
    layout = key_order_for(Profile)
    assert layout.paths
    assert layout.quotes(("affiliation", "images", 0, "url"))
    assert not layout.quotes(("images", 0, "url"))
    assert layout.quotes(("images", 1, "title"))
    assert not key_order_for(Image).quotes(("url",)) or key_order_for(Image).paths


def test_a_registered_kind_quotes_by_path() -> None:
    class Gizmo(Profile):
        """A test kind."""

    layout = register_key_order(Gizmo, ["name", "type"], quoted=["images[].url"], blank_line_at_end=True)
    assert isinstance(layout, KeyOrder)
    meta = Gizmo(name="G", type="profile", images=[Image(url="/g.png", width=1, height=1)])
    text = dumps(Document(meta=meta))
    assert text.startswith("---\nname: G\ntype: profile\n")
    assert '  - url: "/g.png"\n' in text
    assert text.endswith("\n\n---\n")


# -- the corpus ------------------------------------------------------------------------------


@pytest.mark.skipif(not corpus_files(), reason="../shared/corpus is not present")
def test_corpus_format_leaves_every_kind_byte_identical() -> None:
    """At least 99% of the real files of every kind are left byte-identical by `format`."""
    total: Counter[str] = Counter()
    same: Counter[str] = Counter()
    changed: dict[str, list[Path]] = {}
    for path in corpus_files():
        kind = str(path.parent.relative_to(CORPUS))
        text = path.read_bytes().decode("utf-8")
        total[kind] += 1
        if format(text) == text:
            same[kind] += 1
        else:
            changed.setdefault(kind, []).append(path)
    for kind in sorted(total):
        print(f"format: {kind}: {same[kind]}/{total[kind]} files byte-identical")
    assert len(total) == 8
    for kind in total:
        assert same[kind] >= 0.99 * total[kind], (kind, changed.get(kind, [])[:5])


def test_added_values_take_the_kinds_style_in_a_publisher_file() -> None:
    """The splicing writer quotes a new URL like the file's other URLs (plain in a course)."""
    doc = articlekit.loads(PUBLISHER_FILES["course"])
    image = Image(url="https://learn.example.com/second.png", width=2, height=2)
    new = doc.edit(original_url="https://example.com/c", images=[*doc.meta.images, image])  # type: ignore[attr-defined]
    out = dumps(new)
    assert "\noriginalUrl: https://example.com/c\n" in out
    assert "\n  - url: https://learn.example.com/second.png\n" in out
    assert format(out) == out  # still the publisher's style
