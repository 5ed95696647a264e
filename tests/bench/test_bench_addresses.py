"""The benchmark's pages: every hit and miss address is a real page, a miss never repeats the hit, and the
signed-in pages are really signed in (the session the benchmark writes is accepted, not sent to sign in)."""

import pytest
from django.test import Client

from bench import drafts
from bench.addresses import api_cursor, public_pages
from bench.measure import parse_line
from bench.sessions import signed_in_pages
from common.pagination import cursor_at
from tests.factories import ActionPlanFactory, MemberFactory, UserFactory
from tests.factories.commitments import CommitmentFactory, PolicyAreaFactory
from tests.factories.consultations import CommentFactory, ConsultationFactory, ProposalFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def prepared():
    """A few members with an ended plan (for IRM reports) and a plan in consultation, as bench/datagen makes."""
    area = PolicyAreaFactory()
    for _ in range(3):
        member = MemberFactory()
        ActionPlanFactory(member=member, completed=True)
        plan = ActionPlanFactory(member=member, implementing=True)
        consultation = ConsultationFactory(action_plan=plan)
        for commitment in CommitmentFactory.create_batch(3, action_plan=plan):
            commitment.policy_areas.add(area)
        ProposalFactory.create_batch(2, consultation=consultation)
    ConsultationFactory.create_batch(25, action_plan=plan)  # a second page of consultations (list and API)
    hot = ProposalFactory(consultation=consultation)
    CommentFactory.create_batch(3, proposal=hot)
    reviewed = [ActionPlanFactory(member=MemberFactory()) for _ in range(2)]
    for plan in reviewed:
        CommitmentFactory.create_batch(2, action_plan=plan, objective="Open the data.\n\nPublish it weekly.")
    authors = [user.pk for user in UserFactory.create_batch(3)]
    return {"commitments": 13, "policy_area": area.slug, "html_deep_cursor": cursor_at([5]),
            "deep_cursor": api_cursor(3), "hot_proposal": hot.pk,
            "drafts": drafts.generate(plan_ids=[plan.pk for plan in reviewed], author_ids=authors)}  # fmt: skip


def _answers(client: Client, text: str):
    path, headers = parse_line(text)
    return client.get(path, headers=headers)


def test_every_address_is_a_real_page_and_a_miss_is_never_the_hit(prepared):
    pages = public_pages(prepared)
    pages += signed_in_pages()
    client = Client(HTTP_HOST="127.0.0.1")
    assert len({p["name"] for p in pages}) == len(pages)
    for page in pages:
        hit = "\t".join([page["path"], *(f"{k}: {v}" for k, v in page["headers"].items())])
        assert _answers(client, hit).status_code == 200, page["name"]
        assert len(set(page["miss"])) == len(page["miss"]), page["name"]
        # another address, or the same one signed in as someone else
        assert all(parse_line(m) != (page["path"], {**parse_line(m)[1], **page["headers"]}) for m in page["miss"]), (
            page["name"]
        )
        assert page["miss"] or page["miss_by"] == "writes", page["name"]
        for text in page["miss"][:5]:
            assert _answers(client, text).status_code == 200, (page["name"], text)


def test_signed_in_pages_are_served_to_the_user_the_session_names(prepared):
    """A 200 of the page itself, for a user of the role the page needs; without the cookie: sign in first."""
    pages = {p["name"]: p for p in signed_in_pages()}
    roles = {"point of contact's workspace": "point_of_contact", "action plan's workspace page": "point_of_contact",
             "researcher's report page": "irm_researcher", "participant's proposal form": "participant",
             "institution contact's page": "participant", "referral page": "participant",
             "followed commitment, as a follower": "participant", "API commitment follows": "participant"}  # fmt: skip
    assert set(pages) == set(roles)
    for name, page in pages.items():
        response = Client().get(page["path"], headers=page["headers"])
        assert response.status_code == 200, name
        assert response.wsgi_request.user.role == roles[name]
        anonymous = Client().get(page["path"])
        if page["path"].startswith("/api/"):
            assert anonymous.status_code == 401, name
        elif page["path"].startswith("/commitments/"):  # public: the signed-in part is the follower's box
            assert "You follow this commitment." in response.content.decode()
            assert "You follow this commitment." not in anonymous.content.decode()
        else:
            assert anonymous.status_code == 302, name
        for text in page["miss"][:5]:
            path, headers = parse_line(text)
            assert "Cookie" in headers and Client().get(path, headers=headers).status_code == 200, (name, text)
