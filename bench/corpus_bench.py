"""Corpus-mode benchmark: throughput, --jobs scaling, peak memory, start-up.

    python bench/corpus_bench.py                 # everything, synthetic corpus up to 100x
    python bench/corpus_bench.py --scales 1,10,300   # memory series at these sizes (300x = 1 GB)
    python bench/corpus_bench.py --quick         # real corpus and start-up only

Not part of the test run.  It uses ``../shared/corpus/*.jsonl`` (or the
sample in ``tests/data`` when that is absent) and prints:

* engine only (in-process, no I/O): articles/s and MB/s for lint and fix;
* ``newslint check corpus.jsonl`` through the CLI, ``--jobs 1`` and
  ``--jobs 2``, on the real corpus and on a synthetic corpus 10x larger
  (the real one is too small for pool start-up not to dominate);
* peak memory (RSS of the whole process tree, sampled every 20 ms) as the
  synthetic corpus grows: 1x, 3x, 10x, 30x, 100x the real corpus by default
  (``--scales``), lint and ``--fix -o``;
* start-up: ``newslint check one.txt`` (two lines) and ``newslint check
  article.txt`` (a real article) against ``python -c "import click, regex"``
  (best of 20, interleaved).

The synthetic corpus repeats the real records with new ids
(``<id>-<copy>``); it is written to a temporary folder and deleted after.
Make sure bytecode can be cached (``PYTHONDONTWRITEBYTECODE`` unset, or run
``python -m compileall newslint`` first), as it is in an installed package.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench import bench as engine_bench  # noqa: E402
from bench import load  # noqa: E402

NEWSLINT = [sys.executable, "-m", "newslint"]


def corpus_files() -> list[Path]:
    shared = ROOT.parent / "shared" / "corpus"
    return sorted(shared.glob("*.jsonl")) or [ROOT / "tests" / "data" / "corpus-sample.jsonl"]


def real_records(files: list[Path]) -> list[bytes]:
    out = []
    for f in files:
        with f.open("rb") as fh:
            out.extend(line.rstrip(b"\n") for line in fh if line.strip())
    return out


def build(path: Path, records: list[bytes], copies: int) -> int:
    """Write ``copies`` copies of the records (new ids) to ``path``; its size."""
    with path.open("wb") as fh:
        for k in range(copies):
            for raw in records:
                if k:
                    obj = json.loads(raw)
                    if "id" in obj:
                        obj["id"] = f"{obj['id']}-{k}"
                    raw = json.dumps(obj, ensure_ascii=False).encode("utf-8")
                fh.write(raw + b"\n")
    return path.stat().st_size


def run_measured(cmd: list[str]) -> tuple[float, float, float, int, float]:
    """(seconds, peak RSS MB of the process tree, peak RSS MB of one process,
    exit code, CPU seconds of the whole tree)."""
    import psutil

    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak_tree = peak_one = 0
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak_tree, peak_one
        try:
            p = psutil.Process(proc.pid)
        except psutil.NoSuchProcess:
            return
        while not stop.is_set():
            try:
                procs = [p, *p.children(recursive=True)]
                rss = []
                for q in procs:
                    try:
                        rss.append(q.memory_info().rss)
                    except psutil.NoSuchProcess:
                        pass
                peak_tree = max(peak_tree, sum(rss))
                peak_one = max([peak_one, *rss])
            except psutil.NoSuchProcess:
                return
            time.sleep(0.02)

    th = threading.Thread(target=sample, daemon=True)
    th.start()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = code = os.waitstatus_to_exitcode(status)
    elapsed = time.perf_counter() - t0
    stop.set()
    th.join()
    return elapsed, peak_tree / 1e6, peak_one / 1e6, code, usage.ru_utime + usage.ru_stime


def cli_line(label: str, path: Path, n: int, size: int, extra: list[str]) -> float:
    cmd = [*NEWSLINT, "check", "--isolated", "-q", str(path), *extra]
    secs, tree, one, code, cpu = run_measured(cmd)
    if code not in (0, 1):
        raise SystemExit(f"newslint failed ({code}): {' '.join(cmd)}")
    print(
        f"{label:<28} {n:>9,} articles {size / 1e6:8.1f} MB {secs:7.2f} s "
        f"{n / secs:8,.0f} art/s {size / 1e6 / secs:6.2f} MB/s  CPU {cpu:6.2f} s "
        f"({size / 1e6 / cpu:5.2f} MB/s per CPU-s)  peak {tree:5.0f} MB (largest process {one:4.0f} MB)",
        flush=True,
    )
    return secs


SPLIT = """
import io, json, resource, sys, time
from newslint.runner import CheckOptions, run_check
t = time.perf_counter()
run_check(CheckOptions(paths=[sys.argv[1]], isolated=True, quiet=True, jobs=int(sys.argv[2])),
          io.StringIO(), io.StringIO())
me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps([time.perf_counter() - t, me.ru_utime + me.ru_stime, kids.ru_utime + kids.ru_stime]))
"""


def cpu_split(path: Path, jobs: int) -> tuple[float, float, float]:
    """(wall, parent CPU, workers CPU) of one in-process run."""
    out = subprocess.run(
        [sys.executable, "-c", SPLIT, str(path), str(jobs)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return tuple(json.loads(out))  # type: ignore[return-value]


def startup(tmp: Path, article: str) -> None:
    """``newslint check one.txt`` (a two-line file) and ``newslint check
    article.txt`` (a real article of median length, which pays the first
    use of ftfy, rapidfuzz and the patterns it needs) against ``python -c
    "import click, regex"``, run from a folder that is not a checkout: wall clock and CPU time (the
    figure that holds on a loaded machine), best of 20, interleaved; with
    bytecode caching on (after a warm-up run) and with no bytecode at all
    (an empty ``PYTHONPYCACHEPREFIX``: everything, click and regex included,
    compiled from source, as an editable install under
    ``PYTHONDONTWRITEBYTECODE`` does for newslint's own modules)."""
    import resource

    one = tmp / "one.txt"
    one.write_text("Isi berita pendek.\nBaca juga: Judul lain\n", encoding="utf-8")
    real = tmp / "article.txt"
    real.write_text(article, encoding="utf-8")
    exe = Path(sys.executable).with_name("newslint")
    cmds = {
        'python -c "import click, regex"': [sys.executable, "-c", "import click, regex"],
        "newslint check one.txt": [
            str(exe) if exe.exists() else NEWSLINT[0],
            *([] if exe.exists() else NEWSLINT[1:]),
            "check",
            str(one),
        ],
        "newslint check article.txt": [
            str(exe) if exe.exists() else NEWSLINT[0],
            *([] if exe.exists() else NEWSLINT[1:]),
            "check",
            str(real),
        ],
        "newslint --version": [
            str(exe) if exe.exists() else NEWSLINT[0],
            *([] if exe.exists() else NEWSLINT[1:]),
            "--version",
        ],
    }
    empty = tmp / "no-pycache"
    empty.mkdir(exist_ok=True)
    on = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    off = {**on, "PYTHONDONTWRITEBYTECODE": "1", "PYTHONPYCACHEPREFIX": str(empty)}
    for label, env in (("bytecode on", on), ("no bytecode", off)):
        for c in cmds.values():  # warm-up: write the bytecode (when on)
            subprocess.run(
                c, env=env, cwd=tmp, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
            )
        wall = dict.fromkeys(cmds, float("inf"))
        cpu = dict.fromkeys(cmds, float("inf"))
        for _ in range(20):
            for k, c in cmds.items():
                r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
                t0 = time.perf_counter()
                subprocess.run(
                    c, env=env, cwd=tmp, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
                )
                wall[k] = min(wall[k], time.perf_counter() - t0)
                r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
                used = r1.ru_utime - r0.ru_utime + r1.ru_stime - r0.ru_stime
                cpu[k] = min(cpu[k], used)
        base_w, base_c = next(iter(wall.values())), next(iter(cpu.values()))
        for k in cmds:
            print(
                f"start-up ({label:<11}) {k:<34} {wall[k] * 1000:6.1f} ms wall "
                f"({wall[k] / base_w:4.2f}x)  {cpu[k] * 1000:6.1f} ms CPU ({cpu[k] / base_c:4.2f}x)"
                "  best of 20"
            )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument(
        "--scales", default="1,3,10,30,100", help="synthetic corpus sizes, x the real corpus"
    )
    ap.add_argument("--quick", action="store_true", help="real corpus and start-up only")
    args = ap.parse_args()

    files = corpus_files()
    records = real_records(files)
    texts = load(files)
    print(
        f"corpus: {', '.join(f.name for f in files)}; {len(records):,} articles; CPUs: {os.cpu_count()}"
    )
    from newslint.api import get_linter
    from newslint.document import Document

    linter = get_linter()
    print(f"engine only, {len(linter.rules)} default rules, one process:")
    engine_bench("lint", texts, lambda t: linter.lint(Document(t, is_record=True)))
    engine_bench("fix", texts, lambda t: linter.fix(Document(t, is_record=True)))

    tmp = Path(tempfile.mkdtemp(prefix="newslint-bench-"))
    try:
        real = tmp / "real.jsonl"
        size = build(real, records, 1)
        print("\nCLI, real corpus:")
        cli_line("check --jobs 1", real, len(records), size, ["--jobs", "1"])
        cli_line("check --jobs 2", real, len(records), size, ["--jobs", "2"])
        cli_line(
            "check --fix -o --jobs 2",
            real,
            len(records),
            size,
            ["--jobs", "2", "--fix", "-o", str(tmp / "o.jsonl")],
        )
        w1, p1, _ = cpu_split(real, 1)
        w2, p2, k2 = cpu_split(real, 2)
        print(
            f"CPU: --jobs 1 {p1:.2f} s; --jobs 2 parent {p2:.2f} s + workers {k2:.2f} s "
            f"(parent's serial share {p2 / (p2 + k2):.1%})"
        )
        print()
        startup(tmp, sorted(texts, key=len)[len(texts) // 2])
        if args.quick:
            return
        print("\nCLI, synthetic corpus 10x (pool start-up amortised):")
        s10 = tmp / "x10.jsonl"
        size10 = build(s10, records, 10)
        a = cli_line("check --jobs 1", s10, 10 * len(records), size10, ["--jobs", "1"])
        b = cli_line("check --jobs 2", s10, 10 * len(records), size10, ["--jobs", "2"])
        print(f"speed-up --jobs 2 / --jobs 1 (wall clock): {a / b:.2f}x")
        w1, p1, _ = cpu_split(s10, 1)
        w2, p2, k2 = cpu_split(s10, 2)
        est = p1 / max(p2, k2 / 2)
        print(
            f"CPU: --jobs 1 {p1:.2f} s; --jobs 2 parent {p2:.2f} s + workers {k2:.2f} s; "
            f"on two idle cores --jobs 2 would be {est:.2f}x faster (1 / max(parent, workers / 2))"
        )
        print(f"load average while measuring: {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")
        s10.unlink()
        print("\nPeak memory as the corpus grows (--jobs 2):")
        for scale in (int(x) for x in args.scales.split(",") if x.strip()):
            path = tmp / f"x{scale}.jsonl"
            sz = build(path, records, scale)
            n = scale * len(records)
            cli_line(f"{scale:>3}x check", path, n, sz, ["--jobs", "2"])
            out = tmp / "clean.jsonl"
            cli_line(
                f"{scale:>3}x check --fix -o", path, n, sz, ["--jobs", "2", "--fix", "-o", str(out)]
            )
            out.unlink(missing_ok=True)
            path.unlink()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
