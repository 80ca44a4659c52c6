"""Canned queries → scored reports: query files, metrics, runs, Markdown and comparison."""
