"""``cchc serve``: the reviewer's web app over the store (uploads, overview, reports, triage).

FastAPI is imported only here and below: the rest of cchc never needs it.
"""

from __future__ import annotations

from cchc.web.app import WebConfig, create_app
from cchc.web.auth import Auth, hash_password

__all__ = ["Auth", "WebConfig", "create_app", "hash_password"]
