"""`articlekit format`: rewrite files in the canonical style, in place and atomically."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from ..errors import ArticleKitError
from ..positions import BREAK as _BREAK
from .common import EXIT_ERRORS, EXIT_OK, EXIT_USAGE, PROG, STDIN, STDIN_NAME, load_library, plural
from .params import FORMATTER, add_paths, add_walk_options, kind_arg
from .plugins import load_configured

if TYPE_CHECKING:
    from pydantic import BaseModel

    from ..issues import Issue

__all__ = ["add_parser", "run", "same_content"]


_EPILOG = """\
Rewrites each file in the canonical style (articlekit.format), in place and
atomically: a temporary file in the same folder replaces the original, whose
permissions are kept.  A file is never written unless its new text loads back
to the same front-matter data and body.  '-' formats standard input to
standard output.

examples:
  articlekit format content/
  articlekit format --check content/         exit 1 if any file would change
  articlekit format --diff post.md           show the change, write nothing
  articlekit format - < post.md > formatted.md

exit status: 0 done (or nothing to change), 1 files would be reformatted
(--check) or could not be formatted, 2 usage error, unreadable path or a
folder with no file to format.
"""


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `format` command to the subcommands `sub`."""
    p = sub.add_parser(
        "format",
        help="rewrite files in the canonical style",
        description="Rewrite front-matter files in the canonical style, in place.",
        epilog=_EPILOG,
        formatter_class=FORMATTER,
    )
    add_paths(p)
    p.add_argument("--check", action="store_true", help="write nothing; exit 1 if any file would change")
    p.add_argument("--kind", metavar="NAME", help="treat every file as this kind (default: detected)")
    p.add_argument("--diff", action="store_true", help="write nothing; print a unified diff of the changes")
    add_walk_options(p)
    p.add_argument("-q", "--quiet", action="store_true", help="print only errors")
    p.set_defaults(handler=run)


def same_content(
    old: str, new: str, kind: type[BaseModel] | None = None, ignore: frozenset[str] = frozenset()
) -> bool:
    """Whether `new` means the same document as `old`: the same front matter and body.

    "The same" is what a program reading the file gets: both texts are loaded
    and validated (as `kind`, or the kind `old` is detected as), and the two
    models must hold the same values, types included (a quoted timestamp and
    an unquoted one both validate to the same `datetime`; `1` is not `True`),
    and the same unknown keys with the same YAML data; the bodies must agree
    except for the newline style.  `ignore`: codes left out when loading (the configuration's).
    """
    from .._same import same
    from ..api import loads
    from ..writer._data import model_data

    try:
        before = loads(old, kind=kind, ignore=ignore)
        after = loads(new, kind=kind or type(before.meta), ignore=ignore)
    except ArticleKitError:
        return False
    return (
        type(before.meta) is type(after.meta)
        and same(model_data(before.meta), model_data(after.meta))
        and _BREAK.sub("\n", before.body) == _BREAK.sub("\n", after.body)
    )


def _report_failure(path: str, exc: ArticleKitError) -> None:
    print(f"{PROG}: error: cannot format {path}: {exc.message}", file=sys.stderr)
    for issue in exc.issues:
        if issue.is_error:
            print(f"{path}:{issue}", file=sys.stderr)


def _format_text(
    path: str, raw: bytes, fmt: Callable[..., str], kind: type[BaseModel] | None, ignore: frozenset[str]
) -> tuple[str, str] | None:
    """`(old, new)` text of a file, or None (reported) when it cannot be formatted safely."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        print(
            f"{PROG}: error: cannot format {path}: it is not valid UTF-8 (see 'articlekit check')",
            file=sys.stderr,
        )
        return None
    kwargs: dict[str, object] = {}
    if kind is not None:
        kwargs["kind"] = kind
    if ignore:
        kwargs["ignore"] = ignore
    try:
        new = fmt(text, **kwargs)
    except ArticleKitError as exc:
        _report_failure(path, exc)
        return None
    if new != text and not same_content(text, new, kind, ignore):
        print(
            f"{PROG}: error: {path}: the formatted text does not load back to the same data; "
            "the file was left unchanged (please report this as a bug)",
            file=sys.stderr,
        )
        return None
    broken = _broken_suppressions(text, new, kind, ignore) if new != text and "articlekit" in new else []
    if broken:
        print(
            f"{PROG}: error: cannot format {path}: the new layout moves issues away from the line of "
            "a suppression comment; the file was left unchanged (write that value in block style, or "
            "move the comment to where the issue is reported):",
            file=sys.stderr,
        )
        for issue in broken:
            print(f"{path}:{issue}", file=sys.stderr)
        return None
    return text, new


def _broken_suppressions(
    old: str, new: str, kind: type[BaseModel] | None, ignore: frozenset[str]
) -> list[Issue]:
    """The AK002 warnings (suppressions that suppress nothing) that formatting `old` into `new` brings.

    The formatter keeps every comment next to its key, but a value it rewrites
    in another layout (a flow list ``[a, b]`` as block items) puts an issue on
    another line than the trailing comment that suppressed it.
    """
    from ..api import check
    from ..suppressions import UNUSED_SUPPRESSION

    code = UNUSED_SUPPRESSION.code
    before = sum(1 for i in check(old, kind=kind, ignore=ignore) if i.code == code)
    after = [i for i in check(new, kind=kind, ignore=ignore) if i.code == code]
    return after if len(after) > before else []


def run(args: argparse.Namespace) -> int:
    """Run `articlekit format` with the parsed `args`; the exit status."""
    load_library()
    load_configured(args)  # the configuration's plugins: their kinds for --kind
    import articlekit

    from .atomic import read_bytes, write_atomic
    from .discovery import Configs, find, read_stdin

    kind = kind_arg(args.kind) if args.kind else None
    fmt: Callable[..., str] = articlekit.format  # looked up now: tests stand in their own
    configs = Configs.from_args(args)
    found = find(args.paths, args.exclude, not args.no_default_excludes, configs.fixed)
    # each file's kind (--kind, else the configuration's `kinds`) and ignored codes, worked out up front:
    # a bad configuration stops the run before any file is written
    plans: dict[str, tuple[type[BaseModel] | None, frozenset[str]]] = {}
    for path in [*found.files, *([STDIN] if found.stdin else [])]:
        config = configs.for_file(STDIN_NAME if path == STDIN else path)
        config.prepare(key=False, kinds=kind is None)
        shown_path = None if path == STDIN else path
        file_kind = kind
        if file_kind is None and shown_path is not None:
            file_kind = config.kind_for(shown_path)
        plans[path] = (file_kind, config.ignored_codes(shown_path))
    problems = list(found.problems)
    changed: list[str] = []
    failed = 0
    unchanged = 0
    write = not (args.check or args.diff)
    items: list[tuple[str, bytes | None]] = [(p, None) for p in found.files]
    if found.stdin:
        items.append((STDIN, read_stdin()))
    for path, given in items:
        shown = STDIN_NAME if path == STDIN else path
        raw = read_bytes(path, problems) if given is None else given
        if raw is None:
            continue
        texts = _format_text(shown, raw, fmt, *plans[path])
        if texts is None:
            failed += 1
            if path == STDIN and write:
                sys.stdout.buffer.write(raw)  # a filter passes what it cannot format through
            continue
        old, new = texts
        if path == STDIN and write:
            sys.stdout.buffer.write(new.encode("utf-8"))
            sys.stdout.flush()
        if old == new:
            unchanged += 1
            continue
        changed.append(shown)
        if args.diff:
            import difflib

            diff = difflib.unified_diff(
                old.splitlines(keepends=True),
                new.splitlines(keepends=True),
                fromfile=f"{shown}\t(original)",
                tofile=f"{shown}\t(formatted)",
            )
            sys.stdout.write("".join(line if line.endswith(("\n", "\r")) else line + "\n" for line in diff))
        if write and path != STDIN:
            try:
                write_atomic(path, new.encode("utf-8"))
            except OSError as exc:
                print(f"{PROG}: error: cannot write {path}: {exc.strerror or exc}", file=sys.stderr)
                failed += 1
                changed.pop()
                continue
        if not args.quiet:
            print(f"{'would reformat' if not write else 'reformatted'} {shown}", file=sys.stderr)
    sys.stdout.flush()
    for path, reason in sorted(problems):
        print(f"{PROG}: error: cannot read {path}: {reason}", file=sys.stderr)
    for path in found.empty:
        print(f"{PROG}: error: no files to format under {path}", file=sys.stderr)
    if not args.quiet:
        verb = "would be reformatted" if not write else "reformatted"
        parts = [f"{plural(len(changed), 'file')} {verb}", f"{unchanged} unchanged"]
        if failed:
            parts.append(f"{failed} failed")
        if problems:
            parts.append(f"{len(problems)} unreadable")
        print(f"{PROG}: {', '.join(parts)}", file=sys.stderr)
    if problems or found.empty:
        return EXIT_USAGE
    if failed or (args.check and changed):
        return EXIT_ERRORS
    return EXIT_OK
