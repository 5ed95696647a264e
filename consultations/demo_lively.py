"""Demo consultations that show co-creation alive, in the three languages: a call for proposals that closed
early in Sekondi-Takoradi (English) with responses of every outcome and some still awaited, an open call in
Buenos Aires (Spanish) and the open review of Paris's draft plan (French), with supports, comments and
followers. Texts in consultations/demo_texts.py.

Idempotent: a consultation that exists (same plan and title) is left as it is. Everything goes through the
services, so it obeys the domain rules (proposals while open, responses to submitted proposals).
"""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from commitments.models import ActionPlan, PolicyArea
from common.content_translations import translation_save
from consultations import services
from consultations.demo_texts import CONSULTATIONS, PARTICIPANTS
from consultations.models import Consultation

# Translations their authors added (issue 19): readers in another language see the proposal in theirs.
TRANSLATIONS = {
    "Datos de calidad del aire por barrio": {
        "fr": {
            "title": "Données de qualité de l’air par quartier",
            "problem": "Les mesures sont agrégées pour toute la ville.",
            "solution": "Publier les mesures de chaque station en temps réel.",
        },
        "en": {
            "title": "Air quality data by neighbourhood",
            "problem": "Measurements are aggregated for the whole city.",
            "solution": "Publish the measurements of each station in real time.",
        },
    },
}


# The point of contact's translation of a consultation, and a comment's author's of their comment (on the proposals
# above): the notes under them say who translated.
CONSULTATION_TRANSLATIONS = {
    "Ideas for the next Sekondi-Takoradi action plan": {
        "fr": {
            "title": "Des idées pour le prochain plan d’action de Sekondi-Takoradi",
            "description": "L’Assemblée métropolitaine a demandé aux habitants, aux commerçants et aux associations "
            "ce que son prochain plan de gouvernement ouvert devrait changer. **L’appel a été clos plus tôt** pour que "
            "le forum puisse examiner chaque proposition avant les auditions budgétaires.",
        },
    },
}
COMMENT_TRANSLATIONS = {
    "Muy buena idea: en mi barrio nadie sabe cuándo se resuelven los reclamos.": {
        "en": "Great idea: in my neighbourhood nobody knows when complaints get resolved.",
    },
}


def _translate_comments(proposal) -> None:
    """The comments on a translated proposal that their authors translated too."""
    for comment in proposal.comments.all():
        for language, body in COMMENT_TRANSLATIONS.get(comment.body, {}).items():
            translation_save(comment, language=language, texts={"body": body}, translated_by=comment.author)


def _participants() -> list[User]:
    from allauth.account.models import EmailAddress

    users = []
    for email, name in PARTICIPANTS:
        user = User.objects.filter(email=email).first()
        if user is None:  # no password: these accounts show activity, nobody signs in with them
            user = User.objects.create_user(email=email, password=None, full_name=name)
            EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        users.append(user)
    return users


def _discuss(proposal, index: int, *, users: list[User], comments: list[str], language: str) -> None:
    """Supports, a follower and a few comments, varied by the proposal's place in the list."""
    others = [u for u in users if u.pk != proposal.author_id]
    for user in others[: (index * 5) % 9 + 1]:
        services.proposal_support(proposal=proposal, user=user)
    services.proposal_follow(proposal=proposal, user=others[index % len(others)])
    for offset, body in enumerate(comments[: index % 3 + 1]):
        author = others[(index + offset + 2) % len(others)]
        services.comment_create(proposal=proposal, author=author, body=body, language=language)


def _seed(spec: dict, users: list[User]) -> int:
    plan = ActionPlan.objects.filter(member__slug=spec["member"]).order_by("-number").first()
    if plan is None or Consultation.objects.filter(action_plan=plan, title=spec["title"]).exists():
        return 0
    contact = plan.member.contacts.filter(role=User.Role.POINT_OF_CONTACT).first()
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    consultation = services.consultation_create(
        action_plan=plan,
        created_by=contact,
        title=spec["title"],
        kind=spec["kind"],
        description=spec["description"],
        opens_at=now - timedelta(days=20),
        closes_at=now + timedelta(days=10),
        language=spec["language"],
    )
    for language, texts in CONSULTATION_TRANSLATIONS.get(spec["title"], {}).items():
        translation_save(consultation, language=language, texts=texts, translated_by=contact)
    areas = {a.slug: a for a in PolicyArea.objects.all()}
    commitments = list(plan.commitments.order_by("sort_key")[:2])
    for index, (author, title, problem, solution, area, response) in enumerate(spec["proposals"]):
        proposal = services.proposal_create(
            consultation=consultation,
            author=users[author],
            title=title,
            problem=problem,
            solution=solution,
            policy_area=areas.get(area),
            submit=True,
            language=spec["language"],
        )
        for language, texts in TRANSLATIONS.get(title, {}).items():
            services.proposal_translation_save(
                proposal=proposal, language=language, translated_by=users[author], **texts
            )
        _discuss(proposal, index, users=users, comments=spec["comments"], language=spec["language"])
        if title in TRANSLATIONS:
            _translate_comments(proposal)
        if response is not None:
            outcome, reasons = response
            linked = [] if outcome == "not_accepted" else commitments[index % len(commitments) :][:1]
            services.response_save(
                proposal=proposal,
                outcome=outcome,
                reasons=reasons,
                commitments=linked,
                publish=True,
                written_by=contact,
                notify=False,  # demo addresses: no notification e-mail
                language=spec["language"],
            )
    if spec["end_early"]:
        services.consultation_end(consultation=consultation, reason=spec["end_early"])
    return 1


def seed_lively_consultations() -> int:
    """How many of the demo consultations were created now."""
    users = _participants()
    created = 0
    for spec in CONSULTATIONS:
        with transaction.atomic():
            created += _seed(spec, users)
    return created
