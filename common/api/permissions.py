from collections.abc import Mapping

from rest_framework.exceptions import NotAuthenticated, PermissionDenied, ValidationError
from rest_framework.fields import empty
from rest_framework.permissions import IsAuthenticated, IsAuthenticatedOrReadOnly
from rest_framework.settings import api_settings


def signed_in_only() -> list:
    """Permission classes of an endpoint that needs an account even to read: the project's defaults (the token
    scope check) with "or read-only" replaced by sign-in, so the schema documents the 401 of anonymous reads."""
    defaults = [p for p in api_settings.DEFAULT_PERMISSION_CLASSES if p is not IsAuthenticatedOrReadOnly]
    return [*defaults, IsAuthenticated]


def require_perm(request, perm: str, obj=None) -> None:
    """The API's permission check: the same rules predicate as the web views (401 for anonymous, 403)."""
    if request.user.has_perm(perm, obj):
        return
    if not request.user.is_authenticated:
        raise NotAuthenticated()
    raise PermissionDenied()


def validated_for(request, serializer_class, parent: str, perm: str) -> tuple:
    """The object `parent` of the body (the plan a commitment is added to…) and the rest of the body, validated.

    The permission on the parent is checked before the rest is validated: someone refused learns nothing of
    the rules of the input (401/403 rather than 400)."""
    serializer = serializer_class(data=request.data)
    if not isinstance(request.data, Mapping):
        serializer.is_valid(raise_exception=True)  # the serializer's own answer to a body that is no object
    try:
        obj = serializer.fields[parent].run_validation(request.data.get(parent, empty))
    except ValidationError as error:
        raise ValidationError({parent: error.detail}) from error
    require_perm(request, perm, obj)
    serializer.is_valid(raise_exception=True)
    values = dict(serializer.validated_data)
    values.pop(parent)
    return obj, values
