"""The FastAPI application. Each route is a thin call of the Python API (as the CLI is), rendered
by a Jinja2 template with autoescaping; every state-changing request is a POST with a CSRF token."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from markupsafe import Markup

from parley import api, nlp
from parley import forecast as models
from parley.export import FORMATS
from parley.forecast.montecarlo import simulate
from parley.forecast.readers import from_yaml, to_yaml
from parley.model import PLOVER_TYPES, Extraction
from parley.report import brief as brief_report
from parley.report import forecast as forecast_report
from parley.store import Store
from parley.store import corrections as review
from parley.web import highlight, network
from parley.web.events import EventFilter, filtered
from parley.web.security import check_csrf, token_middleware

HERE = Path(__file__).parent
ACTS = ["DEMAND", "OFFER", "ACCEPT", "REJECT", "DEFER"]
EXPORTS = {
    "csv": ("csv", "text/csv"),
    "json": ("json", "application/json"),
    "plover": ("plover", "application/json"),
}
MAX_ROWS = 1000  # rows the events page shows; exports carry every filtered row


def create_app(db: str | None = None, *, token: str | None = None) -> FastAPI:
    app = FastAPI(title="Parley", docs_url=None, redoc_url=None, openapi_url=None)
    app.middleware("http")(token_middleware(token))
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    templates = Jinja2Templates(directory=HERE / "templates")  # autoescape on for .html

    def page(request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
        return templates.TemplateResponse(
            request, name, {"csrf": request.state.csrf, **context}, status_code=status_code
        )

    def stored(read: Any) -> Any:
        with Store.open(db) as store:
            return read(store)

    @app.exception_handler(HTTPException)
    async def error(request: Request, exc: HTTPException) -> Response:
        if not hasattr(request.state, "csrf"):
            return Response(str(exc.detail), status_code=exc.status_code)
        return page(request, "error.html", status_code=exc.status_code, message=exc.detail)

    # -- pages ----------------------------------------------------------------------------------

    @app.get("/", response_class=HTMLResponse)
    def index(request: Request) -> HTMLResponse:
        cases = api.case(db=db)
        articles = stored(lambda s: [_summary(x) for x in s.iter_extractions()])
        return page(request, "index.html", cases=cases, articles=articles)

    @app.get("/case/{case_id}", response_class=HTMLResponse)
    def case(request: Request, case_id: str) -> HTMLResponse:
        try:
            c = api.brief([case_id], db=db)
        except ValueError:
            raise HTTPException(404, f"no negotiation {case_id!r}") from None
        matrix = [
            (issue, [(party, c.matrix[issue].get(party, [])) for party in c.parties])
            for issue in sorted(c.matrix)
        ]
        return page(
            request,
            "case.html",
            case=c,
            case_id=case_id,
            matrix=matrix,
            timeline=Markup(brief_report.svg_timeline(c)),
            trend=Markup(brief_report.svg_trend(brief_report.trend(c))),
            network=Markup(network.svg(c)),
        )

    @app.get("/article/{article_id}", response_class=HTMLResponse)
    def article(request: Request, article_id: str) -> HTMLResponse:
        found = stored(lambda s: (s.get(article_id), s.corrections(article_id)))
        if found[0] is None:
            raise HTTPException(404, f"no article {article_id!r}")
        x, cs = found
        shown = review.apply(x, cs, keep_wrong=True)
        items = _items(shown)
        spans = [
            highlight.Span(i["start"], i["end"], i["anchor"], i["kind"], i["label"])
            for i in items
            if (i["correction"] or {}).get("action") != "wrong"
        ]
        return page(
            request,
            "article.html",
            x=shown,
            text=highlight.render(shown.article.text, spans),
            items=items,
            orphans=review.orphans(x, cs),
            acts=ACTS,
            types=sorted(PLOVER_TYPES),
            codes=sorted({a.code for a in shown.actors if a.code}),
        )

    @app.get("/events", response_class=HTMLResponse)
    def events(request: Request) -> HTMLResponse:
        f = EventFilter.from_query(dict(request.query_params))
        try:
            rows = filtered(stored(lambda s: list(s.iter_extractions(corrected=True))), f)
        except ValueError as exc:
            raise HTTPException(400, str(exc)) from None
        flat = [(x, e) for x in rows for e in x.events]
        return page(
            request,
            "events.html",
            f=f,
            rows=flat[:MAX_ROWS],
            total=len(flat),
            query=f.query(),
            types=[*sorted(PLOVER_TYPES), "STATEMENT"],
        )

    @app.get("/events/export.{fmt}")
    def export(request: Request, fmt: str) -> Response:
        if fmt not in EXPORTS:
            raise HTTPException(404, f"no export format {fmt!r}; use csv, json or plover")
        f = EventFilter.from_query(dict(request.query_params))
        try:
            rows = filtered(stored(lambda s: list(s.iter_extractions(corrected=True))), f)
        except ValueError as exc:
            raise HTTPException(400, str(exc)) from None
        name, media = EXPORTS[fmt]
        buffer = io.StringIO()
        FORMATS[name](rows, buffer)
        suffix = "plover.json" if fmt == "plover" else fmt
        return Response(
            buffer.getvalue(),
            media_type=media,
            headers={"Content-Disposition": f'attachment; filename="parley-events.{suffix}"'},
        )

    @app.get("/forecast", response_class=HTMLResponse)
    def forecast_form(request: Request, case: str = "") -> HTMLResponse:
        text = ""
        if case:
            try:
                text = to_yaml(api.scenario_init([case], db=db))
            except ValueError as exc:
                raise HTTPException(404, str(exc)) from None
        return page(
            request, "forecast.html", scenario=text, models=sorted(models.MODELS), cases=api.case(db=db)
        )

    @app.post("/forecast", response_class=HTMLResponse)
    def forecast_run(
        request: Request,
        scenario: str = Form(...),
        model: str = Form("bdm"),
        draws: int = Form(0),
        csrf: str = Form(""),
    ) -> HTMLResponse:
        check_csrf(request, csrf)
        context: dict[str, Any] = {
            "scenario": scenario,
            "models": sorted(models.MODELS),
            "cases": api.case(db=db),
        }
        try:
            s = from_yaml(scenario, source="scenario")
            result = models.get(model)(s)
            sim = simulate(s, model, draws=min(max(draws, 0), 5000)) if draws else None
        except (ValueError, KeyError, TypeError) as exc:
            return page(request, "forecast.html", status_code=400, error=str(exc), **context)
        return page(
            request,
            "forecast.html",
            model=model,
            draws=draws,
            s=s,
            result=result,
            sim=sim.to_data() if sim else None,
            plot=Markup(forecast_report.svg(s, result)),
            as_json=json.dumps(result.to_data()["outcome"], indent=1, ensure_ascii=False),
            **context,
        )

    # -- corrections ----------------------------------------------------------------------------

    @app.post("/article/{article_id}/correct")
    def correct(
        request: Request,
        article_id: str,
        action: str = Form(...),
        kind: str = Form(...),
        item: str = Form(""),
        note: str = Form(""),
        csrf: str = Form(""),
        act: str = Form(""),
        issue: str = Form(""),
        object: str = Form(""),
        actor: str = Form(""),
        target: str = Form(""),
        type: str = Form(""),
        source: str = Form(""),
        quote: str = Form(""),
        merge_from: str = Form(""),
        merge_to: str = Form(""),
        scope: str = Form("article"),
    ) -> Response:
        check_csrf(request, csrf)
        x = stored(lambda s: s.get(article_id))
        if x is None:
            raise HTTPException(404, f"no article {article_id!r}")
        given = {
            k: v.strip()
            for k, v in {
                "act": act,
                "issue": issue,
                "object": object,
                "actor": actor,
                "target": target,
                "type": type,
                "source": source,
            }.items()
            if v.strip()
        }
        data: dict[str, Any] | None = None
        if action == "edit":
            data = given
        elif action == "add":
            data = _new_item(x, kind, given, quote)
        elif action == "merge":
            data = {"from": merge_from.strip().upper(), "to": merge_to.strip().upper()}
        try:
            api.correct(
                None if action == "merge" and scope == "all" else article_id,
                action=action,
                kind=kind,
                item=item or None,
                data=data,
                note=note,
                db=db,
            )
        except ValueError as exc:
            raise HTTPException(400, str(exc)) from None
        return RedirectResponse(f"/article/{article_id}#items", status_code=303)

    return app


def _summary(x: Extraction) -> dict[str, Any]:
    return {
        "id": x.article.id,
        "title": x.article.title or x.article.id,
        "date": x.article.date,
        "events": len(x.events),
        "statements": len(x.statements),
    }


def _items(x: Extraction) -> list[dict[str, Any]]:
    """Events and statements in text order, each with its key, anchor and a one-line label."""
    out = []
    for e in x.events:
        out.append(
            {
                "kind": "event",
                "key": review.key(e),
                "label": f"{_c(e.source)} {e.kind} {_c(e.target)}".strip(),
                "item": e,
                "correction": e.correction,
                "start": e.evidence.start,
                "end": e.evidence.end,
            }
        )
    for s in x.statements:
        out.append(
            {
                "kind": "statement",
                "key": review.key(s),
                "label": f"{_c(s.actor)} {s.act} {s.issue}: {s.object or ''}".strip(),
                "item": s,
                "correction": s.correction,
                "start": s.evidence.start,
                "end": s.evidence.end,
            }
        )
    out.sort(key=lambda i: (i["start"], i["kind"]))
    for n, i in enumerate(out):
        i["anchor"] = f"item-{n}"
    return out


def _new_item(x: Extraction, kind: str, given: dict[str, str], quote: str) -> dict[str, Any]:
    """An analyst's new statement or event: the quote is found in the article's text."""
    quote = quote.strip()
    start = x.article.text.find(quote) if quote else -1
    if start < 0:
        raise HTTPException(400, "the quote must be copied exactly from the article's text")
    doc = next(nlp.parse([x.article.text]))  # the same sentence split as extraction
    sentence = next((n for n, sent in enumerate(doc.sents) if sent.start_char <= start < sent.end_char), 0)
    evidence = {"sentence": sentence, "start": start, "end": start + len(quote), "exact": quote}
    if kind == "statement":
        return {
            "actor": given.get("actor"),
            "act": given.get("act"),
            "issue": given.get("issue"),
            "object": given.get("object"),
            "target": given.get("target"),
            "evidence": evidence,
        }
    return {
        "source": given.get("source"),
        "target": given.get("target"),
        "type": given.get("type"),
        "evidence": evidence,
    }


def _c(value: Any) -> str:
    if value is None:
        return ""
    return value if isinstance(value, str) else "+".join(value)
