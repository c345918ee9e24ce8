"""Benchmark: importing the seed notes, and a synthetic corpus 5×, 10× and 20× larger.

Run with `make bench` (or `.venv/bin/python bench/import_notes.py`). Targets (issue 3):
the five files in under 5 s wall on a 2-core machine; time growing linearly with size.
"""

import shutil
import sys
import tempfile
from pathlib import Path

from harness import bench_database, notes_dir, save_results, setup_django, timer


def synthetic_corpus(notes: Path, copies: int, target: Path) -> None:
    """`copies` copies of every notes file, each copy a separate file (its own source)."""
    target.mkdir(parents=True)
    for copy in range(copies):
        for path in sorted(notes.iterdir()):
            if path.is_file():
                shutil.copyfile(path, target / f"copy{copy:02d}_{path.name}")


def main() -> int:
    setup_django()

    from content.importer.run import notes_import
    from content.models import Section

    notes = notes_dir()
    if notes is None:
        return 1
    results = []
    with bench_database():
        with timer() as seed:
            reports = notes_import(paths=[notes])
        sections = sum(report.sections for report in reports)
        results.append(_row("seed notes (5 files)", len(reports), sections, seed["seconds"]))
        with timer() as again:
            notes_import(paths=[notes])
        results.append(_row("re-import, unchanged", len(reports), 0, again["seconds"]))
        for copies in (5, 10, 20):
            Section.objects.all().delete()
            with tempfile.TemporaryDirectory() as folder:
                corpus = Path(folder) / "corpus"
                synthetic_corpus(notes, copies, corpus)
                with timer() as run:
                    reports = notes_import(paths=[corpus])
            failed = [report for report in reports if report.status == "failed"]
            sections = sum(report.sections for report in reports)
            label = f"synthetic {copies}x ({len(reports)} files)"
            results.append(_row(label, len(reports), sections, run["seconds"], len(failed)))
            from content.models import Source

            Source.objects.all().delete()
    print(f"{'corpus':32} {'files':>5} {'sections':>8} {'seconds':>8} {'sections/s':>10}")
    for row in results:
        print(
            f"{row['corpus']:32} {row['files']:>5} {row['sections']:>8} "
            f"{row['seconds']:>8.2f} {row['sections_per_second']:>10.0f}"
        )
    save_results("import_notes", results)
    return 0


def _row(corpus, files, sections, seconds, failed=0):
    return {
        "corpus": corpus,
        "files": files,
        "sections": sections,
        "seconds": round(seconds, 3),
        "sections_per_second": sections / seconds if sections else 0,
        "failed": failed,
    }


if __name__ == "__main__":
    sys.exit(main())
