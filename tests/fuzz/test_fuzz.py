"""The bounded fuzz run of the normal test suite (the long run: ``python -m articlekit.fuzz``).

Hypothesis drives the same mutators as the long run over the built-in seeds,
generated documents and (when present) the real corpus; every result must
keep the never-crash guarantees that :func:`articlekit.fuzz.check_input` checks.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import articlekit
from articlekit import api, fuzz, yamlsafe
from conftest import DATA, corpus_files

_SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
_REAL = [p.read_text(encoding="utf-8") for p in sorted(DATA.glob("*.md"))]


def _fail(data: str | bytes, limits: articlekit.Limits = articlekit.DEFAULT_LIMITS) -> None:
    failure = fuzz.check_input(data, limits)
    assert failure is None, f"{failure}\ninput: {data!r}"


@_SETTINGS
@given(seed=st.sampled_from(fuzz.SEEDS + tuple(_REAL)), rng=st.randoms(use_true_random=False))
def test_mutated_seed_files_keep_the_guarantees(seed: str, rng: random.Random) -> None:
    text = fuzz.mutate(seed, rng)
    _fail(text)
    _fail(text.encode("utf-8", errors="surrogatepass"), fuzz.SMALL_LIMITS)


@_SETTINGS
@given(rng=st.randoms(use_true_random=False))
def test_mutated_generated_files_keep_the_guarantees(rng: random.Random) -> None:
    _fail(fuzz.mutate(fuzz.generate_document(rng), rng))


@settings(max_examples=100, deadline=None)
@given(data=st.binary(max_size=300) | st.text(max_size=300))
def test_arbitrary_bytes_and_text_keep_the_guarantees(data: str | bytes) -> None:
    _fail(data)
    _fail(b"---\n" + data + b"\n---\n" if isinstance(data, bytes) else "---\n" + data + "\n---\n")


def test_a_seeded_run_covers_every_outcome_and_fails_nothing() -> None:
    stats = fuzz.run(300, seed=7)
    assert stats.failures == []
    assert stats.count == 300
    assert stats.outcomes is not None
    assert set(stats.outcomes) == {"valid", "invalid", "parse-error", "limit"}
    assert stats.codes is not None
    assert {"AK101", "AK201", "AK207"} <= set(stats.codes)


def test_a_seeded_run_with_the_pure_python_parser(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yamlsafe, "_Loader", yaml.SafeLoader)
    assert fuzz.run(150, seed=11).failures == []


def test_cases_are_reproducible_one_by_one() -> None:
    assert fuzz.case(3, 41) == fuzz.case(3, 41)
    assert fuzz.case(3, 41) != fuzz.case(3, 42)


def test_every_mutator_changes_some_seed() -> None:
    for name, mutator in fuzz.MUTATORS.items():
        changed = any(mutator(seed, random.Random(i)) != seed for seed in fuzz.SEEDS for i in range(5))
        assert changed, name


def test_the_harness_reports_a_foreign_exception(monkeypatch: pytest.MonkeyPatch) -> None:
    def _boom(*args: object, **kwargs: object) -> None:
        raise KeyError("boom")

    monkeypatch.setattr(api, "loads", _boom)
    failure = fuzz.check_input(fuzz.SEEDS[0])
    assert failure is not None
    assert failure.kind == "loads() raised a foreign exception"
    assert "KeyError" in failure.detail


def test_the_harness_reports_a_bad_position(monkeypatch: pytest.MonkeyPatch) -> None:
    real_check = api.check

    def _shifted(*args: object, **kwargs: object) -> list[articlekit.Issue]:
        return [articlekit.Issue("AK301", "error", "x", (), 999, 1)] + real_check(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(api, "check", _shifted)
    failure = fuzz.check_input(fuzz.SEEDS[1])
    assert failure is not None
    assert "past the end of the file" in failure.detail


def test_the_command_line_runs_and_replays(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert fuzz.main(["--count", "30", "--seed", "5", "--out", str(tmp_path), "--json"]) == 0
    assert '"count": 30' in capsys.readouterr().out
    assert fuzz.main(["--seed", "5", "--index", "3"]) == 0
    assert "no failure" in capsys.readouterr().out


def test_mutated_corpus_files_keep_the_guarantees() -> None:
    files = corpus_files()
    if not files:
        pytest.skip("../shared/corpus is not present")
    rng = random.Random(2024)
    for path in rng.sample(files, min(40, len(files))):
        text = path.read_text(encoding="utf-8")
        _fail(text)
        for _ in range(5):
            _fail(fuzz.mutate(text, rng))
