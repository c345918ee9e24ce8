"""Notes written by a test: files in a folder, imported."""

from pathlib import Path

from content.importer.run import notes_import


def import_notes(folder: Path, files: dict[str, str]) -> Path:
    """Write `files` (name -> text) into `folder` and import the folder."""
    folder.mkdir(exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text)
    notes_import(paths=[folder])
    return folder
