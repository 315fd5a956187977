"""`articlekit.discover.find_files`: every filter at once in one folder, and the order of what is kept.

The walk filters a folder's names a filter at a time over the whole list, then
sorts what is left: the result must be what each name's own tests say, sorted,
whatever the filters and whether duplicates are looked for (several paths).
"""

from __future__ import annotations

from pathlib import Path

from articlekit.config import clear_discovery_cache
from articlekit.discover import find_files
from filetrees import tree


def _names(files: list[str], root: Path) -> list[str]:
    return [Path(name).relative_to(root).as_posix() for name in files]


def test_every_filter_in_one_folder(tmp_path: Path) -> None:
    clear_discovery_cache()
    names = ["z.md", "b.md", "a.markdown", "c.txt", "README.md", "LICENSE.markdown", "skip-1.md"]
    names += ["drop.md", "gone.md", "kept-by-negation.md", "kept-out.md", "Readme.md", "m.MD"]
    files = {f"f/{name}": "" for name in names}
    files["f/.gitignore"] = "gone.md\nkept-*.md\n!kept-by-negation.md\n"
    files["articlekit.toml"] = 'exclude = ["f/drop.md"]\n'
    tree(tmp_path, files)
    found = find_files([str(tmp_path)], exclude=["f/skip-*"])
    assert _names(found.files, tmp_path) == [
        "f/Readme.md",  # the default excludes are case-sensitive prefixes (README.)
        "f/a.markdown",
        "f/b.md",
        "f/kept-by-negation.md",
        "f/z.md",
    ]
    # two paths: duplicates are looked for; the same files, each once, in the same order
    twice = find_files([str(tmp_path), str(tmp_path)], exclude=["f/skip-*"])
    assert twice.files == found.files
    # --exclude is relative to each folder given: from f/ itself, 'f/skip-*' does not match
    inner = find_files([str(tmp_path), str(tmp_path / "f")], exclude=["f/skip-*"])
    assert inner.files == [*found.files, str(tmp_path / "f" / "skip-1.md")]
    everything = find_files([str(tmp_path)], default_excludes=False)
    assert _names(everything.files, tmp_path) == [
        "f/LICENSE.markdown",
        "f/README.md",
        "f/Readme.md",
        "f/a.markdown",
        "f/b.md",
        "f/kept-by-negation.md",
        "f/skip-1.md",
        "f/z.md",
    ]


def test_include_globs_that_are_not_suffixes(tmp_path: Path) -> None:
    clear_discovery_cache()
    tree(
        tmp_path,
        {
            "articlekit.toml": 'include = ["posts/*.md", "**/*.txt"]\nexclude = ["posts/b.md"]\n',
            "posts/c.md": "",
            "posts/b.md": "",
            "posts/a.txt": "",
            "posts/README.txt": "",
            "other/d.md": "",
            "other/e.txt": "",
        },
    )
    found = find_files([str(tmp_path)])
    assert _names(found.files, tmp_path) == ["other/e.txt", "posts/a.txt", "posts/c.md"]
    clear_discovery_cache()
