# The two commands: `make run` (serve the portal with demo data) and `make test` (the whole suite).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
# The embedded default: SQLite file, eager Celery, local media, console e-mail.
DEV_ENV := DEBUG=1 DJANGO_SETTINGS_MODULE=ogp_portal.settings.local

.PHONY: run test stack-smoke setup setup-dev system-deps messages lint bench bench-smoke clean audit

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.runtime: requirements.txt | $(VENV)/bin/python
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt | $(VENV)/bin/python
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.runtime

setup: $(VENV)/.runtime

setup-dev: $(VENV)/.dev

## run: set up (and the PDF libraries when missing), migrate, load demo data, create the superuser, serve on 127.0.0.1:$(PORT)
run: setup
	@bash bin/system-deps --pdf
	$(DEV_ENV) $(PY) manage.py migrate --noinput
	$(DEV_ENV) $(PY) manage.py seed_demo
	$(DEV_ENV) $(PY) manage.py ensure_superuser
	@echo "Serving on http://127.0.0.1:$(PORT)/ (admin: http://127.0.0.1:$(PORT)/admin/)"
	$(DEV_ENV) $(PY) manage.py runserver 127.0.0.1:$(PORT)

## test: set up and run the whole pytest suite (services it needs skip when absent, unless REQUIRE_SERVICES=1),
## in TEST_WORKERS pytest-xdist processes (one per core; each has its own databases and media: settings/test.py;
## `--dist load` keeps each worker's transactional tests after its others, as pytest-django orders them)
TEST_WORKERS ?= 2
test: setup-dev system-deps messages
	$(PY) -m pytest -n $(TEST_WORKERS) --dist load $(PYTEST_ARGS)

## stack-smoke: the production topology for real — nginx (deploy/nginx/) with TLS on 127.0.0.1 in front of two
## gunicorn instances, two Celery workers and one beat, on PostgreSQL (DATABASE_URL's server, database
## h_stack_smoke, created and dropped), Redis (REDIS_URL's server, db 2) as the broker and a cache Redis of its own
## (redis-server with docker-compose.yml's `cache` command, on a free port) — and a journey through nginx
stack-smoke: setup-dev system-deps
	$(PY) -m pytest -m stack tests/stack $(PYTEST_ARGS)

## system-deps: Debian packages the suite uses (Chromium, gettext, Pango, poppler), installed when missing
system-deps:
	@bash bin/system-deps

## messages: compile the translation catalogues (the compiled files are also committed)
messages: setup
	@if command -v msgfmt >/dev/null; then $(DEV_ENV) $(PY) manage.py compilemessages --ignore=.venv -v0; \
	else echo "msgfmt not found: using the committed .mo files"; fi

## makemessages: refresh the French and Spanish catalogues from the code and templates
makemessages: setup
	$(DEV_ENV) $(PY) manage.py makemessages -l fr -l es --ignore=.venv --ignore=test-artifacts --no-obsolete

## lint: style (ruff), security (bandit: medium severity and above) and size (bin/check-sizes: modules at most
## 300 lines, functions at most 60, migrations exempt) of the project's code
## bench: national-scale dataset in PostgreSQL, gunicorn + wrk, every page hit and miss (signed-in pages signed
## in) against floors and targets (docs/PERFORMANCE.md); about 38–45 minutes. BENCH_ARGS="--seconds 8": longer runs
bench: setup-dev system-deps
	$(PY) -m bench.run $(BENCH_ARGS)

## bench-smoke: the same harness on tiny data in a few minutes (one-second runs, no paced runs, no targets judged)
bench-smoke: setup-dev system-deps
	$(PY) -m bench.run --smoke

.PHONY: load load-smoke
## load: 200 simulated participants (locust) against gunicorn + PostgreSQL for 150 s; no 5xx, no write lost
load: setup-dev
	$(PY) -m bench.load_run $(LOAD_ARGS)

## load-smoke: the same run with 20 participants for 20 s (CI); exits non-zero on any 5xx or mismatch
load-smoke: setup-dev
	$(PY) -m bench.load_run --smoke

lint: setup-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports --no-cache
	$(VENV)/bin/bandit -q -r ogp_portal partnership analytics cycle monitoring drafting support grants peers consultations irm_reports commitments accounts notifications common -x "*/migrations/*" -ll
	$(PY) bin/check-sizes

## audit: supply chain — Django's deployment checks with the production settings, then pip-audit over the
## pinned requirements with the waivers of .ci/audit-waivers.txt (bandit runs in `make lint`)
audit: setup-dev
	env -u DEBUG -u SECRET_KEY DJANGO_SETTINGS_MODULE=ogp_portal.settings.production ALLOWED_HOSTS=portal.example.org \
		SITE_URL=https://portal.example.org \
		SECRET_KEY="$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(64))')" \
		$(PY) manage.py check --deploy --fail-level WARNING
	$(PY) bin/audit-deps requirements.txt requirements-dev.txt

clean:
	rm -rf $(VENV) db.sqlite3 media staticfiles test-artifacts
