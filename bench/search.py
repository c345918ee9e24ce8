"""Benchmark: search latency, service page render time, and throughput under gunicorn.

Run with `make bench` (or `.venv/bin/python bench/search.py`). Targets (issue 4): search
p95 under 30 ms on the imported notes and under 60 ms on a 20× larger corpus, in-process;
(issue 13) no query, the adversarial ones included ("worst"), over 100 ms on the 20× corpus,
and search at 0.15× or more of the requests/s of a same-size static file under gunicorn.
Under gunicorn (2 workers) it reports requests per second for a service page and a search
next to a static file of the same size served by the same server: the ratio is the figure.
Also saves headless-Chromium screenshots of a service page and a search result page.
"""

import http.client
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from harness import (
    RESULTS,
    ROOT,
    bench_database,
    gunicorn,
    notes_dir,
    production_env,
    save_results,
    setup_django,
)
from import_notes import synthetic_corpus

QUERIES = [
    "visibility timeout", "dead letter queue", "GSI", "LSI", "DAX", "SSE-KMS",
    "x-amz-server-side-encryption", "s3:GetObject", "AWS::Serverless::Function", "PutItem",
    "BeforeAllowTraffic", "envelope encryption", "nested stacks", "immutable deployment",
    "\"stage variables\"", "caching -CloudFront", "lamda concurency", "visiblity timout",
    "DynamoDB", "user pool identity pool", "integration timeout 504", "Lambda@Edge",
]  # fmt: skip
# Queries anyone can send, built to be expensive: unknown words (typo lookups), very long text,
# many sides, many exclusions, hyphen soup, and many common words (a wide partial match).
ADVERSARIAL = [
    " ".join(f"zq{n:03d}xw" for n in range(25)),
    "timeout " * 300,
    " vs ".join(f"word{n}" for n in range(40)),
    '"' * 150,
    " ".join(f"-exclude{n}" for n in range(30)) + " lambda",
    "-".join("abcdefghijklmnopqrstuvwxyz") * 3,
    "data service function table request message error time application code key user",
    "what happens when the application sends many requests and every function fails twice",
]
SERVICE_PAGES = ["lambda", "dynamodb", "s3", "api-gateway", "sqs", "kms"]
REPEATS = 5
LOAD_SECONDS = 8
LOAD_THREADS = 8


def percentiles(samples: list[float]) -> dict:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {"p50_ms": statistics.median(ordered) * 1000, "p95_ms": p95 * 1000, "n": len(ordered)}


def time_search() -> dict:
    from content.search import search

    samples, worst = [], 0.0
    for _ in range(REPEATS):
        for query in QUERIES + ADVERSARIAL:
            start = time.perf_counter()
            results = search(query)
            [section.snippet for section in results.results]  # the page's rows are fetched
            elapsed = time.perf_counter() - start
            if query in QUERIES:
                samples.append(elapsed)
            worst = max(worst, elapsed)
    return {**percentiles(samples), "worst_ms": worst * 1000}


def time_service_pages(*, cached: bool) -> dict:
    """Service page response time: rendered from scratch, or with its body cached."""
    from django.core.cache import cache
    from django.test import Client

    client = Client()
    samples = []
    for _ in range(REPEATS):
        for slug in SERVICE_PAGES:
            if cached:
                client.get(f"/topics/{slug}/", secure=True)
            else:
                cache.clear()
            start = time.perf_counter()
            response = client.get(f"/topics/{slug}/", secure=True)
            samples.append(time.perf_counter() - start)
            assert response.status_code == 200, response.status_code
    return percentiles(samples)


def time_all() -> dict:
    return {
        "search": time_search(),
        "service_page": time_service_pages(cached=False),
        "service_page_cached": time_service_pages(cached=True),
    }


def load(port: int, path: str, seconds: float = LOAD_SECONDS) -> dict:
    """Requests per second with LOAD_THREADS keep-alive clients on loopback."""
    deadline = time.perf_counter() + seconds
    counts, errors, sizes = [0] * LOAD_THREADS, [0], [0]

    def worker(index: int):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        while time.perf_counter() < deadline:
            try:
                connection.request("GET", path)
                response = connection.getresponse()
                body = response.read()
                if response.status != 200:
                    errors[0] += 1
                sizes[0] = len(body)
                counts[index] += 1
            except (OSError, http.client.HTTPException):
                errors[0] += 1
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        connection.close()

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(LOAD_THREADS)]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - start
    return {"path": path, "rps": sum(counts) / elapsed, "errors": errors[0], "bytes": sizes[0]}


def gunicorn_figures() -> dict:
    """Service page and search vs a same-size static file, under gunicorn with 2 workers."""
    with tempfile.TemporaryDirectory() as folder:
        static_root = Path(folder) / "static"
        env = production_env(static_root=static_root, secret_key=secrets.token_urlsafe(50))
        subprocess.run(
            [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"],
            cwd=ROOT, env=env, check=True,
        )  # fmt: skip
        port = 8765
        with gunicorn(port, env, "--workers", "2"):
            page = _get(port, "/topics/lambda/")
            search_page = _get(port, "/search/?q=visibility+timeout")
        # Static files of the same sizes, added to the collected folder before the server
        # starts again (WhiteNoise in production serves the files present at start-up).
        (static_root / "bench").mkdir()
        (static_root / "bench" / "page.html").write_bytes(page)
        (static_root / "bench" / "search.html").write_bytes(search_page)
        figures = {}
        with gunicorn(port, env, "--workers", "2"):
            for name, path, static in [
                ("service page", "/topics/lambda/", "/static/bench/page.html"),
                ("search", "/search/?q=visibility+timeout", "/static/bench/search.html"),
            ]:
                dynamic = load(port, path)
                same_size = load(port, static)
                figures[name] = {
                    "dynamic": dynamic,
                    "static_same_size": same_size,
                    "ratio": dynamic["rps"] / same_size["rps"] if same_size["rps"] else 0,
                }
            screenshots(port)
        return figures


def screenshots(port: int) -> None:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        print("chromium not found: no screenshots (apt-get install chromium)", file=sys.stderr)
        return
    with tempfile.TemporaryDirectory() as profile:
        for name, path in [
            ("service-page", "/topics/dynamodb/"),
            ("search-results", "/search/?q=GSI"),
        ]:
            subprocess.run(
                [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", f"--user-data-dir={profile}",
                 "--hide-scrollbars", "--window-size=1400,1800",
                 f"--screenshot={RESULTS / (name + '.png')}", f"http://127.0.0.1:{port}{path}"],
                check=False,
                capture_output=True,
                timeout=120,
            )  # fmt: skip


def _get(port: int, path: str) -> bytes:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", path)
    response = connection.getresponse()
    body = response.read()
    assert response.status == 200, (path, response.status)
    return body


def main() -> int:
    setup_django()
    from django.conf import settings

    from content.importer.run import notes_import

    notes = notes_dir()
    if notes is None:
        return 1
    from django.test import override_settings

    # In-process pages render without collected static files (gunicorn below has them).
    override_settings(
        ALLOWED_HOSTS=["testserver"],
        STORAGES={
            **settings.STORAGES,
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        },
    ).enable()
    RESULTS.mkdir(exist_ok=True)
    report = {}
    with bench_database():
        notes_import(paths=[notes])
        report["seed"] = time_all()
        report["gunicorn"] = gunicorn_figures()
        with tempfile.TemporaryDirectory() as folder:
            corpus = Path(folder) / "corpus"
            synthetic_corpus(notes, 20, corpus)
            notes_import(paths=[corpus])
        report["20x"] = time_all()
    _print(report)
    save_results("search", report)
    return 0


def _print(report: dict) -> None:
    print(f"{'corpus':8} {'measure':20} {'p50 ms':>8} {'p95 ms':>8} {'worst ms':>9}")
    for corpus in ("seed", "20x"):
        for measure, row in report[corpus].items():
            worst = f"{row['worst_ms']:>9.1f}" if "worst_ms" in row else ""
            print(f"{corpus:8} {measure:20} {row['p50_ms']:>8.1f} {row['p95_ms']:>8.1f} {worst}")
    print(f"\ngunicorn, 2 workers, {LOAD_THREADS} keep-alive clients, {LOAD_SECONDS} s each")
    for name, row in report["gunicorn"].items():
        dynamic, static = row["dynamic"], row["static_same_size"]
        print(
            f"{name:13} {dynamic['rps']:8.0f} req/s ({dynamic['bytes']:,} bytes)  vs static "
            f"{static['rps']:8.0f} req/s  ratio {row['ratio']:.2f}  errors {dynamic['errors']}"
        )
    print(f"screenshots: {RESULTS / 'service-page.png'}, {RESULTS / 'search-results.png'}")


if __name__ == "__main__":
    sys.exit(main())
