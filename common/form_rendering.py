"""Django's form templates written in Python (settings.FORM_RENDERER).

A form page renders each field through four to six nested templates (the field group, its label, its errors, its
widget, the widget's attributes; a list of radio buttons two more per option): about half of a participant's
proposal form went there (docs/PERFORMANCE.md, twenty-second round). This renderer writes the default templates of
Django's fields and widgets in Python, byte for byte, and renders every other template (a widget of the project's own,
a form's or a formset's layout) with Django's templates as before. tests/common/test_form_rendering.py renders the
project's forms and generated fields with both.

Each writer returns what its template gives (an included template's output is not stripped); the renderer strips
the outermost one, as Django's renderers do. A list of options whose option template is not one of these is
rendered whole by Django's template (a template of one's own may read the loop around it). Values are written as
they are given: a template would call a callable attribute value, which no widget of Django's holds.
"""

from django.forms.renderers import DjangoTemplates
from django.utils.html import escape
from django.utils.safestring import SafeData

from common.html import template_value


def _formatted(value) -> str:
    """{{ value|stringformat:'s' }}: the value as text, escaped unless it was marked safe."""
    text = str(value)
    return text if isinstance(value, SafeData) else escape(text)


def _attrs(attrs) -> str:
    """django/forms/widgets/attrs.html (and django/forms/attrs.html): `False` leaves the attribute out, `True`
    writes its name alone."""
    parts = []
    for name, value in (attrs or {}).items():
        if value is True:
            parts.append(f" {template_value(name)}")
        elif value is not False:
            parts.append(f' {template_value(name)}="{_formatted(value)}"')
    return "".join(parts)


def _input(context) -> str:
    widget = context["widget"]
    value = widget["value"]
    shown = f' value="{_formatted(value)}"' if value != None else ""  # noqa: E711 (the template's `!= None`)
    kind, name = template_value(widget["type"]), template_value(widget["name"])
    return f'<input type="{kind}" name="{name}"{shown}{_attrs(widget["attrs"])}>\n'


# The widget templates that are `{% include "django/forms/widgets/input.html" %}` and a newline.
INPUT_KINDS = (
    *("checkbox", "color", "date", "datetime", "email", "file", "hidden"),
    *("number", "password", "search", "tel", "text", "time", "url"),
)


def _input_kind(context) -> str:
    return _input(context) + "\n"


def _textarea(context) -> str:
    widget = context["widget"]
    value = template_value(widget["value"]) if widget["value"] else ""
    return f'<textarea name="{template_value(widget["name"])}"{_attrs(widget["attrs"])}>\n{value}</textarea>\n'


def _clearable_file_input(context) -> str:
    """A file input with, when the field holds a file, its link and (not required) a box that clears it."""
    widget, head = context["widget"], ""
    if widget["is_initial"]:
        value, clear = widget["value"], ""
        if not widget["required"]:
            box_id, attrs = template_value(widget["checkbox_id"]), widget["attrs"]
            ticks = (" disabled" if attrs.get("disabled") else "") + (" checked" if attrs.get("checked") else "")
            clear = (
                f'\n<input type="checkbox" name="{template_value(widget["checkbox_name"])}" id="{box_id}"{ticks}>'
                f'\n<label for="{box_id}">{template_value(widget["clear_checkbox_label"])}</label>'
            )
        link = f'<a href="{template_value(value.url)}">{template_value(value)}</a>'
        head = f"{template_value(widget['initial_text'])}: {link}{clear}<br>\n{template_value(widget['input_text'])}:"
    kind, name = template_value(widget["type"]), template_value(widget["name"])
    return f'{head}\n<input type="{kind}" name="{name}"{_attrs(widget["attrs"])}>\n'


class FormRenderer(DjangoTemplates):
    """Django's template renderer, with its default field and widget templates written in Python."""

    def render(self, template_name, context, request=None):
        return self._written(template_name, context, request).strip()

    def _written(self, template_name, context, request=None) -> str:
        """What the template gives, unstripped: by its writer when it has one."""
        write = self.writers.get(template_name) if isinstance(template_name, str) else None  # a list: select_template
        if write is None:
            return self.get_template(template_name).render(context, request=request)
        return write(self, context)

    def _included(self, template_name, context, widget) -> str:
        """`{% include template_name with widget=widget %}`, for one of the option templates written here."""
        return self.writers[template_name](self, {**context, "widget": widget})

    def _grouped(self, context, group_open: str, option: str, group_close: str) -> str:
        """A choice widget's options, group by group: `group_open` (with the group's name) before a named group's
        options, each option's markup in `option`, `group_close` after them."""
        parts = []
        for group, options, _index in context["widget"]["optgroups"]:
            if group:
                parts.append(group_open.format(template_value(group)))
            parts.extend(option.format(self._included(o["template_name"], context, o)) for o in options)
            if group:
                parts.append(group_close)
        return "".join(parts)

    def _own_options(self, template_name: str, context) -> str | None:
        """The whole list by Django's template when one of its options has a template of its own."""
        options = (
            option for _group, group_options, _index in context["widget"]["optgroups"] for option in group_options
        )
        if all(isinstance(name := option["template_name"], str) and name in self.OPTIONS for option in options):
            return None
        return self.get_template(template_name).render(context)

    def _input_option(self, context) -> str:
        option = context["widget"]
        if not option["wrap_label"]:
            return _input(context) + "\n"
        id_ = option["attrs"].get("id")
        target = f' for="{template_value(id_)}"' if id_ else ""
        return f"<label{target}>{_input(context)} {template_value(option['label'])}</label>\n"

    def _option_kind(self, context) -> str:
        """radio_option.html, checkbox_option.html: the input option, and a newline."""
        return self._input_option(context) + "\n"

    def _multiple_input(self, context) -> str:
        own = self._own_options("django/forms/widgets/multiple_input.html", context)
        if own is not None:
            return own
        widget = context["widget"]
        id_, css = widget["attrs"].get("id"), widget["attrs"].get("class")
        id_ = f' id="{template_value(id_)}"' if id_ else ""
        css = f' class="{template_value(css)}"' if css else ""
        options = self._grouped(context, "\n  <div><label>{}</label>", "<div>\n    {}</div>", "\n  </div>")
        return f"<div{id_}{css}>{options}\n</div>\n"

    def _choices_kind(self, context) -> str:
        """radio.html, checkbox_select.html: the multiple input, and a newline."""
        return self._multiple_input(context) + "\n"

    def _select(self, context) -> str:
        own = self._own_options("django/forms/widgets/select.html", context)
        if own is not None:
            return own
        widget = context["widget"]
        options = self._grouped(context, '\n  <optgroup label="{}">', "\n  {}", "\n  </optgroup>")
        return f'<select name="{template_value(widget["name"])}"{_attrs(widget["attrs"])}>{options}\n</select>\n'

    def _select_option(self, context) -> str:
        option = context["widget"]
        value, label = _formatted(option["value"]), template_value(option["label"])
        return f'<option value="{value}"{_attrs(option["attrs"])}>{label}</option>\n'

    def _label(self, context) -> str:
        label = template_value(context["label"])
        if not context["use_tag"]:
            return label + "\n"
        tag = template_value(context["tag"])
        return f"<{tag}{_attrs(context['attrs'])}>{label}</{tag}>\n"

    def _errors(self, context) -> str:
        errors = context["errors"]
        if not errors:
            return ""
        field_id = errors.field_id
        id_ = f' id="{template_value(field_id)}_error"' if field_id else ""
        items = "".join(f"<li>{template_value(error)}</li>" for error in errors)
        return f'<ul class="{template_value(context["error_class"])}"{id_}>{items}</ul>'

    def _field(self, context) -> str:
        field = context["field"]
        fieldset = field.use_fieldset
        if fieldset:
            described = field.aria_describedby
            described = f' aria-describedby="{template_value(described)}"' if described else ""
            head = f"\n  <fieldset{described}>\n  {field.legend_tag() if field.label else ''}\n"
        else:
            head = f"\n  {field.label_tag() if field.label else ''}\n"
        help_text, helped = field.help_text, ""
        if help_text:
            id_ = f' id="{template_value(field.auto_id)}_helptext"' if field.auto_id else ""
            helped = f'<div class="helptext"{id_}>{help_text}</div>'  # |safe
        closing = "</fieldset>" if fieldset else ""
        return f"{head}\n{helped}\n{template_value(field.errors)}\n{template_value(field)}{closing}\n"

    OPTIONS = frozenset(
        f"django/forms/widgets/{kind}.html"
        for kind in ("input_option", "radio_option", "checkbox_option", "select_option")
    )
    writers = {
        **dict.fromkeys((f"django/forms/widgets/{kind}.html" for kind in INPUT_KINDS), lambda self, c: _input_kind(c)),
        "django/forms/widgets/input.html": lambda self, c: _input(c),
        "django/forms/widgets/textarea.html": lambda self, c: _textarea(c),
        "django/forms/widgets/clearable_file_input.html": lambda self, c: _clearable_file_input(c),
        "django/forms/widgets/input_option.html": _input_option,
        "django/forms/widgets/radio_option.html": _option_kind,
        "django/forms/widgets/checkbox_option.html": _option_kind,
        "django/forms/widgets/multiple_input.html": _multiple_input,
        "django/forms/widgets/radio.html": _choices_kind,
        "django/forms/widgets/checkbox_select.html": _choices_kind,
        "django/forms/widgets/select.html": _select,
        "django/forms/widgets/select_option.html": _select_option,
        "django/forms/label.html": _label,
        "django/forms/errors/list/default.html": _errors,
        "django/forms/errors/list/ul.html": _errors,
        "django/forms/field.html": _field,
    }
