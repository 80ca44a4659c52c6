"""A chat assistant over a news corpus: grounded answers with checked citations."""

__version__ = "0.1.0"
