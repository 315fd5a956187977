"""What docs/scaling.md claims: the per-file functions are pure and picklable, and its example runs."""

from __future__ import annotations

import importlib.util
import pickle
import sys
from pathlib import Path
from types import ModuleType

import pytest

import articlekit
from conftest import DOCS

BROKEN = b'---\ncategory: news\ntitle: ""\nquality: "66"\n---\nbody\n'


@pytest.fixture(scope="module")
def scaling() -> ModuleType:
    path = DOCS / "examples" / "scaling.py"
    spec = importlib.util.spec_from_file_location("articlekit_docs_scaling", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # so that pickle finds its functions by name
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory, sample_text: str) -> list[str]:
    folder = tmp_path_factory.mktemp("scaling")
    paths = []
    for i, content in enumerate([sample_text.encode(), BROKEN, b"no front matter\n", BROKEN]):
        path = folder / f"{i}.md"
        path.write_bytes(content)
        paths.append(str(path))
    return paths


def test_functions_and_results_pickle(sample_text: str) -> None:
    for function in (articlekit.check, articlekit.loads, articlekit.load, articlekit.parse):
        assert pickle.loads(pickle.dumps(function)) is function
    issues = articlekit.check(BROKEN)
    assert issues
    assert pickle.loads(pickle.dumps(issues)) == issues
    doc = articlekit.loads(sample_text)
    assert pickle.loads(pickle.dumps(doc)) == doc
    for data in (BROKEN, b"no front matter\n"):
        with pytest.raises(articlekit.ArticleKitError) as info:
            articlekit.loads(data)
        copy = pickle.loads(pickle.dumps(info.value))
        assert type(copy) is type(info.value)
        assert copy.issues == info.value.issues
        assert str(copy) == str(info.value)


def test_check_is_pure(sample_text: str) -> None:
    first = [articlekit.check(BROKEN), articlekit.check(sample_text)]
    second = [articlekit.check(sample_text), articlekit.check(BROKEN)]
    assert first == second[::-1]
    assert articlekit.check(sample_text.encode()) == articlekit.check(sample_text)


def test_partition_and_path_workers_agree(scaling: ModuleType, files: list[str]) -> None:
    sequential = [row for path in files for row in scaling.check_path(path)]
    assert {row["code"] for row in sequential} >= {"AK302", "AK303", "AK102"}
    pairs = [(path, Path(path).read_bytes()) for path in files]
    assert list(scaling.check_partition(iter(pairs))) == sequential
    assert pickle.loads(pickle.dumps(sequential)) == sequential


def test_process_pool_gives_the_sequential_result(scaling: ModuleType, files: list[str]) -> None:
    sequential = [row for path in files for row in scaling.check_path(path)]
    assert scaling.with_processes(files, jobs=2) == sequential


def test_dask_bag_gives_the_sequential_result(scaling: ModuleType, files: list[str]) -> None:
    pytest.importorskip("dask.bag")
    sequential = [row for path in files for row in scaling.check_path(path)]
    assert scaling.with_dask(files, partitions=3, scheduler="sync") == sequential
