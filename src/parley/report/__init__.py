"""Reports read from an extraction: the terminal view of one article (`parley show`)."""
