"""The C accelerator is optional: any failure to load it leaves articlekit on its pure-Python loop.

On a free-threaded CPython a single-phase extension re-enables the GIL with a
`RuntimeWarning`; under `-W error` that warning is raised from the import.
These tests make loading fail in such ways in a fresh process (so that the
real extension, when built, is never touched) and check that `import
articlekit` still works and parses.
"""

from __future__ import annotations

import json
import subprocess
import sys
import sysconfig
import textwrap

import pytest

_REPORT = """
import json, articlekit, articlekit.fastyaml as f
print(json.dumps([f.ACCELERATED, f.SPEEDUPS_FAILURE, f.parse_subset("a: 1\\nb: [x, yes]\\n"),
                  [i.code for i in articlekit.check("---\\ntitle: x\\n---\\n")][:1]]))
"""


def _run(setup: str, *flags: str) -> list[object]:
    code = textwrap.dedent(setup) + _REPORT
    run = subprocess.run(
        [sys.executable, *flags, "-c", code], capture_output=True, text=True, check=False, timeout=120
    )
    assert run.returncode == 0, run.stderr
    result: list[object] = json.loads(run.stdout.splitlines()[-1])
    return result


_GIL_WARNING = """
import importlib.abc, sys, warnings

class GilWarning(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name == "articlekit._speedups":  # what a free-threaded CPython does for a module needing the GIL
            warnings.warn("The global interpreter lock (GIL) has been enabled to load module "
                          "'articlekit._speedups'", RuntimeWarning, stacklevel=2)
        return None

sys.meta_path.insert(0, GilWarning())
"""


def test_a_warning_raised_as_an_error_while_loading_falls_back_to_python() -> None:
    accelerated, failure, data, codes = _run(_GIL_WARNING, "-W", "error")
    assert accelerated is False
    assert isinstance(failure, str)
    assert failure.startswith("RuntimeWarning: The global interpreter lock")
    assert data == {"a": 1, "b": ["x", True]}
    assert codes  # check() ran (the file lacks required keys)


@pytest.mark.parametrize(
    ("setup", "failure"),
    [
        # a module that loads but is not the accelerator (a stale or foreign build)
        (
            "import sys, types\n"
            "sys.modules['articlekit._speedups'] = types.ModuleType('articlekit._speedups')\n",
            "AttributeError",
        ),
        # a module whose set-up fails
        (
            "import sys, types\n"
            "m = types.ModuleType('articlekit._speedups')\n"
            "def set_fallback(cls):\n    raise SystemError('broken build')\n"
            "m.set_fallback = set_fallback\n"
            "sys.modules['articlekit._speedups'] = m\n",
            "SystemError: broken build",
        ),
        # not there at all
        ("import sys\nsys.modules['articlekit._speedups'] = None\n", "ModuleNotFoundError"),
    ],
    ids=["not-the-accelerator", "set-up-fails", "not-built"],
)
def test_any_failure_to_load_falls_back_to_python(setup: str, failure: str) -> None:
    accelerated, found, data, _codes = _run(setup, "-W", "error")
    assert accelerated is False
    assert isinstance(found, str)
    assert found.startswith(failure)
    assert data == {"a": 1, "b": ["x", True]}


def test_a_clean_load_reports_no_failure() -> None:
    accelerated, found, data, _codes = _run("", "-W", "error")
    assert found is None
    assert data == {"a": 1, "b": ["x", True]}
    assert isinstance(accelerated, bool)


@pytest.mark.skipif(not sysconfig.get_config_var("Py_GIL_DISABLED"), reason="needs a free-threaded CPython")
def test_the_extension_keeps_the_gil_off_on_free_threaded_python() -> None:  # pragma: no cover
    code = "import sys, articlekit.fastyaml as f; print(f.ACCELERATED, sys._is_gil_enabled())"
    run = subprocess.run(
        [sys.executable, "-W", "error", "-c", code], capture_output=True, text=True, check=True
    )
    assert run.stdout.split() == ["True", "False"]
