# The bot as a container: `docker build -t socialbot .`, or `docker compose up -d` (compose.yaml).
# Runs as an unprivileged user; the store lives on the /data volume; settings come from
# /etc/socialbot/app.yaml (mount your own) and SOCIALBOT__SECTION__KEY variables; secrets
# (SLACK_*, MICROSOFT_APP_*, MODERATION_INTAKE_*, REMOVAL_WEBHOOK_SECRET) only from the environment.

FROM python:3.12-slim AS build
WORKDIR /src
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY adapters ./adapters
COPY cards ./cards
COPY storage ./storage
COPY socialbot ./socialbot
RUN pip wheel --no-cache-dir --wheel-dir /wheels .

FROM python:3.12-slim
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    SOCIALBOT__SERVER__HOST=0.0.0.0 \
    SOCIALBOT__SERVER__PORT=3978 \
    SOCIALBOT__STORAGE__PATH=/data/socialbot.json \
    LOG_FORMAT=json
RUN groupadd --system --gid 10001 socialbot \
 && useradd --system --uid 10001 --gid socialbot --home-dir /data --shell /usr/sbin/nologin socialbot \
 && install -d -o socialbot -g socialbot -m 0700 /data \
 && install -d -m 0755 /etc/socialbot
COPY --from=build /wheels /wheels
RUN pip install --no-cache-dir /wheels/*.whl && rm -rf /wheels
COPY app.yaml /etc/socialbot/app.yaml
# `docker exec <container> socialbot outbox` (or backup, verify) finds app.yaml from here.
WORKDIR /etc/socialbot
USER socialbot:socialbot
VOLUME ["/data"]
EXPOSE 3978
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/healthz' % os.environ.get('SOCIALBOT__SERVER__PORT', '3978'), timeout=4)"]
CMD ["socialbot", "serve", "--config", "/etc/socialbot/app.yaml"]
