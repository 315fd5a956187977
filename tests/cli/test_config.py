"""The command line with configuration files: the CLI and the API over the same small repositories agree.

Each test builds a repository in a temporary folder, runs the real command
line (`articlekit.cli.run`, and a subprocess where the process matters) and
compares what it reports with `articlekit.check_file` over the files
`articlekit.discover.find_files` lists.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import articlekit
from articlekit import Config
from articlekit.cli import run
from articlekit.config import clear_discovery_cache
from articlekit.discover import find_files
from filetrees import tree

NEWS = '---\ncategory: news\ntitle: "Hi"\nlegacyId: 7\n---\nBody\n'
"""A news item with AK301 (x2), AK702 (errors) and AK305 (a warning, on line 4)."""
COURSE = "---\ntitle: Intro\n---\n"
"""A course without its `type`: of no known kind unless a `kinds` entry says what it is."""
DOC = "---\ntitle: Installing\nnav_order: 2\n---\n# Installing\n"
"""A documentation page: no category, type or taxonomy."""


pytestmark = pytest.mark.usefixtures("fresh_discovery")


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[dict[str, object]], str]:
    """Run `check --format json` with `args`: the status, the issues and standard error."""
    status = run(["check", "--format", "json", "-q", *args])
    captured = capsys.readouterr()
    return status, json.loads(captured.out or "[]"), captured.err


def api(*paths: Path, config: Config | None = None, **kwargs: object) -> list[dict[str, object]]:
    """What the API reports for the files `find_files` lists under `paths`, shaped like the JSON output."""
    rows = []
    for name in find_files([str(p) for p in paths], config=config).files:
        for issue in articlekit.check_file(name, config=config, **kwargs):  # type: ignore[arg-type]
            rows.append(
                {
                    "path": name,
                    "line": issue.line,
                    "column": issue.column,
                    "code": issue.code,
                    "severity": issue.severity,
                    "message": issue.message,
                    "key_path": list(issue.path),
                }
            )
    return sorted(rows, key=lambda r: (r["path"], r["line"], r["column"], r["code"], r["message"]))  # type: ignore[return-value]


def codes_by_file(rows: list[dict[str, object]], root: Path) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for row in rows:
        rel = Path(str(row["path"])).relative_to(root).as_posix()
        out.setdefault(rel, []).append(str(row["code"]))
    return {k: sorted(v) for k, v in out.items()}


def normalised(rows: list[dict[str, object]]) -> list[dict[str, object]]:
    return sorted(rows, key=lambda r: (r["path"], r["line"], r["column"], r["code"], r["message"]))  # type: ignore[return-value]


# --------------------------------------------------------------------------- a repository


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """Nested configurations, pyproject.toml, .gitignore, kinds by glob and per-file ignores."""
    return tree(
        tmp_path,
        {
            ".git/HEAD": "ref: refs/heads/main\n",
            ".gitignore": "drafts/\n",
            "articlekit.toml": 'ignore = ["AK702"]\n'
            '[per-file-ignores]\n"_people/**" = ["AK305"]\n'
            '[kinds]\n"courses/**" = "course"\n',
            "news.md": NEWS,
            "_people/ada.md": NEWS,
            "courses/intro.md": COURSE,
            "drafts/wip.md": NEWS,  # .gitignored
            "docs/page.md": DOC,
            # a pyproject.toml with [tool.articlekit] is a configuration (the nearest wins)
            "py/pyproject.toml": '[project]\nname = "x"\n[tool.articlekit]\nselect = ["AK3"]\n'
            'include = ["**/*.md", "**/*.mdx"]\n',
            "py/a.md": NEWS,
            "py/b.mdx": NEWS,
            # one without the table is passed over: the root's configuration applies
            "plain/pyproject.toml": '[project]\nname = "y"\n',
            "plain/c.md": NEWS,
            "plain/d.mdx": NEWS,  # not included by the root's configuration
            # articlekit.toml wins over pyproject.toml in the same folder
            "both/articlekit.toml": 'select = ["AK305"]\n',
            "both/pyproject.toml": '[tool.articlekit]\nselect = ["AK301"]\n',
            "both/e.md": NEWS,
            "dot/.articlekit.toml": 'ignore = ["AK301"]\n',
            "dot/f.md": NEWS,
        },
    )


def test_the_cli_and_the_api_agree_on_a_repository(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, issues, err = cli(capsys, str(repo))
    assert status == 1, err
    assert normalised(issues) == api(repo)
    found = codes_by_file(issues, repo)
    assert found == {
        "news.md": ["AK301", "AK301", "AK305"],  # AK702 ignored by the root's configuration
        "_people/ada.md": ["AK301", "AK301"],  # and AK305 by its per-file-ignores
        "courses/intro.md": ["AK301"],  # validated as a course (its 'type' is missing)
        "docs/page.md": ["AK901"],  # of no known kind: one error
        "py/a.md": ["AK301", "AK301", "AK305"],  # select = AK3, and .mdx included there
        "py/b.mdx": ["AK301", "AK301", "AK305"],
        "plain/c.md": ["AK301", "AK301", "AK305"],  # the root's configuration, d.mdx not included
        "both/e.md": ["AK305"],  # articlekit.toml, not pyproject.toml
        "dot/f.md": ["AK305", "AK702"],  # .articlekit.toml
    }


def test_parallel_workers_use_each_files_configuration(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = {"articlekit.toml": 'ignore = ["AK702"]\n[per-file-ignores]\n"b/**" = ["AK305"]\n'}
    files.update({f"a/{n:03}.md": NEWS for n in range(40)})
    files.update({f"b/{n:03}.md": NEWS for n in range(40)})
    files["c/articlekit.toml"] = 'select = ["AK305"]\n'
    files.update({f"c/{n:03}.md": NEWS for n in range(10)})
    tree(tmp_path, files)
    one = cli(capsys, str(tmp_path), "-j", "1")
    several = cli(capsys, str(tmp_path), "-j", "3")  # 90 files: worker processes check most of them
    assert one[:2] == several[:2]
    assert normalised(one[1]) == api(tmp_path)
    found = codes_by_file(one[1], tmp_path)
    assert found["b/000.md"] == ["AK301", "AK301"]
    assert found["c/009.md"] == ["AK305"]


def test_config_uses_one_file_and_isolated_uses_none(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    other = repo / "ci.toml"
    other.write_text('select = ["AK305"]\n', encoding="utf-8")
    status, issues, _ = cli(capsys, str(repo), "--config", str(other))
    assert status == 0  # only warnings
    assert normalised(issues) == api(repo, config=Config.load(other))
    assert {row["code"] for row in issues} == {"AK305"}
    assert "py/b.mdx" not in codes_by_file(issues, repo)  # its folder's include does not apply either

    status, issues, _ = cli(capsys, str(repo), "--isolated")
    assert status == 1
    assert normalised(issues) == api(repo, config=Config.default())
    found = codes_by_file(issues, repo)
    assert found["news.md"] == ["AK301", "AK301", "AK305", "AK702"]
    assert found["courses/intro.md"] == ["AK901"]
    assert "drafts/wip.md" not in found  # .gitignore still counts: it is not a configuration

    assert run(["check", str(repo), "--config", str(other), "--isolated"]) == 2
    assert "not allowed with argument" in capsys.readouterr().err


def test_select_replaces_and_ignore_adds_to_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tree(tmp_path, {"articlekit.toml": 'select = ["AK3", "AK7"]\nignore = ["AK702"]\n', "a.md": NEWS})
    _, issues, _ = cli(capsys, str(tmp_path), "--select", "AK7")  # replaces: AK3 is not selected now
    assert issues == []  # ... and the file's ignore of AK702 still holds
    _, issues, _ = cli(capsys, str(tmp_path), "--ignore", "AK305")  # adds to the file's ignore
    assert [row["code"] for row in issues] == ["AK301", "AK301"]
    _, issues, _ = cli(capsys, str(tmp_path), "--select", "AK305,AK702")
    assert [row["code"] for row in issues] == ["AK305"]
    config = Config.discover(tmp_path / "a.md").with_options(select=("AK305", "AK702"))
    assert normalised(issues) == api(tmp_path, config=config)


def test_kind_overrides_kinds(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = repo / "courses" / "intro.md"
    _, issues, _ = cli(capsys, str(path), "--kind", "video")
    assert normalised(issues) == normalised(
        [
            {**row, "path": str(path)}
            for row in api(path, kind=articlekit.Video)  # check_file: kind= wins over kinds too
        ]
    )
    assert "AK901" not in {row["code"] for row in issues}
    assert any("'secured'" in str(row["message"]) for row in issues)  # a video's required key


def test_warnings_as_errors_from_the_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    tree(tmp_path, {"articlekit.toml": 'select = ["AK305"]\nwarnings-as-errors = true\n', "a.md": NEWS})
    status, issues, _ = cli(capsys, str(tmp_path))
    assert status == 1
    assert [(row["code"], row["severity"]) for row in issues] == [("AK305", "error")]
    assert normalised(issues) == api(tmp_path)


def test_secured_key_file_from_the_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    tree(tmp_path, {"articlekit.toml": 'secured-key-file = "missing.key"\n', "a.md": NEWS})
    status = run(["check", str(tmp_path), "-q"])
    err = capsys.readouterr().err
    assert status == 2
    assert f"{tmp_path / 'articlekit.toml'}:1:1: secured-key-file: " in err
    assert "Traceback" not in err
    assert run(["check", str(tmp_path), "-q", "--isolated"]) == 1  # the file is not read then


# --------------------------------------------------------------------------- a bad configuration


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ('ignore = ["AK702"]\nselct = ["AK3"]\n', "2:1: selct: unknown key (did you mean 'select'?)"),
        ('select = "AK3"\n', "1:1: select: must be a list"),
        ('[kinds]\n"x/**" = "podcast"\n', "2:1: kinds.\"x/**\": 'podcast' is not a kind"),
        ('ignore = ["AK1"]\nb = = 2\n', "2:5: is not valid TOML"),
    ],
)
def test_a_bad_configuration_is_exit_2_with_its_line_and_column(
    tmp_path: Path, text: str, where: str
) -> None:
    tree(tmp_path, {"content/articlekit.toml": text, "content/a.md": NEWS})
    config = tmp_path / "content" / "articlekit.toml"
    for command in (["check"], ["format", "--check"], ["convert"], ["config"]):
        done = subprocess.run(
            [sys.executable, "-m", "articlekit", *command, str(tmp_path / "content")],
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 2, (command, done.stderr)
        first = done.stderr.splitlines()[0]
        assert first.startswith(f"{config}:{where}"), (command, first)
        assert "Traceback" not in done.stderr
        assert done.stdout in ("", "[]\n")
    with pytest.raises(articlekit.ConfigError) as raised:
        articlekit.check_file(tmp_path / "content" / "a.md")
    assert str(raised.value).startswith(f"{config}:{where}")


def test_config_names_a_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    tree(tmp_path, {"a.md": NEWS})
    assert run(["check", str(tmp_path), "--config", str(tmp_path / "nope.toml")]) == 2
    assert "--config" in capsys.readouterr().err


# --------------------------------------------------------------------------- articlekit config


def test_config_command_shows_the_effective_settings(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["config", str(repo / "_people" / "ada.md")]) == 0
    out = capsys.readouterr().out
    assert out == Config.discover(repo / "_people" / "ada.md").to_display(str(repo / "_people" / "ada.md"))
    assert f"# configuration file: {repo / 'articlekit.toml'}" in out
    assert "#   per-file-ignores: AK305" in out
    assert f'ignore = ["AK702"]  # from {repo / "articlekit.toml"}' in out
    assert "max-related = 20  # default" in out

    assert run(["config", str(repo / "courses" / "intro.md")]) == 0
    assert '#   kind: course (kinds "courses/**")' in capsys.readouterr().out

    assert run(["config", str(repo / "py")]) == 0
    out = capsys.readouterr().out
    assert f"# configuration file: {repo / 'py' / 'pyproject.toml'}" in out
    assert 'select = ["AK3"]' in out
    assert "# for the file" not in out

    assert run(["config", str(repo / "news.md"), "--isolated"]) == 0
    out = capsys.readouterr().out
    assert "# configuration file: none (defaults)" in out
    assert "ignore = []  # default" in out

    other = repo / "ci.toml"
    other.write_text("warnings-as-errors = true\n", encoding="utf-8")
    assert run(["config", "--config", str(other)]) == 0
    assert f"warnings-as-errors = true  # from {other}" in capsys.readouterr().out

    assert run(["config", str(repo / "nope.md")]) == 2
    assert "No such file" in capsys.readouterr().err


def test_config_command_defaults_to_the_current_folder(
    repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(repo / "dot")
    assert run(["config"]) == 0
    assert f"# configuration file: {repo / 'dot' / '.articlekit.toml'}" in capsys.readouterr().out


# --------------------------------------------------------------------------- files of no known kind


def test_a_file_of_no_known_kind_gets_one_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    tree(tmp_path, {"docs/page.md": DOC, "docs/empty.md": "---\n---\n"})
    status, issues, _ = cli(capsys, str(tmp_path))
    assert status == 1
    assert [(Path(str(r["path"])).name, r["code"], r["line"]) for r in issues] == [
        ("empty.md", "AK901", 1),
        ("page.md", "AK901", 2),
    ]
    message = str(issues[1]["message"])
    assert "'category', 'type' and 'taxonomy'" in message
    assert normalised(issues) == api(tmp_path)
    # a kinds entry (or --kind) says what such a file is: it is then validated as that kind
    (tmp_path / "articlekit.toml").write_text('[kinds]\n"docs/**" = "course"\n', encoding="utf-8")
    clear_discovery_cache()
    _, issues, _ = cli(capsys, str(tmp_path / "docs" / "page.md"))
    assert [r["code"] for r in issues] == ["AK301", "AK305"]  # no 'type'; an unknown key
    _, issues, _ = cli(capsys, str(tmp_path / "docs" / "page.md"), "--kind", "article")
    assert "AK901" not in {r["code"] for r in issues}


def test_format_and_convert_follow_the_configuration(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tree(
        tmp_path,
        {
            "articlekit.toml": 'exclude = ["skip/"]\nselect = ["AK9"]\n[kinds]\n"docs/**" = "course"\n',
            "docs/page.md": "---\ntitle:   Intro\n---\n",
            "skip/x.md": "---\ntype: course\ntitle:   Intro\n---\n",
            "c.md": "---\ntype: course\ntitle: Intro\nextra: 1\n---\n",
        },
    )
    assert run(["format", "--check", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert f"would reformat {tmp_path / 'c.md'}" in err
    assert "the required key 'type' is missing" in err  # docs/page.md is a course, by the kinds entry
    assert "skip" not in err  # excluded
    assert run(["format", "--check", str(tmp_path), "--isolated"]) == 1
    err = capsys.readouterr().err
    assert "no known kind" in err
    assert f"would reformat {tmp_path / 'skip' / 'x.md'}" in err

    def converted(*args: str) -> tuple[int, list[str]]:
        status = run(["convert", str(tmp_path), "--to", "jsonl", "--validate", *args])
        records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
        return status, sorted(Path(r["path"]).name for r in records)

    assert converted() == (0, ["c.md", "page.md"])  # a course, and only AK9xx codes are selected
    assert converted("--isolated") == (1, ["c.md", "x.md"])  # page.md: no known kind


# --------------------------------------------------------------------------- finding files


def test_include_fast_path_matches_the_globs(tmp_path: Path) -> None:
    """The default include (and `*.EXT` globs) are matched by suffix: the same files as the globs."""
    names = ["a.md", "b.markdown", "c.MD", ".md", "d.md.txt", "e.mdx", "sub/f.md", "sub/g.markdown.bak"]
    tree(tmp_path, dict.fromkeys(names, ""))
    fast = find_files(
        [tmp_path], config=Config.from_dict({"include": ["**/*.md", "*.markdown"]}, root=tmp_path)
    )
    slow = find_files(  # a glob the fast path does not take: every name goes through the compiled globs
        [tmp_path],
        config=Config.from_dict({"include": ["**/*.md", "*.markdown", "nothing/[ab].x"]}, root=tmp_path),
        default_excludes=True,
    )
    assert fast.files == slow.files
    assert [Path(f).relative_to(tmp_path).as_posix() for f in fast.files] == [
        ".md",
        "a.md",
        "b.markdown",
        "sub/f.md",
    ]


def test_folders_with_nothing_to_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    tree(
        tmp_path, {"a/notes.txt": "", "b/x.md": NEWS, "articlekit.toml": 'exclude = ["c/"]\n', "c/y.md": NEWS}
    )
    assert find_files([tmp_path / "a", tmp_path / "b"]).empty == [str(tmp_path / "a")]
    assert run(["check", str(tmp_path / "c"), "-q"]) == 2  # a folder given is searched, its files excluded
    assert "no files to check under" in capsys.readouterr().err


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_linked_folders_are_not_searched(tmp_path: Path) -> None:
    tree(tmp_path, {"real/a.md": ""})
    (tmp_path / "link").symlink_to(tmp_path / "real", target_is_directory=True)
    assert [Path(f).relative_to(tmp_path).as_posix() for f in find_files([tmp_path]).files] == ["real/a.md"]
