"""The rules' memos of verdicts on values: filled by a check, emptied by `forget_memos`,
and never a reason for a different answer."""

from __future__ import annotations

import articlekit
from articlekit.rules import _common

BROKEN_URL = "ht!tp://bad url"


def _text(url: str) -> str:
    return f'---\ntitle: "x"\ncategory: news\nwebUrl: "{url}"\nimages:\n  - url: "{url}/a-100x50.jpg"\n---\n'


def test_forget_memos_empties_every_memo_the_rules_filled() -> None:
    _common.forget_memos()
    articlekit.check(_text("https://example.com/news/a"))
    filled = [m for m in _common._MEMOS if m]
    assert filled, "a check of a file with URLs keeps some verdicts"
    assert _common._URL_PROBLEM_CACHE in _common._MEMOS
    _common.forget_memos()
    assert not any(_common._MEMOS)


def test_answers_are_the_same_with_and_without_the_memos() -> None:
    for url in ("https://example.com/news/a", BROKEN_URL):
        text = _text(url)
        _common.forget_memos()
        first = articlekit.check(text)
        again = articlekit.check(text)  # the verdicts now come from the memos
        _common.forget_memos()
        assert first == again == articlekit.check(text)
    assert any(i.code == "AK701" for i in articlekit.check(_text(BROKEN_URL)))
