"""A small web server on 127.0.0.1 for the link check tests: one address per kind of answer, a
count of the requests each got, and the same over TLS with a self-signed certificate."""

from __future__ import annotations

import shutil
import socket
import ssl
import subprocess
import threading
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


class LinkServer:
    """``url(path)`` gives an address on the server; ``requests[(method, path)]`` counts them."""

    def __init__(self, server: ThreadingHTTPServer, scheme: str = "http") -> None:
        self.server = server
        self.scheme = scheme
        self.requests: Counter[tuple[str, str]] = Counter()
        self.release = threading.Event()  # lets /slow answer (at teardown)
        self.in_flight = self.most_in_flight = 0  # requests to /hold being answered at once
        self._lock = threading.Lock()

    def url(self, path: str) -> str:
        return f"{self.scheme}://127.0.0.1:{self.server.server_address[1]}{path}"


def _handler(state: LinkServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def do_HEAD(self) -> None:
            self._answer("HEAD")

        def do_GET(self) -> None:
            self._answer("GET")

        def _answer(self, method: str) -> None:
            path = self.path.split("?")[0]
            state.requests[(method, path)] += 1
            if path == "/slow":
                state.release.wait(60)  # released at teardown
                return self._send(200)
            if path == "/hold":  # answers after 0.2 s, counting how many are held at once
                with state._lock:
                    state.in_flight += 1
                    state.most_in_flight = max(state.most_in_flight, state.in_flight)
                state.release.wait(0.2)
                with state._lock:
                    state.in_flight -= 1
                return self._send(200)
            if path in ("/ok", "/เอกสาร.pdf", "/%E0%B9%80%E0%B8%AD%E0%B8%81%E0%B8%AA%E0%B8%B2%E0%B8%A3.pdf"):
                return self._send(200)
            if path == "/moved":
                return self._send(301, location="/ok")
            if path == "/moved-twice":
                return self._send(302, location="/moved")
            if path == "/loop":
                return self._send(302, location="/loop")
            if path == "/nohead":
                return self._send(405 if method == "HEAD" else 200)
            if path == "/gone":
                return self._send(410)
            return self._send(404)

        def _send(self, status: int, location: str = "") -> None:
            body = b"<html>evidence</html>" if status == 200 else b""
            self.send_response(status)
            if location:
                self.send_header("Location", location)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command == "GET":
                self.wfile.write(body)

    return Handler


@contextmanager
def link_server(certificate: tuple[Path, Path] | None = None) -> Iterator[LinkServer]:
    """A server on a free port of 127.0.0.1 (TLS with ``certificate`` = (cert, key)), stopped after."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), BaseHTTPRequestHandler)
    server.daemon_threads = True
    state = LinkServer(server, "https" if certificate else "http")
    server.RequestHandlerClass = _handler(state)
    if certificate:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(*certificate)
        server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        state.release.set()
        server.shutdown()
        server.server_close()
        thread.join(5)


def refused_url() -> str:
    """An address on 127.0.0.1 where nothing listens: a port just freed."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}/evidence.pdf"


def self_signed(directory: Path) -> tuple[Path, Path] | None:
    """A certificate for 127.0.0.1 that no one vouches for, made with openssl (None without it)."""
    openssl = shutil.which("openssl")
    if openssl is None:
        return None
    cert, key = directory / "cert.pem", directory / "key.pem"
    subprocess.run([openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1",
                    "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", str(key), "-out", str(cert)],
                   check=True, capture_output=True)
    return cert, key
