"""Real processes for the deployment tests: gunicorn, nginx, and a TCP relay that can cut the database off."""
import http.client
import json
import os
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PROXY_SNIPPET = ROOT / "deploy" / "nginx" / "timeline-proxy.conf"
PREFIX = "/timeline"
TOKEN = "deploy-token"
# The shared PostgreSQL server; the tests work only in databases of their own on it.
POSTGRES_URL = os.environ.get("DEPLOY_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432")


def psql(sql: str):
    """Run one statement as the postgres user on the maintenance database (CREATE and DROP DATABASE)."""
    subprocess.run(["psql", f"{POSTGRES_URL}/postgres", "-v", "ON_ERROR_STOP=1", "-qc", sql], check=True,
                   capture_output=True)
# gunicorn imports dateparser and friends: a cold start takes a few seconds, and over twenty on a busy 2-core
# machine. The wait ends as soon as the process exits, so this deadline only ever stops a hang.
START_TIMEOUT = 300


def free_port() -> int:
    """Return a loopback TCP port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port: int, process: subprocess.Popen, log: Path, timeout=START_TIMEOUT):
    """Wait until something accepts on port; fail with the log when process dies first."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"process exited with {process.returncode}:\n{log.read_text(errors='replace')[-3000:]}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"nothing listened on {port} after {timeout}s:\n{log.read_text(errors='replace')[-3000:]}")


def stop(process: subprocess.Popen, sig=signal.SIGTERM, timeout=20):
    """Stop a child process we started, killing it if it lingers."""
    if process.poll() is None:
        process.send_signal(sig)
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@dataclass
class Response:
    status: int
    headers: http.client.HTTPMessage
    body: bytes

    def json(self):
        return json.loads(self.body)


def request(base: str, method: str, path: str, body=None, headers=None, source_ip=None, timeout=60) -> Response:
    """Send one HTTP(S) request to base (scheme://host:port) and read the whole response."""
    scheme, _, hostport = base.partition("://")
    host, port = hostport.rsplit(":", 1)
    source = (source_ip, 0) if source_ip else None
    if scheme == "https":
        # The test certificate is self-signed: encryption matters here, not identity.
        context = ssl.create_default_context()
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
        conn = http.client.HTTPSConnection(host, int(port), timeout=timeout, context=context, source_address=source)
    else:
        conn = http.client.HTTPConnection(host, int(port), timeout=timeout, source_address=source)
    headers = dict(headers or {})
    data = None
    if body is not None:
        data = json.dumps(body).encode()
        headers.setdefault("Content-Type", "application/json")
    try:
        conn.request(method, path, body=data, headers=headers)
        resp = conn.getresponse()
        return Response(resp.status, resp.headers, resp.read())
    finally:
        conn.close()


class Gunicorn:
    """gunicorn with the project's gunicorn.conf.py, as the Dockerfile runs it, on a free loopback port."""

    def __init__(self, workdir: Path, database_url: str, workers=2, trusted_proxies=1, name="gunicorn", env=None):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = workdir / f"{name}-{self.port}.log"
        self.env = {
            **os.environ,
            "TIMELINE_BIND": f"127.0.0.1:{self.port}",
            "DATABASE_URL": database_url,
            "TRUSTED_PROXIES": str(trusted_proxies),
            # The name clients reach it by, so links are absolute (without it they are relative: see urls.py).
            "TRUSTED_HOSTS": "127.0.0.1",
            "TIMELINE_API_TOKENS": TOKEN,
            "TIMELINE_DATA_DIR": str(workdir),
            "PYTHONUNBUFFERED": "1",
            "PYTHONPATH": str(ROOT),
        }
        # None keeps gunicorn.conf.py's own default (2 x cores + 1), as in production.
        self.env.update(env or {})
        self.env.pop("WEB_CONCURRENCY", None)
        if workers is not None:
            self.env["WEB_CONCURRENCY"] = str(workers)
        self.process = None

    def start(self):
        """Start the master and wait until it answers /healthz."""
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "gunicorn", "-c", str(ROOT / "gunicorn.conf.py")],
                cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT,
            )
        wait_for_port(self.port, self.process, self.log)
        # The master listens before its workers have booted: a request waits in the backlog until one has.
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited with {self.process.returncode}:\n{self.log.read_text()[-3000:]}")
            try:
                if request(self.url, "GET", "/healthz", timeout=10).status == 200:
                    return self
            except OSError:
                pass  # no worker answered yet: ask again until the deadline
            if time.monotonic() > deadline:
                raise RuntimeError(f"/healthz never answered 200:\n{self.log.read_text()[-3000:]}")
            time.sleep(0.1)

    def worker_pids(self) -> list[int]:
        """Return the pids of this master's worker processes."""
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children").read_text().split()
        return [int(pid) for pid in children]

    def stop(self):
        if self.process:
            stop(self.process)


def run_cli(database_url: str, *args: str):
    """Run a `timeline` command against database_url, as an operator does."""
    # PYTHONPATH: run the tree under test even where the venv's editable install points elsewhere.
    env = {**os.environ, "DATABASE_URL": database_url, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([str(Path(sys.executable).parent / "timeline"), *args], cwd=ROOT, env=env,
                          capture_output=True, text=True)
    if done.returncode:
        raise RuntimeError(f"timeline {' '.join(args)} failed:\n{done.stdout}{done.stderr}")
    return done.stdout


def upgrade_schema(database_url: str):
    """Create or upgrade the schema: `timeline db upgrade`."""
    run_cli(database_url, "db", "upgrade")


def nginx_binary() -> str:
    """Return nginx's path; the proxy tests must not pass without it."""
    found = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
    if not found:
        raise RuntimeError("nginx is not installed: run `bash .ci/system-packages` (Debian package nginx)")
    return found


def self_signed_certificate(workdir: Path) -> tuple[Path, Path]:
    """Make a throwaway certificate so nginx terminates TLS as it does in production."""
    cert, key = workdir / "cert.pem", workdir / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
         "-days", "1", "-subj", "/CN=localhost", "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )
    return cert, key


NGINX_CONF = """\
# Generated for one test session: everything under {root}; the location block includes the shipped snippet.
{user}
worker_processes 1;
pid {root}/nginx.pid;
error_log {root}/error.log warn;
events {{ worker_connections 256; }}
http {{
    client_body_temp_path {root}/client_body;
    proxy_temp_path {root}/proxy;
    fastcgi_temp_path {root}/fastcgi;
    uwsgi_temp_path {root}/uwsgi;
    scgi_temp_path {root}/scgi;
    log_format timeline '$remote_addr "$request" $status $upstream_addr';
    access_log {root}/access.log timeline;
    upstream timeline {{
{servers}
        keepalive 16;
    }}
    server {{
        listen 127.0.0.1:{port} ssl;
        ssl_certificate {cert};
        ssl_certificate_key {key};
        location {prefix}/ {{
            proxy_pass http://timeline/;
            include {snippet};
        }}
    }}
}}
"""


class Nginx:
    """nginx in the foreground with a generated config, terminating TLS and proxying /timeline/ upstream."""

    def __init__(self, workdir: Path, upstream_ports: list[int]):
        self.root = workdir / f"nginx-{free_port()}"
        self.root.mkdir()
        self.port = free_port()
        self.url = f"https://127.0.0.1:{self.port}"
        self.log = self.root / "error.log"
        self.upstream_ports = upstream_ports
        self.process = None

    def start(self):
        binary = nginx_binary()
        cert, key = self_signed_certificate(self.root)
        conf = self.root / "nginx.conf"
        conf.write_text(NGINX_CONF.format(
            root=self.root,
            # As root, nginx would hand its workers to `nobody`, who cannot write the temp folders here.
            user="user root;" if os.geteuid() == 0 else "",
            servers="\n".join(f"        server 127.0.0.1:{p};" for p in self.upstream_ports),
            port=self.port, cert=cert, key=key, prefix=PREFIX, snippet=PROXY_SNIPPET,
        ))
        self.log.touch()
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                [binary, "-p", str(self.root), "-c", str(conf), "-e", str(self.log), "-g", "daemon off;"],
                stdout=log, stderr=subprocess.STDOUT,
            )
        wait_for_port(self.port, self.process, self.log)
        return self

    def stop(self):
        if self.process:
            stop(self.process, signal.SIGQUIT)


class TcpRelay:
    """A TCP relay to the shared PostgreSQL that the test can cut and restore, leaving the server alone."""

    def __init__(self, target_port: int, target_host="127.0.0.1"):
        self.target = (target_host, target_port)
        self.port = free_port()
        self.listener = None
        self.connections: list[socket.socket] = []
        self.lock = threading.Lock()

    def start(self):
        """Accept on our port and pipe every connection to the target."""
        # create_server sets SO_REUSEADDR, so restore() can listen on the same port again at once.
        self.listener = socket.create_server(("127.0.0.1", self.port))
        threading.Thread(target=self._accept, args=(self.listener,), daemon=True).start()
        return self

    def _accept(self, listener):
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            try:
                upstream = socket.create_connection(self.target)
            except OSError:
                client.close()
                continue
            with self.lock:
                self.connections += [client, upstream]
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    @staticmethod
    def _pipe(source, sink):
        """Copy bytes one way; on either end closing, end both directions (each thread closes its source)."""
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (source, sink):
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
            source.close()

    def cut(self):
        """Refuse new connections and reset the open ones, as when the database host goes away."""
        # shutdown() wakes the thread blocked in accept(); close() alone would leave the port listening.
        self.listener.shutdown(socket.SHUT_RDWR)
        self.listener.close()
        with self.lock:
            for sock in self.connections:
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
            self.connections.clear()

    def restore(self):
        """Listen again on the same port, as when the database host comes back."""
        self.start()
