"""Real servers for the tests, on free loopback ports: Oxigraph, and a tiny HTTP server
that answers with the faults a real endpoint can give (401, 500)."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def oxigraph_server(location: Path, union_default_graph: bool = True) -> Iterator[str]:
    """``oxigraph serve`` on a free port; yields its base URL, stops it after. Without
    ``union_default_graph``, the default graph is a graph of its own, as Oxigraph
    starts by default."""
    beside_python = Path(sys.executable).parent / "oxigraph"
    executable = str(beside_python) if beside_python.exists() else shutil.which("oxigraph")
    if executable is None:
        raise RuntimeError("the oxigraph server is not installed (pip install oxigraph)")
    port = free_port()
    process = subprocess.Popen(
        [
            executable,
            "serve",
            "--location",
            str(location),
            "--bind",
            f"127.0.0.1:{port}",
            *(["--union-default-graph"] if union_default_graph else []),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(url + "/query?query=ASK%7B%7D", process)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


def _wait_until_up(url: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if process.poll() is not None:
            error = process.stderr.read().decode() if process.stderr else ""
            raise RuntimeError(f"oxigraph exited at start: {error}")
        try:
            with urllib.request.urlopen(url, timeout=1):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"oxigraph did not answer at {url}")


class _FaultHandler(BaseHTTPRequestHandler):
    status = 500

    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        self.send_response(self.status)
        if self.status == 401:
            self.send_header("WWW-Authenticate", 'Basic realm="test"')
        self.send_header("Content-Type", "text/plain")
        self.end_headers()
        self.wfile.write(b"fault injected by the test server\n")

    do_GET = do_POST = do_PUT = _answer  # noqa: N815 (the names http.server calls)

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def _in_thread(server: ThreadingHTTPServer) -> Iterator[str]:
    """Serve on a daemon thread; yield the server's URL; shut it down after."""
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def fault_server(status: int) -> Iterator[str]:
    """An HTTP server that answers every request with ``status``."""
    handler = type("Handler", (_FaultHandler,), {"status": status})
    with _in_thread(ThreadingHTTPServer(("127.0.0.1", 0), handler)) as url:
        yield url


@contextmanager
def site_server(directory: Path) -> Iterator[str]:
    """``senate-ld serve``'s server on a free loopback port, in a thread; yields its URL."""
    from converters.site.server import make_server

    with _in_thread(make_server(directory, 0)) as url:
        yield url
