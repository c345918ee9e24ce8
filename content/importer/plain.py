"""Fallback for text with no structure this importer recognises: one section per file."""

from content.importer.structure import Document, RawSection, looks_like_title

FORMAT = "plain"


def score(doc: Document) -> float:
    return 0.1 if doc.content_lines else 0.0


def parse(doc: Document, matcher) -> list[RawSection]:
    first = doc.content_lines[0]
    if looks_like_title(first.text):
        body = [line for line in doc.lines if line.no != first.no]
        return [RawSection(title=first.text.strip(), lines=body, heading_line=first.no)]
    title = doc.front_matter.get("title") or " ".join(first.text.split()[:8])
    return [RawSection(title=title, lines=doc.lines)]
