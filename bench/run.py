"""Benchmark ``perfscore review`` on a large JSONL batch against a bare ``orjson`` parse.

    python bench/run.py [--cases 100000] [--jobs 2] [--file bench/data/cases-100000.jsonl]
    python bench/run.py --profile [--profile-cases 5000]

Generates the batch with bench/generate.py when the file is missing, then times, best of
``--repeat``:

- bare parse: read the file and ``orjson.loads`` every line, the floor any reader pays;
- end to end: ``perfscore review FILE --format jsonl --jobs J -o OUT`` as a subprocess, with
  ``--jobs 1`` for reference, checking that OUT has one line per input plus the summary line.

Peak RSS is the child's ``ru_maxrss`` from ``os.wait4``: the largest of the process and the
workers it reaped (the largest one process, not their sum), per run rather than cumulative as
``getrusage(RUSAGE_CHILDREN)`` is. Prints a Markdown table.

``--profile`` instead runs one in-process, single-worker pass over the first
``--profile-cases`` lines: timed once plain and once under cProfile, then the top 30 functions
by cumulative and by own time. It profiles what ``perfscore review --format jsonl`` calls
(``perfscore.review.review``); without that module it falls back to ``perfscore.input.jsonfile``
parsing plus ``perfscore.evaluate`` under mof-2020 and mof-2020-review for each line.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import io
import os
import pstats
import resource
import shlex
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

import orjson

# generate.py is the sibling script, not a package module.
sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import write_cases

BENCH: Final = Path(__file__).resolve().parent
DATA: Final = BENCH / "data"
DEFAULT_COMMAND: Final = "{perfscore} review {input} --format jsonl --jobs {jobs} -o {output}"
PROFILE_TOP: Final = 30
BLOCK: Final = 1 << 22  # bytes read at a time
TAIL: Final = 2000  # characters of a failed command's stderr to show


def perfscore_command() -> list[str]:
    """The ``perfscore`` console script beside this Python, else the CLI through ``-c``."""
    script = Path(sys.executable).with_name("perfscore")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "from perfscore.cli import main; main()"]


def command_for(template: str, source: Path, output: Path, jobs: int) -> list[str]:
    """The ``--command`` template with {perfscore} {python} {input} {output} {jobs} filled in."""
    fields = {
        "perfscore": shlex.join(perfscore_command()),
        "python": shlex.quote(sys.executable),
        "input": shlex.quote(str(source)),
        "output": shlex.quote(str(output)),
        "jobs": str(jobs),
    }
    return shlex.split(template.format(**fields))


def count_lines(path: Path) -> int:
    count = 0
    with path.open("rb") as stream:
        while block := stream.read(BLOCK):
            count += block.count(b"\n")
    return count


# --- Timings --------------------------------------------------------------------------------


def bare_parse(path: Path) -> tuple[float, int]:
    """Seconds to read ``path`` and ``orjson.loads`` each line; lines that parsed.

    Read in blocks, not whole: this process's peak RSS is inherited by every child it starts
    (Linux carries the old memory's high-water mark across exec), so it must stay small for
    the children's peak RSS to be their own.
    """
    start = time.perf_counter()
    parsed = 0
    loads = orjson.loads
    carry = b""
    with path.open("rb") as stream:
        while block := stream.read(BLOCK):
            lines = (carry + block).split(b"\n")
            carry = lines.pop()
            for line in lines:
                try:
                    loads(line)
                except orjson.JSONDecodeError:
                    continue
                parsed += 1
    if carry.strip():
        with contextlib.suppress(orjson.JSONDecodeError):
            loads(carry)
            parsed += 1
    return time.perf_counter() - start, parsed


@dataclass(frozen=True, slots=True)
class Run:
    """One subprocess run: wall time, exit status, peak RSS (MiB), lines written."""

    seconds: float
    status: int
    rss_mb: float
    lines: int
    stderr: str


def run_once(command: list[str], output: Path) -> Run:
    output.unlink(missing_ok=True)
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors)
        _, wait_status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(wait_status)
        errors.seek(0)
        stderr = errors.read().decode("utf-8", "replace")
    lines = count_lines(output) if output.exists() else -1
    return Run(seconds, child.returncode, usage.ru_maxrss / 1024, lines, stderr)


@dataclass(frozen=True, slots=True)
class Timing:
    """Best of several runs of one command."""

    jobs: int
    best: Run | None  # None: the command failed
    rss_mb: float  # the largest over the runs
    problem: str | None


def time_review(template: str, source: Path, cases: int, jobs: int, repeat: int) -> Timing:
    output = DATA / f"review-jobs{jobs}.jsonl"
    command = command_for(template, source, output, jobs)
    floor = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"$ {shlex.join(command)}  (peak RSS floor: this script's {floor:.0f} MB)", file=sys.stderr
    )
    runs: list[Run] = []
    for _ in range(repeat):
        run = run_once(command, output)
        print(
            f"  {run.seconds:.2f} s, exit {run.status}, {run.lines} lines, "
            f"peak RSS {run.rss_mb:.0f} MB",
            file=sys.stderr,
        )
        if run.lines < 0:  # no output at all: do not repeat a command that does not work
            tail = run.stderr[-TAIL:].rstrip()
            return Timing(jobs, None, run.rss_mb, f"exit {run.status}, no output\n{tail}")
        runs.append(run)
    best = min(runs, key=lambda r: r.seconds)
    problem = None
    if best.lines not in (cases, cases + 1):
        problem = f"{best.lines} output lines for {cases} inputs (expected {cases} or {cases + 1})"
    return Timing(jobs, best, max(r.rss_mb for r in runs), problem)


# --- Report ---------------------------------------------------------------------------------


def _seconds(run: Run | None, cases: int) -> tuple[str, str]:
    if run is None:
        return "n/a", "n/a"
    return f"{run.seconds:.2f}", f"{cases / run.seconds:,.0f}"


def table(cases: int, bare: float, single: Timing, parallel: Timing) -> str:
    """The Markdown table of the results."""
    one, many = single.best, parallel.best
    ratio = f"{many.seconds / bare:.1f}×" if many is not None else "n/a"
    rss = " / ".join(f"{t.rss_mb:.0f}" if t.best else "n/a" for t in (single, parallel))
    jobs = parallel.jobs
    head = (
        "| cases | bare orjson s | bare cases/s | review --jobs 1 s | cases/s "
        f"| review --jobs {jobs} s | cases/s | ratio jobs-{jobs} / bare "
        f"| peak RSS MB (jobs 1 / {jobs}) |"
    )
    row = (
        f"| {cases:,} | {bare:.2f} | {cases / bare:,.0f} | {' | '.join(_seconds(one, cases))} "
        f"| {' | '.join(_seconds(many, cases))} | {ratio} | {rss} |"
    )
    return "\n".join((head, "|" + "---|" * 9, row))


# --- Profile --------------------------------------------------------------------------------

Pass = Callable[[], None]


def review_pass(source: Path, output: Path) -> Pass:
    """What ``perfscore review SOURCE --format jsonl --jobs 1 -o OUTPUT`` runs, in-process."""
    from perfscore.review.job import Job, review  # noqa: PLC0415
    from perfscore.rubrics.loading import DEFAULT_RUBRIC, load_rubric  # noqa: PLC0415

    plan = Job(
        [source], load_rubric(DEFAULT_RUBRIC), load_rubric("mof-2020-review"), "jsonl", output, 1
    )

    def run_review() -> None:
        review(plan)

    return run_review


def evaluate_pass(source: Path) -> Pass:
    """The fallback: each line parsed by ``perfscore.input.jsonfile``, scored under both rubrics."""
    from perfscore import PerfscoreError, evaluate, load_rubric  # noqa: PLC0415
    from perfscore.input.jsonfile import case_from_data, parse_json  # noqa: PLC0415

    rubrics = (load_rubric("mof-2020"), load_rubric("mof-2020-review"))
    texts = source.read_text(encoding="utf-8").splitlines()

    def score_all() -> None:
        for number, text in enumerate(texts, 1):
            where = f"{source}:{number}"
            try:
                case = case_from_data(parse_json(text, where), where)
                for rubric in rubrics:
                    evaluate(case, rubric, where)
            except PerfscoreError:
                continue

    return score_all


def choose_pass(mode: str, source: Path, output: Path) -> tuple[str, Pass]:
    if mode in ("auto", "review"):
        try:
            return "perfscore.review.review (jsonl, jobs 1)", review_pass(source, output)
        except (ImportError, AttributeError, TypeError) as error:
            if mode == "review":
                raise
            print(f"no usable perfscore.review ({error!r}): profiling evaluate", file=sys.stderr)
    return "perfscore.input.jsonfile + evaluate × (mof-2020, mof-2020-review)", evaluate_pass(
        source
    )


def profile(path: Path, cases: int, mode: str) -> None:
    """Time and profile one in-process pass over the first ``cases`` lines of ``path``."""
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / f"first-{cases}.jsonl"
        with path.open("rb") as stream, source.open("wb") as out:
            taken = 0
            for line in stream:
                if taken == cases:
                    break
                out.write(line)
                taken += 1
        name, work = choose_pass(mode, source, Path(folder) / "out.jsonl")
        work()  # warm up: imports, rubric caches
        start = time.perf_counter()
        work()
        plain = time.perf_counter() - start
        profiler = cProfile.Profile()
        start = time.perf_counter()
        profiler.runcall(work)
        profiled = time.perf_counter() - start
    print(f"## Profile: {name}, {taken:,} cases\n")
    print(f"- plain: {plain:.2f} s, {taken / plain:,.0f} cases/s")
    print(f"- under cProfile: {profiled:.2f} s, {taken / profiled:,.0f} cases/s\n")
    for order in ("cumulative", "tottime"):
        text = io.StringIO()
        stats = pstats.Stats(profiler, stream=text)
        stats.strip_dirs().sort_stats(order).print_stats(PROFILE_TOP)
        print(f"### Top {PROFILE_TOP} by {order}\n\n```text\n{text.getvalue().strip()}\n```\n")


# --- Main -----------------------------------------------------------------------------------


def ensure_file(path: Path, cases: int, seed: int, bad_rate: float) -> int:
    """Generate ``path`` if missing; the number of lines it has."""
    if not path.exists():
        start = time.perf_counter()
        size, broken = write_cases(path, cases, seed, bad_rate)
        elapsed = time.perf_counter() - start
        print(
            f"generated {path}: {cases:,} cases ({broken:,} broken), {size / cases:,.0f} bytes "
            f"a line, in {elapsed:.1f} s ({cases / elapsed:,.0f} cases/s)",
            file=sys.stderr,
        )
        return cases
    lines = count_lines(path)
    if lines != cases:
        print(f"{path} has {lines:,} lines (not {cases:,}): using them all", file=sys.stderr)
    return lines


def default_name(cases: int, seed: int, bad_rate: float) -> str:
    """``cases-100000.jsonl``; a seed other than 1 or a bad rate is named too."""
    seed_part = f"-seed{seed}" if seed != 1 else ""
    bad_part = f"-bad{bad_rate:g}" if bad_rate else ""
    return f"cases-{cases}{seed_part}{bad_part}.jsonl"


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--jobs", type=int, default=2, help="workers of the parallel run")
    parser.add_argument("--file", type=Path, help="default: bench/data/cases-CASES.jsonl")
    parser.add_argument("--seed", type=int, default=1, help="when generating")
    parser.add_argument("--bad-rate", type=float, default=0.0, help="when generating")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each timing (best taken)")
    parser.add_argument(
        "--command",
        default=DEFAULT_COMMAND,
        help="end-to-end command; fields {perfscore} {python} {input} {output} {jobs} "
        "(default: %(default)s)",
    )
    parser.add_argument("--profile", action="store_true", help="profile instead of timing")
    parser.add_argument("--profile-cases", type=int, default=5000)
    parser.add_argument(
        "--profile-mode",
        choices=("auto", "review", "evaluate"),
        default="auto",
        help="review: perfscore.review; evaluate: loader + evaluate; auto: review if present",
    )
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    path: Path = args.file or DATA / default_name(args.cases, args.seed, args.bad_rate)
    DATA.mkdir(exist_ok=True)
    cases = ensure_file(path, args.cases, args.seed, args.bad_rate)
    if args.profile:
        profile(path, min(args.profile_cases, cases), args.profile_mode)
        return 0
    jobs = (1,) if args.jobs == 1 else (1, args.jobs)
    timings = [time_review(args.command, path, cases, j, args.repeat) for j in jobs]
    bare = min(bare_parse(path)[0] for _ in range(args.repeat))
    print(f"bare orjson parse: {bare:.2f} s", file=sys.stderr)
    print(table(cases, bare, timings[0], timings[-1]))
    problems = [f"--jobs {t.jobs}: {t.problem}" for t in timings if t.problem]
    for problem in problems:
        print(f"\n**problem** {problem}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
