"""A proposal's comments written in Python (consultations.comment_markup) are the markup of the reference template,
includes/_comment.html, byte for byte: for visitors, authors, other participants, points of contact and moderators,
in every language, whatever the comment (hidden, edited, a reply, translated by a machine, its author or an editor,
its author gone)."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.auth.context_processors import PermWrapper
from django.contrib.auth.models import AnonymousUser
from django.template.loader import render_to_string
from django.utils import timezone, translation

from common.content_translations import translation_save
from consultations.comment_markup import comment_html, shared_parts
from consultations.comment_selectors import proposal_comment_page
from tests.factories import UserFactory
from tests.factories.consultations import CommentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(member):
    gone = UserFactory(full_name="Gone Away")
    gone.deleted_at = timezone.now()
    gone.save()
    return {
        "writer": UserFactory(full_name='Ana <b>"Ñandú"</b> & Co'),
        "contact": UserFactory(point_of_contact_of=member, full_name="Official Voice"),
        "gone": gone,
        "editor": UserFactory(full_name="Editor"),
        "other": UserFactory(full_name="Someone Else"),
        "moderator": UserFactory(staff=True, full_name="Moderator"),
    }


@pytest.fixture
def comments(proposal, people):
    writer, contact = people["writer"], people["contact"]
    made = [
        CommentFactory(proposal=proposal, author=writer, body="**Bold** idea with a [link](https://example.org)."),
        CommentFactory(proposal=proposal, author=contact, body="An answer from the *government*.", language="en"),
        CommentFactory(proposal=proposal, author=people["gone"], body="Written before leaving."),
        CommentFactory(proposal=proposal, author=None, body="Nobody's now.", language="es"),
        CommentFactory(proposal=proposal, author=writer, body="Hidden text", is_hidden=True),
        CommentFactory(proposal=proposal, author=writer, body="Fixed typo", edited_at=timezone.now()),
        CommentFactory(proposal=proposal, author=writer, body="Una idea en español.", language="es"),
        CommentFactory(proposal=proposal, author=writer, body="Traduit par un éditeur.", language="fr"),
    ]
    made.append(CommentFactory(proposal=proposal, author=people["other"], parent=made[0], body="A reply <script>"))
    made.append(CommentFactory(proposal=proposal, author=contact, parent=made[4], body="Reply to a hidden one"))
    machine = {"body": "Une idée **audacieuse**."}
    translation_save(made[0], language="fr", texts=machine, translated_by=None, machine_translated=True)
    translation_save(made[0], language="es", texts={"body": "Idea audaz."}, translated_by=writer)
    translation_save(made[6], language="en", texts={"body": "An idea in Spanish."}, translated_by=writer)
    translation_save(made[7], language="en", texts={"body": "Translated by an editor."}, translated_by=people["editor"])
    made[5].__class__.objects.filter(pk=made[5].pk).update(created_at=timezone.now() - timedelta(days=400))
    return made


def _reference(comment, user) -> str:
    return render_to_string("consultations/includes/_comment.html", {"comment": comment, "user": user,
                                                                     "perms": PermWrapper(user)})  # fmt: skip


@pytest.mark.parametrize("language", [code for code, _name in settings.LANGUAGES])
def test_every_comment_is_written_as_the_template_writes_it_for_every_reader(
    proposal, comments, people, language, settings
):
    settings.CONSULTATION_COMMENTS_PER_PAGE = 20
    readers = [AnonymousUser(), *people.values()]
    with translation.override(language):
        page = proposal_comment_page(proposal=proposal, page=1)
        shown = [c for thread in page for c in (thread, *thread.shown_replies)]
        assert len(shown) == len(comments)
        for reader in readers:
            shared = shared_parts()
            for comment in shown:
                assert comment_html(comment, user=reader, shared=shared) == _reference(comment, reader), (
                    reader,
                    comment.body,
                )
    written = {reader.pk: "".join(comment_html(c, user=reader, shared=shared_parts()) for c in shown)
               for reader in (readers[0], people["moderator"])}  # fmt: skip
    assert "comment-actions" not in written[None]
    assert written[people["moderator"].pk].count("/moderation/") == 9  # every comment but the hidden one


def test_the_proposal_page_shows_the_comments_with_their_actions(client, proposal, comments, people):
    client.force_login(people["writer"])
    client.cookies["django_language"] = "fr"
    page = client.get(proposal.get_absolute_url()).content.decode()
    assert "Une idée <strong>audacieuse</strong>." in page and "Traduction automatique" in page
    discussion = page.split('class="comments"')[1]
    assert discussion.count('class="comment comment-reply"') == 2
    assert "<p>A reply" in discussion and "<script>" not in discussion
    assert f'<a href="/comments/{comments[0].pk}/edit/">Modifier</a>' in page  # the writer's own
    assert f"/comments/{comments[8].pk}/edit/" not in page and f'<a href="/comments/{comments[8].pk}/flag/">' in page
