"""Benchmark: generating the whole question bank from the imported notes.

Run with `make bench` (or `.venv/bin/python bench/generate_questions.py`). Target (issue 5):
the whole bank in under 10 s.
"""

import sys

from harness import bench_database, notes_dir, save_results, setup_django, timer


def main() -> int:
    setup_django()
    from content.importer.run import notes_import
    from quizzes.generator.run import questions_generate
    from quizzes.models import Question

    notes = notes_dir()
    if notes is None:
        return 1
    with bench_database():
        notes_import(paths=[notes])
        with timer() as first:
            report = questions_generate()
        with timer() as again:
            questions_generate()
        published = Question.objects.published().count()
    rows = {
        "first generation": {"seconds": first["seconds"], "created": report.created},
        "regeneration, nothing changed": {"seconds": again["seconds"], "created": 0},
    }
    print(f"{'run':32} {'seconds':>8} {'created':>8}")
    for name, row in rows.items():
        print(f"{name:32} {row['seconds']:>8.2f} {row['created']:>8}")
    print(f"published questions: {published}")
    save_results("generate_questions", rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
