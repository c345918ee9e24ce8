"""Slide-deck exports: every slide starts with `# Title`, continuation slides repeat it.

Consecutive slides with one title become one section; slides with no content (section
intros, lab and demo titles, diagram-only slides) are dropped, and a slide body seen
before is kept once. `# SECTION N` chapter markers only give context.
"""

import hashlib
import re

from content.importer.structure import Document, RawSection

FORMAT = "slides"

CHAPTER = re.compile(r"^(?:section|chapter|module|part)\s+\d+\b", re.I)
SEPARATOR = re.compile(r"^\s*+(?:-{3,}|\*{3,}|_{3,})\s*$")


def score(doc: Document) -> float:
    titles = [heading.title for heading in doc.headings if heading.level == 1]
    if len(titles) < 10:
        return 0.0
    repeats = sum(1 for before, after in zip(titles, titles[1:], strict=False) if before == after)
    separators = sum(1 for line in doc.lines if SEPARATOR.match(line.text))
    if repeats / len(titles) >= 0.1 or separators >= len(titles) / 4:
        return 0.9
    return 0.0


def parse(doc: Document, matcher) -> list[RawSection]:
    h1s = [heading for heading in doc.headings if heading.level == 1]
    chapter: str | None = None
    runs: list[RawSection] = []
    seen: set[str] = set()
    for position, heading in enumerate(h1s):
        end = h1s[position + 1].index if position + 1 < len(h1s) else len(doc.lines)
        body = [
            line
            for index, line in enumerate(doc.lines[heading.index + 1 : end], heading.index + 1)
            if doc.in_fence[index] or not SEPARATOR.match(line.text)
        ]
        if CHAPTER.match(heading.title):
            chapter = _chapter_title(body) or heading.title
            continue
        digest = _digest(body)
        if digest in seen:
            body = []  # a slide repeated verbatim elsewhere in the deck
        elif digest:
            seen.add(digest)
        if runs and runs[-1].title == heading.title:
            runs[-1].lines.extend(body)
            continue
        runs.append(
            RawSection(
                title=heading.title,
                lines=body,
                heading_line=doc.lines[heading.index].no,
                context=[chapter] if chapter else [],
                context_service_title=chapter,
            )
        )
    return [run for run in runs if run.has_content]


def _digest(body) -> str:
    text = "\n".join(line.text.strip() for line in body if not line.blank)
    return hashlib.sha256(text.encode()).hexdigest() if text else ""


def _chapter_title(body) -> str | None:
    """A chapter marker's title: its first line of text (an H2 or a plain line)."""
    for line in body:
        if not line.blank:
            return line.text.lstrip("#").strip()
    return None
