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
    rows["one notes file alone"] = _single_files(notes)
    save_results("generate_questions", rows)
    return 0


def _single_files(notes) -> dict:
    """What a learner with only one of the notes files gets: the bank shrinks to what that
    file states, and every question still passes the gates (the same code path)."""
    from content.importer.run import notes_import
    from content.models import Source
    from quizzes.generator.coverage import bank_coverage
    from quizzes.generator.run import questions_generate

    rows = {}
    header = f"{'published':>9} {'models':>6} {'services':>8} {'tasks <25':>9}"
    print(f"\n{'one notes file alone':36} {header}")
    for path in sorted(p for p in notes.iterdir() if p.is_file()):
        with bench_database():
            notes_import(paths=[path])
            if not Source.objects.exists():
                continue
            questions_generate()
            coverage = bank_coverage()
        short = sum(1 for count in coverage.tasks.values() if count < 25) + 13 - len(coverage.tasks)
        rows[path.name] = {
            "published": coverage.total,
            "item_models": coverage.item_models,
            "services": coverage.item_services,
            "tasks_under_25": short,
        }
        print(f"{path.name:36} {coverage.total:>9} {coverage.item_models:>6} "
              f"{coverage.item_services:>8} {short:>9}")  # fmt: skip
    return rows


if __name__ == "__main__":
    sys.exit(main())
