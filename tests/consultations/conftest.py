import pytest
from django.core.cache import cache

from tests.factories import UserFactory
from tests.factories.consultations import CommentFactory, ConsultationFactory, ProposalFactory


@pytest.fixture(autouse=True)
def _fresh_cache_and_media(settings, tmp_path):
    """Rate-limit counters do not leak between tests; uploaded files go to a temporary folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def consultation(plan):
    """An open consultation on Madrid's plan (the `plan` fixture)."""
    return ConsultationFactory(action_plan=plan, title="Proposals for Madrid")


@pytest.fixture
def author(db):
    return UserFactory(full_name="Amina Bello")


@pytest.fixture
def proposal(consultation, author):
    return ProposalFactory(consultation=consultation, author=author, title="Publish district agendas in advance")


# A Spanish consultation, a public proposal in it, a comment (translations of content: test_content_translations.py).
SPANISH = {"title": "Presupuestos participativos 2026", "description": "Envíen sus propuestas sobre el presupuesto."}


@pytest.fixture
def spanish_consultation(plan):
    return ConsultationFactory(action_plan=plan, language="es", **SPANISH)


@pytest.fixture
def public_proposal(spanish_consultation, author):
    return ProposalFactory(consultation=spanish_consultation, author=author, language="es")


@pytest.fixture
def commenter(db):
    return UserFactory(full_name="Lucía Pérez")


@pytest.fixture
def comment(public_proposal, commenter):
    return CommentFactory(proposal=public_proposal, author=commenter, language="es", body="Muy buena idea.")
