from django import template
from django.utils.html import format_html
from django.utils.translation import get_language

from common.markdown import render_markdown

register = template.Library()


@register.filter(name="markdown")
def markdown_filter(text: str):
    """{{ proposal.problem|markdown }}: user Markdown as sanitised HTML."""
    return render_markdown(text)


@register.filter
def localized(obj):
    """{{ member|localized }}: the name (or text) of reference data shown in a page, marked with its language.

    A name kept only in English (or in French) appears in pages of other languages; `lang` lets a
    screen reader pronounce it in its own language (WCAG 3.1.2).
    """
    name = obj.display_name if hasattr(obj, "display_name") else obj.display_text
    language = getattr(obj, "display_language", None)
    if language is None or (get_language() or "en").split("-")[0] == language:
        return name
    return format_html('<span lang="{}">{}</span>', language, name)
