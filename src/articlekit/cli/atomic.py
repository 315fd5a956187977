"""Reading a file's bytes, writing files atomically, and command output to a file or standard output."""

from __future__ import annotations

import contextlib
import os
import stat
import sys
from collections.abc import Iterator
from typing import BinaryIO

from .common import STDIN, UsageError

__all__ = ["open_atomic", "read_bytes", "write_atomic", "write_output"]


def read_bytes(path: str, problems: list[tuple[str, str]]) -> bytes | None:
    """The bytes of the file at `path`; None if it cannot be read, with `(path, reason)` added to `problems`.

    For the commands that edit files one by one (`format`, `check --add-suppressions`),
    which report the unreadable ones together at the end.
    """
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError as exc:
        problems.append((path, exc.strerror or str(exc)))
        return None


def write_atomic(path: str, data: bytes) -> None:
    """Replace the file at `path` with `data` atomically, keeping its permissions.

    The data goes to a temporary file in the same folder, which then replaces
    the target with `os.replace`; a symbolic link is followed, so the file it
    points to is replaced and the link kept.  A new file gets the default
    permissions (`0o666` less the umask).
    """
    with open_atomic(path) as handle:
        handle.write(data)


@contextlib.contextmanager
def open_atomic(path: str) -> Iterator[BinaryIO]:
    """A binary file to write that replaces the file at `path` when the block ends without error.

    Like `write_atomic`, for output written piece by piece: until the block
    ends, the data is in a temporary file in the same folder (removed if the
    block raises), and the file at `path` is untouched.
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
            yield handle
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


def write_output(target: str | None, text: str) -> None:
    """Write `text` to standard output (`target` None or `-`) or atomically to the file `target`.

    Raises:
        UsageError: the file cannot be written.
    """
    if target is None or target == STDIN:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    try:
        write_atomic(target, text.encode("utf-8"))
    except OSError as exc:
        raise UsageError(f"cannot write {target}: {exc.strerror or exc}") from None
