"""gunicorn settings for `make serve` and the benchmarks (override with the env vars)."""

import gc
import multiprocessing
import os

# Measured with bench/answers.py on 2 cores (50 learners answering flat out, README):
# - one worker per core: Python runs one thread at a time per process, so more processes than
#   cores only add switching;
# - four threads each, so that a thread waiting on PostgreSQL leaves the core to another;
# - reuse_port: each worker listens on its own SO_REUSEPORT socket and the kernel spreads new
#   connections evenly. On one shared socket, whichever worker wakes first accepts them, and
#   keep-alive connections stay where they landed (45 of 50 on one worker was seen). The
#   master then holds no listening socket: a restarting worker resets the connections still
#   waiting in its own queue.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count()))
worker_class = "gthread"  # keeps connections alive
threads = int(os.environ.get("WEB_THREADS", "4"))
reuse_port = True
graceful_timeout = 10
timeout = 30
keepalive = int(os.environ.get("WEB_KEEPALIVE", "2"))


def post_worker_init(worker):
    """Move what the worker loaded at start (Django, the app: ~70,000 objects) out of the
    garbage collector's reach. Each request leaves reference cycles (request ↔ lazy user,
    messages, htmx details) for the collector, and every full collection used to walk the
    loaded objects too: 8–9 pauses of up to 75 ms per worker in a 30 s answer-save run, which
    stall all of the worker's threads. Frozen, a full collection takes ~10 ms at most."""
    gc.collect()
    gc.freeze()
