"""`check --fix`, `--unsafe-fixes` and `--diff`: fixing files, in parallel like checking them.

`run_fixes` runs [`articlekit.fix`][articlekit.fix] over the files in `jobs`
processes (through `runner.stream`); each file's remaining issues come back as
the `runner.Outcome` that checking it would give, with what was fixed in a
`FileFix`.  Nothing is written here: `write_fixed` writes the changed files
atomically, in this process, after every file was fixed.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import IO, TYPE_CHECKING, Any, NamedTuple

from .runner import Outcome, line_texts, stream

if TYPE_CHECKING:
    from ..config import Config
    from .terminal import Progress

__all__ = ["FileFix", "fix_bytes", "print_fixes", "run_fixes", "write_fixed"]


class FileFix(NamedTuple):
    """What fixing one file did (only files with something fixed, failed or fixable are kept).

    Attributes:
        file_index: the file's index in the list of files.
        applied: ``(line, column, code, title)`` of each fix applied (positions in
            the text of its round).
        failed: ``(line, column, code, title, reason)`` of each fix left out.
        unsafe_fixable: how many remaining issues `--unsafe-fixes` would fix.
        data: the fixed file's bytes, or None when unchanged.
        diff: the unified diff of the fixes ("" when unchanged).
    """

    file_index: int
    applied: tuple[tuple[int, int, str, str], ...] = ()
    failed: tuple[tuple[int, int, str, str, str], ...] = ()
    unsafe_fixable: int = 0
    data: bytes | None = None
    diff: str = ""


def fix_bytes(
    index: int,
    name: str | None,
    data: bytes,
    kwargs: dict[str, Any],
    unsafe: bool,
    lines: bool,
    config: Config | None = None,
) -> tuple[Outcome | None, FileFix | None]:
    """Fix one file's bytes: its outcome (remaining issues) and what was fixed (None when nothing).

    `config` and `name` are the file's configuration and the path it matches.
    """
    from .. import fixes

    try:
        result = fixes.fix(data, unsafe=unsafe, config=config, path=name, **kwargs)
    except Exception as exc:  # a bug in articlekit: report it, fix the other files
        return Outcome(index, (), f"internal error: {type(exc).__name__}: {exc}", True), None
    new = result.text.encode("utf-8") if result.changed else None
    outcome = None
    if result.remaining:
        source = new if new is not None else data
        texts = line_texts(source, [i.line for i in result.remaining]) if lines else ()
        outcome = Outcome(index, tuple(result.remaining), None, False, texts)
    done = None
    failed = tuple(
        (f.fix.issue.line, f.fix.issue.column, f.fix.code, f.fix.title, f.reason) for f in result.failed
    )
    if result.changed or result.failed or result.unsafe_fixable:
        done = FileFix(
            index,
            tuple((f.issue.line, f.issue.column, f.code, f.title) for f in result.applied),
            failed,
            result.unsafe_fixable,
            new,
            result.diff(name or "-") if new is not None else "",
        )
    return outcome, done


def _fix_chunk(
    start: int,
    stop: int,
    paths: Sequence[str],
    kwargs: dict[str, Any],
    unsafe: bool,
    lines: bool,
    configs: Sequence[Config] | None,
) -> tuple[int, list[tuple[Outcome | None, FileFix | None]]]:
    """Fix `paths[start:stop]`: how many files, and the results of those with something to report."""
    out: list[tuple[Outcome | None, FileFix | None]] = []
    for index in range(start, stop):
        try:
            with open(paths[index], "rb") as handle:
                data = handle.read()
        except OSError as exc:
            out.append((Outcome(index, (), exc.strerror or str(exc), False), None))
            continue
        config = configs[index] if configs is not None else None
        found = fix_bytes(index, paths[index], data, kwargs, unsafe, lines, config)
        if found != (None, None):
            out.append(found)
    return stop - start, out


def run_fixes(
    paths: Sequence[str],
    kwargs: dict[str, Any],
    jobs: int,
    progress: Progress,
    *,
    unsafe: bool,
    lines: bool = False,
    configs: Sequence[Config] | None = None,
) -> tuple[list[Outcome], list[FileFix]]:
    """Fix `paths` in `jobs` processes; the outcomes (remaining issues) and the fixes, in file order.

    `kwargs` are those of `articlekit.check` (`CheckOptions.arguments()`); `configs`
    (one per path) the configuration of each file.
    """
    outcomes: list[Outcome] = []
    fixed: list[FileFix] = []
    for done_count, chunk in stream(len(paths), _fix_chunk, (paths, kwargs, unsafe, lines, configs), jobs):
        for outcome, done in chunk:
            if outcome is not None:
                outcomes.append(outcome)
            if done is not None:
                fixed.append(done)
        progress.advance(done_count)
    return outcomes, fixed


def write_fixed(paths: Sequence[str], fixed: Sequence[FileFix]) -> list[tuple[str, str]]:
    """Write each changed file atomically; ``(path, reason)`` of those that could not be written."""
    from .atomic import write_atomic

    problems: list[tuple[str, str]] = []
    for done in fixed:
        if done.data is None:
            continue
        path = paths[done.file_index]
        try:
            write_atomic(path, done.data)
        except OSError as exc:
            problems.append((path, str(exc.strerror or exc)))
    return problems


def print_fixes(names: Sequence[str], fixed: Sequence[FileFix], stream_: IO[str] | None = None) -> None:
    """`--show-fixes`: per file, each fix applied (and each left out, with why)."""
    out = stream_ if stream_ is not None else sys.stderr
    for done in fixed:
        if not done.applied and not done.failed:
            continue
        name = names[done.file_index]
        for line, column, code, title in done.applied:
            print(f"{name}:{line}:{column}: fixed {code} {title}", file=out)
        for line, column, code, title, reason in done.failed:
            print(f"{name}:{line}:{column}: not fixed {code} {title}: {reason}", file=out)
