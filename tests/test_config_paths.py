"""What a configuration says for a path is worked out once per path, and stays right when things change."""

from __future__ import annotations

from pathlib import Path

import pytest

import articlekit
from articlekit import Config
from articlekit._globs import Globs
from articlekit.issues import _unregister

# a news item with an unknown key (AK305)
NOISY = (
    '---\ntitle: "Hello"\ncategory: news\ntype: article\nlegacyId: 7\n'
    'excerpt: "x"\npublishedDateTime: 2024-01-01T00:00:00Z\n---\n'
)
UNTYPED = '---\ntitle: "Intro to Power Apps"\nexcerpt: "Learn the basics"\n---\n'


def _codes(issues: list[articlekit.Issue]) -> list[str]:
    return [i.code for i in issues]


def _counting_matches(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    matched: list[str] = []
    original = Globs.decide

    def decide(self: Globs, rel: str) -> bool | None:
        matched.append(rel)
        return original(self, rel)

    monkeypatch.setattr(Globs, "decide", decide)
    return matched


def test_the_globs_are_matched_once_per_path(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    config = Config.from_dict(
        {"per-file-ignores": {"_news/**": ["AK305"]}, "kinds": {"courses/**": "course"}}, root=tmp_path
    )
    matched = _counting_matches(monkeypatch)
    news, other = tmp_path / "_news" / "a.md", tmp_path / "b.md"
    first = [articlekit.check(NOISY, config=config, path=p) for p in (news, other)]
    count = len(matched)
    assert count > 0
    again = [articlekit.check(NOISY, config=config, path=p) for p in (news, other) for _ in range(3)]
    assert len(matched) == count  # the second time, nothing is matched again
    assert again == [first[0]] * 3 + [first[1]] * 3
    assert "AK305" not in _codes(first[0])
    assert "AK305" in _codes(first[1])


def test_kinds_by_path_come_from_the_same_answer(tmp_path: Path) -> None:
    config = Config.from_dict({"kinds": {"courses/**": "course"}}, root=tmp_path)
    for _ in range(2):
        as_course = articlekit.check(UNTYPED, config=config, path=tmp_path / "courses" / "a.md")
        detected = articlekit.check(UNTYPED, config=config, path=tmp_path / "a.md")
        assert as_course == articlekit.check(UNTYPED, kind="course")
        assert detected == articlekit.check(UNTYPED)
    # an explicit kind wins, and the path still chooses the ignored codes
    assert articlekit.check(UNTYPED, config=config, path=tmp_path / "a.md", kind="course") == as_course


def test_without_a_root_paths_are_relative_to_the_current_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    config = Config.from_dict({"per-file-ignores": {"_news/**": ["AK305"]}})
    (tmp_path / "_news").mkdir()
    path = tmp_path / "_news" / "a.md"
    monkeypatch.chdir(tmp_path)
    assert "AK305" not in _codes(articlekit.check(NOISY, config=config, path=path))
    monkeypatch.chdir(tmp_path / "_news")  # the same file is now 'a.md', outside '_news/**'
    assert "AK305" in _codes(articlekit.check(NOISY, config=config, path=path))
    monkeypatch.chdir(tmp_path)
    assert "AK305" not in _codes(articlekit.check(NOISY, config=config, path=path))


def test_a_code_registered_later_is_ignored_by_prefix_too(tmp_path: Path) -> None:
    articlekit.register_code("RX901", name="rx-test-one", severity="warning", doc="A test code.")
    try:
        config = Config.from_dict({"per-file-ignores": {"drafts/**": ["RX9"]}}, root=tmp_path)
        path = tmp_path / "drafts" / "a.md"
        before = config._for_path(path)[0]
        articlekit.register_code("RX902", name="rx-test-two", severity="warning", doc="A test code.")
        after = config._for_path(path)[0]
        assert "RX901" in before
        assert "RX902" not in before
        assert "RX902" in after
        assert after == config.ignored_codes(path)
    finally:
        _unregister("RX901")
        _unregister("RX902")
