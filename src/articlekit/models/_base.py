"""Shared model configuration and field types."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import Annotated, Any, ClassVar

from pydantic import AwareDatetime, BaseModel, BeforeValidator, ConfigDict
from pydantic.alias_generators import to_camel
from pydantic_core import PydanticCustomError

from .._mask import iter_masked_args

__all__ = ["FrontMatterModel", "Timestamp"]


class FrontMatterModel(BaseModel):
    """Base of every articlekit model.

    * Python attributes are snake_case; YAML keys are their camelCase aliases
      (``published_date_time`` is ``publishedDateTime``).  Both spellings are
      accepted when constructing a model in Python; files use the YAML keys.
    * Types are strict: an integer field rejects ``"12"``, ``12.5`` and ``true``.
    * Unknown keys are kept (``model_extra``) so that writing a file back loses
      nothing; articlekit reports them as warnings.
    * Models are immutable: make changed copies with ``model_copy(update=...)``.
    """

    model_config = ConfigDict(
        alias_generator=to_camel,
        validate_by_name=True,
        validate_by_alias=True,
        serialize_by_alias=True,
        extra="allow",
        frozen=True,
        strict=True,
        revalidate_instances="never",
        # each model's validator is built on its first use: a check of one file builds its
        # kind's alone (a fifth of the start-up was building all of them at import)
        defer_build=True,
    )

    forbidden_keys: ClassVar[frozenset[str]] = frozenset()
    """YAML keys a rule forbids in this kind of mapping (not reported as unknown keys)."""

    def __repr_args__(self) -> Iterable[tuple[str | None, Any]]:
        # repr() and str() show a `secured` value only by its first characters, also when it
        # is an unknown key (kept in model_extra) or sits inside one
        return iter_masked_args(super().__repr_args__(), getattr(self, "__pydantic_extra__", None))


def _parse_timestamp(value: Any) -> Any:
    """Accept YAML timestamps (datetime) and ISO 8601 strings; reject bare dates."""
    if type(value) is datetime:  # the common case (a YAML timestamp), before the tests below
        return value
    if isinstance(value, str):
        from dateutil.parser import isoparse  # imported on first use: most dates are YAML timestamps

        text = value.strip()
        try:
            return isoparse(text)
        except (ValueError, OverflowError):
            raise PydanticCustomError(
                "invalid_timestamp",
                "{value} is not an ISO 8601 date and time like 2020-08-11T13:41:00Z",
                {"value": repr(value[:60])},
            ) from None
    if isinstance(value, date) and not isinstance(value, datetime):
        raise PydanticCustomError(
            "date_without_time",
            "{value} is a date without a time; give a date and time with a timezone, like {value}T00:00:00Z",
            {"value": value.isoformat()},
        )
    return value


Timestamp = Annotated[AwareDatetime, BeforeValidator(_parse_timestamp)]
"""A timezone-aware date and time; ISO 8601 strings are parsed with python-dateutil."""
