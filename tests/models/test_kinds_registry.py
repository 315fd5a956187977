"""Kinds are records in one registry (`articlekit.models.kinds`), registered through `register_kind`.

A kind registered by a user works everywhere a built-in one does: `loads(kind="name")`,
`kind=Model`, detection, the configuration's `kinds`, `schema --kind`, `json_schema`, the
writer and `format`, and `st.from_type`.  Each test registers toy kinds with the `toy_kinds`
fixture, which removes them afterwards.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, Literal

import pytest
from hypothesis import HealthCheck, find, given, settings
from hypothesis import strategies as st
from pydantic import Field

import articlekit
from articlekit import cli
from articlekit.models import kinds as kinds_module
from articlekit.models._base import Timestamp
from articlekit.models.kinds import KINDS, _unregister_kind, detect_kind, kind_named


class Recipe(articlekit.FrontMatterModel):
    """A recipe: a kind articlekit does not know."""

    type: Literal["recipe"] = "recipe"
    title: str
    servings: int = Field(ge=1, le=100)
    published_date_time: Timestamp | None = None


class MyArticle(articlekit.Article):
    """A news item with the site's own field."""

    editor: str | None = None


class Note(articlekit.FrontMatterModel):
    """Recognised by its own function only."""

    note: str


def _is_note(data: Mapping[str, Any]) -> bool:
    return "note" in data and "title" not in data


@pytest.fixture
def toy_kinds() -> Iterator[None]:
    articlekit.register_kind("recipe", Recipe, named_by={"type": "recipe"})
    articlekit.register_kind("my-article", MyArticle, replaces="article")
    articlekit.register_kind("note", Note, detect=_is_note)
    try:
        yield
    finally:
        for name in ("note", "my-article", "recipe"):
            _unregister_kind(name)


RECIPE = '---\ntype: recipe\ntitle: "Pancakes"\nservings: 4\n---\nMix.\n'
NEWS = (
    "---\ncategory: news\ntitle: Hello\npublishedDateTime: 2024-01-02T03:04:05Z\n"
    "webUrl: https://example.com/a\neditor: Ann\n\n"
    'secured: "AAAAAAAAAAAAAAAAAAAAAA==;AAAAAAAAAAAAAAAAAAAAAA=="\n---\n'
)


# -- the built-in kinds are records too ------------------------------------------------------------


def test_builtin_kinds_are_registered_in_order() -> None:
    assert [k.name for k in KINDS] == [
        "article", "video", "course", "collection", "download", "profile", "forum", "organization",
    ]  # fmt: skip
    assert all(info.layout is not None and info.example and info.strategy for info in KINDS)


@pytest.mark.parametrize("info", list(KINDS), ids=lambda info: info.name)
def test_each_builtin_example_is_a_clean_file_of_its_kind(info: kinds_module.KindInfo) -> None:
    assert info.example is not None
    assert articlekit.check(info.example) == []
    assert type(articlekit.loads(info.example).meta) is info.model
    assert articlekit.format(info.example) == info.example  # in the kind's own layout


def test_broken_documents_derive_required_keys_from_the_models() -> None:
    from articlekit._introspect import field_key
    from articlekit.strategies._broken._schema import _REQUIRED

    for info in KINDS:
        required = {field_key(n, f) for n, f in info.model.model_fields.items() if f.is_required()}
        assert set(_REQUIRED[info.model]) == required - set(info.named_by)


# -- a registered kind works everywhere ------------------------------------------------------------


@pytest.mark.usefixtures("toy_kinds")
def test_loads_by_name_by_model_and_by_detection() -> None:
    by_name = articlekit.loads(RECIPE, kind="recipe")
    assert isinstance(by_name.meta, Recipe)
    assert by_name.meta.servings == 4
    assert isinstance(articlekit.loads(RECIPE, kind=Recipe).meta, Recipe)
    assert isinstance(articlekit.loads(RECIPE).meta, Recipe)
    assert detect_kind({"type": "recipe"}) is Recipe
    assert kind_named("Recipe") is Recipe
    assert kind_named("recipe") is Recipe
    assert isinstance(articlekit.loads("---\nnote: hi\n---\n").meta, Note)
    bad = articlekit.check(RECIPE.replace("servings: 4", "servings: 400"))
    assert [(i.code, i.path) for i in bad] == [("AK303", ("servings",))]


def test_an_unknown_kind_name_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="'podcast' is not a registered kind"):
        articlekit.loads(RECIPE, kind="podcast")


@pytest.mark.usefixtures("toy_kinds")
def test_replaces_takes_over_detection_until_removed() -> None:
    doc = articlekit.loads(NEWS)
    assert type(doc.meta) is MyArticle
    assert doc.meta.editor == "Ann"
    assert list(doc.issues) == []
    assert kind_named("article") is articlekit.Article  # still reachable by its own name
    _unregister_kind("my-article")
    try:
        assert type(articlekit.loads(NEWS, ignore={"AK305"}).meta) is articlekit.Article
    finally:
        articlekit.register_kind("my-article", MyArticle, replaces="article")


@pytest.mark.usefixtures("toy_kinds")
def test_unknown_kind_message_lists_registered_kinds() -> None:
    (issue,) = articlekit.check("---\ntype: podcast\n---\n")
    assert issue.code == "AK901"
    assert "Recipe by 'type: recipe'" in issue.message
    assert "Note by its own detection (_is_note)" in issue.message
    assert "MyArticle by 'category: news' (any type)" in issue.message
    assert "Article by 'category: news'" not in issue.message.replace("MyArticle", "")


@pytest.mark.usefixtures("toy_kinds")
def test_config_kinds_by_name_and_by_class(tmp_path: Path) -> None:
    config = articlekit.Config.from_dict(
        {"kinds": {"recipes/**": "recipe", "mine/**": f"{__name__}:MyArticle"}}, root=tmp_path
    )
    assert config.kind_for(tmp_path / "recipes" / "a.md") is Recipe
    assert config.kind_for(tmp_path / "mine" / "a.md") is MyArticle
    untyped = RECIPE.replace("type: recipe\n", "")
    doc = articlekit.loads(untyped, config=config, path=tmp_path / "recipes" / "a.md")
    assert isinstance(doc.meta, Recipe)
    with pytest.raises(articlekit.ConfigError, match="did you mean 'recipe'"):
        articlekit.Config.from_dict({"kinds": {"x/**": "recipes"}}, root=tmp_path)


@pytest.mark.usefixtures("toy_kinds")
def test_cli_kind_and_schema(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "a.md"
    path.write_text(RECIPE.replace("type: recipe\n", ""), encoding="utf-8")
    assert cli.run(["check", "--kind", "recipe", str(path)]) == 0
    assert cli.run(["check", str(path)]) == 1  # no kind named: AK901
    capsys.readouterr()
    assert cli.run(["schema", "--kind", "recipe"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["$id"].endswith("/recipe.schema.json")
    assert schema["properties"]["servings"]["maximum"] == 100
    assert schema == articlekit.json_schema(Recipe)


@pytest.mark.usefixtures("toy_kinds")
def test_writer_keeps_own_fields_and_places_new_keys_after_known_ones() -> None:
    doc = articlekit.loads(RECIPE)
    assert articlekit.dumps(doc.replace(meta=doc.meta.model_copy())) == RECIPE
    plain = articlekit.loads(NEWS.replace("editor: Ann\n", ""))
    assert type(plain.meta) is MyArticle
    assert plain.meta.editor is None
    edited = plain.replace(meta=plain.meta.model_copy(update={"editor": "Bob"}))
    written = articlekit.dumps(edited)
    # the new key goes after every known one (in a group of its own), the rest is untouched
    assert written == NEWS.replace("editor: Ann\n", "").replace('=="\n---', '=="\n\neditor: Bob\n---')


@pytest.mark.usefixtures("toy_kinds")
def test_format_writes_a_subclass_in_the_style_of_the_kind_it_replaces() -> None:
    moved = NEWS.replace("editor: Ann\n", "").replace("title: Hello\n", "editor: Ann\ntitle: Hello\n")
    formatted = articlekit.format(moved)
    assert 'webUrl: "https://example.com/a"' in formatted  # news items quote their URLs
    assert formatted.index("editor: Ann") > formatted.index("secured")  # after every known key
    assert type(articlekit.loads(formatted).meta) is MyArticle


def test_format_of_a_kind_without_layout_uses_its_fields_order() -> None:
    articlekit.register_kind("recipe", Recipe, named_by={"type": "recipe"})
    try:
        text = '---\nservings: 2\ntitle: "Soup"\ntype: recipe\n---\n'
        assert articlekit.format(text) == '---\ntype: recipe\ntitle: "Soup"\nservings: 2\n---\n'
    finally:
        _unregister_kind("recipe")


@pytest.mark.usefixtures("toy_kinds")
@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data())
def test_from_type_draws_valid_models_of_registered_kinds(data: st.DataObject) -> None:
    recipe = data.draw(st.from_type(Recipe))
    assert isinstance(recipe, Recipe)
    assert 1 <= recipe.servings <= 100
    mine = data.draw(st.from_type(MyArticle))
    assert isinstance(mine, MyArticle)
    text = articlekit.dumps(articlekit.Document(meta=mine))
    assert articlekit.loads(text).meta == mine


def test_a_strategy_given_at_registration_is_used() -> None:
    from articlekit import strategies as aks

    fixed = st.just(Recipe(title="Fixed", servings=3))
    articlekit.register_kind("recipe", Recipe, named_by={"type": "recipe"}, strategy=fixed)
    try:
        assert find(st.from_type(Recipe), lambda _: True) == Recipe(title="Fixed", servings=3)
        assert find(aks.models_of("recipe"), lambda _: True).title == "Fixed"
        assert "Fixed" in find(aks.documents(kind="recipe"), lambda _: True)
    finally:
        _unregister_kind("recipe")


# -- bad registrations -----------------------------------------------------------------------------


def test_bad_registrations_are_clear_errors() -> None:
    with pytest.raises(TypeError, match=r"subclass of articlekit\.FrontMatterModel"):
        articlekit.register_kind("thing", dict)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="already registered with the model"):
        articlekit.register_kind("article", Recipe)
    with pytest.raises(ValueError, match="replaces='podcast' is not a kind"):
        articlekit.register_kind("recipe", Recipe, replaces="podcast")
    with pytest.raises(ValueError, match="is already registered as the kind 'article'"):
        articlekit.register_kind("news-item", articlekit.Article)
    with pytest.raises(ValueError, match="lower case letters"):
        articlekit.register_kind("Recipe", Recipe)
    articlekit.register_kind("article", articlekit.Article)  # the same registration again: nothing happens
    assert [k.name for k in KINDS].count("article") == 1
    assert "recipe" not in [k.name for k in KINDS]


def test_a_kind_can_be_replaced_only_once() -> None:
    articlekit.register_kind("my-article", MyArticle, replaces="article")
    try:
        with pytest.raises(ValueError, match="already replaced by 'my-article'"):
            articlekit.register_kind(
                "other-article", type("Other", (articlekit.Article,), {}), replaces="article"
            )
    finally:
        _unregister_kind("my-article")


# -- in a fresh interpreter ------------------------------------------------------------------------


def _run(code: str) -> str:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_checking_files_never_imports_the_writer() -> None:
    code = (
        "import sys, articlekit\n"
        "articlekit.check(open('examples/hello-article.md', encoding='utf-8').read())\n"
        "articlekit.loads(open('examples/hello-article.md', encoding='utf-8').read())\n"
        "print('articlekit.writer' in sys.modules, 'hypothesis' in sys.modules)\n"
    )
    assert _run(code) == "False False"


def test_a_kind_registered_after_hypothesis_is_imported_gets_from_type() -> None:
    code = (
        "from hypothesis import strategies as st\n"
        "import articlekit\n"
        "class Recipe(articlekit.FrontMatterModel):\n"
        "    title: str\n"
        "    servings: int\n"
        "made = st.builds(Recipe, title=st.just('T'), servings=st.just(2))\n"
        "articlekit.register_kind('recipe', Recipe, strategy=made)\n"
        "print(st.from_type(Recipe).example())\n"
    )
    assert _run(code) == "title='T' servings=2"
