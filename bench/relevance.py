"""Benchmark: search relevance on the seed notes, with the suite in tests/content/relevance.toml.

Run with `make bench` (or `.venv/bin/python bench/relevance.py`). For the tuned queries and the
held-out ones (never used for tuning) apart, it reports recall@1 (a relevant section first),
recall@3 (one in the first three) and MRR (mean reciprocal rank of the first relevant section,
0 when none is in the first 20). Goal (issue 13): recall@3 of 90 % or more on both parts.
`--misses` lists the tuned queries whose first three results hold no relevant section.
"""

import sys
import tomllib

from harness import ROOT, bench_database, notes_dir, save_results, setup_django

SUITE = ROOT / "tests" / "content" / "relevance.toml"


def load_suite() -> list[dict]:
    return tomllib.loads(SUITE.read_text(encoding="utf-8"))["query"]


def ranks(queries: list[dict]) -> list[int | None]:
    """The 1-based rank of the first relevant section per query (None: not in the first 20)."""
    from content.search import search

    found = []
    for query in queries:
        wanted = set(query["relevant"])
        keys = [f"{s.service.slug}/{s.slug}" for s in search(query["text"]).results]
        found.append(next((n for n, key in enumerate(keys, 1) if key in wanted), None))
    return found


def figures(found: list[int | None]) -> dict:
    count = len(found) or 1
    return {
        "queries": len(found),
        "recall_at_1": sum(1 for rank in found if rank == 1) / count,
        "recall_at_3": sum(1 for rank in found if rank and rank <= 3) / count,
        "mrr": sum(1 / rank for rank in found if rank) / count,
    }


def main() -> int:
    setup_django()
    from content.importer.run import notes_import

    notes = notes_dir()
    if notes is None:
        return 1
    suite = load_suite()
    with bench_database():
        notes_import(paths=[notes])
        found = ranks(suite)
    report = {}
    for part, held_out in [("tuned", False), ("held out", True)]:
        part_ranks = [rank for query, rank in zip(suite, found, strict=True)
                      if bool(query.get("held_out")) == held_out]  # fmt: skip
        report[part] = figures(part_ranks)
    print(f"{'part':10} {'queries':>7} {'recall@1':>9} {'recall@3':>9} {'MRR':>6}")
    for part, row in report.items():
        print(f"{part:10} {row['queries']:>7} {row['recall_at_1']:>9.0%} "
              f"{row['recall_at_3']:>9.0%} {row['mrr']:>6.2f}")  # fmt: skip
    if "--misses" in sys.argv:  # the tuned part only: the held-out part is never tuned on
        for query, rank in zip(suite, found, strict=True):
            if (not rank or rank > 3) and not query.get("held_out"):
                print(f"  miss (rank {rank}): {query['text']!r}")
    save_results("relevance", report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
