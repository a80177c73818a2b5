"""Events: PLOVER/CAMEO coding from dependency parses, with patterns kept in data/."""
