"""The partnership's figures from the IRM's assessments, counted in the database.

A commitment counts when it has a published IRM assessment (its latest one is marked `is_latest`).
Each figure reads the most recent published assessment that rates it, so an end-of-term rating wins
over the mid-term one and the mid-term one stands when the end of term has none (`ND`, `NR`, `NA`).
Which stored values are "rated", "complete", "transformative" or "opened government" is decided
by the project's one implementation of OGP's formulas (irm_reports.indicators), asked once per value
of each scale; the star is the flag that implementation stored with the assessment.

Every breakdown is one query (GROUP BY with conditional counts), whatever the number of commitments.
"""

from contextlib import contextmanager

from django.db import connection, transaction
from django.db.models import Case, Count, Exists, F, FilteredRelation, OuterRef, Q, Subquery, When
from django.db.models.functions import Coalesce, ExtractYear

from commitments.models import Commitment, Member
from common.db import CompiledOnce, FixedQuery, PageQuery
from irm_reports.indicators import has_strong_results, is_ambitious, is_high_completion
from irm_reports.models import CommitmentAssessment, Report
from irm_reports.scales import Completion, DidItOpenGovernment, Methodology, PotentialImpact

LEGACY = Methodology.LEGACY_2015


def _values(scale, formula) -> tuple[frozenset, frozenset]:
    """(the values the formula decides on, the values it says yes to), for one field's scale."""
    decided = {value: formula(value) for value in scale.values}
    return (
        frozenset(v for v, result in decided.items() if result is not None),
        frozenset(v for v, result in decided.items() if result),
    )


COMPLETION_RATED, COMPLETED = _values(Completion, lambda v: is_high_completion({"completion": v}))
IMPACT_RATED, TRANSFORMATIVE = _values(PotentialImpact, lambda v: is_ambitious({"potential_impact": v}, LEGACY))
DIOG_RATED, OPENED = _values(DidItOpenGovernment, lambda v: has_strong_results({"diog_overall": v}, LEGACY))

# The keys of a row, in the order of the API, the CSV and the tables.
KEYS = (
    "group",
    "label",
    "commitments",
    "completion_assessed",
    "completed",
    "impact_assessed",
    "transformative",
    "starred",
    "opened_government",
)
COUNTS = KEYS[2:]
# Breakdowns: the grouping expression of each (`by` of the page, the API and the CSV).
BREAKDOWNS = {
    "region": F("action_plan__member__region"),
    "policy_area": F("policy_areas__slug"),
    "kind": F("action_plan__member__kind"),
    "start_year": ExtractYear("action_plan__start_date"),
    "member": F("action_plan__member__slug"),
    "challenge_area": F("challenge_areas__slug"),  # the OGP Challenge's areas (cycle.ChallengeArea)
}
# Groups labelled by a localized name.
NAMED = {"policy_area": "policy_areas", "member": "action_plan__member", "challenge_area": "challenge_areas"}


def remember_jit(sender, connection, **kwargs):
    """connection_created (analytics.apps): whether the server has JIT off for the new connection, asked as it opens
    (settings turn it off unless DB_JIT; a pooler may drop that option, and the server's default then holds)."""
    if connection.vendor == "postgresql":
        _ask_jit(connection)


def _ask_jit(wrapper) -> bool:
    with wrapper.cursor() as cursor:
        cursor.execute("SHOW jit")
        off = cursor.fetchone()[0] == "off"
    wrapper.ogp_jit_off = (wrapper.connection, off)
    return off


def _jit_off_on_connection() -> bool:
    connection.ensure_connection()  # a new one is asked as it opens (remember_jit)
    known = getattr(connection, "ogp_jit_off", None)
    if known is None or known[0] is not connection.connection:
        return _ask_jit(connection)
    return known[1]


@contextmanager
def without_jit():
    """PostgreSQL's JIT for the figures' queries: off. It is off on every connection unless DB_JIT turned it on
    (settings) or a pooler dropped the option; then one SET LOCAL, in a transaction.

    Their correlated subqueries run only for the commitments whose latest assessment lacks a rating, but the
    planner costs them for every row: on 50,000 commitments it then spends about 10 s compiling a query that
    runs in 0.2 s.
    """
    if connection.vendor != "postgresql" or _jit_off_on_connection():
        yield
        return
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL jit = off")
        yield


def _fallback(field: str, values: frozenset | None):
    """The field in the commitment's most recent published assessment that rates it."""
    rated = Q(**{f"{field}__in": values}) if values is not None else Q(**{f"{field}__isnull": False})
    assessments = CommitmentAssessment.objects.filter(
        rated, commitment=OuterRef("pk"), report__status=Report.Status.PUBLISHED
    ).order_by(F("report__published_at").desc(nulls_last=True), "-report_id")
    return Subquery(assessments.values(field)[:1])


def _latest_rating(field: str, values: frozenset | None = None):
    """The latest assessment's value when it rates the field, else the most recent one that does
    (COALESCE evaluates the subquery only for the commitments that need it)."""
    latest = f"latest__{field}"
    rated = Q(**{f"{latest}__in": values}) if values is not None else Q(**{f"{latest}__isnull": False})
    return Coalesce(Case(When(rated, then=F(latest))), _fallback(field, values))


def assessed_commitments(*, member: Member | int | None = None, challenge_area=None):
    """Commitments with a published IRM assessment, each with the ratings the figures read (of one member,
    of those tagged with one challenge area)."""
    queryset = (
        Commitment.objects.annotate(
            latest=FilteredRelation("irm_assessments", condition=Q(irm_assessments__is_latest=True))
        )
        .filter(latest__isnull=False)
        .annotate(
            f_completion=_latest_rating("completion", COMPLETION_RATED),
            f_impact=_latest_rating("potential_impact", IMPACT_RATED),
            f_starred=_latest_rating("starred"),
            f_diog=_latest_rating("diog_overall", DIOG_RATED),
        )
    )
    if member is not None:
        queryset = queryset.filter(action_plan__member=member)
    if challenge_area is not None:
        queryset = queryset.filter(challenge_areas=challenge_area)
    return queryset


def _counts() -> dict:
    return {
        "commitments": Count("pk"),
        "completion_assessed": Count("pk", filter=Q(f_completion__isnull=False)),
        "completed": Count("pk", filter=Q(f_completion__in=COMPLETED)),
        "impact_assessed": Count("pk", filter=Q(f_impact__isnull=False)),
        "transformative": Count("pk", filter=Q(f_impact__in=TRANSFORMATIVE)),
        "starred": Count("pk", filter=Q(f_starred=True)),
        "opened_government": Count("pk", filter=Q(f_diog__in=OPENED)),
        "diog_assessed": Count("pk", filter=Q(f_diog__isnull=False)),
    }


def figures_total(*, member: Member | None = None, challenge_area=None) -> dict:
    """The counts of all assessed commitments (of one member or challenge area, or of the partnership): one query."""
    if member is not None and challenge_area is None:
        return _MEMBER_TOTAL(member.pk)
    if challenge_area is not None and member is None:
        return _CHALLENGE_TOTAL(challenge_area.pk)
    if member is None and challenge_area is None:
        return _PARTNERSHIP_TOTAL(None)
    return assessed_commitments(member=member, challenge_area=challenge_area).aggregate(**_counts())


# A member's or a challenge area's page counts its figures when they are not cached: the ORM took about 6 ms to
# write this query for 1.4 ms of planning and execution, so its SQL is written once and only the key changes.
_MEMBER_TOTAL = CompiledOnce(lambda member_id: assessed_commitments(member=member_id).aggregate(**_counts()))
_CHALLENGE_TOTAL = CompiledOnce(lambda area_id: assessed_commitments(challenge_area=area_id).aggregate(**_counts()))
# The partnership's, beside every member's and challenge area's figures, counted again after every write.
_PARTNERSHIP_TOTAL = CompiledOnce(lambda _none: assessed_commitments().aggregate(**_counts()), keyed=False)


def _breakdown(queryset, by: str):
    """The counts of `queryset`'s commitments per group of the breakdown `by`, with the groups' names when named."""
    queryset = queryset.annotate(group=BREAKDOWNS[by])
    names = {}
    if by in NAMED:
        prefix = NAMED[by]
        names = {
            f"name_{lang}": F(f"{prefix}__{field}")
            for lang, field in (("en", "name"), ("fr", "name_fr"), ("es", "name_es"))
        }
        queryset = queryset.annotate(**names)
    return queryset.filter(group__isnull=False).values("group", *names).annotate(**_counts()).order_by("group")


# Every breakdown of the partnership, of a member and of a challenge area, written once per process (common.db):
# the ORM took about 6 ms to write each of these queries for 2 ms of planning and execution, and an analytics page
# sends three to five of them. Only the member's or the area's key changes from call to call.
_PARTNERSHIP_BY = {
    by: FixedQuery(lambda by=by: _breakdown(assessed_commitments(), by), annotations=True) for by in BREAKDOWNS
}
_MEMBER_BY = {
    by: PageQuery(lambda ids, by=by: _breakdown(assessed_commitments().filter(action_plan__member__in=ids), by),
                  up_to=1, annotations=True)
    for by in BREAKDOWNS
}  # fmt: skip
_CHALLENGE_BY = {
    by: PageQuery(lambda ids, by=by: _breakdown(assessed_commitments().filter(challenge_areas__in=ids), by),
                  up_to=1, annotations=True)
    for by in BREAKDOWNS
}  # fmt: skip


def figures_by(*, by: str, member: Member | int | None = None, challenge_area=None) -> list[dict]:
    """One dict of counts per group of the breakdown `by` (a key of BREAKDOWNS): one query. A member or a challenge
    area, or its id (as assessed_commitments takes them)."""
    if challenge_area is None:
        return _PARTNERSHIP_BY[by]() if member is None else _MEMBER_BY[by]([getattr(member, "pk", member)])
    if member is None:
        return _CHALLENGE_BY[by]([getattr(challenge_area, "pk", challenge_area)])
    return list(_breakdown(assessed_commitments(member=member, challenge_area=challenge_area), by))


def members_with_figures():
    """The members that have assessed commitments, for the page's choice of member: one query."""
    assessed = CommitmentAssessment.objects.filter(is_latest=True, commitment__action_plan__member=OuterRef("pk"))
    return Member.objects.filter(Exists(assessed)).only("slug", "name", "name_fr", "name_es").order_by("name")
