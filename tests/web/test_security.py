"""Token for non-local binding, CSRF on every state-changing request."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from parley.cli import app as cli
from parley.web import create_app
from parley.web.security import needs_token


def test_only_loopback_goes_without_token() -> None:
    assert not needs_token("127.0.0.1") and not needs_token("localhost")
    assert needs_token("0.0.0.0") and needs_token("192.168.1.5")
    result = CliRunner().invoke(cli, ["serve", "--host", "0.0.0.0"], env={"PARLEY_TOKEN": ""})
    assert result.exit_code == 1 and "give --token or set PARLEY_TOKEN" in result.output


def test_token_is_checked_on_every_request(db: str) -> None:
    client = TestClient(create_app(db, token="s3cret"))
    for path in ("/", "/events", "/events/export.csv", "/static/parley.css", "/case/RUS-UKR-2022-02"):
        assert client.get(path).status_code == 401, path
    assert client.get("/", headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert client.get("/", headers={"Authorization": "Bearer s3cret"}).status_code == 200
    # ?token= moves the token into a cookie and out of the address bar
    first = client.get("/events?token=s3cret&actor=RUS", follow_redirects=False)
    assert first.status_code == 303 and "token" not in first.headers["location"]
    assert client.get("/events").status_code == 200  # the cookie now carries it


def _item_key(client: TestClient, article: str) -> str:
    page = client.get(f"/article/{article}")
    return re.search(r'name="item" value="([^"]+)"', page.text).group(1)


def test_post_without_or_with_a_wrong_csrf_token_is_refused(client: TestClient) -> None:
    article = "istanbul-round-2022-03-29"
    key = _item_key(client, article)
    form = {"action": "wrong", "kind": key.split(":")[0], "item": key}
    assert client.post(f"/article/{article}/correct", data=form).status_code == 403
    assert client.post(f"/article/{article}/correct", data={**form, "csrf": "forged"}).status_code == 403
    other_origin = client.post(
        f"/article/{article}/correct",
        data={**form, "csrf": client.cookies["parley_csrf"]},
        headers={"Origin": "http://evil.example"},
        follow_redirects=False,
    )
    assert other_origin.status_code == 403
    ok = client.post(
        f"/article/{article}/correct",
        data={**form, "csrf": client.cookies["parley_csrf"]},
        follow_redirects=False,
    )
    assert ok.status_code == 303


def test_csrf_cookie_is_strict() -> None:
    from parley.web.security import CSRF_COOKIE

    assert CSRF_COOKIE == "parley_csrf"


def test_no_string_built_sql_in_the_web_layer() -> None:
    from pathlib import Path

    import parley.web

    for path in Path(parley.web.__file__).parent.glob("*.py"):
        source = path.read_text(encoding="utf-8")
        assert not re.search(r"\b(execute|text)\(\s*f[\"']", source), path
        assert "SELECT " not in source.upper().replace("SELECTED", ""), path
