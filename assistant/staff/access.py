"""Who may use the staff tools: nobody needs to sign in unless a staff password or a users file is set.

ASSISTANT_STAFF_PASSWORD is one shared password (any user name). ASSISTANT_STAFF_USERS is a file of
`name:scrypt$salt$hash` lines (make one with `assistant staff-user NAME`); passwords are never stored.

A sign-in starts a session: a random token the browser keeps as a cookie, and a record of it (under the token's
hash, never the token) in the sessions ledger. Behind a Chroma server that ledger is shared, so a session begun on
one app server is valid on every other, and a sign-out on any of them ends it everywhere.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from pathlib import Path

from ..errors import ConfigError
from ..ledger import Ledger, MemoryLedger
from ..service import metrics
from .sign_in_throttle import SignInThrottle

_N, _R, _P = 2**14, 8, 1  # scrypt cost: ~50 ms a check on this machine
SESSION_HOURS = 12  # how long a sign-in lasts


def hash_password(password: str, salt: bytes | None = None) -> str:
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, n=_N, r=_R, p=_P)
    return f"scrypt${salt.hex()}${digest.hex()}"


def _matches(password: str, stored: str) -> bool:
    try:
        kind, salt, digest = stored.split("$")
        expected = bytes.fromhex(digest)
        salt_bytes = bytes.fromhex(salt)
    except ValueError:
        return False
    if kind != "scrypt":
        return False
    return hmac.compare_digest(hashlib.scrypt(password.encode(), salt=salt_bytes, n=_N, r=_R, p=_P), expected)


class StaffAccess:
    def __init__(self, settings, sessions: Ledger | None = None) -> None:
        self.sessions = sessions if sessions is not None else MemoryLedger()
        self.throttle = SignInThrottle(self.sessions)
        self.password = settings.staff_password.get_secret_value() if settings.staff_password else None
        self.users: dict[str, str] = {}
        if settings.staff_users:
            path = Path(settings.staff_users)
            try:
                lines = path.read_text(encoding="utf-8").splitlines()
            except OSError as e:
                raise ConfigError(
                    f"the staff users file {path} cannot be read ({e.strerror})",
                    "fix ASSISTANT_STAFF_USERS, or unset it",
                ) from None
            for line in lines:
                name, sep, stored = line.strip().partition(":")
                if line.strip() and not line.startswith("#"):
                    if not sep or not stored.startswith("scrypt$"):
                        raise ConfigError(
                            f"a line of {path} is not `name:scrypt$…`", "make lines with: assistant staff-user NAME"
                        )
                    self.users[name.strip()] = stored.strip()

    @property
    def required(self) -> bool:
        return bool(self.password or self.users)

    def check(self, user: str, password: str) -> bool:
        """Whether these credentials open the staff tools (always true when no login is required)."""
        if not self.required:
            return True
        ok = False
        if self.password is not None:
            ok = hmac.compare_digest(password.encode(), self.password.encode())
        stored = self.users.get((user or "").strip())
        if stored is not None:
            ok = _matches(password, stored) or ok
        return ok

    def sign_in(self, user: str, password: str, address: str) -> tuple[bool, str]:
        """(signed in, what to tell the user): a name tried wrongly from an address must wait longer each time."""
        wait = self.throttle.wait(user, address)
        if wait:
            return False, f"Too many wrong tries for this name: wait {wait} s, then try again."
        if self.check(user, password):
            self.throttle.succeeded(user, address)
            return True, ""
        metrics.FAILED_SIGN_INS.inc()
        wait = self.throttle.failed(user, address)
        return False, f"Wrong user name or password. The next try for this name waits {wait} s."

    def start(self, user: str) -> str:
        """A new session for a signed-in user; its token (for the browser's cookie)."""
        now = time.time()
        for record in self.sessions.all():  # the expired ones go first: the ledger stays small
            if float(record.get("expires", 0)) < now:
                self.sessions.delete(str(record["id"]))
        token = secrets.token_urlsafe(32)
        self.sessions.add({"id": _session_key(token), "user": user, "expires": now + SESSION_HOURS * 3600})
        return token

    def user_of(self, token: str | None) -> str | None:
        """Who a session token belongs to, while it lasts and has not been ended; else None."""
        if not token:
            return None
        record = self.sessions.get(_session_key(token))
        if record is None or float(record.get("expires", 0)) < time.time():
            return None
        return str(record.get("user") or "staff")

    def end(self, token: str | None) -> None:
        """Sign out: the session ends on every server that shares the ledger."""
        if token:
            self.sessions.delete(_session_key(token))

    def token_valid(self, token: str | None) -> bool:
        """Whether a browser showing this token may use the staff tools (always, when no sign-in is set)."""
        return not self.required or self.user_of(token) is not None


def _session_key(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()[:32]
