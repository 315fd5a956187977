"""articlekit.config: finding, reading and validating configuration files, and what they say per path."""

from __future__ import annotations

import dataclasses
import pickle
from pathlib import Path

import pytest
from pydantic import BaseModel

import articlekit
from articlekit import Config, ConfigError
from articlekit.config import LimitsTable, clear_discovery_cache
from articlekit.issues import CODES
from filetrees import write

pytestmark = pytest.mark.usefixtures("fresh_discovery")


def where(text: str, needle: str) -> tuple[int, int]:
    index = text.index(needle)
    return text.count("\n", 0, index) + 1, index - (text.rfind("\n", 0, index) + 1) + 1


# --------------------------------------------------------------------------- discovery


def test_the_closest_configuration_wins_and_nothing_is_merged(tmp_path: Path) -> None:
    write(tmp_path / "articlekit.toml", 'ignore = ["AK853"]\n')
    write(tmp_path / "a" / "b" / "articlekit.toml", 'select = ["AK3"]\n')
    top = Config.discover(tmp_path / "post.md")
    deep = Config.discover(tmp_path / "a" / "b" / "c" / "post.md")
    middle = Config.discover(tmp_path / "a" / "post.md")
    assert top.source == tmp_path / "articlekit.toml"
    assert middle.source == tmp_path / "articlekit.toml"
    assert deep.source == tmp_path / "a" / "b" / "articlekit.toml"
    assert deep.select == ("AK3",)
    assert deep.ignore == ()  # the farther file's 'ignore' does not leak in
    assert deep.root == tmp_path / "a" / "b"


@pytest.mark.parametrize(
    ("present", "expected"),
    [
        (("articlekit.toml", ".articlekit.toml", "pyproject.toml"), "articlekit.toml"),
        ((".articlekit.toml", "pyproject.toml"), ".articlekit.toml"),
        (("pyproject.toml",), "pyproject.toml"),
    ],
)
def test_precedence_within_one_folder(tmp_path: Path, present: tuple[str, ...], expected: str) -> None:
    for name in present:
        body = (
            '[tool.articlekit]\nignore = ["AK305"]\n' if name == "pyproject.toml" else 'ignore = ["AK305"]\n'
        )
        write(tmp_path / name, body)
    assert Config.discover(tmp_path / "x.md").source == tmp_path / expected


def test_a_pyproject_without_the_table_is_passed_over(tmp_path: Path) -> None:
    write(tmp_path / "articlekit.toml", 'ignore = ["AK853"]\n')
    write(tmp_path / "sub" / "pyproject.toml", '[project]\nname = "site"\n[tool.ruff]\nline-length = 99\n')
    found = Config.discover(tmp_path / "sub" / "post.md")
    assert found.source == tmp_path / "articlekit.toml"


def test_a_nearer_pyproject_with_the_table_beats_a_farther_articlekit_toml(tmp_path: Path) -> None:
    write(tmp_path / "articlekit.toml", 'ignore = ["AK853"]\n')
    write(tmp_path / "sub" / "pyproject.toml", '[tool.articlekit]\nselect = ["AK4"]\n')
    found = Config.discover(tmp_path / "sub" / "post.md")
    assert found.source == tmp_path / "sub" / "pyproject.toml"
    assert found.select == ("AK4",)


def test_no_file_gives_the_defaults(tmp_path: Path) -> None:
    found = Config.discover(tmp_path / "post.md")
    assert found.kind_for(tmp_path / "a.md") is None  # what a config works out does not change equality
    assert found.is_included(tmp_path / "a.md")
    assert found == Config.default() == Config()
    assert found.source is None
    assert Config.from_dict({}, root=tmp_path) != Config()  # globs relative to another folder


def test_a_config_pickles_for_worker_processes(tmp_path: Path) -> None:
    config = Config.load(write(tmp_path / "articlekit.toml", '[kinds]\n"c/**" = "course"\n'))
    assert config.kind_for(tmp_path / "c" / "a.md") is articlekit.Course
    back = pickle.loads(pickle.dumps(config))
    assert back == config
    assert back.source == config.source
    assert back.kind_for(tmp_path / "c" / "b.md") is articlekit.Course


def test_discovery_is_kept_per_folder_until_cleared(tmp_path: Path) -> None:
    config = write(tmp_path / "articlekit.toml", 'ignore = ["AK853"]\n')
    first = Config.discover(tmp_path / "a" / "x.md")
    assert Config.discover(tmp_path / "b" / "y.md") is first  # one object per file
    write(config, 'ignore = ["AK305"]\n')
    assert Config.discover(tmp_path / "a" / "x.md").ignore == ("AK853",)
    clear_discovery_cache()
    assert Config.discover(tmp_path / "a" / "x.md").ignore == ("AK305",)


def test_discovering_a_folder_starts_in_it(tmp_path: Path) -> None:
    write(tmp_path / "sub" / "articlekit.toml", "")
    assert Config.discover(tmp_path / "sub").source == tmp_path / "sub" / "articlekit.toml"


# --------------------------------------------------------------------------- reading and errors


def test_pyproject_is_read_from_its_table(tmp_path: Path) -> None:
    path = write(
        tmp_path / "pyproject.toml",
        '[tool.articlekit]\nignore = ["ak853"]\n[tool.articlekit.rules]\nmax-related = 3\n',
    )
    config = Config.load(path)
    assert config.ignore == ("AK853",)  # codes are kept in upper case
    assert config.rule_options.max_related == 3


def test_loading_a_pyproject_without_the_table_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path / "pyproject.toml", "[project]\nname = 'x'\n")
    with pytest.raises(ConfigError, match=r"has no \[tool.articlekit\] table") as info:
        Config.load(path)
    assert info.value.path == str(path)


def test_a_missing_file_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read"):
        Config.load(tmp_path / "nothing.toml")


def test_toml_syntax_errors_give_line_and_column(tmp_path: Path) -> None:
    path = write(
        tmp_path / "articlekit.toml", 'select = ["AK3"]\nignore = [\n"AK853",\nwarnings-as-errors == true\n'
    )
    with pytest.raises(ConfigError, match="is not valid TOML") as info:
        Config.load(path)
    assert info.value.line == 4
    assert info.value.column is not None
    assert str(info.value).startswith(f"{path}:4:")


BAD_CONFIGS = [
    # (file name, text, key as reported, needle that marks the reported position, message fragment)
    ("articlekit.toml", 'select = ["AK3"]\nselct = ["AK4"]\n', "selct", "selct", "did you mean 'select'"),
    (
        "articlekit.toml",
        "warnings-as-errors = 'yes'\n",
        "warnings-as-errors",
        "warnings-as-errors",
        "true or false",
    ),
    ("articlekit.toml", 'select = ["AK3", "XX1"]\n', "select[1]", '"XX1"', "not an issue code"),
    ("articlekit.toml", 'ignore = ["AK999"]\n', "ignore[0]", '"AK999"', "matches no issue code"),
    (
        "articlekit.toml",
        '[per-file-ignores]\n"_people/**" = ["AK305"]\n"../up/**" = ["AK305"]\n',
        'per-file-ignores."../up/**"',
        '"../up/**"',
        "cannot use '..'",
    ),
    ("articlekit.toml", 'include = ["**/*.md", "!x"]\n', "include[1]", '"!x"', "must not start with '!'"),
    (
        "articlekit.toml",
        '[kinds]\n"courses/**" = "corse"\n',
        'kinds."courses/**"',
        '"courses/**"',
        "did you mean 'course'",
    ),
    ("articlekit.toml", "[limits]\nmax-bytes = -1\n", "limits.max-bytes", "max-bytes", "0 or more"),
    (
        "articlekit.toml",
        "limits.max_bytes = 5\n",
        "limits.max_bytes",
        "max_bytes",
        "did you mean 'max-bytes'",
    ),
    (
        "articlekit.toml",
        "[rules]\nmax-related = 'many'\n",
        "rules.max-related",
        "max-related",
        "whole number",
    ),
    (
        "articlekit.toml",
        "per_file_ignores = {}\n",
        "per_file_ignores",
        "per_file_ignores",
        "per-file-ignores",
    ),
    ("articlekit.toml", "plugins = ['not a module']\n", "plugins[0]", "'not a module'", "not a module name"),
    (
        "pyproject.toml",
        '[project]\nname = "x"\n\n[tool.articlekit]\nselect = ["AK3"]\n\n'
        "[tool.articlekit.rules]\nmax-relatd = 3\n",
        "tool.articlekit.rules.max-relatd",
        "max-relatd",
        "did you mean 'max-related'",
    ),
    (
        "pyproject.toml",
        "[tool]\narticlekit.include = 3\n",
        "tool.articlekit.include",
        "include",
        "must be a list",
    ),
]


@pytest.mark.parametrize(("name", "text", "key", "needle", "fragment"), BAD_CONFIGS)
def test_a_bad_value_is_located_in_the_file(
    tmp_path: Path, name: str, text: str, key: str, needle: str, fragment: str
) -> None:
    path = write(tmp_path / name, text)
    with pytest.raises(ConfigError) as info:
        Config.load(path)
    error = info.value
    assert (error.line, error.column) == where(text, needle)
    assert error.key == key
    assert fragment in error.message
    assert str(error) == f"{path}:{error.line}:{error.column}: {key}: {error.message}"
    assert "pydantic" not in str(error)
    assert "Input should" not in str(error)


def test_discovery_reports_a_bad_file(tmp_path: Path) -> None:
    write(tmp_path / "articlekit.toml", "selct = []\n")
    with pytest.raises(ConfigError, match="selct"):
        Config.discover(tmp_path / "post.md")


def test_a_config_error_pickles() -> None:
    error = ConfigError("unknown key", path="a.toml", line=2, column=3, key="selct")
    back = pickle.loads(pickle.dumps(error))
    assert (type(back), str(back), back.key, back.line) == (ConfigError, str(error), "selct", 2)
    assert isinstance(back, articlekit.ArticleKitError)


def test_from_dict_raises_config_errors_too() -> None:
    with pytest.raises(ConfigError, match="unknown key") as info:
        Config.from_dict({"selct": []})
    assert info.value.path is None
    assert info.value.key == "selct"


# --------------------------------------------------------------------------- what applies to a path


def test_select_ignore_and_per_file_ignores(tmp_path: Path) -> None:
    config = Config.from_dict(
        {"select": ["AK3", "AK4"], "ignore": ["AK30"], "per-file-ignores": {"_people/**": ["AK4"]}},
        root=tmp_path,
    )
    assert config.is_selected("AK401")
    assert not config.is_selected("AK701")  # not selected
    assert not config.is_selected("AK305")  # ignored by prefix AK30
    assert not config.is_selected("AK401", tmp_path / "_people" / "x.md")
    assert config.is_selected("AK401", tmp_path / "_news" / "x.md")
    ignored = config.ignored_codes(tmp_path / "_people" / "x.md")
    assert ignored == {c for c in CODES if not config.is_selected(c, tmp_path / "_people" / "x.md")}
    assert "AK401" in ignored
    assert "AK401" not in config.ignored_codes(tmp_path / "x.md")


def test_kinds_by_glob_the_last_match_wins(tmp_path: Path) -> None:
    config = Config.from_dict(
        {"kinds": {"_learning/**": "Course", "_learning/collections/**": "collection", "*.news.md": "news"}},
        root=tmp_path,
    )
    assert config.kind_for(tmp_path / "_learning" / "x" / "a.md") is articlekit.Course
    assert config.kind_for(tmp_path / "_learning" / "collections" / "a.md") is articlekit.Collection
    assert config.kind_for(tmp_path / "deep" / "b.news.md") is articlekit.Article
    assert config.kind_for(tmp_path / "other" / "a.md") is None
    assert config.kind_for(tmp_path.parent / "_learning" / "a.md") is None  # outside the folder


class CustomKind(BaseModel):
    title: str


def test_kinds_may_name_a_model_class(tmp_path: Path) -> None:
    config = Config.from_dict({"kinds": {"x/**": f"{__name__}:CustomKind"}}, root=tmp_path)
    assert config.kind_for(tmp_path / "x" / "a.md") is CustomKind


def test_a_model_class_that_cannot_be_imported_is_a_located_config_error(tmp_path: Path) -> None:
    text = '[kinds]\n"x/**" = "no_such_module_here:Thing"\n'
    path = write(tmp_path / "articlekit.toml", text)
    config = Config.load(path)
    with pytest.raises(ConfigError, match="cannot import 'no_such_module_here'") as info:
        config.kind_for(tmp_path / "x" / "a.md")
    assert (info.value.line, info.value.column) == where(text, '"x/**"')
    with pytest.raises(ConfigError, match="not a pydantic model"):
        Config.from_dict({"kinds": {"**": "pathlib:Path"}}, root=tmp_path).kind_for(tmp_path / "a.md")


def test_include_and_exclude(tmp_path: Path) -> None:
    config = Config.from_dict(
        {"include": ["**/*.md", "**/*.mdx"], "exclude": ["drafts/", "*.tmp.md"]}, root=tmp_path
    )
    assert config.is_included(tmp_path / "a" / "b.mdx")
    assert not config.is_included(tmp_path / "a" / "b.txt")
    assert not config.is_included(tmp_path / "drafts" / "b.md")
    assert not config.is_included(tmp_path / "a" / "b.tmp.md")
    assert config.excludes("x/drafts", is_dir=True)
    assert not config.excludes("x/drafts")  # 'drafts/' names folders only
    assert Config().is_included("/anywhere/else/c.markdown")


def test_relative_paths(tmp_path: Path) -> None:
    config = Config.from_dict({}, root=tmp_path)
    assert config.relative(tmp_path / "a" / "b.md") == "a/b.md"
    assert config.relative(tmp_path) == "."
    assert config.relative(tmp_path.parent / "c.md") is None


def test_limits_and_rule_options(tmp_path: Path) -> None:
    config = Config.from_dict({"limits": {"max-bytes": 100, "max-depth": 5}, "rules": {"max-related": 2}})
    assert config.limits == articlekit.Limits(max_bytes=100, max_depth=5)
    assert config.rule_options == articlekit.RuleOptions(max_related=2)
    assert Config().limits == articlekit.DEFAULT_LIMITS


def test_the_limits_table_has_every_limit() -> None:
    assert {f.name for f in dataclasses.fields(articlekit.Limits)} == set(LimitsTable.model_fields)
    assert LimitsTable().to_limits() == articlekit.DEFAULT_LIMITS


def test_secured_key_file_is_relative_to_the_config(tmp_path: Path) -> None:
    pytest.importorskip("cryptography")
    key = bytes(range(16))
    (tmp_path / "keys").mkdir()
    (tmp_path / "keys" / "site.key").write_text(key.hex(), encoding="ascii")
    write(tmp_path / "articlekit.toml", 'secured-key-file = "keys/site.key"\n')
    config = Config.discover(tmp_path / "post.md")
    assert config.secured_key_path == tmp_path / "keys" / "site.key"
    assert config.secured_key() == key
    assert "keys/site.key" in config.to_display()
    assert key.hex() not in config.to_display()


def test_a_bad_key_file_is_located_at_its_key(tmp_path: Path) -> None:
    text = 'ignore = ["AK853"]\nsecured-key-file = "missing.key"\n'
    config = Config.load(write(tmp_path / "articlekit.toml", text))
    with pytest.raises(ConfigError, match="cannot read the key file") as info:
        config.secured_key()
    assert (info.value.line, info.value.column, info.value.key) == (2, 1, "secured-key-file")


def test_with_options_overrides_and_keeps_the_origin(tmp_path: Path) -> None:
    config = Config.load(
        write(tmp_path / "articlekit.toml", 'ignore = ["AK853"]\n[kinds]\n"c/**" = "course"\n')
    )
    changed = config.with_options(select=("AK3",), ignore=(*config.ignore, "AK305"))
    assert changed.select == ("AK3",)
    assert changed.ignore == ("AK853", "AK305")
    assert changed.source == config.source
    assert changed.root == config.root
    assert changed.kind_for(tmp_path / "c" / "x.md") is articlekit.Course
    with pytest.raises(ConfigError, match="not an issue code"):
        config.with_options(select=("nope",))


def test_to_display_shows_every_value_and_where_it_came_from(tmp_path: Path) -> None:
    text = 'ignore = ["AK853"]\n[kinds]\n"c/**" = "course"\n[limits]\nmax-bytes = 99\n'
    path = write(tmp_path / "articlekit.toml", text)
    shown = Config.load(path).to_display(tmp_path / "c" / "x.md")
    assert f"# configuration file: {path}" in shown
    assert f'ignore = ["AK853"]  # from {path}' in shown
    assert "select = []  # default" in shown
    assert f"max-bytes = 99  # from {path}" in shown
    assert "max-depth = 64  # default" in shown
    assert '#   kind: course (kinds "c/**")' in shown
    for field in Config.model_fields.values():
        assert (field.alias or "") in shown
    default = Config.default().to_display()
    assert "# configuration file: none (defaults)" in default
