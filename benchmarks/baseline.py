"""The naive RAG baseline the assistant is measured against, in the same process.

Dense only: 1000-character chunks with 200 characters of overlap, the same MiniLM
embedder, top-k cosine similarity from Chroma. No BM25, no titles, no cross-lingual help.
"""

from __future__ import annotations

from pathlib import Path

from assistant.records import Passage


class NaiveDenseBaseline:
    def __init__(self, articles, embedder, path: Path) -> None:
        import chromadb
        from chromadb.config import Settings as ChromaSettings
        from langchain_text_splitters import RecursiveCharacterTextSplitter

        self.embedder = embedder
        splitter = RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200, add_start_index=True)
        client = chromadb.PersistentClient(path=str(path), settings=ChromaSettings(anonymized_telemetry=False))
        self.col = client.get_or_create_collection(
            "baseline", embedding_function=None, configuration={"hnsw": {"space": "cosine"}}
        )
        ids, docs, metas = [], [], []
        for a in articles:
            for i, d in enumerate(splitter.create_documents([a.text])):
                ids.append(f"{a.id}:{i}")
                docs.append(d.page_content)
                metas.append({"article": a.id, "chunk": i, "start": d.metadata["start_index"], "title": a.title})
        self.chunks = len(ids)
        self.col.upsert(ids=ids, documents=docs, metadatas=metas, embeddings=embedder.embed(docs).tolist())

    def search(self, query: str, k: int = 4) -> list[Passage]:
        vec = self.embedder.embed([query])[0]
        res = self.col.query(
            query_embeddings=[vec.tolist()], n_results=k, include=["documents", "metadatas", "distances"]
        )
        return [
            Passage(
                article=m["article"],
                chunk=m["chunk"],
                chunk_id=cid,
                text=doc,
                title=m["title"],
                date=None,
                start=m["start"],
                end=m["start"] + len(doc),
                score=1 - dist,
                dense=1 - dist,
            )
            for cid, doc, m, dist in zip(
                res["ids"][0], res["documents"][0], res["metadatas"][0], res["distances"][0], strict=False
            )
        ]
