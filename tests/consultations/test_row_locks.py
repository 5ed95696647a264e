"""A write locks the row it changes, not the rows it reads with it: locking a consultation (or a plan, a monitoring
report) leaves its plan and member free, so writes on two consultations of one member never wait on each other
(and, waiting in opposite orders, deadlock: a response published while a worker wrote elsewhere for the member)."""

import pytest
from django.db import transaction

from commitments.services.plans import _lock_plan
from consultations.services._common import lock_consultation
from tests.conftest import raw_postgres
from tests.factories.consultations import ConsultationFactory

pytestmark = pytest.mark.integration


def _free(table: str, pk: int) -> bool:
    """Whether another connection can lock the row at once."""
    import psycopg2

    other = raw_postgres()
    try:
        with other.cursor() as cursor:
            cursor.execute(f"SELECT id FROM {table} WHERE id = %s FOR UPDATE NOWAIT", [pk])  # noqa: S608 (fixed names)
        return True
    except psycopg2.errors.LockNotAvailable:
        return False
    finally:
        other.close()


def test_locking_a_consultation_leaves_its_plan_and_member_free(postgres, transactional_db):
    consultation = ConsultationFactory()
    plan = consultation.action_plan
    with transaction.atomic():
        lock_consultation(consultation.pk)
        assert not _free("consultations_consultation", consultation.pk)  # the row itself is locked
        assert _free("commitments_actionplan", plan.pk)
        assert _free("commitments_member", plan.member_id)


def test_locking_a_plan_leaves_its_member_free(postgres, transactional_db):
    plan = ConsultationFactory().action_plan
    with transaction.atomic():
        _lock_plan(plan.pk)
        assert not _free("commitments_actionplan", plan.pk)
        assert _free("commitments_member", plan.member_id)
