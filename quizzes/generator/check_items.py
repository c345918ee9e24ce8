"""Check item model files without a database: python -m quizzes.generator.check_items

    python -m quizzes.generator.check_items [--notes ../shared/notes] [--show] [FILE ...]

Loads the models (every file in quizzes/item_models/, or the files named), expands every
variant, and runs the quality gates on it, with the notes folder's files standing in for the
imported sections (one section per paragraph). Prints each model's variant count, every
rejected variant with its reasons, and with --show every question in full.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from pathlib import Path

from quizzes.generator import items
from quizzes.generator.draft import problems
from quizzes.generator.evidence import Evidence, SectionText
from quizzes.generator.gates import draft_gates, near_duplicates
from quizzes.generator.item_models import FOLDER, ItemModelError, item_models_load, variants


def notes_evidence(folder: Path) -> Evidence:
    """Every paragraph of every file in the folder as a section of service "*"."""
    sections = []
    for path in sorted(folder.rglob("*")):
        if not path.is_file():
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        line = 1
        for number, paragraph in enumerate(text.split("\n\n")):
            size = paragraph.count("\n") + 1
            where = f"{path.name}:{line}-{line + size - 1}"
            sections.append(SectionText(len(sections) + 1, "*", f"¶{number}", paragraph, where))
            line += size + 1
    return Evidence(sections={"*": sections})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--notes", type=Path, default=Path("../shared/notes"))
    parser.add_argument("--show", action="store_true", help="print every question in full")
    args = parser.parse_args(argv)
    try:
        models = _load(args.files)
    except ItemModelError as error:
        print(f"item model files have problems:\n{error}", file=sys.stderr)
        return 1
    evidence = notes_evidence(args.notes)
    reasons, per_task, accepted = Counter(), Counter(), []
    for model in models:
        drafts = [items.variant_draft(variant, evidence) for variant in variants(model)]
        good = 0
        for draft in drafts:
            found = problems(draft) + draft_gates(draft)
            reasons.update(found)
            if found:
                print(f"REJECTED {draft.key}: {'; '.join(found)}\n    {draft.stem}")
                continue
            good += 1
            accepted.append(draft)
            if args.show:
                _show(draft)
        per_task[model.task] += good
        print(f"{model.where} {model.id}: {good} of {len(drafts)} variants pass")
    for index, earlier in near_duplicates([draft.stem for draft in accepted]).items():
        print(f"NEAR-DUPLICATE {accepted[index].key} repeats {accepted[earlier].key}")
    tasks = ", ".join(f"task {task}: {count}" for task, count in sorted(per_task.items()))
    print(f"\n{len(models)} models, {len(accepted)} questions pass; {tasks}")
    for reason, count in reasons.most_common():
        print(f"  rejected {count}: {reason}")
    return 0


def _load(files: list[Path]):
    if not files:
        return item_models_load(FOLDER)
    with tempfile.TemporaryDirectory() as folder:
        for path in files:
            (Path(folder) / path.name).write_text(path.read_text(encoding="utf-8"))
        return item_models_load(Path(folder))


def _show(draft) -> None:
    print(f"\n--- {draft.key} (task {draft.task}, {draft.service})\n{draft.stem}")
    for option in draft.options:
        print(f"  [{'x' if option.correct else ' '}] {option.text}")
    print(draft.explanation + "\n")


if __name__ == "__main__":
    sys.exit(main())
