"""The brief as an email: a .eml message, and sending one through SMTP.

The message has a plain-text part (the Markdown brief), an HTML part (the HTML brief with its
CSS inlined by css-inline, since mail clients drop <style> blocks) and, if configured, the
PDF attached. Its Date and Message-ID come from the brief, so the same brief gives the same
file. The SMTP password is read from the environment variable the config names.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import smtplib
import ssl
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from email.utils import format_datetime
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.errors import BriefingError, RenderError

if TYPE_CHECKING:  # pragma: no cover
    from briefing.config import EmailConfig
    from briefing.models import Brief


def subject_of(brief: Brief, config: EmailConfig) -> str:
    from briefing.render import long_date

    try:
        return config.subject.format(title=brief.title, date=long_date(brief.date))
    except (KeyError, IndexError, ValueError) as exc:
        raise RenderError(f"email.subject: {exc}; only {{title}} and {{date}} can be filled in") from None


def build_message(brief: Brief, templates_dir: Path | None, config: EmailConfig) -> bytes:
    """The .eml bytes of the brief."""
    import css_inline

    from briefing.render import render_markdown, render_pdf, render_template

    text = render_markdown(brief, templates_dir).decode("utf-8")
    html = css_inline.inline(render_template("brief.html.j2", brief, templates_dir, autoescape=True,
                                             medium="email"))
    message = EmailMessage(policy=policy.SMTP)
    message["Subject"] = subject_of(brief, config)
    message["From"] = config.sender
    if config.to:
        message["To"] = ", ".join(config.to)
    message["Date"] = format_datetime(dt.datetime.combine(brief.date, dt.time(6, 0), tzinfo=dt.timezone.utc))
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]
    message["Message-ID"] = f"<brief-{brief.date.isoformat()}-{digest}@briefing.invalid>"
    message.set_content(text, subtype="plain", charset="utf-8")
    message.add_alternative(html, subtype="html", charset="utf-8")
    if config.attach_pdf:
        message.add_attachment(render_pdf(brief, templates_dir), maintype="application", subtype="pdf",
                               filename=f"brief-{brief.date.isoformat()}.pdf")
    # Fixed boundaries: the email package picks random ones, and the same brief should give
    # the same file.
    for number, part in enumerate(p for p in message.walk() if p.is_multipart()):
        part.set_boundary(f"=_brief_{digest}_{number}")
    return message.as_bytes()


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


def send_message(path: Path, config: EmailConfig) -> list[str]:
    """Send the .eml at ``path`` through the configured SMTP server; returns the recipients."""
    try:
        message = BytesParser(policy=policy.default).parsebytes(path.read_bytes())
    except OSError as exc:
        raise BriefingError(f"{path}: cannot read: {exc.strerror or exc}") from None
    recipients = list(config.to) or [a.strip() for a in str(message.get("To", "")).split(",") if a.strip()]
    if not recipients:
        raise BriefingError(f"{path}: no recipients: set email.to in the config or a To header in the message")
    smtp = config.smtp
    password = smtp_password(config)
    try:
        if smtp.security == "ssl":
            client = smtplib.SMTP_SSL(smtp.host, smtp.port, timeout=smtp.timeout,
                                      context=ssl.create_default_context())
        else:
            client = smtplib.SMTP(smtp.host, smtp.port, timeout=smtp.timeout)
        with client:
            if smtp.security == "starttls":
                client.starttls(context=ssl.create_default_context())
            if smtp.user:
                client.login(smtp.user, password or "")
            client.send_message(message, from_addr=config.sender, to_addrs=recipients)
    except smtplib.SMTPAuthenticationError:
        raise BriefingError(f"{smtp.host}:{smtp.port} refused the login of {smtp.user!r}") from None
    except smtplib.SMTPNotSupportedError:
        raise BriefingError(f"{smtp.host}:{smtp.port} does not offer STARTTLS; set email.smtp.security to ssl "
                            f"or none") from None
    except (smtplib.SMTPException, OSError) as exc:
        raise BriefingError(f"sending through {smtp.host}:{smtp.port} failed: {exc}") from None
    return recipients
