"""What the browser journeys share beside their fixtures (tests/conftest.py: `browser`, `new_page`)."""

from tests.factories.accounts import DEFAULT_PASSWORD


def sign_in(page, base: str, email: str) -> None:
    """Sign in through the form; the page each role lands on is tested in tests/partnership/test_landing.py."""
    page.goto(f"{base}/accounts/login/")
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", DEFAULT_PASSWORD)
    page.click("form.form button[type=submit]")
    page.wait_for_url(lambda url: "/accounts/login/" not in url)
