"""`articlekit.positions`: the one definition of a line, and the source map the parsers produce."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from articlekit import fastyaml, positions, yamlsafe
from articlekit.issues import KeyPath
from articlekit.positions import BREAK, LazyLocations, Locations, NodeInfo, OffsetIndex, line_starts

SRC = Path(positions.__file__).parent


@pytest.mark.parametrize(
    ("text", "starts"),
    [("", [0]), ("a", [0]), ("a\n", [0, 2]), ("a\r\nb\rc\nd", [0, 3, 5, 7]), ("\r\r\n\n", [0, 1, 3, 4])],
)
def test_line_starts_break_at_lf_crlf_and_cr_only(text: str, starts: list[int]) -> None:
    assert line_starts(text) == starts
    assert line_starts(text + "\x0c\x85\u2028") == starts  # form feed, NEL, LS: no new line


def test_offset_index_gives_1_based_lines_and_columns_from_the_first_line() -> None:
    text = "ab\r\ncd\ref\n"
    index = OffsetIndex(text, first_line=2)
    assert [index(i) for i in range(len(text))] == [
        (2, 1), (2, 2), (2, 3), (2, 4), (3, 1), (3, 2), (3, 3), (4, 1), (4, 2), (4, 3),
    ]  # fmt: skip
    assert OffsetIndex("x")(0) == (1, 1)


def test_no_module_defines_its_own_file_line_break() -> None:
    """`BREAK` is defined once: every other module imports it (grep for the pattern's source)."""
    pattern = re.compile(r"re\.compile\(r?[\"']\\r\\n\|\\r\|\\n[\"']\)")
    found = [
        str(path.relative_to(SRC))
        for path in SRC.rglob("*.py")
        if path.name != "positions.py" and pattern.search(path.read_text(encoding="utf-8"))
    ]
    assert found == []
    assert BREAK.pattern == r"\r\n|\r|\n"


def _node(line: int) -> NodeInfo:
    return NodeInfo(line, 3, line, 5, line, 1, "scalar", "", "x")


def test_lazy_locations_compute_once_on_first_use_and_answer_as_locations() -> None:
    calls: list[int] = []
    nodes: dict[KeyPath, NodeInfo] = {(): _node(2), ("a",): _node(3)}

    def compute() -> dict[KeyPath, NodeInfo]:
        calls.append(1)
        return nodes

    lazy = LazyLocations("a: x\n", 2, compute)
    plain = Locations(nodes, default_line=1, default_column=1, source="a: x\n")
    assert calls == []
    assert not lazy.computed
    assert "not computed" in repr(lazy)
    assert lazy.position(("a", "missing")) == plain.position(("a", "missing")) == (3, 3)
    assert lazy.position(("a",), at_key=True) == (3, 1)
    assert lazy.nearest(("b",)) == plain.nearest(("b",))
    assert lazy.nodes is nodes
    assert calls == [1]
    assert lazy.default_line == 1  # the line of the opening fence


def test_the_parsers_produce_positions_of_the_positions_module() -> None:
    """The event path gives `Locations`, the fast path `LazyLocations`; the old import paths still work."""
    assert isinstance(yamlsafe.load_yaml("a: [\n").locations, Locations)
    assert isinstance(fastyaml.load_yaml_fast("a: 1\n").locations, LazyLocations)
    assert yamlsafe.Locations is Locations
    assert yamlsafe.NodeInfo is NodeInfo
    assert fastyaml.LazyLocations is LazyLocations


@pytest.mark.parametrize(
    "module",
    ["models/kinds.py", "validate.py", "rules/__init__.py", "document.py", "api.py", "lsp/analysis.py"],
)
def test_consumers_take_locations_from_the_positions_module_not_from_the_yaml_loader(module: str) -> None:
    tree = ast.parse((SRC / module).read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").endswith("yamlsafe"):
            assert "Locations" not in {alias.name for alias in node.names}, module
