"""OpenAPI post-processing: every operation documents the error responses it can give."""

ERROR_SCHEMA = {
    "type": "object",
    "description": "Every error of the API has this shape.",
    "properties": {
        "status": {"type": "integer", "description": "HTTP status code", "example": 400},
        "code": {"type": "string", "description": "Machine-readable error code", "example": "invalid"},
        "detail": {"type": "string", "description": "Human-readable message"},
        "errors": {
            "type": "object",
            "description": "For 400 responses: messages by field name (non_field_errors for the whole input).",
            "additionalProperties": {"type": "array", "items": {"type": "string"}},
        },
    },
    "required": ["status", "code", "detail", "errors"],
}
DESCRIPTIONS = {
    "400": "Invalid input: query parameter or body; field errors in `errors`.",
    "401": "Authentication required (session or `Authorization: Token <key>`).",
    "403": "The account is not allowed to do this on this object.",
    "404": "No such object (or not visible), or a page past the last one.",
    "415": "The body's media type is not one the operation reads (JSON, form or multipart), or a multipart body "
    "is malformed.",
    "429": "Too many requests; retry after the number of seconds in the `Retry-After` header.",
}


def add_error_responses(result, generator, request, public):
    result.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR_SCHEMA
    ref = {"$ref": "#/components/schemas/Error"}
    for path, operations in result.get("paths", {}).items():
        for method, operation in operations.items():
            codes = ["400", "429"]
            if method != "get":
                codes += ["401", "403"]
                if method != "delete":
                    codes += ["415"]  # DRF's parsers refuse the body before the view runs
            if "{" in path or any(p.get("name") == "page" for p in operation.get("parameters", [])):
                codes += ["404"]  # unknown object, or a page number past the last page
            if operation.get("security") and {} not in operation["security"]:
                codes += ["401", "403"]  # signed in, the account may still lack the permission
            responses = operation.setdefault("responses", {})
            for code in codes:
                response = {"description": DESCRIPTIONS[code], "content": {"application/json": {"schema": ref}}}
                if code == "429":
                    response["headers"] = {
                        "Retry-After": {"schema": {"type": "integer"}, "description": "Seconds to wait"}
                    }
                responses.setdefault(code, response)
    return result
