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

    def as_dict(self) -> dict:
        return asdict(self)


def wrk(url: str, *, connections: int, seconds: float, delay_ms: float = 0, env: dict | None = None) -> Run:
    command = [
        "wrk",
        f"-t{min(2, connections)}",
        f"-c{connections}",
        f"-d{max(1, round(seconds))}s",
        "--timeout",
        "10s",
        "-s",
        str(LUA),
        url,
    ]
    environment = {**os.environ, **(env or {}), "WRK_DELAY_MS": str(int(delay_ms))}
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
    )


def peak_then_half(url: str, *, seconds: float, connections: int = 8, env: dict | None = None) -> tuple[Run, Run]:
    """Throughput with `connections` busy connections, then latency with the offered load at half of it."""
    peak = wrk(url, connections=connections, seconds=seconds, env=env)
    paced_connections = 4
    target = max(peak.rps / 2, 0.5)
    delay = paced_connections * 1000 / target
    half = wrk(url, connections=paced_connections, seconds=seconds, delay_ms=delay, env=env)
    return peak, half
