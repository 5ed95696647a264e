# One image for web, worker and beat.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1
# WeasyPrint needs Pango, and HarfBuzz's subsetter to embed only the glyphs a PDF uses; fonts for the PDFs are shipped in static/, DejaVu is the fallback.
RUN apt-get update \
    && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 \
       fonts-dejavu-core gettext \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY requirements.txt .
RUN pip install -r requirements.txt
COPY . .
RUN DJANGO_SETTINGS_MODULE=ogp_portal.settings.production SECRET_KEY=collectstatic-only \
    python manage.py collectstatic --noinput \
    && useradd --create-home --uid 1000 portal && mkdir -p /data/media && chown -R portal /data/media
USER portal
EXPOSE 8000
CMD ["gunicorn", "ogp_portal.wsgi", "--bind", "0.0.0.0:8000", "--workers", "3"]
