"""Which files an import reads: the notes files in the folders and files given, each with its
identity (the folder's name and the path inside it), what is skipped and why, and the report
line each file gets."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path

NOTE_SUFFIXES = (".md", ".markdown", ".txt")
SPECIAL_FILES = [
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
]


@dataclass
class FileReport:
    path: str  # where it was read from
    name: str
    status: str  # imported, unchanged, moved, failed, removed, skipped
    source: str = ""  # its identity: folder name / path inside it
    format: str = ""
    sections: int = 0
    topics: int = 0
    services: int = 0
    exam_notes: int = 0
    warnings: list[str] = field(default_factory=list)
    error: str = ""

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class NoteFile:
    location: Path  # where it is read from
    collection: str  # the imported folder's name
    path: str  # POSIX path inside that folder

    @property
    def identity(self) -> str:
        return f"{self.collection}/{self.path}"

    @property
    def where(self) -> str:
        """The location as text that can be stored (undecodable bytes as \\xNN)."""
        return _shown(self.location)


@dataclass(frozen=True)
class Skipped:
    location: str
    reason: str


@dataclass
class Folder:
    """A folder imported whole: sources of its collection that it no longer holds are removed,
    unless part of it could not be listed."""

    collection: str
    location: Path
    complete: bool = True


@dataclass
class Found:
    files: list[NoteFile] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    folders: list[Folder] = field(default_factory=list)
    # (collection, path) of notes files skipped for now (a link, a FIFO in their place): what
    # they imported before stays, as for a file that cannot be read.
    kept: set[tuple[str, str]] = field(default_factory=set)


def find_note_files(paths: Iterable[str | Path], *, collection: str | None = None) -> Found:
    """Expand files and folders (recursively) into notes files. Hidden files and folders are
    left out silently; links, special files and other kinds of files are listed as skipped.
    A folder's files belong to the collection named after it (or `collection`); a single file
    to the one named after its parent folder."""
    found = Found()
    for given in paths:
        location = Path(os.path.abspath(given))
        if location.is_dir():
            _walk(location, collection or _shown(Path(_folder_name(location))), found)
        else:  # named explicitly: read it even through a link (refused later if not a file)
            name = collection or _shown(Path(_folder_name(location.parent)))
            found.files.append(NoteFile(location, name, _shown(Path(location.name))))
    return found


BAD_NAME = "the file name is not valid UTF-8: rename it"


def _utf8(name: str) -> bool:
    """Whether a name read from the disk is valid UTF-8 (others come as lone surrogates)."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _shown(path: Path) -> str:
    """A path for the report, undecodable bytes shown as \\xNN."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def _folder_name(folder: Path) -> str:
    return folder.name or folder.resolve().name or "notes"


def _walk(location: Path, collection: str, found: Found) -> None:
    root = location.resolve()
    folder = Folder(collection, location)
    found.folders.append(folder)

    def unreadable(error: OSError) -> None:
        folder.complete = False
        found.skipped.append(Skipped(str(error.filename), f"cannot be listed ({error.strerror})"))

    for directory, subfolders, names in os.walk(root, onerror=unreadable):
        here = Path(directory)
        kept = []
        for name in sorted(subfolders):
            if name.startswith("."):
                continue
            if not _utf8(name):
                found.skipped.append(Skipped(_shown(here / name), BAD_NAME))
            elif (here / name).is_symlink():  # os.walk does not follow it
                found.skipped.append(Skipped(str(here / name), "a link to a folder: not followed"))
            else:
                kept.append(name)
        subfolders[:] = kept
        for name in sorted(names):
            if name.startswith("."):
                continue
            file = here / name
            path = file.relative_to(root).as_posix()
            reason = _skip_reason(file, root) if _utf8(name) else BAD_NAME
            if not reason:
                found.files.append(NoteFile(file, collection, path))
                continue
            found.skipped.append(Skipped(_shown(file), reason))
            if reason != BAD_NAME and name.lower().endswith(NOTE_SUFFIXES):
                found.kept.add((collection, path))  # a notes file we cannot read now


def _skip_reason(file: Path, root: Path) -> str:
    """Why a file found in a folder is not imported ("" when it is)."""
    try:
        mode = os.lstat(file).st_mode
    except OSError as exc:
        return f"cannot be read ({exc.strerror})"
    if stat.S_ISLNK(mode):
        target = file.resolve()
        if not target.exists():
            return "a link to a file that does not exist"
        if not target.is_relative_to(root):
            return "a link to a file outside the imported folder: not followed"
        return f"a link to {target.relative_to(root).as_posix()}, which is imported as itself"
    for test, kind in SPECIAL_FILES:
        if test(mode):
            return f"not a regular file ({kind})"
    if not file.name.lower().endswith(NOTE_SUFFIXES):
        suffix = file.suffix or "no extension"
        return f"not a notes file ({suffix}; notes are {', '.join(NOTE_SUFFIXES)})"
    return ""
