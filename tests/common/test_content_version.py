"""The content version never goes back: values that processes keep in their own memory per version
(common.widgets) cannot come back to life when Redis loses the key."""

import pytest
from django.core.cache import cache

from common.cache import VERSION_KEY, bump_content_version, content_version


@pytest.mark.django_db
def test_after_the_key_is_lost_the_version_is_one_never_seen():
    seen = {content_version()}
    bump_content_version()
    seen.add(content_version())
    cache.delete(VERSION_KEY)  # a flush, an eviction, a new Redis
    restarted = content_version()
    assert restarted > max(seen)


@pytest.mark.django_db
def test_a_bump_after_the_key_is_lost_also_moves_forward():
    before = content_version()
    cache.delete(VERSION_KEY)
    bump_content_version()
    assert content_version() > before
