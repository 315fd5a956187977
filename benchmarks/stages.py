"""``python -m benchmarks.stages``: where ``articlekit.check`` spends its time, stage by stage.

Each stage of :func:`articlekit.check` is timed on its own over the same
documents (µs per document, median of interleaved rounds), next to the whole
``check``, the whole ``loads`` (``check``'s work plus the `Document`) and the
``frontmatter.loads`` baseline:

- ``split``: :func:`articlekit.splitter.split_front_matter`;
- ``yaml``: :func:`articlekit.fastyaml.load_yaml_fast` on the split front matter;
- ``kind``: detecting the model class;
- ``validate (check)``: :func:`articlekit.validate.validate_issues`, what ``check`` runs (the
  issues of the schema and of unknown keys, no model made);
- ``validate (loads)``: :func:`articlekit.validate.validate_kept`, what ``loads`` runs (the
  model, with the field sets shared);
- ``rules``: :func:`articlekit.rules.run_rules`, all of them, given the index
  the fast YAML parser built (as :func:`articlekit.check` does);
- ``rules: index walk``: building that index by walking the data instead (what the
  rules pay when the parser gives none: the slow YAML path);
- ``check (config, suppressions)``: the goals' row of that name (``python -m benchmarks``):
  ``check(text, config=config, path=path)`` with a real configuration (``per-file-ignores``,
  ``kinds``) whose root is ``--corpus``, and a suppression comment in every fourth file;
  compare it with ``articlekit.check`` (on the whole corpus, as the goals run it);
- ``rule <name>``: each rule module alone, on data whose index is built, and
  skipped as :func:`~articlekit.rules.run_rules` skips it (``--rules``).

The stages are timed on prepared inputs (the split text, the loaded data), so
their sum is close to, but not exactly, the ``check`` row.  Compare within one
run only; see README.md.  On a busy machine, compare instruction counts
instead: the difference between ``--only ROW --repeat 10`` and ``--repeat 0``
under ``valgrind --tool=callgrind``, divided by 10 and the number of documents.
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from .__main__ import DEFAULT_CORPUS, _forget, _interleaved, _md_paths, _read_folder

__all__ = ["main", "stage_rows"]


def stage_rows(
    texts: list[str],
    *,
    per_rule: bool = False,
    paths: list[Path] | None = None,
    root: Path | None = None,
) -> dict[str, Callable[[], Any]]:
    """The timed rows: each a function that runs one stage over every document of ``texts``.

    With ``paths`` (the files of ``texts``) and ``root`` (their corpus folder), the row
    ``check (config, suppressions)`` is the goals' row of that name (`benchmarks.goals.extra_rows`).
    """
    import articlekit
    from articlekit.fastyaml import load_yaml_fast
    from articlekit.limits import DEFAULT_LIMITS
    from articlekit.models.kinds import detect_kind
    from articlekit.rules import Context, RuleOptions, all_rules, run_rules
    from articlekit.rules._common import build_index
    from articlekit.splitter import split_front_matter
    from articlekit.validate import validate_issues, validate_kept

    splits = [split_front_matter(t, DEFAULT_LIMITS) for t in texts]
    fronts = [s.front_matter for s in splits if s.front_matter is not None]
    loaded = [load_yaml_fast(f, first_line=2, limits=DEFAULT_LIMITS) for f in fronts]
    docs = [(y.data, y.locations) for y in loaded if isinstance(y.data, dict)]
    indexes = [y.index for y in loaded if isinstance(y.data, dict)]  # None where the parser made none
    kinds = [(d, loc, detect_kind(d), ix) for (d, loc), ix in zip(docs, indexes, strict=True)]
    typed = [(d, loc, k, ix) for d, loc, k, ix in kinds if k is not None]
    options = RuleOptions()

    def fm() -> None:
        import frontmatter

        for t in texts:
            frontmatter.loads(t)

    def check() -> None:
        for t in texts:
            articlekit.check(t)

    def loads() -> None:
        for t in texts:
            with contextlib.suppress(articlekit.ArticleKitError):
                articlekit.loads(t)

    def split() -> None:
        for t in texts:
            split_front_matter(t, DEFAULT_LIMITS)

    def yaml_stage() -> None:
        for f in fronts:
            load_yaml_fast(f, first_line=2, limits=DEFAULT_LIMITS)

    def kind() -> None:
        for d, _ in docs:
            detect_kind(d)

    def validate() -> None:
        for d, loc, k, _ in typed:
            validate_issues(d, k, loc)

    def validate_loads() -> None:
        for d, loc, k, _ in typed:
            validate_kept(d, k, loc)

    def rules() -> None:
        for d, loc, k, ix in typed:
            for _ in run_rules(Context(d, loc, k, options, prebuilt_index=ix)):
                pass

    def index() -> None:
        for d, _, _, _ in typed:
            build_index(d)

    rows: dict[str, Callable[[], Any]] = {
        "frontmatter.loads": fm,
        "articlekit.check": check,
        "articlekit.loads": loads,
        "split": split,
        "yaml (fastyaml)": yaml_stage,
        "kind": kind,
        "validate (check)": validate,
        "validate (loads)": validate_loads,
        "rules (all)": rules,
        "rules: index walk (slow path)": index,
    }
    if paths is not None and root is not None:
        from .goals import extra_rows

        # built by the goals' own code: a real `Config` (per-file-ignores, kinds), each file's path,
        # and a suppression comment after the opening fence of every fourth file
        rows["check (config, suppressions)"] = extra_rows(texts, paths, root)[
            "articlekit.check (config, suppressions)"
        ]
    if per_rule:
        contexts = [Context(d, loc, k, options, prebuilt_index=ix) for d, loc, k, ix in typed]
        for c in contexts:
            c.index  # noqa: B018 - built once here where the parser made none; the rows time the rules alone
            c.items  # noqa: B018 - likewise the item list, which the first rule to read it makes
        for rule in all_rules():
            name = (getattr(rule.check, "__module__", "") or "?").rsplit(".", 1)[-1]
            mine = [c for c in contexts if rule.kinds is None or issubclass(c.kind, rule.kinds)]

            def one(rule: Any = rule, mine: list[Any] = mine) -> None:
                keys = getattr(rule, "keys", None)
                for c in mine:
                    if keys is not None and c.index.keys.isdisjoint(keys):
                        continue
                    for _ in rule.check(c):
                        pass

            rows[f"rule {name}"] = one
    return rows


def main(argv: Sequence[str] | None = None) -> int:
    """Time every stage; print µs per document."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.stages", description=__doc__)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS / "_news", help="folder of .md files")
    parser.add_argument("--rounds", type=int, default=9, help="interleaved rounds (median reported)")
    parser.add_argument("--rules", action="store_true", help="also time each rule alone")
    parser.add_argument(
        "--only",
        metavar="STAGE",
        help="run this one row (e.g. 'rules (all)') --repeat times, untimed, after one warm-up run: "
        "for instruction counts (valgrind --tool=callgrind), which the machine's load leaves alone",
    )
    parser.add_argument("--repeat", type=int, default=10, help="runs of --only's row (10)")
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"{args.corpus} is absent", file=sys.stderr)
        return 2
    texts = _read_folder(args.corpus)
    rows = stage_rows(texts, per_rule=args.rules, paths=_md_paths(args.corpus), root=args.corpus)
    if args.only is not None:
        if args.only not in rows:
            print(f"no row {args.only!r}; the rows: {', '.join(rows)}", file=sys.stderr)
            return 2
        row = rows[args.only]
        before = getattr(row, "before", None)  # as `_interleaved` does: every run a first pass
        for _ in range(1 + args.repeat):
            _forget()
            if before is not None:
                before()
            row()
        return 0
    for fn in rows.values():
        fn()
    times = _interleaved(rows, args.rounds)
    base = statistics.median(times["frontmatter.loads"])
    print(f"{args.corpus}: {len(texts)} documents, median of {args.rounds} interleaved rounds")
    print(f"{'stage':34} {'us/doc':>9} {'/ frontmatter':>14}")
    for name, ts in times.items():
        med = statistics.median(ts)
        print(f"{name:34} {med / len(texts) * 1e6:9.1f} {med / base:14.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
