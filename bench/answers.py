"""Benchmark: saving answers under load.

50 simulated learners, each with a timed exam, answer as fast as they can for 60 s through
gunicorn (as `make serve` runs it) on loopback. Reports answer-save latency p50/p95/p99 and
errors, then checks every learner's last saved answer against the database (lost answers).
Target (issue 6): p99 under 100 ms, 0 errors, 0 lost answers.

Run with `make bench` (or `.venv/bin/python bench/answers.py [--learners N --seconds S]`).
"""

import argparse
import http.client
import json
import multiprocessing
import os
import random
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from harness import ROOT, bench_database, notes_dir, setup_django

PORT = 8766
CSRF = "b" * 32  # an unmasked CSRF secret: the cookie and the header carry the same value


def learner(args) -> dict:
    """One simulated learner: answer random questions of its attempt until the time is up."""
    session, attempt, items, seconds, seed = args
    rng = random.Random(seed)
    connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=10)
    headers = {
        "Cookie": f"sessionid={session}; csrftoken={CSRF}",
        "X-CSRFToken": CSRF,
        "HX-Request": "true",
        "Content-Type": "application/x-www-form-urlencoded",
    }
    latencies, errors, last = [], 0, {}
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        position, choices = rng.choice(items)
        choice = rng.choice(choices)
        start = time.perf_counter()
        try:
            connection.request(
                "POST", f"/exams/{attempt}/q/{position}/answer/", f"choice={choice}", headers
            )
            response = connection.getresponse()
            response.read()
            ok = response.status == 200
        except (OSError, http.client.HTTPException):
            ok = False
            connection.close()
            connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=10)
        latencies.append(time.perf_counter() - start)
        if ok:
            last[position] = choice
        else:
            errors += 1
    connection.close()
    return {"attempt": attempt, "latencies": latencies, "errors": errors, "last": last}


def prepare(count: int) -> list[tuple]:
    """Learners with sessions and a 65-question timed exam each."""
    from django.contrib.auth.models import User
    from django.test import Client

    from quizzes.exams import attempt_start

    plans = []
    for number in range(count):
        user = User.objects.create_user(f"bench{number}", password=secrets.token_urlsafe(12))
        client = Client()
        client.force_login(user)
        attempt = attempt_start(user=user, kind="custom", count=65, minutes=130, seed=number)
        items = [(item.position, item.choice_order) for item in attempt.items.all()]
        plans.append((client.cookies["sessionid"].value, attempt.pk, items))
    return plans


def lost_answers(results: list[dict]) -> int:
    from quizzes.models import AttemptQuestion

    lost = 0
    for result in results:
        saved = dict(
            AttemptQuestion.objects.filter(attempt_id=result["attempt"]).values_list(
                "position", "selected"
            )
        )
        lost += sum(1 for position, choice in result["last"].items() if saved[position] != [choice])
    return lost


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--learners", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=60)
    options = parser.parse_args()
    setup_django()
    from django.conf import settings
    from django.db import connection

    from content.importer.run import notes_import
    from quizzes.generator.run import questions_generate

    notes = notes_dir()
    if notes is None:
        return 1
    with bench_database():
        notes_import(paths=[notes])
        questions_generate()
        plans = prepare(options.learners)
        params = connection.get_connection_params()
        database_url = f"postgresql://{params.get('user', '')}@/{connection.settings_dict['NAME']}"
        database_url += f"?host={params.get('host', '')}"
        with tempfile.TemporaryDirectory() as static_root:
            env = {
                **os.environ,
                "DATABASE_URL": database_url,
                "DJANGO_DEBUG": "0",
                "DJANGO_SECRET_KEY": settings.SECRET_KEY,  # the sessions were signed with it
                "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
                "DJANGO_SECURE_SSL_REDIRECT": "0",
                "DJANGO_SECURE_COOKIES": "0",
                "DJANGO_STATIC_ROOT": static_root,
            }
            server = subprocess.Popen(
                [str(Path(sys.executable).parent / "gunicorn"), "portal.wsgi",
                 "--config", str(ROOT / "portal" / "gunicorn.conf.py"),
                 "--bind", f"127.0.0.1:{PORT}", "--log-level", "warning"],
                cwd=ROOT, env=env,
            )  # fmt: skip
            try:
                _wait(PORT)
                jobs = [
                    (session, attempt, items, options.seconds, number)
                    for number, (session, attempt, items) in enumerate(plans)
                ]
                # Learners run in processes (not threads) so the client is not the bottleneck.
                with multiprocessing.Pool(len(jobs)) as pool:
                    results = pool.map(learner, jobs)
            finally:
                server.terminate()
                server.wait(30)
        lost = lost_answers(results)
    latencies = sorted(value for result in results for value in result["latencies"])
    errors = sum(result["errors"] for result in results)
    report = {
        "learners": options.learners,
        "seconds": options.seconds,
        "answers": len(latencies),
        "answers_per_second": len(latencies) / options.seconds,
        "p50_ms": statistics.median(latencies) * 1000,
        "p95_ms": latencies[int(0.95 * (len(latencies) - 1))] * 1000,
        "p99_ms": latencies[int(0.99 * (len(latencies) - 1))] * 1000,
        "errors": errors,
        "lost_answers": lost,
    }
    print(
        f"{report['learners']} learners for {report['seconds']} s: {report['answers']:,} answers "
        f"({report['answers_per_second']:.0f}/s); latency p50 {report['p50_ms']:.1f} ms, "
        f"p95 {report['p95_ms']:.1f} ms, p99 {report['p99_ms']:.1f} ms; errors {errors}; "
        f"lost answers {lost}"
    )
    out = ROOT / "bench" / "results"
    out.mkdir(exist_ok=True)
    (out / "answers.json").write_text(json.dumps(report, indent=2))
    return 0


def _wait(port: int) -> None:
    for _ in range(150):
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/healthz")
            if connection.getresponse().status == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise RuntimeError("gunicorn did not start")


if __name__ == "__main__":
    sys.exit(main())
