"""Staff tools over the core: the partnership table, drafted partnership summaries, DOCX export."""
