"""Who may use the server: a token (``CCHC_TOKEN``) or a users file with hashed passwords.

On the loopback interface without either, everyone on the machine is the local user. Otherwise /api
calls need ``Authorization: Bearer <token>`` (or ``Bearer name:password`` of a user), and pages need a
login that sets an HttpOnly, SameSite=Strict session cookie. Every form carries a CSRF token derived from
the session. Sessions are signed with a per-server secret (``CCHC_SECRET``, else random at start-up).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import ipaddress
import os
import secrets
import time
from dataclasses import dataclass, field
from pathlib import Path

from cchc.errors import UsageError

SESSION_COOKIE = "cchc_session"
SESSION_SECONDS = 12 * 3600
_ITERATIONS = 200_000


def hash_password(password: str, *, salt: str | None = None, iterations: int = _ITERATIONS) -> str:
    """A users-file hash: ``pbkdf2_sha256$<iterations>$<salt>$<hex digest>``."""
    salt = salt or secrets.token_hex(16)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt.encode("ascii"), iterations)
    return f"pbkdf2_sha256${iterations}${salt}${digest.hex()}"


def verify_password(password: str, stored: str) -> bool:
    try:
        scheme, iterations, salt, _ = stored.split("$")
    except ValueError:
        return False
    if scheme != "pbkdf2_sha256":
        return False
    return hmac.compare_digest(hash_password(password, salt=salt, iterations=int(iterations)), stored)


def read_users(path: Path) -> dict[str, str]:
    """``name:hash`` per line (``#`` comments and blank lines skipped)."""
    users: dict[str, str] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        name, sep, hashed = line.rpartition(":")
        if not sep or not name.strip() or not hashed.startswith("pbkdf2_sha256$"):
            raise UsageError(f"{path}:{number}: expected 'name:pbkdf2_sha256$…' (see cchc serve --hash-password)")
        users[name.strip()] = hashed
    return users


def is_loopback(host: str) -> bool:
    if host in ("localhost", "localhost.localdomain"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@dataclass
class Auth:
    """The server's credentials; ``required`` when a token or users are configured."""

    token: str | None = None
    users: dict[str, str] = field(default_factory=dict)
    local_user: str = "local"
    secret: bytes = field(default_factory=lambda: os.environ.get("CCHC_SECRET", "").encode() or secrets.token_bytes(32))

    @property
    def required(self) -> bool:
        return bool(self.token or self.users)

    def check_bearer(self, header: str | None) -> str | None:
        """Who an ``Authorization`` header belongs to (None: not valid)."""
        if not header or not header.startswith("Bearer "):
            return None
        value = header[len("Bearer "):].strip()
        if self.token and hmac.compare_digest(value.encode(), self.token.encode()):
            return "token"
        name, sep, password = value.partition(":")
        if sep and name in self.users and verify_password(password, self.users[name]):
            return name
        return None

    def check_login(self, name: str, password: str) -> str | None:
        """The reviewer's name when the credentials are right (with a token, the name is the one typed)."""
        name = " ".join(name.split())[:80]
        if name in self.users:
            return name if verify_password(password, self.users[name]) else None
        if self.token and name and hmac.compare_digest(password.encode(), self.token.encode()):
            return name
        return None

    # ------------------------------------------------------------------ sessions and CSRF

    def _sign(self, payload: str) -> str:
        return hmac.new(self.secret, payload.encode("utf-8"), hashlib.sha256).hexdigest()

    def session_cookie(self, name: str, now: float | None = None) -> str:
        expires = int((now or time.time()) + SESSION_SECONDS)
        payload = base64.urlsafe_b64encode(f"{expires}|{name}".encode()).decode("ascii")
        return f"{payload}.{self._sign(payload)}"

    def session_user(self, cookie: str | None, now: float | None = None) -> str | None:
        if not cookie or "." not in cookie:
            return None
        payload, _, signature = cookie.rpartition(".")
        if not hmac.compare_digest(signature, self._sign(payload)):
            return None
        try:
            expires, _, name = base64.urlsafe_b64decode(payload.encode("ascii")).decode("utf-8").partition("|")
            if int(expires) < (now or time.time()):
                return None
        except (ValueError, UnicodeDecodeError):
            return None
        return name or None

    def csrf_token(self, cookie: str) -> str:
        return self._sign("csrf|" + cookie)[:40]

    def check_csrf(self, cookie: str | None, token: str | None) -> bool:
        return bool(cookie and token) and hmac.compare_digest(self.csrf_token(cookie or ""), token or "")
