"""A sign-in form that is guessed at gets slower: after each wrong try for one user name from one address, the
next try must wait twice as long (1, 2, 4 … up to MAX_WAIT seconds); a right one, or QUIET_MINUTES without
tries, starts over. Kept in the sessions' ledger (swept like a session once it `expires`), so guesses spread over
several servers count together."""

from __future__ import annotations

import hashlib
import time

from ..ledger import Ledger

MAX_WAIT = 60
QUIET_MINUTES = 15


class SignInThrottle:
    def __init__(self, ledger: Ledger) -> None:
        self.ledger = ledger

    @staticmethod
    def _key(user: str, address: str) -> str:
        return "try-" + hashlib.sha256(f"{user.strip().casefold()}\n{address}".encode()).hexdigest()[:32]

    def wait(self, user: str, address: str) -> int:
        """Seconds before this name may be tried again from this address (0: now)."""
        record = self.ledger.get(self._key(user, address))
        if record is None:
            return 0
        return max(0, int(float(record["until"]) - time.time() + 0.999))

    def failed(self, user: str, address: str) -> int:
        """Count a wrong try; the seconds the next one must wait."""
        key, now = self._key(user, address), time.time()
        record = self.ledger.get(key)
        recent = record is not None and now - float(record["last"]) < QUIET_MINUTES * 60
        tries = int(record["tries"]) + 1 if recent and record else 1
        wait = min(MAX_WAIT, 2 ** (tries - 1))
        self.ledger.add(
            {"id": key, "tries": tries, "last": now, "until": now + wait, "expires": now + QUIET_MINUTES * 60}
        )
        return wait

    def succeeded(self, user: str, address: str) -> None:
        self.ledger.delete(self._key(user, address))
