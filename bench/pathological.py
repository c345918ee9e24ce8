"""Benchmark: importing pathological notes files, each on its own, on a throwaway database.

Run with `.venv/bin/python bench/pathological.py` (optionally a few input names to run only
those). Target (issue: "the importer never hangs on pathological text"): every file under the
size limit imports in under 2 s; each input below is timed through `notes_import`, parsing,
rendering, storing and re-indexing included.
"""

import sys
import tempfile
from pathlib import Path

from harness import bench_database, save_results, setup_django, timer

TARGET_SECONDS = 2.0
MB = 1_000_000


def indented_list(depth: int, size: int) -> str:
    """A bullet list that goes `depth` levels deep (two spaces a level), repeated to `size`."""
    lines, total, item = [], 0, 0
    while total < size:
        line = " " * (2 * (item % depth)) + f"- item {item}"
        lines.append(line)
        total += len(line) + 1
        item += 1
    return "\n".join(lines) + "\n"


SERVICES = ["DynamoDB", "S3", "Lambda", "SQS", "Kinesis", "API Gateway", "KMS", "IAM", "ECS"]
SUBJECTS = ["Indexes", "Capacity", "Streams", "Encryption", "Limits", "Pricing", "Security"]


def markdown_notes(
    size: int, *, topic: str = "{subject}", title: str = "{subject} {n}", services=SERVICES
) -> str:
    """Notes as people write them: service, topic and section headings, bullets, code, a
    table and a scenario in every section. `topic` and `title` may use {subject} and {n}."""
    section = (
        "# {service}\n\n## " + topic + "\n\n### " + title + "\n\n"
        "A global secondary index (GSI) has its own partition key; Lambda reads the stream.\n\n"
        "- **LSI**: shares the table's partition key (`PK`), created with the table\n"
        "- **GSI**: eventually consistent reads only, its own RCU and WCU\n\n"
        '```json\n{{"TableName": "Orders{n}", "KeySchema": [{{"AttributeName": "PK"}}]}}\n```\n\n'
        "| Option | Limit |\n|---|---|\n| LSI per table | 5 |\n| GSI per table | 20 |\n\n"
        "Scenario: queries on a non-key attribute {n}\n  - Correct: add a GSI\n"
        "  - Incorrect: scan the table -> reads every item\n\n"
    )
    parts, total, n = [], 0, 0
    while total < size:
        service, subject = services[n % len(services)], SUBJECTS[n // len(services) % 7]
        part = section.format(service=service, subject=subject, n=n)
        parts.append(part)
        total += len(part)
        n += 1
    return "".join(parts)


def inputs() -> dict[str, bytes]:
    """Each pathological input as the bytes of one notes file."""
    text = {
        "50 KB line of spaces": "Notes\n" + " " * 50_000 + "x\n",
        "1 MB line of spaces": "Notes\n" + " " * MB + "x\n",
        "100,000 tabs": "Notes\n" + "\t" * 100_000 + "x\n",
        "4.9 MB list, 2,200 levels deep": indented_list(2200, 4_900_000),
        "4.9 MB list, 10,000 levels deep": indented_list(10_000, 4_900_000),
        "1 MB word": "a" * MB,
        "100,000 blank lines": "x\n" + "\n" * 100_000 + "y\n",
        "50,000 headings": "".join(f"## Heading {i}\n\ntext {i}\n\n" for i in range(50_000)),
        "2,000 lines of blanks and markup": "\n".join(
            " " * 200 + "*" * 200 + "_" * 200 + "#" * 50 for _ in range(2000)
        ),
        "heading: '# x', 1 MB of spaces, 'y'": "# x" + " " * MB + "y\n\ntext\n",
        "heading of 330,000 '*a '": "# " + "*a " * 330_000 + "\n\ntext\n",
        "'Likewise,' and 1 MB of spaces": "- Likewise," + " " * MB + "x\n",
        "'© a', 1 MB of spaces, '!'": "Text © a" + " " * MB + "!\n",
        "'[How ' × 200,000 (never closed)": "[How " * 200_000,
        "'A-' × 500,000 (no definition)": "A-" * 500_000 + "B (AB)\n",
        "4.9 MB of ordinary Markdown": markdown_notes(4_900_000),
        # Ordinary text, many sections: run.py's topic merging and slugs are quadratic.
        "4.9 MB, 9,000 topics in 9 services": markdown_notes(4_900_000, topic="Topic {n}"),
        "4.9 MB, 9,000 S3 sections titled alike": markdown_notes(
            4_900_000, title="Notes", services=[f"S3 part {part}" for part in range(10_000)]
        ),
    }
    for char in "*_#`-|>[(!:&":
        text[f"1 MB run of {char!r}"] = char * MB
    data = {name: value.encode() for name, value in text.items()}
    data["4 MB, NUL byte at the end"] = b"x\n" * 2 * MB + b"\x00"
    return data


def main() -> int:
    setup_django()

    from content.importer.run import notes_import
    from content.models import Source

    wanted = set(sys.argv[1:])
    rows = []
    print(f"{'input':36} {'bytes':>9} {'seconds':>7}  {'status':8}  result")
    with bench_database(), tempfile.TemporaryDirectory() as folder:
        for number, (name, data) in enumerate(inputs().items()):
            if wanted and name not in wanted:
                continue
            path = Path(folder) / f"input{number:02d}.md"
            path.write_bytes(data)
            with timer() as run:
                (report,) = notes_import(paths=[path])
            Source.objects.all().delete()  # each input on an empty database
            path.unlink()
            outcome = (
                f"{report.format}, {report.sections} sections"
                if report.status == "imported"
                else f"{report.status}: {report.error}"
            )
            rows.append(
                {
                    "input": name,
                    "bytes": len(data),
                    "seconds": round(run["seconds"], 3),
                    "status": "ok" if run["seconds"] < TARGET_SECONDS else "over 2 s",
                    "result": outcome,
                }
            )
            row = rows[-1]
            print(
                f"{row['input']:36} {row['bytes']:>9} {row['seconds']:>7.2f}  "
                f"{row['status']:8}  {row['result'][:70]}",
                flush=True,
            )
    save_results("pathological", rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
