"""Markdown with headings at two or more levels (`#` service, `##` topic, `###` section)."""

from content.importer.structure import Document, RawSection

FORMAT = "markdown"


def score(doc: Document) -> float:
    levels = doc.heading_levels
    below_top = sum(count for level, count in levels.items() if level > min(levels, default=0))
    if len(levels) >= 2 and below_top >= 1:
        return 0.8
    return 0.0


def parse(doc: Document, matcher) -> list[RawSection]:
    """One section per heading; the top level gives context, the next level the topic."""
    headings = doc.headings
    top = min(doc.heading_levels)
    root = [doc.front_matter["title"]] if doc.front_matter.get("title") else []
    sections: list[RawSection] = []
    if headings and headings[0].index > 0:
        preface = doc.body_lines(0, headings[0].index)
        if any(not line.blank for line in preface):
            title = root[0] if root else "Introduction"
            sections.append(
                RawSection(title=title, lines=preface, context=root, context_service_title=title)
            )
    stack: list[tuple[int, str]] = []  # open headings (level, title)
    for position, heading in enumerate(headings):
        end = headings[position + 1].index if position + 1 < len(headings) else len(doc.lines)
        while stack and stack[-1][0] >= heading.level:
            stack.pop()
        context = root + [title for _, title in stack]
        topic = next((title for level, title in stack if level == top + 1), None)
        stack.append((heading.level, heading.title))
        sections.append(
            RawSection(
                title=heading.title,
                lines=doc.body_lines(heading.index + 1, end),
                heading_line=doc.lines[heading.index].no,
                context=context,
                topic_title=topic,
                context_service_title=" / ".join(context) or None,
                strong_context=True,
            )
        )
    return sections
