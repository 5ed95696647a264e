"""The move of StandardRequirement from irm_reports to commitments keeps every row, id and foreign key.

The database is taken back to the state before the move (commitments 0008 unapplied, with what depends
on it), filled through the historical models of that state, then migrated forward again.
"""

import datetime

import pytest
from django.db import IntegrityError, connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.db.models import ProtectedError

MOVE = ("commitments", "0008_standardrequirement_from_irm_reports")
REFERRING = ["consultations_requirementmark", "irm_reports_requirementassessment"]
# Each table before the move and after it.
TABLES = {
    "irm_reports_standardrequirement": "commitments_standardrequirement",
    "irm_reports_historicalstandardrequirement": "commitments_historicalstandardrequirement",
    **{table: table for table in REFERRING},
    "irm_reports_historicalrequirementassessment": "irm_reports_historicalrequirementassessment",
    "consultations_historicalrequirementmark": "consultations_historicalrequirementmark",
}


def _migrate_to_before_the_move():
    """Unapply the move (and whatever depends on it); the state apps of the database as it now is."""
    executor = MigrationExecutor(connection)
    before = [node for node in executor.loader.graph.node_map[MOVE].parents if node[0] == MOVE[0]]
    executor.migrate(before)
    loader = MigrationExecutor(connection).loader
    return loader.project_state(list(loader.applied_migrations)).apps


def _migrate_forward():
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


def _fill(apps) -> dict:
    """Requirements, a checklist mark and an IRM assessment on them, history rows and a permission."""
    get = apps.get_model
    requirement = get("irm_reports", "StandardRequirement").objects.create(
        version="2021", code="9.1", standard_no=9, text="Moved intact", text_fr="Déplacé intact", phase="both"
    )
    other = get("irm_reports", "StandardRequirement").objects.create(
        version="2017", code="9z", standard_no=9, text="Legacy", phase="co_creation", order=99
    )
    member = get("commitments", "Member").objects.create(name="Mv", slug="mv", kind="other", region="europe")
    plan = get("commitments", "ActionPlan").objects.create(
        member=member, number=1, title="Plan", start_date=datetime.date(2022, 1, 1), end_date=datetime.date(2024, 1, 1)
    )
    mark = get("consultations", "RequirementMark").objects.create(
        action_plan=plan, requirement=requirement, status="met", note="Forum minutes"
    )
    report = get("irm_reports", "Report").objects.create(
        action_plan=plan, report_type="results_report", methodology="refresh_2021"
    )
    assessment = get("irm_reports", "RequirementAssessment").objects.create(
        report=report, requirement=other, phase="co_creation", status="met", evidence="Seen"
    )
    now = datetime.datetime.now(tz=datetime.UTC)
    get("irm_reports", "HistoricalStandardRequirement").objects.create(
        id=requirement.pk, version="2021", code="9.1", standard_no=9, text="Before", history_date=now, history_type="~"
    )
    get("consultations", "HistoricalRequirementMark").objects.create(
        id=mark.pk,
        requirement_id=requirement.pk,
        status="not_met",
        created_at=now,
        updated_at=now,
        history_date=now,
        history_type="+",
    )
    get("irm_reports", "HistoricalRequirementAssessment").objects.create(
        id=assessment.pk, requirement_id=other.pk, phase="co_creation", history_date=now, history_type="+"
    )
    content_type, _ = get("contenttypes", "ContentType").objects.get_or_create(
        app_label="irm_reports", model="standardrequirement"
    )
    permission, _ = get("auth", "Permission").objects.get_or_create(
        content_type=content_type, codename="change_standardrequirement", defaults={"name": "Can change"}
    )
    group = get("auth", "Group").objects.create(name="Reference data editors")
    group.permissions.add(permission)
    return {
        "requirement": requirement.pk,
        "other": other.pk,
        "plan": plan.pk,
        "mark": mark.pk,
        "assessment": assessment.pk,
        "content_type": content_type.pk,
        "permission": permission.pk,
    }


def _rows(table: str) -> list[dict]:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)} ORDER BY 1")  # noqa: S608 (fixed names)
        columns = [column[0] for column in cursor.description]
        return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]


def _snapshot(*, moved: bool) -> dict:
    """Every row of the tables concerned, keyed by their name before the move."""
    return {old: _rows(new if moved else old) for old, new in TABLES.items()}


def _as_before(after: dict, before: dict) -> dict:
    """The rows after, cut to the columns they had before (later migrations add columns of their own)."""
    return {
        table: [{column: row[column] for column in rows_before[0]} if rows_before else row for row in after[table]]
        for table, rows_before in before.items()
    }


def _foreign_key_targets() -> dict:
    with connection.cursor() as cursor:
        return {table: connection.introspection.get_relations(cursor, table)["requirement_id"] for table in REFERRING}


def _check_after(ids: dict, before: dict) -> None:
    from django.contrib.auth.models import Group
    from django.contrib.contenttypes.models import ContentType

    from commitments.models import StandardRequirement
    from consultations.models import RequirementMark
    from irm_reports.models import RequirementAssessment

    tables = set(connection.introspection.table_names())
    assert not {"irm_reports_standardrequirement", "irm_reports_historicalstandardrequirement"} & tables
    assert _as_before(_snapshot(moved=True), before) == before
    assert _foreign_key_targets() == dict.fromkeys(REFERRING, ("id", "commitments_standardrequirement"))

    requirement = StandardRequirement.objects.get(pk=ids["requirement"])
    assert (requirement.code, requirement.text_fr) == ("9.1", "Déplacé intact")
    assert RequirementMark.objects.get(pk=ids["mark"]).requirement == requirement
    assert RequirementAssessment.objects.get(pk=ids["assessment"]).requirement.code == "9z"
    assert list(requirement.history.values_list("text", flat=True)) == ["Before"]

    ContentType.objects.clear_cache()
    content_type = ContentType.objects.get_for_model(StandardRequirement)
    assert content_type.pk == ids["content_type"]
    assert not ContentType.objects.filter(app_label="irm_reports", model__endswith="standardrequirement").exists()
    assert Group.objects.get(name="Reference data editors").permissions.get().pk == ids["permission"]


def _check_still_enforced(ids: dict) -> None:
    """The foreign keys still protect the rows, new ids follow the old ones, history is still written."""
    from commitments.models import StandardRequirement
    from consultations.models import RequirementMark

    with pytest.raises(ProtectedError):
        StandardRequirement.objects.get(pk=ids["requirement"]).delete()
    with pytest.raises(IntegrityError), transaction.atomic():
        RequirementMark.objects.create(action_plan_id=ids["plan"], requirement_id=ids["other"] + 10_000, status="met")
    newest = StandardRequirement.objects.create(version="2021", code="9.2", standard_no=9, text="New", phase="both")
    assert newest.pk > max(ids["requirement"], ids["other"])
    assert newest.history.count() == 1


@pytest.mark.timeout(900)  # every later migration is unapplied and applied again: minutes on a busy machine
@pytest.mark.django_db(transaction=True)
def test_moving_standard_requirements_to_commitments_keeps_rows_foreign_keys_and_permissions():
    """Every requirement, mark, assessment and history row is kept with its id; the foreign keys point at the
    renamed table; the content type (with its permissions and group rights) now belongs to commitments."""
    try:
        old_apps = _migrate_to_before_the_move()
        assert _foreign_key_targets() == dict.fromkeys(REFERRING, ("id", "irm_reports_standardrequirement"))
        ids = _fill(old_apps)
        before = _snapshot(moved=False)
        _migrate_forward()
        _check_after(ids, before)
        _check_still_enforced(ids)
    finally:
        _migrate_forward()  # never leave the test database behind the code, whatever failed
