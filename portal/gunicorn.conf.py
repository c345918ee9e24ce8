"""gunicorn settings for `make serve` and the benchmarks (override with the env vars)."""

import multiprocessing
import os

# Measured with bench/answers.py on 2 cores (50 learners answering flat out): one worker per
# core with two threads each gave the most answers per second and the shortest tail; more
# workers than cores spread keep-alive connections unevenly and lengthen the tail.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count()))
worker_class = "gthread"  # keeps connections alive
threads = int(os.environ.get("WEB_THREADS", "2"))
graceful_timeout = 10
timeout = 30
keepalive = int(os.environ.get("WEB_KEEPALIVE", "2"))
