"""agencynet web service: FastAPI API, server-rendered pages with JSON twins, pyvis views.

Create the app with ``app.main.create_app(settings)``; serve it with
``agencynet serve`` or ``uvicorn app.main:create_app --factory``.
"""
