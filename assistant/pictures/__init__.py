"""Pictures: the partnership network and timeline, the corpus and feedback over time, the evaluation page."""
