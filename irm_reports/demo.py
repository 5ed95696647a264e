"""Demo IRM data: a researcher assigned to two completed plans, and Kaduna State's published Results Report.

Idempotent: the researcher is created once, assignments are kept, and the report is written,
rendered and published only when it does not exist yet. Everything goes through the services.
"""

import secrets

from django.db import transaction

from accounts.models import User
from accounts.services import user_set_role
from commitments.models import ActionPlan, StandardRequirement
from irm_reports import services
from irm_reports.models import Report
from irm_reports.scales import Methodology, ReportType
from irm_reports.services.rendering import report_rendering_run

RESEARCHER = ("researcher@demo.ogp.example", "Ngozi Adeyemi")
ASSIGNED_PLANS = [("kaduna-state", 1), ("la-libertad", 1)]

KADUNA_REPORT = {
    "overview": (
        "Kaduna State's first action plan focused on opening the state budget to its citizens: publishing "
        "every capital project and letting communities report on their delivery, and consulting the 23 local "
        "government areas before each budget call.\n\n"
        "Both commitments were completed. The Citizen Feedback app turned budget transparency into a channel "
        "for accountability: ministries now answer citizens' reports on projects, and the answers are published."
    ),
    "implementation_factors": (
        "Sustained support from the Planning and Budget Commission and an active civil society network carried "
        "the plan through the 2023 elections. Limited mobile connectivity in rural areas slowed reporting at first; "
        "the SMS channel and trained community monitors made up for it."
    ),
    "participation": (
        "The state's OGP steering committee, co-chaired by government and civil society, met every quarter "
        "during implementation and published its minutes on the state's OGP page."
    ),
    "acted_according_to_process": "yes",
}
ASSESSMENTS = {
    "1": {
        "verifiable": "yes",
        "open_gov_lens": "yes",
        "potential_for_results": "substantial",
        "promising": "yes",
        "completion": "complete",
        "early_results": "significant",
        "what_happened": (
            "All capital projects of the approved budget were published with their location, and the app received "
            "reports from every local government area. Ministries answered most reports within 30 days."
        ),
        "enablers": "Political commitment at the Planning and Budget Commission; trained community monitors.",
        "constraints": "Patchy mobile coverage in rural wards during the first year.",
        "looking_ahead": "Link citizens' reports to procurement records so that contractors' performance is visible.",
    },
    "2": {
        "verifiable": "yes",
        "open_gov_lens": "yes",
        "potential_for_results": "modest",
        "promising": "no",
        "completion": "complete",
    },
}
RECOMMENDATIONS = [
    {
        "kind": "implementation",
        "title": "Publish the ministries' answers to citizens' reports as open data",
        "text": "A machine-readable record of reports and answers would let civil society follow response times.",
    },
    {
        "kind": "co_creation",
        "title": "Involve the community monitors in the co-creation of the next action plan",
        "text": "",
    },
]


def _researcher(password: str | None) -> tuple[User, list[tuple[str, str]]]:
    from allauth.account.models import EmailAddress

    email, name = RESEARCHER
    created = []
    user = User.objects.filter(email=email).first()
    if user is None:
        secret = password or secrets.token_urlsafe(12)
        user = User.objects.create_user(email=email, password=secret, full_name=name)
        created.append((email, secret))
    user_set_role(user=user, role=User.Role.IRM_RESEARCHER)
    EmailAddress.objects.update_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
    return user, created


def _kaduna_report(plan: ActionPlan, researcher: User) -> Report | None:
    if Report.objects.filter(action_plan=plan, report_type=ReportType.RESULTS_REPORT, language="en").exists():
        return None
    with transaction.atomic():
        report = services.report_create(
            plan=plan,
            report_type=ReportType.RESULTS_REPORT,
            methodology=Methodology.REFRESH_2021,
            language="en",
            **KADUNA_REPORT,
        )
        for commitment in plan.commitments.all():
            ratings = ASSESSMENTS.get(commitment.number)
            if ratings:
                services.assessment_save(report=report, commitment=commitment, assessed_by=researcher, **ratings)
        requirements = StandardRequirement.objects.filter(version="2021", phase__in=["implementation", "both"])
        services.requirement_assessments_save(
            report=report,
            items=[
                {"requirement": r, "status": "met", "evidence": "Minutes and documents on the state's OGP page."}
                for r in requirements
            ],
        )
        services.recommendations_save(report=report, items=RECOMMENDATIONS)
        report = services.report_request_render(report=report, requested_by=None, enqueue=False)
    # Rendered here, whatever the Celery set-up, so that the demo report is published at once.
    report_rendering_run(rendering_id=report.rendering_id)
    report.refresh_from_db()
    if report.status == Report.Status.READY:
        services.report_publish(report=report, published_by=researcher)
    return report


def seed_irm_demo(*, password: str | None = None) -> list[tuple[str, str]]:
    """The demo researcher, their assignments and Kaduna State's published Results Report."""
    with transaction.atomic():
        researcher, created = _researcher(password)
        plans = {}
        for slug, number in ASSIGNED_PLANS:
            plan = ActionPlan.objects.filter(member__slug=slug, number=number).first()
            if plan is not None:
                services.researcher_assign(plan=plan, researcher=researcher)
                plans[slug] = plan
    kaduna = plans.get("kaduna-state")
    if kaduna is not None and kaduna.status == ActionPlan.Status.COMPLETED:
        _kaduna_report(kaduna, researcher)
    return created
