from django import template

register = template.Library()


@register.filter
def percent(part, whole) -> int:
    """Share of part in whole, as a whole percentage (0 when whole is empty)."""
    try:
        return round(100 * int(part) / int(whole)) if int(whole) else 0
    except (TypeError, ValueError):
        return 0
