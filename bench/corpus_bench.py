"""Corpus-mode benchmark: throughput, --jobs scaling, peak memory, start-up.

    python bench/corpus_bench.py                 # everything, synthetic corpus up to 100x
    python bench/corpus_bench.py --max-scale 30  # stop the memory series at 30x
    python bench/corpus_bench.py --quick         # real corpus and start-up only

Not part of the test run.  It uses ``../shared/corpus/*.jsonl`` (or the
sample in ``tests/data`` when that is absent) and prints:

* engine only (in-process, no I/O): articles/s and MB/s for lint and fix;
* ``newslint check corpus.jsonl`` through the CLI, ``--jobs 1`` and
  ``--jobs 2``, on the real corpus and on a synthetic corpus 10x larger
  (the real one is too small for pool start-up not to dominate);
* peak memory (RSS of the whole process tree, sampled every 20 ms) as the
  synthetic corpus grows: 1x, 3x, 10x, 30x, 100x the real corpus, lint and
  ``--fix -o``;
* start-up: ``newslint check one.txt`` against ``python -c "import click, regex"``
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


def run_measured(cmd: list[str]) -> tuple[float, float, float, int]:
    """(seconds, peak RSS MB of the process tree, peak RSS MB of one process, exit code)."""
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
    code = proc.wait()
    elapsed = time.perf_counter() - t0
    stop.set()
    th.join()
    return elapsed, peak_tree / 1e6, peak_one / 1e6, code


def cli_line(label: str, path: Path, n: int, size: int, extra: list[str]) -> float:
    cmd = [*NEWSLINT, "check", "--isolated", "-q", str(path), *extra]
    secs, tree, one, code = run_measured(cmd)
    if code not in (0, 1):
        raise SystemExit(f"newslint failed ({code}): {' '.join(cmd)}")
    print(
        f"{label:<28} {n:>9,} articles {size / 1e6:8.1f} MB {secs:7.2f} s "
        f"{n / secs:8,.0f} art/s {size / 1e6 / secs:6.2f} MB/s  peak {tree:6.0f} MB "
        f"(largest process {one:5.0f} MB)",
        flush=True,
    )
    return secs


def startup(tmp: Path) -> None:
    one = tmp / "one.txt"
    one.write_text("Isi berita pendek.\nBaca juga: Judul lain\n", encoding="utf-8")
    exe = Path(sys.executable).with_name("newslint")
    cmds = {
        'python -c "import click, regex"': [sys.executable, "-c", "import click, regex"],
        "newslint check one.txt": [str(exe) if exe.exists() else NEWSLINT[0], *([] if exe.exists() else NEWSLINT[1:]), "check", "--isolated", str(one)],
    }
    best = dict.fromkeys(cmds, float("inf"))
    for _ in range(20):
        for k, c in cmds.items():
            t0 = time.perf_counter()
            subprocess.run(c, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            best[k] = min(best[k], time.perf_counter() - t0)
    base, ours = best.values()
    for k, v in best.items():
        print(f"start-up  {k:<34} {v * 1000:6.1f} ms (best of 20)")
    print(f"start-up  ratio                              {ours / base:6.2f}x")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--max-scale", type=int, default=100, help="largest synthetic corpus (x real)")
    ap.add_argument("--quick", action="store_true", help="real corpus and start-up only")
    args = ap.parse_args()

    files = corpus_files()
    records = real_records(files)
    texts = load(files)
    print(f"corpus: {', '.join(f.name for f in files)}; {len(records):,} articles; CPUs: {os.cpu_count()}")
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
        cli_line("check --fix -o --jobs 2", real, len(records), size, ["--jobs", "2", "--fix", "-o", str(tmp / "o.jsonl")])
        print()
        startup(tmp)
        if args.quick:
            return
        print("\nCLI, synthetic corpus 10x (pool start-up amortised):")
        s10 = tmp / "x10.jsonl"
        size10 = build(s10, records, 10)
        a = cli_line("check --jobs 1", s10, 10 * len(records), size10, ["--jobs", "1"])
        b = cli_line("check --jobs 2", s10, 10 * len(records), size10, ["--jobs", "2"])
        print(f"speed-up --jobs 2 / --jobs 1: {a / b:.2f}x")
        s10.unlink()
        print("\nPeak memory as the corpus grows (--jobs 2):")
        for scale in (1, 3, 10, 30, 100):
            if scale > args.max_scale:
                break
            path = tmp / f"x{scale}.jsonl"
            sz = build(path, records, scale)
            n = scale * len(records)
            cli_line(f"{scale:>3}x check", path, n, sz, ["--jobs", "2"])
            out = tmp / "clean.jsonl"
            cli_line(f"{scale:>3}x check --fix -o", path, n, sz, ["--jobs", "2", "--fix", "-o", str(out)])
            out.unlink(missing_ok=True)
            path.unlink()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
