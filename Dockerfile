# The agencynet API and pages (used by docker-compose.yml; NEO4J_URI etc. come from there).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    AGENCYNET_DATA_DIR=/app/var/data

WORKDIR /app

# The package (with its Cypher files, data and templates: all shipped by `pip install .`),
# then the sample plans the start command loads.
COPY pyproject.toml README.md ./
COPY agencynet ./agencynet
COPY loaders ./loaders
COPY store ./store
COPY queries ./queries
COPY app ./app
COPY cypher ./cypher
RUN pip install . \
    && useradd --create-home --uid 10001 agencynet \
    && mkdir -p /app/var/data && chown -R agencynet /app/var
COPY samples/plans ./samples/plans

USER agencynet
EXPOSE 8000
CMD ["sh", "-c", "agencynet load samples/plans && exec agencynet serve --host 0.0.0.0 --port 8000"]
