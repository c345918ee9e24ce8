"""Plain-text essays (exported chat answers): no heading markup at all.

Titles are standalone short lines. A title that names a service starts a new topic; the
titles after it that name none ("Why Use Nested Stacks?") are sections of that topic.
"""

import re

from content.importer.stripped import split_body
from content.importer.structure import Document, RawSection, is_standalone, looks_like_title

FORMAT = "essay"

# Sub-section titles that name a service without starting a new subject.
SUBSECTION_PREFIX = re.compile(r"^(?:step\s*\d+|example|scenario|\d+[.)])", re.I)


def score(doc: Document) -> float:
    if doc.headings:
        return 0.0
    titles = sum(
        1
        for index, line in enumerate(doc.lines)
        if not doc.in_fence[index]
        and looks_like_title(line.text)
        and is_standalone(doc.lines, index)
    )
    return 0.5 if titles >= 2 else 0.0


def parse(doc: Document, matcher) -> list[RawSection]:
    sections: list[RawSection] = []
    topic: str | None = None
    for title, title_line, lines in split_body(doc.lines, gaps=False):
        if title and _starts_topic(matcher, title, topic):
            topic = title
            sections.append(
                RawSection(
                    title=title, lines=lines, heading_line=title_line, context_service_title=title
                )
            )
            continue
        sections.append(
            RawSection(
                title=title or topic or "Notes",
                lines=lines,
                heading_line=title_line,
                context=[topic] if topic else [],
                topic_title=topic,
                context_service_title=topic,
                strong_context=True,
            )
        )
    return sections


def _starts_topic(matcher, title: str, topic: str | None) -> bool:
    """A title that names a service, or points to another service than the current topic."""
    if SUBSECTION_PREFIX.match(title):
        return False
    if matcher.services_named(title):
        return True
    pointed = [slug for slug, _ in matcher.mentions(title).most_common(1)]
    current = [slug for slug, _ in matcher.mentions(topic or "").most_common(1)]
    return bool(pointed) and pointed != current
