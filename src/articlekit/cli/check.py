"""`articlekit check`: report every problem in files and folders."""

from __future__ import annotations

import argparse
import sys
import time
from typing import TYPE_CHECKING

from ..errors import ArticleKitError
from ..issues import Issue
from .common import EXIT_ERRORS, EXIT_OK, EXIT_USAGE, PROG, STDIN_NAME, UsageError, load_library, plural
from .params import (
    FORMATTER,
    CodeFilter,
    add_paths,
    add_stdin_filename,
    add_walk_options,
    codes_arg,
    jobs,
    kind_arg,
)
from .plugins import load_configured
from .reporters import DEFAULT, REPORTERS, Report, deliver

if TYPE_CHECKING:
    from .fixing import FileFix

__all__ = ["PROGRESS_MIN_FILES", "add_parser", "run"]

PROGRESS_MIN_FILES = 200
"""From this many files on, a progress bar is drawn on a terminal."""

_EPILOG = """\
Folders are searched recursively for the files the configuration includes
(default *.md and *.markdown), less its excludes and .gitignored files; hidden
folders, node_modules and __pycache__ are skipped, and so are README,
CHANGELOG, CONTRIBUTING, LICENSE, CODE_OF_CONDUCT and SECURITY files (files
named explicitly are always checked).  '-' reads one file from standard input.
Each file follows the nearest articlekit.toml, .articlekit.toml or
pyproject.toml [tool.articlekit] ('articlekit config FILE' shows it);
--select replaces its select, --ignore adds to its ignore.

Output, one line per issue, sorted by path and position:
  PATH:LINE:COL: severity CODE message

examples:
  articlekit check content/
  articlekit check post.md other.md --ignore AK305
  articlekit check . --select AK3,AK4 --format json > issues.json
  articlekit check . --warnings-as-errors -j 4
  cat post.md | articlekit check - --stdin-filename post.md
  articlekit check _news/ --secured-key-file secret.key
  articlekit check content/ --add-suppressions   adopt on a legacy repository
  articlekit check content/ --fix --show-fixes     repair what is safe, then report the rest
  articlekit check content/ --diff                 show the fixes as a diff, write nothing

exit status: 0 no errors, 1 errors (or warnings with --warnings-as-errors),
2 usage error, unreadable path or a folder with no file to check (the other
files are still checked).  With --fix or --unsafe-fixes, the status is that of
the issues that remain after fixing (2 also when a fixed file cannot be
written).  With --diff: 0 nothing to fix, 1 something to fix, 2 as above.
"""


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `check` command to the subcommands `sub`."""
    p = sub.add_parser(
        "check",
        help="report every problem in files and folders",
        description="Report every problem in front-matter files: errors and warnings, located by line.",
        epilog=_EPILOG,
        formatter_class=FORMATTER,
    )
    add_paths(p)
    formats = "; ".join(f"{name}: {REPORTERS.help(name)}" for name in REPORTERS)
    p.add_argument(
        "--format",
        dest="output_format",
        choices=tuple(REPORTERS),
        default=DEFAULT,
        help=f"output format (default: {DEFAULT}); {formats}",
    )
    p.add_argument(
        "--output-file",
        metavar="FILE",
        help="write the report (--format) to FILE, atomically; the text format still goes to the terminal",
    )
    p.add_argument(
        "--statistics",
        action="store_true",
        help="print how many issues of each code instead of the issues (most frequent first)",
    )
    recorded = p.add_mutually_exclusive_group()
    recorded.add_argument(
        "--baseline",
        metavar="FILE",
        help="report only the issues that the baseline FILE does not record (see --write-baseline)",
    )
    recorded.add_argument(
        "--write-baseline",
        metavar="FILE",
        help="record every current issue in the baseline FILE (JSON); they are then not reported",
    )
    p.add_argument(
        "--select",
        action="append",
        default=[],
        metavar="CODE",
        help="report only these codes or code prefixes (repeatable, or comma-separated: AK3,AK401)",
    )
    p.add_argument(
        "--ignore",
        action="append",
        default=[],
        metavar="CODE",
        help="leave out these codes or code prefixes (repeatable, or comma-separated)",
    )
    p.add_argument(
        "-W",
        "--warnings-as-errors",
        action="store_true",
        help="exit 1 when there are warnings, too",
    )
    p.add_argument(
        "-j",
        "--jobs",
        type=jobs,
        default=0,
        metavar="N",
        help="parallel processes (default: the number of CPUs; 1 checks in this process)",
    )
    p.add_argument("--kind", metavar="NAME", help="validate every file as this kind (default: detected)")
    p.add_argument(
        "--secured-key-file",
        metavar="FILE",
        help="also check that every 'secured' value decrypts with the key in FILE (raw, base64 or hex)",
    )
    fixing = p.add_argument_group("fixing (see docs/fixes.md)")
    fixing.add_argument(
        "--fix",
        action="store_true",
        help="apply the safe fixes to the files (atomically), then report the issues that remain",
    )
    fixing.add_argument(
        "--unsafe-fixes",
        action="store_true",
        help="also apply the fixes that change the data (implies --fix unless --diff is given)",
    )
    fixing.add_argument(
        "--diff",
        action="store_true",
        help="print the fixes as a unified diff and write nothing; exit 1 when there is anything to fix",
    )
    fixing.add_argument(
        "--show-fixes",
        action="store_true",
        help="list each fix applied (or, with --diff, that would be), per file, on standard error",
    )
    p.add_argument(
        "--add-suppressions",
        action="store_true",
        help="write a '# articlekit: ignore[CODE]' comment for every issue that fails the run "
        "(one line changed or added per comment), then list them",
    )
    add_stdin_filename(p, "show")
    add_walk_options(p)
    p.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour the text output (default: auto, on a terminal; NO_COLOR always turns it off)",
    )
    p.add_argument("-q", "--quiet", action="store_true", help="no summary line and no progress bar")
    p.set_defaults(handler=run)


def _secured_key(path: str) -> bytes:
    """Read and try out the key of `--secured-key-file` before any file is checked."""
    from ..api import check
    from ..secured import read_key_file

    try:
        key = bytes(read_key_file(path))
        check(b"---\n---\n", secured_key=key)  # a bad key or a missing extra fails here, once
    except OSError as exc:
        raise UsageError(f"--secured-key-file: cannot read {path}: {exc.strerror or exc}") from None
    except ArticleKitError as exc:
        raise UsageError(f"--secured-key-file: {exc.message}") from None
    except (TypeError, ValueError) as exc:
        raise UsageError(f"--secured-key-file: {path}: {exc}") from None
    return key


def _not_wanted(selected: CodeFilter, ignore: frozenset[str]) -> frozenset[str]:
    """The codes that --select and --ignore leave out: they are not fixed either."""
    from ..issues import CODES

    return ignore | frozenset(code for code in CODES if not selected.wanted(code))


def _fix_summary(fixed: list[FileFix], diff: bool, unsafe: bool) -> str:
    """The line saying what the fixes did (or, with --diff, would do)."""
    changed = [done for done in fixed if done.data is not None]
    count = sum(len(done.applied) for done in changed)
    text = f"{'would fix' if diff else 'fixed'} {plural(count, 'issue')} in {plural(len(changed), 'file')}"
    failed = sum(len(done.failed) for done in fixed)
    if failed:
        text += f"; {failed} fix{'' if failed == 1 else 'es'} left out (see --show-fixes)"
    more = sum(done.unsafe_fixable for done in fixed)
    if more and not unsafe:
        text += f"; {plural(more, 'more issue')} fixable with --unsafe-fixes"
    return text


def run(args: argparse.Namespace) -> int:
    """Run `articlekit check` with the parsed `args`; the exit status."""
    load_library()
    load_configured(args)  # the configuration's plugins: their codes and kinds for --select and --kind
    from . import terminal
    from .discovery import Configs, find, read_stdin
    from .runner import CheckOptions, check_bytes, cpu_count, line_texts, run_checks

    started = time.perf_counter()
    selected = CodeFilter(codes_arg(args.select, "--select"), codes_arg(args.ignore, "--ignore"))
    configs = Configs.from_args(args, selected.select, selected.ignore)
    options = CheckOptions(
        ignore=selected.exact_ignores(),
        kind=kind_arg(args.kind) if args.kind else None,
        secured_key=_secured_key(args.secured_key_file) if args.secured_key_file else None,
    )
    baseline = bool(args.baseline or args.write_baseline)
    if baseline:  # only then: hashing and the baseline's JSON
        from .baseline import Baseline, apply_baseline
    known = Baseline.load(args.baseline) if args.baseline else None
    want_lines = baseline or REPORTERS.needs_lines(args.output_format)
    fixing = args.fix or args.unsafe_fixes or args.diff
    if args.show_fixes and not fixing:
        raise UsageError("--show-fixes needs --fix, --unsafe-fixes or --diff")
    if fixing:  # only then: a plain check does not import the fixes
        from .fixing import fix_bytes, print_fixes, run_fixes, write_fixed
    found = find(args.paths, args.exclude, not args.no_default_excludes, configs.fixed)
    if args.add_suppressions and (fixing or found.stdin or args.baseline or args.write_baseline):
        raise UsageError("--add-suppressions works on files alone: not with '-', --fix, --diff or a baseline")
    if fixing and not args.diff and found.stdin:
        raise UsageError("--fix cannot write standard input back: use --diff to see the fixes")
    paths = found.files
    fixed: list[FileFix] = []
    fix_kwargs = {**options.arguments(), "ignore": _not_wanted(selected, options.ignore)}
    file_configs = configs.for_files(paths)
    stdin_config = configs.for_file(args.stdin_filename or STDIN_NAME) if found.stdin else None
    for config in configs.distinct([*file_configs, *([stdin_config] if stdin_config else [])]):
        config.prepare(key=options.secured_key is None, kinds=options.kind is None)
    progress = terminal.Progress(
        len(paths),
        sys.stderr,
        enabled=not args.quiet and terminal.isatty(sys.stderr) and len(paths) >= PROGRESS_MIN_FILES,
    )
    try:
        if fixing:
            outcomes, fixed = run_fixes(
                paths,
                fix_kwargs,
                args.jobs or cpu_count(),
                progress,
                unsafe=args.unsafe_fixes,
                lines=want_lines,
                configs=file_configs,
            )
        else:
            outcomes = run_checks(
                paths, options, args.jobs or cpu_count(), progress, lines=want_lines, configs=file_configs
            )
    finally:
        progress.close()
    if args.add_suppressions:
        from .suppress import run_add

        def fails(issue: Issue) -> bool:
            return selected.wanted(issue.code) and (issue.is_error or args.warnings_as_errors)

        _, left, unwritten_ = run_add(paths, outcomes, file_configs, options.arguments(), fails, args.quiet)
        for path, reason in sorted([*found.problems, *unwritten_]):
            print(f"{PROG}: error: cannot read {path}: {reason}", file=sys.stderr)
        for path in found.empty:
            print(f"{PROG}: error: no files to check under {path}", file=sys.stderr)
        if found.problems or unwritten_ or found.empty:
            return EXIT_USAGE
        return EXIT_ERRORS if left else EXIT_OK
    results = [(paths[o.file_index], o.issues, o.error, o.internal) for o in outcomes]
    failed = {o.file_index for o in outcomes if o.error is not None}
    texts = {(paths[o.file_index], number): text for o in outcomes for number, text in o.lines}
    silenced = [(paths[o.file_index], issue) for o in outcomes for issue in o.suppressed]
    checked = [path for index, path in enumerate(paths) if index not in failed]
    if found.stdin:
        stdin_name = args.stdin_filename or STDIN_NAME
        stdin_data = read_stdin()
        stdin_kwargs = {**options.arguments(), "config": stdin_config, "path": args.stdin_filename}
        if fixing:
            stdin_outcome, stdin_fix = fix_bytes(
                len(paths),
                args.stdin_filename,
                stdin_data,
                fix_kwargs,
                args.unsafe_fixes,
                False,
                config=stdin_config,
            )
            issues = stdin_outcome.issues if stdin_outcome is not None else ()
            error = stdin_outcome.error if stdin_outcome is not None else None
            fixed.extend([stdin_fix] if stdin_fix is not None else [])
        else:
            issues, error = check_bytes(stdin_data, stdin_kwargs)
        results.append((stdin_name, issues, error, error is not None))
        if want_lines:
            texts.update(((stdin_name, n), t) for n, t in line_texts(stdin_data, [i.line for i in issues]))
        if error is None:
            checked.append(stdin_name)

    names = [*paths, args.stdin_filename or STDIN_NAME]
    unwritten = write_fixed(names, fixed) if fixing and not args.diff else []
    rows: list[tuple[str, Issue]] = []
    problems = list(found.problems)
    internal = False
    wanted = selected.wanted
    for path, issues, error, its_fault in results:
        if error is not None:
            problems.append((path, error))
            internal = internal or its_fault
            continue
        rows.extend((path, issue) for issue in issues if wanted(issue.code))
    rows.sort(key=lambda row: (row[0], row[1].sort_key()))
    baseline_notes: list[str] = []
    if baseline:
        rows, baseline_notes = apply_baseline(rows, texts, known, args.baseline, args.write_baseline)
    silenced = [row for row in silenced if wanted(row[1].code)]
    silenced.sort(key=lambda row: (row[0], row[1].sort_key()))
    report = Report(
        files=checked,
        issues=rows,
        unreadable=sorted(problems),
        elapsed=time.perf_counter() - started,
        suppressed=silenced,
        lines=texts,
    )
    color = terminal.use_color(args.color, sys.stdout)
    if args.diff:
        sys.stdout.write("".join(done.diff for done in fixed))
        sys.stdout.flush()
    else:
        deliver(report, args.output_format, args.output_file, args.statistics, color)
    if args.show_fixes:
        print_fixes(names, fixed)

    verb = "cannot check" if internal else "cannot read"
    for path, reason in report.unreadable:
        print(f"{PROG}: error: {verb} {path}: {reason}", file=sys.stderr)
    for path in found.empty:
        print(f"{PROG}: error: no files to check under {path}", file=sys.stderr)
    for note in baseline_notes if not args.quiet else ():
        print(f"{PROG}: {note}", file=sys.stderr)
    if not args.quiet and not args.diff:
        unreadable_note = f", {len(problems)} unreadable" if problems else ""
        print(
            f"{PROG}: checked {plural(len(report.files), 'file')}{unreadable_note} in {report.elapsed:.2f}s: "
            f"{plural(report.errors, 'error')}, {plural(report.warnings, 'warning')}",
            file=sys.stderr,
        )
    for path, reason in unwritten:
        print(f"{PROG}: error: cannot write {path}: {reason}", file=sys.stderr)
    if fixing and not args.quiet:
        print(f"{PROG}: {_fix_summary(fixed, args.diff, args.unsafe_fixes)}", file=sys.stderr)
    if problems or found.empty or unwritten:
        return EXIT_USAGE
    if args.diff:
        return EXIT_ERRORS if any(done.data is not None for done in fixed) else EXIT_OK
    if report.errors or (args.warnings_as_errors and report.warnings):
        return EXIT_ERRORS
    return EXIT_OK
