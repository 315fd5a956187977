"""check, check_file, loads and load with a configuration: what it says applies for the file's path."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import articlekit
from articlekit import Config
from articlekit.config import clear_discovery_cache
from conftest import DATA, EXAMPLES
from filetrees import write

EXAMPLE = (EXAMPLES / "hello-article.md").read_text(encoding="utf-8")
SAMPLE = (DATA / "finland-prisons-ai.md").read_text(encoding="utf-8")
_AFTER_LINE_2 = EXAMPLE.index("\n", 4) + 1
# a news item with an unknown key (AK305, a warning) and a repeated topic (AK853, a warning)
NOISY = (
    EXAMPLE[:_AFTER_LINE_2]
    + "legacyId: 7\n"
    + EXAMPLE[_AFTER_LINE_2:].replace("  - Python\n", "  - Python\n  - Python\n")
)
# front matter with no kind key: detected as an Article, or validated as a Course by a 'kinds' entry
UNTYPED = '---\ntitle: "Intro to Power Apps"\nexcerpt: "Learn the basics"\n---\n'


pytestmark = pytest.mark.usefixtures("fresh_discovery")


def codes(issues: list[articlekit.Issue]) -> list[str]:
    return [i.code for i in issues]


def test_the_noisy_file_has_its_two_warnings() -> None:
    assert codes(articlekit.check(NOISY)) == ["AK305", "AK853"]


def test_without_a_configuration_nothing_changes(tmp_path: Path) -> None:
    write(tmp_path / "articlekit.toml", 'ignore = ["AK3", "AK8"]\n')
    path = write(tmp_path / "post.md", NOISY)
    assert articlekit.check(NOISY, path=path) == articlekit.check(NOISY)  # check reads no file
    assert codes(articlekit.check(NOISY, ignore={"AK853"})) == ["AK305"]
    assert articlekit.load(path).issues == tuple(articlekit.check(NOISY))


def test_select_ignore_and_per_file_ignores_follow_the_path(tmp_path: Path) -> None:
    config = Config.from_dict(
        {"select": ["AK3", "AK8"], "ignore": ["AK30"], "per-file-ignores": {"_people/**": ["AK853"]}},
        root=tmp_path,
    )
    everything = articlekit.check(NOISY)
    for where in ("post.md", "_people/post.md"):
        path = tmp_path / where
        expected = [i for i in everything if config.is_selected(i.code, path)]
        assert articlekit.check(NOISY, config=config, path=path) == expected
    assert codes(articlekit.check(NOISY, config=config, path=tmp_path / "post.md")) == ["AK853"]
    assert codes(articlekit.check(NOISY, config=config, path=tmp_path / "_people" / "x.md")) == []
    # without a path, per-file-ignores cannot apply
    assert codes(articlekit.check(NOISY, config=config)) == ["AK853"]
    # the caller's own ignore comes on top
    assert codes(articlekit.check(NOISY, config=config, path=tmp_path / "a.md", ignore={"AK853"})) == []


def test_kinds_by_glob(tmp_path: Path) -> None:
    write(tmp_path / "articlekit.toml", '[kinds]\n"_learning/courses/**" = "course"\n')
    course = write(tmp_path / "_learning" / "courses" / "intro.md", UNTYPED)
    other = write(tmp_path / "_news" / "intro.md", UNTYPED)
    as_course = articlekit.check(UNTYPED, kind=articlekit.Course)
    assert as_course != articlekit.check(UNTYPED)
    assert articlekit.check_file(course) == as_course
    assert articlekit.check_file(other) == articlekit.check(UNTYPED)
    # kind= wins over the configuration
    as_article = articlekit.check(UNTYPED, kind=articlekit.Article)
    assert articlekit.check_file(course, kind=articlekit.Article) == as_article != articlekit.check(UNTYPED)


def test_limits_and_rule_options(tmp_path: Path) -> None:
    write(tmp_path / "articlekit.toml", "[limits]\nmax-bytes = 100\n[rules]\nmax-related = 0\n")
    big = write(tmp_path / "big.md", EXAMPLE)
    sample = write(tmp_path / "sample.md", SAMPLE)
    assert codes(articlekit.check(EXAMPLE)) == []
    assert "AK105" in codes(articlekit.check_file(big))
    assert codes(articlekit.check_file(sample, limits=articlekit.DEFAULT_LIMITS)) == ["AK605"]
    # explicit arguments win over the file
    options = articlekit.RuleOptions(max_related=5)
    assert codes(articlekit.check_file(sample, limits=articlekit.DEFAULT_LIMITS, options=options)) == []


def test_warnings_as_errors(tmp_path: Path) -> None:
    config = Config.from_dict({"warnings-as-errors": True}, root=tmp_path)
    issues = articlekit.check(NOISY, config=config)
    assert codes(issues) == ["AK305", "AK853"]
    assert {i.severity for i in issues} == {"error"}
    with pytest.raises(articlekit.ValidationError) as info:
        articlekit.loads(NOISY, config=config)
    assert codes(info.value.issues) == ["AK305", "AK853"]
    assert codes(list(articlekit.loads(NOISY).issues)) == ["AK305", "AK853"]  # warnings do not raise


def test_check_file_discovers_and_can_opt_out(tmp_path: Path) -> None:
    write(tmp_path / "articlekit.toml", 'ignore = ["AK853"]\n')
    write(tmp_path / "people" / "pyproject.toml", '[tool.articlekit]\nignore = ["AK305"]\n')
    post = write(tmp_path / "post.md", NOISY)
    person = write(tmp_path / "people" / "person.md", NOISY)
    assert codes(articlekit.check_file(post)) == ["AK305"]
    assert codes(articlekit.check_file(person)) == ["AK853"]  # the nearer pyproject.toml wins
    assert codes(articlekit.check_file(post, config=Config.default())) == ["AK305", "AK853"]
    assert codes(articlekit.check_file(str(post))) == ["AK305"]


def test_check_file_reports_a_bad_configuration(tmp_path: Path) -> None:
    write(tmp_path / "articlekit.toml", "ignore = 3\n")
    post = write(tmp_path / "post.md", NOISY)
    with pytest.raises(articlekit.ConfigError, match="must be a list") as info:
        articlekit.check_file(post)
    assert (info.value.line, info.value.column) == (1, 1)


def test_load_and_loads_take_the_configuration(tmp_path: Path) -> None:
    config = Config.from_dict({"per-file-ignores": {"people/**": ["AK305"]}}, root=tmp_path)
    path = write(tmp_path / "people" / "p.md", NOISY)
    assert codes(list(articlekit.load(path, config=config).issues)) == ["AK853"]
    with path.open("rb") as handle:  # an open file: its name is the path
        assert codes(list(articlekit.load(handle, config=config).issues)) == ["AK853"]
    assert codes(list(articlekit.loads(NOISY, config=config, path=path).issues)) == ["AK853"]
    assert codes(list(articlekit.loads(NOISY, config=config).issues)) == ["AK305", "AK853"]


def test_suppressions_and_configuration_together(tmp_path: Path) -> None:
    text = NOISY.replace("legacyId: 7\n", "legacyId: 7  # articlekit: ignore[AK305]\n")
    assert codes(articlekit.check(text)) == ["AK853"]
    # the code is not checked at all for this path: the suppression is not reported as unused
    config = Config.from_dict({"per-file-ignores": {"old/**": ["AK305"]}}, root=tmp_path)
    assert codes(articlekit.check(text, config=config, path=tmp_path / "old" / "a.md")) == ["AK853"]
    unused = NOISY.replace("heat: 17\n", "heat: 17  # articlekit: ignore[AK305]\n")
    assert codes(articlekit.check(unused)) == ["AK305", "AK002", "AK853"]
    quiet = Config.from_dict({"ignore": ["AK002"]})
    assert codes(articlekit.check(unused, config=quiet)) == ["AK305", "AK853"]


def test_the_secured_key_file_applies(tmp_path: Path) -> None:
    pytest.importorskip("cryptography")
    (tmp_path / "wrong.key").write_text(os.urandom(16).hex(), encoding="ascii")
    post = write(tmp_path / "post.md", EXAMPLE)
    assert codes(articlekit.check_file(post)) == []
    write(tmp_path / "articlekit.toml", 'secured-key-file = "wrong.key"\n')
    clear_discovery_cache()
    assert codes(articlekit.check_file(post)) == ["AK510"]


def test_the_public_names() -> None:
    assert articlekit.Config is Config
    assert issubclass(articlekit.ConfigError, articlekit.ArticleKitError)
    assert callable(articlekit.check_file)
