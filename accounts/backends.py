"""The authentication backends that sign people in (settings.AUTHENTICATION_BACKENDS): Django's and allauth's,
each reading the signed-in person by a statement written once per process.

Every signed-in request reads its user by id (django.contrib.auth.get_user): through the ORM that query cost
about 0.65 ms, most of it writing the SQL; kept as a statement (common.compiled_models) about 0.25 ms. Sessions
naming the backends these replaced are read with the new names (accounts/sessions.py).
"""

from allauth.account import auth_backends
from django.contrib.auth import backends

from accounts.models import User
from common.compiled_models import CompiledModels

_BY_ID = CompiledModels(lambda pk: User._default_manager.filter(pk=pk).order_by())


class _KeptUser:
    def get_user(self, user_id):
        user = _BY_ID.one(user_id)
        return user if user is not None and self.user_can_authenticate(user) else None


class ModelBackend(_KeptUser, backends.ModelBackend):
    """django.contrib.auth.backends.ModelBackend."""


class AuthenticationBackend(_KeptUser, auth_backends.AuthenticationBackend):
    """allauth.account.auth_backends.AuthenticationBackend."""
