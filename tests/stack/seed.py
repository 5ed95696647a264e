"""The people and objects of the stack journey, written to the stack's database before it starts.

Run in a subprocess with the stack's environment: `python -m tests.stack.seed` prints their ids as JSON.
"""

import json

import django


def seed() -> dict:
    from django.db import transaction

    from tests.factories import ActionPlanFactory, MemberFactory, UserFactory
    from tests.factories.accounts import DEFAULT_PASSWORD
    from tests.factories.consultations import ConsultationFactory
    from tests.factories.irm_reports import complete_results_report

    with transaction.atomic():
        member = MemberFactory(name="Madrid", slug="madrid", kind="local", country="ES")
        plan = ActionPlanFactory(member=member, title="Madrid plan 2024–2026")
        consultation = ConsultationFactory(action_plan=plan, title="Proposals for Madrid")
        participant = UserFactory(email="amina@example.org", full_name="Amina Bello")
        researcher = UserFactory(email="ngozi@example.org", full_name="Ngozi Adeyemi", researcher=True)
        report = complete_results_report(
            commitments=2, researcher=researcher, action_plan=ActionPlanFactory(member=member, completed=True)
        )
    return {
        "password": DEFAULT_PASSWORD,
        "participant": participant.email,
        "researcher": researcher.email,
        "consultation": consultation.pk,
        "report": report.pk,
    }


if __name__ == "__main__":
    django.setup()
    print(json.dumps(seed()))
