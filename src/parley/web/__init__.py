"""The browser workspace (`parley serve`): browse, verify, correct and export a negotiation.

app.py        the FastAPI application: routes, one per page or action
security.py   token for non-local binding, CSRF for every state-changing request
events.py     the events table: filters and the CSV / JSON / PLOVER-JSON exports
highlight.py  article text with every evidence span marked and linked
network.py    the actor network (who demands what of whom, who guarantees whom) as SVG
templates/    Jinja2 pages (autoescaped), static/ the CSS and script, all packaged
"""

from parley.web.app import create_app

__all__ = ["create_app"]
