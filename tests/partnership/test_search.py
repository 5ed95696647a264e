"""The site search (/search/) and the lists' searches: one machinery, full text in three languages on
PostgreSQL, every word in SQLite; only public things found."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from commitments.models import Commitment, PolicyArea
from common.search import highlight
from consultations.models import Proposal
from irm_reports.models import PublishedVersion
from tests.factories import ActionPlanFactory, MemberFactory
from tests.factories.commitments import CommitmentFactory
from tests.factories.consultations import ConsultationFactory, ProposalFactory
from tests.factories.irm_reports import ReportFactory

pytestmark = pytest.mark.django_db


def tagged(slug: str, **fields) -> Commitment:
    commitment = CommitmentFactory(**fields)
    commitment.policy_areas.add(PolicyArea.objects.get(slug=slug))
    return commitment


def page(client, query: str, language: str = "en", **params) -> str:
    response = client.get("/search/", {"q": query, **params}, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    return response.content.decode()


def published_report(plan):
    report = ReportFactory(action_plan=plan, status="published", pdf="irm_reports/x.pdf", pdf_sha256="0" * 64)
    PublishedVersion.objects.create(
        report=report, version=1, language="en", pdf="irm_reports/x.pdf", sha256="0" * 64, size=1,
        published_at=report.created_at,
    )  # fmt: skip
    return report


def test_home_page_search_goes_to_the_site_search(client):
    """The home page's form sends its words to /search/ as q."""
    body = client.get("/").content.decode()
    assert 'action="/search/"' in body and 'name="q"' in body


@pytest.mark.parametrize("language", ["en", "fr", "es"])
@pytest.mark.parametrize(
    "query", ["open contracting", "contratación abierta", "contrats ouverts", "marchés publics", "licitaciones"]
)
def test_a_policy_area_finds_its_commitments_in_each_language(client, query, language):
    """The policy area's name in English, Spanish or French, or one of its keywords (the words people use
    for it: "marchés publics" in French), finds its commitments, whatever the language of the page."""
    found = tagged("open-contracting", title="Publish every public tender", objective="Tenders online.")
    other = CommitmentFactory(title="Protect whistleblowers", objective="A new law.")
    body = page(client, query, language)
    assert found.get_absolute_url() in body
    assert other.get_absolute_url() not in body


def test_french_procurement_words_find_the_procurement_commitments(client):
    """ "marchés publics" is the French name of public procurement in the data: it finds that area's commitments."""
    found = tagged("public-procurement", title="Publish every contract award")
    assert found.get_absolute_url() in page(client, "marchés publics", "fr")


def test_keywords_edited_by_staff_find_the_areas_commitments(client):
    """A keyword added to an area afterwards finds the commitments already tagged with it."""
    found = tagged("lobbying", title="A register of meetings")
    assert found.get_absolute_url() not in page(client, "influence peddling")
    PolicyArea.objects.filter(slug="lobbying").update(keywords="influence peddling")
    assert found.get_absolute_url() in page(client, "influence peddling")


def test_the_commitment_list_and_the_api_search_the_same_way(client):
    """?search= of the commitment list and of the API finds a commitment by its policy area in Spanish."""
    found = tagged("open-contracting", title="Publish every public tender")
    CommitmentFactory(title="Protect whistleblowers")
    html = client.get("/commitments/", {"search": "contratación abierta"}).content.decode()
    assert found.get_absolute_url() in html and "Protect whistleblowers" not in html
    api = client.get("/api/v1/commitments/", {"search": "contratación abierta"}).json()
    assert [row["id"] for row in api["results"]] == [found.pk]


def test_every_kind_is_found_and_grouped_with_its_count(client):
    """Members, plans, commitments, consultations, proposals and published reports, each in its group."""
    member = MemberFactory(name="Ruritania", slug="ruritania")
    plan = ActionPlanFactory(member=member, title="Ruritania open budget plan")
    commitment = CommitmentFactory(action_plan=plan, title="Ruritania budget portal")
    consultation = ConsultationFactory(action_plan=plan, title="Budget consultation of Ruritania")
    proposal = ProposalFactory(consultation=consultation, title="Ruritania needs a citizens budget")
    report = published_report(ActionPlanFactory(member=member, title="Ruritania second plan", completed=True))
    body = page(client, "ruritania")
    for kind in ("members", "plans", "commitments", "consultations", "proposals", "reports"):
        assert f'id="results-{kind}"' in body, kind
    for url in (member.get_absolute_url(), plan.get_absolute_url(), commitment.get_absolute_url()):
        assert url in body
    assert consultation.get_absolute_url() in body and proposal.get_absolute_url() in body
    assert f"/irm-reports/{report.pk}/v1.pdf" in body
    assert "/commitments/?search=ruritania" in body  # the full list of a kind that has one


def test_hidden_draft_withdrawn_proposals_and_unpublished_reports_are_never_found(client):
    consultation = ConsultationFactory(title="Water")
    shown = ProposalFactory(consultation=consultation, title="Zebra crossing one")
    hidden = ProposalFactory(consultation=consultation, title="Zebra crossing two", is_hidden=True)
    draft = ProposalFactory(consultation=consultation, title="Zebra crossing three", status=Proposal.Status.DRAFT)
    withdrawn = ProposalFactory(consultation=consultation, title="Zebra crossing four")
    Proposal.objects.filter(pk=withdrawn.pk).update(
        status=Proposal.Status.WITHDRAWN, withdrawn_at=withdrawn.submitted_at, withdrawal_reason="other"
    )
    draft_report = ReportFactory(action_plan=ActionPlanFactory(title="Zebra plan", completed=True))
    body = page(client, "zebra")
    assert shown.get_absolute_url() in body
    for proposal in (hidden, draft, withdrawn):
        assert proposal.get_absolute_url() not in body
    assert f"/irm-reports/{draft_report.pk}/" not in body and 'id="results-reports"' not in body


def test_a_title_match_comes_first(client, postgres):
    """Ranking: the commitment whose title holds the words before one that only mentions them."""
    in_title = CommitmentFactory(title="Beneficial ownership register", objective="A public register.")
    CommitmentFactory(title="Company data", objective="Publish the beneficial ownership of companies.")
    body = page(client, "beneficial ownership")
    section = body[body.index('id="results-commitments"') :]
    assert section.index(in_title.get_absolute_url()) < section.index("Company data")


def test_excerpts_highlight_the_matches_and_escape_the_text(client):
    proposal = ProposalFactory(title="<script>alert(1)</script> budget", problem="The budget is secret <b>now</b>.")
    body = page(client, "budget")
    assert proposal.get_absolute_url() in body
    assert "<script>alert" not in body and "&lt;script&gt;" in body and "<b>now" not in body
    assert "<mark>budget</mark>" in body


def test_highlight_escapes_and_marks_words():
    assert highlight("Open <b>contracting</b>", "contracting") == "Open &lt;b&gt;<mark>contracting</mark>&lt;/b&gt;"
    assert highlight("a \ue000b\ue001 <c>", "zzz") == "a <mark>b</mark> &lt;c&gt;"
    assert highlight("&lt;lt&gt; <i>", "lt", escaped=True) == "&lt;<mark>lt</mark>&gt; &lt;i&gt;"


def test_the_page_costs_the_same_queries_whatever_the_number_of_results(client):
    def fill(count):
        for n in range(count):
            member = MemberFactory(name=f"Quokka land {n}", slug=f"quokka-{n}-{count}")
            plan = ActionPlanFactory(member=member, title="Quokka plan")
            CommitmentFactory(action_plan=plan, title="Quokka commitment")
            consultation = ConsultationFactory(action_plan=plan, title="Quokka consultation")
            ProposalFactory(consultation=consultation, title="Quokka proposal")
            published_report(ActionPlanFactory(member=member, title="Quokka report plan", completed=True))

    def queries():
        with CaptureQueriesContext(connection) as context:
            page(client, "quokka")
        return len(context.captured_queries)

    fill(1)
    few = queries()
    fill(7)
    assert queries() <= few + 6  # at most one count per kind once a kind shows its full five rows
    assert queries() <= 16


def test_an_empty_search_explains_what_can_be_found(client):
    body = page(client, "")
    assert "What you can find here" in body and "?q=open%20contracting" in body
    assert "No result" not in body


def test_no_match_says_so(client):
    assert "Nothing matches" in page(client, "xylophonequartz")


def test_every_word_must_match(client):
    """Words in any order, each one required (in SQLite as in PostgreSQL)."""
    found = CommitmentFactory(title="Open data for public tenders")
    body = page(client, "tenders data")
    assert found.get_absolute_url() in body
    assert found.get_absolute_url() not in page(client, "tenders xylophonequartz")


def test_a_commitment_is_found_by_its_lead_institution(client):
    from accounts.models import Organisation

    ministry = Organisation.objects.create(name="Ministry of Fisheries", kind=Organisation.Kind.GOVERNMENT)
    found = CommitmentFactory(title="Open registers", lead_institution=ministry)
    assert found.get_absolute_url() in page(client, "fisheries")
    ministry.name = "Ministry of Oceans"
    ministry.save()
    assert found.get_absolute_url() in page(client, "oceans")


def test_spanish_names_are_shown_on_spanish_pages():
    area = PolicyArea.objects.get(slug="open-contracting")
    with translation.override("es"):
        assert area.display_name == "Contratación abierta"
        assert ("en", "Open Contracting") in area.other_names
        assert area.display_language == "es"
    with translation.override("fr"):
        assert area.display_name == "Contrats ouverts"


def test_filters_list_only_values_present_in_the_data(client):
    """The country filter lists the countries of members, the policy-area filter the areas in use."""
    tagged("open-contracting", action_plan=ActionPlanFactory(member=MemberFactory(country="KE")))
    body = client.get("/commitments/").content.decode()
    countries = body[body.index('name="country"') : body.index("</select>", body.index('name="country"'))]
    assert 'value="KE"' in countries and 'value="DE"' not in countries
    areas = body[body.index('name="policy_area"') : body.index("</select>", body.index('name="policy_area"'))]
    assert 'value="open-contracting"' in areas and 'value="lobbying"' not in areas
    assert client.get("/commitments/", {"policy_area": "lobbying"}).status_code == 200  # still accepted


def test_searches_are_rate_limited_per_address_and_say_when_to_come_back(client, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "partnership.search": {"ip": (2, 60)}}
    from django.core.cache import cache

    cache.clear()
    for _ in range(3):
        assert client.get("/search/").status_code == 200  # the empty page searches nothing: not counted
    assert client.get("/search/", {"q": "budget"}).status_code == 200
    assert client.get("/search/", {"q": "justice"}).status_code == 200
    refused = client.get("/search/", {"q": "open data"})
    assert refused.status_code == 429
    assert "too many times" in refused.content.decode()
    assert 0 < int(refused["Retry-After"]) <= 60
