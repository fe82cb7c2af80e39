"""Getting a written report from the office server to the officer's desk.

The officer works over SSH and prints on a Windows desktop, so after a report is written the
command line and the report screen give its full path and a ready ``scp`` line to paste into the
desktop's terminal (Windows 10 and later have ``scp``; PuTTY's ``pscp`` takes the same line).
The server's address is the one the officer's SSH session reached it at (``SSH_CONNECTION``), which
the desktop can reach again, rather than the server's own name, which office desktops often cannot
resolve; the user is the account the program runs as (the file's owner), never ``$USER``.
"""

from __future__ import annotations

import os
import pwd
import re
import socket
from collections.abc import Mapping
from pathlib import Path

#: Characters that need no quoting in a Windows or POSIX shell.
_PLAIN = re.compile(r"[A-Za-z0-9@%+=:,./_-]+")


def scp_command(path: Path, *, user: str, host: str, port: int = 22) -> str:
    """``scp [-P PORT] user@host:/path .``; an IPv6 address in brackets, an odd path in quotes."""
    if ":" in host:
        host = f"[{host}]"
    where = str(path)
    if not _PLAIN.fullmatch(where):
        where = '"' + where.replace('"', '\\"') + '"'
    option = f"-P {port} " if port != 22 else ""
    return f"scp {option}{user}@{host}:{where} ."


def server_address(env: Mapping[str, str]) -> tuple[str, int] | None:
    """The server's address and port as this SSH session reached them, from ``SSH_CONNECTION``
    ("client_ip client_port server_ip server_port"); None outside an SSH session."""
    parts = env.get("SSH_CONNECTION", "").split()
    if len(parts) != 4 or not parts[3].isdigit():
        return None
    return parts[2], int(parts[3])


def fetch_command(path: Path, env: Mapping[str, str] | None = None) -> str:
    """The ``scp`` line that copies ``path`` (made absolute) from this server to the officer's
    computer: the SSH session's server address, else this machine's host name."""
    user, host, port = _login(env)
    return scp_command(Path(path).absolute(), user=user, host=host, port=port)


def tunnel_command(port: int, listening: str = "localhost", env: Mapping[str, str] | None = None) -> str:
    """The ``ssh -L`` line that brings this server's loopback port ``port`` (where `itacheck serve`
    listens, on ``listening``) to the same port of the officer's computer."""
    user, host, ssh_port = _login(env)
    if ":" in listening:
        listening = f"[{listening}]"
    option = f"-p {ssh_port} " if ssh_port != 22 else ""
    return f"ssh {option}-L {port}:{listening}:{port} {user}@{host}"


def _login(env: Mapping[str, str] | None) -> tuple[str, str, int]:
    """(account, server address, SSH port) to reach this server from the officer's computer."""
    env = os.environ if env is None else env
    reached = server_address(env)
    host, port = reached if reached else (socket.gethostname(), 22)
    return pwd.getpwuid(os.getuid()).pw_name, host, port


def terminal_is_utf8(env: Mapping[str, str] | None = None) -> bool:
    """Whether the terminal's locale is UTF-8 (``LC_ALL``, else ``LC_CTYPE``, else ``LANG``). Text
    copied to the desktop's clipboard through the terminal (OSC 52) arrives as UTF-8 bytes, which
    a terminal set to another character set would garble."""
    env = os.environ if env is None else env
    locale = next((env[k] for k in ("LC_ALL", "LC_CTYPE", "LANG") if env.get(k)), "")
    return "utf8" in locale.lower().replace("-", "")
