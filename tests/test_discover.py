"""articlekit.discover.find_files: include, exclude, nested configurations and .gitignore."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from articlekit import Config
from articlekit.discover import find_files
from filetrees import tree

pytestmark = pytest.mark.usefixtures("fresh_discovery")


def found(root: Path, *paths: str, **kwargs: object) -> list[str]:
    """The files found under ``root`` (or ``paths`` in it), relative to ``root``, with '/'."""
    given = [str(root / p) for p in paths] or [str(root)]
    result = find_files(given, **kwargs)  # type: ignore[arg-type]
    assert result.problems == []
    return [Path(f).relative_to(root).as_posix() for f in result.files]


def test_default_include_and_excludes(tmp_path: Path) -> None:
    tree(
        tmp_path,
        {
            "a.md": "",
            "b.markdown": "",
            "c.mdx": "",
            "notes.txt": "",
            "README.md": "",
            "sub/CHANGELOG.md": "",
            "sub/d.md": "",
            ".hidden/e.md": "",
            "node_modules/pkg/f.md": "",
            "__pycache__/g.md": "",
        },
    )
    assert found(tmp_path) == ["a.md", "b.markdown", "sub/d.md"]
    everything = found(tmp_path, default_excludes=False)
    assert everything == [
        "README.md",
        "a.md",
        "b.markdown",
        ".hidden/e.md",
        "__pycache__/g.md",
        "node_modules/pkg/f.md",
        "sub/CHANGELOG.md",
        "sub/d.md",
    ]


def test_include_mdx_and_exclude_globs(tmp_path: Path) -> None:
    tree(
        tmp_path,
        {
            "articlekit.toml": 'include = ["**/*.md", "**/*.mdx"]\n'
            'exclude = ["drafts/", "*.tmp.md", "/top-only.md"]\n',
            "a.mdx": "",
            "b.md": "",
            "x.tmp.md": "",
            "top-only.md": "",
            "sub/top-only.md": "",
            "drafts/c.md": "",
            "sub/drafts/d.md": "",
        },
    )
    assert found(tmp_path) == ["a.mdx", "b.md", "sub/top-only.md"]


def test_each_folder_follows_its_nearest_configuration(tmp_path: Path) -> None:
    tree(
        tmp_path,
        {
            "articlekit.toml": 'exclude = ["old/"]\n',
            "a.md": "",
            "old/b.md": "",
            "site/articlekit.toml": 'include = ["**/*.mdx"]\n',
            "site/c.md": "",
            "site/d.mdx": "",
            "site/old/e.mdx": "",  # the site's configuration does not exclude old/
        },
    )
    assert found(tmp_path) == ["a.md", "site/d.mdx", "site/old/e.mdx"]
    # one configuration for everything (--config / --isolated): no file is looked for
    assert found(tmp_path, config=Config.default()) == ["a.md", "old/b.md", "site/c.md"]


def test_globs_are_relative_to_the_configuration_not_to_the_folder_given(tmp_path: Path) -> None:
    tree(
        tmp_path,
        {
            "articlekit.toml": 'exclude = ["/content/drafts/"]\n',
            "content/drafts/a.md": "",
            "content/b.md": "",
        },
    )
    assert found(tmp_path, "content") == ["content/b.md"]


def test_gitignore_in_a_repository(tmp_path: Path) -> None:
    tree(
        tmp_path,
        {
            ".git/HEAD": "ref: refs/heads/main\n",
            ".gitignore": "build/\n*.draft.md\n",
            "a.md": "",
            "a.draft.md": "",
            "build/b.md": "",
            "content/.gitignore": "!keep.draft.md\nlocal/\n",
            "content/keep.draft.md": "",
            "content/other.draft.md": "",
            "content/local/c.md": "",
            "content/d.md": "",
        },
    )
    assert found(tmp_path) == ["a.md", "content/d.md", "content/keep.draft.md"]
    # walking a sub-folder still honours the .gitignore files above it, up to the repository's top
    assert found(tmp_path, "content") == ["content/d.md", "content/keep.draft.md"]


def test_respect_gitignore_false(tmp_path: Path) -> None:
    tree(
        tmp_path,
        {
            ".git/HEAD": "",
            ".gitignore": "*.draft.md\n",
            "articlekit.toml": "respect-gitignore = false\n",
            "a.md": "",
            "a.draft.md": "",
        },
    )
    assert found(tmp_path) == ["a.draft.md", "a.md"]


def test_outside_a_repository_only_the_walked_folders_gitignore_count(tmp_path: Path) -> None:
    tree(
        tmp_path,
        {
            ".gitignore": "*.draft.md\n",
            "site/a.md": "",
            "site/a.draft.md": "",
            "site/.gitignore": "x.md\n",
            "site/x.md": "",
        },
    )
    assert found(tmp_path, "site") == ["site/a.draft.md", "site/a.md"]
    assert found(tmp_path) == ["site/a.md"]


def test_files_named_explicitly_are_always_checked(tmp_path: Path) -> None:
    tree(
        tmp_path,
        {".git/HEAD": "", ".gitignore": "*.draft.md\n", "README.md": "", "a.draft.md": "", "n.txt": ""},
    )
    assert found(tmp_path, "README.md", "a.draft.md", "n.txt") == ["README.md", "a.draft.md", "n.txt"]


def test_extra_excludes_are_relative_to_the_folder_given(tmp_path: Path) -> None:
    tree(tmp_path, {"a.md": "", "sub/b.md": "", "sub/c.md": "", "other/sub/d.md": ""})
    assert found(tmp_path, exclude=["c.md", "/sub/"]) == ["a.md", "other/sub/d.md"]


def test_each_file_once_and_missing_paths(tmp_path: Path) -> None:
    tree(tmp_path, {"a.md": "", "sub/b.md": ""})
    result = find_files([tmp_path, tmp_path / "sub", tmp_path / "a.md", tmp_path / "nothing"])
    assert [Path(f).relative_to(tmp_path).as_posix() for f in result.files] == ["a.md", "sub/b.md"]
    assert result.problems == [(str(tmp_path / "nothing"), "No such file or directory")]


def test_paths_are_shown_as_given(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tree(tmp_path, {"a.md": "", "sub/b.md": ""})
    monkeypatch.chdir(tmp_path)
    assert find_files(["."]).files == ["a.md", str(Path("sub") / "b.md")]
    assert find_files(["./sub"]).files == [os.path.join("./sub", "b.md")]


def test_a_bad_configuration_is_reported(tmp_path: Path) -> None:
    from articlekit import ConfigError

    tree(tmp_path, {"articlekit.toml": "includ = []\n", "a.md": ""})
    with pytest.raises(ConfigError, match="includ"):
        find_files([tmp_path])
