"""The scope of API tokens, checked on every endpoint: the first of DRF's default permission classes.

Kept apart from accounts/api.py: DRF imports its default permission classes while defining APIView, so this
module imports no view.
"""

from django.utils.translation import gettext_lazy as _
from knox.models import AuthToken
from rest_framework.permissions import SAFE_METHODS, BasePermission

from accounts.models import ApiTokenScope
from accounts.tokens import api_token_scope


class TokenScopePermission(BasePermission):
    """A read-only token reads only: every unsafe method is a 403, whatever the endpoint (a DRF default)."""

    message = _(
        "This API token is read-only. Ask POST /api/v1/auth/token/ for a token with the scope “read_write” to write."
    )
    code = "read_only_token"

    def has_permission(self, request, view) -> bool:
        if request.method in SAFE_METHODS or not isinstance(request.auth, AuthToken):
            return True
        return api_token_scope(request.auth) != ApiTokenScope.Scope.READ
