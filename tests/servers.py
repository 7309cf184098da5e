"""Real servers for the tests, on free loopback ports: Oxigraph, and a tiny HTTP server
that answers with the faults a real endpoint can give (401, 500)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
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


NGINX_MODULES = Path("/usr/lib/nginx/modules")
APACHE_MODULES = Path("/usr/lib/apache2/modules")


@contextmanager
def nginx_server(site: Path, work: Path) -> Iterator[str]:
    """Debian's nginx with the njs module, serving ``site`` with its generated
    ``nginx.conf`` included as that file says; yields its URL."""
    executable = shutil.which("nginx") or "/usr/sbin/nginx"
    port = free_port()
    work.mkdir(parents=True, exist_ok=True)
    as_root = "user root;\n" if os.geteuid() == 0 else ""
    (work / "nginx.conf").write_text(
        f"""{as_root}load_module {NGINX_MODULES}/ngx_http_js_module.so;
worker_processes 1;
pid {work}/nginx.pid;
error_log {work}/error.log;
events {{ worker_connections 64; }}
http {{
    access_log off;
    client_body_temp_path {work}/body;
    proxy_temp_path {work}/proxy;
    fastcgi_temp_path {work}/fastcgi;
    uwsgi_temp_path {work}/uwsgi;
    scgi_temp_path {work}/scgi;
    js_path {site}/;
    server {{
        listen 127.0.0.1:{port};
        root {site};
        include {site}/nginx.conf;
    }}
}}
""",
        encoding="utf-8",
    )
    command = [executable, "-p", str(work), "-c", str(work / "nginx.conf"), "-g", "daemon off;"]
    with _process(command, f"http://127.0.0.1:{port}", work / "error.log") as url:
        yield url


@contextmanager
def apache_server(site: Path, work: Path) -> Iterator[str]:
    """Debian's Apache httpd serving ``site`` with ``AllowOverride All``, so that the
    generated ``.htaccess`` applies; yields its URL. Apache does not run as root: the
    site must be readable by ``www-data`` then."""
    executable = shutil.which("apache2") or "/usr/sbin/apache2"
    port = free_port()
    work.mkdir(parents=True, exist_ok=True)
    modules = ["mpm_event", "authz_core", "mime", "negotiation", "dir", "headers", "alias"]
    loads = "\n".join(f"LoadModule {m}_module {APACHE_MODULES}/mod_{m}.so" for m in modules)
    as_root = "User www-data\nGroup www-data\n" if os.geteuid() == 0 else ""
    (work / "apache.conf").write_text(
        f"""ServerRoot {work}
{loads}
{as_root}Listen 127.0.0.1:{port}
ServerName localhost
PidFile {work}/apache.pid
ErrorLog {work}/error.log
LogLevel warn
TypesConfig /etc/mime.types
DocumentRoot {site}
<Directory />
    AllowOverride None
    Require all denied
</Directory>
<Directory {site}>
    AllowOverride All
    Require all granted
</Directory>
""",
        encoding="utf-8",
    )
    command = [executable, "-f", str(work / "apache.conf"), "-DFOREGROUND"]
    with _process(command, f"http://127.0.0.1:{port}", work / "error.log") as url:
        yield url


@contextmanager
def _process(
    command: list[str],
    url: str,
    log: Path,
    answers: Callable[[], bool] | None = None,
    cwd: Path | None = None,
    seconds: float = 20,
) -> Iterator[str]:
    """Run a server until the block ends; yields ``url`` once it answers (``answers``,
    by default: its port takes connections). Its log is in the error if it stops."""
    port = int(url.rsplit(":", 1)[1])

    def port_open() -> bool:
        with socket.create_connection(("127.0.0.1", port), 1):
            return True

    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + seconds
        while True:
            if process.poll() is not None:
                error = process.stderr.read().decode() if process.stderr else ""
                logged = log.read_text() if log.exists() else ""
                raise RuntimeError(f"{command[0]} exited at start: {error}{logged}")
            try:
                if (answers or port_open)():
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"{command[0]} did not answer at {url}")
            time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=30)


@contextmanager
def virtuoso_server(work: Path) -> Iterator[str]:
    """Debian's Virtuoso (``virtuoso-t``) with a fresh database in ``work``; yields its
    HTTP URL: SPARQL at ``/sparql``, the Graph Store Protocol at
    ``/sparql-graph-crud-auth`` (Digest authentication, user ``dba``, password ``dba``)."""
    executable = shutil.which("virtuoso-t") or "/usr/bin/virtuoso-t"
    http_port, sql_port = free_port(), free_port()
    work.mkdir(parents=True, exist_ok=True)
    (work / "virtuoso.ini").write_text(
        f"""[Database]
DatabaseFile = {work}/virtuoso.db
ErrorLogFile = {work}/virtuoso.log
LockFile = {work}/virtuoso.lck
TransactionFile = {work}/virtuoso.trx
xa_persistent_file = {work}/virtuoso.pxa
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {work}/virtuoso-temp.db
TransactionFile = {work}/virtuoso-temp.trx
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
DirsAllowed = ., {work}

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerThreads = 5

[SPARQL]
ResultSetMaxRows = 10000
MaxQueryExecutionTime = 120
""",
        encoding="utf-8",
    )
    command = [executable, "+foreground", "+configfile", str(work / "virtuoso.ini")]
    url = f"http://127.0.0.1:{http_port}"

    def answers() -> bool:
        with urllib.request.urlopen(url + "/sparql?query=ASK%7B%7D", timeout=1):
            return True

    with _process(command, url, work / "virtuoso.log", answers, work, seconds=60):
        yield url
