"""Open sessions name the backend that signed their person in: Django's and allauth's backends gave way to
accounts/backends.py's, so each open session is given the new name (a session naming a backend that is not in
settings.AUTHENTICATION_BACKENDS is anonymous: everyone would have been signed out)."""

from django.contrib.auth import BACKEND_SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.db import migrations
from django.utils import timezone

RENAMED = {
    "django.contrib.auth.backends.ModelBackend": "accounts.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend": "accounts.backends.AuthenticationBackend",
}


def _rename(apps, schema_editor, names: dict) -> None:
    Session = apps.get_model("sessions", "Session")
    store = SessionStore()  # decodes and encodes as every store does (signed with SECRET_KEY)
    open_sessions = Session.objects.using(schema_editor.connection.alias).filter(expire_date__gt=timezone.now())
    for session in open_sessions.iterator(chunk_size=1000):
        data = store.decode(session.session_data)  # {} when the signature does not hold: left as it is
        backend = data.get(BACKEND_SESSION_KEY)
        if backend in names:
            data[BACKEND_SESSION_KEY] = names[backend]
            session.session_data = store.encode(data)
            session.save(update_fields=["session_data"])


def forwards(apps, schema_editor):
    _rename(apps, schema_editor, RENAMED)


def backwards(apps, schema_editor):
    _rename(apps, schema_editor, {new: old for old, new in RENAMED.items()})


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0010_api_token_scope"),
        ("sessions", "0001_initial"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
