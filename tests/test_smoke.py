from __future__ import annotations

import articlekit


def test_sample_loads_without_errors(sample_text: str) -> None:
    doc = articlekit.loads(sample_text)
    assert isinstance(doc.meta, articlekit.Article)
    assert doc.meta.title.startswith("At prisons in Finland")
    assert [i for i in doc.issues if i.is_error] == []
