"""`itacheck serve`: the same app in a browser, for colleagues without a terminal, with textual-serve.

Each browser tab that connects starts its own ``itacheck`` on the data directory, as the account
that runs ``serve``: whoever reaches the page records evidence under that account's name. So the
page is guarded twice.

* It listens on the loopback address by default, which only programs on this server can reach;
  officers reach it from their desks through an SSH tunnel (``ssh -L 8000:localhost:8000 server``),
  which also encrypts the traffic. Any other address needs ``--allow-remote``, and the command says
  why: the page is then open to everyone who can reach that address, unencrypted.
* Its address holds a secret (``http://localhost:8000/<key>/``), printed when it starts: other
  accounts on a shared server can reach the loopback address too, and a web page open in the
  officer's browser could try ``localhost`` (even its websocket, which browsers do not confine to
  its own site); without the key they get "not found". Downloads go by random keys of their own.

In the browser the report screen sends the written report as a download (Textual's
``deliver_binary``). textual-serve and aiohttp are imported only by this command.
"""

from __future__ import annotations

import asyncio
import errno
import ipaddress
import logging
import secrets
import shlex
import signal
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import aiohttp_jinja2
import jinja2
from aiohttp import WSCloseCode, web
from textual_serve.app_service import AppService
from textual_serve.server import Server, to_int

from itacheck.handoff import tunnel_command

LOOPBACK_NAMES = ("localhost", "localhost.localdomain", "ip6-localhost")
#: How long a stop waits for open sessions to close before it cancels them.
STOP_SECONDS = 3.0


class ServeError(Exception):
    """The server could not start; ``str()`` says why (exit code 1)."""


class RemoteRefused(ValueError):
    """A host other computers can reach, without ``--allow-remote`` (bad input: exit code 2)."""


@dataclass(frozen=True)
class Listening:
    """Where the server listens, once it does: the page is ``url``."""

    host: str
    port: int
    key: str

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}/{self.key}/"


def is_loopback(host: str) -> bool:
    """Whether ``host`` names only this machine (127.0.0.0/8, ::1, localhost)."""
    if host.lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def refuse_remote(host: str, port: int) -> str:
    """Why ``host`` is refused without ``--allow-remote``: one line, Thai then English."""
    tunnel = tunnel_command(port or 8000, "127.0.0.1")
    return (f"ไม่เปิดให้เครื่องอื่นเข้าที่ {host} ถ้าไม่ระบุ --allow-remote: ทุกคนที่เข้าถึงที่อยู่นี้ได้จะบันทึกข้อมูลในนามของคุณ "
            f"และการเชื่อมต่อไม่เข้ารหัส ใช้ 127.0.0.1 แล้วเปิดทางผ่าน SSH แทน: {tunnel} (refusing to serve on {host} "
            "without --allow-remote: anyone who can reach that address could use itacheck as you, recording "
            "evidence under your name, over unencrypted HTTP; serve on 127.0.0.1 and reach it through an SSH "
            f"tunnel instead: {tunnel})")


def app_command(data_dir: Path, lang: str) -> str:
    """The command each browser session runs: this Python, this itacheck, this data directory."""
    return shlex.join([sys.executable, "-m", "itacheck", "--data", str(data_dir), "--lang", lang])


class GuardedServer(Server):
    """textual-serve's server with the page and its websocket under a secret path, addresses taken
    from the request (so a tunnel from another local port works), and every session closed
    when the server stops."""

    def __init__(self, command: str, host: str, port: int, key: str) -> None:
        super().__init__(command, host=host, port=port, title="itacheck")
        self.key = key
        self._sockets: set[web.WebSocketResponse] = set()

    async def _make_app(self) -> web.Application:
        app = web.Application()
        aiohttp_jinja2.setup(app, loader=jinja2.FileSystemLoader(self.templates_path))
        app.add_routes([
            web.get(f"/{self.key}/", self.handle_index, name="index"),
            web.get(f"/{self.key}/ws", self.handle_websocket, name="websocket"),
            web.get("/download/{key}", self.handle_download, name="download"),
            web.static("/static", self.statics_path, name="static"),
        ])
        app.on_shutdown.append(self._close_sessions)
        return app

    @aiohttp_jinja2.template("app_index.html")
    async def handle_index(self, request: web.Request) -> dict[str, Any]:
        base = f"{request.scheme}://{request.host}"
        websocket = base.replace("http", "ws", 1) + str(request.app.router["websocket"].url_for())
        static = base + str(request.app.router["static"].url_for(filename="/")).rstrip("/") + "/"
        return {"font_size": to_int(request.query.get("fontsize", "16"), 16), "app_websocket_url": websocket,
                "config": {"static": {"url": static}}, "application": {"name": self.title}}

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """textual-serve's session, remembered so that a stop can close it."""
        websocket = web.WebSocketResponse(heartbeat=15)
        width = to_int(request.query.get("width", "80"), 80)
        height = to_int(request.query.get("height", "24"), 24)
        await websocket.prepare(request)
        self._sockets.add(websocket)
        service = AppService(self.command, write_bytes=websocket.send_bytes, write_str=websocket.send_str,
                             close=websocket.close, download_manager=self.download_manager, debug=self.debug)
        try:
            await service.start(width, height)
            await self._process_messages(websocket, service)
        except asyncio.CancelledError:
            await websocket.close()
        finally:
            self._sockets.discard(websocket)
            await service.stop()
        return websocket

    async def _close_sessions(self, app: web.Application) -> None:
        await asyncio.gather(*(ws.close(code=WSCloseCode.GOING_AWAY, message=b"server stopped")
                               for ws in list(self._sockets)), return_exceptions=True)


def serve(data_dir: Path, *, host: str, port: int, lang: str, allow_remote: bool,
          started: Callable[[Listening], None]) -> None:
    """Serve the app until SIGINT or SIGTERM; ``started`` is told where once the port is open.
    `RemoteRefused` for a host other computers reach without ``allow_remote``; `ServeError` when
    the port cannot be had."""
    if not is_loopback(host) and not allow_remote:
        raise RemoteRefused(refuse_remote(host, port))
    logging.getLogger("aiohttp.access").setLevel(logging.WARNING)
    server = GuardedServer(app_command(data_dir, lang), host, port, secrets.token_urlsafe(18))
    asyncio.run(_run(server, started))


async def _run(server: GuardedServer, started: Callable[[Listening], None]) -> None:
    runner = web.AppRunner(await server._make_app(), handle_signals=False, shutdown_timeout=STOP_SECONDS)
    await runner.setup()
    site = web.TCPSite(runner, server.host, server.port)
    try:
        await site.start()
    except OSError as exc:
        await runner.cleanup()
        raise ServeError(_cannot_listen(server.host, server.port, exc)) from None
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    started(Listening(server.host, runner.addresses[0][1], server.key))
    try:
        await stop.wait()
    finally:
        await runner.cleanup()


def _cannot_listen(host: str, port: int, exc: OSError) -> str:
    if exc.errno == errno.EADDRINUSE:
        return (f"พอร์ต {port} ที่ {host} มีโปรแกรมอื่นใช้อยู่ (port {port} on {host} is in use: another itacheck serve, "
                f"or another program; choose another with --port, e.g. --port {port + 1})")
    if exc.errno == errno.EACCES:
        return (f"ไม่มีสิทธิ์เปิดพอร์ต {port} (no permission to listen on port {port}: ports below 1024 need root; "
                "choose one above 1024, e.g. --port 8000)")
    return f"เปิดพอร์ต {port} ที่ {host} ไม่ได้ (cannot listen on {host} port {port}: {exc.strerror or exc})"
