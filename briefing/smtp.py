"""Delivering a brief's .eml through SMTP (building it is ``briefing.message``).

The SMTP password is read from the environment variable the config names, never from the YAML.
"""

from __future__ import annotations

import os
import smtplib
import ssl
from email import policy
from email.parser import BytesParser
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.errors import BriefingError

if TYPE_CHECKING:  # pragma: no cover
    from briefing.config import EmailConfig


def smtp_password(config: EmailConfig) -> str | None:
    """The SMTP password from the environment variable the config names, if a login is set;
    an error that says which variable to set if it is missing."""
    smtp = config.smtp
    if not smtp.user:
        return None
    password = os.environ.get(smtp.password_env)
    if password is None:
        raise BriefingError(f"email.smtp.user is {smtp.user!r} but the environment variable {smtp.password_env} "
                            f"holding the password is not set")
    return password


def check_sendable(config: EmailConfig) -> None:
    """Fail before a brief is built if it could not be sent: no recipients or no password."""
    if not config.to:
        raise BriefingError("--send needs recipients: set email.to in the config")
    smtp_password(config)


def _deliver(message, config: EmailConfig, recipients: list[str], password: str | None, clients: list) -> None:
    smtp = config.smtp
    if smtp.security == "ssl":
        client = smtplib.SMTP_SSL(timeout=smtp.timeout, context=ssl.create_default_context())
    else:
        client = smtplib.SMTP(timeout=smtp.timeout)
    clients.append(client)  # so that a delivery past its deadline can be cut off
    client.connect(smtp.host, smtp.port)
    with client:
        if smtp.security == "starttls":
            client.starttls(context=ssl.create_default_context())
        if smtp.user:
            client.login(smtp.user, password or "")
        client.send_message(message, from_addr=config.sender, to_addrs=recipients)


def send_message(path: Path, config: EmailConfig) -> list[str]:
    """Send the .eml at ``path`` through the configured SMTP server within ``smtp.timeout``
    seconds in all (a server that trickles its greeting would outlast any per-read timeout);
    returns the recipients."""
    import threading

    try:
        message = BytesParser(policy=policy.default).parsebytes(path.read_bytes())
    except OSError as exc:
        raise BriefingError(f"{path}: cannot read: {exc.strerror or exc}") from None
    recipients = list(config.to) or [a.strip() for a in str(message.get("To", "")).split(",") if a.strip()]
    if not recipients:
        raise BriefingError(f"{path}: no recipients: set email.to in the config or a To header in the message")
    smtp = config.smtp
    password = smtp_password(config)
    outcome: dict[str, BaseException] = {}
    clients: list = []

    def work() -> None:
        try:
            _deliver(message, config, recipients, password, clients)
        except BaseException as exc:  # handed to the caller's thread
            outcome["error"] = exc

    worker = threading.Thread(target=work, name="smtp", daemon=True)
    worker.start()
    worker.join(smtp.timeout)
    if worker.is_alive():
        for client in clients:
            try:
                client.sock.shutdown(2)
            except (AttributeError, OSError):
                pass
        raise BriefingError(f"{smtp.host}:{smtp.port} did not finish the delivery within {smtp.timeout:g} s "
                            f"(email.smtp.timeout)")
    error = outcome.get("error")
    if error is None:
        return recipients
    if isinstance(error, smtplib.SMTPAuthenticationError):
        raise BriefingError(f"{smtp.host}:{smtp.port} refused the login of {smtp.user!r}") from None
    if isinstance(error, smtplib.SMTPNotSupportedError):
        raise BriefingError(f"{smtp.host}:{smtp.port} does not offer STARTTLS; set email.smtp.security to ssl "
                            f"or none") from None
    if isinstance(error, (smtplib.SMTPException, OSError, ValueError, UnicodeError)):
        raise BriefingError(f"sending through {smtp.host}:{smtp.port} failed: {error}") from None
    raise error
