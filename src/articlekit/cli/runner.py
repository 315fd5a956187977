"""Checking many files in parallel processes, this one included.

`run_checks` splits the files into chunks that the processes take in turn
from a shared counter; workers send back only the files with something to
report, and the outcomes come back in file order whatever the number of jobs.

`stream` is the streaming counterpart (`convert`): it yields each chunk's
result, in order, as soon as it and the chunks before it are done, with a
bounded number of chunks in flight, so that memory does not grow with the
number of files.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

from ..issues import Issue
from .common import load_library

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

    from pydantic import BaseModel

    from ..config import Config
    from .terminal import Progress

__all__ = [
    "MAX_CHUNK",
    "MIN_CHUNK",
    "MIN_PARALLEL_FILES",
    "STREAM_AHEAD",
    "STREAM_CHUNK",
    "CheckOptions",
    "Outcome",
    "check_bytes",
    "check_files",
    "chunks",
    "cpu_count",
    "line_texts",
    "run_checks",
    "stream",
]

MIN_PARALLEL_FILES = 64
"""Fewer files than this are checked in this process alone."""
MIN_CHUNK = 8
"""The smallest chunk of files a process takes at once (the last one may be smaller)."""
MAX_CHUNK = 128
"""The largest chunk of files a process takes at once."""
STREAM_AHEAD = 4
"""`stream`: at most this many chunks per process are given out and not yet yielded."""
STREAM_CHUNK = 16
"""`stream`: the largest chunk (small: the results of the chunks in flight are held in memory)."""

_T = TypeVar("_T")


@dataclass(frozen=True)
class CheckOptions:
    """What every file is checked with (picklable: sent to worker processes)."""

    ignore: frozenset[str] = frozenset()
    kind: type[BaseModel] | None = None
    secured_key: bytes | None = None

    def arguments(self) -> dict[str, Any]:
        """The keyword arguments of `articlekit.check`."""
        kwargs: dict[str, Any] = {"ignore": self.ignore} if self.ignore else {}
        if self.kind is not None:
            kwargs["kind"] = self.kind
        if self.secured_key is not None:
            kwargs["secured_key"] = self.secured_key
        return kwargs


class Outcome(NamedTuple):
    """What a file has to report; files with nothing to report have none (only these cross processes).

    Attributes:
        file_index: the file's index in the list of files.
        issues: its issues.
        error: why it could not be read or checked, or None.
        internal: whether that was articlekit's fault.
        lines: `(line, text)` of each line that an issue points at, when asked for
            (`run_checks(..., lines=True)`): what fingerprints and baselines hash.
        suppressed: issues silenced by a suppression comment, when known.
    """

    file_index: int
    issues: tuple[Issue, ...]
    error: str | None = None
    internal: bool = False
    lines: tuple[tuple[int, str], ...] = ()
    suppressed: tuple[Issue, ...] = ()


def line_texts(data: bytes, numbers: Iterator[int] | Sequence[int]) -> tuple[tuple[int, str], ...]:
    """`(number, text)` of the lines `numbers` of the file `data` (1-based), stripped, in order.

    Lines end at `\\n`, `\\r\\n` or `\\r`; undecodable bytes become U+FFFD; a line past the
    end is the empty text.

    >>> line_texts(b"---\\ntitle: x  \\r\\n---\\n", [2, 9])
    ((2, 'title: x'), (9, ''))
    """
    wanted = sorted(set(numbers))
    if not wanted:
        return ()
    lines = data.splitlines()
    return tuple(
        (n, lines[n - 1].decode("utf-8", "replace").strip() if 0 < n <= len(lines) else "") for n in wanted
    )


def _internal(exc: Exception) -> str:
    return f"internal error: {type(exc).__name__}: {exc}"


def check_bytes(data: bytes, kwargs: dict[str, Any]) -> tuple[tuple[Issue, ...], str | None]:
    """The issues of one file's bytes, or the internal error that stopped `articlekit.check`."""
    from .. import api

    try:
        return tuple(api.check(data, **kwargs)), None
    except Exception as exc:  # a bug in articlekit: report it, check the other files
        return (), _internal(exc)


def check_files(
    paths: Sequence[str],
    start: int,
    stop: int,
    kwargs: dict[str, Any],
    lines: bool = False,
    configs: Sequence[Config] | None = None,
) -> list[Outcome]:
    """Check `paths[start:stop]`; the outcomes of those with something to report.

    With `lines`, each outcome also holds the text of the lines its issues point at.
    With `configs` (one per path), each file is checked with its configuration and path.
    """
    from .. import api

    out: list[Outcome] = []
    check = api.check_with_suppressed  # looked up once per chunk, not once per file
    for index in range(start, stop):
        try:
            with open(paths[index], "rb") as handle:
                data = handle.read()
        except OSError as exc:
            out.append(Outcome(index, (), exc.strerror or str(exc), False))
            continue
        try:
            if configs is None:
                issues, silenced = check(data, **kwargs)
            else:
                issues, silenced = check(data, config=configs[index], path=paths[index], **kwargs)
        except Exception as exc:  # a bug in articlekit: report it, check the other files
            out.append(Outcome(index, (), _internal(exc), True))
            continue
        if issues or silenced:
            numbers = [issue.line for issue in (*issues, *silenced)]
            texts = line_texts(data, numbers) if lines else ()
            out.append(Outcome(index, tuple(issues), None, False, texts, tuple(silenced)))
    return out


def cpu_count() -> int:
    """The CPUs this process may run on."""
    affinity = getattr(os, "sched_getaffinity", None)
    if affinity is not None:
        try:
            return max(1, len(affinity(0)))
        except OSError:  # pragma: no cover - platform quirk
            pass
    return max(1, os.cpu_count() or 1)


def chunks(files: int, jobs: int) -> list[tuple[int, int]]:
    """`(start, stop)` of each chunk: a quarter of a process's share of what is left, 8 to 128 files.

    Processes take chunks in turn as they finish the previous one, so the
    chunks shrink towards the end and every process finishes at about the same time.
    """
    bounds: list[tuple[int, int]] = []
    start = 0
    while start < files:
        size = max(MIN_CHUNK, min(MAX_CHUNK, (files - start) // (jobs * 4)))
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
    bounds: Sequence[tuple[int, int]],
    counter: Any,
    kwargs: dict[str, Any],
    lines: bool,
    configs: Sequence[Config] | None = None,
) -> None:
    """A worker process: check chunks until none is left, sending `(chunk number, outcomes)` for each."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's to handle
    load_library()  # already there when forked
    try:
        while (number := _claim(counter)) < len(bounds):
            start, stop = bounds[number]
            conn.send((number, check_files(paths, start, stop, kwargs, lines, configs)))
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


def run_checks(
    paths: Sequence[str],
    options: CheckOptions,
    jobs: int,
    progress: Progress,
    lines: bool = False,
    configs: Sequence[Config] | None = None,
) -> list[Outcome]:
    """Check `paths` in `jobs` processes, this one included; the outcomes in file order.

    One job (or few files): all here.  Otherwise `jobs - 1` worker processes
    and this one take chunks of files in turn from a shared counter; workers
    send back only the files with something to report.  A worker that dies
    (out of memory, killed) leaves its chunks to this process.  With `lines`,
    the outcomes hold the text of the lines their issues point at.  `configs`
    (one per path; picklable, sent to workers): each file's configuration.
    """
    kwargs = options.arguments()
    if jobs <= 1 or len(paths) < MIN_PARALLEL_FILES:
        bounds = chunks(len(paths), 1) if progress.enabled else [(0, len(paths))]
        out: list[Outcome] = []
        for start, stop in bounds:
            out.extend(check_files(paths, start, stop, kwargs, lines, configs))
            progress.advance(stop - start)
        return out
    context = _mp_context()
    bounds = chunks(len(paths), jobs)
    counter = context.Value("l", 0)
    done: dict[int, list[Outcome]] = {}
    workers: list[tuple[Any, Connection]] = []
    try:
        for _ in range(min(jobs, len(bounds)) - 1):
            receiver, sender = context.Pipe(duplex=False)
            process = context.Process(
                target=_worker, args=(sender, paths, bounds, counter, kwargs, lines, configs), daemon=True
            )
            with _sigint_ignored():
                process.start()
            sender.close()
            workers.append((process, receiver))
        open_ = [receiver for _, receiver in workers]
        while (number := _claim(counter)) < len(bounds):
            start, stop = bounds[number]
            done[number] = check_files(paths, start, stop, kwargs, lines, configs)
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
            done[number] = check_files(paths, start, stop, kwargs, lines, configs)
            progress.advance(stop - start)
    return [outcome for number in range(len(bounds)) for outcome in done[number]]


def _receive(
    receivers: list[Connection],
    done: dict[int, list[Outcome]],
    bounds: Sequence[tuple[int, int]],
    progress: Progress,
    wait: bool,
) -> list[Connection]:
    """Take in what workers have sent (waiting for something if `wait`); the connections still open."""
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


def _stream_worker(conn: Connection, work: Callable[..., Any], args: tuple[Any, ...]) -> None:
    """A worker process of `stream`: do each `(number, start, stop)` it is sent, until `None`."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's to handle
    load_library()  # already there when forked
    try:
        while (task := conn.recv()) is not None:
            number, start, stop = task
            conn.send((number, work(start, stop, *args)))
    except (EOFError, OSError):  # the main process is gone
        pass
    finally:
        conn.close()


def stream(count: int, work: Callable[..., _T], args: tuple[Any, ...], jobs: int) -> Iterator[_T]:
    """`work(start, stop, *args)` for consecutive chunks of `range(count)`, yielded in order as they are done.

    One job (or few items): each item is done here, one at a time, and yielded
    at once.  Otherwise `jobs` worker processes do the chunks (`work` must be a
    module-level function, and `args` picklable) while this process hands
    them out and yields the results in order.  Each worker has at most two
    chunks given to it, and no chunk is given out more than
    `STREAM_AHEAD * jobs` chunks ahead of the next one to yield: memory stays
    bounded whatever `count` is (chunks hold at most `STREAM_CHUNK` items).  A
    worker that dies leaves its chunks to this process.  Closing the generator
    early (or an error in the consumer, such as a closed pipe) terminates the
    workers.
    """
    if jobs <= 1 or count < MIN_PARALLEL_FILES:
        for index in range(count):
            yield work(index, index + 1, *args)
        return
    context = _mp_context()
    size = max(1, min(STREAM_CHUNK, count // (jobs * STREAM_AHEAD)))
    bounds = [(start, min(count, start + size)) for start in range(0, count, size)]
    workers: dict[Connection, tuple[Any, deque[int]]] = {}
    finished = False
    try:
        for _ in range(min(jobs, len(bounds))):
            mine, theirs = context.Pipe(duplex=True)
            process = context.Process(target=_stream_worker, args=(theirs, work, args), daemon=True)
            with _sigint_ignored():
                process.start()
            theirs.close()
            workers[mine] = (process, deque())
        done: dict[int, _T] = {}
        given = 0  # chunks given out so far: 0 .. given-1
        ahead = STREAM_AHEAD * len(workers)
        for number in range(len(bounds)):
            while number not in done:
                given = _give_out(workers, bounds, given, min(len(bounds), number + ahead))
                if not workers:  # every worker died: do the rest here
                    start, stop = bounds[number]
                    done[number] = work(start, stop, *args)
                    break
                _take_in(workers, bounds, done, work, args)
            yield done.pop(number)
        finished = True
    finally:
        for conn, (process, _) in workers.items():
            if finished:  # idle, waiting for a task: tell it to stop
                with contextlib.suppress(OSError):
                    conn.send(None)
            else:  # stopped early (closed, an error, Ctrl-C): its work is not wanted
                process.terminate()
            conn.close()
        for process, _ in workers.values():
            process.join(timeout=5)
            if process.is_alive():  # pragma: no cover - a worker that ignores SIGTERM
                process.kill()
                process.join()


def _give_out(
    workers: dict[Connection, tuple[Any, deque[int]]],
    bounds: Sequence[tuple[int, int]],
    given: int,
    limit: int,
) -> int:
    """Give chunks `given ..` (below `limit`) to the workers with fewer than two; the new `given`."""
    for conn, (_, queue) in workers.items():
        while len(queue) < 2 and given < limit:
            start, stop = bounds[given]
            try:
                conn.send((given, start, stop))
            except OSError:  # the worker died: _take_in finds out and takes its chunks back
                break
            queue.append(given)
            given += 1
    return given


def _take_in(
    workers: dict[Connection, tuple[Any, deque[int]]],
    bounds: Sequence[tuple[int, int]],
    done: dict[int, _T],
    work: Callable[..., _T],
    args: tuple[Any, ...],
) -> None:
    """Wait for a worker's result and keep it; a dead worker's chunks are done here."""
    from multiprocessing.connection import wait as wait_for

    ready = wait_for(list(workers))
    for conn in [c for c in workers if c in ready]:
        process, queue = workers[conn]
        try:
            number, result = conn.recv()
        except (EOFError, OSError):  # the worker died
            del workers[conn]
            conn.close()
            process.join(timeout=5)
            for number in queue:
                start, stop = bounds[number]
                done[number] = work(start, stop, *args)
            continue
        queue.popleft()
        done[number] = result
