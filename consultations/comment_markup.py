"""A proposal's comments written in Python: the markup of templates/consultations/includes/_comment.html (and of
includes/_translation_note.html in it), byte for byte, without the template engine.

A page of the discussion shows 20 threads and their replies: through the include, each comment cost about 0.13 ms of
variable lookups, filters, translation tags and permission tags, more than reading the page. The template stays the
reference: tests render both on the same comments, for visitors, authors and moderators, in every language, and
compare them (tests/consultations/test_comment_markup.py).
"""

from django.utils import dateformat
from django.utils.safestring import SafeString
from django.utils.translation import get_language_info, gettext, pgettext

from common.html import SharedParts, joined
from common.html import template_value as _value
from common.markdown import render_markdown
from common.templatetags.markup import content_language
from common.translations import shown_in


def shared_parts() -> SharedParts:
    """What the comments of one page share: their texts in the page's language."""
    return SharedParts(
        hidden=gettext("This comment was hidden by moderation."),
        deleted=gettext("deleted account"),
        official=f' <span class="badge badge-official">{gettext("Point of contact")}</span>',
        edited=f' · <span class="muted">{gettext("edited")}</span>',
        machine=f'<span class="badge badge-machine">{gettext("Machine translation")}</span> ',
        edit=gettext("Edit"),
        translate=gettext("Translate"),
        flag=pgettext("flag for moderation", "Report"),
        moderate=pgettext("open the moderation page", "Moderate"),
    )


def _language_name(shared: SharedParts, code) -> str:
    return shared.keep(("language", code), lambda: _value(get_language_info(code)["name_translated"]))


def _translation_note(shown, shared: SharedParts) -> str:
    """includes/_translation_note.html for a translated comment."""
    language = _language_name(shared, shown.original.content_language)
    if shown.by_author:
        text = gettext("Translated from %(language)s by its author.")
    elif shown.by_editors:
        text = gettext("Translated from %(language)s by the portal's editors.")
    else:
        text = gettext("Translated from %(language)s.")
    machine = shared.labels["machine"] if shown.machine_translated else ""
    return f'<p class="translation-note">{machine}{text % {"language": language}}</p>\n'


def _texts(comment, shared: SharedParts) -> str:
    shown = shown_in(comment)
    body = f'\n  <div class="prose"{shared.lang(content_language(shown))}>{render_markdown(shown.body)}</div>\n  '
    if shown.is_original:
        return body
    summary = gettext("Show the original (%(language)s)") % {"language": _language_name(shared, comment.language)}
    return (
        f"{body}{_translation_note(shown, shared)}\n"
        f'  <details class="original-text"><summary>{summary}</summary>\n'
        f'    <div class="prose" lang="{_value(comment.language)}">{render_markdown(comment.body)}</div>\n'
        "  </details>\n  "
    )


def _actions(comment, user, shared: SharedParts) -> str:
    labels, pk = shared.labels, comment.pk
    links = [
        f'<a href="{_value(shared.url(name, pk))}">{labels[label]}</a>' if user.has_perm(rule, comment) else ""
        for rule, name, label in (
            ("consultations.edit_comment", "consultations:comment-update", "edit"),
            ("consultations.translate_comment", "consultations:comment-translation", "translate"),
            ("consultations.flag_comment", "consultations:comment-flag", "flag"),
        )
    ]
    moderate = shared.keep("moderator", lambda: user.has_perm("consultations.moderate"))
    address = _value(shared.url("consultations:moderation-comment", pk))
    links.append(f'<a href="{address}">{labels["moderate"]}</a>' if moderate else "")
    return '\n  <div class="comment-actions">\n    ' + "\n    ".join(links) + "\n  </div>\n  "


def comment_html(comment, *, user, shared: SharedParts) -> SafeString:
    """One comment's <article>, as the include renders it for this user (its actions when signed in)."""
    reply = " comment-reply" if comment.parent_id else ""
    parts = [f'\n<article class="comment{reply}" id="comment-{comment.pk}">\n  ']
    if comment.is_hidden:
        parts.append(f'\n  <p class="muted comment-hidden">{shared.labels["hidden"]}</p>\n  ')
    else:
        author = comment.author
        name = _value(author.public_name) if author is not None and author.public_name else shared.labels["deleted"]
        official = shared.labels["official"] if author is not None and author.is_point_of_contact else ""
        created = shared.local(comment.created_at)
        parts.append(
            f'\n  <header class="comment-meta"><strong>{name}</strong>{official} · <time datetime="'
            f'{_value(dateformat.format(created, "c"))}">{_value(dateformat.format(created, "j M Y, H:i"))}</time>'
            f"{shared.labels['edited'] if comment.edited_at else ''}</header>\n  "
        )
        parts.append(_texts(comment, shared))
        parts.append("\n  ")
        if user.is_authenticated:
            parts.append(_actions(comment, user, shared))
        parts.append("\n  ")
    parts.append("\n</article>\n")
    return joined(parts)
