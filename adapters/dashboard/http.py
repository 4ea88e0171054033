"""The dashboard's routes under /dashboard: the one-time link, the page, the CSV downloads."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from aiohttp import web

from adapters.dashboard import messages
from adapters.dashboard.access import LOGIN_PATH, LinkRefused, Sessions
from adapters.dashboard.render import page_html, refusal_html, table_csv
from adapters.dashboard.report import Archive, Page, ReportCache, build_page
from bot.services import Services

COOKIE = "socialbot_dashboard"
HEADERS = {
    # Nothing from outside, no framing, and the one-time link never leaks as a referrer.
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; "
                               "img-src 'self'; form-action 'self'; frame-ancestors 'none'",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
}


@dataclass
class Dashboard:
    services: Services
    archive: Archive
    sessions: Sessions
    cache: ReportCache
    base_url: str = ""  # where people open it, for links asked for in chat

    def chat_link(self, person_id: str) -> str:
        """The personal one-time link, in the sentence a chat sends (privately) to its person."""
        signer = self.sessions.signer
        return messages.dashboard_link(self.base_url.rstrip("/") + signer.path(person_id),
                                       signer.minutes)

    def warm(self, people: Iterable[str]) -> None:
        """Summarise the store for these people now, before the server listens."""
        self.cache.warm(self.services, self.archive, people)

    def page(self, person_id: str) -> Page:
        return build_page(self.services, self.archive, person_id,
                          self.services.workflow.clock.now(), self.cache)


DASHBOARD_KEY = web.AppKey("dashboard", Dashboard)


def mount(app: web.Application, dashboard: Dashboard) -> None:
    app[DASHBOARD_KEY] = dashboard
    app.router.add_get(LOGIN_PATH, login)
    app.router.add_get("/dashboard", show)
    app.router.add_get("/dashboard/", show)
    app.router.add_get("/dashboard/csv/{table}.csv", download)


def _html(text: str, status: int = 200) -> web.Response:
    return web.Response(text=text, status=status, content_type="text/html", headers=HEADERS)


def is_https(request: web.Request) -> bool:
    forwarded = request.headers.get("X-Forwarded-Proto", "").split(",")[0].strip().lower()
    return request.secure or forwarded == "https"


async def login(request: web.Request) -> web.Response:
    dashboard = request.app[DASHBOARD_KEY]
    try:
        token = request.query.get("t", "")
        if len(token) > 1000:
            raise LinkRefused(messages.LINK_INVALID)
        person_id, session_id = dashboard.sessions.redeem(token)
    except LinkRefused as refused:
        status = 410 if str(refused) in (messages.LINK_USED, messages.LINK_EXPIRED) else 403
        return _html(refusal_html(str(refused)), status)
    if person_id not in dashboard.services.directory:
        return _html(refusal_html(messages.LINK_INVALID), 403)
    response = web.Response(status=303, headers={**HEADERS, "Location": "/dashboard/"})
    response.set_cookie(COOKIE, session_id, max_age=dashboard.sessions.session_minutes * 60,
                        path="/dashboard", httponly=True, samesite="Strict",
                        secure=is_https(request))
    return response


def _person(request: web.Request) -> str | None:
    dashboard = request.app[DASHBOARD_KEY]
    person_id = dashboard.sessions.person(request.cookies.get(COOKIE))
    return person_id if person_id in dashboard.services.directory else None


async def show(request: web.Request) -> web.Response:
    person_id = _person(request)
    if person_id is None:
        return _html(refusal_html(messages.NO_SESSION), 401)
    dashboard = request.app[DASHBOARD_KEY]
    await dashboard.services.durability.flushed()  # nothing shown that is not on disk
    return _html(page_html(dashboard.page(person_id)))


async def download(request: web.Request) -> web.Response:
    person_id = _person(request)
    if person_id is None:
        return _html(refusal_html(messages.NO_SESSION), 401)
    table_id = request.match_info["table"]
    dashboard = request.app[DASHBOARD_KEY]
    await dashboard.services.durability.flushed()
    table = dashboard.page(person_id).table(table_id)
    if table is None:
        return _html(refusal_html(messages.UNKNOWN_TABLE), 404)
    return web.Response(text=table_csv(table), content_type="text/csv", headers={
        **HEADERS, "Content-Disposition": f"attachment; filename=\"{table.id}.csv\""})
