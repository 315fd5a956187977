"""Hypothesis strategies for articles, whole files, and files with exactly one known problem.

For property-based tests of content pipelines (and of articlekit itself):

```python
from hypothesis import given
from articlekit import strategies as aks

@given(aks.articles(category="news"))
def test_my_renderer_accepts_every_article(article): ...

@given(aks.documents())
def test_my_pipeline_keeps_every_file(text): ...

@given(aks.invalid_documents(codes={"AK401", "AK702"}))
def test_my_linter_reports_the_problem(broken): ...
```

* [`articles`][articlekit.strategies.articles] and one strategy per kind
  ([`videos`][articlekit.strategies.videos], [`courses`][articlekit.strategies.courses],
  [`collections`][articlekit.strategies.collections], [`downloads`][articlekit.strategies.downloads],
  [`profiles`][articlekit.strategies.profiles], [`forums`][articlekit.strategies.forums],
  [`organizations`][articlekit.strategies.organizations], or [`models_of`][articlekit.strategies.models_of])
  give valid models; keyword arguments pin fields by their Python names.
* Part strategies: [`images`][articlekit.strategies.images], [`providers`][articlekit.strategies.providers],
  [`related_items`][articlekit.strategies.related_items],
  [`secured_values`][articlekit.strategies.secured_values] and the smaller parts
  ([`content_providers`][articlekit.strategies.content_providers], [`authors`][articlekit.strategies.authors],
  [`ratings`][articlekit.strategies.ratings], [`twitter_accounts`][articlekit.strategies.twitter_accounts],
  [`linkedin_profiles`][articlekit.strategies.linkedin_profiles], [`actions`][articlekit.strategies.actions]).
* [`documents`][articlekit.strategies.documents] gives whole file texts that load with no issue at all,
  in varied styles.
* [`invalid_documents`][articlekit.strategies.invalid_documents] gives
  [`BrokenDocument`][articlekit.strategies.BrokenDocument] objects: a file with exactly one problem, its code
  and its line.

Once articlekit is installed, ``st.from_type(articlekit.Article)`` (and the
other models) works too: the strategies are registered through Hypothesis'
``hypothesis`` entry point (see `articlekit._hypothesis`).

Bad arguments raise `hypothesis.errors.InvalidArgument` when the
strategy is made, not when it is drawn from.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from pydantic import BaseModel

from ..issues import CODES
from ..models.kinds import KINDS, KindInfo, kind_of_model
from ._broken import GENERATORS, BrokenDocument, broken, crypto_available
from ._kinds import strategy_of
from ._models import (
    actions,
    articles,
    authors,
    collections,
    content_providers,
    courses,
    downloads,
    forums,
    images,
    linkedin_profiles,
    organizations,
    profiles,
    providers,
    ratings,
    related_items,
    twitter_accounts,
    videos,
)
from ._primitives import EXCLUDED_CHARACTERS, secured_values
from ._render import bodies, layouts, model_data, render

__all__ = [
    "EXCLUDED_CHARACTERS",
    "BrokenDocument",
    "actions",
    "articles",
    "authors",
    "broken_codes",
    "collections",
    "content_providers",
    "courses",
    "documents",
    "downloads",
    "forums",
    "images",
    "invalid_documents",
    "linkedin_profiles",
    "models_of",
    "organizations",
    "profiles",
    "providers",
    "ratings",
    "related_items",
    "secured_values",
    "twitter_accounts",
    "videos",
]


def _kind_info(kind: object) -> KindInfo:
    """The registered kind ``kind`` names (a name such as ``"course"``, or a model class)."""
    found: KindInfo | None = None
    if isinstance(kind, str):
        found = next((k for k in KINDS if kind.strip().lower() in (k.name, *k.aliases)), None)
    elif isinstance(kind, type):
        found = kind_of_model(kind)
    if found is None:
        known = ", ".join(repr(k.name) for k in KINDS)
        raise InvalidArgument(
            f"kind={kind!r} is not a kind of document: give one of {known} or its model class"
        )
    return found


def models_of(kind: str | type[BaseModel], **fixed: Any) -> st.SearchStrategy[Any]:
    """Valid models of one kind of document, by name (``"course"``) or class ([`Course`][articlekit.Course]).

    ``models_of("article", **fixed)`` is ``articles(**fixed)``, and so on;
    shrinks as that strategy does.  A kind registered with
    [`register_kind`][articlekit.register_kind] draws from the strategy given
    there, or from one derived from its model.
    """
    return strategy_of(_kind_info(kind), **fixed)


_DEFAULT_MODELS: dict[tuple[str, type[BaseModel]], st.SearchStrategy[Any]] = {}


def _default_models(info: KindInfo) -> st.SearchStrategy[Any]:
    key = (info.name, info.model)
    found = _DEFAULT_MODELS.get(key)
    if found is None:
        found = _DEFAULT_MODELS[key] = strategy_of(info)
    return found


@st.composite
def _documents(draw: st.DrawFn, meta: st.SearchStrategy[Any]) -> str:
    model = draw(meta)
    if not isinstance(model, BaseModel) or kind_of_model(type(model)) is None:
        raise InvalidArgument(f"meta= drew {model!r}, not a model of a kind of document")
    layout = draw(layouts())
    rendered = render(draw, model_data(model), layout, type(model))
    parts = ["---", *rendered.lines, "---", *draw(bodies())]
    return ("\ufeff" if layout.bom else "") + layout.newline.join(parts) + layout.newline


def documents(
    kind: str | type[BaseModel] | None = None, *, meta: st.SearchStrategy[Any] | None = None
) -> st.SearchStrategy[str]:
    """Whole file texts that [`articlekit.loads`][articlekit.loads] reads with no issue (not even a warning).

    The front matter is a valid model of ``kind`` (a name such as
    ``"article"`` or a model class; ``None``: every registered kind, news items
    included), or of whatever ``meta`` draws (e.g. ``meta=articles(quality=5)``).
    The style varies the ways real files do:

    * LF or CRLF newlines, with or without a UTF-8 BOM;
    * each string plain, single- or double-quoted wherever YAML keeps it a
      string (plain only when unambiguous); booleans as ``true``/``True``/``TRUE``;
    * lists of text in block or flow style, block lists indented or not,
      2 or 4 spaces of indentation;
    * the canonical key order, the model's, or a shuffled one; blank lines
      between the canonical groups, nowhere, or anywhere;
    * an empty body, HTML, or Markdown with ``---`` rules inside.

    Shrinks toward a minimal file: the required keys of one kind only (for a
    news item, also ``webUrl``) in the canonical order, double-quoted strings,
    blank lines between the canonical groups, LF, no BOM, an empty body.
    """
    if meta is not None:
        if kind is not None:
            raise InvalidArgument("give documents() a kind or meta=, not both")
        if not isinstance(meta, st.SearchStrategy):
            raise InvalidArgument(f"meta= must be a strategy of models, not {meta!r}")
        return _documents(meta)
    if kind is None:
        return _documents(st.one_of(*(_default_models(info) for info in KINDS)))
    return _documents(_default_models(_kind_info(kind)))


def broken_codes() -> frozenset[str]:
    """The codes `invalid_documents` can produce here: every code in `articlekit.CODES` of a document.

    AK003 (a rule that failed) is a bug in a rule, not in a document, and other
    projects' codes are theirs: neither is produced.  AK510 (``secured`` does not
    decrypt with the key) is left out when
    ``cryptography`` is not installed, since producing and checking it needs a
    key and AES.
    """
    codes = set(CODES) & set(GENERATORS)
    if not crypto_available():
        codes.discard("AK510")
    return frozenset(codes)


def invalid_documents(codes: Iterable[str] | None = None) -> st.SearchStrategy[BrokenDocument]:
    """Files with exactly one problem: `BrokenDocument` ``(text, code, line)``.

    ``BrokenDocument.check()`` (that is, [`articlekit.check`][articlekit.check] with the
    document's ``kind`` and ``secured_key``, which only AK855 and AK510 need)
    returns exactly one issue: of rule ``code``, on ``line``.  Every code of
    `articlekit.CODES` can be produced (see [`broken_codes`][articlekit.strategies.broken_codes]);
    ``codes`` restricts them, e.g. ``invalid_documents(codes={"AK401"})``.
    Warnings count: an AK305 document has one unknown key and nothing else.

    Raises:
        InvalidArgument: at once, when ``codes`` is a bare string, is empty, or
            names a code articlekit does not have (or AK510 without ``cryptography``).

    Shrinks toward a minimal valid document (see [`documents`][articlekit.strategies.documents]) with the
    simplest defect of the simplest code to produce.
    """
    available = broken_codes()
    if codes is None:
        wanted = sorted(available)
    else:
        if isinstance(codes, str | bytes):
            raise InvalidArgument(f"codes must be a collection of codes, e.g. {{{codes!r}}}, not a string")
        try:
            wanted = sorted(set(codes))
        except TypeError:
            raise InvalidArgument(f"codes must be an iterable of code strings, not {codes!r}") from None
        if not wanted:
            raise InvalidArgument("codes is empty: give at least one code, or None for all of them")
        unknown = [c for c in wanted if c not in CODES]
        if unknown:
            raise InvalidArgument(
                f"unknown issue code(s) {', '.join(map(repr, unknown))}; see articlekit.CODES"
            )
        missing = [c for c in wanted if c not in available]
        if missing:
            why = (
                " (AK510 needs the cryptography package: pip install articlekit[crypto])"
                if "AK510" in missing
                else ""
            )
            raise InvalidArgument(f"cannot produce documents for {', '.join(missing)}{why}")
    return st.one_of(*(broken(code) for code in wanted))
