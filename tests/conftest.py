"""Shared fixtures: the sample article and the real corpus (skipped when absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus" / "smartable-power-apps"
SAMPLE_PATH = SHARED / "samples" / "finland-prisons-ai.md"
EXAMPLES = ROOT / "examples"
DATA = Path(__file__).resolve().parent / "data"


def corpus_files(sub: str = "") -> list[Path]:
    """Every Markdown file of the shared corpus (below ``sub``), or [] when it is absent."""
    base = CORPUS / sub if sub else CORPUS
    if not base.is_dir():
        return []
    return sorted(p for p in base.rglob("*.md") if p.name != "README.md")


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
