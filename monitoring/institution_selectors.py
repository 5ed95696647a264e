"""What awaits an institution's contact: the commitments to report on, the reports and the opinions to give."""

from django.db.models import QuerySet

from commitments.models import InstitutionContact
from monitoring.models import MonitoringReport


def contact_reports_to_answer(*, user) -> QuerySet:
    """Submitted reports without an answer on the commitments led by the contact's institutions."""
    mine = InstitutionContact.objects.filter(user=user).values("institution_id")
    return (
        MonitoringReport.objects.filter(
            status=MonitoringReport.Status.SUBMITTED, answer__isnull=True, commitment__lead_institution_id__in=mine
        )
        .select_related("commitment")
        .only("finding", "response_due_on", "commitment__number", "commitment__title")  # what the page shows
        .order_by("response_due_on", "pk")
    )
