from django import template
from django.utils.html import format_html
from django.utils.translation import get_language

from common.markdown import render_markdown
from common.models import page_language
from common.translations import shown_in

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


def content_language(obj) -> str | None:
    """The language a piece of content is written in: a code, a values() row's `language`, or the object's."""
    if obj is None or isinstance(obj, str):
        return obj or None
    if isinstance(obj, dict):
        return obj.get("language")
    return getattr(obj, "content_language", None) or getattr(obj, "language", None)


@register.filter
def lang_attr(obj):
    """<h2{{ proposal|lang_attr }}>: ` lang="es"` when the content is not in the page's language, else nothing.

    Content is written in one language (the plan's for commitments, milestones and progress); a screen reader
    reads it in that language's voice (WCAG 3.1.2, language of parts).
    """
    language = content_language(obj)
    if not language or language == page_language():
        return ""
    return format_html(' lang="{}"', language)


@register.filter
def translated(obj):
    """{% with shown=proposal|translated %}: the texts in the page's language when translated, else the original.

    `shown.title`, `shown.is_original`, `shown.machine_translated`, `{{ shown|lang_attr }}`; the object's
    `translations` are read from its prefetch (common/translations.py).
    """
    return shown_in(obj)
