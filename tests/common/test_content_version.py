"""The content version never goes back: values that processes keep in their own memory per version
(common.widgets) cannot come back to life when Redis loses the key."""

import pytest
from django.core.cache import cache

from common.cache import VERSION_KEY, bump_content_version, content_version, one_version_per_request
from tests.factories import CommitmentFactory


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


@pytest.fixture
def version_reads(monkeypatch):
    """The keys read from the cache with get_or_set (the content version's read), in order."""
    reads = []
    get_or_set = cache.get_or_set

    def counted(key, *args, **kwargs):
        reads.append(key)
        return get_or_set(key, *args, **kwargs)

    monkeypatch.setattr(cache, "get_or_set", counted)
    return reads


@pytest.mark.django_db
def test_a_request_reads_the_version_once_and_again_after_its_own_write(version_reads):
    reads = version_reads
    with one_version_per_request():
        first = content_version()
        assert content_version() == first and content_version() == first
        assert reads.count(VERSION_KEY) == 1
        cache.incr(VERSION_KEY)  # another process's write: this request keeps the version it started with
        assert content_version() == first
        bump_content_version()  # a write of this request: what it caches next is under the new version
        assert content_version() > first + 1
    assert reads.count(VERSION_KEY) == 2
    content_version()  # outside a request (tasks, commands): read each time
    content_version()
    assert reads.count(VERSION_KEY) == 4


@pytest.mark.django_db
def test_a_list_page_reads_the_version_once(client, version_reads):
    CommitmentFactory()
    reads = version_reads
    assert client.get("/commitments/", {"completion": "complete"}).status_code == 200
    assert reads.count(VERSION_KEY) == 1  # it was five: the page's fragment and each filter's options
