"""``python -m benchmarks``: documents per second and peak memory; see README.md."""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

__all__ = ["main"]

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "smartable-power-apps"
SAMPLE = ROOT / "tests" / "data" / "finland-prisons-ai.md"
_FENCE = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*$", re.DOTALL | re.MULTILINE)


# -- inputs -----------------------------------------------------------------
def _md_paths(folder: Path) -> list[Path]:
    return [p for p in sorted(folder.rglob("*.md")) if p.name != "README.md"]


def _read_folder(folder: Path) -> list[str]:
    return [p.read_text(encoding="utf-8") for p in _md_paths(folder)]


def _front_matter(text: str) -> str:
    m = _FENCE.match(text)
    return m.group(1) if m else ""


def _generated_texts(count: int, seeds: list[str], seed: int) -> list[str]:
    """``count`` documents: from ``articlekit.strategies.documents()``, else variations of ``seeds``."""
    try:
        from articlekit import strategies  # type: ignore[attr-defined]

        documents = strategies.documents
    except (ImportError, AttributeError):
        documents = None
    if documents is not None:
        from hypothesis import HealthCheck, given, settings

        out: list[str] = []

        @settings(max_examples=count, database=None, deadline=None, suppress_health_check=list(HealthCheck))
        @given(documents())
        def collect(doc: Any) -> None:
            text = doc if isinstance(doc, str) else getattr(doc, "text", doc)
            if isinstance(text, bytes):
                text = text.decode("utf-8", "replace")
            if isinstance(text, str) and len(out) < count:
                out.append(text)

        collect()
        if len(out) >= count // 2:
            return (out * (count // len(out) + 1))[:count]
    return _synthetic(count, seeds, seed)


def _synthetic(count: int, seeds: list[str], seed: int) -> list[str]:
    """Variations of real files: quality, heat, dates, titles and newline style change."""
    rng = random.Random(seed)
    words = [
        "cloud",
        "data",
        "apps",
        "power",
        "model",
        "agent",
        "report",
        "teams",
        "portal",
        "build",
        "low",
        "code",
        "flow",
    ]
    out: list[str] = []
    for i in range(count):
        text = rng.choice(seeds)
        text = re.sub(r"(quality|heat): [0-9]+", lambda m: f"{m.group(1)}: {rng.randint(1, 2000)}", text)
        text = re.sub(
            r"(DateTime: )20[0-9]{2}-[0-9]{2}-[0-9]{2}T",
            lambda m: (
                f"{m.group(1)}{rng.randint(2015, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}T"
            ),
            text,
        )
        text = re.sub(
            r'^title: "(.*)"$',
            lambda m, i=i: f'title: "{m[1]} {" ".join(rng.sample(words, 3))} {i}"',
            text,
            count=1,
            flags=re.MULTILINE,
        )
        if rng.random() < 0.1:
            text = text.replace("\n", "\r\n")
        out.append(text)
    return out


# -- timing -----------------------------------------------------------------
def _forget() -> None:
    """Empty articlekit's memos of verdicts on values (URLs, hosts, ...), when it has them.

    Before each timed run: every run is then a first pass over its files, as a check of
    a repository is, and not a second look at texts whose verdicts are remembered.
    """
    try:
        from articlekit.rules._common import forget_memos
    except ImportError:  # an articlekit without memos
        return
    forget_memos()


def _interleaved(rows: dict[str, Callable[[], Any]], rounds: int) -> dict[str, list[float]]:
    """Run every row once per round, in a rotating order; the seconds of each run.

    articlekit's memos of values are emptied before each run, and a row's ``before``
    attribute (a function), if it has one, is called (both untimed; see `_forget`).
    """
    names = list(rows)
    times: dict[str, list[float]] = {n: [] for n in names}
    for r in range(rounds):
        order = names[r % len(names) :] + names[: r % len(names)]
        for name in order:
            _forget()
            before = getattr(rows[name], "before", None)  # a row's own preparation, untimed
            if before is not None:
                before()
            start = time.perf_counter()
            rows[name]()
            times[name].append(time.perf_counter() - start)
    return times


def _throughput_rows(
    texts: list[str], paths: list[Path] | None = None, root: Path | None = None
) -> tuple[dict[str, Callable[[], Any]], int]:
    """The timed rows over ``texts``, and how many of the texts load (the ``dumps`` row's count)."""
    import frontmatter
    import yaml

    import articlekit
    from articlekit import Article

    fronts = [_front_matter(t) for t in texts]
    loader = yaml.CSafeLoader

    def fm() -> None:
        for t in texts:
            frontmatter.loads(t)

    def csafe() -> None:
        for f in fronts:
            yaml.load(f, Loader=loader)

    def csafe_model() -> None:
        for f in fronts:
            data = yaml.load(f, Loader=loader)
            with contextlib.suppress(Exception):
                Article.model_validate(data)

    def check() -> None:
        for t in texts:
            articlekit.check(t)

    def loads() -> None:
        for t in texts:
            with contextlib.suppress(articlekit.ArticleKitError):
                articlekit.loads(t)

    docs = []
    for t in texts:
        with contextlib.suppress(articlekit.ArticleKitError):
            docs.append(articlekit.loads(t))

    rows: dict[str, Callable[[], Any]] = {
        "frontmatter.loads": fm,
        "yaml.load CSafeLoader": csafe,
        "CSafeLoader + Article.model_validate": csafe_model,
        "articlekit.check": check,
        "articlekit.loads": loads,
    }
    dumps = getattr(articlekit, "dumps", None)
    if dumps is not None and docs:

        def dumps_row() -> None:
            for d in docs:
                dumps(d)

        rows["articlekit.dumps (per loaded doc)"] = dumps_row
    fmt = getattr(articlekit, "format", None)
    if fmt is not None:

        def format_row() -> None:
            for t in texts:
                with contextlib.suppress(articlekit.ArticleKitError):
                    fmt(t)

        rows["articlekit.format"] = format_row
    from benchmarks.goals import extra_rows

    rows.update(extra_rows(texts, paths, root))
    return rows, len(docs)


def _throughput(
    label: str, texts: list[str], rounds: int, paths: list[Path] | None = None, root: Path | None = None
) -> dict[str, Any]:
    rows, n_docs = _throughput_rows(texts, paths, root)
    n_texts = len(texts)
    for fn in rows.values():  # warm-up: imports, caches, lazy rule loading
        fn()
    times = _interleaved(rows, rounds)
    result: dict[str, Any] = {"corpus": label, "documents": n_texts, "rounds": rounds, "rows": {}}
    base = None
    for name, ts in times.items():
        n = n_docs if name.startswith("articlekit.dumps") else n_texts
        med = statistics.median(ts)
        rate = n / med if med > 0 else float("inf")
        if name == "frontmatter.loads":
            base = rate
        result["rows"][name] = {
            "docs_per_s": rate,
            "us_per_doc": med / n * 1e6 if n else 0.0,
            "min_docs_per_s": n / max(ts),
            "max_docs_per_s": n / min(ts),
        }
    for row in result["rows"].values():
        row["ratio_to_frontmatter"] = row["docs_per_s"] / base if base else None
    return result


# -- CLI --------------------------------------------------------------------
def _cli_env(cache: Path) -> dict[str, str]:
    """The environment of the CLI runs: Python keeps compiled bytecode (in ``cache``), as an install does.

    ``PYTHONDONTWRITEBYTECODE`` (set on some CI machines) would make every run
    compile articlekit's modules again, ~40 ms that no installed copy pays.
    """
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(cache)
    return env


def _cli(folder: Path, n_files: int, rounds: int, scale: int, cache: Path) -> dict[str, Any]:
    """``articlekit check -q FOLDER -j 1`` and ``-j 2``; their start-up; the same over ``scale`` copies.

    Start-up is ``articlekit check`` of one file: the interpreter, the imports
    (pydantic building the models) and the exit, which both job counts pay
    once.  Subtracting it from both gives the speed-up of the checking itself.
    """
    cmd = [sys.executable, "-m", "articlekit", "check", "-q"]
    one = next(iter(sorted(folder.glob("*.md"))))
    commands = {"start-up": [*cmd, str(one)], "-j 1": [*cmd, str(folder), "-j", "1"]}
    commands["-j 2"] = [*cmd, str(folder), "-j", "2"]
    big = folder.parent / f"{folder.name}-x{scale}"
    if scale > 1:
        files = sorted(folder.glob("*.md"))
        for i in range(scale):
            copy = big / f"copy-{i}"
            copy.mkdir(parents=True, exist_ok=True)
            for path in files:
                if (copy / path.name).exists():
                    continue
                try:
                    os.link(path, copy / path.name)  # same bytes, no disk
                except OSError:
                    shutil.copyfile(path, copy / path.name)
        commands[f"-j 1 x{scale}"] = [*cmd, str(big), "-j", "1"]
        commands[f"-j 2 x{scale}"] = [*cmd, str(big), "-j", "2"]
    env = _cli_env(cache)

    def runner(command: list[str]) -> Callable[[], Any]:
        return lambda: subprocess.run(
            command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=False
        )

    rows = {name: runner(command) for name, command in commands.items()}
    for run in rows.values():  # warm-up: bytecode written, files in the page cache
        run()
    med = {name: statistics.median(ts) for name, ts in _interleaved(rows, rounds).items()}
    out: dict[str, Any] = {"folder": str(folder), "documents": n_files, "scale": scale, "rows": {}}
    out["startup_seconds"] = med["start-up"]
    for j in (1, 2):
        out["rows"][f"CLI check -j {j}"] = {"docs_per_s": n_files / med[f"-j {j}"], "seconds": med[f"-j {j}"]}
    out["speedup"] = med["-j 1"] / med["-j 2"]
    base = med["start-up"]
    if med["-j 2"] > base:
        out["speedup_without_startup"] = (med["-j 1"] - base) / (med["-j 2"] - base)
    if scale > 1:
        n_big = n_files * scale
        for j in (1, 2):
            t = med[f"-j {j} x{scale}"]
            out["rows"][f"CLI check -j {j}, {n_big} files"] = {"docs_per_s": n_big / t, "seconds": t}
        out["speedup_scaled"] = med[f"-j 1 x{scale}"] / med[f"-j 2 x{scale}"]
    from benchmarks import goals as _goals

    out["ceiling"] = _goals.parallel_ceiling()
    return out


# -- memory -----------------------------------------------------------------
_MEMORY_CHILD = r"""
import gc, json, sys
from pathlib import Path
mode, folder, n = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])
import re, yaml, articlekit
texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.md"))][:n]
fence = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*$", re.DOTALL | re.MULTILINE)
fronts = [m.group(1) if (m := fence.match(t)) else "" for t in texts]
if mode != "dicts":
    try:
        articlekit.loads(texts[0])
    except articlekit.ArticleKitError:
        pass
gc.collect()
def status(field):
    # this process's own figures: ru_maxrss would also count the parent's memory before exec
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1]) * 1024
    raise LookupError(field)
before = status("VmRSS")
kept = []
for t, f in zip(texts, fronts):
    if mode == "dicts":
        kept.append(yaml.load(f, Loader=yaml.CSafeLoader))
    else:
        try:
            doc = articlekit.loads(t)
        except articlekit.ArticleKitError:
            continue
        kept.append(doc.meta if mode == "models" else doc)
gc.collect()
print(json.dumps({"mode": mode, "kept": len(kept), "before": before, "after": status("VmRSS"),
                  "peak": status("VmHWM")}))
"""


def _memory(folder: Path, n: int) -> dict[str, Any] | None:
    """Peak RSS and RSS growth of a fresh process keeping ``n`` documents: dicts, models, Documents.

    Needs Linux's ``/proc/self/status``; ``None`` elsewhere.
    """
    if not Path("/proc/self/status").is_file():
        return None
    out: dict[str, Any] = {"folder": str(folder)}
    for mode in ("dicts", "models", "documents"):
        proc = subprocess.run(
            [sys.executable, "-c", _MEMORY_CHILD, mode, str(folder), str(n)],
            capture_output=True,
            text=True,
            check=True,
        )
        r = json.loads(proc.stdout.strip().splitlines()[-1])
        out[mode] = {
            "kept": r["kept"],
            "peak_rss_mib": r["peak"] / 2**20,
            "before_mib": r["before"] / 2**20,
            "growth_mib": (r["after"] - r["before"]) / 2**20,
        }
    if out["dicts"]["growth_mib"] > 0:
        out["models_over_dicts"] = out["models"]["growth_mib"] / out["dicts"]["growth_mib"]
        out["documents_over_dicts"] = out["documents"]["growth_mib"] / out["dicts"]["growth_mib"]
    out["models_over_dicts_peak"] = out["models"]["peak_rss_mib"] / out["dicts"]["peak_rss_mib"]
    return out


# -- report -----------------------------------------------------------------
def _print_throughput(res: dict[str, Any]) -> None:
    print(f"\n## {res['corpus']}: {res['documents']} documents, median of {res['rounds']} interleaved rounds")
    print(f"{'row':40} {'docs/s':>10} {'us/doc':>9} {'x frontmatter':>14}")
    for name, row in res["rows"].items():
        ratio = row["ratio_to_frontmatter"]
        print(f"{name:40} {row['docs_per_s']:10,.0f} {row['us_per_doc']:9.1f} {ratio:14.2f}")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmarks; print a table (or ``--json``)."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="folder of real .md files")
    parser.add_argument(
        "--generated", type=int, default=10_000, help="size of the generated corpus (0: none)"
    )
    parser.add_argument("--rounds", type=int, default=7, help="interleaved rounds per row (median reported)")
    parser.add_argument("--cli-rounds", type=int, default=3, help="runs of each CLI row")
    parser.add_argument(
        "--cli-scale",
        type=int,
        default=4,
        help="also run the CLI over this many copies of the folder (1: no)",
    )
    parser.add_argument("--no-cli", action="store_true", help="skip the CLI rows")
    parser.add_argument("--no-memory", action="store_true", help="skip the memory rows")
    parser.add_argument("--seed", type=int, default=0, help="seed of the generated corpus")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument(
        "--foreign", type=int, default=2000, help="size of the foreign front-matter corpus (0: none)"
    )
    parser.add_argument("--no-lsp", action="store_true", help="skip the language server's start-up")
    parser.add_argument("--no-pure", action="store_true", help="skip the pure-Python check row (subprocess)")
    parser.add_argument("--startup-rounds", type=int, default=7, help="runs of each start-up row")
    args = parser.parse_args(argv)

    try:
        import frontmatter  # noqa: F401
    except ImportError:
        print("python-frontmatter is needed: pip install -e '.[bench]'", file=sys.stderr)
        return 2

    from articlekit import fastyaml

    report: dict[str, Any] = {
        "python": sys.version.split()[0],
        "cpus": os.cpu_count(),
        "accelerated": fastyaml.ACCELERATED,  # the C loop of the YAML fast path (articlekit._speedups)
        "results": [],
    }
    seeds = [SAMPLE.read_text(encoding="utf-8")]
    if args.corpus.is_dir():
        real = _read_folder(args.corpus)
        news = _read_folder(args.corpus / "_news") if (args.corpus / "_news").is_dir() else []
        seeds = news or real or seeds
        report["results"].append(
            _throughput(f"{args.corpus.name} (all)", real, args.rounds, _md_paths(args.corpus), args.corpus)
        )
        from benchmarks import goals as _goals

        report["per_kind_loads"] = _goals.per_kind_loads(real, args.rounds)
        if not args.no_pure:
            report["pure_python"] = _goals.pure_python_check(args.corpus, args.rounds)
        if news:
            report["results"].append(_throughput(f"{args.corpus.name}/_news", news, args.rounds))
    else:
        print(f"note: {args.corpus} is absent; only the generated corpus is measured", file=sys.stderr)

    from benchmarks import goals as _goals

    if args.foreign:
        report["foreign"] = _goals.foreign_front_matter(args.foreign, args.rounds, args.seed)
    with tempfile.TemporaryDirectory(prefix="articlekit-bench-") as tmp:
        one = next(iter(_md_paths(args.corpus))) if args.corpus.is_dir() else SAMPLE
        report["startup"] = _goals.startup(one, args.startup_rounds, Path(tmp) / "pycache-startup")
        folder = Path(tmp) / "generated"
        folder.mkdir()
        if args.generated:
            texts = _generated_texts(args.generated, seeds, args.seed)
            for i, text in enumerate(texts):
                (folder / f"doc-{i:05d}.md").write_text(text, encoding="utf-8", newline="")
            gen_rounds = max(3, args.rounds // 2)
            report["results"].append(_throughput(f"generated ({len(texts)} files)", texts, gen_rounds))
            if not args.no_cli:
                report["cli"] = _cli(
                    folder, len(texts), args.cli_rounds, args.cli_scale, Path(tmp) / "pycache"
                )
            if not args.no_memory:
                memory = _memory(folder, len(texts))
                if memory is not None:
                    report["memory"] = memory

    if not args.no_lsp:
        report["lsp_first_diagnostics_ms"] = _goals.lsp_first_diagnostics()
    report["goals"] = _judge(report)
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    accelerator = "on" if report["accelerated"] else "off (pure Python)"
    print(f"python {report['python']}, {report['cpus']} CPUs, C accelerator {accelerator}")
    for res in report["results"]:
        _print_throughput(res)
    if "cli" in report:
        cli = report["cli"]
        print(f"\n## CLI over a folder of {cli['documents']} files (median of {args.cli_rounds} runs)")
        print(f"{'start-up (check of one file)':40} {cli['startup_seconds']:21.3f} s")
        for name, row in cli["rows"].items():
            print(f"{name:40} {row['docs_per_s']:10,.0f} docs/s  {row['seconds']:.3f} s")
        print(f"{'-j 2 / -j 1':40} {cli['speedup']:10.2f}x")
        if "speedup_without_startup" in cli:
            print(f"{'-j 2 / -j 1, start-up subtracted':40} {cli['speedup_without_startup']:10.2f}x")
        if "speedup_scaled" in cli:
            label = f"-j 2 / -j 1, {cli['documents'] * cli['scale']} files"
            print(f"{label:40} {cli['speedup_scaled']:10.2f}x")
        print(f"{'two processes at best (pure arithmetic)':40} {cli['ceiling']:10.2f}x")
    if "memory" in report:
        mem = report["memory"]
        print(f"\n## Memory: {mem['dicts']['kept']} documents kept (subprocess each)")
        for mode in ("dicts", "models", "documents"):
            m = mem[mode]
            print(f"{mode:40} peak {m['peak_rss_mib']:8.1f} MiB  growth {m['growth_mib']:8.1f} MiB")
        if "models_over_dicts" in mem:
            print(f"{'models / dicts (growth)':40} {mem['models_over_dicts']:10.2f}x")
            print(f"{'Documents / dicts (growth)':40} {mem['documents_over_dicts']:10.2f}x")
        print(f"{'models / dicts (peak RSS)':40} {mem['models_over_dicts_peak']:10.2f}x")
    if "per_kind_loads" in report:
        print("\n## loads per kind (real corpus), interleaved with frontmatter.loads")
        for kind, row in report["per_kind_loads"].items():
            print(
                f"{kind:40} {row['documents']:6d} docs {row['loads_docs_per_s']:10,.0f} docs/s"
                f" {row['ratio']:8.2f}x"
            )
    if "foreign" in report:
        fo = report["foreign"]
        print(
            f"\n## foreign front matter: {fo['documents']} generated documents;"
            " fast-path fallbacks per construct"
        )
        for name, row in fo["fallback"].items():
            alone = {None: "-", True: "falls back", False: "fast"}[row["alone_falls_back"]]
            print(f"{name:40} {row['fell_back']:5d} / {row['documents']:5d} fell back   alone: {alone}")
    if "startup" in report:
        print("\n## start-up (median of processes)")
        for name, sec in report["startup"].items():
            print(f"{name:40} {sec * 1000:10.1f} ms")
    _goals.print_goals(report["goals"])
    return 0


def _judge(report: dict[str, Any]) -> list[dict[str, Any]]:
    """Each goal of issue 22 with its figure and whether it is met (``None``: not measured)."""
    from benchmarks.goals import goal

    out = []
    real = (
        report["results"][0]["rows"]
        if report["results"] and "(all)" in report["results"][0]["corpus"]
        else None
    )

    def ratio(name: str) -> float | None:
        row = real.get(name) if real else None
        return None if row is None else row["ratio_to_frontmatter"]

    def docs(name: str) -> float | None:
        row = real.get(name) if real else None
        return None if row is None else row["docs_per_s"]

    def add(name: str, fig: float | None, target: str, ok: Callable[[float], bool], note: str = "") -> None:
        out.append(
            goal(
                name,
                fig,
                target,
                None if fig is None else ok(fig),
                note if fig is not None or note else "not measured",
            )
        )

    add("loads x frontmatter, real corpus", ratio("articlekit.loads"), ">= 4", lambda f: f >= 4)
    for kind, row in report.get("per_kind_loads", {}).items():
        add(f"loads x frontmatter, {kind} ({row['documents']} files)", row["ratio"], ">= 4", lambda f: f >= 4)
    add("check x frontmatter, real corpus (plain)", ratio("articlekit.check"), ">= 5", lambda f: f >= 5)
    add(
        "check x frontmatter, config + suppressions",
        ratio("articlekit.check (config, suppressions)"),
        ">= 5",
        lambda f: f >= 5,
    )
    rs = docs("split + yaml_rs.loads")
    pa = docs("articlekit.parse")
    add(
        "parse / (split + yaml_rs.loads)",
        None if rs is None or pa is None else pa / rs,
        ">= 1",
        lambda f: f >= 1,
        "" if rs is not None else "yaml_rs is not installed: pip install yaml-rs",
    )
    add("parse x frontmatter, real corpus", ratio("articlekit.parse"), "info", lambda f: True)
    add(
        "orjson (same data as JSON) x frontmatter: the floor",
        ratio("orjson.loads (same data as JSON)"),
        "info",
        lambda f: True,
        "" if ratio("orjson.loads (same data as JSON)") is not None else "orjson is not installed",
    )
    fo = report.get("foreign")
    add("parse x frontmatter, foreign front matter", fo and fo["ratio"], ">= 3", lambda f: f >= 3)
    dump = docs("yaml.dump CSafeDumper (same data)")
    for row in ("articlekit.dumps (per loaded doc)", "articlekit.format"):
        d = docs(row)
        add(
            f"{row.split(' ')[0]} / yaml.dump CSafeDumper",
            None if d is None or dump is None else d / dump,
            ">= 1",
            lambda f: f >= 1,
        )
    pure = report.get("pure_python")
    add(
        "check x frontmatter, pure Python",
        pure and pure["ratio"],
        ">= 2.5",
        lambda f: f >= 2.5,
        "" if pure is None or not pure["accelerated"] else "C loop was still on!",
    )
    st = report.get("startup")
    if st:
        budget = 2 * st["python -c 'import pydantic'"]
        add(
            "start-up: check one.md / (python -c 'import pydantic')",
            st["articlekit check one.md"] / st["python -c 'import pydantic'"],
            "<= 2",
            lambda f: f <= 2,
            f"{st['articlekit check one.md'] * 1000:.0f} ms vs budget {budget * 1000:.0f} ms",
        )
    if "lsp_first_diagnostics_ms" in report:
        ms, note = report["lsp_first_diagnostics_ms"]
        add("LSP first diagnostics (ms)", ms, "<= 300", lambda f: f <= 300, note)
    mem = report.get("memory")
    add(
        "memory: models / dicts (RSS growth)",
        mem and mem.get("models_over_dicts"),
        "<= 1.5",
        lambda f: f <= 1.5,
        f"{mem['models']['kept']} models" if mem else "needs --generated",
    )
    cli = report.get("cli")
    add(
        "check -j 2 / -j 1, " + (f"{cli['documents'] * cli['scale']} files" if cli else "40,000 files"),
        cli and cli.get("speedup_scaled"),
        ">= 1.8",
        lambda f: f >= 1.8,
        f"{os.cpu_count()} CPUs; two processes give {cli['ceiling']:.2f}x at best here"
        if cli
        else "needs --generated and the CLI",
    )
    return out


if __name__ == "__main__":
    sys.exit(main())
