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
