"""`loads` makes its `Document` and `SourceInfo` without their `__init__`: the same objects."""

from __future__ import annotations

import dataclasses

import pytest

import articlekit
from articlekit.document import Document, SourceInfo
from conftest import DATA, corpus_files


def _texts() -> list[str]:
    sample = (DATA / "finland-prisons-ai.md").read_text(encoding="utf-8")
    texts = [sample, "\ufeff" + sample.replace("\n", "\r\n")]  # a BOM and CRLF: other split fields
    texts += [p.read_text(encoding="utf-8") for p in corpus_files()[::9]]
    return texts


def _by_constructor(doc: Document) -> Document:
    source = doc.source
    assert source is not None
    fields = {f.name: getattr(source, f.name) for f in dataclasses.fields(SourceInfo)}
    return Document(meta=doc.meta, body=doc.body, issues=doc.issues, source=SourceInfo(**fields))


@pytest.mark.parametrize("text", _texts(), ids=lambda t: t.split("\n", 3)[1][:30])
def test_loaded_document_is_what_the_constructors_make(text: str) -> None:
    doc = articlekit.loads(text)
    made = _by_constructor(doc)
    assert type(doc) is Document
    assert type(doc.source) is SourceInfo
    assert vars(doc) == vars(made)
    assert vars(doc.source) == vars(made.source)
    assert doc == made
    assert doc.source == made.source
    assert repr(doc) == repr(made)
    assert repr(doc.source) == repr(made.source)


def test_loaded_source_keeps_what_the_file_holds() -> None:
    doc = articlekit.loads((DATA / "finland-prisons-ai.md").read_text(encoding="utf-8"))
    source = doc.source
    assert source is not None
    assert source.text.startswith("---")
    assert source.front_matter in source.text
    assert doc.body == source.text[len(source.text) - len(doc.body) :]


def test_loaded_document_stays_frozen() -> None:
    doc = articlekit.loads((DATA / "finland-prisons-ai.md").read_text(encoding="utf-8"))
    with pytest.raises(dataclasses.FrozenInstanceError):
        doc.body = "x"  # type: ignore[misc]
    assert doc.source is not None
    with pytest.raises(dataclasses.FrozenInstanceError):
        doc.source.bom = True  # type: ignore[misc]
    assert doc.replace(body="x").body == "x"
