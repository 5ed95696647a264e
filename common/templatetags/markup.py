from django import template

from common.markdown import render_markdown

register = template.Library()


@register.filter(name="markdown")
def markdown_filter(text: str):
    """{{ proposal.problem|markdown }}: user Markdown as sanitised HTML."""
    return render_markdown(text)
