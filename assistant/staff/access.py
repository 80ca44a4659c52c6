"""Who may use the staff tools: nobody needs to sign in unless a staff password or a users file is set.

ASSISTANT_STAFF_PASSWORD is one shared password (any user name). ASSISTANT_STAFF_USERS is a file of
`name:scrypt$salt$hash` lines (make one with `assistant staff-user NAME`); passwords are never stored.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from pathlib import Path

from ..errors import ConfigError

_N, _R, _P = 2**14, 8, 1  # scrypt cost: ~50 ms a check on this machine
TOKEN_HOURS = 12  # how long a signed-in browser may upload files


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
    def __init__(self, settings) -> None:
        self._secret = secrets.token_bytes(32)  # this process's: tokens end with it (shared: issue 24)
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

    def issue_token(self) -> str:
        """A signed, expiring token a signed-in browser shows to routes outside its session (uploads)."""
        expires = str(int(time.time()) + TOKEN_HOURS * 3600)
        return f"{expires}.{self._sign(expires)}"

    def token_valid(self, token: str | None) -> bool:
        if not self.required:
            return True
        expires, _, signature = (token or "").partition(".")
        if not expires.isdigit() or int(expires) < time.time():
            return False
        return hmac.compare_digest(signature, self._sign(expires))

    def _sign(self, text: str) -> str:
        return hmac.new(self._secret, text.encode(), hashlib.sha256).hexdigest()
