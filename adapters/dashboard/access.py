"""One-time personal links and the sessions they start.

A link carries `person.expiry.nonce`, signed with HMAC-SHA256 by a secret kept beside the
database (0600). Redeeming it records the nonce as used in the key-value port, so a second use
is refused even after a restart; the session it starts is a random id whose hash is stored
with the person and the expiry.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from adapters.dashboard import messages
from bot.ports import KeyValueStore

NONCES, SESSIONS = "dashboard_nonce", "dashboard_session"
LOGIN_PATH = "/dashboard/login"


class LinkRefused(Exception):
    """The link is altered, expired or used; the message says which."""


def load_secret(path: Path) -> bytes:
    """The signing key beside the database, created once, readable by this OS user only."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return bytes.fromhex(path.read_text().strip())
    key = secrets.token_bytes(32)
    with os.fdopen(fd, "w") as out:
        out.write(key.hex())
    return key


def secret_path(storage_path: Path) -> Path:
    return storage_path.with_name(storage_path.name + ".dashboard.key")


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


@dataclass
class LinkSigner:
    secret: bytes
    minutes: int = 5
    now: Callable[[], float] = time.time

    def token(self, person_id: str) -> str:
        body = json.dumps({"p": person_id, "e": int(self.now() + self.minutes * 60),
                           "n": secrets.token_urlsafe(16)}, separators=(",", ":")).encode()
        return f"{_b64(body)}.{_b64(self._sign(body))}"

    def path(self, person_id: str) -> str:
        return f"{LOGIN_PATH}?t={self.token(person_id)}"

    def verify(self, token: str) -> tuple[str, str]:
        """(person, nonce) of a genuine, unexpired link; LinkRefused otherwise."""
        try:
            body_text, signature_text = token.split(".")
            body, signature = _unb64(body_text), _unb64(signature_text)
        except ValueError:
            raise LinkRefused(messages.LINK_INVALID) from None
        if not hmac.compare_digest(signature, self._sign(body)):
            raise LinkRefused(messages.LINK_INVALID)
        claims = json.loads(body)
        if not isinstance(claims, dict) or not all(isinstance(claims.get(k), t) for k, t in
                                                   (("p", str), ("e", int), ("n", str))):
            raise LinkRefused(messages.LINK_INVALID)
        if claims["e"] < self.now():
            raise LinkRefused(messages.LINK_EXPIRED)
        return claims["p"], claims["n"]

    def _sign(self, body: bytes) -> bytes:
        return hmac.new(self.secret, body, hashlib.sha256).digest()


@dataclass
class Sessions:
    kv: KeyValueStore
    signer: LinkSigner
    session_minutes: int = 60

    def redeem(self, token: str) -> tuple[str, str]:
        """Use a link once: (person, session id). Raises LinkRefused."""
        person_id, nonce = self.signer.verify(token)
        if self.kv.get_value(NONCES, nonce) is not None:
            raise LinkRefused(messages.LINK_USED)
        self.kv.put_value(NONCES, nonce, {"used_at": self.signer.now()})
        session_id = secrets.token_urlsafe(32)
        self.kv.put_value(SESSIONS, _key(session_id), {
            "person": person_id, "expires": self.signer.now() + self.session_minutes * 60})
        return person_id, session_id

    def person(self, session_id: str | None) -> str | None:
        if not session_id or len(session_id) > 100:
            return None
        record = self.kv.get_value(SESSIONS, _key(session_id))
        if record is None or record["expires"] < self.signer.now():
            return None
        return str(record["person"])


def _key(session_id: str) -> str:
    # Only a hash is stored: a copy of the store does not hold live sessions.
    return hashlib.sha256(session_id.encode()).hexdigest()
