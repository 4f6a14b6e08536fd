"""``cchc serve``: the reviewer's web app over the store (uploads, overview, reports, triage).

Names are imported on first use: ``cchc --help`` loads ``cchc.web.serve_command`` without FastAPI or pydantic.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from cchc.web.app import WebConfig, create_app
    from cchc.web.auth import Auth, hash_password

_WHERE = {"WebConfig": "app", "create_app": "app", "Auth": "auth", "hash_password": "auth"}
__all__ = ["Auth", "WebConfig", "create_app", "hash_password"]


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module 'cchc.web' has no attribute {name!r}")
    return getattr(import_module(f"cchc.web.{_WHERE[name]}"), name)
