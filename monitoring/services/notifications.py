"""E-mails of monitoring, written in the transaction of the change, in each recipient's language."""

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from accounts.services import email_to_user
from commitments.services import commitment_followers_notify
from common.site import absolute_url
from common.text import single_line
from monitoring.models import MonitoringReport, ReportAnswer


def send_to(user: User, template: str, subject, context: dict, **subject_args) -> None:
    """One notification (kind `monitoring.<template>`, registered in apps.py), e-mailed as its recipient chose."""
    email_to_user(
        user=user,
        template=f"monitoring/emails/{template}",
        subject=subject,
        context={**context, "profile_url": absolute_url(reverse("profile"))},
        subject_args={name: single_line(str(value)) for name, value in subject_args.items()},
        kind=f"monitoring.{template}",
        link=context["report"].get_absolute_url() if "report" in context else "",
    )


def wants_mail(users) -> list[User]:
    """Who is told: active accounts with an address (email_to_user applies each one's e-mail choices)."""
    return [u for u in users if u is not None and u.is_active and u.email]


def report_submitted_emails(*, report: MonitoringReport) -> int:
    """Tell the member's points of contact, and the contacts of the commitment's lead institution, that a report
    awaits their answer."""
    plan = report.commitment.action_plan
    points = Q(role=User.Role.POINT_OF_CONTACT, member_id=plan.member_id)
    lead = Q(institution_links__institution_id=report.commitment.lead_institution_id)
    contacts = wants_mail(
        User.objects.filter(points | lead if report.commitment.lead_institution_id else points)
        .distinct()
        .order_by("pk")
    )
    context = {
        "report": report,
        "commitment": report.commitment,
        "report_url": absolute_url(report.get_absolute_url()),
        "workspace_url": absolute_url(reverse("monitoring:workspace", kwargs={"pk": plan.pk})),
    }
    for user in contacts:
        send_to(
            user,
            "report_submitted",
            _("A monitoring report on commitment %(number)s"),
            context,
            number=report.commitment.number,
        )
    return len(contacts)


def answer_published_emails(*, answer: ReportAnswer) -> int:
    """Tell the report's author that the point of contact answered."""
    report = answer.report
    recipients = wants_mail([report.author])
    context = {"report": report, "answer": answer, "report_url": absolute_url(report.get_absolute_url())}
    for user in recipients:
        send_to(
            user,
            "answer_published",
            _("Your monitoring report on commitment %(number)s was answered"),
            context,
            number=report.commitment.number,
        )
    return len(recipients)


def followers_emails(*, report: MonitoringReport, answer: ReportAnswer | None = None) -> int:
    """Tell the commitment's followers (but the report's author) of a report submitted, or of its answer."""
    context = {"report": report, "answer": answer, "report_url": absolute_url(report.get_absolute_url())}
    if answer is None:
        template, subject = "followed_report", _("Commitment %(number)s: a monitoring report")
    else:
        template, subject = "followed_answer", _("Commitment %(number)s: a monitoring report was answered")
    return commitment_followers_notify(
        commitment=report.commitment,
        template=f"monitoring/emails/{template}",
        subject=subject,
        context=context,
        link=report.get_absolute_url(),
        exclude=[report.author, answer.written_by if answer else None],
    )
