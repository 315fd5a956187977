"""Double-quoted scalars with escapes: the C loop reads them itself (`escaped_text` in
`_speedups.c`), and gives exactly what `fastyaml._scalar` (the pure loop's callback) gives:
the same text, or the same fallback, and SafeLoader's data whenever the fast path takes the text.
"""

from __future__ import annotations

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articlekit import fastyaml
from articlekit._same import same
from articlekit.fastyaml import parse_subset

_SETTINGS = settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])

_PIECES = st.sampled_from(
    [
        *"ab #:'é中😀",
        *(f"\\{c}" for c in '0abtnvfre "/\\N_LP'),
        "\\x41",
        "\\xe9",
        "\\u00e9",
        "\\u2028",
        "\\U0001F600",
        "\\U0010FFFF",
        "\\ud800",
        "\\U00110000",
        "\\x4",
        "\\u12",
        "\\q",
        "\\",
        '"',
        "\\x",
    ]
)
_BODIES = st.lists(_PIECES, max_size=10).map("".join)
_TAILS = st.sampled_from(["", " ", "  ", " # c", "  #x # y", "#c", " x", "x", '"', " #"])
_PLACES = st.sampled_from(["a: {v}\n", "a:\n  - {v}\n", "a: [{v}, x]\n", "a: {{b: {v}}}\n", "a: {v}"])


def _loops_agree(text: str) -> None:
    answers = {name: fastyaml.parse_with(name, text) for name in fastyaml.IMPLEMENTATIONS}
    assert len({repr(answer) for answer in answers.values()}) == 1, (text, answers)
    got = parse_subset(text)
    if got is not None:
        assert same(got, yaml.load(text, Loader=yaml.SafeLoader), ordered=True), text


@_SETTINGS
@given(_PLACES, _BODIES, _TAILS)
def test_escaped_double_quoted_scalars(place: str, body: str, tail: str) -> None:
    _loops_agree(place.format(v=f'"{body}"{tail}'))


@pytest.mark.parametrize(
    "text",
    [
        'a: "<iframe width=\\"800\\" src=\\"https://x.org/a\\"></iframe>"\n',
        'a: "\\"quoted\\" \\\\ \\/ \\n\\t\\x41\\u00e9\\U0001F600\\L\\P\\N\\_\\0\\e" # note\n',
        'a: "caf\\u00e9 \\u4e2d"  \n',
        'a: "x\\"" y\n',
        'a: "x\\""#y\n',
        'a: "x\\"\n',
        'a: "\\ud800"\n',
        'a: "\\uDFFF"\n',
        'a: "\\U00110000"\n',
        '- "\\x41"\n',
    ],
)
def test_escaped_examples(text: str) -> None:
    _loops_agree(text)


# Quotes escaped or not, and backslashes that escape a quote, another escape or nothing:
# `fastyaml._scalar` reads a scalar whose only escapes are \" without a regex.
_QUOTE_PIECES = st.sampled_from(['\\"', '"', "\\", "\\\\", "\\n", "a", " ", "#", "é"])


@_SETTINGS
@given(_PLACES, st.lists(_QUOTE_PIECES, max_size=8).map("".join), _TAILS)
def test_scalars_of_escaped_quotes(place: str, body: str, tail: str) -> None:
    _loops_agree(place.format(v=f'"{body}"{tail}'))


@pytest.mark.parametrize(
    "rest",
    ['"x\\"y"', '"x"y"', '"\\"', '"\\\\"', '"\\\\""', '"\\""', '"a\\"\\\\"', '""', '"\\"\\""', '"""', '"'],
)
def test_scalar_of_quotes_and_backslashes_as_the_full_loader(rest: str) -> None:
    try:
        want = yaml.load("a: " + rest + "\n", Loader=yaml.SafeLoader)["a"]
    except yaml.YAMLError:
        want = "fallback"
    try:
        got = fastyaml._scalar(rest, 1000)
    except fastyaml.Fallback:
        got = "fallback"
    assert got == want


@pytest.mark.parametrize("escape", ["\\x41", '\\"'])
def test_an_escaped_scalar_longer_than_max_len_falls_back_in_both_loops(escape: str) -> None:
    text = 'a: "' + escape * 300 + '"\n'
    value = "A" * 300 if escape == "\\x41" else '"' * 300
    for name, module in fastyaml.IMPLEMENTATIONS.items():
        args = list(fastyaml.loop_arguments())
        args[-1] = 299  # max_len: one character too few
        with pytest.raises(fastyaml.Fallback):
            module.parse_subset(text, *args)
        args[-1] = 300
        assert module.parse_subset(text, *args)[0] == {"a": value}, name
