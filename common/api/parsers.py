"""JSON as the API accepts it: a bad body is a 400 with a reason, never a server error."""

from django.utils.translation import gettext as _
from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser

MAX_DEPTH = 32


def json_problem(data, max_depth: int = MAX_DEPTH) -> str | None:
    """Why parsed JSON cannot be stored as text (NUL characters, lone surrogates) or is nested absurdly deep."""
    stack = [(data, 0)]
    while stack:
        value, depth = stack.pop()
        if depth > max_depth:
            return _("The JSON document is nested more than %(depth)d levels deep.") % {"depth": max_depth}
        if isinstance(value, dict):
            stack.extend((key, depth + 1) for key in value)
            stack.extend((item, depth + 1) for item in value.values())
        elif isinstance(value, list):
            stack.extend((item, depth + 1) for item in value)
        elif isinstance(value, str):
            if "\x00" in value:
                return _("Text cannot contain NUL characters.")
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                return _("Text contains an invalid Unicode character (a lone surrogate).")
    return None


class StrictJSONParser(JSONParser):
    """DRF's JSON parser, refusing what would otherwise fail later: deep nesting, NUL characters, lone surrogates."""

    def parse(self, stream, media_type=None, parser_context=None):
        try:
            data = super().parse(stream, media_type, parser_context)
        except RecursionError as error:
            raise ParseError(_("The JSON document is nested too deeply.")) from error
        problem = json_problem(data)
        if problem:
            raise ParseError(problem)
        return data
