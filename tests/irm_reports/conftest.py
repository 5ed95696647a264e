import pytest

from tests.factories import ActionPlanFactory, UserFactory
from tests.factories.irm_reports import ReportFactory, ResearcherAssignmentFactory


@pytest.fixture
def researcher(db):
    return UserFactory(researcher=True, full_name="Ngozi Adeyemi")


@pytest.fixture
def other_researcher(db):
    return UserFactory(researcher=True)


@pytest.fixture
def completed_plan(member):
    return ActionPlanFactory(member=member, title="Madrid plan 2021–2023", completed=True)


@pytest.fixture
def assigned(researcher, completed_plan):
    return ResearcherAssignmentFactory(action_plan=completed_plan, researcher=researcher)


@pytest.fixture
def report(completed_plan, assigned):
    return ReportFactory(action_plan=completed_plan)


@pytest.fixture
def researcher_client(client, researcher):
    client.force_login(researcher)
    return client


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Each test writes its PDFs to its own folder (report ids repeat from one test database to the next)."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT
