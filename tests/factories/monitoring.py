"""Monitoring reports as stored (a submitted one by default); the services' rules are tested through the services."""

from datetime import timedelta

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from monitoring.models import Finding, MonitoringReport, ReportAnswer
from monitoring.services.status import monitoring_refresh
from tests.factories.accounts import UserFactory
from tests.factories.commitments import ActionPlanFactory, CommitmentFactory


class MonitoringReportFactory(DjangoModelFactory):
    class Meta:
        model = MonitoringReport
        skip_postgeneration_save = True

    commitment = factory.SubFactory(
        CommitmentFactory, action_plan=factory.SubFactory(ActionPlanFactory, implementing=True)
    )
    author = factory.SubFactory(UserFactory)
    finding = Finding.DELAYED
    text = factory.Faker("paragraph")
    observed_on = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=3))
    status = MonitoringReport.Status.SUBMITTED
    submitted_at = factory.LazyFunction(timezone.now)
    response_due_on = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=30))

    class Params:
        draft = factory.Trait(status=MonitoringReport.Status.DRAFT, submitted_at=None, response_due_on=None)

    @factory.post_generation
    def refreshed(obj, create, extracted, **kwargs):
        if create:
            monitoring_refresh(commitment_id=obj.commitment_id)


class ReportAnswerFactory(DjangoModelFactory):
    report = factory.SubFactory(MonitoringReportFactory)
    kind = ReportAnswer.Kind.DISPUTED
    text = "The works started on time; see the published contract."

    class Meta:
        model = ReportAnswer
        skip_postgeneration_save = True

    @factory.post_generation
    def refreshed(obj, create, extracted, **kwargs):
        if create:
            monitoring_refresh(commitment_id=obj.report.commitment_id)


__all__ = ["MonitoringReportFactory", "ReportAnswerFactory"]
