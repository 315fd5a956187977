"""Loaded models share one `model_fields_set` per shape (validate.share_fields_sets): memory only."""

from __future__ import annotations

import pytest
from pydantic import BaseModel, ConfigDict

import articlekit
from articlekit import Article, Image
from articlekit.validate import share_fields_sets
from conftest import DATA, corpus_files, models_in


def _sample() -> str:
    return (DATA / "finland-prisons-ai.md").read_text(encoding="utf-8")


def test_two_loads_of_one_shape_share_their_sets() -> None:
    first = articlekit.loads(_sample()).meta
    second = articlekit.loads(_sample()).meta
    assert first == second
    pairs = list(zip(models_in(first), models_in(second), strict=True))
    assert len(pairs) > 2  # the sample has a provider and images
    for one, other in pairs:
        assert one.model_fields_set is other.model_fields_set


@pytest.mark.parametrize("path", corpus_files()[::7], ids=lambda p: p.name)
def test_shared_sets_answer_what_validation_gave(path: object) -> None:
    text = path.read_text(encoding="utf-8")  # type: ignore[attr-defined]
    data, _ = articlekit.parse(text)
    kind = articlekit.detect_kind(data)
    assert kind is not None
    fresh = kind.model_validate(data, by_alias=True, by_name=False)  # never shared
    loaded = articlekit.loads(text).meta
    for one, other in zip(models_in(loaded), models_in(fresh), strict=True):
        assert type(one) is type(other)
        assert one.model_fields_set == other.model_fields_set
        assert one.model_dump(exclude_unset=True) == other.model_dump(exclude_unset=True)


def test_a_copy_does_not_change_the_shared_set() -> None:
    first = articlekit.loads(_sample()).meta
    second = articlekit.loads(_sample()).meta
    assert isinstance(first, Article)
    before = set(first.model_fields_set)
    changed = first.model_copy(update={"amp_web_url": "https://example.com/amp"})
    assert "amp_web_url" in changed.model_fields_set
    assert first.model_fields_set == before
    assert second.model_fields_set == before
    assert changed.model_fields_set is not first.model_fields_set


def test_other_shapes_keep_other_sets() -> None:
    small = Image.model_validate({"url": "/a.png", "width": 2, "height": 3})
    big = Image.model_validate({"url": "/a.png", "width": 2, "height": 3, "title": "A"})
    big_too = Image.model_validate({"url": "/b.png", "width": 4, "height": 5, "title": "B"})
    other = Image.model_validate({"url": "/b.png", "width": 4, "height": 5, "isCached": True})
    for model in (small, big, big_too, other):
        share_fields_sets(model)
    assert small.model_fields_set == {"url", "width", "height"}
    assert big.model_fields_set == {"url", "width", "height", "title"}
    assert other.model_fields_set == {"url", "width", "height", "is_cached"}
    assert big.model_fields_set is big_too.model_fields_set


class _Loose(BaseModel):
    """A model that is not frozen: its set changes on assignment, so it must stay its own."""

    model_config = ConfigDict(frozen=False)
    title: str
    heat: int = 0


def test_models_that_are_not_frozen_keep_their_own_sets() -> None:
    one, other = _Loose(title="a"), _Loose(title="b")
    share_fields_sets(one)
    share_fields_sets(other)
    assert one.model_fields_set is not other.model_fields_set
    one.heat = 3
    assert one.model_fields_set == {"title", "heat"}
    assert other.model_fields_set == {"title"}


class _Node(articlekit.models.FrontMatterModel):
    """A frozen model holding models every way a field can: itself, a list, a union, a dict, a subclass."""

    name: str
    children: list[_Node] | None = None
    image: Image | None = None
    either: Image | articlekit.Author | None = None
    by_name: dict[str, Image] | None = None


class _BigImage(Image):
    """A subclass of a model a field holds: its own shapes."""


def _node(name: str, image: Image, children: list[_Node] | None = None) -> _Node:
    return _Node(
        name=name,
        children=children,
        image=image,
        either=Image(url="/e.png", width=1, height=1),
        by_name={"a": Image(url="/d.png", width=1, height=2)},
    )


def test_every_model_inside_shares_whatever_holds_it() -> None:
    """Models in lists, unions, dicts, subclasses and a model that holds itself are all reached."""
    images = [Image(url="/a.png", width=1, height=1), _BigImage(url="/b.png", width=2, height=2)]
    trees = [
        _node(
            "top",
            images[0],
            [_node("leaf", images[1]), _node("leaf2", Image(url="/c.png", width=3, height=3))],
        )
        for _ in range(2)
    ]
    before = [[m.model_fields_set.copy() for m in models_in(tree)] for tree in trees]
    for tree in trees:
        share_fields_sets(tree)
    found = [models_in(tree) for tree in trees]
    assert [[m.model_fields_set for m in models] for models in found] == before
    inner = [
        [*models, *(m.by_name["a"] for m in models if isinstance(m, _Node) and m.by_name)] for models in found
    ]
    for one, other in zip(*inner, strict=True):
        assert type(one) is type(other)
        if one is not other:
            assert one.model_fields_set is other.model_fields_set, type(one).__name__
