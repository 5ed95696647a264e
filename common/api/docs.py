"""The API reference page: the OpenAPI schema read as an accessible HTML page of the site.

It replaces a third-party viewer (Swagger UI): the page carries the site's language, navigation and
contrast, works without JavaScript, and lists each operation with its parameters and answers. The schema
itself stays at /api/schema/ for tools.
"""

from django.utils.translation import get_language
from django.views.generic import TemplateView
from drf_spectacular.generators import SchemaGenerator

from common.markdown import render_markdown

METHODS = ("get", "post", "put", "patch", "delete")
# Generated once per language and process: the schema changes only with the code.
_references: dict[str, dict] = {}


def _schema_name(schema: dict) -> str:
    """A short name for a body or parameter schema: its component, its type, or a list of them."""
    if "$ref" in schema:
        return schema["$ref"].rsplit("/", 1)[-1]
    if schema.get("type") == "array":
        return f"[{_schema_name(schema.get('items', {}))}]"
    if "allOf" in schema or "oneOf" in schema:
        return " | ".join(_schema_name(part) for part in schema.get("allOf", schema.get("oneOf")))
    return schema.get("format") or schema.get("type") or ""


def _operation(path: str, method: str, operation: dict) -> dict:
    body = operation.get("requestBody", {}).get("content", {})
    body_schema = next(iter(body.values()), {}).get("schema")
    return {
        "id": operation["operationId"],
        "method": method.upper(),
        "path": path,
        "summary": operation.get("summary", ""),
        "description": render_markdown(operation.get("description", "")),
        "parameters": [
            {
                "name": parameter["name"],
                "location": parameter["in"],
                "required": parameter.get("required", False),
                "type": _schema_name(parameter.get("schema", {})),
                "description": parameter.get("description", ""),
            }
            for parameter in operation.get("parameters", [])
        ],
        "body": _schema_name(body_schema) if body_schema else "",
        "responses": [
            {"status": status, "description": response.get("description", "")}
            for status, response in operation.get("responses", {}).items()
        ],
    }


def api_reference() -> dict:
    """Title, description and the operations grouped by tag, in the active language."""
    language = get_language()
    if language not in _references:
        schema = SchemaGenerator().get_schema(request=None, public=True)
        groups: dict[str, list] = {}
        for path, operations in schema["paths"].items():
            for method in METHODS:
                if method in operations:
                    tag = (operations[method].get("tags") or ["api"])[0]
                    groups.setdefault(tag, []).append(_operation(path, method, operations[method]))
        _references[language] = {
            "title": schema["info"]["title"],
            "version": schema["info"]["version"],
            "description": render_markdown(schema["info"].get("description", "")),
            "groups": [{"tag": tag, "operations": ops} for tag, ops in groups.items()],
        }
    return _references[language]


class ApiReferenceView(TemplateView):
    template_name = "api/reference.html"

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "reference": api_reference()}
