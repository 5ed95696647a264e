"""The home page's key figures are stored and follow the writes that change them."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from commitments import selectors, services
from commitments.models import HeadlineFigures, Milestone
from commitments.services.figures import headline_figures_refresh
from tests.factories import ActionPlanFactory, CommitmentFactory, MemberFactory, MilestoneFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


def _home_figures(client) -> dict:
    cache.clear()  # the page's cached fragment: the figures themselves are read on a miss
    return client.get(reverse("home")).context["figures"]


def test_the_home_page_reads_the_stored_figures_in_one_query(client, django_assert_num_queries):
    plan = ActionPlanFactory(member=MemberFactory(kind="national", country="KE"), status="implementation")
    MilestoneFactory(commitment=CommitmentFactory(action_plan=plan), completed=True)
    MilestoneFactory(commitment=CommitmentFactory(action_plan=plan))
    headline_figures_refresh()
    with django_assert_num_queries(1):
        figures = selectors.headline_figures()
    assert figures == {**selectors.headline_figures_count(), "milestones_completed_pct": 50}
    assert figures["commitments"] == 2 and figures["action_plans_implementing"] == 1 and figures["countries"] == 1


def test_a_write_refreshes_the_figures_once_it_commits(client, django_capture_on_commit_callbacks):
    plan = ActionPlanFactory(status="implementation")
    milestone = MilestoneFactory(commitment=CommitmentFactory(action_plan=plan))
    headline_figures_refresh()
    assert _home_figures(client)["milestones_completed"] == 0

    with django_capture_on_commit_callbacks(execute=True):
        services.milestone_update(milestone=milestone, status=Milestone.Status.COMPLETED)
    figures = _home_figures(client)
    assert (figures["milestones_completed"], figures["milestones_completed_pct"]) == (1, 100)

    with django_capture_on_commit_callbacks(execute=True):
        CommitmentFactory(action_plan=plan)
    assert _home_figures(client)["commitments"] == 2
    assert HeadlineFigures.objects.count() == 1


def test_a_burst_of_writes_queues_one_refresh(monkeypatch, django_capture_on_commit_callbacks):
    from commitments.services import figures

    queued = []
    monkeypatch.setattr(figures, "enqueue_on_commit", lambda task: queued.append(task))
    with django_capture_on_commit_callbacks(execute=True):
        CommitmentFactory.create_batch(3)
    assert queued == [figures.TASK]
    headline_figures_refresh()  # the refresh starts: the next write queues again
    with django_capture_on_commit_callbacks(execute=True):
        CommitmentFactory()
    assert queued == [figures.TASK, figures.TASK]


def test_before_the_first_refresh_the_home_page_counts_and_stores_the_figures(client, django_assert_num_queries):
    CommitmentFactory.create_batch(2)  # as after a bulk load: no row stored yet
    HeadlineFigures.objects.all().delete()
    assert _home_figures(client)["commitments"] == 2
    assert HeadlineFigures.objects.get().commitments == 2
    with django_assert_num_queries(1):
        assert services.headline_figures_current()["commitments"] == 2


def test_the_cached_home_page_shows_the_new_figures_once_the_refresh_ran(
    client, monkeypatch, django_capture_on_commit_callbacks
):
    from commitments.services import figures

    monkeypatch.setattr(figures, "enqueue_on_commit", lambda task: None)  # the worker runs it later, below
    plan = ActionPlanFactory(status="implementation")
    CommitmentFactory.create_batch(2, action_plan=plan)
    headline_figures_refresh()
    with django_capture_on_commit_callbacks(execute=True):
        CommitmentFactory(action_plan=plan)
    # A visit between the commit and the refresh caches the figures still stored…
    assert b"<strong>2</strong> commitments" in client.get(reverse("home")).content
    headline_figures_refresh()  # …the worker's refresh
    assert b"<strong>3</strong> commitments" in client.get(reverse("home")).content


def test_overlapping_refreshes_count_under_the_row_lock_and_an_unchanged_count_bumps_nothing():
    from common.cache import content_version

    CommitmentFactory()
    headline_figures_refresh()
    version = content_version()
    headline_figures_refresh()
    assert content_version() == version  # nothing changed: pages keep their cache
    CommitmentFactory.create_batch(2)
    assert headline_figures_refresh().commitments == 3
