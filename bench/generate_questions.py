"""Benchmark: generating the whole question bank from the imported notes.

Run with `make bench` (or `.venv/bin/python bench/generate_questions.py`). Targets: the whole
bank in under 10 s (issue 5); the bank's coverage goals (issue 12): every task statement 25+
published questions from 4+ models, domains within 3 points of 32/26/24/18 %, no service above
12 %, arithmetic at most 10 %, 80+ item models over 35+ services.
"""

import sys

from harness import bench_database, notes_dir, save_results, setup_django, timer


def main() -> int:
    setup_django()
    from content.importer.run import notes_import
    from quizzes.generator.coverage import bank_coverage
    from quizzes.generator.run import questions_generate

    notes = notes_dir()
    if notes is None:
        return 1
    with bench_database():
        notes_import(paths=[notes])
        with timer() as first:
            report = questions_generate()
        with timer() as again:
            questions_generate()
        coverage = bank_coverage()
    rows = {
        "first generation": {"seconds": first["seconds"], "created": report.created},
        "regeneration, nothing changed": {"seconds": again["seconds"], "created": 0},
    }
    print(f"{'run':32} {'seconds':>8} {'created':>8}")
    for name, row in rows.items():
        print(f"{name:32} {row['seconds']:>8.2f} {row['created']:>8}")
    print(
        f"published questions: {coverage.total} from {coverage.item_models} item models over "
        f"{coverage.item_services} services; rejected by the gates: {len(report.rejected)}"
    )
    for reason, count in report.rejections.most_common():
        print(f"  {count:4}  {reason}")
    print("per task statement: " + ", ".join(
        f"{task} {count} ({coverage.task_models[task]} models)"
        for task, count in sorted(coverage.tasks.items())
    ))  # fmt: skip
    print("domain shares: " + ", ".join(
        f"{number}: {share:.1f} %" for number, share in sorted(coverage.domains.items())
    ))  # fmt: skip
    service, count = coverage.services.most_common(1)[0]
    arithmetic = coverage.share(coverage.families["computed"])
    print(
        f"largest service: {service} {coverage.share(count):.1f} %; arithmetic {arithmetic:.1f} %"
    )
    misses = coverage.misses()
    print("coverage goals: " + ("all met" if not misses else "missed: " + "; ".join(misses)))
    rows["coverage"] = {
        "published": coverage.total,
        "item_models": coverage.item_models,
        "item_services": coverage.item_services,
        "tasks": coverage.tasks,
        "domains": coverage.domains,
        "largest_service": [service, coverage.share(count)],
        "arithmetic_percent": arithmetic,
        "rejections": dict(report.rejections),
        "misses": misses,
    }
    save_results("generate_questions", rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
