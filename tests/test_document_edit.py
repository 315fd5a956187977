"""`Document.edit`: the one way to change values, by Python name or YAML key, validated."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

import articlekit
from articlekit import Article, Document, Image, Provider, ValidationError, WriteError
from articlekit.writer import dumps
from articlekit.writer._data import extra_key_clashes

SECURED = "AAAAAAAAAAAAAAAAAAAAAA==;AAAAAAAAAAAAAAAAAAAAAA=="
RULE_CODES = frozenset(c for c in articlekit.CODES if not c.startswith(("AK1", "AK2", "AK3")))


@pytest.fixture
def doc(sample_text: str) -> Document:
    return articlekit.loads(sample_text, ignore=RULE_CODES)


def _changed(before: str, after: str) -> list[tuple[str, str]]:
    a, b = before.splitlines(), after.splitlines()
    assert len(a) == len(b)
    return [(x, y) for x, y in zip(a, b, strict=True) if x != y]


def test_edit_by_python_name_or_yaml_key_agree(doc: Document, sample_text: str) -> None:
    url = "https://example.com/moved"
    by_name = doc.edit(web_url=url)
    by_key = doc.edit({"webUrl": url})
    meta: Article = by_name.meta  # type: ignore[assignment]
    assert meta.web_url == url
    assert by_key.meta == by_name.meta
    text = dumps(by_name)
    assert _changed(sample_text, text) == [
        (f'webUrl: "{doc.meta.web_url}"', f'webUrl: "{url}"'),  # type: ignore[attr-defined]
    ]
    assert articlekit.loads(text, ignore=RULE_CODES).meta == by_name.meta
    assert by_name.body == doc.body
    assert by_name.source is doc.source
    assert doc.meta.web_url != url  # type: ignore[attr-defined]  # the original is unchanged


def test_edit_validates_and_speaks_yaml(doc: Document) -> None:
    with pytest.raises(ValidationError) as caught:
        doc.edit(heat="80", published_date_time="yesterday")
    codes = {i.code for i in caught.value.issues}
    assert codes
    assert all(i.is_error for i in caught.value.issues)
    text = str(caught.value)
    assert "'heat'" in text
    assert "publishedDateTime" in text
    assert "published_date_time" not in text
    assert "Input should" not in text
    assert "'80'" in text  # the new value, not the old one
    with pytest.raises(ValidationError):
        doc.edit(title=None)  # a required key cannot be removed
    with pytest.raises(ValidationError):
        doc.edit(images=[{"url": "/a.png", "width": "wide", "height": 1}])


def test_edit_removes_adds_and_takes_models(doc: Document) -> None:
    new = doc.edit(amp_web_url=None, cdnAmpWebUrl=None)
    assert new.meta.amp_web_url is None  # type: ignore[attr-defined]
    assert "ampWebUrl" not in dumps(new)
    logo = Image(url="/logo-50x50.png", width=50, height=50)
    new = doc.edit(provider=Provider(name="P", domain="p.com", images=[logo]), heat=-5)
    assert new.meta.provider.images[0] == logo  # type: ignore[attr-defined]
    assert new.meta.heat == -5  # type: ignore[attr-defined]
    new = doc.edit(provider={"name": "Q", "domain": "q.com"})
    assert new.meta.provider == Provider(name="Q", domain="q.com")  # type: ignore[attr-defined]
    when = datetime(2021, 1, 2, 3, 4, tzinfo=timezone.utc)
    assert doc.edit(publishedDateTime=when).meta.published_date_time == when  # type: ignore[attr-defined]
    extra = doc.edit({"myNote": "kept"})
    assert extra.meta.model_extra == {"myNote": "kept"}
    assert "myNote: kept" in dumps(extra)


def test_edit_refuses_a_value_given_twice(doc: Document) -> None:
    with pytest.raises(TypeError, match="webUrl"):
        doc.edit({"webUrl": "https://a.example"}, web_url="https://b.example")


def test_edit_without_a_source(doc: Document) -> None:
    bare = Document(meta=doc.meta)
    new = bare.edit(heat=1)
    assert new.meta.heat == 1  # type: ignore[attr-defined]
    assert articlekit.loads(dumps(new), ignore=RULE_CODES).meta == new.meta


def test_writer_refuses_an_unknown_key_that_is_a_fields_yaml_key(doc: Document) -> None:
    """`model_copy(update={"webUrl": ...})` adds an unknown key next to `web_url`: refused."""
    meta = doc.meta.model_copy(update={"webUrl": "https://example.com/other"})
    assert extra_key_clashes(meta) == ["webUrl"]
    with pytest.raises(WriteError, match=r"'webUrl'.*Document\.edit"):
        dumps(doc.replace(meta=meta))
    with pytest.raises(WriteError, match="webUrl"):
        dumps(Document(meta=meta))
    provider = doc.meta.provider.model_copy(update={"domain": "x.com", "name": "N"})  # type: ignore[attr-defined]
    assert extra_key_clashes(provider) == []
    nested = doc.meta.model_copy(  # type: ignore[attr-defined]
        update={"images": [doc.meta.images[0].model_copy(update={"isCached": False})]}  # type: ignore[attr-defined]
    )
    assert extra_key_clashes(nested) == ["images[0].isCached"]
    with pytest.raises(WriteError, match=r"images\[0\]\.isCached"):
        dumps(doc.replace(meta=nested))
