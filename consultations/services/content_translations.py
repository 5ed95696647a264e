"""Translations of consultations, reasoned responses and comments (common.content_translations does the work).

Who may translate is checked by the edges (consultations.rules: translate_consultation, translate_proposalresponse,
translate_comment); the service refuses the original's language, a language the site does not have, and the
rewriting of a comment author's own translation by anyone but them or staff (`Comment.translation_owner_id`).
"""

from common.content_translations import machine_translate_later, translations_outdated


def source_of(obj, fields: tuple[str, ...]) -> dict:
    """The texts a translation renders and the language they are in, before an edit (compared after it)."""
    return {name: getattr(obj, name) for name in fields}


def translations_follow_edit(obj, before: dict | None = None) -> None:
    """After a write of `obj`: when its texts or language changed, people's translations no longer say what it says
    (removed; their history keeps them); then the machine, when on, fills the missing languages of public content.
    `before`: source_of() the object before the write (None for a new object)."""
    if before is not None and any(getattr(obj, name) != value for name, value in before.items()):
        translations_outdated(obj)
    machine_translate_later(obj)


# The fields of each model whose change makes its translations stale.
CONSULTATION_SOURCE = ("title", "description", "language")
RESPONSE_SOURCE = ("reasons", "language")
COMMENT_SOURCE = ("body", "language")
