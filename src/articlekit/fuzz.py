"""A mutation fuzzer for the never-crash guarantee.

articlekit reads files that strangers wrote.  This module mutates real and
generated front-matter files the ways files get broken or crafted — byte
flips, truncation, deleted and duplicated lines, indentation and tab changes,
swapped quotes, changed newlines, inserted YAML syntax (anchors, aliases,
tags, flow brackets, merge keys) and hostile characters — and checks each
result against the guarantees:

* [`articlekit.check`][articlekit.check] never raises;
* [`articlekit.loads`][articlekit.loads] and [`articlekit.parse`][articlekit.parse] raise only
  [`ArticleKitError`][articlekit.ArticleKitError] subclasses, whose text renders;
* every issue has a registered code, a line and a column inside the file;
* a ``secured`` value (at any depth, also one kept as an unknown key) never
  appears whole in a message, an exception's text, or the ``repr`` or ``str``
  of a document or its model;
* when the writer is present, what it writes loads back to the same data.

The long run (the figures in ``SECURITY.md`` come from it):

```sh
python -m articlekit.fuzz --count 100000 --seed 1 --corpus tests/data
```

Each case ``i`` of a run with seed ``S`` is generated from its own random
generator, so ``--seed S --index i`` replays exactly that case (``--index``
takes several), and ``--start i`` begins a run there.  Any failure
is written to ``--out`` (default ``fuzz-failures/``) as a reproducer file, with
a one-line Python command that shows the exception.

The same mutators drive the Hypothesis tests in ``tests/fuzz/``:

>>> import random
>>> text = mutate(SEEDS[0], random.Random(0))
>>> check_input(text) is None
True
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from . import yamlsafe
from ._fuzzcases import (
    MUTATORS,
    _bytes_of,
    _text_of,
    case,
    generate_document,
    mutate,
)
from ._fuzzcheck import (
    FuzzFailure,
    _examine,
    check_input,
)
from ._fuzzseeds import SEEDS, SMALL_LIMITS
from .issues import Issue

__all__ = [
    "MUTATORS",
    "SEEDS",
    "SMALL_LIMITS",
    "FuzzFailure",
    "FuzzStats",
    "case",
    "check_input",
    "generate_document",
    "main",
    "mutate",
    "run",
]


# -- the run ----------------------------------------------------------------


@dataclass
class FuzzStats:
    """Figures from a run.

    Attributes:
        count: cases run.
        seconds: wall-clock time of the run.
        failures: ``(index, failure)`` for each broken guarantee.
        outcomes: how many inputs loaded, failed to parse, failed to validate.
        codes: how often each issue code was reported.
    """

    count: int = 0
    seconds: float = 0.0
    failures: list[tuple[int, FuzzFailure]] | None = None
    outcomes: Counter[str] | None = None
    codes: Counter[str] | None = None

    def summary(self) -> str:
        """A few lines for a terminal."""
        rate = self.count / self.seconds if self.seconds else 0.0
        outcomes = ", ".join(f"{k} {v:,}" for k, v in sorted((self.outcomes or Counter()).items()))
        return (
            f"{self.count:,} inputs in {self.seconds:.1f} s ({rate:,.0f}/s); "
            f"{len(self.failures or []):,} failures\n"
            f"outcomes: {outcomes}\n"
            f"distinct issue codes seen: {len(self.codes or {})}"
        )


def _outcome(issues: list[Issue]) -> str:
    if any(i.code == "AK207" or i.code == "AK105" for i in issues):
        return "limit"
    if any(i.is_error and i.code[:3] in ("AK1", "AK2") for i in issues):
        return "parse-error"
    if any(i.is_error for i in issues):
        return "invalid"
    return "valid"


def _write_reproducer(out: Path, seed: int, index: int, data: str | bytes, failure: FuzzFailure) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"seed{seed}-case{index}.md"
    path.write_bytes(data if isinstance(data, bytes) else _bytes_of(data))
    (out / f"seed{seed}-case{index}.txt").write_text(str(failure), encoding="utf-8")
    return path


def run(
    count: int,
    seed: int = 0,
    *,
    seeds: Sequence[str] = SEEDS,
    out: Path | None = None,
    progress: Callable[[str], None] | None = None,
    start: int = 0,
) -> FuzzStats:
    """Run cases ``start`` to ``start + count - 1`` of ``seed``; failures are written to ``out``."""
    stats = FuzzStats(failures=[], outcomes=Counter(), codes=Counter())
    assert stats.failures is not None
    assert stats.outcomes is not None
    assert stats.codes is not None
    began = time.perf_counter()
    for index in range(start, start + count):
        data, limits = case(seed, index, seeds)
        failure, issues = _examine(data, limits)
        stats.outcomes["crash" if failure else _outcome(issues)] += 1
        stats.codes.update(i.code for i in issues)
        if failure is not None:
            stats.failures.append((index, failure))
            if out is not None:
                path = _write_reproducer(out, seed, index, data, failure)
                if progress:
                    progress(
                        f"FAIL case {index}: {failure.kind}\n  replay: python -m articlekit.fuzz "
                        f'--seed {seed} --index {index}\n  or: python -c "import articlekit; '
                        f"articlekit.loads(open('{path}', 'rb').read())\""
                    )
        stats.count += 1
        if progress and stats.count % 5000 == 0:
            progress(f"{stats.count:,} inputs, {len(stats.failures)} failures")
    stats.seconds = time.perf_counter() - began
    return stats


def _read_seeds(paths: Iterable[str]) -> list[str]:
    found: list[str] = []
    for name in paths:
        path = Path(name)
        files = sorted(path.rglob("*.md")) if path.is_dir() else [path]
        for file in files:
            found.append(_text_of(file.read_bytes()))
    return found


def main(argv: Sequence[str] | None = None) -> int:
    """The command line: ``python -m articlekit.fuzz --count N --seed S``; exit 1 on a failure."""
    parser = argparse.ArgumentParser(prog="python -m articlekit.fuzz", description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=10_000, help="inputs to try (default 10,000)")
    parser.add_argument("--seed", type=int, default=0, help="the run's seed (default 0)")
    parser.add_argument("--start", type=int, default=0, help="first case index (to split a run)")
    parser.add_argument(
        "--index",
        type=int,
        nargs="+",
        metavar="I",
        help="replay these cases (one or more indexes) and show what each breaks",
    )
    parser.add_argument(
        "--corpus", action="append", default=[], help="a file or directory of .md seed files (repeatable)"
    )
    parser.add_argument("--pure", action="store_true", help="use PyYAML's pure-Python parser, not libyaml")
    parser.add_argument("--out", default="fuzz-failures", help="where reproducers go")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    if args.pure:
        yamlsafe._Loader = yaml.SafeLoader
    seeds = list(SEEDS) + _read_seeds(args.corpus)
    if args.index is not None:
        failed = 0
        for index in args.index:
            data, limits = case(args.seed, index, seeds)
            if len(args.index) > 1:
                print(f"case {index}:")
            print(repr(data))
            failure = check_input(data, limits)
            print(failure if failure else "no failure")
            failed += failure is not None
        return 1 if failed else 0
    stats = run(
        args.count,
        args.seed,
        seeds=seeds,
        out=Path(args.out),
        progress=lambda line: print(line, file=sys.stderr, flush=True),
        start=args.start,
    )
    if args.json:
        print(
            json.dumps(
                {
                    "count": stats.count,
                    "seed": args.seed,
                    "seeds": len(seeds),
                    "seconds": round(stats.seconds, 2),
                    "failures": [[i, f.kind] for i, f in stats.failures or []],
                    "outcomes": dict(stats.outcomes or {}),
                    "codes": dict(sorted((stats.codes or {}).items())),
                }
            )
        )
    else:
        print(stats.summary())
    return 1 if stats.failures else 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
