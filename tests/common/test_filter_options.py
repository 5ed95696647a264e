"""Filter <select>s built from cached options are the ones built every time, with the selection kept."""

import pytest
from django import forms
from django.forms.utils import flatatt
from django.utils import translation
from django.utils.html import format_html

from commitments.models import PolicyArea
from common.widgets import FastSelect, _options
from consultations.filters import ConsultationFilter, ProposalFilter
from consultations.models import Proposal
from consultations.selectors import consultation_get
from partnership.filters import ActionPlanFilter, CommitmentApiFilter, MemberFilter
from tests.factories import ActionPlanFactory, CommitmentFactory, MemberFactory, PolicyAreaFactory
from tests.factories.consultations import ConsultationFactory, ProposalFactory

LANGUAGES = ("en", "fr", "es")


def reference_select(bound_field) -> str:
    """The select as FastSelect wrote it before any caching: every option formatted on every render."""
    widget = bound_field.field.widget
    attrs = widget.build_attrs(widget.attrs, {**bound_field.build_widget_attrs({}), "name": bound_field.html_name})
    if bound_field.auto_id:
        attrs.setdefault("id", bound_field.auto_id)
    value = widget.format_value(bound_field.value())
    selected = frozenset("" if v is None else str(v) for v in value)
    return format_html("<select{}>{}</select>", flatatt(attrs), _options(widget.choices, selected))


@pytest.fixture
def data(plan):
    area = PolicyAreaFactory(name="Open contracting", name_fr="Contrats ouverts", slug="open-contracting")
    CommitmentFactory(action_plan=plan).policy_areas.add(area)
    ConsultationFactory(action_plan=plan)
    return plan


def selections(plan):
    member = plan.member
    return [
        (MemberFilter, {"kind": "local", "country": "ES", "region": "europe", "status": "active"}),
        (CommitmentApiFilter, {"member": str(member.pk), "country": "ES", "policy_area": "open-contracting",
                               "completion": "complete", "action_plan": str(plan.pk),
                               "ogp_value": "civic_participation"}),
        (ActionPlanFilter, {"member": str(member.pk), "status": plan.status}),
        (ProposalFilter, {"policy_area": "open-contracting", "sort": "supported", "status": "submitted"}),
        (ConsultationFilter, {"member": member.slug, "state": "open"}),
        (MemberFilter, {}),
        (CommitmentApiFilter, {}),
    ]  # fmt: skip


@pytest.mark.parametrize("language", LANGUAGES)
def test_selects_are_the_reference_with_the_selection_kept(data, language):
    with translation.override(language):
        for filter_class, chosen in selections(data):
            for _render in range(2):  # built, then from the cache
                form = filter_class(chosen, queryset=filter_class._meta.model.objects.all()).form
                for name, field in form.fields.items():
                    if isinstance(field.widget, FastSelect):
                        html = str(form[name])
                        assert html == reference_select(form[name]), (filter_class, name)
                        if chosen.get(name):
                            assert f'<option value="{chosen[name]}" selected>' in html, (filter_class, name)
                        assert html.count(" selected>") <= 1


def test_model_options_read_once_per_content_version(data, django_assert_num_queries):
    def member_select() -> str:
        return str(CommitmentApiFilter({}, queryset=None).form["member"])

    first = member_select()
    with django_assert_num_queries(0):
        assert member_select() == first
    MemberFactory(name="Tbilisi", slug="tbilisi")  # a write to the content: the options follow it
    assert "Tbilisi</option>" in member_select()


def test_options_over_the_consultations_are_kept_and_follow_a_consultations_save(data, django_assert_num_queries):
    """A consultation's save changes the content version: the consultation filter's members (the consultations read
    in a subquery, EXISTS) are read once per version, and a member's first consultation shows at once."""
    str(ConsultationFilter({}, queryset=None).form["member"])
    with django_assert_num_queries(0):
        str(ConsultationFilter({}, queryset=None).form["member"])
    ConsultationFactory(action_plan=ActionPlanFactory(member=MemberFactory(name="Tbilisi", slug="tbilisi")))
    assert 'value="tbilisi">Tbilisi</option>' in str(ConsultationFilter({}, queryset=None).form["member"])


def test_options_of_a_query_over_other_tables_are_read_each_time(data, django_assert_num_queries):
    """Proposals do not change the content version: options that read them are read at every render."""
    field = forms.ModelChoiceField(queryset=Proposal.objects.order_by("pk"), widget=FastSelect)
    form = forms.Form()
    form.fields["proposal"] = field
    with django_assert_num_queries(1):
        str(form["proposal"])
    proposal = ProposalFactory(consultation=ConsultationFactory(action_plan=data), title="Fresh idea")
    with django_assert_num_queries(1):
        assert f'value="{proposal.pk}">' in str(form["proposal"])


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_consultations_areas_are_the_ones_its_page_read(data, django_assert_num_queries, language):
    """The policy areas of a consultation's page (read with the consultation, selectors.consultation_get): the options
    the field's own query gives (Django's ModelChoiceIterator), written without reading the areas again; a choice
    is still checked against the consultation's areas."""
    consultation = ConsultationFactory(action_plan=data)
    water = PolicyAreaFactory(name="Water", name_fr="Eau", slug="water")
    first = PolicyAreaFactory(name="Access to water", name_fr="Accès à l'eau", slug="access-water")  # last, yet first
    consultation.policy_areas.add(water, PolicyArea.objects.get(slug="open-contracting"), first)
    PolicyAreaFactory(name="Elsewhere", slug="elsewhere-only")  # not the consultation's
    consultation = consultation_get(pk=consultation.pk)
    with translation.override(language):
        with django_assert_num_queries(0):
            html = str(ProposalFilter({}, queryset=None, consultation=consultation).form["policy_area"])
        chosen = ProposalFilter({"policy_area": "water"}, queryset=Proposal.objects.all(), consultation=consultation)
        field = chosen.form.fields["policy_area"]
        reference = _options(field.choices, frozenset({"water"}))  # the field's queryset, read by Django's iterator
        chosen_html = str(chosen.form["policy_area"])
    assert chosen_html.endswith(f"{reference}</select>") and '<option value="water" selected>' in chosen_html
    assert html.replace(" selected>", ">") == chosen_html.replace(" selected>", ">")
    assert html.count("<option") == 4 and 'value="elsewhere-only"' not in html
    assert html.index('value="access-water"') < html.index('value="open-contracting"')
    foreign = ProposalFilter({"policy_area": "elsewhere-only"}, queryset=None, consultation=consultation)
    assert not foreign.form.is_valid() and "policy_area" in foreign.form.errors


def test_a_model_filters_null_choice_is_kept(data, monkeypatch):
    """django-filter's iterator adds a "null" option after the empty one: the options read as a list keep it."""
    import django_filters
    from django.db import connection

    class AreaFilter(django_filters.FilterSet):
        area = django_filters.ModelChoiceFilter(
            field_name="policy_areas", widget=FastSelect, queryset=PolicyArea.objects.order_by("name"),
            to_field_name="slug", empty_label="All", null_label="None given",
        )  # fmt: skip

    form = AreaFilter({}, queryset=Proposal.objects.none()).form
    reference = reference_select(form["area"])
    monkeypatch.setattr(connection, "chunked_cursor", lambda: pytest.fail("a server-side cursor"))
    html = str(form["area"])
    assert html == reference
    assert '<option value="" selected>All</option><option value="null">None given</option>' in html


def test_empty_queryset_renders_only_the_empty_choice(db):
    form = CommitmentApiFilter({}, queryset=None).form
    form.fields["member"].queryset = form.fields["member"].queryset.none()
    assert str(form["member"]) == reference_select(form["member"])
    assert str(form["member"]).count("<option") == 1


@pytest.mark.parametrize("language", LANGUAGES)
def test_commitment_options_list_the_countries_and_areas_in_use_read_by_a_kept_statement(plan, language):
    from commitments.models import Commitment, Member, PolicyArea
    from partnership import filters

    used = PolicyAreaFactory(name="Water", name_fr="Eau", name_es="", slug="water")
    PolicyAreaFactory(name="Unused", slug="unused")
    MemberFactory(country="")
    for _read in range(2):  # compiled at the first read, then the kept statement: the same options
        CommitmentFactory(action_plan=plan).policy_areas.add(used)
        with translation.override(language):
            areas = filters.policy_areas_used()[1:]
            countries = filters.countries_with_members()[1:]
            tagged = Commitment.policy_areas.through.objects.values("policyarea")
            expected_areas = [
                (area.slug, area.display_name) for area in PolicyArea.objects.filter(pk__in=tagged).order_by("name")
            ]
            codes = set(Member.objects.exclude(country="").values_list("country", flat=True))
        assert areas == expected_areas and ("water", {"fr": "Eau"}.get(language, "Water")) in areas
        assert [code for code, _name in countries] == sorted(codes, key=lambda code: dict(countries)[code])
        assert set(dict(countries)) == codes
    assert filters._AREAS_USED.statement is not None and filters._MEMBER_COUNTRIES.statement is not None


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_proposal_filters_areas_are_its_fields_queryset(data, language):
    """Kept per content version (consultations.filters.every_policy_area): the options the field's own
    ModelChoiceIterator gives, every area by name with its label in the page's language, in the same order."""
    PolicyAreaFactory(name="Access to justice", name_es="Acceso a la justicia", slug="access-to-justice-test")
    with translation.override(language):
        form = ProposalFilter({}, queryset=Proposal.objects.all()).form
        field = form.fields["policy_area"]
        expected = [(str(value), str(label)) for value, label in forms.ModelChoiceField.iterator(field)]
        assert [(str(value), str(label)) for value, label in field.widget.choices] == expected
        assert len(expected) == PolicyArea.objects.count() + 1
        html = str(form["policy_area"])
        assert html == reference_select(form["policy_area"])
        label = {"en": "Access to justice", "fr": "Access to justice", "es": "Acceso a la justicia"}[language]
        assert f'<option value="access-to-justice-test">{label}</option>' in html
    PolicyAreaFactory(name="Zoning test", slug="zoning-test")  # a write to the content: the options follow it
    select = str(ProposalFilter({}, queryset=None).form["policy_area"])
    assert '<option value="zoning-test">Zoning test</option>' in select


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_consultation_filters_members_are_its_fields_queryset(data, language):
    """Kept per content version (consultations.filters.consulting_members): the members holding consultations, by
    name, labelled in the page's language, as the field's own ModelChoiceIterator lists them."""
    translated = MemberFactory(name="Ghana test", name_fr="", name_es="Ghana prueba", slug="ghana-test")
    ConsultationFactory(action_plan=ActionPlanFactory(member=translated))
    MemberFactory(name="Aaa without consultations", slug="aaa-none")
    with translation.override(language):
        form = ConsultationFilter({}, queryset=None).form
        field = form.fields["member"]
        expected = [(str(value), str(label)) for value, label in forms.ModelChoiceField.iterator(field)]
        assert [(str(value), str(label)) for value, label in field.widget.choices] == expected
        html = str(form["member"])
        assert html == reference_select(form["member"]) and 'value="aaa-none"' not in html
        label = {"en": "Ghana test", "fr": "Ghana test", "es": "Ghana prueba"}[language]
        assert f'<option value="ghana-test">{label}</option>' in html
    ConsultationFactory(action_plan=ActionPlanFactory(member__name="Zambia test", member__slug="zambia-test"))
    select = str(ConsultationFilter({}, queryset=None).form["member"])
    assert '<option value="zambia-test">Zambia test</option>' in select


@pytest.mark.parametrize(
    "choices",
    [
        [("", "All"), ("a", "A")],
        [("a", "A"), ("", "All")],
        [(None, "None first"), ("a", "A")],
        [],
        [("Group", [("", "Empty"), ("a", "A")])],
        (("", "All"), ("b", "B")),
    ],
)
@pytest.mark.parametrize("multiple", [False, True])
@pytest.mark.parametrize("required", [False, True])
def test_required_is_written_as_djangos_select_writes_it(choices, multiple, required):
    """`required` only when the first option is empty (Select's rule), for a function's list read as it is."""
    field_class = forms.MultipleChoiceField if multiple else forms.ChoiceField
    widget_class = forms.SelectMultiple if multiple else forms.Select

    class Reference(forms.Form):
        pick = field_class(required=required, choices=lambda: choices, widget=widget_class)

    class Fast(forms.Form):
        pick = field_class(required=required, choices=lambda: choices, widget=FastSelect(attrs={}))

    if multiple:
        Fast.base_fields["pick"].widget.allow_multiple_selected = True
    reference, fast = Reference().fields["pick"].widget, Fast().fields["pick"].widget
    for initial in (None, "a"):
        assert fast.use_required_attribute(initial) == reference.use_required_attribute(initial)
    assert (" required" in str(Fast()["pick"])) == (" required" in str(Reference()["pick"]))
