"""The material of `articlekit.fuzz` cases.

The seed documents, the small limits some cases run under, and the YAML
snippets, characters and keys the mutators insert.
"""

from __future__ import annotations

from .limits import Limits

_SECURED = (
    "yUdXMcbhJtVMwf0WPhGWGvPqbgqzPPSnD6iIC5k1NW+jFV3iGqb5i4LFZ3XYYbn2o9p4BrZzcoQIVK3L1CQc3Q==;"
    "AAECAwQFBgcICQoLDA0ODw=="
)

SEEDS: tuple[str, ...] = (
    "---\n"
    'title: "Finland is using prisoners to train AI"\n'
    'excerpt: "Inmates label data for a start-up ..."\n'
    "publishedDateTime: 2019-03-28T15:21:00Z\n"
    'originalUrl: "https://www.theverge.com/2019/3/28/finland-prisons-ai"\n'
    'webUrl: "https://www.theverge.com/2019/3/28/finland-prisons-ai"\n'
    'ampWebUrl: "https://www.theverge.com/platform/amp/2019/3/28/finland-prisons-ai"\n'
    'cdnAmpWebUrl: "https://www-theverge-com.cdn.ampproject.org/c/s/www.theverge.com/platform/amp/'
    '2019/3/28/finland-prisons-ai"\n'
    "type: article\n"
    "quality: 66\n"
    "heat: 80\n"
    "published: true\n"
    "category: news\n"
    "\n"
    "provider:\n"
    '  name: "The Verge"\n'
    '  domain: "theverge.com"\n'
    "  images:\n"
    '    - url: "https://cdn.example.com/theverge.com-50x50.jpg"\n'
    "      width: 50\n"
    "      height: 50\n"
    "\n"
    "topics:\n"
    "  - AI\n"
    "  - Prisons\n"
    "\n"
    "images:\n"
    '  - url: "https://cdn.vox-cdn.com/thumbor/fin-1200x800.jpg"\n'
    "    width: 1200\n"
    "    height: 800\n"
    "    isCached: true\n"
    "\n"
    "related:\n"
    '  - title: "A related story"\n'
    '    excerpt: "More of it"\n'
    "    publishedDateTime: 2019-03-27T10:00:00Z\n"
    '    webUrl: "https://example.com/related"\n'
    "    type: article\n"
    "    quality: 50\n"
    "    provider:\n"
    '      name: "Example"\n'
    '      domain: "example.com"\n'
    "\n"
    f'secured: "{_SECURED}"\n'
    "---\n"
    "\n"
    "Body text with *Markdown*.\n",
    "---\r\n"
    "category: news\r\n"
    'title: "CRLF file"\r\n'
    "publishedDateTime: 2020-02-29T13:41:00Z\r\n"
    'originalUrl: "https://example.com/a"\r\n'
    "topics: [AI, Cloud]\r\n"
    f'secured: "{_SECURED}"\r\n'
    "---\r\n",
    "---\n"
    "type: video\n"
    'title: "A video"\n'
    "length: PT13M34S\n"
    "price: 0\n"
    "provider: {name: X, domain: x.com, authors: [{name: Ann}]}\n"
    "ratings: {count: 3, average: 4.5}\n"
    "levels: [beginner]\n"
    "---\n",
    "\ufeff---\n"
    "category: news\n"
    "base: &b\n"
    "  name: Shared\n"
    "  domain: shared.example\n"
    "provider:\n"
    "  <<: *b\n"
    "  name: Override\n"
    "excerpt: |\n"
    "  line one\n"
    "  line two\n"
    "note: >-\n"
    "  folded\n"
    "  text\n"
    "heat: 10:00\n"
    "flag: yes\n"
    "when: 2020-01-01\n"
    "---\n"
    "# Body\n",
)
"""Built-in seed files: a news item, a CRLF file, another kind, and YAML features."""

SMALL_LIMITS = Limits(
    max_bytes=4096,
    max_depth=4,
    max_aliases=3,
    max_alias_expansion=40,
    max_keys=8,
    max_string_length=64,
)
"""Tight limits, used for some cases so that every limit is reached often."""

_SNIPPETS = (
    "&a ",
    "*a",
    "&a [*a, *a]",
    "*b",
    "<<: *a",
    "<<: [*a, *a]",
    "<<: 1",
    "!!python/object/apply:os.system ['echo pwned']",
    "!!python/name:os.system",
    "!!python/object/new:subprocess.Popen [['true']]",
    "!foo ",
    "!<tag:yaml.org,2002:str> ",
    "!!binary aGk=",
    "!!int ",
    "!!float ",
    "!!bool ",
    "!!null ",
    "!!timestamp ",
    "!!str ",
    "!!map ",
    "!!seq ",
    "!!set ",
    "[",
    "]",
    "{",
    "}",
    "[[[[[[[[",
    "{a: {b: {c: ",
    "? ",
    "? [a, b]\n: c",
    "- ",
    ": ",
    ", ",
    "# comment",
    "|",
    ">-",
    "|2-",
    "---",
    "--- x",
    "...",
    "%YAML 1.1\n",
    "%TAG ! tag:example.com,2000:\n",
    '"',
    "'",
    "\\",
    '"\\u0000\\x1b\\N"',
    '"\\ud800"',
    "@",
    "`",
    "2021-02-29T13:41:00Z",
    "2020-13-45",
    "10:00",
    "1:2:3:4:5:6:7:8:9:10:11:12:13:14:15:16:17:18:19:20:21:22:23:24:25:26:27:28:29:30:31:32:33",
    "0b" + "1" * 50,
    "0x_",
    "1e999",
    ".nan",
    "-.inf",
    "yes",
    "~",
    "null",
    "''",
    '""',
    "title: again",
    "secured: again",
    "related:\n  - related: [1]",
    "images:\n  - {url: /x-10x20.jpg, width: 10, height: 20}",
    "\t",
    "  ",
    "\n",
)
_CHARS = (
    "\x00",
    "\ufeff",
    "\ud800",
    "\udfff",
    "\x85",
    "\u2028",
    "\u2029",
    "\x1b",
    "\x0c",
    "\x7f",
    "\x9b",
    "\ufffe",
    "\t",
    "\r",
    "\r\n",
    "\n",
    "\u00e9",
    "\U0001f600",
    "\u200b",
    "\ufffd",
)
_KEYS = (
    "title",
    "excerpt",
    "publishedDateTime",
    "originalUrl",
    "webUrl",
    "ampWebUrl",
    "cdnAmpWebUrl",
    "type",
    "quality",
    "heat",
    "published",
    "category",
    "featuredContent",
    "provider",
    "topics",
    "images",
    "related",
    "secured",
    "price",
    "length",
    "ratings",
    "levels",
    "items",
    "name",
    "domain",
    "url",
    "width",
    "height",
)
