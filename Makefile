# Set-up and everyday commands. `make run` and `make test` work on a fresh machine with
# only Python 3.11, this checkout and ../shared beside it.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
MANAGE := $(BIN)/python manage.py
PORT ?= 8000
NOTES_DIR ?= ../shared/notes
export NOTES_DIR

.PHONY: help setup run serve test lint format bench chromium

help:
	@echo "make run    set everything up and serve on http://127.0.0.1:$(PORT) (development)"
	@echo "make test   set up the environment and run the whole test suite"
	@echo "make setup  everything 'run' does except serving"
	@echo "make lint   ruff check, ruff format --check, makemigrations --check"
	@echo "make serve  production-style server: gunicorn, whitenoise, DJANGO_DEBUG=0"
	@echo "make bench  benchmarks (import speed, pathological notes, search and its relevance, answers, database"
	@echo "            recovery), printed and saved in bench/results/"

# The virtualenv is rebuilt only when pyproject.toml changes.
$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[dev]'
	@touch $(STAMP)

setup: $(STAMP)
	$(MANAGE) migrate --noinput
	@if [ -d "$(NOTES_DIR)" ]; then $(MANAGE) import_notes "$(NOTES_DIR)" \
		|| echo "Some notes files could not be imported (listed above); the site serves the rest."; \
	else echo "NOTES_DIR $(NOTES_DIR) does not exist: the site will have no imported notes."; fi
	$(MANAGE) generate_questions

run: setup
	DJANGO_DEBUG=$${DJANGO_DEBUG:-1} $(MANAGE) runserver 127.0.0.1:$(PORT)

# Production-style: static files collected and served by WhiteNoise, DEBUG off. Plain HTTP
# on localhost, so HTTPS redirects and secure-only cookies are off unless you set them.
serve: setup
	@test -s .secret_key || $(BIN)/python -c "import secrets; print(secrets.token_urlsafe(50))" > .secret_key
	DJANGO_DEBUG=0 $(MANAGE) collectstatic --noinput --verbosity 0
	DJANGO_DEBUG=0 DJANGO_SECRET_KEY=$${DJANGO_SECRET_KEY:-$$(cat .secret_key)} \
	DJANGO_SECURE_SSL_REDIRECT=$${DJANGO_SECURE_SSL_REDIRECT:-0} \
	DJANGO_SECURE_COOKIES=$${DJANGO_SECURE_COOKIES:-0} \
	$(BIN)/gunicorn portal.wsgi --config portal/gunicorn.conf.py --bind 127.0.0.1:$(PORT) \
		--access-logfile -

test: $(STAMP) chromium
	$(BIN)/pytest

# Browser tests drive Debian's Chromium (Playwright downloads no browser here). Installed when
# missing and we are root; otherwise those tests are skipped.
chromium:
	@command -v chromium >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null \
		&& (apt-get update -qq && apt-get install -y -qq chromium >/dev/null) \
		|| echo "chromium is not installed: browser tests will be skipped"; }

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(MANAGE) makemigrations --check --dry-run

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

bench: $(STAMP) chromium
	@command -v wrk >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && apt-get install -y -qq wrk >/dev/null \
		|| (apt-get update -qq && apt-get install -y -qq wrk >/dev/null); }
	$(BIN)/python bench/import_notes.py
	$(BIN)/python bench/pathological.py
	$(BIN)/python bench/generate_questions.py
	$(BIN)/python bench/search.py
	$(BIN)/python bench/relevance.py
	$(BIN)/python bench/answers.py
	$(BIN)/python bench/recovery.py
