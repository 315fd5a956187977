"""Files with exactly one known problem: one generator per issue code.

Each generator draws a valid document (a model of some kind, rendered in a
drawn style), breaks it in one place and says on which line
[`articlekit.check`][articlekit.check] reports the problem.

One module per area of codes (`_file`: AK0xx and AK1xx, `_yaml`: AK2xx,
`_schema`: AK3xx to AK5xx, `_rules`: AK6xx to AK8xx, `_kinds`: AK9xx), over
`_base` (the broken document, the valid documents to break and the helpers
that break them); the registry, `GENERATORS`, is here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from hypothesis import strategies as st
from pydantic import BaseModel

from ...models import Article
from ._base import BrokenDocument, Draw, crypto_available
from ._file import _ak001, _ak002, _ak101, _ak102, _ak103, _ak104, _ak105, _ak110, _ak111, _bad_character
from ._kinds import _ak901, _ak902, _ak903, _ak904, _ak905, _ak906, _ak907, _ak908, _ak909, _ak910
from ._rules import (
    _ak601,
    _ak602,
    _ak603,
    _ak604,
    _ak605,
    _ak701,
    _ak702,
    _ak703,
    _ak704,
    _ak705,
    _ak801,
    _ak802,
    _ak851,
    _ak852,
    _ak853,
    _ak854,
    _ak855,
)
from ._schema import _ak301, _ak302, _ak303, _ak304, _ak305, _ak401, _ak402, _ak510, _bad_secured
from ._yaml import _ak201, _ak202, _ak203, _ak204, _ak205, _ak206, _ak207, _ak208, _ak209, _ak210, _ak211

__all__ = ["GENERATORS", "BrokenDocument", "broken", "crypto_available"]

# -- the registry ---------------------------------------------------------------------------

Generator = Callable[[Draw], tuple[Any, ...]]

GENERATORS: dict[str, tuple[Generator, type[BaseModel] | None]] = {
    "AK001": (_ak001, None),
    "AK002": (_ak002, None),
    "AK101": (_ak101, None),
    "AK102": (_ak102, None),
    "AK103": (_ak103, None),
    "AK104": (_ak104, None),
    "AK105": (_ak105, None),
    "AK106": (_bad_character("AK106"), None),
    "AK107": (_bad_character("AK107"), None),
    "AK108": (_bad_character("AK108"), None),
    "AK109": (_bad_character("AK109"), None),
    "AK110": (_ak110, None),
    "AK111": (_ak111, None),
    "AK201": (_ak201, None),
    "AK202": (_ak202, None),
    "AK203": (_ak203, None),
    "AK204": (_ak204, None),
    "AK205": (_ak205, None),
    "AK206": (_ak206, None),
    "AK207": (_ak207, None),
    "AK208": (_ak208, None),
    "AK209": (_ak209, None),
    "AK210": (_ak210, None),
    "AK211": (_ak211, None),
    "AK301": (_ak301, None),
    "AK302": (_ak302, None),
    "AK303": (_ak303, None),
    "AK304": (_ak304, None),
    "AK305": (_ak305, None),
    "AK401": (_ak401, None),
    "AK402": (_ak402, None),
    "AK501": (_bad_secured("AK501"), None),
    "AK502": (_bad_secured("AK502"), None),
    "AK503": (_bad_secured("AK503"), None),
    "AK504": (_bad_secured("AK504"), None),
    "AK510": (_ak510, None),
    "AK601": (_ak601, None),
    "AK602": (_ak602, None),
    "AK603": (_ak603, None),
    "AK604": (_ak604, None),
    "AK605": (_ak605, None),
    "AK701": (_ak701, None),
    "AK702": (_ak702, None),
    "AK703": (_ak703, None),
    "AK704": (_ak704, None),
    "AK705": (_ak705, None),
    "AK801": (_ak801, None),
    "AK802": (_ak802, None),
    "AK851": (_ak851, None),
    "AK852": (_ak852, None),
    "AK853": (_ak853, None),
    "AK854": (_ak854, None),
    "AK855": (_ak855, Article),
    "AK901": (_ak901, None),
    "AK902": (_ak902, None),
    "AK903": (_ak903, None),
    "AK904": (_ak904, None),
    "AK905": (_ak905, None),
    "AK906": (_ak906, None),
    "AK907": (_ak907, None),
    "AK908": (_ak908, None),
    "AK909": (_ak909, None),
    "AK910": (_ak910, None),
}
"""For each code: the generator of ``(text, line)`` (or ``(text, line, key)``) and the ``kind`` to check with.
"""


def broken(code: str) -> st.SearchStrategy[BrokenDocument]:
    """The broken documents of one code."""
    generate, kind = GENERATORS[code]

    @st.composite
    def build(draw: st.DrawFn) -> BrokenDocument:
        made = generate(draw)
        key = made[2] if len(made) > 2 else None
        return BrokenDocument(made[0], code, made[1], kind=kind, secured_key=key)

    return build()
