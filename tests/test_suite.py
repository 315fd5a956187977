"""The test suite's own rules: one golden format, and helpers in helper modules, not in test modules."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from conftest import TESTS
from goldens import GOLDEN, GoldenFormatError, check_result_format, read_json, read_result

RESULTS = sorted([*GOLDEN.rglob("*.result.json"), *GOLDEN.rglob("fail.json")])


def test_every_golden_result_is_in_the_one_format() -> None:
    assert len(RESULTS) >= 80
    other_json = set(GOLDEN.rglob("*.json")) - set(RESULTS)
    assert {p.name for p in other_json} <= {"args.json"} | {p.name for p in GOLDEN.rglob("*.edit.json")}
    for path in RESULTS:
        read_result(path)  # raises GoldenFormatError


@pytest.mark.parametrize(
    "data",
    [
        [],  # the old bare list of the rules' fail.json
        {
            "issues": [
                {"line": 1, "column": 1, "code": "AK1", "severity": "error", "message": "m", "path": []}
            ]
        },
        {
            "issues": [
                {"code": "AK1", "severity": "error", "line": 1, "column": 1, "message": "m", "key_path": []}
            ]
        },
        {"issues": [], "extra": 1},
        {"meta": {}},
    ],
)
def test_a_result_in_another_shape_is_refused(data: object) -> None:
    with pytest.raises(GoldenFormatError):
        check_result_format(data)


def test_the_args_of_rule_goldens_are_objects() -> None:
    for path in GOLDEN.rglob("args.json"):
        assert isinstance(read_json(path), dict), path


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_no_test_module_imports_another_test_module() -> None:
    found = {
        str(path.relative_to(TESTS)): sorted(
            name for name in _imported_modules(path) if name.rsplit(".", 1)[-1].startswith("test_")
        )
        for path in TESTS.rglob("*.py")
    }
    assert {path: names for path, names in found.items() if names} == {}
