"""Articles → searchable index: chunking, embeddings, the Chroma store, BM25, and sync."""
