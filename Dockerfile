# The same steps as `make run`: install, upgrade the schema, load the seeds, start gunicorn.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    TIMELINE_DATA_DIR=/data \
    TIMELINE_BIND=0.0.0.0:8000

WORKDIR /app

# Dependencies first, in their own layer: it is rebuilt only when pyproject.toml changes.
COPY pyproject.toml README.md ./
RUN mkdir -p service schemas && touch service/__init__.py schemas/__init__.py \
    && pip install . && pip uninstall -y timeline

COPY service ./service
COPY schemas ./schemas
COPY seeds ./seeds
COPY gunicorn.conf.py ./
# Editable, so the code finds seeds/ and gunicorn.conf.py beside it in /app, as in a checkout.
RUN pip install --no-deps -e . \
    && useradd --system --uid 10001 --home /app timeline \
    && mkdir -p /data && chown timeline /data

USER timeline
VOLUME ["/data"]
EXPOSE 8000

HEALTHCHECK --interval=30s --timeout=3s --start-period=10s \
    CMD python -c "import urllib.request,sys; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/healthz').status != 200)"

CMD ["sh", "-c", "timeline db upgrade && timeline seed && exec gunicorn -c gunicorn.conf.py"]
