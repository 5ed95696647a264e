"""Versions, comments and amendments: the rules a participant and a point of contact meet."""

import pytest
from django.core.exceptions import ValidationError

from drafting.models import Amendment, DraftParagraph, DraftVersion
from drafting.services import amendments, comments
from drafting.services.versions import version_create, version_publish
from tests.factories import UserFactory
from tests.factories.drafting import draft_review, unverified_user

pytestmark = pytest.mark.django_db


def test_version_one_copies_each_commitment_in_paragraphs_with_stable_keys(version):
    """Each text block and each milestone is a paragraph; keys name the section and the position."""
    copy = version.commitments.get()
    keys = list(copy.paragraphs.values_list("key", flat=True))
    assert keys[:2] == ["objective-1", "objective-2"]
    assert keys[2].startswith("m")
    assert version.number == 1 and version.is_published


def test_next_version_takes_the_accepted_amendments_and_only_them(version, paragraph, participant, point_of_contact):
    """An accepted wording replaces its paragraph under the same key; a rejected one changes nothing; an accepted
    milestone is added; each accepted amendment enters one version only."""
    other = version.commitments.get().paragraphs.get(key="objective-2")
    accepted = amendments.amendment_propose(author=participant, paragraph=paragraph, text="Publish every contract.")
    rejected = amendments.amendment_propose(author=participant, paragraph=other, text="Close the data.")
    milestone = amendments.amendment_propose(
        author=participant, draft_commitment=paragraph.draft_commitment, text="Train the district clerks"
    )
    for item, state in ((accepted, "accepted"), (rejected, "rejected"), (milestone, "accepted")):
        amendments.amendment_decide(amendment=item, user=point_of_contact, state=state, reason="Because.")
    second = version_publish(
        version=version_create(consultation=version.consultation, user=point_of_contact), user=point_of_contact
    )
    texts = dict(DraftParagraph.objects.filter(draft_commitment__version=second).values_list("key", "text"))
    assert texts["objective-1"] == "Publish every contract."
    assert texts["objective-2"] == "Open the data for reuse."
    assert texts[f"a{milestone.pk}"] == "Train the district clerks"
    accepted.refresh_from_db()
    assert accepted.applied_in == second
    third = version_create(consultation=version.consultation, user=point_of_contact)
    assert DraftParagraph.objects.get(draft_commitment__version=third, key="objective-1").text == accepted.text


def test_a_new_version_waits_for_the_previous_to_be_published(version, point_of_contact):
    version_create(consultation=version.consultation, user=point_of_contact)
    with pytest.raises(ValidationError, match="not published yet"):
        version_create(consultation=version.consultation, user=point_of_contact)


def test_versions_belong_to_a_draft_review(plan, point_of_contact):
    from tests.factories.consultations import ConsultationFactory

    with pytest.raises(ValidationError, match="review of the draft plan"):
        version_create(consultation=ConsultationFactory(action_plan=plan), user=point_of_contact)


def test_amendment_to_a_closed_review_is_refused_with_a_message(plan, point_of_contact, participant):
    from tests.factories.drafting import published_draft

    review = draft_review(action_plan=plan, closed=True)
    version = published_draft(action_plan=plan, review=review, poc=point_of_contact)
    paragraph = version.commitments.get().paragraphs.first()
    with pytest.raises(ValidationError, match="review of this draft is closed"):
        amendments.amendment_propose(author=participant, paragraph=paragraph, text="Other words")


def test_amendment_to_a_paragraph_of_an_older_version_is_refused(version, paragraph, participant, point_of_contact):
    version_publish(
        version=version_create(consultation=version.consultation, user=point_of_contact), user=point_of_contact
    )
    with pytest.raises(ValidationError, match="belongs to version 1 of the draft; version 2 replaced it"):
        amendments.amendment_propose(author=participant, paragraph=paragraph, text="Other words")


def test_amendment_by_an_unverified_account_is_refused(paragraph):
    unverified = unverified_user()
    with pytest.raises(ValidationError, match="e-mail address is verified"):
        amendments.amendment_propose(author=unverified, paragraph=paragraph, text="Other words")
    assert not Amendment.objects.exists()


def test_decision_needs_a_public_reason_and_mails_the_author(paragraph, participant, point_of_contact):
    from common.models import OutgoingEmail

    amendment = amendments.amendment_propose(author=participant, paragraph=paragraph, text="Other words")
    with pytest.raises(ValidationError):
        amendments.amendment_decide(amendment=amendment, user=point_of_contact, state="accepted", reason=" ")
    amendments.amendment_decide(amendment=amendment, user=point_of_contact, state="rejected", reason="Out of scope.")
    amendment.refresh_from_db()
    assert (amendment.state, amendment.reason) == ("rejected", "Out of scope.")
    [mail] = OutgoingEmail.objects.all()
    assert mail.to == [participant.email] and "Out of scope." in mail.body_text and "Rejected" in mail.subject


def test_supports_count_once_and_not_the_authors_own(paragraph, participant):
    amendment = amendments.amendment_propose(author=participant, paragraph=paragraph, text="Other words")
    supporter = UserFactory()
    amendments.amendment_support(amendment=amendment, user=supporter)
    amendments.amendment_support(amendment=amendment, user=supporter)
    with pytest.raises(ValidationError, match="your own"):
        amendments.amendment_support(amendment=amendment, user=participant)
    amendment.refresh_from_db()
    assert amendment.support_count == 1


def test_comments_are_counted_on_their_paragraph_and_three_flags_hide_one(paragraph, participant):
    comment = comments.comment_create(paragraph=paragraph, author=participant, body="Which districts?")
    comments.comment_create(paragraph=paragraph, author=UserFactory(), body="All of them.", parent=comment)
    paragraph.refresh_from_db()
    assert paragraph.comment_count == 2
    for _ in range(3):
        comments.comment_flag(comment=comment, user=UserFactory(), reason="spam")
    comment.refresh_from_db()
    paragraph.refresh_from_db()
    assert comment.is_hidden and paragraph.comment_count == 1


def test_unpublished_versions_take_no_comment(plan, point_of_contact, participant):
    review = draft_review(action_plan=plan)
    from tests.factories import CommitmentFactory

    CommitmentFactory(action_plan=plan, objective="One paragraph.")
    version = version_create(consultation=review, user=point_of_contact)
    assert version.state == DraftVersion.State.DRAFT
    with pytest.raises(ValidationError, match="not published"):
        comments.comment_create(paragraph=version.commitments.get().paragraphs.get(), author=participant, body="Early")


def test_undecided_amendments_count_in_the_response_reminders(plan, point_of_contact, participant):
    """A closed review whose responses fall due reminds the point of contact of the amendments still undecided."""
    from datetime import timedelta

    from django.utils import timezone

    from consultations.services import response_reminders_send
    from tests.factories.drafting import published_draft

    review = draft_review(action_plan=plan, closed=True, response_due_on=timezone.localdate() + timedelta(days=6))
    version = published_draft(action_plan=plan, review=review, poc=point_of_contact)
    assert response_reminders_send() == 0
    paragraph = version.commitments.get().paragraphs.first()
    Amendment.objects.create(
        version=version, draft_commitment=paragraph.draft_commitment, paragraph=paragraph, text="x", author=participant
    )
    assert response_reminders_send() == 1


def test_amendments_count_as_proposals_in_the_co_creation_checklist(version, paragraph, participant, point_of_contact):
    from consultations.checklist import plan_checklist

    first = amendments.amendment_propose(author=participant, paragraph=paragraph, text="Words 1")
    amendments.amendment_propose(author=participant, paragraph=paragraph, text="Words 2")
    amendments.amendment_decide(amendment=first, user=point_of_contact, state="rejected", reason="No.")
    [item] = [item for item in plan_checklist(version.action_plan) if item.requirement.code == "4.1"]
    assert "1 of 2 proposals answered with reasons." in item.explanation


def test_amendment_counts_per_review_hold_for_any_list_of_reviews(plan, paragraph, participant, point_of_contact):
    """The counts are read by a statement written once per number of reviews: whatever the reviews asked, in any
    order, each gets its own amendments (owed a decision, decided), and a review without any gets none."""
    from drafting.awaiting import amendment_counts
    from tests.factories.drafting import draft_review

    first = amendments.amendment_propose(author=participant, paragraph=paragraph, text="Words 1")
    amendments.amendment_propose(author=participant, paragraph=paragraph, text="Words 2")
    amendments.amendment_decide(amendment=first, user=point_of_contact, state="rejected", reason="No.")
    review = paragraph.draft_commitment.version.consultation_id
    quiet = draft_review(action_plan=plan).pk
    for ids in ([review, quiet], [quiet, review], [quiet, review], [review]):
        assert amendment_counts(ids) == {review: (2, 1)}
    assert amendment_counts([quiet]) == {}


def test_the_irm_report_annex_lists_the_accepted_amendments(version, paragraph, participant, point_of_contact):
    from irm_reports.document import report_document
    from tests.factories.irm_reports import ReportFactory

    amendment = amendments.amendment_propose(author=participant, paragraph=paragraph, text="Publish every contract.")
    amendments.amendment_decide(amendment=amendment, user=point_of_contact, state="accepted", reason="Clearer.")
    document = report_document(report=ReportFactory(action_plan=version.action_plan))
    [(commitment, lines)] = document["provenance"]
    assert commitment == paragraph.draft_commitment.commitment
    assert lines == [f"Amendment by {participant.public_name}, accepted: “Publish every contract.” (Clearer.)"]


def test_the_final_version_becomes_the_commitments_when_the_plan_is_submitted(
    version, paragraph, participant, point_of_contact
):
    """Amended sections and new milestones are written into the commitment; what nobody amended is kept."""
    from commitments.models import CommitmentTranslation
    from commitments.services.plans import action_plan_transition

    copy = paragraph.draft_commitment
    wording = amendments.amendment_propose(author=participant, paragraph=paragraph, text="Publish every contract.")
    milestone = amendments.amendment_propose(author=participant, draft_commitment=copy, text="Train the clerks")
    late = amendments.amendment_propose(author=participant, draft_commitment=copy, text="Not in any version")
    for item in (wording, milestone, late):
        amendments.amendment_decide(amendment=item, user=point_of_contact, state="accepted", reason="Yes.")
    version_publish(
        version=version_create(consultation=version.consultation, user=point_of_contact), user=point_of_contact
    )
    Amendment.objects.filter(pk=late.pk).update(applied_in=None)  # accepted after the last version
    commitment = copy.commitment
    commitment.title = "Edited by the point of contact"
    commitment.save()
    french = CommitmentTranslation.objects.create(
        master=commitment, language_code="fr", title_translated="Modifié", translated_by=point_of_contact
    )
    action_plan_transition(plan=version.action_plan, to_status="submitted")
    assert not CommitmentTranslation.objects.filter(pk=french.pk).exists()  # it translated the text before
    commitment.refresh_from_db()
    assert commitment.objective == "Publish every contract.\n\nOpen the data for reuse."
    assert commitment.title == "Edited by the point of contact"
    descriptions = list(commitment.milestones.values_list("description", flat=True))
    assert "Train the clerks" in descriptions and "Not in any version" not in descriptions
