"""Plugin loading in this process (`articlekit.plugins`): entry points, a configuration's `plugins`.

The entry points are stand-ins (`importlib.metadata.EntryPoint` objects for
modules written to a temporary folder); `tests/integration/test_plugin_example.py`
installs a real distribution.  Every test puts the loader's state back.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from importlib.metadata import EntryPoint
from pathlib import Path

import pytest

import articlekit
from articlekit import plugins
from articlekit.issues import CODES, _unregister
from articlekit.rules import _REGISTERED, all_rules
from articlekit.rules import _unregister as _unregister_rule

RULES = """\
import articlekit

CODE = articlekit.register_code("{code}", name="no-draft", severity="warning", doc="No `draft` key.")
CALLS = []


@articlekit.rule(CODE, keys=["draft"])
def no_draft(ctx):
    yield ctx.issue(CODE, "'draft' is left in", ("draft",))


def setup():
    CALLS.append(1)
"""
DOC = "---\ncategory: news\ntitle: x\ndraft: true\n---\n"


@pytest.fixture
def clean(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A folder for plugin modules; afterwards, the loader, the codes, rules and modules as they were."""
    monkeypatch.setattr(plugins._State, "done", False)
    monkeypatch.setattr(plugins._State, "loading", False)
    monkeypatch.setattr(plugins._State, "error", None)
    monkeypatch.setattr(plugins, "_LOADED", [])
    monkeypatch.setattr(plugins, "_CONFIG_DONE", {})
    monkeypatch.setattr(sys, "path", list(sys.path))
    all_rules()  # the built-in rules first: they are not the tests' to remove
    codes, rules, modules = set(CODES), list(_REGISTERED), set(sys.modules)
    yield tmp_path
    for code in set(CODES) - codes:
        _unregister(code)
    for made in [r for r in _REGISTERED if r not in rules]:
        _unregister_rule(made)
    for name in set(sys.modules) - modules:
        if name.startswith("plugtest_"):
            del sys.modules[name]


def _entry_points(monkeypatch: pytest.MonkeyPatch, *values: tuple[str, str]) -> None:
    found = [EntryPoint(name, value, plugins.ENTRY_POINT_GROUP) for name, value in values]
    monkeypatch.setattr(plugins, "_entry_points", lambda: found)


def test_import_alone_reads_no_entry_points() -> None:
    script = (
        "import sys, articlekit\n"
        "print(*(m in sys.modules for m in ('articlekit.plugins', 'importlib.metadata')))"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_entry_points_load_once_a_module_and_a_callable(clean: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (clean / "plugtest_mod.py").write_text(RULES.format(code="QX101"), encoding="utf-8")
    (clean / "plugtest_fn.py").write_text(RULES.format(code="QX102"), encoding="utf-8")
    sys.path.insert(0, str(clean))
    _entry_points(monkeypatch, ("b-fn", "plugtest_fn:setup"), ("a-mod", "plugtest_mod"))
    issues = articlekit.check(DOC)  # the API loads them first
    assert {i.code for i in issues} >= {"QX101", "QX102"}
    articlekit.check(DOC)
    assert sys.modules["plugtest_fn"].CALLS == [1]  # called once
    loaded = plugins.loaded_plugins()
    assert [(p.name, p.value, p.codes) for p in loaded] == [
        ("a-mod", "plugtest_mod", ("QX101",)),
        ("b-fn", "plugtest_fn:setup", ("QX102",)),
    ]
    assert loaded[0].rules == ("plugtest_mod.no_draft",)


def test_a_failing_plugin_is_a_plugin_error_every_time(clean: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (clean / "plugtest_bad.py").write_text("x = 1\nraise KeyError('oven')\n", encoding="utf-8")
    sys.path.insert(0, str(clean))
    _entry_points(monkeypatch, ("bad", "plugtest_bad"))
    for _ in range(2):
        with pytest.raises(articlekit.PluginError) as caught:
            articlekit.loads(DOC)
        assert caught.value.plugin == "bad"
        message = str(caught.value)
        assert message.startswith("the plugin 'bad' (entry point 'bad' = 'plugtest_bad') failed to load")
        assert f"KeyError: 'oven' (at {clean / 'plugtest_bad.py'}:2)" in message


def test_a_configurations_plugins_load_before_its_codes_are_validated(clean: Path) -> None:
    (clean / "plugtest_house.py").write_text(RULES.format(code="QX201"), encoding="utf-8")
    config = articlekit.Config.from_dict({"plugins": ["plugtest_house"], "select": ["QX201"]}, root=clean)
    assert [i.code for i in articlekit.check(DOC, config=config)] == ["QX201"]
    assert sys.path[-1] == str(clean)  # kept, at the end: it never hides an installed module
    (loaded,) = plugins.loaded_plugins()
    assert (loaded.name, loaded.codes, loaded.distribution) == ("plugtest_house", ("QX201",), None)


def test_a_configuration_made_in_python_loads_its_plugins_when_used(
    clean: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (clean / "plugtest_late.py").write_text(RULES.format(code="QX301"), encoding="utf-8")
    monkeypatch.chdir(clean)
    config = articlekit.Config(plugins=("plugtest_late",))
    assert "QX301" not in CODES
    assert "QX301" in [i.code for i in articlekit.check(DOC, config=config)]


def test_a_failing_configuration_plugin_names_the_module_and_the_file(clean: Path) -> None:
    (clean / "plugtest_broken.py").write_text("import no_such_module_anywhere\n", encoding="utf-8")
    (clean / "articlekit.toml").write_text('ignore = []\nplugins = ["plugtest_broken"]\n', encoding="utf-8")
    with pytest.raises(articlekit.PluginError) as caught:
        articlekit.Config.load(clean / "articlekit.toml")
    assert str(caught.value).startswith(
        f"the plugin 'plugtest_broken' (listed in plugins of {clean / 'articlekit.toml'}:2:1) "
        "failed to load: ModuleNotFoundError: No module named 'no_such_module_anywhere'"
    )
