"""`articlekit.cli.discovery.Configs.for_files`: each file's configuration, looked up once per folder.

The shortcut (a path that is the previous path's folder plus a name has the
previous path's configuration) must give exactly what `for_file` gives for
every path, whatever the order and spelling of the paths.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from articlekit import Config
from articlekit.cli.discovery import Configs, find
from filetrees import tree

pytestmark = pytest.mark.usefixtures("fresh_discovery")


@pytest.fixture
def nested(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Folders whose names share a prefix ('a', 'ab', 'a/b'), each with its own configuration."""
    tree(
        tmp_path,
        {
            "articlekit.toml": 'ignore = ["AK702"]\n',
            "top.md": "",
            "a/articlekit.toml": 'select = ["AK3"]\n',
            "a/x.md": "",
            "a/y.md": "",
            "a/b/articlekit.toml": 'select = ["AK305"]\n',
            "a/b/z.md": "",
            "ab/articlekit.toml": 'ignore = ["AK301"]\n',
            "ab/w.md": "",
            "plain/v.md": "",  # no configuration of its own: the top folder's
        },
    )
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _by_file(configs: Configs, paths: list[str]) -> list[Config]:
    return [configs.for_file(path) for path in paths]


def _same(left: list[Config], right: list[Config]) -> bool:
    return len(left) == len(right) and all(a is b for a, b in zip(left, right, strict=True))


ORDERS = [
    # a deeper folder after its parent: the parent's prefix matches, but the rest has a separator
    ["a/x.md", "a/b/z.md", "a/y.md"],
    # a sibling whose name starts with the previous folder's name
    ["a/x.md", "ab/w.md", "a/y.md"],
    # the current folder (no separator at all), then folders, then back
    ["top.md", "a/x.md", "top.md", "plain/v.md", "top.md"],
    ["./top.md", "./a/x.md", "./a/b/z.md", "top.md"],
    # doubled separators and a folder spelled with a trailing separator
    ["a//x.md", "a/x.md", "a/b//z.md", "a//b/z.md"],
]


@pytest.mark.parametrize("paths", ORDERS)
def test_for_files_gives_each_files_own_configuration(nested: Path, paths: list[str]) -> None:
    by_file = _by_file(Configs(), paths)
    assert _same(Configs().for_files(paths), by_file)
    # the configurations do differ between those folders: a wrong shortcut would show
    assert len({id(c) for c in by_file}) > 1


def test_for_files_with_absolute_paths(nested: Path) -> None:
    paths = [
        os.path.join(str(nested), *name.split("/")) for name in ("a/x.md", "a/b/z.md", "ab/w.md", "top.md")
    ]
    configs = Configs()
    found = configs.for_files(paths)
    assert _same(found, _by_file(configs, paths))
    assert [c.select for c in found] == [("AK3",), ("AK305",), found[3].select, found[3].select]
    assert found[2].ignore == ("AK301",)


def test_for_files_over_what_find_lists(nested: Path) -> None:
    files = find(["."], [], True).files
    assert files == ["top.md", "a/x.md", "a/y.md", "a/b/z.md", "ab/w.md", "plain/v.md"]
    configs = Configs()
    found = configs.for_files(files)
    assert _same(found, _by_file(Configs(), files))  # a fresh Configs: nothing shared but the cache
    assert [c.select for c in found[1:4]] == [("AK3",), ("AK3",), ("AK305",)]
    assert found[0] is found[5]  # 'plain' has the top folder's configuration


def test_for_files_puts_select_and_ignore_on_top_once_per_configuration(nested: Path) -> None:
    configs = Configs(select=("AK8",), ignore=("AK853",))
    paths = ["a/x.md", "a/y.md", "ab/w.md", "a/b/z.md", "a/x.md"]
    found = configs.for_files(paths)
    assert _same(found, _by_file(configs, paths))
    assert all(c.select == ("AK8",) for c in found)
    assert found[2].ignore == ("AK301", "AK853")
    assert found[0] is found[1] is found[4]
    assert len(configs.distinct(found)) == 3


def test_for_files_with_one_configuration_for_everything(nested: Path) -> None:
    configs = Configs(isolated=True, ignore=("AK305",))
    found = configs.for_files(["a/x.md", "ab/w.md", "top.md"])
    assert len(found) == 3
    assert found[0] is found[1] is found[2]
    assert found[0].ignore == ("AK305",)
    assert configs.for_files([]) == []


def test_distinct_keeps_the_order_first_seen(nested: Path) -> None:
    configs = Configs()
    a, ab, top = (configs.for_file(p) for p in ("a/x.md", "ab/w.md", "top.md"))
    assert configs.distinct([ab, a, ab, top, a]) == [ab, a, top]
