"""Compare articlekit's writer with PyYAML's C dumper on the shared corpus.

Run: ``.venv/bin/python benchmarks/bench_writer.py [CORPUS_DIR] [--repeat N]``

For every file that loads, it times (the best of ``--repeat`` rounds, the cases interleaved in
each round so that a busy machine slows them alike):

* ``dumps`` of the unchanged document (returns the source);
* ``dumps`` after changing one scalar (``heat``, else ``title``): a splice plus verification;
* ``format`` of the text (load, canonical rendering, verification);
* ``yaml.dump(data, Dumper=CSafeDumper)`` of the loaded front matter, plus the fences and
  body: what a PyYAML-based writer would do (it loses quoting, comments and blank lines).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

import articlekit
from articlekit.models import FrontMatterModel
from articlekit.writer import dumps, format

DEFAULT = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "smartable-power-apps"


class _AnyKind(FrontMatterModel):
    """Every key as an unknown key: lets kinds without a model load too."""


def _best_interleaved(cases: dict[str, Callable[[], Any]], repeat: int) -> dict[str, float]:
    """The best time of each case over ``repeat`` rounds, every case once per round in a rotating order."""
    names = list(cases)
    times: dict[str, list[float]] = {name: [] for name in names}
    for r in range(repeat):
        for name in names[r % len(names) :] + names[: r % len(names)]:
            start = time.perf_counter()
            cases[name]()
            times[name].append(time.perf_counter() - start)
    return {name: min(ts) for name, ts in times.items()}


def _edit_one_scalar(meta: Any) -> Any:
    """``heat`` plus one, else " (updated)" appended to the title, name, excerpt or description."""
    if isinstance(getattr(meta, "heat", None), int):
        return meta.model_copy(update={"heat": meta.heat + 1})
    for name in ("title", "name", "excerpt", "description"):
        value = getattr(meta, name, None)
        if isinstance(value, str):
            return meta.model_copy(update={name: value + " (updated)"})
    return meta.model_copy(update={"benchmark": 1})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    files = sorted(p for p in args.corpus.rglob("*.md") if p.name != "README.md")
    if not files:
        print(f"no files under {args.corpus}", file=sys.stderr)
        return 1
    docs = []
    for path in files:
        text = path.read_text(encoding="utf-8")
        kind: type[FrontMatterModel] | None = None
        try:
            doc = articlekit.loads(text)
        except articlekit.ArticleKitError:
            kind = _AnyKind
            doc = articlekit.loads(text, kind=kind)
        docs.append((text, kind, doc, doc.replace(meta=_edit_one_scalar(doc.meta))))

    def run_all(fn: Callable[[Any], Any]) -> Callable[[], None]:
        return lambda: [fn(item) for item in docs] and None

    def yaml_dump(item: Any) -> str:
        doc = item[2]
        data = yaml.dump(doc.source.data, Dumper=yaml.CSafeDumper, sort_keys=False, allow_unicode=True)
        return "---\n" + data + "---\n" + doc.body

    cases = {
        "dumps (unchanged)": lambda item: dumps(item[2]),
        "dumps (one scalar changed)": lambda item: dumps(item[3]),
        "format": lambda item: format(item[0], kind=item[1]),
        "yaml.dump CSafeDumper": yaml_dump,
    }
    n = len(docs)
    print(f"{n} files from {args.corpus}, best of {args.repeat}")
    runs = {name: run_all(fn) for name, fn in cases.items()}
    for run in runs.values():
        run()  # warm-up: imports, the writer's plans
    results = _best_interleaved(runs, args.repeat)
    base = results["yaml.dump CSafeDumper"]
    for name, total in results.items():
        per_file = total / n * 1e6
        speed = base / total  # as fast as yaml.dump: >= 1 (the goal of issue 22)
        print(f"{name:28s} {total * 1e3:8.1f} ms total  {per_file:8.1f} µs/file  {speed:5.2f}x as fast")
    lines_changed = statistics.mean(
        sum(a != b for a, b in zip(item[0].splitlines(), dumps(item[3]).splitlines(), strict=False))
        for item in docs
    )
    print(f"lines changed per one-scalar edit (mean): {lines_changed:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
