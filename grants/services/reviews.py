"""The support unit's part: scores by several reviewers, the decision with its reasons, reporting milestones."""

from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from common.db import set_fields
from grants.models import SCORE_MAX, GrantApplication, GrantCall, ReportingMilestone, Review, ReviewScore
from grants.services._common import money, notify_applicant
from grants.services.applications import awarded_total

AWARD, REJECT = "award", "reject"


def weighted_score(criteria, scores: dict[int, int]) -> Decimal:
    """The weighted average of the scores, on the scale of one score (0–5), to two decimals."""
    weights = sum(criterion.weight for criterion in criteria)
    if not weights:
        return Decimal("0")
    total = Decimal(sum(criterion.weight * scores[criterion.pk] for criterion in criteria)) / weights
    return total.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def _locked(application: GrantApplication) -> GrantApplication:
    return (
        GrantApplication.objects.select_for_update(of=("self",))
        .select_related("call", "organisation", "applicant")
        .get(pk=application.pk)
    )


def review_save(*, application: GrantApplication, reviewer: User, scores: dict[int, int], comment: str = "") -> Review:
    """A reviewer's scores on every criterion of the call's grid (a second save replaces the first)."""
    with transaction.atomic():
        application = _locked(application)
        if application.status != GrantApplication.Status.SUBMITTED:
            raise ValidationError(_("Only an application under review can be scored."))
        criteria = list(application.call.criteria.all())
        if not criteria:
            raise ValidationError(_("This call has no scoring grid yet: add its criteria in the admin."))
        missing = [c.display_name for c in criteria if scores.get(c.pk) is None]
        if missing:
            raise ValidationError(_("Score every criterion: %(names)s.") % {"names": ", ".join(missing)})
        if any(not 0 <= int(scores[c.pk]) <= SCORE_MAX for c in criteria):
            raise ValidationError(_("Scores go from 0 to %(max)d.") % {"max": SCORE_MAX})
        review, _created = Review.objects.get_or_create(application=application, reviewer=reviewer)
        set_fields(review, comment=comment, total=weighted_score(criteria, scores))
        review.full_clean()
        review.save()
        review.scores.all().delete()
        ReviewScore.objects.bulk_create(
            ReviewScore(review=review, criterion=criterion, score=int(scores[criterion.pk])) for criterion in criteria
        )
    return review


def _check_award(application: GrantApplication, amount) -> None:
    call = application.call
    if amount is None:
        raise ValidationError({"amount_awarded": _("Give the amount awarded.")})
    if not call.amount_min <= amount <= min(call.amount_max, application.amount_requested):
        raise ValidationError(
            {
                "amount_awarded": _("The amount awarded goes from %(min)s to %(max)s (the amount requested).")
                % {
                    "min": money(call.amount_min, call.currency),
                    "max": money(min(call.amount_max, application.amount_requested), call.currency),
                }
            }
        )
    left = call.budget - awarded_total(call)
    if amount > left:
        raise ValidationError(
            {"amount_awarded": _("Only %(left)s of the call's budget is left.") % {"left": money(left, call.currency)}}
        )


def application_decide(
    *, application: GrantApplication, decided_by: User, decision: str, reasons: str, amount_awarded=None
) -> GrantApplication:
    """Award or reject an application under review, with reasons, once enough reviewers have scored it."""
    with transaction.atomic():
        GrantCall.objects.select_for_update().filter(
            pk=application.call_id
        ).exists()  # awards of one call, one at a time
        application = _locked(application)
        if application.status != GrantApplication.Status.SUBMITTED:
            raise ValidationError(_("This application is already decided."))
        needed = settings.GRANT_REVIEWS_BEFORE_DECISION
        if application.reviews.count() < needed:
            raise ValidationError(
                _("At least %(count)d reviewers score an application before it is decided.") % {"count": needed}
            )
        if not (reasons or "").strip():
            raise ValidationError({"reasons": _("Give the reasons for the decision.")})
        if decision == AWARD:
            _check_award(application, amount_awarded)
            application.status = GrantApplication.Status.AWARDED
            application.amount_awarded = amount_awarded
        elif decision == REJECT:
            application.status = GrantApplication.Status.REJECTED
            application.amount_awarded = None
        else:
            raise ValidationError({"decision": _("Choose to award or to reject.")})
        set_fields(application, decision_reasons=reasons, decided_by=decided_by, decided_at=timezone.now())
        application.full_clean()
        application.save()
        notify_applicant(application, "application_decided")
    return application


def milestone_add(*, application: GrantApplication, title: str, due_on, note: str = "") -> ReportingMilestone:
    """A report the awarded organisation owes, due on a date."""
    with transaction.atomic():
        application = _locked(application)
        if application.status != GrantApplication.Status.AWARDED:
            raise ValidationError(_("Reporting milestones belong to awarded grants only."))
        milestone = ReportingMilestone(application=application)
        set_fields(milestone, title=title, due_on=due_on, note=note)
        milestone.full_clean()
        milestone.save()
    return milestone


def milestone_receive(*, milestone: ReportingMilestone, received_on=None) -> ReportingMilestone:
    """Record that the report of a milestone was received (today by default)."""
    with transaction.atomic():
        milestone = ReportingMilestone.objects.select_for_update().get(pk=milestone.pk)
        if milestone.received_on:
            raise ValidationError(_("This report is already recorded as received."))
        milestone.received_on = received_on or timezone.localdate()
        milestone.save(update_fields=["received_on"])
    return milestone
