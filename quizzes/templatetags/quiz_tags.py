from django import template
from django.utils.safestring import mark_safe

from content.rendering import render_markdown

register = template.Library()


@register.filter
def markdown(text: str) -> str:
    """Render Markdown to sanitized HTML (nh3 cleans it, so it is safe to mark)."""
    return mark_safe(render_markdown(text or ""))


@register.filter
def get_item(mapping: dict, key):
    return mapping.get(key)
