"""Benchmark: the embedded PostgreSQL server stops under a running site, and comes back.

gunicorn as `make serve` runs it (portal/gunicorn.conf.py) on its own embedded server in a
temporary PGDATA (migrated), warmed up so that every worker thread holds a connection. Then the
postmaster is stopped (`--stop immediate`: SIGQUIT, as `pg_ctl stop -m immediate`; `--stop
kill`: SIGKILL, a crash) and a page that needs the database is requested every 50 ms.
Reports the status codes seen until the first 200 (503 is the "temporarily unavailable" page,
500 the bug), the recovery time (from the stop to the first 200; target: under 5 s), the time
from which every request answered 200 (each worker thread's dead connection fails one request
after the server is back), and the log lines and tracebacks the site wrote. Target: no 500, no
traceback, one log line per failed request, recovery under 5 s.

Run with `make bench` (or `.venv/bin/python bench/recovery.py [--stop kill]`).
"""

import argparse
import http.client
import os
import secrets
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from harness import ROOT, save_results

PORT = 8767
PAGE = "/topics/"
POLL_SECONDS = 0.05
TIMEOUT_SECONDS = 60


def get(path: str) -> int | str:
    """The status of GET path on the site, or the name of the error that prevented one."""
    connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=10)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        response.read()
        return response.status
    except OSError as exc:
        return type(exc).__name__
    finally:
        connection.close()


def site_env(folder: Path) -> dict:
    """`make serve`'s settings on an embedded server of its own, plain HTTP on loopback."""
    env = {
        **os.environ,
        "PORTAL_PGDATA": str(folder / "pgdata"),
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_SECURE_COOKIES": "0",
        "DJANGO_STATIC_ROOT": str(folder / "static"),
    }
    env.pop("DATABASE_URL", None)
    return env


def manage(*args: str, env: dict) -> None:
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True)


def wait_until(predicate, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not predicate():
        if time.monotonic() > deadline:
            raise RuntimeError(f"timed out waiting for {what}")
        time.sleep(0.05)


def measure(pgdata: Path, stop_signal: int) -> dict:
    """Stop the postmaster and wait until it is gone, then poll PAGE until it has answered only
    200 for 2 s. Times count from the stop."""
    pid = int((pgdata / "postmaster.pid").read_text().split()[0])
    during, after = Counter(), Counter()
    start = time.monotonic()
    os.kill(pid, stop_signal)
    wait_until(lambda: not postmaster_alive(pid), 10, "the postmaster to exit")
    gone = time.monotonic() - start
    first_ok = last_failure = None
    while (elapsed := time.monotonic() - start) < TIMEOUT_SECONDS:
        status = get(PAGE)
        if status == 200 and first_ok is None:
            first_ok = elapsed
        (during if first_ok is None else after)[status] += 1
        if status != 200:
            last_failure = elapsed
        if first_ok is not None and elapsed - max(last_failure or 0, first_ok) >= 2:
            break
        time.sleep(POLL_SECONDS)
    every_page = None
    if first_ok is not None:
        every_page = first_ok if last_failure is None else max(first_ok, last_failure)
    return {
        "old_postmaster": pid,
        "postmaster_gone_seconds": round(gone, 3),
        "recovery_seconds": first_ok,
        "all_pages_back_seconds": every_page,
        "during": {str(key): count for key, count in during.items()},
        "after": {str(key): count for key, count in after.items()},
    }


def postmaster_alive(pid: int) -> bool:
    """Whether the process runs (a zombie that nobody reaped yet counts as gone)."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--stop", choices=["immediate", "kill"], default="immediate")
    options = parser.parse_args()
    stop_signal = signal.SIGQUIT if options.stop == "immediate" else signal.SIGKILL
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        env = site_env(folder)
        manage("migrate", "--noinput", "-v", "0", env=env)
        manage("collectstatic", "--noinput", "-v", "0", env=env)
        log_path = folder / "gunicorn.log"
        with log_path.open("w") as log:
            server = subprocess.Popen(
                [str(Path(sys.executable).parent / "gunicorn"), "portal.wsgi",
                 "--config", str(ROOT / "portal" / "gunicorn.conf.py"),
                 "--bind", f"127.0.0.1:{PORT}", "--log-level", "warning"],
                cwd=ROOT, env=env, stderr=log,
            )  # fmt: skip
        try:
            wait_until(lambda: get("/healthz") == 200, 30, "gunicorn")
            # Warm up: a connection to the database in (nearly) every worker thread.
            warm = Counter(get(PAGE) for _ in range(100))
            if set(warm) != {200}:
                raise RuntimeError(f"warm-up failed: {dict(warm)}")
            result = measure(folder / "pgdata", stop_signal)
        finally:
            server.terminate()
            server.wait(30)
        lines = log_path.read_text().splitlines()
    during, after = result["during"], result["after"]
    report = {
        "stop": options.stop,
        **result,
        "status_503": during.get("503", 0) + after.get("503", 0),
        "status_500": during.get("500", 0) + after.get("500", 0),
        "log_lines": len(lines),
        "tracebacks": sum("Traceback" in line for line in lines),
        "unavailable_log_lines": sum(line.startswith("database unavailable:") for line in lines),
        "log_sample": lines[:3],
    }
    recovery = report["recovery_seconds"]
    recovered = "no recovery"
    if recovery is not None:
        recovered = (
            f"first 200 after {recovery:.2f} s, only 200s from "
            f"{report['all_pages_back_seconds']:.2f} s"
        )
    print(
        f"postmaster stopped ({options.stop}, gone after {report['postmaster_gone_seconds']:.2f}"
        f" s): {recovered}; until then {dict(during)}, after {dict(after)}; "
        f"503s {report['status_503']}, 500s {report['status_500']}; "
        f"log: {report['log_lines']} lines ({report['unavailable_log_lines']} 'database "
        f"unavailable'), {report['tracebacks']} tracebacks"
    )
    save_results("recovery", report)
    return 0 if recovery is not None else 1


if __name__ == "__main__":
    sys.exit(main())
