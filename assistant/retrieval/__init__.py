"""Query → ranked Passages: dense (Chroma) and BM25 fused, with filters and cross-lingual help."""

from .filters import Filters, build_where
from .hybrid import Meaning, Retriever

__all__ = ["Filters", "Meaning", "Retriever", "build_where"]
