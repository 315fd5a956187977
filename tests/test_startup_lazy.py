"""Issue 22 start-up: what is made on first use instead of at import gives what it gave before.

The command line builds only the subcommand named; `Config.default` is made
without validating; plain scalars resolve without importing PyYAML.
Each is held here to the eager way it replaces.  (Which modules a check
imports, and which models it builds: `tests/cli/test_startup_imports.py`.)
"""

from __future__ import annotations

import gc
import re
import sys

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st
from yaml.nodes import ScalarNode
from yaml.resolver import Resolver

from articlekit import config
from articlekit._yamltags import _IMPLICIT, construct_plain, resolve_plain
from articlekit.cli import common
from articlekit.cli.parser import COMMANDS, build_parser
from articlekit.config import Config, LimitsTable, RulesTable

# -- the command line: one subcommand's parser ----------------------------------------------------

_ARGVS = [
    ["check", "-q", "a.md", "--select", "AK3", "--format", "json", "-j", "2"],
    ["check", "-", "--stdin-filename", "x.md", "--fix", "--show-fixes"],
    ["format", "--check", "--diff", "posts/"],
    ["schema", "--kind", "video"],
    ["convert", "a.md", "--to", "jsonl"],
    ["codes", "AK301"],
    ["config", "post.md"],
    ["plugins", "--json"],
    ["lsp", "--log-file", "x.log"],
]


@pytest.mark.parametrize("argv", _ARGVS, ids=[a[0] for a in _ARGVS])
def test_the_parser_of_one_command_parses_as_the_whole_parser(argv: list[str]) -> None:
    assert {a[0] for a in _ARGVS} == set(COMMANDS)
    whole = vars(build_parser().parse_args(argv))
    alone = vars(build_parser(argv[0]).parse_args(argv))
    assert alone == whole


@pytest.mark.parametrize("command", COMMANDS)
def test_the_help_of_one_command_is_the_same(
    command: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    texts = []
    for parser in (build_parser(), build_parser(command)):
        with pytest.raises(SystemExit):
            parser.parse_args([command, "--help"])
        texts.append(capsys.readouterr().out)
    assert texts[0] == texts[1]
    assert texts[0].startswith(f"usage: articlekit {command}")


def test_without_a_command_every_command_is_listed(capsys: pytest.CaptureFixture[str]) -> None:
    from articlekit.cli import run

    assert run(["--help"]) == 0
    out = capsys.readouterr().out
    assert all(f"    {name} " in out for name in COMMANDS)
    assert run(["chek", "a.md"]) == 2  # an unknown command: argparse names the known ones
    err = capsys.readouterr().err
    assert "invalid choice: 'chek'" in err
    assert "'check'" in err
    assert "'lsp'" in err


# -- the configuration of no file ------------------------------------------------------------------


def test_the_default_configuration_is_what_config_makes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(config, "_DEFAULT", None)  # made afresh: what others worked out is in its memo
    default, made = Config.default(), Config()
    assert Config.default() is default
    assert default == made
    assert default.__dict__ == made.__dict__
    assert default.model_fields_set == made.model_fields_set == set()
    assert default.__pydantic_private__ == made.__pydantic_private__
    assert default.__pydantic_extra__ == made.__pydantic_extra__
    for name in ("limits_table", "rules_table"):
        mine, theirs = getattr(default, name), getattr(made, name)
        assert type(mine) is type(theirs)
        assert mine.__dict__ == theirs.__dict__
        assert mine.model_fields_set == theirs.model_fields_set == set()
        assert mine.__pydantic_private__ == theirs.__pydantic_private__
    assert default.limits == made.limits
    assert default.rule_options == made.rule_options
    assert default.ignored_codes() == made.ignored_codes()
    assert default.to_display() == made.to_display()


def test_the_configuration_models_are_built_on_first_validation() -> None:
    for model in (Config, LimitsTable, RulesTable):
        assert model.model_config.get("defer_build") is True
    config = Config.from_dict({"ignore": ["AK3"], "limits": {"max-depth": 9}})
    assert Config.__pydantic_complete__
    assert config.ignore == ("AK3",)
    assert config.limits.max_depth == 9


# -- plain scalars without PyYAML ------------------------------------------------------------------


def test_the_resolver_table_is_pyyamls() -> None:
    mine: dict[str, list[tuple[str, str, int]]] = {}
    for tag, source, flags, firsts in _IMPLICIT:
        compiled = re.compile(source, flags)
        for first in firsts:
            mine.setdefault(first, []).append((tag, compiled.pattern, compiled.flags))
    theirs = {
        first: [(tag, regexp.pattern, regexp.flags) for tag, regexp in resolvers]
        for first, resolvers in Resolver.yaml_implicit_resolvers.items()
    }
    assert mine == theirs
    assert list(mine) == list(theirs)  # the same first characters, in the same order
    assert not Resolver.yaml_path_resolvers


_PYYAML = Resolver()
_WORDS = [
    "", "~", "null", "Null", "NULL", "nULL", "yes", "No", "on", "OFF", "y", "n", "true", "True", "tRUE",
    "0", "-0", "+1", "012", "0o12", "0x1F", "0b101", "1_000", "1:30", "1:30:00", "-1:60", "1.5", ".5",
    "5.", "1e5", "1.0e+5", ".inf", "-.Inf", ".NaN", "2020-01-02", "2020-1-2 3:04:05", "2020-01-02T03:04:05Z",
    "2020-01-02 03:04:05.5 +01:00", "<<", "=", "!", "&", "*", "hello", "type", "title", "- x", "12abc",
]  # fmt: skip


@pytest.mark.parametrize("text", _WORDS)
def test_plain_scalars_resolve_as_pyyaml_resolves_them(text: str) -> None:
    assert resolve_plain(text) == _PYYAML.resolve(ScalarNode, text, (True, False))


@given(st.text(alphabet=st.sampled_from("0123456789+-._:eEoOxXbBnNyYtTfFlLsSaAuU~<=!&* \t"), max_size=12))
def test_any_text_resolves_as_pyyaml_resolves_it(text: str) -> None:
    assert resolve_plain(text) == _PYYAML.resolve(ScalarNode, text, (True, False))


@pytest.mark.parametrize("text", [w for w in _WORDS if w not in ("<<", "=", "!", "&", "*", "- x")])
def test_plain_scalars_are_constructed_as_pyyaml_constructs_them(text: str) -> None:
    tag = resolve_plain(text)
    assert repr(construct_plain(tag, text)) == repr(yaml.safe_load(f"x: {text}" if text else "x:")["x"])


# -- installed plugins: the look before the scan ---------------------------------------------------


# -- the garbage collector, paused while importing -------------------------------------------------


def test_nested_pauses_restore_the_collector_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(common._State, "program", False)
    assert gc.isenabled()
    with common.collector_paused():
        assert not gc.isenabled()
        with common.collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(ValueError, match="inside"), common.collector_paused():
        raise ValueError("inside")
    assert gc.isenabled()


# -- the models, built on first use: the JSON Schemas do not depend on the order ---------------------

_SCHEMAS_AFTER_OTHER_WORK = """\
import articlekit, json, pathlib, sys
from articlekit.docgen import stale_files
from articlekit.models import Image, Provider, RelatedItem
from articlekit.schema import json_schema
articlekit.check(pathlib.Path(sys.argv[1]).read_text(encoding="utf-8"))  # builds Article first
articlekit.check("---\\ntitle: x\\ntype: video\\n---\\n")  # then Video
for part in (Image, Provider, RelatedItem):
    json_schema(part)
print(json.dumps([str(path) for path in stale_files(pathlib.Path(sys.argv[2]))]))
"""


def test_the_generated_files_do_not_depend_on_what_was_built_before() -> None:
    """What docs/test_generated checks, in a process that validated and made schemas in another order."""
    import json
    import subprocess

    from conftest import DATA, ROOT

    proc = subprocess.run(
        [sys.executable, "-c", _SCHEMAS_AFTER_OTHER_WORK, str(DATA / "finland-prisons-ai.md"), str(ROOT)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(proc.stdout.strip().splitlines()[-1]) == []
