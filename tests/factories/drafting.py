"""A plan's draft under review, built through the services (version 1 published from the plan's commitments)."""

from consultations.models import Consultation
from drafting.models import DraftVersion
from drafting.services.versions import version_create, version_publish
from tests.factories.accounts import UserFactory
from tests.factories.commitments import CommitmentFactory, MilestoneFactory
from tests.factories.consultations import ConsultationFactory


def draft_review(*, action_plan, **kwargs) -> Consultation:
    """An open "review of the draft plan" consultation (traits of ConsultationFactory apply: closed…)."""
    return ConsultationFactory(action_plan=action_plan, kind=Consultation.Kind.DRAFT_REVIEW, **kwargs)


def published_draft(*, action_plan, review=None, commitments: int = 1, poc=None) -> DraftVersion:
    """Version 1 of the plan's draft, published, from `commitments` commitments of two paragraphs and a
    milestone each (or from the plan's own commitments when it has some)."""
    if not action_plan.commitments.exists():
        for index in range(commitments):
            commitment = CommitmentFactory(
                action_plan=action_plan,
                number=str(index + 1),
                objective=f"Publish every contract of district {index + 1}.\n\nOpen the data for reuse.",
            )
            MilestoneFactory(commitment=commitment, description="Launch the contracts portal")
    review = review or draft_review(action_plan=action_plan)
    user = poc or UserFactory(staff=True)
    version = version_create(consultation=review, user=user)
    return version_publish(version=version, user=user)


def unverified_user():
    """A participant whose e-mail address is not verified (yet)."""
    from allauth.account.models import EmailAddress

    user = UserFactory()
    EmailAddress.objects.filter(user=user).update(verified=False)
    return user
