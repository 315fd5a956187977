"""What the server knows about one version of one document: its issues, their spans, its data.

Nothing here speaks LSP: `analyze` runs `articlekit.check` with the
configuration that applies to the document's path and locates every issue
(`ranges.issue_span`); the front matter's data, positions and kind are
worked out when a feature asks for them.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from pydantic import BaseModel

from ..api import check
from ..config import Config
from ..errors import ArticleKitError
from ..fastyaml import load_yaml_fast
from ..issues import Issue
from ..models.kinds import detect_kind
from ..positions import Locations
from ..splitter import SplitResult, split_front_matter
from .positions import LineIndex
from .ranges import Span, issue_span

__all__ = ["MARKDOWN_SUFFIXES", "Analysis", "Finding", "analyze", "config_for", "wants"]

MARKDOWN_SUFFIXES = (".md", ".markdown")
"""Files checked whatever the configuration's ``include`` says."""


@dataclass(frozen=True)
class Finding:
    """An issue and the span it covers (articlekit positions, see `ranges.Span`)."""

    issue: Issue
    span: Span


def config_for(path: str | None, root: str | None) -> tuple[Config, str | None]:
    """The configuration of the file ``path`` (or of the workspace ``root`` for an unsaved document).

    Returns the configuration and, when the one that applies is broken, what is
    wrong with it (the defaults are used meanwhile).
    """
    where = path or root
    if where is None:
        return Config.default(), None
    try:
        config = Config.discover(where)
        config.prepare(key=False)
    except ArticleKitError as exc:
        return Config.default(), str(exc)
    except OSError as exc:
        return Config.default(), f"cannot read the configuration: {exc}"
    return config, None


def wants(path: str | None, config: Config, language_id: str | None = None) -> bool:
    """Whether the document at ``path`` is checked: Markdown, or matched by ``include``; not ``exclude``d.

    A document without a path (unsaved) is checked when its language is Markdown.
    """
    if path is None:
        return language_id in (None, "markdown")
    rel = config.relative(path)
    if rel is not None and config.excludes(rel):
        return False
    if path.lower().endswith(MARKDOWN_SUFFIXES):
        return True
    return config.includes(rel if rel is not None else os.path.basename(path))


class Analysis:
    """One version of a document, checked."""

    def __init__(self, text: str, path: str | None, config: Config, config_error: str | None = None) -> None:
        """Check ``text`` (the document at ``path``, ``None`` when unsaved) with ``config``."""
        self.text = text
        self.path = path
        self.config = config
        self.config_error = config_error
        self.index = LineIndex(text)
        try:
            issues = check(text, config=config, path=path)
        except ArticleKitError as exc:  # secured-key-file or a kind that cannot be used
            self.config_error = str(exc)
            self.config = config = Config.default()
            issues = check(text, config=config, path=path)
        self.issues = issues
        located = self.locations if any(i.path for i in issues) else None
        self.findings = [Finding(issue, issue_span(issue, self.index, located)) for issue in issues]

    @cached_property
    def split(self) -> SplitResult:
        """The file cut at its fences."""
        return split_front_matter(self.text, self.config.limits)

    @cached_property
    def _yaml(self) -> tuple[Any, Locations | None]:
        front_matter = self.split.front_matter
        if front_matter is None:
            return None, None
        loaded = load_yaml_fast(front_matter, first_line=2, limits=self.config.limits)
        return loaded.data, loaded.locations

    @property
    def data(self) -> Any:
        """The front matter's data (``None`` when there is none or it cannot be read)."""
        return self._yaml[0]

    @property
    def locations(self) -> Locations | None:
        """Where each key and value of the front matter is."""
        return self._yaml[1]

    @cached_property
    def kind(self) -> type[BaseModel] | None:
        """The model the front matter is validated as (``None``: no kind matches)."""
        if self.path is not None:
            try:
                configured = self.config.kind_for(self.path)
            except ArticleKitError:
                configured = None
            if configured is not None:
                return configured
        data = self.data
        return detect_kind(data) if isinstance(data, dict) else None

    def findings_at(self, line: int, column: int) -> list[Finding]:
        """The findings whose span holds the position (an empty span: the position itself)."""
        at = (line, column)
        return [f for f in self.findings if f.span[0] <= at <= f.span[1]]


def analyze(
    text: str, path: str | None, *, root: str | None = None, config: Config | None = None
) -> Analysis:
    """Check ``text``, the document at ``path``, with its configuration (or ``config``)."""
    error = None
    if config is None:
        config, error = config_for(path, root)
    return Analysis(text, path, config, error)
