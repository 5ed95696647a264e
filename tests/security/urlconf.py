"""Every URL pattern of the site, the DRF router's included, and the write methods each view answers."""

from django.urls import URLPattern, URLResolver, get_resolver
from django.views.generic.edit import ProcessFormView

# Excluded on purpose, with the reason; everything else must be in ENDPOINTS.
EXCLUDED_PREFIXES = {
    "admin/": "Django's admin: its own model permissions, tested in tests/*/test_admin.py",
    "accounts/": "allauth's sign-in, sign-up, password and e-mail views act on the signed-in account only",
}
OURS_UNDER_ACCOUNTS = {
    "profile",
    "profile-api-token",
    "profile-api-token-revoke",
    "profile-data",
    "profile-delete",
    "profile-organisation",
    "profile-organisation-decide",
}  # declared in matrix.ENDPOINTS, not excluded


def url_patterns(resolver=None, prefix: str = "", namespace: str | None = None):
    """(route, qualified name, callback) of every URL pattern, the API router's included."""
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            inner = namespace
            if pattern.namespace:
                inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
            yield from url_patterns(pattern, prefix + str(pattern.pattern), inner)
        elif isinstance(pattern, URLPattern):
            name = f"{namespace}:{pattern.name}" if namespace and pattern.name else pattern.name
            yield prefix + str(pattern.pattern), name, pattern.callback


def is_excluded(route: str, name: str | None) -> bool:
    return name not in OURS_UNDER_ACCOUNTS and any(route.startswith(p) for p in EXCLUDED_PREFIXES)


def declared_write_methods(callback) -> set[str]:
    """The non-GET methods a view answers: DRF's action map, or the handlers a class-based view defines."""
    actions = getattr(callback, "actions", None)
    if actions is not None:
        return {m for m in actions if m not in ("get", "head", "options")}
    view_class = getattr(callback, "view_class", None) or getattr(callback, "cls", None)
    if view_class is None:
        return set()
    allowed = getattr(view_class, "http_method_names", [])
    methods = {m for m in ("post", "put", "patch", "delete") if m in allowed and hasattr(view_class, m)}
    if getattr(view_class, "put", None) is ProcessFormView.put:
        methods.discard("put")  # Django's form views hand PUT to post(): the POST rule covers it
    return methods
