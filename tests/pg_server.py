"""A PostgreSQL server of the tests' own (issue 17): made with `initdb` in a temporary folder,
started with `pg_ctl` on a Unix socket in that folder (no TCP port, nothing reachable from
outside), a fresh database for each test, stopped and removed at the end of the session.

The server binaries are Debian's `postgresql` package (`/usr/lib/postgresql/<n>/bin`), which
`.ci/run` installs. PostgreSQL refuses to run as root: as root, the server runs as the `postgres`
user the package creates.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import pwd
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg

SUPERUSER = "postgres"


def server_binaries() -> Path | None:
    """The folder of `initdb` and `pg_ctl`, the newest installed; None without a server."""
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"), key=lambda p: int(p.parts[-3]))
    if found:
        return found[-1].parent
    on_path = shutil.which("pg_ctl")
    return Path(on_path).parent if on_path else None


@dataclass
class ServerForTests:
    folder: Path
    binaries: Path
    _names: Iterator[int]

    @property
    def socket_dir(self) -> Path:
        return self.folder / "socket"

    def conninfo(self, dbname: str = "postgres", user: str = SUPERUSER) -> str:
        return f"host={self.socket_dir} port=5432 dbname={dbname} user={user}"

    def new_database(self) -> str:
        """A new empty database's connection string."""
        name = f"minutes_{next(self._names)}"
        with psycopg.connect(self.conninfo(), autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8'")
        return self.conninfo(name)

    def stop(self) -> None:
        """Stop at once, as a server that crashed or a network that went: connections cut."""
        _run_as_server_user(
            [str(self.binaries / "pg_ctl"), "-D", str(self.folder / "data"), "-m", "immediate", "stop"]
        )

    def start(self) -> None:
        options = f"-k {self.socket_dir} -c listen_addresses='' -c fsync=off -c full_page_writes=off"
        data, log = self.folder / "data", self.folder / "log"
        _run_as_server_user(
            [str(self.binaries / "pg_ctl"), "-D", str(data), "-l", str(log), "-o", options, "-w", "start"]
        )


def _server_user() -> pwd.struct_passwd | None:
    return pwd.getpwnam(SUPERUSER) if os.geteuid() == 0 else None


def _run_as_server_user(command: list[str]) -> None:
    user = _server_user()
    if user is not None:
        command = ["runuser", "-u", user.pw_name, "--", *command]
    subprocess.run(command, check=True, capture_output=True, text=True)


@contextlib.contextmanager
def running_server() -> Iterator[ServerForTests]:
    binaries = server_binaries()
    if binaries is None:
        raise RuntimeError("PostgreSQL is not installed (Debian: apt-get install postgresql)")
    folder = Path(tempfile.mkdtemp(prefix="thai-minutes-pg-"))
    (folder / "socket").mkdir()
    user = _server_user()
    if user is not None:
        for path in (folder, folder / "socket"):
            os.chown(path, user.pw_uid, user.pw_gid)
    data = folder / "data"
    _run_as_server_user(
        [str(binaries / "initdb"), "-D", str(data), "-U", SUPERUSER, "-A", "trust", "-E", "UTF8", "--no-sync"]
    )
    server = ServerForTests(folder, binaries, itertools.count(1))
    server.start()
    try:
        yield server
    finally:
        with contextlib.suppress(subprocess.CalledProcessError):
            server.stop()
        shutil.rmtree(folder, ignore_errors=True)
