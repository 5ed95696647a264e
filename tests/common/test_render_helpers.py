"""Markdown, choice labels and filter options computed once give what they gave when built every time."""

from functools import partialmethod

import markdown
import nh3
import pytest
from django.apps import apps
from django.db.models import Model
from django.utils import translation
from hypothesis import given, settings
from hypothesis import strategies as st

from common import markdown as markup

LANGUAGES = ("en", "fr", "es")
MARKDOWN_PIECES = st.sampled_from(
    ["# Title\n", "* item\n", "1. one\n", "2. two\n", "> quote\n", "`code`", "**bold**", "_em_", "\n\n", "| a | b |\n",
     "|---|---|\n", "| 1 | 2 |\n", "[link](https://example.org)", "<b>raw</b>", "<script>x</script>", "    indented\n",
     "[^1]", "*[HTML]: x\n", "text ", "é ", "---\n", "&amp; ", "<", "\n"]
)  # fmt: skip


def reference_markdown(text: str) -> str:
    """What render_markdown did before: a new renderer for every text, then nh3."""
    html = markdown.markdown(text, extensions=["sane_lists", "tables"], output_format="html")
    return nh3.clean(
        html,
        tags=markup.ALLOWED_TAGS,
        attributes=markup.ALLOWED_ATTRIBUTES,
        url_schemes=markup.URL_SCHEMES,
        link_rel="nofollow noopener ugc",
    )


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(MARKDOWN_PIECES, st.text(max_size=30)), max_size=12).map("".join))
def test_markdown_output_unchanged(text):
    assert markup.render_markdown(text) == reference_markdown(text)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(MARKDOWN_PIECES, max_size=10).map("".join), min_size=2, max_size=6))
def test_reused_renderer_keeps_no_state_between_texts(texts):
    """One text's lists, tables or references never leak into the next (cached or not)."""
    markup._cached_render.cache_clear()
    for text in [*texts, *reversed(texts)]:
        assert markup.render_markdown(text) == reference_markdown(text)
        assert markup._render(text) == reference_markdown(text)


def test_long_text_is_rendered_without_being_kept(monkeypatch):
    monkeypatch.setattr(markup, "CACHED_TEXT_MAX_LENGTH", 10)
    markup._cached_render.cache_clear()
    text = "**a long text** " * 3
    assert markup.render_markdown(text) == reference_markdown(text)
    assert markup._cached_render.cache_info().currsize == 0


def fields_with_fixed_choices():
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if isinstance(field.choices, list | tuple):
                yield model, field


def test_every_field_with_fixed_choices_has_the_cached_display():
    found = list(fields_with_fixed_choices())
    assert len(found) > 20
    for model, field in found:
        entry = model.__dict__.get(f"get_{field.name}_display")
        assert not (isinstance(entry, partialmethod) and entry.func is Model._get_FIELD_display), (model, field)


@pytest.mark.parametrize("language", LANGUAGES)
def test_choice_labels_are_djangos_in_every_language(language):
    with translation.override(language):
        for model, field in fields_with_fixed_choices():
            instance = model()
            for value in [*(v for v, _label in field.flatchoices), "not-a-choice", None]:
                setattr(instance, field.attname, value)
                expected = Model._get_FIELD_display(instance, field)
                assert getattr(instance, f"get_{field.name}_display")() == expected, (model, field, value)


@settings(max_examples=200, deadline=None)
@given(
    st.one_of(
        st.integers(),
        st.booleans(),
        st.floats(allow_nan=False, allow_infinity=False),
        st.decimals(allow_nan=False, allow_infinity=False),
        st.text(),
    ),
    st.sampled_from(LANGUAGES),
    st.booleans(),
)
def test_template_value_is_what_the_template_writes(value, language, grouped):
    """common.html.template_value (integers take a shortcut) gives {{ value }}'s output, numbers grouped or not."""
    from django.template import Context, Template
    from django.test import override_settings

    from common.html import template_value

    with translation.override(language), override_settings(USE_THOUSAND_SEPARATOR=grouped):
        assert template_value(value) == Template("{{ value }}").render(Context({"value": value}))
