"""Text rules every stage shares: scripts and languages, sentences and headings, dates, tokens."""
