"""Fill a benchmark database and prepare what the load needs (tokens, reports, URLs).

`python -m bench.setup_data full|smoke OUTPUT.json` with DATABASE_URL pointing at an empty, migrated database.
"""

import base64
import json
import sys
import time
from urllib.parse import urlencode

DRAFT_PLANS = {"full": 40, "smoke": 4}  # plans under review (bench/drafts.py)


def supportable_proposals(holder_ids: list[int], *, first: int = 2, last: int) -> list[int]:
    """Proposals first..last that none of the token holders wrote: the benchmark sends supports from any holder
    to any of them, and an author supporting their own proposal is rightly refused (403), not a success."""
    from consultations.models import Proposal

    proposals = Proposal.objects.filter(pk__range=(first, last)).exclude(author_id__in=holder_ids)
    return list(proposals.order_by("pk").values_list("pk", flat=True))


def main(scale_name: str, output: str) -> None:
    import django

    django.setup()
    from knox.models import AuthToken

    from accounts.models import User
    from bench import addresses, datagen, drafts, reports, sessions
    from commitments.models import Commitment, PolicyArea

    scale = datagen.FULL if scale_name == "full" else datagen.SMOKE
    start = time.perf_counter()
    generated = datagen.generate(scale)
    generated["seconds"] = time.perf_counter() - start
    start = time.perf_counter()
    plan_ids = [member * scale.plans_per_member + 1 for member in range(DRAFT_PLANS[scale_name])]
    draft_plans = drafts.generate(plan_ids=plan_ids, author_ids=list(range(1, min(scale.users, 2000) + 1)))
    generated["drafts_seconds"] = time.perf_counter() - start

    # Half the users at most: at the small scale the first 200 wrote every proposal, leaving none to support.
    holders = list(User.objects.order_by("pk")[: min(200, scale.users // 2)])
    tokens = [AuthToken.objects.create(user=user)[1] for user in holders]
    area = PolicyArea.objects.order_by("id").values_list("slug", flat=True).first()  # see datagen.tag_rows()
    from common.pagination import cursor_at

    n_commitments = Commitment.objects.count()
    deep_cursor = base64.b64encode(urlencode({"p": str(n_commitments - 30)}).encode()).decode()
    # The HTML list runs newest first: the page after the 31st row from the end is its last page.
    html_deep_cursor = cursor_at([31])
    start = time.perf_counter()
    sized = {n: reports.complete_report(commitments=n, tag=f"sized-{n}").pk for n in (10, 60, 100)}
    workers = [reports.complete_report(commitments=20, tag=f"worker-{i}").pk for i in range(10)]
    generated["reports_seconds"] = time.perf_counter() - start
    prepared = {
        "generated": generated,
        "tokens": tokens,
        "policy_area": area,
        "commitments": n_commitments,
        "html_deep_cursor": html_deep_cursor,
        "deep_cursor": deep_cursor,
        "proposals": scale.proposals,
        "supportable": supportable_proposals([user.pk for user in holders], last=min(scale.proposals, 5000) - 1),
        "hot_proposal": generated["hot_proposal"],
        "report_ids": sized,
        "worker_report_ids": workers,
        "drafts": draft_plans,
    }
    start = time.perf_counter()
    prepared["pages"] = addresses.public_pages(prepared) + sessions.signed_in_pages()
    generated["pages_seconds"] = time.perf_counter() - start
    # The drafts, reports, institutions, follows and users above were written after the load's VACUUM ANALYZE
    # (the institutions step rewrites every commitment). Autovacuum would catch up soon after, but it may be off
    # (as on this machine): with stale statistics a plan's monitoring page took 207 ms instead of 31, and with
    # the visibility map gone the members' counts fetched 17,081 heap rows a page (22.5 ms instead of 2.0).
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    with open(output, "w") as handle:
        json.dump(prepared, handle)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
