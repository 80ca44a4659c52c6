"""The assistant as an OpenAI-compatible HTTP API (FastAPI).

Routes in app.py, request and response shapes in schemas.py, errors in errors.py, the server in server.py.
"""
