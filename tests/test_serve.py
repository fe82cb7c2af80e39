"""`itacheck serve`: the app in a browser, on the loopback address unless told otherwise."""

from __future__ import annotations

import asyncio
import os
import pwd
import re
import signal
import socket
import sys
from pathlib import Path

import aiohttp
import pytest

from itacheck.cli import main
from itacheck.serve import is_loopback

START_SECONDS = 60.0  # generous: a loaded 2-core machine; the wait ends as soon as the line is there


def _descendants(pid: int) -> set[int]:
    """The processes ``pid`` started, and theirs (Linux /proc)."""
    found: set[int] = set()
    todo = [pid]
    while todo:
        parent = todo.pop()
        try:
            children = Path(f"/proc/{parent}/task/{parent}/children").read_text().split()
        except OSError:
            continue
        for child in map(int, children):
            found.add(child)
            todo.append(child)
    return found


def _running(pid: int) -> bool:
    """Alive and not a zombie waiting to be reaped."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return "\nState:\tZ" not in status


async def _until(condition, seconds: float = START_SECONDS) -> None:
    """Poll ``condition`` until it holds; fail when it has not after ``seconds``."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + seconds
    while not condition():
        assert loop.time() < deadline, "condition never held"
        await asyncio.sleep(0.05)


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs Linux /proc to see the session's process")
async def test_serve_answers_on_a_free_loopback_port_and_stops_cleanly(tmp_path: Path) -> None:
    """Repro: `itacheck serve --port 0` prints the page's address on 127.0.0.1 and a tunnel line;
    the page answers HTTP 200 and names its websocket under the secret path; the bare address is
    "not found"; a browser session (the websocket) starts the app, which draws; SIGINT then stops
    the server with exit 0, closes the session saying the server went away, and ends the
    session's app process."""
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "itacheck", "--data", str(tmp_path / "data"), "serve", "--port", "0",
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    try:
        assert proc.stdout is not None and proc.stderr is not None
        first = (await asyncio.wait_for(proc.stdout.readline(), START_SECONDS)).decode()
        match = re.search(r"http://127\.0\.0\.1:(\d+)/([\w-]{20,})/$", first.strip())
        assert match, first
        port, key = match.groups()
        tunnel = (await proc.stdout.readline()).decode()
        assert f"ssh -L {port}:127.0.0.1:{port} " in tunnel
        async with aiohttp.ClientSession() as http:
            async with http.get(match.group(0)) as page:
                assert page.status == 200
                assert f"ws://127.0.0.1:{port}/{key}/ws" in await page.text()
            async with http.get(f"http://127.0.0.1:{port}/") as bare:
                assert bare.status == 404
            async with http.get(f"http://127.0.0.1:{port}/{key}x/ws") as wrong:
                assert wrong.status == 404
            ws = await http.ws_connect(f"ws://127.0.0.1:{port}/{key}/ws?width=80&height=24")
            drawn = await asyncio.wait_for(ws.receive(), START_SECONDS)
            assert drawn.type == aiohttp.WSMsgType.BINARY and drawn.data  # the app's first screen
            session = _descendants(proc.pid)
            assert session, "the session runs the app in a process of its own"
            proc.send_signal(signal.SIGINT)
            assert await asyncio.wait_for(proc.wait(), START_SECONDS) == 0
            while (message := await asyncio.wait_for(ws.receive(), START_SECONDS)).type == aiohttp.WSMsgType.BINARY:
                pass  # the app's last frames
            assert message.type == aiohttp.WSMsgType.CLOSE  # the browser is told the server went away
            assert (message.data, message.extra) == (aiohttp.WSCloseCode.GOING_AWAY, "server stopped")
        await _until(lambda: not any(map(_running, session)))
        assert (await proc.stderr.read()).decode() == ""
    finally:
        if proc.returncode is None:
            proc.kill()
            await proc.wait()


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.20", "::", "server.example.org"])
def test_serve_refuses_an_address_other_computers_reach(tmp_path: Path, capsys, host: str) -> None:
    """Repro: `itacheck serve --host 0.0.0.0` (or a LAN address, ::, a host name) would let anyone
    who reaches it use itacheck as the officer, unencrypted: refused (exit 2) with the reason and
    the SSH tunnel to use instead, before anything listens."""
    assert main(["--data", str(tmp_path), "serve", "--host", host, "--port", "8000"]) == 2
    out, err = capsys.readouterr()
    assert out == "" and len(err.splitlines()) == 1
    assert "without --allow-remote" in err and "ssh -L 8000:127.0.0.1:8000 " in err


@pytest.mark.parametrize("host", ["127.0.0.1", "0.0.0.0"])
def test_a_port_in_use_is_named_and_nothing_listens(tmp_path: Path, capsys, host: str) -> None:
    """Repro: `itacheck serve --port P` while another program holds P (on loopback; on all
    addresses with --allow-remote, which lets the host through): one line naming the port and how
    to choose another, exit 1."""
    with socket.socket() as busy:
        busy.bind((host, 0))
        busy.listen()
        port = busy.getsockname()[1]
        assert main(["--data", str(tmp_path), "serve", "--host", host, "--port", str(port), "--allow-remote"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.splitlines() == [f"itacheck: พอร์ต {port} ที่ {host} มีโปรแกรมอื่นใช้อยู่ (port {port} on {host} is in use: "
                                f"another itacheck serve, or another program; choose another with --port, "
                                f"e.g. --port {port + 1})"]


@pytest.mark.parametrize("host, loopback", [
    ("127.0.0.1", True), ("127.8.0.1", True), ("::1", True), ("[::1]", True), ("localhost", True), ("LOCALHOST", True),
    ("0.0.0.0", False), ("::", False), ("10.0.0.5", False), ("fe80::1", False), ("example.org", False), ("", False),
])
def test_only_this_machines_own_addresses_count_as_loopback(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def test_the_port_must_be_a_port(capsys) -> None:
    assert main(["serve", "--port", "70000"]) == 2
    assert "70000" in capsys.readouterr().err


def test_the_tunnel_line_reaches_the_server_as_this_session_did() -> None:
    """The SSH port and address of the officer's own session, and the address serve listens on."""
    from itacheck.handoff import tunnel_command

    env = {"SSH_CONNECTION": "10.0.0.9 50000 192.0.2.5 2222"}
    user = pwd.getpwuid(os.getuid()).pw_name
    assert tunnel_command(8000, "127.0.0.1", env) == f"ssh -p 2222 -L 8000:127.0.0.1:8000 {user}@192.0.2.5"
    assert tunnel_command(8001, "::1", env) == f"ssh -p 2222 -L 8001:[::1]:8001 {user}@192.0.2.5"
