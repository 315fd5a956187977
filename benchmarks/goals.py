"""The goals of issue 22, each measured and judged: ``python -m benchmarks`` prints them as a table.

Every throughput goal is a ratio of medians against ``frontmatter.loads`` over
the same files, interleaved in one process (see ``_interleaved``).
"""

from __future__ import annotations

import contextlib
import json
import os
import statistics
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

__all__ = [
    "Goal",
    "extra_rows",
    "foreign_front_matter",
    "parallel_ceiling",
    "per_kind_loads",
    "pure_python_check",
    "startup",
]

Goal = dict[str, Any]  # {"goal", "figure", "target", "met", "note"}


def goal(name: str, figure: float | None, target: str, met: bool | None, note: str = "") -> Goal:
    return {"goal": name, "figure": figure, "target": target, "met": met, "note": note}


def _json_default(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def extra_rows(texts: list[str], paths: list[Path] | None, root: Path | None) -> dict[str, Callable[[], Any]]:
    """Rows next to the throughput rows: parse, the floors (yaml_rs, orjson), yaml.dump, check with config."""
    import yaml

    import articlekit
    from benchmarks.__main__ import _front_matter

    fronts = [_front_matter(t) for t in texts]
    rows: dict[str, Callable[[], Any]] = {}

    def parse() -> None:
        for t in texts:
            with contextlib.suppress(articlekit.ArticleKitError):
                articlekit.parse(t)

    rows["articlekit.parse"] = parse
    try:
        import yaml_rs

        def rs() -> None:
            for t in texts:
                m = _FENCE.match(t)
                if m:
                    with contextlib.suppress(Exception):
                        yaml_rs.loads(m.group(1))

        with contextlib.suppress(Exception):
            yaml_rs.loads("a: 1\n")
            rows["split + yaml_rs.loads"] = rs
    except ImportError:
        pass
    datas = [yaml.load(f, Loader=yaml.CSafeLoader) or {} for f in fronts]
    try:
        import orjson

        blobs = [orjson.dumps(json.loads(json.dumps(d, default=_json_default))) for d in datas]

        def oj() -> None:
            for b in blobs:
                orjson.loads(b)

        rows["orjson.loads (same data as JSON)"] = oj
    except ImportError:
        pass

    def dump() -> None:
        for d in datas:
            yaml.dump(d, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False)

    rows["yaml.dump CSafeDumper (same data)"] = dump
    if paths is not None and root is not None:
        config = articlekit.Config.from_dict(
            {
                "per-file-ignores": {"_news/**": ["AK305"], "_people/**": ["AK901"]},
                "kinds": {"_learning/courses/**": "course"},
                "warnings-as-errors": False,
            },
            root=root,
        )
        # a suppression comment in every fourth file, right after the opening fence
        marked = [
            t.replace("---\n", "---\n# articlekit: ignore[AK305]\n", 1) if i % 4 == 0 else t
            for i, t in enumerate(texts)
        ]
        pairs = list(zip(marked, [str(p) for p in paths], strict=True))

        def check_config() -> None:
            for t, p in pairs:
                articlekit.check(t, config=config, path=p)

        # every run sees each path for the first time, as a check of a repository does (what the
        # configuration worked out for single paths is forgotten before it, untimed)
        check_config.before = config._forget_paths  # type: ignore[attr-defined]
        rows["articlekit.check (config, suppressions)"] = check_config
    return rows


import re  # noqa: E402

_FENCE = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*$", re.DOTALL | re.MULTILINE)


def _kind_name(text: str) -> str:
    import articlekit

    try:
        data, _ = articlekit.parse(text)
    except articlekit.ArticleKitError:
        return "(unreadable)"
    model = articlekit.detect_kind(data) if isinstance(data, dict) else None
    return model.__name__ if model is not None else "(no kind)"


def per_kind_loads(texts: list[str], rounds: int) -> dict[str, dict[str, float]]:
    """Per kind: ``loads`` and ``frontmatter.loads``, interleaved; documents/s and the ratio."""
    import frontmatter

    import articlekit
    from benchmarks.__main__ import _interleaved

    groups: dict[str, list[str]] = {}
    for t in texts:
        groups.setdefault(_kind_name(t), []).append(t)
    out: dict[str, dict[str, float]] = {}
    for kind, group in sorted(groups.items()):
        if kind.startswith("("):
            continue

        def fm(group: list[str] = group) -> None:
            for t in group:
                frontmatter.loads(t)

        def loads(group: list[str] = group) -> None:
            for t in group:
                with contextlib.suppress(articlekit.ArticleKitError):
                    articlekit.loads(t)

        rows = {"fm": fm, "loads": loads}
        for fn in rows.values():
            fn()
        # small groups: more rounds, so that each median covers enough time
        times = _interleaved(rows, max(rounds, min(41, 2000 // len(group))))
        fm_t, loads_t = statistics.median(times["fm"]), statistics.median(times["loads"])
        out[kind] = {
            "documents": len(group),
            "ratio": fm_t / loads_t,
            "loads_docs_per_s": len(group) / loads_t,
        }
    return out


def foreign_front_matter(count: int, rounds: int, seed: int) -> dict[str, Any]:
    """``parse`` over the generated foreign corpus against ``frontmatter.loads``; fallbacks per construct."""
    import frontmatter

    import articlekit
    from articlekit import fastyaml
    from benchmarks.__main__ import _front_matter, _interleaved
    from benchmarks.foreign import CONSTRUCTS, foreign_corpus

    corpus = foreign_corpus(count, seed)
    texts = [t for _, t in corpus]

    def fm() -> None:
        for t in texts:
            frontmatter.loads(t)

    def parse() -> None:
        for t in texts:
            articlekit.parse(t)

    rows = {"fm": fm, "parse": parse}
    for fn in rows.values():
        fn()
    times = _interleaved(rows, rounds)
    ratio = statistics.median(times["fm"]) / statistics.median(times["parse"])
    per: dict[str, list[int]] = {name: [0, 0] for name in CONSTRUCTS}  # [documents, fell back]
    for used, text in corpus:
        slow = fastyaml.parse_subset(_front_matter(text)) is None
        for name in used:
            per[name][0] += 1
            per[name][1] += slow
    alone = {}
    for used, text in corpus:  # documents with the construct alone: which construct itself falls back
        if len(used) == 1 and used[0] not in alone:
            alone[used[0]] = fastyaml.parse_subset(_front_matter(text)) is None
    return {
        "documents": len(texts),
        "ratio": ratio,
        "fallback": {
            n: {"documents": d, "fell_back": s, "alone_falls_back": alone.get(n)} for n, (d, s) in per.items()
        },
    }


_PURE_CHILD = r"""
import json, sys
from pathlib import Path
from benchmarks.__main__ import _read_folder, _interleaved
import statistics, frontmatter, articlekit
from articlekit import fastyaml
texts = _read_folder(Path(sys.argv[1]))
def fm():
    for t in texts:
        frontmatter.loads(t)
def check():
    for t in texts:
        articlekit.check(t)
rows = {"fm": fm, "check": check}
for fn in rows.values():
    fn()
times = _interleaved(rows, int(sys.argv[2]))
print(json.dumps({"accelerated": fastyaml.ACCELERATED,
                  "ratio": statistics.median(times["fm"]) / statistics.median(times["check"])}))
"""


def pure_python_check(folder: Path, rounds: int) -> dict[str, Any]:
    """``check`` against ``frontmatter.loads`` in a subprocess with ``ARTICLEKIT_PURE_PYTHON=1``."""
    env = dict(os.environ, ARTICLEKIT_PURE_PYTHON="1")
    root = str(Path(__file__).resolve().parent.parent)
    env["PYTHONPATH"] = root + os.pathsep + env.get("PYTHONPATH", "")
    proc = subprocess.run(
        [sys.executable, "-c", _PURE_CHILD, str(folder), str(rounds)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        cwd=root,
    )
    result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


def startup(one: Path, rounds: int, cache: Path) -> dict[str, float]:
    """Medians of ``python -c pass``, ``python -c 'import pydantic'`` and ``articlekit check -q one.md``."""
    from benchmarks.__main__ import _cli_env, _interleaved

    env = _cli_env(cache)
    commands = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "python -c 'import pydantic'": [sys.executable, "-c", "import pydantic"],
        "articlekit check one.md": [sys.executable, "-m", "articlekit", "check", "-q", str(one)],
    }

    def runner(command: list[str]) -> Callable[[], Any]:
        return lambda: subprocess.run(
            command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=False
        )

    rows = {name: runner(c) for name, c in commands.items()}
    for run in rows.values():
        run()
    return {name: statistics.median(ts) for name, ts in _interleaved(rows, rounds).items()}


def lsp_first_diagnostics() -> tuple[float | None, str]:
    """Milliseconds from starting ``articlekit lsp`` to the first diagnostics (the slower of two runs)."""
    try:
        from benchmarks.lsp import measure

        figures = measure(changes=5, warmup=1)
    except Exception as exc:  # the lsp extra may be absent
        return None, f"not measured: {type(exc).__name__}: {exc}"
    return max(figures["startup_ms"]), "slower of 2 runs"


def print_goals(goals: list[Goal]) -> None:
    print("\n## Goals of issue 22")
    print(f"{'goal':58} {'figure':>9} {'target':>10} {'met':>5}  note")
    for g in goals:
        fig = "-" if g["figure"] is None else f"{g['figure']:.2f}"
        met = "skip" if g["met"] is None else ("yes" if g["met"] else "NO")
        print(f"{g['goal']:58} {fig:>9} {g['target']:>10} {met:>5}  {g['note']}")


def _spin(steps: int) -> int:
    total = 0
    for i in range(steps):
        total += i * i
    return total


def parallel_ceiling(rounds: int = 3, steps: int = 15_000_000) -> float:
    """What two processes can give on this machine at best: pure arithmetic, no I/O, nothing shared.

    The median of ``rounds`` runs of (the loop twice in this process) / (once here and once
    in a forked process at the same time).  ``check -j 2`` also has a serial part (start-up,
    discovery), so its ratio stays below this one.
    """
    import multiprocessing
    import time

    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    ratios = []
    for _ in range(rounds):
        start = time.perf_counter()
        _spin(steps)
        _spin(steps)
        serial = time.perf_counter() - start
        start = time.perf_counter()
        other = context.Process(target=_spin, args=(steps,))
        other.start()
        _spin(steps)
        other.join()
        ratios.append(serial / (time.perf_counter() - start))
    return statistics.median(ratios)
