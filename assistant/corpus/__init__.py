"""Corpus folder → Articles: decoding, cleaning, metadata, per-article overrides."""

from .loader import CorpusLoad, Skipped, UnusableFile, load_article, load_corpus

__all__ = ["CorpusLoad", "Skipped", "UnusableFile", "load_article", "load_corpus"]
