"""What the notes say: the imported sections and exam notes, loaded once for generation."""

from __future__ import annotations

import re
from dataclasses import dataclass, field


@dataclass(frozen=True)
class SectionText:
    id: int
    service: str
    title: str
    text: str
    where: str  # "file.txt:10-20"


@dataclass(frozen=True)
class NoteData:
    id: int
    kind: str
    service: str
    section: int
    section_title: str
    text: str
    correct: tuple[str, ...]
    incorrect: tuple[tuple[str, str], ...]
    where: str


@dataclass
class Evidence:
    """Sections by service, and the exam notes, as plain values (pure generation)."""

    sections: dict[str, list[SectionText]] = field(default_factory=dict)
    notes: list[NoteData] = field(default_factory=list)

    def all_sections(self) -> list[SectionText]:
        """Every section, of every service, in a stable order."""
        return [section for sections in self.sections.values() for section in sections]

    def find(self, service: str, pattern: str, limit: int = 2) -> list[SectionText]:
        """Sections of a service whose text matches, the ones matching most first."""
        regex = re.compile(pattern)
        scored = []
        for section in self.sections.get(service, []):
            hits = len(regex.findall(section.text))
            if hits:
                scored.append((-hits, section.id, section))
        return [section for _, _, section in sorted(scored)[:limit]]

    def quote(self, section: SectionText, pattern: str) -> str:
        """The first line of a section that matches, trimmed, for an explanation."""
        return quote_line(section.text, re.compile(pattern))


QUOTE_LIMIT = 240


def quote_line(text: str, regex: re.Pattern, min_words: int = 1) -> str:
    """The first line of the text that matches (and has `min_words` words or more), without
    Markdown emphasis: whole if short, else the sentence that holds the match, else trimmed
    around the match to QUOTE_LIMIT characters."""
    for line in text.splitlines():
        if len(line.split()) < min_words or not regex.search(line):
            continue
        line = " ".join(line.replace("**", "").split()).strip(" -*•")
        match = regex.search(line)
        if not match:
            continue  # the pattern needed the emphasis: no clean quote in this line
        if len(line) <= QUOTE_LIMIT:
            return line
        line = _sentence_around(line, match)
        if len(line) <= QUOTE_LIMIT:
            return line
        match = regex.search(line) or match
        start = max(0, match.start() - QUOTE_LIMIT // 2)
        piece = line[start : start + QUOTE_LIMIT]
        if start:
            piece = "… " + piece.split(" ", 1)[-1]
        return piece.rsplit(" ", 1)[0] + " …"
    return ""


def _sentence_around(line: str, match: re.Match) -> str:
    """The sentence of a long line that holds the match (the whole line if none ends)."""
    start = line.rfind(". ", 0, match.start()) + 2 if ". " in line[: match.start()] else 0
    end = line.find(". ", match.end())
    return line[start : end + 1 if end != -1 else len(line)].strip()


def load_evidence() -> Evidence:
    """Read the imported notes from the database."""
    from content.models import ExamNote, Section

    evidence = Evidence()
    rows = Section.objects.values_list(
        "id", "service__slug", "title", "text", "source__name", "line_start", "line_end"
    ).order_by("id")
    for pk, service, title, text, source, start, end in rows:
        evidence.sections.setdefault(service, []).append(
            SectionText(pk, service, title, text, f"{source}:{start}-{end}")
        )
    for note in ExamNote.objects.select_related("service", "source", "section").order_by("id"):
        evidence.notes.append(
            NoteData(
                id=note.pk,
                kind=note.kind,
                service=note.service.slug,
                section=note.section_id,
                section_title=note.section.title,
                text=note.text,
                correct=tuple(note.correct),
                incorrect=tuple((item["text"], item.get("reason", "")) for item in note.incorrect),
                where=f"{note.source.name}:{note.line_start}-{note.line_end}",
            )
        )
    return evidence
