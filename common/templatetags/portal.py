from django import template

register = template.Library()


@register.filter
def percent(part, whole) -> int:
    """Share of part in whole, as a whole percentage (0 when whole is empty)."""
    try:
        return round(100 * int(part) / int(whole)) if int(whole) else 0
    except (TypeError, ValueError):
        return 0


@register.simple_tag
def error_items(*sources) -> list[tuple[str, str]]:
    """The errors of forms, formsets and lists of messages as (link, text) pairs for the error summary
    (includes/_error_summary.html): errors about the whole form first, without a link, then each field's
    error linked to its field ("#id"). Empty sources (a variable the page does not have) are skipped."""
    general: list[tuple[str, str]] = []
    fields: list[tuple[str, str]] = []
    pending = list(sources)
    while pending:
        source = pending.pop(0)
        if not source:
            continue
        if isinstance(source, str):
            general.append(("", source))
        elif hasattr(source, "management_form"):  # a formset
            general.extend(("", str(error)) for error in source.non_form_errors())
            pending[:0] = list(source.forms)
        elif hasattr(source, "visible_fields"):  # a form
            general.extend(("", str(error)) for error in source.non_field_errors())
            for field in source.hidden_fields():
                general.extend(("", str(error)) for error in field.errors)
            for field in source.visible_fields():
                fields.extend((f"#{field.auto_id}", f"{field.label}: {error}") for error in field.errors)
        else:  # a list of forms or of messages
            pending[:0] = list(source)
    return general + fields
