"""Who may talk to the server, and proof that a form was sent from our own page.

A token (when set) must come with every request: `Authorization: Bearer TOKEN`, or the
`parley_token` cookie that `?token=TOKEN` sets once. CSRF uses a double-submit cookie: every page
sets `parley_csrf` (SameSite=Strict) and puts the same value in its forms; a state-changing request
must bring both, equal.
"""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Awaitable, Callable

from fastapi import HTTPException, Request, Response
from fastapi.responses import PlainTextResponse, RedirectResponse

TOKEN_COOKIE = "parley_token"
CSRF_COOKIE = "parley_csrf"
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}


def needs_token(host: str) -> bool:
    """Binding anything but the loopback interface exposes the workspace: a token is required."""
    return host not in LOCAL_HOSTS


def token_middleware(
    token: str | None,
) -> Callable[[Request, Callable[[Request], Awaitable[Response]]], Awaitable[Response]]:
    async def check(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        if token:
            given = request.query_params.get("token")
            if given is not None and _same(given, token):
                # move the token from the address bar into a cookie
                response = RedirectResponse(request.url.remove_query_params("token"), status_code=303)
                response.set_cookie(TOKEN_COOKIE, token, httponly=True, samesite="strict")
                return response
            header = request.headers.get("authorization", "")
            bearer = header[7:] if header.lower().startswith("bearer ") else ""
            if not (_same(bearer, token) or _same(request.cookies.get(TOKEN_COOKIE, ""), token)):
                return PlainTextResponse("401: a token is required (PARLEY_TOKEN)", status_code=401)
        request.state.csrf = request.cookies.get(CSRF_COOKIE) or secrets.token_urlsafe(32)
        response = await call_next(request)
        if request.cookies.get(CSRF_COOKIE) != request.state.csrf:
            response.set_cookie(CSRF_COOKIE, request.state.csrf, httponly=True, samesite="strict")
        return response

    return check


def check_csrf(request: Request, submitted: str | None) -> None:
    """Raise 403 unless the form's token equals the cookie's and the origin (if sent) is ours."""
    cookie = request.cookies.get(CSRF_COOKIE, "")
    if not cookie or not submitted or not _same(cookie, submitted):
        raise HTTPException(status_code=403, detail="CSRF check failed: reload the page and try again")
    origin = request.headers.get("origin")
    if origin and origin != "null" and origin.rstrip("/") != str(request.base_url).rstrip("/"):
        raise HTTPException(status_code=403, detail="CSRF check failed: request from another origin")


def _same(a: str, b: str) -> bool:
    return hmac.compare_digest(a.encode(), b.encode())
