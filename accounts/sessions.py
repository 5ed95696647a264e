"""The session store (SESSION_ENGINE): Django's database sessions, each request's session read by a statement
written once per process.

Every signed-in request reads its session by key: through the ORM that query cost about 0.6 ms, most of it
writing the SQL; kept as a statement (common.compiled_models) about 0.25 ms. The expiry is checked on the row
read, as Django's store checks it in the query: an expired session is no session.

A session names the backend that signed its person in, and Django signs out a session whose backend is not in
settings.AUTHENTICATION_BACKENDS: sessions opened when Django's and allauth's own backends were listed there are
read with the names of those that replaced them (accounts/backends.py), so nobody is signed out by the change,
whenever the session was last written.
"""

from django.contrib.auth import BACKEND_SESSION_KEY
from django.contrib.sessions.backends import db
from django.contrib.sessions.models import Session
from django.utils import timezone

from common.compiled_models import CompiledModels

_BY_KEY = CompiledModels(lambda key: Session.objects.filter(session_key=key))
RENAMED_BACKENDS = {
    "django.contrib.auth.backends.ModelBackend": "accounts.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend": "accounts.backends.AuthenticationBackend",
}


class SessionStore(db.SessionStore):
    def _get_session_from_db(self):
        session = _BY_KEY.one(self.session_key)
        if session is None or session.expire_date <= timezone.now():
            self._session_key = None
            return None
        return session

    def load(self):
        data = super().load()
        backend = data.get(BACKEND_SESSION_KEY)
        if backend in RENAMED_BACKENDS:
            data[BACKEND_SESSION_KEY] = RENAMED_BACKENDS[backend]
        return data
