from __future__ import annotations

import articlekit


def test_sample_loads_without_errors(sample_text: str) -> None:
    doc = articlekit.loads(sample_text)
    assert isinstance(doc.meta, articlekit.Article)
    assert doc.meta.title.startswith("At prisons in Finland")
    assert [i for i in doc.issues if i.is_error] == []


def test_checking_loads_only_what_checking_needs() -> None:
    """Every ``articlekit check`` run (pre-commit, CI) pays for what it imports: checking
    a well-formed article does not import the writer, dateutil (only dates written as
    strings need it), the strategies or Hypothesis."""
    import subprocess
    import sys

    from conftest import DATA

    script = (
        "import sys, articlekit\n"
        f"text = open({str(DATA / 'finland-prisons-ai.md')!r}, encoding='utf-8').read()\n"
        "assert articlekit.check(text) == []\n"
        "print(' '.join(sorted(sys.modules)))\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    loaded = set(out.stdout.split())
    assert "articlekit.api" in loaded  # the check did run
    assert "pydantic" in loaded
    for unwanted in ("articlekit.writer", "articlekit.strategies", "dateutil", "hypothesis"):
        assert not any(m == unwanted or m.startswith(unwanted + ".") for m in loaded), unwanted
