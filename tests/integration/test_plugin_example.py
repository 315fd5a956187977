"""The example plugin (`examples/plugin/`), installed into a fresh virtual environment.

One module-scoped fixture makes a virtual environment without pip whose
dependencies come from this interpreter's site-packages and whose `articlekit`
is this checkout's `src/` (both through a `.pth` file, so no network is
needed), and installs a copy of `examples/plugin` into it with
`pip install --no-deps --no-build-isolation`.  Everything else runs there, in
subprocesses: the command line (`python -m articlekit`) and the API.  A broken
plugin is an installed distribution too: a `.dist-info` folder with an
`entry_points.txt`, put on `PYTHONPATH` for the tests that want it (it would
break every other test of the environment).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import textwrap
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import EXAMPLES, ROOT

PLUGIN = EXAMPLES / "plugin"
TIMEOUT = 300

# about 30 subprocesses and a pip install: tens of seconds, so with the packaging tests' slow ones
pytestmark = pytest.mark.skipif(
    not os.environ.get("ARTICLEKIT_SLOW_TESTS"),
    reason="installs a plugin in a fresh venv: ARTICLEKIT_SLOW_TESTS=1",
)

RECIPE = """\
---
type: recipe
title: "Pancakes"
servings: 4
publishedDateTime: 2024-05-01T08:00:00Z
---
Mix, rest, fry.
"""
NEWS = """\
---
category: news
title: "Key ALM updates"
publishedDateTime: 2021-03-25T08:00:00Z
webUrl: "https://example.com/news/key-alm-updates"
type: article
editor: "Ada"

secured: "AAAAAAAAAAAAAAAAAAAAAA==;AAAAAAAAAAAAAAAAAAAAAA=="
---
"""


@dataclass(frozen=True)
class Env:
    """The fresh environment: its interpreter, and a folder for the broken plugin."""

    python: Path
    broken: Path  # a folder holding an installed-looking distribution whose module raises


def _clean_env(**extra: str) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP", "VIRTUAL_ENV"}
        and not k.startswith("ARTICLEKIT_")
    }
    env["PYTHONNOUSERSITE"] = "1"
    env["NO_COLOR"] = "1"
    env.update(extra)
    return env


def _run(
    args: Sequence[str | Path], *, cwd: Path, env: Mapping[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(a) for a in args],
        cwd=cwd,
        env=dict(env) if env is not None else _clean_env(),
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )


def _ok(proc: subprocess.CompletedProcess[str]) -> str:
    assert proc.returncode == 0, f"exit {proc.returncode}\n{proc.stdout}\n{proc.stderr}"
    return proc.stdout


@pytest.fixture(scope="module")
def venv(tmp_path_factory: pytest.TempPathFactory) -> Env:
    base = tmp_path_factory.mktemp("plugin-example")
    where = base / "venv"
    _ok(_run([sys.executable, "-m", "venv", "--without-pip", where], cwd=base))
    python = where / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    site = _ok(_run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], cwd=base))
    ours = sysconfig.get_paths()
    lines = dict.fromkeys([str(ROOT / "src"), ours["purelib"], ours["platlib"]])  # this checkout first
    (Path(site.strip()) / "_articlekit_test_dependencies.pth").write_text(
        "".join(f"{p}\n" for p in lines), encoding="utf-8"
    )
    # a copy: building in place would leave build/ and *.egg-info in the checkout
    source = base / "plugin"
    shutil.copytree(PLUGIN, source, ignore=shutil.ignore_patterns("build", "*.egg-info", "__pycache__"))
    install = [sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "--no-index"]
    install += ["--no-build-isolation", "--disable-pip-version-check", "--quiet", source]
    _ok(_run(install, cwd=base))
    broken = base / "broken-site"
    info = broken / "articlekit_broken-0.1.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: articlekit-broken\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text("[articlekit.plugins]\nbroken = articlekit_broken\n")
    (broken / "articlekit_broken.py").write_text(
        "import articlekit\n\nraise RuntimeError('the oven is cold')\n"
    )
    return Env(python, broken)


def _cli(venv: Env, *args: str | Path, cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return _run([venv.python, "-m", "articlekit", *args], cwd=cwd, env=_clean_env(**env))


def _issues(proc: subprocess.CompletedProcess[str]) -> list[tuple[str, str]]:
    """(file name, code) of each issue of `check --format json`."""
    return sorted((Path(i["path"]).name, i["code"]) for i in json.loads(proc.stdout))


def test_the_plugin_is_loaded_from_its_distribution(venv: Env, tmp_path: Path) -> None:
    listed = json.loads(_ok(_cli(venv, "plugins", "--json", cwd=tmp_path)))
    assert listed == [
        {
            "name": "recipes",
            "value": "articlekit_recipes",
            "distribution": "articlekit-recipes",
            "version": "0.1.0",
            "config": None,
            "kinds": ["recipe", "edited-article"],
            "codes": ["RX101"],
            "rules": ["articlekit_recipes.rules.servings_range"],
        }
    ]
    text = _ok(_cli(venv, "plugins", cwd=tmp_path))
    assert "recipes = articlekit_recipes  (from distribution articlekit-recipes 0.1.0)" in text
    assert "  codes: RX101" in text


def test_detection_the_rule_and_the_subclass_from_the_command_line(venv: Env, tmp_path: Path) -> None:
    (tmp_path / "good.md").write_text(RECIPE, encoding="utf-8")
    (tmp_path / "none.md").write_text(RECIPE.replace("servings: 4", "servings: 0"), encoding="utf-8")
    (tmp_path / "news.md").write_text(NEWS, encoding="utf-8")
    proc = _cli(venv, "check", "--format", "json", ".", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    # the recipes are recognised; the news item's `editor` is a field of EditedArticle, not an unknown key
    assert _issues(proc) == [("none.md", "RX101")]
    message = json.loads(proc.stdout)[0]
    assert (message["line"], message["column"], message["key_path"]) == (4, 11, ["servings"])
    sarif = json.loads(_cli(venv, "check", "--format", "sarif", ".", cwd=tmp_path).stdout)
    rules = {r["id"]: r for r in sarif["runs"][0]["tool"]["driver"]["rules"]}
    assert rules["RX101"]["name"] == "servings-range"


def test_kind_option_config_kinds_and_rule_options(venv: Env, tmp_path: Path) -> None:
    untyped = RECIPE.replace("type: recipe\n", "").replace("servings: 4", "servings: 20")
    (tmp_path / "recipes").mkdir()
    (tmp_path / "recipes" / "stew.md").write_text(untyped, encoding="utf-8")
    # without a kind, the file names none: AK901
    assert _issues(_cli(venv, "check", "--format", "json", "--isolated", ".", cwd=tmp_path)) == [
        ("stew.md", "AK901")
    ]
    assert _cli(venv, "check", "--isolated", "--kind", "recipe", ".", cwd=tmp_path).returncode == 0
    (tmp_path / "articlekit.toml").write_text(
        'kinds = { "recipes/**" = "recipe" }\n\n[rules.RX101]\nmost = 12\n', encoding="utf-8"
    )
    proc = _cli(venv, "check", "--format", "json", ".", cwd=tmp_path)
    assert _issues(proc) == [("stew.md", "RX101")]
    assert "a recipe serves 1 to 12" in json.loads(proc.stdout)[0]["message"]


def test_select_and_a_suppression_comment(venv: Env, tmp_path: Path) -> None:
    text = (
        RECIPE.replace("servings: 4", "servings: 0")
        .replace("Pancakes", "Crepes")
        .replace("---\nMix", "---\nMix")
    )
    text = text.replace("type: recipe\n", "type: recipe\nflour: 200\n")  # an unknown key: AK305
    (tmp_path / "a.md").write_text(text, encoding="utf-8")
    everything = _issues(_cli(venv, "check", "--format", "json", "a.md", cwd=tmp_path))
    assert ("a.md", "RX101") in everything
    assert len(everything) == 2
    selected = _cli(venv, "check", "--format", "json", "--select", "RX101", "a.md", cwd=tmp_path)
    assert _issues(selected) == [("a.md", "RX101")]
    assert _issues(_cli(venv, "check", "--format", "json", "--ignore", "RX1", "a.md", cwd=tmp_path)) == [
        item for item in everything if item[1] != "RX101"
    ]
    (tmp_path / "a.md").write_text(
        text.replace("servings: 0", "servings: 0  # articlekit: ignore[RX101]"), encoding="utf-8"
    )
    proc = _cli(venv, "check", "--format", "json", "--select", "RX101,AK0", "a.md", cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert _issues(proc) == []


def test_schema_and_codes_know_the_plugin(venv: Env, tmp_path: Path) -> None:
    schema = json.loads(_ok(_cli(venv, "schema", "--kind", "recipe", cwd=tmp_path)))
    assert set(schema["required"]) == {"title", "servings", "publishedDateTime"}
    assert schema["properties"]["servings"]["type"] == "integer"
    listing = _ok(_cli(venv, "codes", cwd=tmp_path)).splitlines()
    assert any(line.startswith("RX101  error") and "servings-range" in line for line in listing)
    explained = _ok(_cli(venv, "codes", "RX101", cwd=tmp_path))
    assert explained.startswith("RX101 servings-range (error)\n`servings` must be 1 to 100.")
    docs = _ok(_run([venv.python, "-m", "articlekit.docgen", "--plugins"], cwd=tmp_path))
    assert "### RX101 servings-range" in docs
    assert "Rule `articlekit_recipes.rules.servings_range` (module `articlekit_recipes.rules`)" in docs
    assert "AK301" not in docs
    out = tmp_path / "rules.md"
    _ok(_run([venv.python, "-m", "articlekit.docgen", "--plugins", "recipes", "--output", out], cwd=tmp_path))
    assert out.read_text(encoding="utf-8") == docs


_API = """\
import json, sys
import articlekit
from hypothesis import strategies as st
from articlekit_recipes import EditedArticle, Recipe

recipe_text, news_text = sys.argv[1], sys.argv[2]
doc = articlekit.loads(recipe_text)
news = articlekit.loads(news_text)
edited = doc.edit(servings=6)
drawn = st.from_type(Recipe).example()
untyped = recipe_text.replace("type: recipe\\n", "")
print(json.dumps({
    "kind": type(doc.meta).__name__,
    "detected": articlekit.detect_kind({"type": "recipe"}).__name__,
    "news": type(news.meta).__name__,
    "editor": news.meta.editor,
    "is_article": isinstance(news.meta, articlekit.Article),
    "round_trip": articlekit.dumps(doc) == recipe_text,
    "edited": articlekit.dumps(edited),
    "by_name": type(articlekit.loads(untyped, kind="recipe").meta).__name__,
    "by_class": articlekit.loads(untyped, kind=Recipe).meta.servings,
    "drawn": [type(drawn).__name__, 1 <= drawn.servings <= 100],
    "bad": [i.code for i in articlekit.check(recipe_text.replace("servings: 4", "servings: 101"))],
    "schema": sorted(articlekit.json_schema(Recipe)["properties"]),
}))
"""


def test_the_api_loads_writes_and_draws_the_plugins_kinds(venv: Env, tmp_path: Path) -> None:
    got = json.loads(_ok(_run([venv.python, "-c", _API, RECIPE, NEWS], cwd=tmp_path)))
    assert got["kind"] == got["detected"] == got["by_name"] == "Recipe"
    assert (got["news"], got["editor"], got["is_article"]) == ("EditedArticle", "Ada", True)
    assert got["round_trip"] is True
    assert got["edited"] == RECIPE.replace("servings: 4", "servings: 6")
    assert got["by_class"] == 4
    assert got["drawn"] == ["Recipe", True]
    assert got["bad"] == ["RX101"]
    assert got["schema"] == ["publishedDateTime", "servings", "title", "type"]


def test_an_installed_plugin_that_fails_is_one_usage_error(venv: Env, tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(RECIPE, encoding="utf-8")
    broken = {"PYTHONPATH": str(venv.broken)}
    proc = _cli(venv, "check", "a.md", cwd=tmp_path, **broken)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    (line,) = proc.stderr.splitlines()
    assert line.startswith(
        "articlekit: error: the plugin 'broken' (entry point 'broken' = 'articlekit_broken'"
    )
    assert "articlekit-broken 0.1" in line
    assert "RuntimeError: the oven is cold (at " in line
    assert line.endswith("articlekit_broken.py:3)")
    for command in (["codes"], ["plugins"], ["schema", "--kind", "recipe"], ["format", "--check", "a.md"]):
        assert _cli(venv, *command, cwd=tmp_path, **broken).returncode == 2, command
    program = (
        "import articlekit\n"
        "for attempt in range(2):\n"
        "    try:\n"
        "        articlekit.check(open('a.md').read())\n"
        "    except articlekit.PluginError as exc:\n"
        "        print(exc.plugin, isinstance(exc, articlekit.ArticleKitError))\n"
    )
    out = _ok(_run([venv.python, "-c", program], cwd=tmp_path, env=_clean_env(**broken)))
    assert out.splitlines() == ["broken True", "broken True"]  # every time, not only the first


def test_plugins_listed_in_the_configuration(venv: Env, tmp_path: Path) -> None:
    (tmp_path / "house_rules.py").write_text(
        textwrap.dedent(
            """\
            import articlekit

            TITLE = articlekit.register_code(
                "HR101", name="title-shouting", severity="warning", doc="Titles are not in capitals."
            )


            @articlekit.rule(TITLE, keys=["title"])
            def title_shouting(ctx):
                title = ctx.data.get("title")
                if isinstance(title, str) and title.isupper():
                    yield ctx.issue(TITLE, "'title' is in capitals", ("title",))
            """
        ),
        encoding="utf-8",
    )
    (tmp_path / "articlekit.toml").write_text(
        'plugins = ["house_rules"]\nselect = ["HR"]\n', encoding="utf-8"
    )
    (tmp_path / "loud.md").write_text(RECIPE.replace("Pancakes", "PANCAKES"), encoding="utf-8")
    sub = tmp_path / "sub"
    sub.mkdir()
    # --select names a code of the configuration's plugin: the configuration of the paths given is read first
    proc = _cli(venv, "check", "--format", "json", "--select", "HR101", "..", cwd=sub)
    assert _issues(proc) == [("loud.md", "HR101")], proc.stderr
    listed = json.loads(_ok(_cli(venv, "plugins", "--json", cwd=tmp_path)))
    assert [(p["name"], p["codes"], p["rules"]) for p in listed][1:] == [
        ("house_rules", ["HR101"], ["house_rules.title_shouting"])
    ]
    assert listed[1]["config"].startswith(str(tmp_path / "articlekit.toml") + ":1:")
    (tmp_path / "articlekit.toml").write_text('plugins = ["bad_rules"]\n', encoding="utf-8")
    (tmp_path / "bad_rules.py").write_text("raise ValueError('no such oven')\n", encoding="utf-8")
    proc = _cli(venv, "check", "loud.md", cwd=tmp_path)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert "the plugin 'bad_rules' (listed in plugins of " in proc.stderr
    assert "ValueError: no such oven" in proc.stderr
