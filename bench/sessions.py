"""Signed-in users for the benchmark: points of contact, IRM researchers and participants, given their roles
through the portal's own services, each with a session written as a sign-in writes it; and their pages.

The cookies go to wrk (WRK_COOKIE for a hit, a Cookie header per line for the miss addresses). The harness
checks once per page that the answer is the page itself, not the sign-in page (bench/measure.py).
Run inside setup_data (Django set up, the database filled).
"""

import random

from bench.addresses import LANGUAGES, MISS_ADDRESSES, line, page


def session_cookie(user) -> str:
    """A Cookie header value signing `user` in: a session holding the keys django.contrib.auth.login() writes."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "accounts.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return f"{settings.SESSION_COOKIE_NAME}={session.session_key}"


def _user(tag: str, *, role: str | None = None, member=None):
    from accounts.models import User
    from accounts.services import user_set_role

    user = User.objects.create_user(f"{tag}@bench.example", full_name=tag.replace("-", " ").title())
    if role:
        user_set_role(user=user, role=role, member=member)
    return user


def _pairs(rng: random.Random, pairs: list[tuple[str, str]]) -> list[str]:
    """(path, cookie) pairs in every language, shuffled: the miss lines of a signed-in page."""
    lines = [line(path, Accept_Language=lang, Cookie=cookie) for path, cookie in pairs for lang in LANGUAGES]
    rng.shuffle(lines)
    return lines[:MISS_ADDRESSES]


def _points_of_contact(rng, members) -> list[dict]:
    from accounts.models import User
    from commitments.models import ActionPlan

    contacts = []  # (cookie, member) — two per member
    for member in members:
        for k in (1, 2):
            user = _user(f"contact-{member.pk}-{k}", role=User.Role.POINT_OF_CONTACT, member=member)
            contacts.append((session_cookie(user), member))
    plans = {}
    for pk, member_id in ActionPlan.objects.filter(member__in=members).values_list("pk", "member_id"):
        plans.setdefault(member_id, []).append(pk)
    first_cookie, first_member = contacts[0]
    first_plan = min(plans[first_member.pk])
    plan_pairs = [(f"/workspace/plans/{pk}/", cookie) for cookie, member in contacts for pk in plans[member.pk]]
    return [
        page("point of contact's workspace", "signed_in", f"/workspace/members/{first_member.slug}/",
             _pairs(rng, [(f"/workspace/members/{member.slug}/", cookie) for cookie, member in contacts[1:]]),
             headers={"Cookie": first_cookie}),
        page("action plan's workspace page", "signed_in", f"/workspace/plans/{first_plan}/",
             _pairs(rng, [p for p in plan_pairs if p != (f"/workspace/plans/{first_plan}/", first_cookie)]),
             headers={"Cookie": first_cookie}),
    ]  # fmt: skip


def _researchers(rng, members) -> list[dict]:
    from django.db.models import Exists, OuterRef

    from accounts.models import User
    from commitments.models import ActionPlan
    from irm_reports import services
    from irm_reports.models import Report

    researchers = [_user(f"researcher-{i}", role=User.Role.IRM_RESEARCHER) for i in range(max(3, len(members) // 10))]
    cookies = {user.pk: session_cookie(user) for user in researchers}
    reports = []  # (report id, cookie): a Results Report on each member's first (completed) plan without one yet
    reported = Report.objects.filter(action_plan=OuterRef("pk"), report_type="results_report", language="en")
    ended = ActionPlan.objects.filter(member__in=members, status=ActionPlan.Status.COMPLETED).exclude(Exists(reported))
    first_plans = {}
    for plan in ended.order_by("-number"):
        first_plans[plan.member_id] = plan  # the lowest number wins
    for index, plan in enumerate(first_plans[m.pk] for m in members if m.pk in first_plans):
        researcher = researchers[index % len(researchers)]
        services.researcher_assign(plan=plan, researcher=researcher)
        report = services.report_create(plan=plan, report_type="results_report", methodology="refresh_2021",
                                        language="en", overview="The plan opened budgets. " * 8)  # fmt: skip
        reports.append((report.pk, cookies[researcher.pk]))
    (first, cookie), others = reports[0], reports[1:]
    return [
        page(
            "researcher's report page",
            "signed_in",
            f"/irm-reports/{first}/",
            _pairs(rng, [(f"/irm-reports/{pk}/", c) for pk, c in others]),
            headers={"Cookie": cookie},
        )
    ]


def _participants(rng, count: int) -> list[dict]:
    from consultations.models import Consultation

    consultations = list(Consultation.objects.order_by("pk").values_list("pk", flat=True))
    cookies = [session_cookie(_user(f"participant-form-{i}")) for i in range(count)]
    pairs = [
        (f"/consultations/{pk}/propose/", cookie)
        for cookie in cookies[1:]
        for pk in rng.sample(consultations, min(10, len(consultations)))
    ]
    first = f"/consultations/{consultations[0]}/propose/"
    return [page("participant's proposal form", "signed_in", first,
                 _pairs(rng, [p for p in pairs if p[0] != first]), headers={"Cookie": cookies[0]})]  # fmt: skip


def signed_in_pages(*, seed: int = 17) -> list[dict]:
    """The signed-in pages: users, roles, sessions and reports are created here (in the benchmark's database)."""
    from commitments.models import Member

    rng = random.Random(seed)
    members = list(Member.objects.order_by("pk")[:300])
    from bench.institutions import institution_and_follow_pages

    return [
        *_points_of_contact(rng, members),
        *_researchers(rng, members),
        *_participants(rng, 2 * len(members)),
        *institution_and_follow_pages(rng, members),
    ]
