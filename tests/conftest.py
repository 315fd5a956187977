"""Shared fixtures: the sample article and the real corpus (skipped when absent)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings
from pydantic import BaseModel

# Speed is measured in benchmarks/, never by a test: no Hypothesis deadline, so a loaded CI
# machine cannot fail a property test for being slow (a test may still set its own).
settings.register_profile("articlekit", deadline=None)
settings.load_profile("articlekit")

# Every path a test reads is built from these, never from the test file's own `__file__`:
# test files live in folders that mirror src/articlekit (tests/cli/, tests/rules/, ...).
TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent  # the repository root
DOCS = ROOT / "docs"
EXAMPLES = ROOT / "examples"
DATA = TESTS / "data"
GOLDEN = TESTS / "golden"
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus" / "smartable-power-apps"
SAMPLE_PATH = SHARED / "samples" / "finland-prisons-ai.md"


def corpus_files(sub: str = "") -> list[Path]:
    """Every Markdown file of the shared corpus (below ``sub``), or [] when it is absent."""
    base = CORPUS / sub if sub else CORPUS
    if not base.is_dir():
        return []
    return sorted(p for p in base.rglob("*.md") if p.name != "README.md")


def models_in(model: BaseModel) -> list[BaseModel]:
    """``model`` and every model inside it, depth first."""
    found = [model]
    for value in model.__dict__.values():
        items = value if isinstance(value, list) else [value]
        found += [m for item in items if isinstance(item, BaseModel) for m in models_in(item)]
    return found


def plain_run_rules(ctx: Any, ignore: frozenset[str]) -> list[Any]:
    """The definition of `run_rules`: every rule of the kind, not wholly ignored, one of whose
    keys occurs; its issues listed, at most 100 of each code (what the fast plans must equal)."""
    from articlekit.rules import _capped, all_rules

    found: list[Any] = []
    for rule in all_rules():
        if rule.kinds is not None and not issubclass(ctx.kind, rule.kinds):
            continue
        if ignore and all(c.code in ignore for c in rule.codes):
            continue
        if rule.keys is not None and ctx.index.keys.isdisjoint(rule.keys):
            continue
        issues = list(rule.check(ctx))
        found += list(_capped(issues)) if len(issues) > 100 else issues
    return found


def secured_slow(text: str) -> tuple[Any, ...]:
    """`Secured.parse(text)` without its quick path: ``("ok", ciphertext, iv, str)`` or
    ``("error", code, message)`` (what the quick path must agree with)."""
    from articlekit.models import secured as secured_model
    from articlekit.models.secured import Secured, SecuredFormatError

    original = secured_model._quick
    secured_model._quick = lambda text: None  # type: ignore[assignment]
    try:
        value = Secured.parse(text)
    except SecuredFormatError as exc:
        return ("error", exc.code, exc.message)
    finally:
        secured_model._quick = original
    return ("ok", value.ciphertext, value.iv, str(value))


@pytest.fixture(scope="session")
def sample_text() -> str:
    """The reference article; a copy ships in tests/data so the suite runs without ../shared."""
    return (DATA / "finland-prisons-ai.md").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def news_files() -> list[Path]:
    files = corpus_files("_news")
    if not files:
        pytest.skip("../shared/corpus is not present")
    return files


def require_loop(name: str) -> None:
    """Skip (or, with ``ARTICLEKIT_REQUIRE_SPEEDUPS=1`` as ``.ci/run`` sets, fail) when the fast
    path's loop ``name`` (``"python"`` or ``"c"``) is not available here."""
    from articlekit import fastyaml

    if name in fastyaml.IMPLEMENTATIONS:
        return
    why = fastyaml.SPEEDUPS_FAILURE or (
        "turned off by ARTICLEKIT_PURE_PYTHON" if os.environ.get("ARTICLEKIT_PURE_PYTHON") else "not built"
    )
    if os.environ.get("ARTICLEKIT_REQUIRE_SPEEDUPS"):
        pytest.fail(f"the C accelerator is required (ARTICLEKIT_REQUIRE_SPEEDUPS) but absent: {why}")
    pytest.skip(f"the C accelerator is not available: {why}")


@pytest.fixture
def fresh_discovery() -> Iterator[None]:
    """The configuration discovery cache is empty before the test and after it."""
    from articlekit.config import clear_discovery_cache

    clear_discovery_cache()
    yield
    clear_discovery_cache()


@pytest.fixture(params=["libyaml", "pure"])
def pyyaml_parser(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """The test runs with PyYAML's libyaml parser and again with its pure-Python one (the full loader)."""
    import yaml

    from articlekit import yamlsafe

    if request.param == "pure":
        monkeypatch.setattr(yamlsafe, "_Loader", yaml.SafeLoader)
    elif not yaml.__with_libyaml__:  # pragma: no cover
        pytest.skip("PyYAML was built without libyaml")
    return str(request.param)


@pytest.fixture(params=["python", "c"])
def fast_loop(request: pytest.FixtureRequest) -> Iterator[str]:
    """The test runs once with each implementation of the fast YAML path's loop.

    ``"python"`` (``articlekit._speedups_py``) always; ``"c"`` (``articlekit._speedups``)
    when it is built, else skipped (failed under ``ARTICLEKIT_REQUIRE_SPEEDUPS=1``).
    """
    from articlekit import fastyaml

    name = str(request.param)
    require_loop(name)
    with fastyaml.using(name):
        yield name


@pytest.fixture(autouse=True, scope="session")
def _built_in_rules_raise() -> Iterator[None]:
    """A built-in rule that raises fails the test instead of becoming an AK003 issue."""
    from articlekit import rules

    rules._STRICT = True
    yield
    rules._STRICT = False
