import pytest


@pytest.fixture
def world(settings, tmp_path):
    """The objects of the permission matrix, owned by its known users (tests/security/matrix.py)."""
    from tests.security.matrix import build_world

    settings.MEDIA_ROOT = tmp_path / "media"
    return build_world()
