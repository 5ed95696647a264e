from rest_framework.exceptions import NotAuthenticated, PermissionDenied


def require_perm(request, perm: str, obj=None) -> None:
    """The API's permission check: the same rules predicate as the web views (401 for anonymous, 403)."""
    if request.user.has_perm(perm, obj):
        return
    if not request.user.is_authenticated:
        raise NotAuthenticated()
    raise PermissionDenied()
