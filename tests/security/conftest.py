import pytest


@pytest.fixture
def world(settings, tmp_path):
    """The objects of the permission matrix, owned by its known users (tests/security/world.py)."""
    from tests.security.world import build_world

    settings.MEDIA_ROOT = tmp_path / "media"
    return build_world()
