"""API tokens (django-rest-knox): only a digest is stored, each token expires (API_TOKEN_TTL_DAYS), and an
account has one live token at a time.

A token is revoked whenever what it was issued under changes: a new token is issued, the password is
changed, set or reset (by any path: User.save() revokes when a new password is saved), the role changes,
the account is deleted.

A token has a scope (ApiTokenScope, beside knox's row): read-only, the default for a new token, or read-write.
A read-only token is refused every unsafe method on every endpoint (TokenScopePermission, in the API's default
permission classes, accounts/api.py). Tokens issued before scopes existed have no scope row and stay read-write.
"""

from django.db import transaction
from knox.models import AuthToken

from accounts.models import ApiTokenScope, User


@transaction.atomic
def api_token_issue(*, user: User, scope: str = ApiTokenScope.Scope.READ) -> str:
    """A new API token for `user` with `scope`; the ones issued before stop working. The key is returned once."""
    AuthToken.objects.filter(user=user).delete()
    token, key = AuthToken.objects.create(user=user)
    ApiTokenScope.objects.create(token=token, scope=scope)
    return key


@transaction.atomic
def api_tokens_revoke(*, user: User) -> int:
    """Every API token of `user` stops working at once; returns how many there were."""
    _total, deleted = AuthToken.objects.filter(user=user).delete()
    return deleted.get(AuthToken._meta.label, 0)  # the scopes deleted with them are not counted


def api_token_scope(token: AuthToken) -> str:
    """The token's scope; a token issued before scopes existed is read-write."""
    scope = ApiTokenScope.objects.filter(token=token).values_list("scope", flat=True).first()
    return scope or ApiTokenScope.Scope.READ_WRITE
