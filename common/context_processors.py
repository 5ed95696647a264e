from django.conf import settings


def site(request):
    """Values every page template needs."""
    return {"SITE_NAME": settings.SITE_NAME}
