"""Server entry: ``streamlit run serve.py`` serves the chat (``app.py``) with the embedding model and the index
loaded when the server starts, not at the first page view (``ui.start_warm_up`` in Streamlit's lifespan hook).

``streamlit run app.py`` still works: it opens them at the first page view instead.
"""

from __future__ import annotations

from contextlib import asynccontextmanager
from pathlib import Path

import streamlit as st

import ui


@asynccontextmanager
async def _lifespan(_app):
    ui.start_warm_up()  # a background thread: the server accepts pages at once, a question waits for the load
    yield


app = st.App(str(Path(__file__).resolve().parent / "app.py"), lifespan=_lifespan)
