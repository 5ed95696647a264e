"""API tokens (django-rest-knox): only a digest is stored, each token expires (API_TOKEN_TTL_DAYS), and an
account has one live token at a time.

A token is revoked whenever what it was issued under changes: a new token is issued, the password is
changed, set or reset (by any path: User.save() revokes when a new password is saved), the role changes,
the account is deleted.
"""

from django.db import transaction
from knox.models import AuthToken

from accounts.models import User


@transaction.atomic
def api_token_issue(*, user: User) -> str:
    """A new API token for `user`; the ones issued before stop working. The key is returned once."""
    AuthToken.objects.filter(user=user).delete()
    _token, key = AuthToken.objects.create(user=user)
    return key


@transaction.atomic
def api_tokens_revoke(*, user: User) -> int:
    """Every API token of `user` stops working at once; returns how many there were."""
    count, _deleted = AuthToken.objects.filter(user=user).delete()
    return count
