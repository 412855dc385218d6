"""Load on one real ``perfscore serve``: throughput and latency of uploads, memory, stalls.

    python bench/serve.py [--requests 500] [--concurrency 50] [--port 0]

Starts ``perfscore serve --port PORT`` as a subprocess (a free port unless ``--port`` is given),
waits until it answers, then, with ``--concurrency`` client threads (one ``httpx.Client`` each):

1. **uploads**: a filled form (``perfscore evaluate cases/miyi-2022-5-government-work.json
   --format xlsx``, made once in bench/data/) posted ``--requests`` times to ``POST
   /api/evaluate``, then as many times to the page ``POST /evaluate``: requests/s, p50 and p95
   latency, and the answers that were not 200 (there must be none);
2. **memory**: the server's RSS (VmRSS of /proc/PID/status) after a warm-up of ``--warmup``
   uploads (1,000: the caches and thread arenas fill, about 10 MB) and after
   ``--memory-requests`` more (half to each route); more than ``--max-growth`` percent of growth
   counts as a leak;
3. **not stalled**: while one large upload is scored (``--big-cases`` generated cases as JSON
   Lines, posted to ``POST /api/review``), one client keeps asking ``GET /api/rubrics``: its
   p95 then, against the same request on the idle server.

Prints a Markdown table. Exits 1 if an answer was not 200 or RSS grew beyond the threshold.
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Final

import httpx

# run.py and generate.py are the sibling scripts, not package modules.
sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import write_cases
from run import perfscore_command

BENCH: Final = Path(__file__).resolve().parent
DATA: Final = BENCH / "data"
SEED: Final = BENCH.parent / "cases" / "miyi-2022-5-government-work.json"
XLSX: Final = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
STARTUP: Final = 30.0  # seconds the server has to answer
TIMEOUT: Final = 300.0  # seconds one request may take
PROBE_GAP: Final = 0.02  # seconds between the small requests during the big upload
IDLE_PROBES: Final = 50
TAIL: Final = 2000  # characters of the server's stderr to show


# --- The server -----------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@dataclass
class Server:
    """The ``perfscore serve`` subprocess and where its stderr goes."""

    process: subprocess.Popen[bytes]
    url: str
    stderr: IO[bytes]

    def rss_mb(self) -> float:
        """The server's resident set size now, in MiB (VmRSS, from /proc)."""
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        raise RuntimeError("no VmRSS in /proc/PID/status")

    def log(self) -> str:
        self.stderr.seek(0)
        return self.stderr.read().decode("utf-8", "replace")[-TAIL:].rstrip()

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)  # uvicorn's Ctrl-C: a clean shutdown
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.stderr.close()


def start(port: int) -> Server:
    """``perfscore serve --port PORT``, once it answers ``GET /api/rubrics``."""
    command = [*perfscore_command(), "serve", "--port", str(port)]
    print(f"$ {' '.join(command)}", file=sys.stderr)
    stderr = tempfile.TemporaryFile()  # noqa: SIM115 - the server keeps it until it stops
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=stderr)
    server = Server(process, f"http://127.0.0.1:{port}", stderr)
    deadline = time.monotonic() + STARTUP
    with httpx.Client(base_url=server.url, timeout=2) as client:
        while time.monotonic() < deadline:
            if process.poll() is not None:
                sys.exit(f"the server exited with {process.returncode}:\n{server.log()}")
            try:
                if client.get("/api/rubrics").status_code == 200:
                    return server
            except httpx.TransportError:
                pass
            time.sleep(0.1)
    server.stop()
    sys.exit(f"the server did not answer within {STARTUP:.0f} s")


# --- Load -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Load:
    """One run of requests: wall time, each request's latency (s), the answers not 200."""

    name: str
    seconds: float
    latencies: list[float]
    failures: list[str]

    @property
    def count(self) -> int:
        return len(self.latencies)


def percentile(values: Sequence[float], share: float) -> float:
    """The nearest-rank percentile (``share`` in 0..1) of ``values``."""
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, round(share * len(ordered) + 0.5) - 1))]


Request = Callable[[httpx.Client, int], httpx.Response]


def load(name: str, url: str, request: Request, count: int, concurrency: int) -> Load:
    """``count`` requests from ``concurrency`` threads, each with its own client."""
    local = threading.local()
    clients: list[httpx.Client] = []
    lock = threading.Lock()

    def client() -> httpx.Client:
        if not hasattr(local, "client"):
            local.client = httpx.Client(base_url=url, timeout=TIMEOUT)
            with lock:
                clients.append(local.client)
        made: httpx.Client = local.client
        return made

    def one(index: int) -> tuple[float, str | None]:
        began = time.perf_counter()
        try:
            response = request(client(), index)
        except httpx.HTTPError as error:
            return time.perf_counter() - began, f"{type(error).__name__}: {error}"
        took = time.perf_counter() - began
        if response.status_code != 200:
            return took, f"{response.status_code}: {response.text[:300]}"
        return took, None

    began = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        answers = list(pool.map(one, range(count)))
    seconds = time.perf_counter() - began
    for made in clients:
        made.close()
    failures = [failure for _, failure in answers if failure is not None]
    return Load(name, seconds, [took for took, _ in answers], failures)


def upload_to(path: str, form: bytes) -> Request:
    def request(client: httpx.Client, index: int) -> httpx.Response:
        return client.post(path, files={"files": ("form.xlsx", form, XLSX)})

    return request


def mixed(form: bytes) -> Request:
    """Even requests to the API, odd ones to the page."""
    api, page = upload_to("/api/evaluate", form), upload_to("/evaluate", form)

    def request(client: httpx.Client, index: int) -> httpx.Response:
        return (page if index % 2 else api)(client, index)

    return request


# --- The big upload -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Stall:
    """The big upload (seconds, answer) and the small requests' latencies meanwhile."""

    upload_seconds: float
    upload_answer: str | None  # None: 200 with every case scored
    idle: list[float]
    during: list[float]


def probe(client: httpx.Client) -> tuple[float, str | None]:
    began = time.perf_counter()
    response = client.get("/api/rubrics")
    took = time.perf_counter() - began
    return took, None if response.status_code == 200 else f"{response.status_code}"


def stalled(url: str, big: Path, cases: int) -> tuple[Stall, list[str]]:
    """Small requests on the idle server, then while ``big`` is posted to ``/api/review``."""
    failures: list[str] = []
    answer: list[str | None] = []
    took: list[float] = []

    def post() -> None:
        began = time.perf_counter()
        try:
            with httpx.Client(base_url=url, timeout=TIMEOUT) as client, big.open("rb") as stream:
                files = {"files": (big.name, stream, "application/jsonl")}
                response = client.post("/api/review", files=files)
        except httpx.HTTPError as error:
            answer.append(f"{type(error).__name__}: {error}")
        else:
            scored = response.json().get("summary", {}).get("scored") if response.is_success else 0
            ok = response.status_code == 200 and scored == cases
            answer.append(None if ok else f"{response.status_code}, {scored} of {cases} scored")
        took.append(time.perf_counter() - began)

    with httpx.Client(base_url=url, timeout=TIMEOUT) as client:
        idle = []
        for _ in range(IDLE_PROBES):
            seconds, failure = probe(client)
            idle.append(seconds)
            failures += [failure] if failure else []
        uploader = threading.Thread(target=post)
        uploader.start()
        during = []
        while uploader.is_alive():
            seconds, failure = probe(client)
            during.append(seconds)
            failures += [failure] if failure else []
            time.sleep(PROBE_GAP)
        uploader.join()
    failures += [f"/api/review: {answer[0]}"] if answer[0] else []
    return Stall(took[0], answer[0], idle, during), failures


# --- Inputs ---------------------------------------------------------------------------------


def filled_form() -> bytes:
    """The seed case as a filled xlsx form, made once with ``perfscore evaluate``."""
    path = DATA / "form.xlsx"
    if not path.exists():
        DATA.mkdir(parents=True, exist_ok=True)
        command = [*perfscore_command(), "evaluate", str(SEED), "--format", "xlsx"]
        subprocess.run([*command, "-o", str(path)], check=True, stdout=subprocess.DEVNULL)
    return path.read_bytes()


def big_batch(cases: int) -> Path:
    path = DATA / f"cases-{cases}.jsonl"
    if not path.exists():
        write_cases(path, cases)
    return path


# --- Report ---------------------------------------------------------------------------------


def ms(seconds: float) -> str:
    return f"{seconds * 1000:,.0f}" if seconds >= 0.01 else f"{seconds * 1000:.1f}"


def load_row(run: Load, concurrency: int) -> str:
    return (
        f"| {run.name} | {run.count:,} | {concurrency} | {run.count / run.seconds:,.1f} "
        f"| {ms(statistics.median(run.latencies))} | {ms(percentile(run.latencies, 0.95))} "
        f"| {len(run.failures)} |"
    )


def report(
    loads: list[Load], concurrency: int, memory: tuple[float, float, int, int], stall: Stall
) -> None:
    before, after, warmup, more = memory
    print(f"\n`perfscore serve`, {os.cpu_count()} CPUs, Python {sys.version.split()[0]}\n")
    print("| uploads | requests | concurrency | requests/s | p50 ms | p95 ms | not 200 |")
    print("|---|---|---|---|---|---|---|")
    for run in loads:
        print(load_row(run, concurrency))
    print("\n| server RSS | MB |")
    print("|---|---|")
    print(f"| after a warm-up of {warmup:,} uploads | {before:.1f} |")
    print(f"| after {more:,} more | {after:.1f} |")
    print(f"| growth | {after - before:+.1f} ({(after - before) / before:+.1%}) |")
    print("\n| `GET /api/rubrics` | requests | p50 ms | p95 ms | max ms |")
    print("|---|---|---|---|---|")
    for name, values in (
        ("idle server", stall.idle),
        (f"during the big upload ({stall.upload_seconds:.1f} s)", stall.during),
    ):
        print(
            f"| {name} | {len(values)} | {ms(statistics.median(values))} "
            f"| {ms(percentile(values, 0.95))} | {ms(max(values))} |"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=500, help="uploads to each route")
    parser.add_argument("--concurrency", type=int, default=50, help="client threads")
    parser.add_argument("--port", type=int, default=0, help="the server's port (0: a free one)")
    parser.add_argument(
        "--warmup", type=int, default=1000, help="uploads before the first RSS (caches fill)"
    )
    parser.add_argument("--memory-requests", type=int, default=1000, help="uploads after it")
    parser.add_argument("--max-growth", type=float, default=10.0, help="RSS growth %% allowed")
    parser.add_argument("--big-cases", type=int, default=2000, help="cases in the big upload")
    args = parser.parse_args()
    form, big = filled_form(), big_batch(args.big_cases)
    server = start(args.port or free_port())
    failures: list[str] = []
    try:
        url, concurrency = server.url, args.concurrency
        print("memory: warm-up …", file=sys.stderr)
        warm = load("warm-up", url, mixed(form), args.warmup, concurrency)
        before = server.rss_mb()
        print(f"memory: {args.memory_requests} uploads …", file=sys.stderr)
        more = load("memory", url, mixed(form), args.memory_requests, concurrency)
        after = server.rss_mb()
        loads = []
        for path in ("/api/evaluate", "/evaluate"):
            print(f"uploads: {args.requests} to {path} …", file=sys.stderr)
            loads.append(
                load(f"`POST {path}`", url, upload_to(path, form), args.requests, concurrency)
            )
        print(f"stall: {big.name} to /api/review …", file=sys.stderr)
        stall, stall_failures = stalled(url, big, args.big_cases)
        for run in (warm, more, *loads):
            failures += [f"{run.name}: {failure}" for failure in run.failures]
        failures += stall_failures
        if server.process.poll() is not None:
            failures.append(f"the server exited with {server.process.returncode}")
    finally:
        log = server.log()
        server.stop()
    report(loads, concurrency, (before, after, args.warmup, args.memory_requests), stall)
    growth = (after - before) / before * 100
    leak = growth > args.max_growth
    print(
        f"\nRSS growth {growth:+.1f}% over {args.memory_requests:,} uploads: "
        f"{'more than' if leak else 'within'} the {args.max_growth:g}% threshold."
    )
    print(f"Answers not 200: {len(failures)}.")
    for failure in failures[:10]:
        print(f"  {failure}")
    if failures and log:
        print(f"\nThe server's stderr:\n{log}")
    return 1 if failures or leak else 0


if __name__ == "__main__":
    sys.exit(main())
