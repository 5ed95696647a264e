"""Django's default form templates written in Python (common.form_rendering.FormRenderer, settings.FORM_RENDERER):
each field's group, label, legend, widget and errors exactly as Django's template renderer writes them, on generated
fields of every widget kind and on every form of the project that can be built on its own; whole form pages (a
participant's proposal form, an admin page) the same with either renderer, in every language."""

import importlib
import pkgutil
import re

import django_filters
import pytest
from django import forms
from django.contrib.admin.widgets import AdminTextInputWidget
from django.forms.renderers import DjangoTemplates
from django.urls import reverse
from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from common.form_rendering import FormRenderer
from tests.conftest import PROJECT_PACKAGES
from tests.factories import CommitmentFactory, PolicyAreaFactory, UserFactory
from tests.factories.consultations import ConsultationFactory

REFERENCE, WRITTEN = DjangoTemplates(), FormRenderer()


def outputs(form_class, renderer, **kwargs) -> list[str]:
    """What a page may ask of each field of the form (and of the form's own errors), with `renderer`."""
    form = form_class(renderer=renderer, **kwargs)
    written = []
    for field in form:
        written += [field.as_field_group(), field.label_tag(), field.legend_tag(), str(field), str(field.errors)]
        written.append(field.label_tag(attrs={"class": "a&b"}, label_suffix=""))
        written += [f"{widget}{widget.tag()}{widget.tag(wrap_label=False)}" for widget in field.subwidgets]
    return [*written, str(form.non_field_errors())]


def assert_same(form_class, **kwargs) -> int:
    reference, written = outputs(form_class, REFERENCE, **kwargs), outputs(form_class, WRITTEN, **kwargs)
    assert written == reference
    return len(written)


class StoredFile:
    """What a file field holds once saved: a name and an address (ClearableFileInput shows both)."""

    def __init__(self, name: str, url: str):
        self.name, self.url = name, url

    def __str__(self):
        return self.name


TEXT = st.one_of(
    st.text(max_size=8),
    st.sampled_from(["<b>bold</b>", "say \"hi\" & 'bye'", "  padded  ", "Done?", "", "Títol: ü"]),
)
MARKED = st.one_of(TEXT, TEXT.map(mark_safe), st.sampled_from([gettext_lazy("Title"), gettext_lazy("Search")]))
LABELS = st.one_of(MARKED, st.integers(-1, 10**7), st.decimals(places=2, allow_nan=False, allow_infinity=False))
ATTR_VALUE = st.one_of(MARKED, st.integers(-3, 10**6), st.booleans(), st.none())
ATTRS = st.dictionaries(
    st.sampled_from(["class", "data-x", "rows", "disabled", "autofocus", "aria-describedby", "id", "checked"]),
    ATTR_VALUE,
    max_size=4,
)
CHOICES = st.lists(st.tuples(st.text(max_size=4), LABELS), max_size=4)
GROUPED = st.lists(st.one_of(st.tuples(st.text(max_size=4), LABELS), st.tuples(TEXT, CHOICES)), max_size=4)


class OwnOptions(forms.RadioSelect):
    """Radio buttons whose option template is not one the renderer writes: the whole list by Django's template."""

    option_template_name = "django/forms/widgets/input.html"


@st.composite
def fields(draw) -> tuple[forms.Field, object]:
    """A field of one widget kind with generated label, help, attributes and choices, and a submitted value."""
    common = {"label": draw(st.one_of(MARKED, st.none())), "help_text": draw(st.one_of(st.just(""), MARKED)),
              "required": draw(st.booleans()), "disabled": draw(st.booleans()),
              "show_hidden_initial": draw(st.booleans())}  # fmt: skip
    attrs, kind = draw(ATTRS), draw(st.sampled_from(range(13)))
    value = draw(st.one_of(st.none(), TEXT, st.lists(st.text(max_size=3), max_size=2)))
    initial = draw(st.one_of(st.none(), TEXT, st.integers(0, 5000)))
    simple = [forms.TextInput, forms.Textarea, forms.EmailInput, forms.NumberInput, forms.PasswordInput,
              forms.HiddenInput, forms.DateInput, forms.URLInput, AdminTextInputWidget]  # fmt: skip
    if kind < len(simple):
        field = forms.CharField(widget=simple[kind](attrs=attrs), initial=initial, **common)
    elif kind == 9:
        field = forms.BooleanField(widget=forms.CheckboxInput(attrs=attrs), initial=draw(st.booleans()), **common)
    elif kind == 10:
        widget = draw(st.sampled_from([forms.Select, forms.RadioSelect, forms.SelectMultiple, OwnOptions]))
        field = forms.ChoiceField(widget=widget(attrs=attrs), choices=draw(GROUPED), initial=initial, **common)
    elif kind == 11:
        field = forms.MultipleChoiceField(
            widget=forms.CheckboxSelectMultiple(attrs=attrs), choices=draw(CHOICES), initial=[initial], **common
        )
    else:
        stored = draw(st.sampled_from([None, StoredFile("plan <1>.pdf", "/media/plan%20<1>.pdf?a=1&b=2")]))
        field = forms.FileField(widget=forms.ClearableFileInput(attrs=attrs), initial=stored, **common)
    return field, value


@hypothesis_settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    drawn=st.lists(fields(), min_size=1, max_size=4),
    bound=st.booleans(),
    auto_id=st.sampled_from(["id_%s", False, "f-%s"]),
    label_suffix=st.sampled_from([None, "", " →"]),
    language=st.sampled_from(["en", "fr", "es"]),
)
def test_every_widget_kind_is_written_as_djangos_templates_write_it(drawn, bound, auto_id, label_suffix, language):
    form_class = type("Generated", (forms.Form,), {f"field_{i}": field for i, (field, _value) in enumerate(drawn)})
    data = {f"field_{i}": value for i, (_field, value) in enumerate(drawn) if value is not None} if bound else None
    with translation.override(language):
        assert_same(form_class, data=data, auto_id=auto_id, label_suffix=label_suffix)


def project_form_classes() -> list[type]:
    """Every form and filter set the project defines in a module of forms, filters or admin forms."""
    found = {}
    for package in PROJECT_PACKAGES:
        root = importlib.import_module(package)
        names = [package] + [m.name for m in pkgutil.walk_packages(root.__path__, f"{package}.")]
        for name in names:
            if not re.search(r"forms|filters|admin|adapters", name) or "migrations" in name:
                continue
            module = importlib.import_module(name)
            for value in vars(module).values():
                if (
                    isinstance(value, type)
                    and value.__module__ == name
                    and issubclass(value, forms.BaseForm | django_filters.FilterSet)
                ):
                    found[f"{name}.{value.__qualname__}"] = value
    return [found[key] for key in sorted(found)]


def buildable(form_class) -> type | None:
    """The form class, or its filter set's form class; None when it needs arguments of its own."""
    if issubclass(form_class, django_filters.FilterSet):
        return form_class(queryset=form_class._meta.model._default_manager.none()).get_form_class()
    try:
        form_class(renderer=REFERENCE)
    except (TypeError, KeyError, AttributeError, ValueError):
        return None
    return form_class


@pytest.mark.django_db
def test_the_projects_forms_are_written_as_djangos_templates_write_them():
    PolicyAreaFactory(name="Water & <sanitation>", name_fr="Eau")
    CommitmentFactory(title='Open "budgets" <now>')
    rendered, compared = [], 0
    for form_class in project_form_classes():
        built = buildable(form_class)
        if built is None:
            continue
        for language in ("en", "fr"):
            with translation.override(language):
                compared += assert_same(built)
                compared += assert_same(built, data={})  # every required field in error
        rendered.append(form_class.__name__)
    assert len(rendered) >= 50, rendered
    assert compared > 500


CHANGING = [
    (re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"'), 'name="csrfmiddlewaretoken" value="…"'),
    (re.compile(r'nonce="[^"]+"'), 'nonce="…"'),
    (re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"), "uuid"),
]


def page_with(client, settings, renderer: str, request) -> str:
    settings.FORM_RENDERER = renderer
    html = request(client).content.decode()
    for pattern, replacement in CHANGING:
        html = pattern.sub(replacement, html)
    return html


def same_page(client, settings, request) -> str:
    reference = page_with(client, settings, "django.forms.renderers.DjangoTemplates", request)
    written = page_with(client, settings, "common.form_rendering.FormRenderer", request)
    assert written == reference
    return written


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_a_proposal_form_page_is_the_same_with_either_renderer(client, settings, plan, language):
    consultation = ConsultationFactory(action_plan=plan)
    consultation.policy_areas.set([PolicyAreaFactory(name="Water & <sanitation>"), PolicyAreaFactory()])
    client.force_login(UserFactory())
    address = reverse("consultations:proposal-create", args=[consultation.pk])
    headers = {"HTTP_ACCEPT_LANGUAGE": language}
    shown = same_page(client, settings, lambda c: c.get(address, **headers))
    assert 'name="problem"' in shown and "<textarea" in shown
    refused = same_page(client, settings, lambda c: c.post(address, {"title": "<x>" * 200, "problem": ""}, **headers))
    assert 'class="errorlist' in refused and 'value="&lt;x&gt;' in refused


@pytest.mark.django_db
def test_an_admin_page_is_the_same_with_either_renderer(client, settings):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    commitment = CommitmentFactory(title='Open "budgets" <now>')
    address = reverse("admin:commitments_commitment_change", args=[commitment.pk])
    shown = same_page(client, settings, lambda c: c.get(address))
    assert "Open &quot;budgets&quot; &lt;now&gt;" in shown
    refused = same_page(client, settings, lambda c: c.post(address, {"title": ""}))
    assert "errorlist" in refused
