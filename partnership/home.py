"""The home page's content: rendered once per language and kept as a snapshot, rendered again by a task after the
writes that change it.

Every write to the content bumps the content version (common/cache.py), and the home page shows what most writes
change (open consultations, commitments to follow, recent plans, figures). Rendered on the request that finds it
stale, the first visitor after each write paid for the whole page (about 15 ms at national scale, five times
a cached page); on a busy portal that is every visitor. Now that visitor is shown the snapshot rendered before
the write, and a worker renders the new one (`home_content_refresh_task`, one at a time per language). A snapshot
is never shown more than STALE_SECONDS after a newer version exists: past that (no worker, or a busy one) the
request renders it itself, as it does when there is none, and where tasks run in-process (the embedded default,
the tests) every request shows the current content.

Consultations open and close with the clock as well as with writes: a snapshot is rendered again after
EXPIRES_SECONDS whatever the version.
"""

import time

from celery import current_app
from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.functional import SimpleLazyObject
from django.utils.safestring import mark_safe

from commitments import selectors, services
from common.cache import content_version
from common.queue import enqueue_on_commit
from partnership import selectors as partnership_selectors

TEMPLATE = "commitments/includes/_home_content.html"
TASK = "partnership.tasks.home_content_refresh_task"
STALE_SECONDS = 60
EXPIRES_SECONDS = 600


def _key(language: str) -> str:
    return f"home-content:{language}"


def _refreshing_key(language: str) -> str:
    return f"home-content-refreshing:{language}"


def home_context() -> dict:
    """What the content shows: each block one bounded query, run when the template reads it."""
    return {
        # Stored figures (one row).
        "figures": SimpleLazyObject(services.headline_figures_current),
        "open_consultations": SimpleLazyObject(partnership_selectors.home_open_consultations),
        "commitments_to_follow": SimpleLazyObject(partnership_selectors.home_commitments_to_follow),
        "recent_plans": selectors.recent_action_plans(limit=6),
        "policy_areas": selectors.policy_areas_top_level(),
    }


def home_content_render(*, language: str) -> str:
    """Render the content in `language` and keep it as the snapshot. The version is read before the data: a write
    in between leaves the snapshot stale (rendered again), never wrongly current."""
    with translation.override(language):
        version = content_version()
        html = render_to_string(TEMPLATE, home_context())
    cache.set(_key(language), {"version": version, "built_at": time.time(), "html": html}, EXPIRES_SECONDS * 2)
    cache.delete(_refreshing_key(language))
    return html


def _tasks_in_process() -> bool:
    """Whether a queued task runs in this process, at once (no worker to do it later)."""
    return bool(current_app.conf.task_always_eager)


def home_content() -> str:
    """The content for the request's language: the snapshot, or a new one (see the module's docstring)."""
    language = translation.get_language()
    snapshot = cache.get(_key(language))
    if snapshot is None:
        return mark_safe(home_content_render(language=language))  # noqa: S308 (rendered by the template engine)
    age = time.time() - snapshot["built_at"]
    if snapshot["version"] == content_version() and age < EXPIRES_SECONDS:
        return mark_safe(snapshot["html"])  # noqa: S308
    if age >= STALE_SECONDS or _tasks_in_process():
        return mark_safe(home_content_render(language=language))  # noqa: S308
    if cache.add(_refreshing_key(language), True, timeout=STALE_SECONDS):  # one refresh at a time
        enqueue_on_commit(TASK, language)
    return mark_safe(snapshot["html"])  # noqa: S308
