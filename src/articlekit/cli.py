"""The ``articlekit`` command line: ``check``, ``format``, ``schema``, ``convert`` and ``codes``.

:func:`run` does the work and returns the exit status; :func:`main` (the
``articlekit`` console script and ``python -m articlekit``) wraps it::

    >>> from articlekit.cli import run
    >>> run(["check", "examples/"])  # doctest: +SKIP
    0

Exit statuses: ``0`` nothing wrong, ``1`` errors found (or files that would be
reformatted, with ``format --check``), ``2`` a usage error or a path that could
not be read (the other paths are still processed).  See ``docs/cli.md``.
"""

from __future__ import annotations

import argparse
import contextlib
import fnmatch
import gc
import math
import os
import re
import signal
import stat
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from datetime import time as dtime
from typing import TYPE_CHECKING, Any, TextIO

import articlekit as _ak

from .errors import ArticleKitError
from .issues import CODES, Issue

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

    from pydantic import BaseModel

    from .api import check, parse

# The library (models, parser, rules) is imported by the commands that use it
# (see _library), not here: 'articlekit --help' and the start-up of every
# command stay cheap.

__all__ = ["EXIT_ERRORS", "EXIT_OK", "EXIT_USAGE", "main", "run"]

EXIT_OK = 0
"""Exit status: nothing wrong."""
EXIT_ERRORS = 1
"""Exit status: errors found, files that would change (``format --check``) or could not be formatted."""
EXIT_USAGE = 2
"""Exit status: a usage error, or a path that could not be read."""

_PROG = "articlekit"
_STDIN = "-"
_STDIN_NAME = "<stdin>"
_SUFFIXES = (".md", ".markdown")
_DEFAULT_EXCLUDE_DIRS = (".*", "node_modules", "__pycache__")
_DEFAULT_EXCLUDE_FILES = (
    "README.*",
    "CHANGELOG.*",
    "CONTRIBUTING.*",
    "LICENSE.*",
    "CODE_OF_CONDUCT.*",
    "SECURITY.*",
)
_CODE_PATTERN = re.compile(r"AK\d{1,3}")
_MIN_PARALLEL_FILES = 64
_PROGRESS_MIN_FILES = 200
_BREAK = re.compile(r"\r\n|\r|\n")
_KIND_NAMES = ("Article", "Video", "Course", "Collection", "Download", "Profile", "Forum", "Organization")


class _UsageError(Exception):
    """A mistake on the command line: reported on stderr, exit status 2."""


# --------------------------------------------------------------------------- arguments

_MAIN_EPILOG = """\
examples:
  articlekit check content/                 check every *.md / *.markdown below content/
  articlekit check --format github .        annotations for GitHub Actions
  articlekit format --check --diff posts/   show what the formatter would change
  articlekit schema --output article.schema.json
  articlekit convert _news/ --to jsonl > news.jsonl
  articlekit codes AK301                    what an issue code means

exit status: 0 nothing wrong, 1 errors found (or files would be reformatted),
2 usage error or unreadable path.  Run 'articlekit COMMAND --help' for details.
"""

_CHECK_EPILOG = """\
Folders are searched recursively for *.md and *.markdown files; hidden folders,
node_modules and __pycache__ are skipped, and so are README, CHANGELOG,
CONTRIBUTING, LICENSE, CODE_OF_CONDUCT and SECURITY files (files named
explicitly are always checked).  '-' reads one file from standard input.

Output, one line per issue, sorted by path and position:
  PATH:LINE:COL: severity CODE message

examples:
  articlekit check content/
  articlekit check post.md other.md --ignore AK305
  articlekit check . --select AK3,AK4 --format json > issues.json
  articlekit check . --warnings-as-errors -j 4
  cat post.md | articlekit check - --stdin-filename post.md
  articlekit check _news/ --secured-key-file secret.key

exit status: 0 no errors, 1 errors (or warnings with --warnings-as-errors),
2 usage error or unreadable path (the other files are still checked).
"""

_FORMAT_EPILOG = """\
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
(--check) or could not be formatted, 2 usage error or unreadable path.
"""

_SCHEMA_EPILOG = """\
examples:
  articlekit schema                          the Article schema on stdout
  articlekit schema --output article.schema.json
  articlekit schema --kind article --indent 0

exit status: 0 written, 2 usage error (unknown kind, unwritable output).
"""

_CONVERT_EPILOG = """\
Writes, for each file, an object {"path", "front_matter", "body"}: the front
matter by YAML key (dates and times as RFC 3339 text) and the body as text.
--to json writes one JSON list; --to jsonl writes one object per line.
Front matter is read safely but not validated unless --validate is given.

examples:
  articlekit convert _news/ --to jsonl > news.jsonl
  articlekit convert post.md --to json --output post.json
  articlekit convert content/ --to json --validate

exit status: 0 all converted, 1 some files could not be read as front matter
(they are left out and their issues printed on stderr), 2 usage error or
unreadable path.
"""

_CODES_EPILOG = """\
examples:
  articlekit codes                           every code, its severity and summary
  articlekit codes AK301 AK202               what these codes mean, with examples
  articlekit codes AK3                       every AK3xx code
"""


def _parser() -> argparse.ArgumentParser:
    formatter = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(
        prog=_PROG,
        description="Check, format and convert Markdown files with article YAML front matter.",
        epilog=_MAIN_EPILOG,
        formatter_class=formatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {_ak.__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    p = sub.add_parser(
        "check",
        help="report every problem in files and folders",
        description="Report every problem in front-matter files: errors and warnings, located by line.",
        epilog=_CHECK_EPILOG,
        formatter_class=formatter,
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="a file, a folder, or '-' for standard input")
    p.add_argument(
        "--format",
        dest="output_format",
        choices=("text", "json", "github"),
        default="text",
        help="output format (default: text); github prints GitHub Actions annotations",
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
        type=_jobs,
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
    p.add_argument(
        "--stdin-filename", metavar="NAME", help=f"the path to show for '-' (default: {_STDIN_NAME})"
    )
    _add_walk_options(p)
    p.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour the text output (default: auto, on a terminal; NO_COLOR always turns it off)",
    )
    p.add_argument("-q", "--quiet", action="store_true", help="no summary line and no progress bar")
    p.set_defaults(handler=_cmd_check)

    p = sub.add_parser(
        "format",
        help="rewrite files in the canonical style",
        description="Rewrite front-matter files in the canonical style, in place.",
        epilog=_FORMAT_EPILOG,
        formatter_class=formatter,
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="a file, a folder, or '-' for standard input")
    p.add_argument("--check", action="store_true", help="write nothing; exit 1 if any file would change")
    p.add_argument("--kind", metavar="NAME", help="treat every file as this kind (default: detected)")
    p.add_argument("--diff", action="store_true", help="write nothing; print a unified diff of the changes")
    _add_walk_options(p)
    p.add_argument("-q", "--quiet", action="store_true", help="print only errors")
    p.set_defaults(handler=_cmd_format)

    p = sub.add_parser(
        "schema",
        help="write the JSON Schema of the front matter",
        description="Write the JSON Schema of a kind of front matter.",
        epilog=_SCHEMA_EPILOG,
        formatter_class=formatter,
    )
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    p.add_argument(
        "--kind", metavar="NAME", default="article", help="the kind of document (default: article)"
    )
    p.add_argument("--indent", type=int, default=2, metavar="N", help="indentation (default: 2; 0: one line)")
    p.set_defaults(handler=_cmd_schema)

    p = sub.add_parser(
        "convert",
        help="write front matter and body as JSON or JSON Lines",
        description="Write the front matter (by YAML key) and body of each file as JSON or JSON Lines.",
        epilog=_CONVERT_EPILOG,
        formatter_class=formatter,
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="a file, a folder, or '-' for standard input")
    p.add_argument("--to", choices=("json", "jsonl"), default="json", help="output format (default: json)")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    p.add_argument("--validate", action="store_true", help="leave out (and report) files with errors")
    p.add_argument(
        "--stdin-filename", metavar="NAME", help=f"the path to record for '-' (default: {_STDIN_NAME})"
    )
    _add_walk_options(p)
    p.set_defaults(handler=_cmd_convert)

    p = sub.add_parser(
        "codes",
        help="list the issue codes, or explain some",
        description="List every issue code, or show the documentation of the codes given.",
        epilog=_CODES_EPILOG,
        formatter_class=formatter,
    )
    p.add_argument("codes", nargs="*", metavar="CODE", help="codes or code prefixes to explain")
    p.set_defaults(handler=_cmd_codes)
    return parser


def _add_walk_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--exclude",
        action="append",
        default=[],
        metavar="GLOB",
        help="skip files and folders whose name or relative path matches GLOB while searching folders",
    )
    p.add_argument(
        "--no-default-excludes",
        action="store_true",
        help="search hidden folders and README-like files too",
    )


def _jobs(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {value!r}") from None
    if n < 0:
        raise argparse.ArgumentTypeError("must be 0 (the number of CPUs) or more")
    return n


# --------------------------------------------------------------------------- finding files


@dataclass
class _Found:
    """Files to process, in order, and paths that could not be read (path, reason)."""

    files: list[str] = field(default_factory=list)
    problems: list[tuple[str, str]] = field(default_factory=list)
    stdin: bool = False


def _glob_matcher(patterns: Sequence[str]) -> Callable[[str], bool]:
    """Whether a name or path matches one of the globs: :func:`fnmatch.fnmatch` of each, as one regex."""
    if not patterns:
        return lambda text: False
    normcase = os.path.normcase
    regex = re.compile("|".join(f"(?:{fnmatch.translate(normcase(p))})" for p in patterns))
    match = regex.match
    return lambda text: match(normcase(text)) is not None


def _find(paths: Sequence[str], excludes: Sequence[str], default_excludes: bool) -> _Found:
    """Expand files, folders and ``-`` into the files to process (each once)."""
    dir_excluded = _glob_matcher([*excludes, *(_DEFAULT_EXCLUDE_DIRS if default_excludes else ())])
    file_excluded = _glob_matcher([*excludes, *(_DEFAULT_EXCLUDE_FILES if default_excludes else ())])
    found = _Found()
    seen: set[str] = set()
    # one path alone cannot name a file twice; several can (a file and its folder, overlapping folders)
    dedupe = sum(1 for path in paths if path != _STDIN) > 1
    normcase = os.path.normcase
    sep_prefix = "." + os.sep

    for path in paths:
        if path == _STDIN:
            found.stdin = True
            continue
        if os.path.isdir(path):
            errors: list[OSError] = []
            walked: list[str] = []
            keys: list[str] = []
            for root, dirs, names in os.walk(path, onerror=errors.append):
                rel_root = os.path.relpath(root, path)
                rel_prefix = "" if rel_root == "." else _posix(rel_root) + "/"
                # the folder given is never excluded, only what is found below it
                dirs[:] = sorted(d for d in dirs if not (dir_excluded(d) or dir_excluded(rel_prefix + d)))
                base = os.path.join(root, "")
                if base.startswith(sep_prefix) and not path.startswith(sep_prefix):
                    base = base[2:]  # 'articlekit check .' shows 'post.md', not './post.md'
                abs_base = os.path.join(os.path.abspath(root), "") if dedupe else ""
                for name in sorted(names):
                    if not name.lower().endswith(_SUFFIXES):
                        continue
                    if file_excluded(name) or file_excluded(rel_prefix + name):
                        continue
                    walked.append(base + name)
                    if dedupe:
                        keys.append(normcase(abs_base + name))
            for exc in errors:
                found.problems.append((exc.filename or path, exc.strerror or str(exc)))
            if not dedupe:
                found.files.extend(walked)
                continue
            for name, key in zip(walked, keys, strict=True):
                if key not in seen:
                    seen.add(key)
                    found.files.append(name)
        elif os.path.exists(path):
            key = normcase(os.path.abspath(path))
            if key not in seen:
                seen.add(key)
                found.files.append(path)
        else:
            found.problems.append((path, "No such file or directory"))
    return found


def _posix(rel: str) -> str:
    rel = rel.replace(os.sep, "/")
    return rel[2:] if rel.startswith("./") else rel


def _read_stdin() -> bytes:
    stream = sys.stdin
    buffer = getattr(stream, "buffer", None)
    if buffer is not None:
        data = buffer.read()
        return bytes(data)
    return stream.read().encode("utf-8", errors="surrogateescape")


# --------------------------------------------------------------------------- check: the work

_LOADED = False
_AS_PROGRAM = False  # set by main(): this process is the articlekit program, not a library's caller


def _library() -> None:
    """Import the parser, the models and every rule (so every issue code is registered), once.

    The garbage collector is paused meanwhile: importing makes tens of thousands
    of objects and no garbage, and the collections it would trigger cost about
    a tenth of the time.  As the program (:func:`main`), the objects made so far
    are then moved out of the collector's sight for good (:func:`gc.freeze`):
    they live until the end, and worker processes forked later do not copy the
    memory pages that the collector would otherwise touch.
    """
    global _LOADED
    if _LOADED:
        return
    enabled = gc.isenabled()
    gc.disable()
    try:
        from . import api
        from .rules import all_rules

        all_rules()  # each rule module registers its codes: --select, --ignore and 'codes' see them all
    finally:
        if enabled:
            gc.enable()
    if _AS_PROGRAM:
        gc.freeze()
    names = globals()
    names.setdefault("check", api.check)  # unless replaced (tests do)
    names.setdefault("parse", api.parse)
    _LOADED = True


if not TYPE_CHECKING:

    def __getattr__(name: str) -> Any:
        """``check`` and ``parse`` are bound when the library is first needed."""
        if name in ("check", "parse"):
            _library()
            return globals()[name]
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@dataclass(frozen=True)
class _CheckOptions:
    """What every file is checked with (picklable: sent to worker processes)."""

    ignore: frozenset[str] = frozenset()
    kind: type[BaseModel] | None = None
    secured_key: bytes | None = None

    def arguments(self) -> dict[str, Any]:
        """The keyword arguments of :func:`articlekit.check`."""
        kwargs: dict[str, Any] = {"ignore": self.ignore}
        if self.kind is not None:
            kwargs["kind"] = self.kind
        if self.secured_key is not None:
            kwargs["secured_key"] = self.secured_key
        return kwargs


_Outcome = tuple[int, tuple[Issue, ...], "str | None", bool]
"""What a file has to report: its index in the list of files, its issues, why it
could not be read or checked (or None), and whether that was articlekit's fault.
Files with nothing to report have no outcome: only these cross between processes."""


def _check_bytes(data: bytes, kwargs: dict[str, Any]) -> tuple[tuple[Issue, ...], str | None]:
    """The issues of one file's bytes, or the internal error that stopped :func:`articlekit.check`."""
    try:
        return tuple(check(data, **kwargs)), None
    except Exception as exc:  # a bug in articlekit: report it, check the other files
        return (), f"internal error: {type(exc).__name__}: {exc}"


def _check_files(
    paths: Sequence[str], start: int, stop: int, kwargs: dict[str, Any], read: Sequence[bytes | str] = ()
) -> list[_Outcome]:
    """Check ``paths[start:stop]``; the outcomes of those with something to report.

    ``read`` holds the contents of the first files, already read (or why they
    could not be), as :func:`_read_ahead` leaves them.
    """
    out: list[_Outcome] = []
    check_ = check
    ahead = len(read)
    for index in range(start, stop):
        data: bytes | str
        if index < ahead:
            data = read[index]
        else:
            try:
                with open(paths[index], "rb") as handle:
                    data = handle.read()
            except OSError as exc:
                data = exc.strerror or str(exc)
        if isinstance(data, str):
            out.append((index, (), data, False))
            continue
        try:
            issues = check_(data, **kwargs)
        except Exception as exc:  # a bug in articlekit: report it, check the other files
            out.append((index, (), f"internal error: {type(exc).__name__}: {exc}", True))
            continue
        if issues:
            out.append((index, tuple(issues), None, False))
    return out


def _cpu_count() -> int:
    affinity = getattr(os, "sched_getaffinity", None)
    if affinity is not None:
        try:
            return max(1, len(affinity(0)))
        except OSError:  # pragma: no cover - platform quirk
            pass
    return max(1, os.cpu_count() or 1)


_MIN_CHUNK = 8
_MAX_CHUNK = 128


def _chunks(files: int, jobs: int) -> list[tuple[int, int]]:
    """``(start, stop)`` of each chunk: a quarter of a process's share of what is left, 8 to 128 files.

    Processes take chunks in turn as they finish the previous one, so the
    chunks shrink towards the end and every process finishes at about the same time.
    """
    bounds: list[tuple[int, int]] = []
    start = 0
    while start < files:
        size = max(_MIN_CHUNK, min(_MAX_CHUNK, (files - start) // (jobs * 4)))
        stop = min(files, start + size)
        bounds.append((start, stop))
        start = stop
    return bounds


def _mp_context() -> Any:
    import multiprocessing
    import threading

    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and sys.platform != "darwin" and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


def _claim(counter: Any) -> int:
    """The next chunk's number (shared by every process)."""
    with counter.get_lock():
        number: int = counter.value
        counter.value = number + 1
    return number


def _worker(
    conn: Connection,
    paths: Sequence[str],
    read: Sequence[bytes | str],
    bounds: Sequence[tuple[int, int]],
    counter: Any,
    kwargs: dict[str, Any],
) -> None:
    """A worker process: check chunks until none is left, sending ``(chunk number, outcomes)`` for each."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's to handle
    _library()  # already there when forked
    try:
        while (number := _claim(counter)) < len(bounds):
            start, stop = bounds[number]
            conn.send((number, _check_files(paths, start, stop, kwargs, read)))
    finally:
        conn.close()


@contextlib.contextmanager
def _sigint_ignored() -> Iterator[None]:
    """Ignore Ctrl-C while starting processes: a forked one then ignores it from its first instant."""
    try:
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    except ValueError:  # not the main thread: leave signals alone
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _run_checks(
    paths: Sequence[str],
    options: _CheckOptions,
    jobs: int,
    progress: _Progress,
    read: Sequence[bytes | str] = (),
) -> list[_Outcome]:
    """Check ``paths`` in ``jobs`` processes, this one included; the outcomes in file order.

    One job (or few files): all here.  Otherwise ``jobs - 1`` worker processes
    and this one take chunks of files in turn from a shared counter; workers
    send back only the files with something to report.  A worker that dies
    (out of memory, killed) leaves its chunks to this process.
    """
    kwargs = options.arguments()
    if jobs <= 1 or len(paths) < _MIN_PARALLEL_FILES:
        bounds = _chunks(len(paths), 1) if progress.enabled else [(0, len(paths))]
        out: list[_Outcome] = []
        for start, stop in bounds:
            out.extend(_check_files(paths, start, stop, kwargs, read))
            progress.advance(stop - start)
        return out
    context = _mp_context()
    bounds = _chunks(len(paths), jobs)
    counter = context.Value("l", 0)
    done: dict[int, list[_Outcome]] = {}
    workers: list[tuple[Any, Connection]] = []
    try:
        for _ in range(min(jobs, len(bounds)) - 1):
            receiver, sender = context.Pipe(duplex=False)
            process = context.Process(
                target=_worker, args=(sender, paths, read, bounds, counter, kwargs), daemon=True
            )
            with _sigint_ignored():
                process.start()
            sender.close()
            workers.append((process, receiver))
        open_ = [receiver for _, receiver in workers]
        while (number := _claim(counter)) < len(bounds):
            start, stop = bounds[number]
            done[number] = _check_files(paths, start, stop, kwargs, read)
            progress.advance(stop - start)
            open_ = _receive(open_, done, bounds, progress, wait=False)
        while open_:
            open_ = _receive(open_, done, bounds, progress, wait=True)
    finally:
        for process, receiver in workers:
            receiver.close()
            if process.is_alive() and process.exitcode is None:
                process.join(timeout=5)
            if process.is_alive():  # pragma: no cover - only when interrupted
                process.terminate()
                process.join()
    for number, (start, stop) in enumerate(bounds):
        if number not in done:  # claimed by a worker that died
            done[number] = _check_files(paths, start, stop, kwargs, read)
            progress.advance(stop - start)
    return [outcome for number in range(len(bounds)) for outcome in done[number]]


def _receive(
    receivers: list[Connection],
    done: dict[int, list[_Outcome]],
    bounds: Sequence[tuple[int, int]],
    progress: _Progress,
    wait: bool,
) -> list[Connection]:
    """Take in what workers have sent (waiting for something if ``wait``); the connections still open."""
    from multiprocessing.connection import wait as wait_for

    ready = wait_for(receivers) if wait else [r for r in receivers if r.poll()]
    closed: set[int] = set()
    for receiver in receivers:
        if receiver not in ready:
            continue
        try:
            while True:
                number, outcomes = receiver.recv()
                done[number] = outcomes
                start, stop = bounds[number]
                progress.advance(stop - start)
                if not receiver.poll():
                    break
        except (EOFError, OSError):  # the worker is done (or died)
            closed.add(id(receiver))
    return [r for r in receivers if id(r) not in closed]


# --------------------------------------------------------------------------- check: filters and output


def _codes_arg(values: Sequence[str], option: str) -> tuple[str, ...]:
    out: list[str] = []
    for value in values:
        for part in value.split(","):
            code = part.strip().upper()
            if not code:
                continue
            if not _CODE_PATTERN.fullmatch(code):
                raise _UsageError(
                    f"{option}: {part.strip()!r} is not an issue code (like AK301) or prefix (AK3)"
                )
            if not any(known.startswith(code) for known in CODES):
                print(f"{_PROG}: warning: {option} {code} matches no known code", file=sys.stderr)
            out.append(code)
    return tuple(out)


@dataclass(frozen=True)
class _Filter:
    select: tuple[str, ...]
    ignore: tuple[str, ...]

    def wanted(self, code: str) -> bool:
        if self.select and not code.startswith(self.select):
            return False
        return not (self.ignore and code.startswith(self.ignore))

    def exact_ignores(self) -> frozenset[str]:
        """The registered codes to pass to :func:`articlekit.check` (lets it skip work)."""
        return frozenset(code for code in CODES if not self.wanted(code))


class _Style:
    """ANSI colours for the text output, or none."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled

    def _wrap(self, text: str, code: str) -> str:
        return f"\x1b[{code}m{text}\x1b[0m" if self.enabled else text

    def path(self, text: str) -> str:
        return self._wrap(text, "1")

    def severity(self, severity: str) -> str:
        return self._wrap(severity, "1;31" if severity == "error" else "1;33")

    def code(self, text: str) -> str:
        return self._wrap(text, "36")


def _no_color() -> bool:
    return bool(os.environ.get("NO_COLOR"))


def _use_color(choice: str, stream: TextIO) -> bool:
    if _no_color() or choice == "never":
        return False
    if choice == "always":
        return True
    return _isatty(stream) and os.environ.get("TERM") != "dumb"


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _render_text(rows: Iterable[tuple[str, Issue]], style: _Style) -> Iterator[str]:
    for path, issue in rows:
        yield (
            f"{style.path(path)}:{issue.line}:{issue.column}: {style.severity(issue.severity)} "
            f"{style.code(issue.code)} {issue.message}"
        )


def _render_json(rows: Iterable[tuple[str, Issue]]) -> str:
    items = [
        {
            "path": path,
            "line": issue.line,
            "column": issue.column,
            "code": issue.code,
            "severity": issue.severity,
            "message": issue.message,
            "key_path": list(issue.path),
        }
        for path, issue in rows
    ]
    import json

    return json.dumps(items, indent=2, ensure_ascii=False)


def _gh_data(text: str) -> str:
    """Escape the message part of a GitHub Actions workflow command."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_property(text: str) -> str:
    """Escape a property value (``file=...``) of a GitHub Actions workflow command."""
    return _gh_data(text).replace(":", "%3A").replace(",", "%2C")


def _render_github(rows: Iterable[tuple[str, Issue]]) -> Iterator[str]:
    for path, issue in rows:
        command = "error" if issue.is_error else "warning"
        yield (
            f"::{command} file={_gh_property(path)},line={issue.line},col={issue.column},"
            f"title={_gh_property(f'articlekit {issue.code}')}::{_gh_data(f'{issue.code} {issue.message}')}"
        )


class _Progress:
    """A progress bar on stderr, drawn only when enabled (a terminal, many files)."""

    def __init__(self, total: int, stream: TextIO, enabled: bool) -> None:
        self.total = total
        self.stream = stream
        self.enabled = enabled and total > 0
        self.done = 0
        self._drawn = -1

    def advance(self, n: int) -> None:
        if not self.enabled:
            return
        self.done += n
        percent = self.done * 100 // self.total
        if percent != self._drawn:
            self._drawn = percent
            width = 30
            filled = width * self.done // self.total
            bar = "#" * filled + "-" * (width - filled)
            self.stream.write(f"\r[{bar}] {self.done}/{self.total} files")
            self.stream.flush()

    def close(self) -> None:
        if self.enabled and self._drawn >= 0:
            self.stream.write("\r\x1b[2K")
            self.stream.flush()


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _kinds() -> dict[str, type[BaseModel]]:
    """The document kinds by lower-case name (``article`` always; others once they exist)."""
    from pydantic import BaseModel

    _library()
    out: dict[str, type[BaseModel]] = {}
    registry = getattr(_ak, "KINDS", None)
    entries: list[tuple[str, Any]] = []
    if isinstance(registry, Mapping):
        entries = [(str(name), cls) for name, cls in registry.items()]
    elif isinstance(registry, Iterable):
        for item in registry:  # KindInfo(name, model, ...) or bare classes
            model = getattr(item, "model", item)
            entries.append((str(getattr(item, "name", getattr(model, "__name__", ""))), model))
    for name, cls in entries:
        if isinstance(cls, type) and issubclass(cls, BaseModel):
            out[name.lower()] = cls
    for name in _KIND_NAMES:
        cls = getattr(_ak, name, None)
        if isinstance(cls, type) and issubclass(cls, BaseModel):
            out.setdefault(name.lower(), cls)
    out.setdefault("news", out["article"])
    return out


def _kind_arg(name: str) -> type[BaseModel]:
    kinds = _kinds()
    cls = kinds.get(name.strip().lower())
    if cls is None:
        raise _UsageError(f"--kind: unknown kind {name!r}; known kinds: {', '.join(sorted(kinds))}")
    return cls


def _secured_key(path: str) -> bytes:
    """Read and try out the key of ``--secured-key-file`` before any file is checked."""
    try:
        from .secured import read_key_file
    except ImportError:
        raise _UsageError(
            "--secured-key-file needs articlekit.secured, which this version of articlekit does not have"
        ) from None
    import inspect

    if "secured_key" not in inspect.signature(check).parameters:
        raise _UsageError("--secured-key-file: this version of articlekit.check cannot verify keys")
    try:
        key = bytes(read_key_file(path))
        check(b"---\n---\n", secured_key=key)  # a bad key or a missing extra fails here, once
    except OSError as exc:
        raise _UsageError(f"--secured-key-file: cannot read {path}: {exc.strerror or exc}") from None
    except ArticleKitError as exc:
        raise _UsageError(f"--secured-key-file: {exc.message}") from None
    except (TypeError, ValueError) as exc:
        raise _UsageError(f"--secured-key-file: {path}: {exc}") from None
    return key


def _cmd_check(args: argparse.Namespace) -> int:
    _library()
    started = time.perf_counter()
    selected = _Filter(_codes_arg(args.select, "--select"), _codes_arg(args.ignore, "--ignore"))
    options = _CheckOptions(
        ignore=selected.exact_ignores(),
        kind=_kind_arg(args.kind) if args.kind else None,
        secured_key=_secured_key(args.secured_key_file) if args.secured_key_file else None,
    )
    found = _find(args.paths, args.exclude, not args.no_default_excludes)
    jobs = args.jobs or _cpu_count()
    paths = found.files
    progress = _Progress(
        len(paths),
        sys.stderr,
        enabled=not args.quiet and _isatty(sys.stderr) and len(paths) >= _PROGRESS_MIN_FILES,
    )
    try:
        outcomes = _run_checks(paths, options, jobs, progress)
    finally:
        progress.close()
    results = [(paths[index], issues, error, internal) for index, issues, error, internal in outcomes]
    total = len(paths)
    if found.stdin:
        issues, error = _check_bytes(_read_stdin(), options.arguments())
        results.append((args.stdin_filename or _STDIN_NAME, issues, error, error is not None))
        total += 1

    rows: list[tuple[str, Issue]] = []
    problems = list(found.problems)
    internal = False
    unchecked = 0
    wanted = selected.wanted
    for path, issues, error, its_fault in results:
        if error is not None:
            problems.append((path, error))
            internal = internal or its_fault
            unchecked += 1
            continue
        rows.extend((path, issue) for issue in issues if wanted(issue.code))
    rows.sort(key=lambda row: (row[0], row[1].sort_key()))

    if args.output_format == "json":
        sys.stdout.write(_render_json(rows) + "\n")
    elif rows:
        lines = (
            _render_github(rows)
            if args.output_format == "github"
            else _render_text(rows, _Style(_use_color(args.color, sys.stdout)))
        )
        sys.stdout.write("\n".join(lines) + "\n")
    sys.stdout.flush()

    for path, reason in sorted(problems):
        verb = "cannot check" if internal else "cannot read"
        print(f"{_PROG}: error: {verb} {path}: {reason}", file=sys.stderr)
    errors = sum(1 for _, issue in rows if issue.is_error)
    warnings = len(rows) - errors
    checked = total - unchecked
    if not args.quiet:
        elapsed = time.perf_counter() - started
        unreadable = f", {len(problems)} unreadable" if problems else ""
        print(
            f"{_PROG}: checked {_plural(checked, 'file')}{unreadable} in {elapsed:.2f}s: "
            f"{_plural(errors, 'error')}, {_plural(warnings, 'warning')}",
            file=sys.stderr,
        )
    if problems:
        return EXIT_USAGE
    if errors or (args.warnings_as_errors and warnings):
        return EXIT_ERRORS
    return EXIT_OK


# --------------------------------------------------------------------------- format


def _formatter() -> Callable[..., str]:
    fmt = getattr(_ak, "format", None)
    if not callable(fmt):
        raise _UsageError("format needs articlekit.format, which this version of articlekit does not have")
    return fmt  # type: ignore[no-any-return]


def _same_content(old: str, new: str) -> bool:
    """Whether ``new`` loads back to the same front-matter data and body as ``old``."""
    try:
        old_data, old_body = parse(old)
        new_data, new_body = parse(new)
    except ArticleKitError:
        return False
    return _same(old_data, new_data) and _BREAK.sub("\n", old_body) == _BREAK.sub("\n", new_body)


def _same(a: Any, b: Any) -> bool:
    """Equal plain data, types included (``1`` is not ``True`` nor ``1.0``); NaN equals NaN."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(_same(v, b[k]) for k, v in a.items())
    if isinstance(a, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, float) and math.isnan(a):
        return math.isnan(b)
    if isinstance(a, datetime | dtime):
        return bool(a == b and a.utcoffset() == b.utcoffset())
    return bool(a == b)


def _write_atomic(path: str, data: bytes) -> None:
    """Replace the file at ``path`` with ``data`` atomically, keeping its permissions.

    The data goes to a temporary file in the same folder, which then replaces
    the target with :func:`os.replace`; a symbolic link is followed, so the
    file it points to is replaced and the link kept.  A new file gets the
    default permissions (``0o666`` less the umask).
    """
    target = os.path.realpath(path)
    folder = os.path.dirname(target) or "."
    try:
        mode: int | None = stat.S_IMODE(os.stat(target).st_mode)
    except FileNotFoundError:
        mode = None
    import tempfile

    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{os.path.basename(target)}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if mode is None:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _report_format_failure(path: str, exc: ArticleKitError) -> None:
    print(f"{_PROG}: error: cannot format {path}: {exc.message}", file=sys.stderr)
    for issue in exc.issues:
        if issue.is_error:
            print(f"{path}:{issue}", file=sys.stderr)


def _format_text(path: str, raw: bytes, fmt: Callable[[str], str]) -> tuple[str, str] | None:
    """``(old, new)`` text of a file, or None (reported) when it cannot be formatted safely."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        print(
            f"{_PROG}: error: cannot format {path}: it is not valid UTF-8 (see 'articlekit check')",
            file=sys.stderr,
        )
        return None
    try:
        new = fmt(text)
    except ArticleKitError as exc:
        _report_format_failure(path, exc)
        return None
    if new != text and not _same_content(text, new):
        print(
            f"{_PROG}: error: {path}: the formatted text does not load back to the same data; "
            "the file was left unchanged (please report this as a bug)",
            file=sys.stderr,
        )
        return None
    return text, new


def _cmd_format(args: argparse.Namespace) -> int:
    _library()
    fmt = _formatter()
    if args.kind:
        import functools

        fmt = functools.partial(fmt, kind=_kind_arg(args.kind))
    found = _find(args.paths, args.exclude, not args.no_default_excludes)
    problems = list(found.problems)
    changed: list[str] = []
    failed = 0
    unchanged = 0
    write = not (args.check or args.diff)
    items: list[tuple[str, bytes | None]] = [(p, None) for p in found.files]
    if found.stdin:
        items.append((_STDIN, _read_stdin()))
    for path, given in items:
        shown = _STDIN_NAME if path == _STDIN else path
        if given is None:
            try:
                with open(path, "rb") as handle:
                    raw = handle.read()
            except OSError as exc:
                problems.append((path, exc.strerror or str(exc)))
                continue
        else:
            raw = given
        texts = _format_text(shown, raw, fmt)
        if texts is None:
            failed += 1
            if path == _STDIN and write:
                sys.stdout.buffer.write(raw)  # a filter passes what it cannot format through
            continue
        old, new = texts
        if path == _STDIN and write:
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
        if write and path != _STDIN:
            try:
                _write_atomic(path, new.encode("utf-8"))
            except OSError as exc:
                print(f"{_PROG}: error: cannot write {path}: {exc.strerror or exc}", file=sys.stderr)
                failed += 1
                changed.pop()
                continue
        if not args.quiet:
            print(f"{'would reformat' if not write else 'reformatted'} {shown}", file=sys.stderr)
    sys.stdout.flush()
    for path, reason in sorted(problems):
        print(f"{_PROG}: error: cannot read {path}: {reason}", file=sys.stderr)
    if not args.quiet:
        verb = "would be reformatted" if not write else "reformatted"
        parts = [f"{_plural(len(changed), 'file')} {verb}", f"{unchanged} unchanged"]
        if failed:
            parts.append(f"{failed} failed")
        if problems:
            parts.append(f"{len(problems)} unreadable")
        print(f"{_PROG}: {', '.join(parts)}", file=sys.stderr)
    if problems:
        return EXIT_USAGE
    if failed or (args.check and changed):
        return EXIT_ERRORS
    return EXIT_OK


# --------------------------------------------------------------------------- schema


def _schema(kind: type[BaseModel]) -> dict[str, Any]:
    json_schema = getattr(_ak, "json_schema", None)
    if callable(json_schema):
        result = json_schema(kind=kind)
        return dict(result)
    return kind.model_json_schema(by_alias=True)


def _write_output(target: str | None, text: str) -> None:
    if target is None or target == _STDIN:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    try:
        _write_atomic(target, text.encode("utf-8"))
    except OSError as exc:
        raise _UsageError(f"cannot write {target}: {exc.strerror or exc}") from None


def _cmd_schema(args: argparse.Namespace) -> int:
    kind = _kind_arg(args.kind)
    schema = _schema(kind)
    indent = args.indent if args.indent > 0 else None
    import json

    _write_output(args.output, json.dumps(schema, indent=indent, ensure_ascii=False) + "\n")
    return EXIT_OK


# --------------------------------------------------------------------------- convert


def _rfc3339(value: datetime | date | dtime) -> str:
    text = value.isoformat()
    offset = value.utcoffset() if isinstance(value, datetime | dtime) else None
    if offset == timedelta(0) and text.endswith("+00:00"):
        text = text[: -len("+00:00")] + "Z"
    return text


def _jsonable(value: Any) -> Any:
    """Plain YAML data as JSON data: dates as RFC 3339 text, keys as text."""
    if isinstance(value, dict):
        return {_key(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, datetime | date | dtime):
        return _rfc3339(value)
    if isinstance(value, float) and not math.isfinite(value):
        return "NaN" if math.isnan(value) else ("Infinity" if value > 0 else "-Infinity")
    if isinstance(value, bytes | bytearray):
        import base64

        return base64.b64encode(bytes(value)).decode("ascii")
    if isinstance(value, set | frozenset):
        return sorted((_jsonable(v) for v in value), key=repr)
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


def _key(key: Any) -> str:
    if isinstance(key, str):
        return key
    converted = _jsonable(key)
    import json

    return converted if isinstance(converted, str) else json.dumps(converted)


def _cmd_convert(args: argparse.Namespace) -> int:
    _library()
    found = _find(args.paths, args.exclude, not args.no_default_excludes)
    problems = list(found.problems)
    items: list[tuple[str, bytes | None]] = [(p, None) for p in found.files]
    if found.stdin:
        items.append((args.stdin_filename or _STDIN_NAME, _read_stdin()))
    records: list[dict[str, Any]] = []
    failed = 0
    for path, given in items:
        if given is None:
            try:
                with open(path, "rb") as handle:
                    raw = handle.read()
            except OSError as exc:
                problems.append((path, exc.strerror or str(exc)))
                continue
        else:
            raw = given
        try:
            if args.validate:
                errors = [i for i in check(raw) if i.is_error]
                if errors:
                    raise ArticleKitError(f"{_plural(len(errors), 'error')}", errors)
            data, body = parse(raw)
        except ArticleKitError as exc:
            failed += 1
            print(f"{_PROG}: error: cannot convert {path}: {exc.message}", file=sys.stderr)
            for issue in exc.issues:
                print(f"{path}:{issue}", file=sys.stderr)
            continue
        records.append({"path": path, "front_matter": _jsonable(data), "body": body})
    import json

    if args.to == "jsonl":
        text = "".join(json.dumps(r, ensure_ascii=False, allow_nan=False) + "\n" for r in records)
    else:
        text = json.dumps(records, indent=2, ensure_ascii=False, allow_nan=False) + "\n"
    _write_output(args.output, text)
    for path, reason in sorted(problems):
        print(f"{_PROG}: error: cannot read {path}: {reason}", file=sys.stderr)
    if problems:
        return EXIT_USAGE
    return EXIT_ERRORS if failed else EXIT_OK


# --------------------------------------------------------------------------- codes


def _cmd_codes(args: argparse.Namespace) -> int:
    _library()
    wanted = _codes_arg(args.codes, "codes") if args.codes else ()
    infos = [info for code, info in sorted(CODES.items()) if not wanted or code.startswith(wanted)]
    if not infos:
        return EXIT_USAGE
    if not wanted:
        for info in infos:
            print(f"{info.code}  {info.severity:<7}  {info.name:<28}  {info.summary}")
        return EXIT_OK
    for n, info in enumerate(infos):
        if n:
            print()
        print(f"{info.code} {info.name} ({info.severity})")
        print(info.summary)
        if info.doc:
            print()
            print(info.doc)
    return EXIT_OK


# --------------------------------------------------------------------------- entry points


def run(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (without the program name) and return the exit status.

    ``argv`` defaults to ``sys.argv[1:]``.  Output goes to ``sys.stdout`` and
    ``sys.stderr``; nothing calls :func:`sys.exit`.

    >>> run(["check", "examples/hello-article.md", "--quiet"])  # doctest: +SKIP
    0
    """
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version, or a usage error already printed by argparse
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    handler: Callable[[argparse.Namespace], int] = args.handler
    try:
        return handler(args)
    except _UsageError as exc:
        print(f"{_PROG}: error: {exc}", file=sys.stderr)
        return EXIT_USAGE


def main() -> None:
    """Entry point of the ``articlekit`` script and of ``python -m articlekit``.

    Exits with :func:`run`'s status; 130 on Ctrl-C; 141 when the reader of
    standard output goes away (``articlekit check . | head``), silently.

    Called from a program's ``__main__`` module (the ``articlekit`` script,
    ``python -m articlekit``), it ends the process at once after flushing
    standard output and error (:func:`os._exit`): the interpreter's teardown,
    which frees every model and module one by one, would add ~30 ms to each
    run.  Called from anywhere else (a test), it raises :class:`SystemExit`.
    """
    global _AS_PROGRAM
    caller = sys._getframe(1) if hasattr(sys, "_getframe") else None
    program = caller is not None and caller.f_globals.get("__name__") == "__main__"
    _AS_PROGRAM = program
    try:
        status = run()
        sys.stdout.flush()
    except KeyboardInterrupt:
        print(f"\n{_PROG}: interrupted", file=sys.stderr)
        status = 130
    except BrokenPipeError:
        # Python flushes stdout again at exit: point it at /dev/null so that does not fail too.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        status = 141
    if program:
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(OSError, ValueError):
                stream.flush()
        os._exit(status)
    sys.exit(status)
