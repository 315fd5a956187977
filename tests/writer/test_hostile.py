"""The writer on hostile input: ``format`` and ``dumps`` never give text that does not load back.

The fuzz tests (``tests/fuzz``) check the same on every mutated input; these
are the cases the long fuzz run found, and the command line's ``format`` on a
folder of broken files.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

import articlekit
from articlekit import fuzz
from articlekit.cli import run

NULL_URL = (
    "---\n"
    "category: news\n"
    'title: "A video"\n'
    "publishedDateTime: 2019-08-26T15:00:16Z\n"
    "originalUrl: \n"
    "type: video\n"
    'secured: "AAAAAAAAAAAAAAAAAAAAAA==;AAAAAAAAAAAAAAAAAAAAAA=="\n'
    "---\n"
)


def test_an_empty_url_is_no_url() -> None:
    """Found by the fuzzer: ``originalUrl:`` (null) passed the URL rule, and format dropped it."""
    assert "AK702" in {i.code for i in articlekit.check(NULL_URL)}
    with pytest.raises(articlekit.ValidationError):
        articlekit.format(NULL_URL)


def test_format_and_dumps_of_what_loads_load_back_the_same() -> None:
    rng = random.Random(5)
    checked = 0
    for _ in range(300):
        text = fuzz.mutate(rng.choice(fuzz.SEEDS), rng, steps=1)
        try:
            doc = articlekit.loads(text)
        except articlekit.ArticleKitError:
            continue
        checked += 1
        for written in (articlekit.format(text), articlekit.dumps(doc)):
            again = articlekit.loads(written)
            assert again.meta == doc.meta
            assert again.body == doc.body
    assert checked >= 20


def test_cli_format_never_damages_broken_files(tmp_path: Path) -> None:
    originals: dict[Path, bytes] = {}
    for i in range(25):
        data, _limits = fuzz.case(8, i)
        raw = data if isinstance(data, bytes) else data.encode("utf-8", errors="surrogatepass")
        path = tmp_path / f"f{i}.md"
        path.write_bytes(raw)
        originals[path] = raw
    extra = tmp_path / "good.md"
    extra.write_text(fuzz.SEEDS[0].replace("heat: 80", "heat:   80"), encoding="utf-8")
    originals[extra] = extra.read_bytes()
    run(["format", str(tmp_path), "-q"])
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in originals)  # no temp files
    for path, before in originals.items():
        after = path.read_bytes()
        if after == before:
            continue
        # rewritten: the same data, and only for a file that loads
        assert articlekit.loads(after).meta == articlekit.loads(before).meta
    assert extra.read_bytes() != originals[extra]
