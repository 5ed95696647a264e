import pytest
from axes.utils import reset as axes_reset
from django.core.cache import cache


@pytest.fixture
def sign_in_slate():
    """No sign-in failure, lockout or rate-limit count left over from another test, before or after."""
    cache.clear()
    axes_reset()
    yield
    cache.clear()
    axes_reset()
