"""Writing small trees of files for the tests (repositories, configuration files, folders to check)."""

from __future__ import annotations

from pathlib import Path

__all__ = ["tree", "write"]


def write(path: Path, text: str) -> Path:
    """Write ``text`` to ``path`` as UTF-8, making its folders; ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def tree(root: Path, files: dict[str, str]) -> Path:
    """Write each ``{relative name: text}`` of ``files`` under ``root``; ``root``."""
    for name, text in files.items():
        write(root / name, text)
    return root
