"""wrk's sequential mode: every miss address is requested once, by both threads, peak and half-load runs
together; the rows wrk sends carry their own headers."""

import shutil
import threading
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from bench import load
from tests.conftest import require


class _Recorder(BaseHTTPRequestHandler):
    seen: list

    def do_GET(self):
        self.seen.append((self.path, self.headers.get("Accept-Language"), self.headers.get("Cookie")))
        self.send_response(200)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"ok")

    def log_message(self, *args):
        pass


def test_each_address_is_requested_once_across_threads_and_runs(tmp_path):
    require(shutil.which("wrk") is not None, "wrk is not installed")
    seen = []
    handler = type("Handler", (_Recorder,), {"seen": seen})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    lines = [f"/page/{i}/\tAccept-Language: fr\tCookie: sessionid=s{i}" for i in range(200_000)]
    paths = tmp_path / "paths.txt"
    paths.write_text("\n".join(lines) + "\n")
    try:
        env = {"WRK_PATHS": str(paths), "WRK_SEQUENTIAL": "1"}
        peak, half = load.peak_then_half(f"http://127.0.0.1:{server.server_port}/", seconds=1, env=env)
    finally:
        server.shutdown()
    assert peak.requests > 50 and half.requests > 5
    counts = Counter(path for path, _language, _cookie in seen)
    assert counts.most_common(1)[0][1] == 1  # no address twice
    assert len(seen) <= load.used(half) < len(lines)
    assert all(lang == "fr" and cookie == f"sessionid=s{path.split('/')[2]}" for path, lang, cookie in seen)


class _Refuser(BaseHTTPRequestHandler):
    """Answers writes by turns: 200, a refusal (403) and a server error (500)."""

    answered: list

    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        status = (200, 403, 500)[len(self.answered) % 3]
        self.answered.append(status)
        self.send_response(status)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, *args):
        pass


def test_a_write_load_tells_server_errors_from_refusals():
    """The POST rows of the benchmark print 'non-2xx N (5xx M)': a refusal and a server error are told apart."""
    require(shutil.which("wrk") is not None, "wrk is not installed")
    answered = []
    handler = type("Handler", (_Refuser,), {"answered": answered})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        run = load.wrk(
            f"http://127.0.0.1:{server.server_port}/support/",
            connections=2,
            seconds=1,
            env={"WRK_METHOD": "POST", "WRK_BODY": "{}"},
        )
    finally:
        server.shutdown()
    counted = Counter(answered)  # the server may have answered a last request or two that wrk did not count
    refusals = run.non2xx - run.server_errors
    assert run.requests > 10
    assert 0 < run.server_errors <= counted[500] and 0 < refusals <= counted[403]
    assert abs(refusals - run.server_errors) <= 2  # by turns: as many refusals as errors, a turn either way
