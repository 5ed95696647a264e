from django import template

from grants.services._common import money as format_money

register = template.Library()


@register.simple_tag
def money(amount, currency: str) -> str:
    """{% money amount call.currency %}: USD 5,000.00 in the page's number format ("" without an amount)."""
    return "" if amount is None else format_money(amount, currency)
