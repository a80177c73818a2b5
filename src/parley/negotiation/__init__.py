"""Negotiation: parties' stated positions (statements), what is traded against what, guarantors."""
