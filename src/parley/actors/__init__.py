"""Actors: the dictionary (data/) and resolution of mentions inside an article."""
