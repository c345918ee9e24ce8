"""From a notes file's text to classified, normalized sections: pure, no database."""

from __future__ import annotations

from dataclasses import dataclass, field

from content.importer import essay, markdown, outline, plain, slides, stripped
from content.importer.classify import ServiceMatcher, classify, is_todo, topic_key
from content.importer.examnotes import ExamNoteData, extract
from content.importer.normalize import normalize
from content.importer.structure import Document
from content.importer.text import NotesError, clean_lines, repair

# Tried in this order; the highest score wins, the first one on a tie.
ADAPTERS = [slides, markdown, outline, stripped, essay, plain]
GENERAL = "general"
OVERVIEW_KEY = "overview"


@dataclass
class ParsedSection:
    title: str
    service: str  # slug
    topic_title: str
    topic_key: str
    body: str
    flags: list[str]
    heading_path: list[str]
    line_start: int
    line_end: int
    exam_notes: list[ExamNoteData] = field(default_factory=list)
    mergeable: bool = False


@dataclass
class ParsedNotes:
    format: str
    sections: list[ParsedSection]
    line_count: int
    warnings: list[str]


def detect_format(doc: Document):
    """The adapter module that fits the document's structure best."""
    return max(ADAPTERS, key=lambda adapter: adapter.score(doc))


def parse_notes(text: str, matcher: ServiceMatcher) -> ParsedNotes:
    """Repair, split, normalize and classify one file's text."""
    warnings = []
    repaired = repair(text)
    if repaired != text:
        changed = sum(
            1 for a, b in zip(text.split("\n"), repaired.split("\n"), strict=False) if a != b
        )
        warnings.append(f"repaired mojibake on {changed} lines")
    doc = Document.from_lines(clean_lines(repaired))
    if not doc.content_lines:
        raise NotesError("the file has no text")
    adapter = detect_format(doc)
    sections: list[ParsedSection] = []
    bodies: list[list[str]] = []  # each section's body in pieces, joined once at the end
    previous: tuple[str | None, str] | None = None  # (context, service) of the last section
    for raw in adapter.parse(doc, matcher):
        if is_todo(raw.title) or any(is_todo(title) for title in raw.context[:1]):
            continue
        body, flags = normalize(raw.lines)
        if not body.strip():
            continue
        context = raw.context_service_title
        same_context = previous is not None and previous[0] == context
        service = classify(
            matcher=matcher,
            title=raw.title,
            body=body,
            context_title=context,
            previous=previous[1] if same_context else None,
            fallback=GENERAL,
            strong_context=raw.strong_context,
            follows_previous=raw.follows_previous,
        )
        previous = (context, service)
        last = sections[-1] if sections else None
        if raw.mergeable and last and last.mergeable and last.service == service:
            bodies[-1].append(body)
            last.flags = sorted(set(last.flags) | set(flags))
            last.line_end = raw.line_end
            last.exam_notes.extend(extract(raw.original_lines or raw.lines))
            continue
        title = raw.title or _derived_title(matcher, service, context)
        topic_title = raw.topic_title or title
        key = topic_key(matcher, topic_title, service) or OVERVIEW_KEY
        if key == OVERVIEW_KEY:
            topic_title = "Overview"
        sections.append(
            ParsedSection(
                title=title[:255],
                service=service,
                topic_title=topic_title[:255],
                topic_key=key,
                body=body,
                flags=flags,
                heading_path=[item[:255] for item in raw.context if item],
                line_start=raw.line_start,
                line_end=raw.line_end,
                exam_notes=extract(raw.original_lines or raw.lines),
                mergeable=raw.mergeable,
            )
        )
        bodies.append([body])
    for section, pieces in zip(sections, bodies, strict=True):
        section.body = "\n\n".join(pieces)
    if not sections:
        warnings.append("no sections with content were found")
    incomplete = sum(1 for section in sections if "incomplete" in section.flags)
    if incomplete:
        warnings.append(f"{incomplete} sections flagged incomplete (content lost in the notes)")
    fragments = sum(1 for section in sections if "code_fragment" in section.flags)
    if fragments:
        warnings.append(f"{fragments} sections hold broken code fragments")
    return ParsedNotes(
        format=adapter.FORMAT,
        sections=sections,
        line_count=len(text.split("\n")),
        warnings=warnings,
    )


def _derived_title(matcher: ServiceMatcher, service: str, context: str | None) -> str:
    """Title for a piece whose heading was lost: its service, or the heading above it."""
    if context and service in matcher.services_named(context):
        return context
    return matcher.services[service].short_name if service in matcher.services else "Notes"
