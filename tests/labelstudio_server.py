"""A real Label Studio server for the integration test.

Installs the ``label-studio`` package into its own virtual environment (it
pins its own Django and friends, which must not meet vnplan's), then starts
it bound to 127.0.0.1 with SQLite and a temporary data directory, the version
check off and a known legacy API token. ``stop()`` kills the whole process
group, so the server never outlives the test.

    python tests/labelstudio_server.py   # start one by hand, Ctrl-C to stop
"""

from __future__ import annotations

import os
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

VERSION = "1.23.2"
USERNAME = "annotator@vnplan.test"
VENV = Path(os.environ.get("VNPLAN_LS_VENV", Path.home() / ".cache" / "vnplan" / f"label-studio-{VERSION}"))


def ensure_venv() -> Path:
    exe = VENV / "bin" / "label-studio"
    if not exe.exists():
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
        subprocess.run([str(VENV / "bin" / "pip"), "install", "-q", f"label-studio=={VERSION}"], check=True)
    return exe


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Server:
    url: str
    token: str
    process: subprocess.Popen
    data_dir: Path
    log: Path

    def set_password(self, password: str) -> None:
        """Give the default user a known password (for a browser login).
        `start --password` does not reliably set it, `reset_password` does."""
        env = dict(os.environ, LABEL_STUDIO_BASE_DATA_DIR=str(self.data_dir), LATEST_VERSION_CHECK="false")
        subprocess.run(
            [
                str(VENV / "bin" / "label-studio"),
                "reset_password",
                "--username",
                USERNAME,
                "--password",
                password,
                "--data-dir",
                str(self.data_dir),
            ],
            check=True,
            env=env,
            capture_output=True,
            timeout=120,
        )

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()


def start(timeout: float = 240, password: str | None = None) -> Server:
    exe = ensure_venv()
    data_dir = Path(tempfile.mkdtemp(prefix="vnplan-ls-"))
    port = _free_port()
    token = secrets.token_hex(20)
    env = dict(
        os.environ,
        LATEST_VERSION_CHECK="false",
        LABEL_STUDIO_BASE_DATA_DIR=str(data_dir),
        LABEL_STUDIO_ENABLE_LEGACY_API_TOKEN="true",
        DJANGO_DB="sqlite",
    )
    log = data_dir / "server.log"
    process = subprocess.Popen(
        [
            str(exe),
            "start",
            "--no-browser",
            "--data-dir",
            str(data_dir),
            "--internal-host",
            "127.0.0.1",
            "-p",
            str(port),
            "--username",
            "annotator@vnplan.test",
            "--password",
            secrets.token_hex(8),
            "--user-token",
            token,
            "--enable-legacy-api-token",
        ],
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
        env=env,
        start_new_session=True,
    )
    server = Server(f"http://127.0.0.1:{port}", token, process, data_dir, log)
    deadline = time.time() + timeout
    while time.time() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"Label Studio exited early; see {log}:\n{log.read_text()[-2000:]}")
        try:
            with urllib.request.urlopen(f"{server.url}/health", timeout=2) as r:
                if r.status == 200:
                    return server
        except OSError:
            time.sleep(1)
    server.stop()
    raise RuntimeError(f"Label Studio did not answer within {timeout}s; see {log}")


if __name__ == "__main__":
    srv = start()
    print(f"LABEL_STUDIO_URL={srv.url}\nLABEL_STUDIO_API_KEY={srv.token}")
    try:
        srv.process.wait()
    except KeyboardInterrupt:
        srv.stop()
