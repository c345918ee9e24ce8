"""Markdown whose sub-headings were stripped: only one heading level survives.

Under each heading the text is split again where a sub-heading used to be: at a standalone
title-like line, or at a gap of two or more blank lines. The classifier then decides for
each piece which service it is about, whatever heading it sat under.
"""

from content.importer.structure import (
    Document,
    RawSection,
    is_standalone,
    looks_like_title,
    title_text,
)
from content.importer.text import FENCE, Line

FORMAT = "stripped"


def score(doc: Document) -> float:
    levels = doc.heading_levels
    if len(levels) == 1 and sum(levels.values()) >= 2:
        return 0.7
    return 0.0


def parse(doc: Document, matcher) -> list[RawSection]:
    headings = doc.headings
    sections: list[RawSection] = []
    bounds = [(None, 0)] + [(heading, heading.index) for heading in headings]
    for position, (heading, start) in enumerate(bounds):
        end = bounds[position + 1][1] if position + 1 < len(bounds) else len(doc.lines)
        body = doc.body_lines(start, end)
        if heading is None and not any(not line.blank for line in body):
            continue
        title = heading.title if heading else "Introduction"
        heading_line = doc.lines[heading.index].no if heading else None
        pieces = split_body(body, gaps=True)
        if not matcher.mentions(title):
            # A grab-bag heading ("Misc", "Encryption"): classify it paragraph by paragraph.
            pieces = [
                (sub_title, sub_line, paragraph) if number == 0 else (None, None, paragraph)
                for sub_title, sub_line, lines in pieces
                for number, paragraph in enumerate(_paragraphs(lines))
            ]
        for number, (sub_title, sub_line, lines) in enumerate(pieces):
            if number == 0 and sub_title is None:
                sections.append(
                    RawSection(
                        title=title,
                        lines=lines,
                        heading_line=heading_line,
                        context_service_title=title,
                        mergeable=not matcher.mentions(title),
                    )
                )
            else:
                sections.append(
                    RawSection(
                        title=sub_title or "",
                        lines=lines,
                        heading_line=sub_line,
                        context=[title],
                        context_service_title=title,
                        follows_previous=True,
                        mergeable=sub_title is None,
                    )
                )
    return sections


def split_body(lines: list[Line], *, gaps: bool) -> list[tuple[str | None, int | None, list[Line]]]:
    """Split a heading's body into (title, title line number, lines) pieces at lost headings."""
    pieces: list[tuple[str | None, int | None, list[Line]]] = [(None, None, [])]
    blank_run = 0
    in_fence = False
    has_text = False  # the last piece has a non-blank line (kept, not searched for each line)
    for index, line in enumerate(lines):
        if line.blank:
            blank_run += 1
            pieces[-1][2].append(line)
            continue
        if FENCE.match(line.text):
            in_fence = not in_fence
        elif not in_fence:
            if (
                looks_like_title(line.text)
                and is_standalone(lines, index)
                and _followed(lines, index)
            ):
                pieces.append((title_text(line.text), line.no, []))
                blank_run = 0
                has_text = False
                continue
            if gaps and blank_run >= 2 and has_text:
                pieces.append((None, None, []))
        blank_run = 0
        pieces[-1][2].append(line)
        has_text = True
    return [piece for piece in pieces if any(not line.blank for line in piece[2])]


def _paragraphs(lines: list[Line]) -> list[list[Line]]:
    """Split into paragraphs at blank lines; a list or code block stays with the paragraph
    before it."""
    paragraphs: list[list[Line]] = [[]]
    in_fence = False
    blank = False
    has_text = False  # the last paragraph has a non-blank line
    for line in lines:
        if line.blank:
            blank = True
            paragraphs[-1].append(line)
            continue
        fence = FENCE.match(line.text)
        attaches = in_fence or fence or line.text.lstrip().startswith(("-", "*", "|", ">"))
        if blank and not attaches and has_text:
            paragraphs.append([])
        if fence:
            in_fence = not in_fence
        blank = False
        paragraphs[-1].append(line)
        has_text = True
    return [paragraph for paragraph in paragraphs if any(not line.blank for line in paragraph)]


def _followed(lines: list[Line], index: int) -> bool:
    """A title needs text after it: not another title, not the end, and not straight away
    a code block (then it is the caption of that code: "ParentTemplate.yaml")."""
    for following in range(index + 1, len(lines)):
        line = lines[following]
        if line.blank:
            continue
        if FENCE.match(line.text):
            return False
        return not (looks_like_title(line.text) and is_standalone(lines, following))
    return False
