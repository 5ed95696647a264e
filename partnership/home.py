"""The home page's content: rendered once per language and kept as a snapshot, rendered again by a task after the
writes that change it.

Every write to the content bumps the content version (common/cache.py), and the home page shows what most writes
change (open consultations, commitments to follow, recent plans, figures). Rendered on the request that finds it
stale, the first visitor after each write paid for the whole page (about 15 ms at national scale, five times
a cached page); on a busy portal that is every visitor. Now the first visit that finds the snapshot stale queues
one refresh (`home_content_refresh_task`, sent from a thread: a visit never waits on the broker) and is shown the
snapshot rendered before the write, as is every visit until a worker has rendered the new one. If no worker has
within STALE_SECONDS of that first visit, the visits render it themselves, as they do when there is none, and
where tasks run in-process (the embedded default, the tests) every visit shows the current content.

Consultations open and close with the clock as well as with writes: a snapshot older than EXPIRES_SECONDS is
stale whatever the version. A render never replaces a snapshot of a newer version (one that started later
finished first).
"""

import time

from celery import current_app
from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.functional import SimpleLazyObject

from commitments import selectors, services
from common.cache import content_version
from common.queue import enqueue_in_background
from partnership import selectors as partnership_selectors

TEMPLATE = "commitments/includes/_home_content.html"
TASK = "partnership.tasks.home_content_refresh_task"
STALE_SECONDS = 60
EXPIRES_SECONDS = 600


def _key(language: str) -> str:
    return f"home-content:{language}"


def _queued_key(language: str) -> str:
    """When the pending refresh was queued (by the first visit that found the snapshot stale)."""
    return f"home-content-queued:{language}"


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
    """Render the content in `language` and keep it as the snapshot, unless one of a newer version is kept already.
    The version is read before the data: a write in between leaves the snapshot stale (rendered again), never
    wrongly current."""
    with translation.override(language):
        version = content_version()
        built_at = time.time()
        html = render_to_string(TEMPLATE, home_context())
    kept = cache.get(_key(language))
    if kept is None or kept["version"] <= version:
        cache.set(_key(language), {"version": version, "built_at": built_at, "html": html}, EXPIRES_SECONDS * 2)
        cache.delete(_queued_key(language))
    return html


def _tasks_in_process() -> bool:
    """Whether a queued task runs in this process, at once (no worker to do it later)."""
    return bool(current_app.conf.task_always_eager)


def home_content() -> str:
    """The content for the request's language: the snapshot, or a new one (see the module's docstring). Markup
    the template engine wrote (a SafeString, kept as one in the cache)."""
    language = translation.get_language()
    snapshot = cache.get(_key(language))
    if snapshot is None or _tasks_in_process():
        if snapshot is None or not _current(snapshot):
            return home_content_render(language=language)
        return snapshot["html"]
    if _current(snapshot):
        return snapshot["html"]
    queued_at = cache.get(_queued_key(language))
    if queued_at is None:
        if cache.add(_queued_key(language), time.time(), timeout=STALE_SECONDS * 2):  # one refresh at a time
            enqueue_in_background(TASK, language)
    elif time.time() - queued_at >= STALE_SECONDS:  # no worker rendered it in time
        return home_content_render(language=language)
    return snapshot["html"]


def _current(snapshot: dict) -> bool:
    return snapshot["version"] == content_version() and time.time() - snapshot["built_at"] < EXPIRES_SECONDS
