"""``--jobs``: an ordered, bounded process pool, and ``check`` over plain files with it.

Kept apart from :mod:`newslint.corpus` and light to import, because every
``check`` run passes through :class:`FilePool` to decide whether a pool is
worth starting (it is not for a handful of small files).
"""

from __future__ import annotations

import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import IO, Any

from newslint.errors import NewslintError

#: Below this much input, the default --jobs runs in-process (a pool costs more).
SMALL_INPUT = 2 * 1024 * 1024


def default_jobs(paths: list[str]) -> int:
    total = 0
    for p in paths:
        try:
            total += os.path.getsize(p)
        except OSError:
            return os.cpu_count() or 1
    return 1 if total < SMALL_INPUT else (os.cpu_count() or 1)


def _pool_context() -> Any:
    import multiprocessing
    import threading

    methods = multiprocessing.get_all_start_methods()
    if sys.platform.startswith("linux") and "fork" in methods and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def ordered_map(
    fn: Callable[[Any], Any],
    tasks: Iterable[Any],
    jobs: int,
    initializer: Callable[..., None],
    initargs: tuple[Any, ...],
) -> Iterator[Any]:
    """``map(fn, tasks)`` over ``jobs`` processes, results in task order,
    with at most ``4 × jobs`` tasks in flight (bounded memory; deep enough
    that a worker a few small tasks ahead of a slow one is not left idle)."""
    if jobs <= 1:
        initializer(*initargs)
        for t in tasks:
            yield fn(t)
        return
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(
        max_workers=jobs, mp_context=_pool_context(), initializer=initializer, initargs=initargs
    ) as pool:
        window: deque[Any] = deque()
        try:
            for t in tasks:
                window.append(pool.submit(fn, t))
                if len(window) >= 4 * jobs:
                    yield window.popleft().result()
            while window:
                yield window.popleft().result()
        finally:
            for f in window:
                f.cancel()


# -- --jobs over plain files ----------------------------------------------------------------

#: Files per task sent to a worker.
FILES_PER_TASK = 16
_FILE_SESSION: Any = None


def _init_file_worker(session: Any) -> None:
    global _FILE_SESSION
    _FILE_SESSION = session


def _check_files(paths: list[Any]) -> list[tuple[Any, str, int]]:
    """Worker: ``runner._check_one`` on each file; (result or error, what it
    printed, 1 if changed)."""
    import io

    from newslint.document import Document
    from newslint.runner import Summary, _check_one
    from newslint.sources import read_file

    session = _FILE_SESSION
    done = []
    for path in paths:
        buf, summary = io.StringIO(), Summary()
        try:
            res: Any = _check_one(session, read_file(path), session.opts, buf, summary)
            d = res.document
            res.document = Document(d.text, d.path, d.language, is_record=d.is_record)
        except NewslintError as exc:
            res = exc
        done.append((res, buf.getvalue(), summary.changed))
    return done


class FilePool:
    """``check`` over plain files with ``--jobs``: files are checked (and
    fixed) in worker processes and handed back in the order given.

    Iterate it for the items; after each, :meth:`take` returns that file's
    result (or raises its error) and replays what it printed (``--diff``).
    A small run (< 2 MB, or ``--jobs 1``) is checked in-process.
    """

    def __init__(self, session: Any, opts: Any, items: Iterable[Any]) -> None:
        self.session = session
        self.opts = opts
        self.items = list(items)
        jobs = opts.jobs
        if jobs is None:
            jobs = default_jobs([str(i) for i in self.items])
        self.jobs = max(1, min(jobs, len(self.items) // 2 or 1))
        self._current: tuple[Any, str, int] | None = None

    def __iter__(self) -> Iterator[Any]:
        tasks = [
            self.items[i : i + FILES_PER_TASK] for i in range(0, len(self.items), FILES_PER_TASK)
        ]
        results = ordered_map(_check_files, tasks, self.jobs, _init_file_worker, (self.session,))
        for batch, done in zip(tasks, results, strict=True):
            for item, payload in zip(batch, done, strict=True):
                self._current = payload
                yield item

    def take(self, out: IO[str], summary: Any) -> Any:
        assert self._current is not None
        res, printed, changed = self._current
        self._current = None
        if printed:
            out.write(printed)
        summary.changed += changed
        if isinstance(res, NewslintError):
            raise res
        return res
