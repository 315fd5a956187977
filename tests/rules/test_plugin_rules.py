"""Codes and rules of other projects: `articlekit.register_code`, `articlekit.rule`, `Context`.

A toy code (TX101) and rule are registered by a fixture that removes them again,
and then used everywhere a built-in code is: `check`, `--select`/`--ignore`,
the configuration, suppression comments, `articlekit codes`.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import articlekit
from articlekit.cli import run
from articlekit.issues import CODES, _unregister
from articlekit.rules import _unregister as _unregister_rule
from articlekit.rules import all_rules
from conftest import DATA

SAMPLE = DATA / "finland-prisons-ai.md"
TOY_DOC = """`servings` must be 1 to 100.

A toy rule of the tests.

Passing:

```yaml
servings: 4
```

Failing:

```yaml
servings: 0
```
"""


def _article(extra: str = "") -> str:
    text = SAMPLE.read_text(encoding="utf-8")
    assert text.startswith("---\n")
    return "---\n" + extra + text[4:]


@pytest.fixture
def toy() -> Iterator[tuple[articlekit.CodeInfo, list[articlekit.Context]]]:
    """TX101 and a rule reporting `servings` outside 1 to 100; the contexts it saw."""
    code = articlekit.register_code("TX101", name="servings-range", severity="error", doc=TOY_DOC)
    seen: list[articlekit.Context] = []

    @articlekit.rule(code, keys=["servings"])
    def servings_range(ctx: articlekit.Context) -> Iterator[articlekit.Issue]:
        seen.append(ctx)
        servings = ctx.data.get("servings")
        most = ctx.options.of(code).get("most", 100)
        if isinstance(servings, int) and not 1 <= servings <= most:
            yield ctx.issue(code, f"'servings' is {servings}; it must be 1 to {most}", ("servings",))

    try:
        yield code, seen
    finally:
        _unregister_rule(servings_range)
        _unregister("TX101")
    assert "TX101" not in CODES
    assert servings_range not in all_rules()


@pytest.fixture
def register() -> Iterator[Any]:
    """Register codes and rules for one test; all removed afterwards."""
    codes: list[str] = []
    rules: list[articlekit.Rule] = []

    class Helper:
        def code(self, code: str, severity: str = "error") -> articlekit.CodeInfo:
            codes.append(code)
            return articlekit.register_code(code, name="toy", severity=severity, doc=f"Toy {code}.")  # type: ignore[arg-type]

        def rule(self, *args: Any, **kwargs: Any) -> Any:
            def wrap(function: Any) -> articlekit.Rule:
                made = articlekit.rule(*args, **kwargs)(function)
                rules.append(made)
                return made

            return wrap

    try:
        yield Helper()
    finally:
        for made in rules:
            _unregister_rule(made)
        for code in codes:
            _unregister(code)


# -- check --------------------------------------------------------------------------------------


def test_a_registered_rule_reports_located_issues_with_its_codes_severity(toy: Any) -> None:
    _, seen = toy
    issues = articlekit.check(_article("servings: 0\n"))
    (issue,) = [i for i in issues if i.code == "TX101"]
    assert issue == articlekit.Issue(
        "TX101", "error", "'servings' is 0; it must be 1 to 100", ("servings",), 2, 11
    )
    assert seen[-1].kind is articlekit.Article
    assert seen[-1].data["servings"] == 0
    assert [i for i in articlekit.check(_article("servings: 4\n")) if i.code == "TX101"] == []


def test_a_rule_is_skipped_when_none_of_its_keys_occurs(toy: Any) -> None:
    _, seen = toy
    articlekit.check(_article())
    assert seen == []
    articlekit.check(_article("servings: 4\n"))
    assert len(seen) == 1


def test_a_rule_without_keys_runs_on_every_document_and_kinds_narrow_it(register: Any) -> None:
    code = register.code("TX201", "warning")
    ran: list[str] = []

    @register.rule(code)
    def everywhere(ctx: articlekit.Context) -> list[articlekit.Issue]:
        ran.append("every")
        return [ctx.issue("TX201", "seen", ())]

    @register.rule(code, kinds=articlekit.Video)
    def videos_only(ctx: articlekit.Context) -> list[articlekit.Issue]:
        ran.append("video")
        return []

    issues = articlekit.check(_article())
    assert ran == ["every"]
    assert [(i.code, i.severity, i.line) for i in issues if i.code == "TX201"] == [
        ("TX201", "warning", 2)
    ]  # the root mapping: its first key
    assert everywhere.name == f"{__name__}.{everywhere.check.__qualname__}"
    assert everywhere.name.endswith(".<locals>.everywhere")


def test_ignore_and_select_accept_the_new_code(toy: Any) -> None:
    text = _article("servings: 0\n")
    assert "TX101" not in {i.code for i in articlekit.check(text, ignore={"TX101"})}
    config = articlekit.Config.from_dict({"ignore": ["TX101"]})
    assert "TX101" not in {i.code for i in articlekit.check(text, config=config)}
    only = articlekit.Config.from_dict({"select": ["TX1"]})
    assert {i.code for i in articlekit.check(text, config=only)} == {"TX101"}


def test_rule_options_come_from_the_rules_table_of_the_code(toy: Any) -> None:
    text = _article("servings: 40\n")
    assert "TX101" not in {i.code for i in articlekit.check(text)}
    config = articlekit.Config.from_dict({"rules": {"TX101": {"most": 12}}})
    assert config.rule_options.of("TX101") == {"most": 12}
    (issue,) = [i for i in articlekit.check(text, config=config) if i.code == "TX101"]
    assert issue.message == "'servings' is 40; it must be 1 to 12"
    with pytest.raises(articlekit.ConfigError, match=r"TX999 is not a registered code"):
        articlekit.Config.from_dict({"rules": {"TX999": {"most": 1}}})
    with pytest.raises(articlekit.ConfigError, match=r"must be a table"):
        articlekit.Config.from_dict({"rules": {"TX101": 12}})
    with pytest.raises(articlekit.ConfigError, match="unknown key"):
        articlekit.Config.from_dict({"rules": {"AK605": {"most": 1}}})


def test_a_suppression_comment_accepts_the_new_code(toy: Any) -> None:
    issues = articlekit.check(_article("servings: 0  # articlekit: ignore[TX101]\n"))
    assert {"TX101", "AK001", "AK002"}.isdisjoint(i.code for i in issues)
    unused = articlekit.check(_article("servings: 5  # articlekit: ignore[TX101]\n"))
    assert [i.code for i in unused if i.code.startswith(("AK0", "TX"))] == ["AK002"]


def test_the_command_line_knows_the_new_code(
    toy: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "recipe.md"
    path.write_text(_article("servings: 0\n"), encoding="utf-8")
    assert run(["check", str(path), "--jobs", "1", "--select", "TX101"]) == 1
    out = capsys.readouterr().out
    reported = [line for line in out.splitlines() if line.startswith(str(path))]
    assert [line.split()[2] for line in reported] == ["TX101"]
    assert run(["check", str(path), "--jobs", "1", "--select", "TX101", "--ignore", "TX1"]) == 0
    capsys.readouterr()
    assert run(["codes"]) == 0
    assert ["TX101", "error", "servings-range"] in [
        line.split()[:3] for line in capsys.readouterr().out.splitlines()
    ]
    assert run(["codes", "TX101"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("TX101 servings-range (error)")
    assert "A toy rule of the tests." in out


# -- a rule that fails --------------------------------------------------------------------------


def test_a_rule_that_raises_gives_one_error_naming_it_and_check_goes_on(register: Any) -> None:
    code = register.code("TX301")

    @register.rule(code, keys=["servings"], name="tx-broken")
    def broken(ctx: articlekit.Context) -> Iterator[articlekit.Issue]:
        yield ctx.issue(code, "first", ("servings",))
        raise KeyError("boom")

    issues = articlekit.check(_article("servings: 0\nrelated: []\nrelated: []\n"))
    crashed = [i for i in issues if i.code == "AK003"]
    assert len(crashed) == 1
    assert (crashed[0].severity, crashed[0].line, crashed[0].column) == ("error", 1, 1)
    assert "'tx-broken' (TX301)" in crashed[0].message
    assert "KeyError: 'boom'" in crashed[0].message
    assert "TX301" not in {i.code for i in issues}  # what it gave before it failed is not reported
    assert "AK202" in {i.code for i in issues}  # the other layers and rules still ran


def test_a_rule_that_gives_something_else_than_issues_is_reported_too(register: Any) -> None:
    code = register.code("TX302")

    @register.rule(code, name="tx-strings")
    def strings(ctx: articlekit.Context) -> list[Any]:
        return ["not an issue"]

    (crashed,) = [i for i in articlekit.check(_article()) if i.code == "AK003"]
    assert "'tx-strings'" in crashed.message
    assert "not an Issue" in crashed.message


def test_each_of_two_rules_sharing_one_function_is_named_when_it_fails(register: Any) -> None:
    first, second, third = register.code("TX305"), register.code("TX306"), register.code("TX307")

    def broken(ctx: articlekit.Context) -> list[Any]:
        if ctx.data.get("servings") == 0:
            raise ValueError("no servings")
        return ["junk"]

    def fine(ctx: articlekit.Context) -> list[Any]:
        return []

    register.rule(first, name="tx-shared-a")(broken)
    register.rule(third, name="tx-fine")(fine)
    register.rule(second, name="tx-shared-b")(broken)
    for text, why in ((_article("servings: 0\n"), "ValueError: no servings"), (_article(), "not an Issue")):
        crashed = [i.message for i in articlekit.check(text) if i.code == "AK003"]
        assert len(crashed) == 2
        assert "'tx-shared-a' (TX305)" in crashed[0]
        assert "'tx-shared-b' (TX306)" in crashed[1]
        assert all(why in message for message in crashed)


def test_a_failing_rules_message_does_not_show_the_secured_value(register: Any) -> None:
    code = register.code("TX303")
    text = _article()
    secret = next(line for line in text.splitlines() if line.startswith("secured:")).split('"')[1]

    @register.rule(code, keys=["secured"], name="tx-leaky")
    def leaky(ctx: articlekit.Context) -> list[articlekit.Issue]:
        raise ValueError(f"cannot read {ctx.data['secured']}")

    (crashed,) = [i for i in articlekit.check(text) if i.code == "AK003"]
    assert secret not in crashed.message
    assert secret[:8] in crashed.message


def test_a_failing_rule_can_be_ignored(register: Any) -> None:
    code = register.code("TX304")

    @register.rule(code, name="tx-raises")
    def raises(ctx: articlekit.Context) -> list[articlekit.Issue]:
        raise RuntimeError("x")

    assert "AK003" not in {i.code for i in articlekit.check(_article(), ignore={"AK003"})}
    assert "AK003" not in {i.code for i in articlekit.check(_article(), ignore={"TX304"})}  # not run at all


# -- registering ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "code", ["AK123", "X101", "TOOLONG101", "tx101", "TX10", "TX1010", "TX-101", "12345"]
)
def test_register_code_refuses_codes_that_are_not_third_party_codes(code: str) -> None:
    with pytest.raises(ValueError, match=r"RX101|'AK' are articlekit's own"):
        articlekit.register_code(code, name="x", severity="error", doc="X.")
    assert code not in CODES or code.startswith("AK")


def test_register_code_checks_name_severity_and_summary() -> None:
    with pytest.raises(ValueError, match="kebab-case"):
        articlekit.register_code("TX401", name="Not Kebab", severity="error", doc="X.")
    with pytest.raises(ValueError, match="severity"):
        articlekit.register_code("TX401", name="x", severity="fatal", doc="X.")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="summary"):
        articlekit.register_code("TX401", name="x", severity="error", doc="  ")
    assert "TX401" not in CODES


def test_register_code_twice_agrees_or_fails(register: Any) -> None:
    first = register.code("TX501")
    assert articlekit.register_code("TX501", name="toy", severity="error", doc="Toy TX501.") is first
    with pytest.raises(ValueError, match="registered already"):
        articlekit.register_code("TX501", name="toy", severity="warning", doc="Toy TX501.")
    assert CODES["TX501"] is first


def test_summary_and_doc_of_a_registered_code() -> None:
    info = articlekit.register_code("TX601", name="toy", severity="warning", doc=TOY_DOC)
    try:
        assert info.summary == "`servings` must be 1 to 100."
        assert info.doc.startswith("A toy rule of the tests.")
        assert info.doc.endswith("```")
        assert info.issue("m", ("a",), 3, 4) == articlekit.Issue("TX601", "warning", "m", ("a",), 3, 4)
        assert info.issue("m", severity="error").severity == "error"
    finally:
        _unregister("TX601")
    with pytest.raises(ValueError, match="articlekit's own"):
        _unregister("AK101")
    assert "AK101" in CODES


def test_rule_needs_registered_codes_and_unique_names(register: Any) -> None:
    code = register.code("TX701")
    stranger = articlekit.CodeInfo("TX702", "x", "error", "X.")
    with pytest.raises(ValueError, match="at least one code"):
        articlekit.rule()
    with pytest.raises(ValueError, match="not a registered code"):
        articlekit.rule(stranger)
    with pytest.raises(TypeError, match="model classes"):
        articlekit.rule(code, kinds=[dict])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="keys"):
        articlekit.rule(code, keys=[1])  # type: ignore[list-item]

    def check(ctx: articlekit.Context) -> list[articlekit.Issue]:
        return []

    register.rule(code, name="tx-once")(check)
    with pytest.raises(ValueError, match="tx-once"):
        register.rule(code, name="tx-once")(lambda ctx: [])


def test_the_decorated_rule_is_still_callable(register: Any) -> None:
    code = register.code("TX801")

    @register.rule(code)
    def answer(ctx: articlekit.Context) -> list[articlekit.Issue]:
        return [ctx.issue(code, "m")]

    assert isinstance(answer, articlekit.Rule)
    assert (answer.codes, answer.keys, answer.kinds) == ((code,), None, None)
    assert "Toy TX801." in answer.doc


def test_every_built_in_rule_is_registered_through_rule() -> None:
    """The built-in rules are in the same registry, named, with their codes' docs."""
    builtin = [r for r in all_rules() if r.check.__module__.startswith("articlekit.rules.")]
    assert len(builtin) >= 29
    for made in builtin:
        assert made.name == made.check.__module__.rsplit(".", 1)[-1].replace("_", "-")
        assert all(CODES[c.code] is c for c in made.codes)


def test_a_built_in_rule_that_raises_gives_ak003_outside_the_test_suite(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from articlekit import rules
    from articlekit.rules import title_line

    def broken(ctx: articlekit.Context) -> list[articlekit.Issue]:
        raise RuntimeError("boom")

    monkeypatch.setattr(rules, "_STRICT", False)
    broken.__module__ = title_line.__name__  # a built-in rule's function
    object.__setattr__(title_line.RULE, "check", broken)
    try:
        rules._changed()
        (crashed,) = [i for i in articlekit.check(_article()) if i.code == "AK003"]
        assert "'title-line' (AK851)" in crashed.message
        monkeypatch.setattr(rules, "_STRICT", True)
        with pytest.raises(RuntimeError, match="boom"):
            articlekit.check(_article())
    finally:
        object.__setattr__(title_line.RULE, "check", title_line._check)
        rules._changed()
