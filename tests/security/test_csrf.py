"""CSRF: every write of the site and of the API, sent from a signed-in browser without the token, is refused.

The writes come from the permission matrix (tests/security/matrix.py), so a new form is covered as soon
as it has its line there. Each is sent by a role allowed to use it, with `enforce_csrf_checks` on (the
test client skips the check otherwise), and must answer 403 and change nothing.
"""

import re
from pathlib import Path

import pytest
from django.core.cache import cache
from django.db import transaction
from django.test import Client
from django.urls import reverse

from tests.security.matrix import ANONYMOUS, ENDPOINTS, WRITES, acting_role
from tests.security.test_permission_matrix import _send, _snapshot

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
# Writes that need no CSRF token, and why.
EXEMPT = {
    "api:auth-token": "takes the e-mail and password in its body and uses no session: a forged request lacks them",
}
CHECKED = [(name, method) for name, method in WRITES if name not in EXEMPT]


@pytest.mark.parametrize(("name", "method"), CHECKED, ids=[f"{n}-{m}" for n, m in CHECKED])
def test_a_write_without_the_csrf_token_is_refused(world, name, method):
    endpoint = ENDPOINTS[name]
    role = acting_role(endpoint.writes[method])
    client = Client(enforce_csrf_checks=True)
    if role != ANONYMOUS:
        client.force_login(world[role])
    url = reverse(name, kwargs=endpoint.url_kwargs(world))
    cache.clear()
    with transaction.atomic():
        before = _snapshot()
        response = _send(client, endpoint, url, method, world)
        after = _snapshot()
        transaction.set_rollback(True)
    assert response.status_code == 403, f"{method.upper()} {url} as {role} without a CSRF token: {response.status_code}"
    assert before == after


def test_every_post_form_in_the_templates_carries_the_csrf_token():
    """A form that posts to the portal includes {% csrf_token %} (a GET form, e.g. search, needs none)."""
    missing = []
    for path in sorted(ROOT.glob("*/templates/**/*.html")) + sorted((ROOT / "templates").glob("**/*.html")):
        if ".venv" in path.parts:
            continue
        text = path.read_text()
        for form in re.findall(r"<form\b[^>]*>.*?</form>", text, flags=re.S | re.I):
            if re.search(r'method=["\']?post', form, flags=re.I) and "csrf_token" not in form:
                missing.append(str(path.relative_to(ROOT)))
    assert not missing, f"POST forms without {{% csrf_token %}}: {sorted(set(missing))}"
