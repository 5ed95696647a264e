"""Reading pages as a visitor does: a page in one of the portal's languages, and the queries a page runs."""

from django.db import connection
from django.test.utils import CaptureQueriesContext


def page_in(client, url: str, language: str) -> str:
    """The page at `url` (it must answer 200) as a visitor who chose `language` reads it."""
    client.cookies["django_language"] = language
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def query_count(client, url: str) -> int:
    """How many queries the page at `url` runs (it must answer 200)."""
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)
