"""The proposal form's <select>s (policy area, language) are written in Python (common.widgets.FastSelect): the
options, labels and selection Django's own Select renders, in every language, and the choice kept after an error."""

import re

import pytest
from django import forms
from django.urls import reverse
from django.utils import translation

from commitments.models import PolicyArea
from consultations.forms.participation import ProposalForm
from consultations.models import Proposal
from tests.factories import PolicyAreaFactory, UserFactory

pytestmark = pytest.mark.django_db
OPTION = re.compile(r'<option value="([^"]*)"( selected)?>([^<]*)</option>')


@pytest.fixture
def areas():
    return [
        PolicyAreaFactory(name="Water & <sanitation>", name_fr="Eau", slug="water"),
        PolicyAreaFactory(name="Open contracting", name_fr="Contrats ouverts", slug="open-contracting"),
        PolicyAreaFactory(name="Aid", slug="aid"),
    ]


def _options(html: str) -> list[tuple[str, bool, str]]:
    return [(value, bool(selected), label) for value, selected, label in OPTION.findall(html)]


@pytest.mark.parametrize("language", ["en", "fr", "es"])
@pytest.mark.parametrize("scoped", [True, False])
def test_the_selects_offer_what_djangos_select_offers(consultation, areas, language, scoped):
    if scoped:
        consultation.policy_areas.set(areas[:2])
    data = {"title": "", "policy_area": str(areas[1].pk), "language": "fr"}
    with translation.override(language):
        form = ProposalForm(data, instance=Proposal(consultation=consultation), consultation=consultation,
                            user=UserFactory())  # fmt: skip
        for name in ("policy_area", "language"):
            written = str(form[name])
            reference = form[name].as_widget(widget=forms.Select(choices=form.fields[name].widget.choices))
            assert _options(written) == _options(reference) and len(_options(written)) > 2, name
            assert written.startswith("<select") and f'id="id_{name}"' in written
    shown = _options(str(form["policy_area"]))
    assert shown[0] == ("", False, "None in particular" if language == "en" else shown[0][2])
    assert [value for value, selected, _label in shown if selected] == [str(areas[1].pk)]
    expected = 2 if scoped else PolicyArea.objects.count()
    assert len(shown) == 1 + expected


def test_the_chosen_area_is_kept_when_the_form_comes_back_with_an_error(client, consultation, areas):
    client.force_login(UserFactory())
    address = reverse("consultations:proposal-create", args=[consultation.pk])
    response = client.post(address, {"title": "", "problem": "", "policy_area": str(areas[0].pk), "language": "en"})
    assert response.status_code == 200 and not Proposal.objects.exists()
    html = response.content.decode()
    assert f'<option value="{areas[0].pk}" selected>Water &amp; &lt;sanitation&gt;</option>' in html
