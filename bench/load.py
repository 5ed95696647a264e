"""HTTP load with wrk: peak throughput at a fixed concurrency, then latency at half of that peak.

wrk (Debian's package) is a small C load generator: on a 2-core machine it leaves the CPU to the
server, where a Python generator would compete with gunicorn for it. Pacing for the latency runs is
done by bench/wrk.lua (a fixed pause per connection), so the offered load is about half the peak.
"""

import json
import os
import subprocess
from dataclasses import asdict, dataclass
from pathlib import Path

LUA = Path(__file__).resolve().parent / "wrk.lua"


@dataclass
class Run:
    rps: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    requests: int
    non2xx: int
    socket_errors: int
    next_offset: int = 0  # sequential mode: the first line of WRK_PATHS no request took
    server_errors: int = 0  # 5xx answers, counted for requests other than GET (non2xx counts every status >= 400)

    def as_dict(self) -> dict:
        return asdict(self)


def wrk(url: str, *, connections: int, seconds: float, delay_ms: float = 0, env: dict | None = None) -> Run:
    threads = min(2, connections)
    command = [
        "wrk",
        f"-t{threads}",
        f"-c{connections}",
        f"-d{max(1, round(seconds))}s",
        "--timeout",
        "10s",
        "-s",
        str(LUA),
        url,
    ]
    environment = {**os.environ, **(env or {}), "WRK_DELAY_MS": str(int(delay_ms)), "WRK_THREADS": str(threads)}
    result = subprocess.run(command, capture_output=True, text=True, env=environment, timeout=seconds + 60)
    line = next((x for x in result.stdout.splitlines() if x.startswith("WRKJSON ")), None)
    if line is None:
        raise RuntimeError(f"wrk gave no result for {url}:\n{result.stdout}\n{result.stderr}")
    data = json.loads(line[len("WRKJSON ") :])
    seconds_run = data["duration_us"] / 1e6
    return Run(
        rps=data["requests"] / seconds_run if seconds_run else 0.0,
        p50_ms=data["p50_us"] / 1000,
        p95_ms=data["p95_us"] / 1000,
        p99_ms=data["p99_us"] / 1000,
        requests=data["requests"],
        non2xx=data["non2xx"],
        socket_errors=data["socket_errors"],
        next_offset=data["next_offset"],
        server_errors=data["server_errors"],
    )


PACED_CONNECTIONS = 4


def half_delay_ms(peak_rps: float, seconds: float) -> float:
    """The pause per paced connection that offers half of `peak_rps` (for a very slow page: at least three
    requests per connection in the run, or its latency would rest on no answer at all)."""
    return min(PACED_CONNECTIONS * 1000 / max(peak_rps / 2, 0.5), seconds * 1000 / 3)


def peak_then_half(
    url: str, *, seconds: float, connections: int = 8, env: dict | None = None, half: bool = True
) -> tuple[Run, Run]:
    """Throughput with `connections` busy connections, then latency with the offered load at half of it.

    With WRK_SEQUENTIAL=1 in `env` the addresses of WRK_PATHS are taken in order and the half-load run
    starts after the last one the peak run may have sent: no address is requested twice (until the list
    wraps, see `used`). half=False (smoke runs): the peak run only, returned twice."""
    env = dict(env or {})
    peak = wrk(url, connections=connections, seconds=seconds, env=env)
    if not half:
        return peak, peak
    if env.get("WRK_SEQUENTIAL") == "1":
        env["WRK_OFFSET"] = str(peak.next_offset)
    paced = wrk(url, connections=PACED_CONNECTIONS, seconds=seconds, delay_ms=half_delay_ms(peak.rps, seconds), env=env)
    return peak, paced


def used(half: Run) -> int:
    """Lines of WRK_PATHS a sequential peak_then_half went through (beyond the list's length: repeats)."""
    return half.next_offset
