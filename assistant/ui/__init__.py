"""The students' web chat (Gradio), kept apart from the pipeline: rendering in render.py, wiring in app.py."""
