"""The paragraphs of a draft version's page, written in Python: the markup of
drafting/templates/drafting/includes/_paragraph.html, byte for byte, without the template engine.

A version of a national plan holds about 200 paragraphs: through the template, each one's lookups, choice label
and two plural translations cost more than the page's queries. The template stays the reference:
tests/drafting/test_page_rows.py renders both on the same versions, in every language, and compares them.
"""

import functools
from collections.abc import Callable

from django.utils.safestring import SafeString
from django.utils.translation import get_language, ngettext

from common.html import joined
from common.html import template_value as _value
from drafting.models import DraftParagraph

_PARAGRAPH = (
    '<div class="draft-paragraph{opened}" id="p-{pk}">\n'
    '    <p><span class="draft-section">{section}</span> {text}</p>\n'
    '    <p class="draft-paragraph-links"><a href="?paragraph={shown_pk}#p-{pk}"{current}>'
    "{comments}{amendments}</a></p>\n"
    "    {thread}\n"
    "  </div>\n"
)


class _Counts(dict):
    """{% blocktranslate count %} of one sentence, written once per number on the page."""

    def __init__(self, singular: str, plural: str):
        super().__init__()
        self.singular, self.plural = singular, plural

    def __missing__(self, number):
        self[number] = ngettext(self.singular, self.plural, number) % {"counter": _value(number)}
        return self[number]


@functools.cache
def _section_labels(language: str | None) -> dict:
    """{{ paragraph.get_section_display }} of each section, in `language` (the active one): written once per
    process and language, not for each commitment of each page."""
    return {value: _value(str(label)) for value, label in DraftParagraph.Section.choices}


def paragraphs(rows: list[DraftParagraph], opened: int | None, thread: Callable[[DraftParagraph], str]) -> SafeString:
    """The version's paragraphs (drafting.selectors.version_text), the one `opened` with its thread (`thread`
    renders drafting/includes/_thread.html for it)."""
    sections = _section_labels(get_language())
    comments = _Counts("%(counter)s comment", "%(counter)s comments")
    amendments = _Counts("%(counter)s amendment awaiting a decision", "%(counter)s amendments awaiting a decision")
    parts = []
    for paragraph in rows:
        is_opened = paragraph.pk == opened
        awaiting = paragraph.open_amendments
        parts.append(
            _PARAGRAPH.format(
                opened=" is-open" if is_opened else "",
                pk=paragraph.pk,  # in the anchor ({{ paragraph.anchor }}: a text, never grouped in thousands)
                shown_pk=_value(paragraph.pk),
                section=sections.get(paragraph.section) or _value(paragraph.section),
                text=_value(paragraph.text),
                current=' aria-current="true"' if is_opened else "",
                comments=comments[paragraph.comment_count],
                amendments=f", {amendments[awaiting]}" if awaiting else "",
                thread=thread(paragraph) if is_opened else "",
            )
        )
    return joined(parts)
