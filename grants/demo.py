"""Demo grant calls: an open micro-grant call (with questions and a scoring grid) and a closed one with awards."""

from datetime import timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from accounts.models import Organisation
from grants.models import BudgetLine, CallQuestion, Criterion, GrantApplication, GrantCall

OPEN_TITLE = "Micro-grants for co-creation 2026"
CLOSED_TITLE = "Micro-grants for co-creation 2025"
SUMMARY = (
    "The OGP support unit gives one-off small grants, usually **USD 5,000 to 8,000**, to civil society "
    "organisations (ideally in a formal or informal coalition) that strengthen civil society's part in the "
    "co-creation of an action plan, especially where other resources are hard to find.\n\n"
    "Past grants paid part-time coalition coordinators, consultations beyond the capital, wider and more "
    "diverse coalitions, outreach and communication, and the set-up of multi-stakeholder forums."
)
ELIGIBILITY = (
    "- Civil society organisations or networks of an OGP member (national or local) preparing an action plan.\n"
    "- Priority goes where a one-off grant meets an immediate need and lays the ground for stronger co-creation."
)
FAQ = (
    "**Can a coalition apply?** Yes: one organisation applies on behalf of the coalition.\n\n"
    "**Which costs are eligible?** Coordination, meetings and travel within the country, outreach material."
)
QUESTIONS = [
    (
        "Which co-creation process will the grant strengthen, and at which step of the action-plan cycle?",
        "Quel processus de co-création la subvention renforcera-t-elle, et à quelle étape du cycle du plan d'action ?",
        "¿Qué proceso de cocreación fortalecerá la subvención y en qué etapa del ciclo del plan de acción?",
    ),
    (
        "Who takes part in your coalition, and how does it reach people beyond the capital?",
        "Qui participe à votre coalition, et comment atteint-elle les personnes au-delà de la capitale ?",
        "¿Quién forma parte de su coalición y cómo llega a las personas más allá de la capital?",
    ),
]
CRITERIA = [
    ("Contribution to co-creation", "Contribution à la co-création", "Contribución a la co-creación", 3),
    ("Inclusiveness of the coalition", "Caractère inclusif de la coalition", "Inclusividad de la coalición", 2),
    ("Realistic budget", "Budget réaliste", "Presupuesto realista", 1),
]
AWARDS = [
    ("Red Ciudadana Madrid", "Consultations in the outer districts of Madrid", Decimal("7500"), "awarded"),
    ("Sekondi Civic Forum", "A part-time coordinator for the co-creation coalition", Decimal("6000"), "awarded"),
    ("Open Data Collective", "A national hackathon", Decimal("8000"), "rejected"),
]


def _call(title: str, *, opens_on, closes_on) -> GrantCall:
    call, created = GrantCall.objects.get_or_create(
        title=title,
        defaults={
            "kind": GrantCall.Kind.MICRO_GRANT,
            "summary": SUMMARY,
            "eligibility": ELIGIBILITY,
            "faq": FAQ,
            "currency": "USD",
            "budget": Decimal("60000"),
            "amount_min": Decimal("5000"),
            "amount_max": Decimal("8000"),
            "opens_on": opens_on,
            "closes_on": closes_on,
            "is_published": True,
        },
    )
    if created:
        for order, (text, text_fr, text_es) in enumerate(QUESTIONS, start=1):
            CallQuestion.objects.create(call=call, order=order, text=text, text_fr=text_fr, text_es=text_es)
        for order, (name, name_fr, name_es, weight) in enumerate(CRITERIA, start=1):
            Criterion.objects.create(call=call, order=order, name=name, name_fr=name_fr, name_es=name_es, weight=weight)
    return call


def _awards(call: GrantCall) -> None:
    decided_at = timezone.now() - timedelta(days=120)
    for name, title, amount, status in AWARDS:
        organisation, _created = Organisation.objects.get_or_create(
            name=name, member=None, defaults={"kind": Organisation.Kind.CIVIL_SOCIETY}
        )
        application, created = GrantApplication.objects.get_or_create(
            call=call,
            organisation=organisation,
            defaults={
                "title": title,
                "summary": f"{title}: meetings, outreach and a report of what people asked for.",
                "amount_requested": amount,
                "status": status,
                "submitted_at": decided_at - timedelta(days=30),
                "decided_at": decided_at,
                "amount_awarded": amount if status == "awarded" else None,
                "decision_reasons": "Scored by two reviewers against the call's grid.",
            },
        )
        if created:
            BudgetLine.objects.bulk_create(
                [
                    BudgetLine(application=application, order=1, description="Coordination", amount=amount / 2),
                    BudgetLine(application=application, order=2, description="Meetings and travel", amount=amount / 2),
                ]
            )


def seed_grants() -> int:
    """Idempotent: the two calls and the closed call's decisions; returns the number of calls."""
    today = timezone.localdate()
    with transaction.atomic():
        _call(OPEN_TITLE, opens_on=today - timedelta(days=10), closes_on=today + timedelta(days=50))
        closed = _call(CLOSED_TITLE, opens_on=today - timedelta(days=240), closes_on=today - timedelta(days=180))
        _awards(closed)
    return GrantCall.objects.filter(title__in=[OPEN_TITLE, CLOSED_TITLE]).count()
