"""The database side of `make load`: participants before the run, the rows they wrote after it.

`python -m bench.load_data prepare USERS OUTPUT.json`: create USERS participant accounts (e-mail verified,
one shared password) and pick the open call for proposals of the demo data (at most two proposals each).
`python -m bench.load_data found MARKER OUTPUT.json`: the keys of every proposal, submission, support and
comment the load participants wrote (see bench.ledger), and the proposals whose support counter disagrees
with their supports.
"""

import json
import sys

DOMAIN = "load.ogp.example"
PROPOSALS_PER_PARTICIPANT = 2
PASSWORD = "load-run-participant-password"  # noqa: S105 (throw-away accounts of a throw-away database)


def prepare(users: int, output: str) -> None:
    import django

    django.setup()
    from allauth.account.models import EmailAddress
    from django.contrib.auth.hashers import make_password

    from accounts.models import User
    from consultations.models import Consultation

    consultation = Consultation.objects.open_now().filter(kind=Consultation.Kind.PROPOSALS).order_by("pk").first()
    if consultation is None:
        raise SystemExit("No open call for proposals in the demo data.")
    # The consultation's own rule, as a point of contact may set it: a participant's third submission
    # (bench.locustfile tries three) is refused, and must leave no submitted proposal behind.
    Consultation.objects.filter(pk=consultation.pk).update(max_proposals_per_participant=PROPOSALS_PER_PARTICIPANT)
    hashed = make_password(PASSWORD)  # one hash for all: the accounts differ by e-mail only
    emails = [f"participant{i:04d}@{DOMAIN}" for i in range(users)]
    created = User.objects.bulk_create(
        User(email=email, full_name=f"Load participant {i}", password=hashed) for i, email in enumerate(emails)
    )
    EmailAddress.objects.bulk_create(
        EmailAddress(user=user, email=user.email, verified=True, primary=True) for user in created
    )
    with open(output, "w", encoding="utf-8") as handle:
        json.dump(
            {
                "consultation": consultation.pk,
                "plan": consultation.action_plan_id,
                "emails": emails,
                "password": PASSWORD,
            },
            handle,
        )


def written(marker: str) -> dict[str, list[str]]:
    """The keys (see bench.locustfile) of the rows the load participants wrote, one per row."""
    from consultations.models import Comment, Proposal, Support

    proposals = Proposal.objects.filter(title__startswith=marker)
    supports = Support.objects.filter(user__email__endswith=f"@{DOMAIN}").values_list("user__email", "proposal_id")
    return {
        "proposal": list(proposals.values_list("title", flat=True)),
        "submission": list(proposals.exclude(submitted_at=None).values_list("title", flat=True)),
        "support": [f"{email}|{proposal}" for email, proposal in supports],
        "comment": list(Comment.objects.filter(author__email__endswith=f"@{DOMAIN}").values_list("body", flat=True)),
    }


def counter_drift() -> list[int]:
    """Proposals whose support counter (shown on every page) differs from their support rows."""
    from django.db.models import Count, F

    from consultations.models import Proposal

    return list(
        Proposal.objects.annotate(rows=Count("supports")).exclude(support_count=F("rows")).values_list("pk", flat=True)
    )


def found(marker: str, output: str) -> None:
    import django

    django.setup()
    with open(output, "w", encoding="utf-8") as handle:
        json.dump({"rows": written(marker), "counter_drift": counter_drift()}, handle)


if __name__ == "__main__":
    if sys.argv[1] == "prepare":
        prepare(int(sys.argv[2]), sys.argv[3])
    else:
        found(sys.argv[2], sys.argv[3])
