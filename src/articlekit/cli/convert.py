"""`articlekit convert`: write the front matter and body of each file as JSON or JSON Lines."""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import IO, TYPE_CHECKING, NamedTuple

from ..errors import ArticleKitError
from .common import (
    EXIT_ERRORS,
    EXIT_OK,
    EXIT_USAGE,
    PROG,
    STDIN,
    STDIN_NAME,
    UsageError,
    load_library,
    plural,
)
from .params import FORMATTER, add_paths, add_stdin_filename, add_walk_options, jobs
from .plugins import load_configured

if TYPE_CHECKING:
    from ..config import Config

__all__ = ["Converted", "add_parser", "convert_files", "run"]

_EPILOG = """\
Writes, for each file, an object {"path", "front_matter", "body"}: the front
matter by YAML key (dates and times as RFC 3339 text) and the body as text.
--to json writes one JSON list; --to jsonl writes one object per line.
Front matter is read safely but not validated unless --validate is given.
Each record is written as soon as it is ready, in the order of the files
(with -j too), so memory does not grow with the number of files.

examples:
  articlekit convert _news/ --to jsonl > news.jsonl
  articlekit convert post.md --to json --output post.json
  articlekit convert content/ --to json --validate

exit status: 0 all converted, 1 some files could not be read as front matter
(they are left out and their issues printed on stderr), 2 usage error,
unreadable path or a folder with no file to convert.
"""


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `convert` command to the subcommands `sub`."""
    p = sub.add_parser(
        "convert",
        help="write front matter and body as JSON or JSON Lines",
        description="Write the front matter (by YAML key) and body of each file as JSON or JSON Lines.",
        epilog=_EPILOG,
        formatter_class=FORMATTER,
    )
    add_paths(p)
    p.add_argument("--to", choices=("json", "jsonl"), default="json", help="output format (default: json)")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    p.add_argument("--validate", action="store_true", help="leave out (and report) files with errors")
    p.add_argument(
        "-j",
        "--jobs",
        type=jobs,
        default=0,
        metavar="N",
        help="processes converting files (default: the number of CPUs; 1 converts in this process)",
    )
    add_stdin_filename(p, "record")
    add_walk_options(p)
    p.set_defaults(handler=run)


class Converted(NamedTuple):
    """What became of one file: its record's text, or why it was left out.

    Attributes:
        path: the file's path as shown.
        text: the record as written (`--to jsonl`: one line; `--to json`: indented as a
            list item, without the separator), or None.
        failure: the messages to print when the file is not front matter (or has errors
            with `--validate`), or None.
        unreadable: why the file could not be read, or None.
    """

    path: str
    text: str | None = None
    failure: tuple[str, ...] | None = None
    unreadable: str | None = None


def _convert(path: str, raw: bytes, to: str, validate: bool, config: Config | None = None) -> Converted:
    import json

    from .._jsonable import jsonable
    from ..api import check, parse

    try:
        if validate:
            errors = [i for i in check(raw, config=config, path=path) if i.is_error]
            if errors:
                raise ArticleKitError(f"{plural(len(errors), 'error')}", errors)
        data, body = parse(raw, limits=None if config is None else config.limits)
    except ArticleKitError as exc:
        lines = [f"{PROG}: error: cannot convert {path}: {exc.message}"]
        lines += [f"{path}:{issue}" for issue in exc.issues]
        return Converted(path, failure=tuple(lines))
    record = {"path": path, "front_matter": jsonable(data), "body": body}
    if to == "jsonl":
        return Converted(path, json.dumps(record, ensure_ascii=False, allow_nan=False) + "\n")
    text = json.dumps(record, indent=2, ensure_ascii=False, allow_nan=False)
    return Converted(path, "  " + text.replace("\n", "\n  "))  # JSON text has no raw line break but these


def convert_files(
    start: int,
    stop: int,
    paths: Sequence[str],
    to: str,
    validate: bool,
    configs: Sequence[Config] | None = None,
) -> list[Converted]:
    """Convert `paths[start:stop]` (for `runner.stream`, possibly in a worker process).

    `configs`: each path's configuration (its ``[limits]``; with `validate`, everything `check` applies).
    """
    out: list[Converted] = []
    for index in range(start, stop):
        path = paths[index]
        try:
            with open(path, "rb") as handle:
                raw = handle.read()
        except OSError as exc:
            out.append(Converted(path, unreadable=exc.strerror or str(exc)))
            continue
        out.append(_convert(path, raw, to, validate, None if configs is None else configs[index]))
    return out


class _Writer:
    """Writes records as they come: one per line (`jsonl`) or as the items of one JSON list."""

    def __init__(self, handle: IO[str], to: str) -> None:
        self.handle = handle
        self.to = to
        self.count = 0

    def record(self, text: str) -> None:
        if self.to == "json":
            text = ("[\n" if self.count == 0 else ",\n") + text
        self.count += 1
        self.handle.write(text)

    def flush(self) -> None:
        self.handle.flush()

    def close(self) -> None:
        if self.to == "json":
            self.handle.write("\n]\n" if self.count else "[]\n")
        self.handle.flush()


@contextlib.contextmanager
def _destination(target: str | None) -> Iterator[IO[str]]:
    """Standard output, or a file that replaces `target` atomically once everything is written."""
    if target is None or target == STDIN:
        yield sys.stdout
        return
    import io

    from .atomic import open_atomic

    try:
        with open_atomic(target) as handle:
            text = io.TextIOWrapper(handle, encoding="utf-8", newline="")
            yield text
            text.flush()
            text.detach()
    except OSError as exc:
        raise UsageError(f"cannot write {target}: {exc.strerror or exc}") from None


def run(args: argparse.Namespace) -> int:
    """Run `articlekit convert` with the parsed `args`; the exit status."""
    load_library()
    load_configured(args)  # the configuration's plugins, before any file is read
    from .discovery import Configs, find, read_stdin
    from .runner import cpu_count, stream

    configs = Configs.from_args(args)
    found = find(args.paths, args.exclude, not args.no_default_excludes, configs.fixed)
    file_configs = [configs.for_file(path) for path in found.files]
    stdin_config = configs.for_file(args.stdin_filename or STDIN_NAME) if found.stdin else None
    for config in configs.distinct([*file_configs, *([stdin_config] if stdin_config else [])]):
        config.prepare(key=args.validate, kinds=args.validate)
    problems = list(found.problems)
    paths = found.files
    failed = 0
    with _destination(args.output) as handle:
        writer = _Writer(handle, args.to)
        work = (paths, args.to, args.validate, file_configs)
        batches = stream(len(paths), convert_files, work, args.jobs or cpu_count())
        if found.stdin:
            name = args.stdin_filename or STDIN_NAME
            batches = _then(
                batches, lambda: [_convert(name, read_stdin(), args.to, args.validate, stdin_config)]
            )
        for batch in batches:
            for item in batch:
                if item.unreadable is not None:
                    problems.append((item.path, item.unreadable))
                elif item.failure is not None:
                    failed += 1
                    sys.stderr.write("".join(line + "\n" for line in item.failure))
                elif item.text is not None:
                    writer.record(item.text)
            writer.flush()
        writer.close()
    for path, reason in sorted(problems):
        print(f"{PROG}: error: cannot read {path}: {reason}", file=sys.stderr)
    for path in found.empty:
        print(f"{PROG}: error: no files to convert under {path}", file=sys.stderr)
    if problems or found.empty:
        return EXIT_USAGE
    return EXIT_ERRORS if failed else EXIT_OK


def _then(
    batches: Iterator[list[Converted]], last: Callable[[], list[Converted]]
) -> Iterator[list[Converted]]:
    yield from batches
    yield last()
