"""Writing one action plan of OGP's sheet: the plan, its commitments, their institutions and policy areas.

Records are matched on OGP's identifiers and saved (after `full_clean()`) only when a value
differs, so importing the same file again changes nothing and adds no history. Everything a plan
needs is read up front, in a fixed number of queries per member.
"""

from datetime import date

from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Organisation
from commitments.models import ActionPlan, Commitment, Member
from common.content_translations import source_of, texts_written
from irm_reports.importing.rows import PlanData, RowData
from irm_reports.importing.summary import Issue

PolicyLink = Commitment.policy_areas.through
ORGANISATION_NAME_MAX = 300


class RowProblem(Exception):
    """A row that cannot be written (its commitment number is taken, its plan conflicts…)."""

    def __init__(self, column: str, message: str):
        super().__init__(message)
        self.column = column


def assign(instance, desired: dict) -> bool:
    """Set the fields whose value differs; True when something changed."""
    changed = False
    for name, value in desired.items():
        if getattr(instance, name) != value:
            setattr(instance, name, value)
            changed = True
    return changed


def validate(instance) -> None:
    """`full_clean()` without the queries of uniqueness and constraint checks: the importer matched every
    record against what it read, and the database keeps every constraint (a violation rolls the
    plan back and is reported)."""
    instance.full_clean(validate_unique=False, validate_constraints=False)


def plan_dates(submission_year: int, end_year: int) -> tuple[date, date]:
    """OGP's sheet gives years only: a plan runs from 1 January of its year of submission to
    31 December of its end year (its page shows the years, not these dates)."""
    return date(submission_year, 1, 1), date(end_year, 12, 31)


class MemberState:
    """What the import matches against for one member, read in a fixed number of queries."""

    def __init__(self, member: Member, identifiers: list[str], plan_ids: list[str]):
        self.member = member
        plans = ActionPlan.objects.filter(member=member) | ActionPlan.objects.filter(ogp_id__in=plan_ids)
        self.plans = list(plans.distinct())
        commitments = Commitment.objects.filter(action_plan__in=self.plans) | Commitment.objects.filter(
            ogp_id__in=identifiers
        )
        self.commitments = list(commitments.distinct())
        self.by_ogp_id = {c.ogp_id: c for c in self.commitments if c.ogp_id}
        ids = [c.pk for c in self.commitments]
        self.links: dict[int, set[int]] = {pk: set() for pk in ids}
        for commitment_id, area_id in PolicyLink.objects.filter(commitment_id__in=ids).values_list(
            "commitment_id", "policyarea_id"
        ):
            self.links[commitment_id].add(area_id)
        self.organisations = {o.name.lower(): o for o in Organisation.objects.filter(member=member)}
        self.organisations_seen: set[int] = set()

    def find_plan(self, data: PlanData) -> ActionPlan | None:
        """The plan with OGP's ID, or the member's plan of that number not yet linked to OGP's data."""
        for plan in self.plans:
            if plan.ogp_id == data.ogp_id:
                if plan.member_id != self.member.pk:
                    message = _("This action plan belongs to another member (%(member)s).") % {"member": plan.member}
                    raise RowProblem("Action Plan ID", message)
                return plan
        for plan in self.plans:
            if plan.member_id == self.member.pk and plan.number == data.number:
                if plan.ogp_id:
                    raise RowProblem(
                        "Action Plan Number",
                        _("Plan number %(number)s of this member is OGP's plan %(id)s.")
                        % {"number": data.number, "id": plan.ogp_id},
                    )
                if data.submission_year == plan.start_date.year or data.end_year == plan.end_date.year:
                    return plan
                raise RowProblem(
                    "Action Plan Number",
                    _("This member's plan number %(number)s covers %(period)s, not these years: renumber it first.")
                    % {"number": data.number, "period": plan.period_label},
                )
        return None


def plan_upsert(*, state: MemberState, data: PlanData) -> tuple[ActionPlan, str]:
    """The plan with OGP's identifiers and years; its dates follow the years (plan_dates)."""
    plan = state.find_plan(data)
    desired = {
        "ogp_id": data.ogp_id,
        "number": data.number,
        "submission_year": data.submission_year,
        "end_year": data.end_year,
        "duration_years": data.duration,
    }
    if plan is None:
        start, end = plan_dates(data.submission_year, data.end_year)
        plan = ActionPlan(
            member=state.member,
            title=f"{state.member.name} Action Plan {data.submission_year}–{data.end_year}",
            start_date=start,
            end_date=end,
            language="en",  # OGP's sheet is in English
            status=ActionPlan.Status.COMPLETED if end < timezone.localdate() else ActionPlan.Status.IMPLEMENTATION,
            **desired,
        )
        validate(plan)
        plan.save()
        state.plans.append(plan)
        return plan, "created"
    derived = plan_dates(plan.submission_year, plan.end_year) if plan.submission_year and plan.end_year else None
    if derived == (plan.start_date, plan.end_date):  # dates derived from years follow them
        desired["start_date"], desired["end_date"] = plan_dates(data.submission_year, data.end_year)
    if not assign(plan, desired):
        return plan, "unchanged"
    validate(plan)
    plan.save()
    return plan, "updated"


# The commitment's fields written from the row as they are (RowParser._commitment and its value flags).
COMMITMENT_FIELDS = (
    "number",
    "title",
    "short_title",
    "full_text",
    "theme",
    "start_date",
    "end_date",
    "start_date_text",
    "end_date_text",
    "lead_institution_text",
    "supporting_institutions_text",
    "ogp_url",
    "access_to_information",
    "civic_participation",
    "public_accountability",
    "technology_innovation",
)


class CommitmentWriter:
    """Commitments of one plan, with their lead institution and policy areas."""

    def __init__(self, state: MemberState, plan: ActionPlan, summary):
        self.state, self.plan, self.summary = state, plan, summary
        self.by_number = {c.number: c for c in state.commitments if c.action_plan_id == plan.pk}
        self.new_links: list = []
        self.removed_links: list[tuple[int, set[int]]] = []

    def write(self, row: RowData) -> Commitment:
        commitment = self.state.by_ogp_id.get(row.identifier)
        data = row.commitment
        self._check_number(row, commitment)
        desired = {key: data[key] for key in COMMITMENT_FIELDS}
        desired["action_plan_id"] = self.plan.pk
        desired["lead_institution_id"] = self._lead(data["lead_institution_text"])
        if commitment is None:
            commitment = Commitment(action_plan=self.plan, ogp_id=row.identifier, **desired)
            outcome = "created"
            texts = None
        else:
            if commitment.action_plan_id != self.plan.pk:
                self.by_number.pop(commitment.number, None)
            texts = source_of(commitment)
            outcome = "updated" if assign(commitment, desired) else "unchanged"
        if outcome != "unchanged":
            commitment.action_plan = self.plan
            validate(commitment)
            commitment.save()
            # OGP rewrote its texts: the translations of them are outdated; new or rewritten texts go to the machine
            texts_written(commitment, before=texts)
            self.state.by_ogp_id[row.identifier] = commitment
        self.by_number[commitment.number] = commitment
        if self._areas(commitment, row.policy_areas) and outcome == "unchanged":
            outcome = "updated"
        self.summary.count("commitments", outcome)
        return commitment

    def _check_number(self, row: RowData, commitment: Commitment | None) -> None:
        """Another commitment of the plan with the row's number: refused when it is the portal's own
        commitment (the support unit says whether it is this one), kept with a warning when imported."""
        number = row.commitment["number"]
        taken = self.by_number.get(number)
        if taken is None or taken is commitment:
            return
        if not taken.ogp_id:
            raise RowProblem(
                "Commitment Number",
                _("Commitment %(number)s of this plan is already %(other)s.")
                % {"number": number, "other": taken.title},
            )
        self.summary.warnings.append(
            Issue(
                row.row,
                row.line,
                "Commitment Number",
                number,
                _("Commitment %(other)s of this plan has the same number; both are kept.") % {"other": taken.ogp_id},
                row.identifier,
            )
        )

    def _lead(self, text: str) -> int | None:
        """The lead institution as an organisation of the member, when the text names one institution."""
        name = " ".join(text.split())
        if not name or len(name) > ORGANISATION_NAME_MAX:
            return None
        organisation = self.state.organisations.get(name.lower())
        if organisation is None:
            organisation = Organisation(
                member=self.state.member,
                name=name,
                kind=Organisation.Kind.GOVERNMENT,
                country=self.state.member.country,
            )
            validate(organisation)
            organisation.save()
            self.state.organisations[name.lower()] = organisation
            self.summary.count("institutions", "created")
        elif organisation.pk not in self.state.organisations_seen:
            self.summary.count("institutions", "unchanged")
        self.state.organisations_seen.add(organisation.pk)
        return organisation.pk

    def _areas(self, commitment: Commitment, wanted: frozenset) -> bool:
        current = self.state.links.setdefault(commitment.pk, set())
        if current == wanted:
            return False
        self.new_links += [PolicyLink(commitment_id=commitment.pk, policyarea_id=a) for a in wanted - current]
        if current - wanted:
            self.removed_links.append((commitment.pk, current - wanted))
        self.state.links[commitment.pk] = set(wanted)
        return True

    def flush(self) -> None:
        """Write the policy-area links in bulk (one query each way)."""
        for commitment_id, area_ids in self.removed_links:
            PolicyLink.objects.filter(commitment_id=commitment_id, policyarea_id__in=area_ids).delete()
        if self.new_links:
            PolicyLink.objects.bulk_create(self.new_links)
