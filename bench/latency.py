"""One case's latency: ``perfscore evaluate CASE`` as a user runs it, against the bare import of
the libraries it cannot do without (click, tabulate, pydantic), in the same run.

    python bench/latency.py                       # the shipped seed case, 20 runs each
    python bench/latency.py --runs 50 --case cases/hand-07-dazhou-department.json

Each command runs in a fresh interpreter (a subprocess, as from a shell); the best and the median
of ``--runs`` are kept. Prints a Markdown table and the ratio of each command to the bare import
(the target is 1.5x or less).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "cases" / "miyi-2022-5-government-work.json"
TARGET = 1.5


def _seconds(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def _times(command: list[str], runs: int) -> list[float]:
    _seconds(command)  # warm the file cache and the .pyc files
    return [_seconds(command) for _ in range(runs)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--case", type=Path, default=SEED)
    args = parser.parse_args()
    executable = shutil.which("perfscore") or sys.exit("perfscore is not installed")
    commands = {
        "bare `import click, tabulate, pydantic`": [
            sys.executable, "-c", "import click, tabulate, pydantic"
        ],
        "`perfscore evaluate CASE`": [executable, "evaluate", str(args.case)],
        "`perfscore evaluate CASE --format json`": [
            executable, "evaluate", str(args.case), "--format", "json"
        ],
    }  # fmt: skip
    results = {name: _times(command, args.runs) for name, command in commands.items()}
    bare = min(next(iter(results.values())))
    print(f"{args.case.name}, {args.runs} runs each, Python {sys.version.split()[0]}\n")
    print("| command | best ms | median ms | best / bare |")
    print("|---|---|---|---|")
    for name, times in results.items():
        best, median = min(times), statistics.median(times)
        print(f"| {name} | {best * 1000:.0f} | {median * 1000:.0f} | {best / bare:.2f}× |")
    worst = max(min(times) / bare for times in list(results.values())[1:])
    verdict = "met" if worst <= TARGET else "NOT met"
    print(f"\nTarget ≤ {TARGET}× the bare import: {verdict} (worst {worst:.2f}×).")


if __name__ == "__main__":
    main()
