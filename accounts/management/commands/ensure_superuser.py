import os
import secrets

from django.core.management.base import BaseCommand
from django.db import transaction

from accounts.email_address import normalize_email
from accounts.models import User


class Command(BaseCommand):
    help = (
        "Create the superuser if it does not exist: DJANGO_SUPERUSER_EMAIL and DJANGO_SUPERUSER_PASSWORD "
        "when set, otherwise admin@example.org with a generated password that is printed."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        from allauth.account.models import EmailAddress

        email = normalize_email(os.environ.get("DJANGO_SUPERUSER_EMAIL", "admin@example.org"))
        password = os.environ.get("DJANGO_SUPERUSER_PASSWORD", "")
        user = User.objects.filter(email=email).first()
        if user is None:
            generated = not password
            password = password or secrets.token_urlsafe(12)
            user = User.objects.create_superuser(email=email, password=password, full_name="Administrator")
            shown = password if generated else "(from DJANGO_SUPERUSER_PASSWORD)"
            self.stdout.write(self.style.SUCCESS(f"Superuser created: {email} / {shown}"))
        elif password:
            user.set_password(password)
            user.save(update_fields=["password"])
            self.stdout.write(f"Superuser {email}: password set from DJANGO_SUPERUSER_PASSWORD.")
        else:
            self.stdout.write(
                f"Superuser {email} exists (its password was printed when it was created; "
                "set DJANGO_SUPERUSER_PASSWORD to change it)."
            )
        EmailAddress.objects.update_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
