"""Check many front-matter files in parallel: processes, Dask bag, Spark mapPartitions.

``articlekit.check`` is a pure function of the file's bytes: no global state,
no I/O, and its result (a list of ``Issue``) pickles.  So the work spreads over
processes or a cluster by file, and the results are the same whatever the split.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any

import articlekit

__all__ = ["check_bytes", "check_partition", "check_path", "with_dask", "with_processes", "with_spark"]

Row = dict[str, Any]


# --8<-- [start:worker]
def check_bytes(path: str, data: bytes) -> list[Row]:
    """Every issue of one file, as JSON-ready rows that name the file."""
    return [{"path": path, **issue.to_dict()} for issue in articlekit.check(data)]


def check_path(path: str) -> list[Row]:
    """Read one file and check it (the function a worker runs)."""
    with open(path, "rb") as handle:
        return check_bytes(path, handle.read())


# --8<-- [end:worker]


# --8<-- [start:partition]
def check_partition(pairs: Iterable[tuple[str, bytes]]) -> Iterator[Row]:
    """Check a partition of ``(path, content)`` pairs: the function for Spark's ``mapPartitions``."""
    for path, data in pairs:
        yield from check_bytes(path, data)


# --8<-- [end:partition]


# --8<-- [start:processes]
def with_processes(paths: Sequence[str], jobs: int = 4) -> list[Row]:
    """The standard library's process pool; large chunks keep the overhead low."""
    chunksize = max(1, len(paths) // (jobs * 4))
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        return [row for rows in pool.map(check_path, paths, chunksize=chunksize) for row in rows]


# --8<-- [end:processes]


# --8<-- [start:dask]
def with_dask(paths: Sequence[str], partitions: int = 64, scheduler: str | None = "processes") -> list[Row]:
    """A Dask bag of paths, mapped over by ``check_path`` and flattened into issue rows.

    ``scheduler=None`` uses the active ``dask.distributed`` client, if any.
    """
    import dask.bag as db

    bag = db.from_sequence(paths, npartitions=max(1, min(partitions, len(paths))))
    rows: list[Row] = bag.map(check_path).flatten().compute(scheduler=scheduler)
    return rows


# --8<-- [end:dask]


# --8<-- [start:spark]
def with_spark(pattern: str) -> list[Row]:  # pragma: no cover - needs a Spark installation
    """Spark reads the files as ``(path, bytes)`` pairs; each partition is checked in one call."""
    from pyspark.sql import SparkSession

    spark = SparkSession.builder.appName("articlekit-check").getOrCreate()
    pairs = spark.sparkContext.binaryFiles(pattern)  # RDD of (path, bytes)
    return pairs.mapPartitions(check_partition).collect()


# --8<-- [end:spark]


if __name__ == "__main__":
    import sys

    found = with_processes(sys.argv[1:])
    for row in found:
        where = f"{row['path']}:{row['line']}:{row['column']}"
        print(f"{where}: {row['severity']} {row['code']} {row['message']}")
    sys.exit(1 if any(row["severity"] == "error" for row in found) else 0)
