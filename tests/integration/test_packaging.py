"""Packaging: the sdist, both wheels, a fresh install of each, and the release configuration.

One module-scoped fixture copies the checkout, builds the sdist from the copy and
two wheels from the unpacked sdist (so the sdist is proved complete): one with
the C accelerator and one with ``ARTICLEKIT_NO_EXTENSIONS=1``.  Each wheel is
installed with ``--no-deps`` into its own fresh virtual environment; the
dependencies come from this interpreter's site-packages through a ``.pth`` file,
so no network is needed.  A plain ``.pth`` line adds a folder without running the
``.pth`` files inside it, so the editable install's path to ``src/`` is not
followed: what the fresh environment imports is the installed wheel, which the
tests check (``articlekit.__file__``).

These tests run in the default test command.  ``ARTICLEKIT_SLOW_TESTS=1`` adds
the Hypothesis differential tests of the fast path to the run against the
pure-Python wheel (CI, ``.ci/run``, should set it).  The configuration checks need no
build; ``cibuildwheel`` itself is asked when it is installed (the ``dev`` extra
installs it on Python 3.11 and later).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import tarfile
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

import pytest
import yaml

import articlekit
from articlekit import fastyaml
from conftest import EXAMPLES, ROOT

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

SLOW = bool(os.environ.get("ARTICLEKIT_SLOW_TESTS"))
# The fast path's tests, run against the wheel built without the C extension.
FAST_PATH_TESTS = (
    ("tests/test_fastyaml.py", "tests/test_fastyaml_differential.py", "tests/test_fastyaml_constructs.py")
    if SLOW
    else ("tests/test_fastyaml.py",)
)
PYTHONS = ("3.10", "3.11", "3.12", "3.13")  # the CPython versions that get a wheel with the C extension
TIMEOUT = 900
_COPY_IGNORE = shutil.ignore_patterns(
    ".git",
    ".venv",
    "build",
    "dist",
    "site",
    "*.egg-info",
    "__pycache__",
    ".hypothesis",
    ".mypy_cache",
    ".ruff_cache",
    ".pytest_cache",
    "fuzz-failures",
    "wheelhouse",
    "*.so",
    "*.pyd",
)


def _clean_env(**extra: str) -> dict[str, str]:
    """This environment without what would make a subprocess import something else."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP", "VIRTUAL_ENV", "ARTICLEKIT_NO_EXTENSIONS"}
        and not k.startswith(("ARTICLEKIT_PURE", "CIBW_"))
    }
    env["PYTHONNOUSERSITE"] = "1"
    env.update(extra)
    return env


def _run(args: Sequence[str | Path], *, cwd: Path, env: Mapping[str, str] | None = None) -> str:
    """Run a command; fail the test with its output unless it exits 0; return stdout."""
    proc = subprocess.run(
        [str(a) for a in args],
        cwd=cwd,
        env=env or _clean_env(),
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )
    if proc.returncode != 0:
        pytest.fail(f"{' '.join(map(str, args))} exited {proc.returncode}\n{proc.stdout}\n{proc.stderr}")
    return proc.stdout


def _has_extension(names: Sequence[str]) -> bool:
    return any(n.startswith("articlekit/_speedups") and n.endswith(tuple(EXTENSION_SUFFIXES)) for n in names)


def _compiler_expected() -> bool:
    """Whether this machine must produce the C extension: CI requires it, or this checkout has it built."""
    return bool(os.environ.get("ARTICLEKIT_REQUIRE_SPEEDUPS")) or fastyaml.ACCELERATED


@dataclass(frozen=True)
class Venv:
    """A fresh virtual environment with one wheel installed."""

    root: Path
    python: Path
    scripts: Path


@dataclass(frozen=True)
class Builds:
    """What the packaging fixture made: the source copy, the sdist, both wheels, their environments."""

    tree: Path  # the copy of the checkout the sdist was built from
    sdist: Path
    wheel: Path  # with the C extension (when this machine can compile it)
    pure_wheel: Path  # ARTICLEKIT_NO_EXTENSIONS=1
    venv: Venv
    pure_venv: Venv


def _unpack(sdist: Path, into: Path) -> Path:
    with tarfile.open(sdist) as tar:
        if hasattr(tarfile, "data_filter"):
            tar.extractall(into, filter="data")
        else:  # pragma: no cover - Python before 3.10.12
            tar.extractall(into)
    (top,) = into.iterdir()
    return top


def _make_venv(where: Path, wheel: Path) -> Venv:
    """``python -m venv`` without pip; pip of this interpreter installs the wheel into it."""
    _run([sys.executable, "-m", "venv", "--without-pip", where], cwd=where.parent)
    scripts = where / ("Scripts" if os.name == "nt" else "bin")
    python = scripts / ("python.exe" if os.name == "nt" else "python")
    _run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            python,
            "install",
            "--no-deps",
            "--no-index",
            "--disable-pip-version-check",
            "--no-compile",
            "--quiet",
            wheel,
        ],
        cwd=where.parent,
    )
    site = _run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], cwd=where)
    ours = sysconfig.get_paths()
    dependencies = dict.fromkeys([ours["purelib"], ours["platlib"]])  # this interpreter's, in order
    (Path(site.strip()) / "_articlekit_test_dependencies.pth").write_text(
        "".join(f"{p}\n" for p in dependencies), encoding="utf-8"
    )
    return Venv(where, python, scripts)


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> Builds:
    base = tmp_path_factory.mktemp("packaging")
    tree = base / "tree"
    shutil.copytree(ROOT, tree, ignore=_COPY_IGNORE)
    out = base / "dist"
    # as the release workflow builds it: with ARTICLEKIT_NO_EXTENSIONS=1, so the C source is in the sdist
    # because MANIFEST.in says so, not because setup.py declared the extension
    sdist_env = _clean_env(ARTICLEKIT_NO_EXTENSIONS="1")
    _run(
        [sys.executable, "-m", "build", "--sdist", "--no-isolation", "--outdir", out, tree],
        cwd=base,
        env=sdist_env,
    )
    (sdist,) = out.glob("*.tar.gz")
    # both wheels build at once, each from its own copy of the unpacked sdist
    jobs: list[subprocess.Popen[str]] = []
    for name, extra in (("c", {}), ("pure", {"ARTICLEKIT_NO_EXTENSIONS": "1"})):
        (base / name).mkdir()
        source = _unpack(sdist, base / name)
        command = [
            "-m",
            "build",
            "--wheel",
            "--no-isolation",
            "--outdir",
            str(base / f"wheel-{name}"),
            str(source),
        ]
        jobs.append(
            subprocess.Popen(
                [sys.executable, *command],
                cwd=base,
                env=_clean_env(**extra),
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
            )
        )
    for proc in jobs:
        output, _ = proc.communicate(timeout=TIMEOUT)
        if proc.returncode != 0:
            pytest.fail(f"{proc.args!r} exited {proc.returncode}\n{output}")
    (wheel,) = (base / "wheel-c").glob("*.whl")
    (pure_wheel,) = (base / "wheel-pure").glob("*.whl")
    venv = _make_venv(base / "venv", wheel)
    pure_venv = _make_venv(base / "venv-pure", pure_wheel)
    return Builds(tree, sdist, wheel, pure_wheel, venv, pure_venv)


def _sdist_names(sdist: Path) -> set[str]:
    with tarfile.open(sdist) as tar:
        return {name.split("/", 1)[1] for name in tar.getnames() if "/" in name}


def _wheel_names(wheel: Path) -> list[str]:
    with zipfile.ZipFile(wheel) as zf:
        return zf.namelist()


def _package_files(tree: Path, pattern: str) -> set[str]:
    """The package's files matching ``pattern``, as paths relative to ``src/``."""
    src = tree / "src"
    return {
        p.relative_to(src).as_posix()
        for p in (src / "articlekit").rglob(pattern)
        if "__pycache__" not in p.parts
    }


# --- the sdist --------------------------------------------------------------------------------------


def test_sdist_carries_the_sources_the_tests_and_the_docs(builds: Builds) -> None:
    names = _sdist_names(builds.sdist)
    python = _package_files(builds.tree, "*.py")
    assert len(python) > 50
    data = _package_files(builds.tree, "*.json") | _package_files(builds.tree, "*.md")  # schemas, codes
    missing = {f"src/{n}" for n in python | data} - names
    assert not missing, f"package files not in the sdist: {sorted(missing)}"
    shipped = (
        "src/articlekit/_speedups.c src/articlekit/_speedups.pyi src/articlekit/py.typed"
        " setup.py pyproject.toml MANIFEST.in README.md CHANGELOG.md SECURITY.md CONTRIBUTING.md mkdocs.yml"
        " examples/hello-article.md tests/conftest.py tests/test_fastyaml.py docs/format.md"
    )
    for name in shipped.split():
        assert name in names, name
    built = [n for n in names if n.endswith((".so", ".pyd", ".pyc")) or "__pycache__" in n]
    assert not built, built


def test_licence_files_at_the_root_ship_in_both(builds: Builds) -> None:
    """setuptools ships LICENSE*, COPYING*, NOTICE* and AUTHORS* by default: in the sdist and the wheel."""
    names = _sdist_names(builds.sdist)
    wheel = _wheel_names(builds.wheel)
    patterns = ("LICEN[CS]E*", "COPYING*", "NOTICE*", "AUTHORS*")
    licences = sorted({p.name for pattern in patterns for p in builds.tree.glob(pattern)})
    if not licences:
        pytest.skip("no licence file at the repository root (pyproject.toml says MIT)")
    for name in licences:
        assert name in names, name
        assert any(n.endswith(f".dist-info/licenses/{name}") for n in wheel), (name, wheel)


def test_sdist_metadata_matches_pyproject(builds: Builds) -> None:
    with tarfile.open(builds.sdist) as tar:
        member = next(m for m in tar.getmembers() if m.name.count("/") == 1 and m.name.endswith("/PKG-INFO"))
        stream = tar.extractfile(member)
        assert stream is not None
        metadata = stream.read().decode("utf-8")
    assert f"\nVersion: {articlekit.__version__}\n" in metadata
    assert "\nRequires-Python: >=3.10\n" in metadata
    assert "\nLicense-Expression: MIT\n" in metadata


# --- the wheel with the C extension -----------------------------------------------------------------


def test_wheel_ships_the_package_typing_schemas_and_tools_not_the_tests(builds: Builds) -> None:
    names = _wheel_names(builds.wheel)
    expected = _package_files(builds.tree, "*.py") | _package_files(builds.tree, "*.json")
    expected |= _package_files(builds.tree, "*.md")  # the catalogue of issue codes, articlekit/codes/*.md
    assert "articlekit/codes/AK2xx.md" in expected
    expected |= {"articlekit/py.typed", "articlekit/_speedups.pyi"}
    missing = expected - set(names)
    assert not missing, f"not in the wheel: {sorted(missing)}"
    # CONTRIBUTING.md, "Packaging": the fuzzer and the docs generator ship (users run them)
    assert {"articlekit/fuzz.py", "articlekit/docgen.py", "articlekit/strategies/__init__.py"} <= set(names)
    top = {n.split("/", 1)[0] for n in names}
    assert top == {"articlekit", f"articlekit-{articlekit.__version__}.dist-info"}
    assert not [n for n in names if n.endswith((".c", ".pyc"))]


def test_wheel_has_the_c_extension_when_this_machine_compiles_it(builds: Builds) -> None:
    names = _wheel_names(builds.wheel)
    tag = builds.wheel.name.removesuffix(".whl").split("-", 2)[2]
    if _compiler_expected():
        assert _has_extension(names), names
    if _has_extension(names):
        version = f"cp{sys.version_info.major}{sys.version_info.minor}"
        assert tag.startswith(f"{version}-{version}-"), tag
        assert not tag.endswith("-any"), tag


def test_installed_wheel_checks_and_loads(builds: Builds, tmp_path: Path) -> None:
    venv = builds.venv
    hello = EXAMPLES / "hello-article.md"
    broken = tmp_path / "broken.md"
    text = hello.read_text(encoding="utf-8")
    broken.write_text(re.sub(r"(?m)^title:.*\n", "", text).replace("quality: 42", "quality: high"), "utf-8")
    expected = [f"{broken}:{issue}" for issue in articlekit.check(broken.read_bytes())]
    assert expected  # the file is broken, as the comparison below needs

    script = venv.scripts / ("articlekit.exe" if os.name == "nt" else "articlekit")
    _run([script, "check", EXAMPLES], cwd=tmp_path)
    proc = subprocess.run(
        [str(script), "check", str(broken)],
        cwd=tmp_path,
        env=_clean_env(),
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )
    assert proc.returncode == 1, proc.stdout + proc.stderr
    for line in expected:
        assert line in proc.stdout.splitlines(), (line, proc.stdout)

    program = (
        "import json, sys, pathlib, articlekit, articlekit.fastyaml\n"
        "doc = articlekit.loads(pathlib.Path(sys.argv[1]).read_text(encoding='utf-8'))\n"
        "print(json.dumps({'file': articlekit.__file__, 'title': doc.meta.title,\n"
        "                  'accelerated': articlekit.fastyaml.ACCELERATED,\n"
        "                  'modules': sorted(m for m in sys.modules if m.startswith('articlekit'))}))\n"
    )
    answer = json.loads(_run([venv.python, "-c", program, hello], cwd=tmp_path))
    assert Path(answer["file"]).resolve().is_relative_to(venv.root.resolve()), answer["file"]
    assert answer["title"] == articlekit.load(hello, kind=articlekit.Article).meta.title
    assert answer["accelerated"] is _has_extension(_wheel_names(builds.wheel))
    # shipping the development tools costs no import time: everyday use does not load them
    assert "articlekit.api" in answer["modules"]
    assert not {"articlekit.fuzz", "articlekit.docgen"} & set(answer["modules"])


def test_installed_fuzzer_runs_on_a_users_corpus(builds: Builds, tmp_path: Path) -> None:
    """SECURITY.md tells users to run ``python -m articlekit.fuzz --corpus DIR``: it works from the wheel."""
    out = _run(
        [
            builds.venv.python,
            "-m",
            "articlekit.fuzz",
            "--count",
            "40",
            "--seed",
            "3",
            "--corpus",
            EXAMPLES,
            "--out",
            tmp_path / "failures",
            "--json",
        ],
        cwd=tmp_path,
    )
    report = json.loads(out)
    assert report["count"] == 40, report
    assert report["failures"] == [], report
    assert not (tmp_path / "failures").exists()


# --- the wheel without the C extension --------------------------------------------------------------


def test_no_extensions_wheel_is_pure_python(builds: Builds) -> None:
    names = _wheel_names(builds.pure_wheel)
    assert builds.pure_wheel.name.endswith("-py3-none-any.whl"), builds.pure_wheel.name
    assert not _has_extension(names)
    assert "articlekit/_speedups.pyi" in names  # the stub stays: the module is optional, its type is not
    with zipfile.ZipFile(builds.pure_wheel) as zf:
        wheel_file = next(n for n in names if n.endswith(".dist-info/WHEEL"))
        assert "Root-Is-Purelib: true" in zf.read(wheel_file).decode()
    same = set(_wheel_names(builds.wheel)) - set(names)
    assert all(n.startswith("articlekit/_speedups") or ".dist-info/" in n for n in same), same


def test_no_extensions_install_passes_the_fast_path_tests(builds: Builds, tmp_path: Path) -> None:
    """The fast-path tests, run by the fresh environment's Python against the pure-Python wheel."""
    venv = builds.pure_venv
    for test in FAST_PATH_TESTS:
        assert (ROOT / test).is_file(), f"{test} was moved: update FAST_PATH_TESTS (and .ci/run)"
    program = (
        "import importlib.util, pathlib, sys\n"
        "import pytest\n"
        "import articlekit, articlekit.fastyaml\n"
        "venv = pathlib.Path(sys.argv[1]).resolve()\n"
        "assert pathlib.Path(articlekit.__file__).resolve().is_relative_to(venv), articlekit.__file__\n"
        "assert importlib.util.find_spec('articlekit._speedups') is None\n"
        "assert articlekit.fastyaml.ACCELERATED is False\n"
        "sys.exit(pytest.main(sys.argv[2:]))\n"
    )
    root = str(ROOT)
    tests = [str(ROOT / t) for t in FAST_PATH_TESTS]
    args = ["-q", "-p", "no:cacheprovider", "--rootdir", root, "-c", str(ROOT / "pyproject.toml"), *tests]
    # this wheel has no C extension by design: its tests of the C loop skip, even under CI's requirement
    env = {k: v for k, v in _clean_env().items() if k != "ARTICLEKIT_REQUIRE_SPEEDUPS"}
    out = _run([venv.python, "-c", program, venv.root, *args], cwd=tmp_path, env=env)
    assert re.search(r"\b\d+ passed\b", out), out
    assert " failed" not in out, out
    assert " error" not in out, out


# --- the release configuration ----------------------------------------------------------------------


def _pyproject() -> dict[str, object]:
    with (ROOT / "pyproject.toml").open("rb") as f:
        return tomllib.load(f)


def _cibw() -> dict[str, object]:
    tool = _pyproject()["tool"]
    assert isinstance(tool, dict)
    table = tool["cibuildwheel"]
    assert isinstance(table, dict)
    return table


def test_cibuildwheel_builds_cpython_310_to_313() -> None:
    cibw = _cibw()
    build = cibw["build"]
    assert isinstance(build, str)
    assert sorted(build.split()) == sorted(f"cp{v.replace('.', '')}-*" for v in PYTHONS)
    project = _pyproject()["project"]
    assert isinstance(project, dict)
    assert project["requires-python"] == f">={PYTHONS[0]}"  # the oldest supported Python gets a wheel


def test_cibuildwheel_tests_each_wheel_with_the_extension_required() -> None:
    cibw = _cibw()
    command = cibw["test-command"]
    commands = [command] if isinstance(command, str) else command
    assert isinstance(commands, list)
    joined = " ".join(commands)
    assert "articlekit check {project}/examples" in joined
    assert "tests/test_speedups.py" in joined
    for path in re.findall(r"\{project\}/(\S+)", joined):
        assert (ROOT / path).exists(), f"cibuildwheel's test-command names {path}, which does not exist"
    assert cibw["test-environment"] == {"ARTICLEKIT_REQUIRE_SPEEDUPS": "1"}
    requires = cibw["test-requires"]
    assert isinstance(requires, list)
    assert any(r.startswith("pytest") for r in requires)


_CIBUILDWHEEL = shutil.which("cibuildwheel", path=str(Path(sys.executable).parent)) or shutil.which(
    "cibuildwheel"
)


@pytest.mark.skipif(_CIBUILDWHEEL is None, reason="cibuildwheel is not installed (dev extra, Python 3.11+)")
@pytest.mark.parametrize("platform", ["linux", "macos", "windows"])
def test_cibuildwheel_accepts_the_configuration(platform: str) -> None:
    """cibuildwheel reads the table (it rejects unknown options) and lists what a release builds."""
    assert _CIBUILDWHEEL is not None
    out = _run([_CIBUILDWHEEL, "--print-build-identifiers", "--platform", platform], cwd=ROOT)
    identifiers = out.split()
    assert identifiers, out
    pythons = {i.split("-", 1)[0] for i in identifiers}
    assert pythons == {f"cp{v.replace('.', '')}" for v in PYTHONS}, identifiers
    platform_tags = {i.split("-", 1)[1] for i in identifiers}
    expected = {
        "linux": {"manylinux_x86_64", "musllinux_x86_64"},  # aarch64 on the arm runner (archs auto64)
        "macos": {"macosx_x86_64"},  # and macosx_arm64 on an Apple silicon runner
        "windows": {"win_amd64"},
    }[platform]
    assert platform_tags == expected, identifiers


def test_wheels_workflow_runs_cibuildwheel_on_every_os_and_ships_a_pure_wheel() -> None:
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "wheels.yml").read_text(encoding="utf-8"))
    jobs = workflow["jobs"]
    cibw_jobs = [
        job
        for job in jobs.values()
        if any(s.get("uses", "").startswith("pypa/cibuildwheel@") for s in job["steps"])
    ]
    assert len(cibw_jobs) == 1
    (job,) = cibw_jobs
    runners = job["strategy"]["matrix"]["os"]
    for prefix in ("ubuntu", "windows", "macos"):
        assert any(r.startswith(prefix) for r in runners), (prefix, runners)
    assert any("arm" in r for r in runners)  # Linux aarch64 natively
    assert len([r for r in runners if r.startswith("macos")]) == 2  # Intel and Apple silicon
    text = (ROOT / ".github" / "workflows" / "wheels.yml").read_text(encoding="utf-8")
    # the Python versions and test command live in pyproject.toml only
    assert "CIBW_BUILD" not in text
    assert "CIBW_TEST_COMMAND" not in text
    assert "ARTICLEKIT_NO_EXTENSIONS" in text
