"""gunicorn settings for `make serve` and the benchmarks (override with the env vars)."""

import multiprocessing
import os

# Measured with bench/answers.py on 2 cores: 2 workers per core, one thread each, served the
# most answers per second with the lowest tail latency (threads add GIL contention).
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2))
worker_class = "gthread"  # keeps connections alive
threads = int(os.environ.get("WEB_THREADS", "1"))
graceful_timeout = 10
timeout = 30
keepalive = int(os.environ.get("WEB_KEEPALIVE", "2"))
